/**
 * The large lists of a parse result (a sheet's raw rows, a provincial table's units) stay in the
 * parse worker and are pulled by the ingesting thread in chunks while it loads them, inside the
 * file's (synchronous) transaction. Sent in one message, a 200,000-row export was one structured
 * clone of several hundred MB, deserialised whole on the ingesting thread before the first row was
 * written: the file was held three times at once (the worker's copy, the message, the copy here).
 * Pulled, the ingesting thread holds one chunk (and the next, prefetched) and the worker lets each
 * chunk go as it is sent.
 *
 * The transaction cannot await, so the pull is synchronous: the request goes to the worker on a
 * MessageChannel, the ingesting thread sleeps on a shared counter (Atomics.wait) that the worker
 * bumps after posting the chunk, and takes the chunk with receiveMessageOnPort. A worker that died
 * (out of memory while cloning a chunk) cannot bump it: after PULL_TIMEOUT_MS without an answer the
 * pull throws a plain Error, which is not the file's fault (the run fails, the file is taken again).
 *
 * Lists of at most CHUNK_ITEMS items travel in the reply as before: a pull costs a wake-up of each
 * thread (~0.1 ms on a quiet machine, ~2 ms at load 10), which is noise for a big table and the
 * largest cost of a 34-row CSV. One channel serves all the jobs of a worker; stream ids are never
 * reused, so an answer to a pull that a failed load abandoned is recognised and dropped.
 *
 * Everything travels by structured clone, as before: null, undefined, NaN and -0 arrive as they left.
 */
import { type MessagePort, receiveMessageOnPort } from 'node:worker_threads'
import type { Sequence } from '../pipeline/types.ts'

/** Items per chunk (and the most a list may have to travel in the reply): big enough that a round
 * trip is noise, small enough to hold two. */
export const CHUNK_ITEMS = 2_000

/** How long the ingesting thread waits for one chunk before it decides the worker is gone. */
const PULL_TIMEOUT_MS = 60_000

/** In a parse result on the wire: this list is in the worker, as stream `stream`, of `length` items. */
export interface StreamRef {
  stream: number
  length: number
}

export type PullRequest = { type: 'pull'; stream: number } | { type: 'release'; streams: number[] }

export type PullReply =
  | { type: 'chunk'; stream: number; items: unknown[]; last: boolean }
  | { type: 'error'; stream: number; message: string; stack: string | undefined }

// ---- worker side ---------------------------------------------------------------------------------

/**
 * The worker's end: the lists of the last parse, each let go chunk by chunk as it is pulled, and
 * dropped whole when the next job starts (a load that never happened, e.g. the lease was lost).
 */
export class StreamServer {
  /** A list that is small enough travels as it is; a bigger one stays here as a stream. */
  static readonly inlineMax = CHUNK_ITEMS

  readonly #lists = new Map<number, unknown[]>()
  #next = 1
  #port: MessagePort | undefined
  #signal: Int32Array | undefined
  /** Called before each chunk is cut (fault injection in tests). */
  readonly #beforeChunk: () => void

  constructor(beforeChunk: () => void = () => {}) {
    this.#beforeChunk = beforeChunk
  }

  /** The channel and signal of this worker's pulls (sent with its first job). */
  connect(port: MessagePort, signal: SharedArrayBuffer): void {
    this.#port?.close()
    this.#port = port
    this.#signal = new Int32Array(signal)
    port.on('message', (m: PullRequest) => this.#serve(m))
  }

  /** A new job: the previous job's lists go. */
  clear(): void {
    this.#lists.clear()
  }

  /** Keeps `list` here (it is emptied as it is pulled); the reference travels instead. */
  hold(list: unknown[]): StreamRef {
    const stream = this.#next++
    this.#lists.set(stream, list)
    return { stream, length: list.length }
  }

  #serve(m: PullRequest): void {
    const port = this.#port
    const signal = this.#signal
    if (!port || !signal) return
    if (m.type === 'release') {
      // By id, not all: this message and the next job come on different ports, in no set order.
      for (const stream of m.streams) this.#lists.delete(stream)
      return
    }
    let reply: PullReply
    try {
      this.#beforeChunk()
      const list = this.#lists.get(m.stream)
      if (!list) throw new Error(`parse stream ${m.stream} is not held by the worker (already released?)`)
      // splice: the items sent are no longer referenced here, so the worker's heap shrinks as the
      // load goes on.
      const items = list.splice(0, CHUNK_ITEMS)
      const last = list.length === 0
      if (last) this.#lists.delete(m.stream)
      reply = { type: 'chunk', stream: m.stream, items, last }
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err))
      reply = { type: 'error', stream: m.stream, message: e.message, stack: e.stack }
    }
    port.postMessage(reply)
    Atomics.add(signal, 0, 1)
    Atomics.notify(signal, 0)
  }
}

// ---- ingesting side ------------------------------------------------------------------------------

/** The ingesting thread's end of one worker's channel. */
export class StreamClient {
  readonly #port: MessagePort
  readonly #signal: Int32Array
  /** Streams handed out since the last release (nothing to tell the worker when none). */
  #open: number[] = []

  constructor(port: MessagePort, signal: SharedArrayBuffer) {
    this.#port = port
    this.#signal = new Int32Array(signal)
  }

  /** The list `ref` as a read-once sequence, pulled chunk by chunk (the next one prefetched). */
  sequence<T>(ref: StreamRef, check: (item: unknown) => item is T): Sequence<T> {
    this.#open.push(ref.stream)
    return { length: ref.length, [Symbol.iterator]: () => this.#iterate(ref, check) }
  }

  *#iterate<T>(ref: StreamRef, check: (item: unknown) => item is T): Generator<T> {
    if (ref.length === 0) return
    let requested = this.#request(ref.stream)
    let served = 0
    for (;;) {
      const chunk = this.#await(ref.stream, requested)
      if (!chunk.last) requested = this.#request(ref.stream) // the worker cuts the next one meanwhile
      for (const item of chunk.items) {
        if (!check(item)) throw new Error(`parse stream ${ref.stream}: an item of an unexpected shape`)
        served++
        yield item
      }
      if (chunk.last) break
    }
    if (served !== ref.length)
      throw new Error(`parse stream ${ref.stream}: ${served} items arrived, ${ref.length} were sent`)
  }

  /** Sends a pull; returns the signal's value before it, which the worker's answer moves on. */
  #request(stream: number): number {
    if (!this.#open.includes(stream))
      throw new Error('the parse streams were released before the load read them')
    const before = Atomics.load(this.#signal, 0)
    this.#port.postMessage({ type: 'pull', stream } satisfies PullRequest)
    return before
  }

  #await(stream: number, before: number): { items: unknown[]; last: boolean } {
    const deadline = Date.now() + PULL_TIMEOUT_MS
    let seen = before
    for (;;) {
      const got = receiveMessageOnPort(this.#port)
      if (got) {
        const reply: PullReply = got.message
        // (the prefetched chunk of a stream whose load failed: nobody reads that stream any more)
        if (reply.stream !== stream) continue
        if (reply.type === 'error') {
          const err = new Error(`the parse worker could not hand over the parsed rows: ${reply.message}`)
          err.stack = reply.stack
          throw err
        }
        return reply
      }
      const left = deadline - Date.now()
      if (left <= 0)
        throw new Error(
          `the parse worker did not hand over the parsed rows within ${PULL_TIMEOUT_MS / 1000} s (it stopped?)`,
        )
      // Wakes when the worker bumps the counter after posting (or at once if it already did).
      Atomics.wait(this.#signal, 0, seen, left)
      seen = Atomics.load(this.#signal, 0)
    }
  }

  /** Lets the worker drop whatever the load did not pull. Idempotent. */
  release(): void {
    if (this.#open.length === 0) return
    const streams = this.#open
    this.#open = []
    this.#port.postMessage({ type: 'release', streams } satisfies PullRequest)
  }

  /** Ends this worker's channel (the worker is being stopped). */
  close(): void {
    this.#open = []
    this.#port.close()
  }
}
