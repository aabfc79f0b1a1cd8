/**
 * A list that a parse appends to and the load reads once, in order, without the parse holding it
 * whole: past one chunk, each full chunk is serialised (v8's structured-clone format, the one
 * postMessage uses) and written to a spool file, and only the chunk being filled stays in memory.
 * A 200,000-row provincial export's units and raw rows were ~600 MB of small objects in the parse
 * worker until the load took them; spooled they are a file in the home's work/.spool/ and one chunk.
 *
 * Why a file and not the database: the parse runs before the file's transaction (in the worker,
 * which has no database), and a spool is scratch that a crash may leave behind; the next run removes
 * work/.spool/ (batch.ts) and nothing else reads it. Why not the system temp directory: on many
 * machines it is memory (tmpfs), which is what the spool is there to save.
 *
 * A spool without a directory (an in-process parse in tests) keeps everything in memory.
 * Everything round-trips as by postMessage: null, undefined, NaN and -0 arrive as they left.
 */
import { closeSync, mkdirSync, openSync, readSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { threadId } from 'node:worker_threads'
import type { Sequence } from './types.ts'

/** Items per chunk: what is held in memory before it spills, and what the load reads at a time. */
export const CHUNK_ITEMS = 2_000

/**
 * How the items of a spool are written: a flat form that serialises (and is read back) several
 * times faster than an object of many small objects, whose every property name the serialiser
 * writes again for each item. `decode(encode(x))` must equal x exactly, nulls and -0 included.
 * (Methods, so a codec of one item type is a codec of `unknown` items where it is looked up.)
 */
export interface SpoolCodec<T> {
  encode(item: T): unknown
  decode(wire: unknown): T
}

/** Where a spool file lives, and its bookkeeping: every spool of one parse, removed together. */
export class SpoolArea {
  readonly #dir: string | null
  readonly #spools: Spool<unknown>[] = []
  #next = 0

  /** `dir`: the home's work/.spool (made on the first spill); null keeps every spool in memory. */
  constructor(dir: string | null) {
    this.#dir = dir
  }

  /** Without a codec, items are written as they are (structured clone keeps them exactly). */
  spool<T>(codec?: SpoolCodec<T>): Spool<T> {
    const path =
      this.#dir === null ? null : join(this.#dir, `${process.pid}-${threadId}-${++this.#next}.spool`)
    const s = new Spool<T>(path, this.#dir, codec)
    this.#spools.push(s)
    return s
  }

  /** Removes every spool file of this area (idempotent). */
  dispose(): void {
    for (const s of this.#spools.splice(0)) s.dispose()
  }
}

/** A spool of nothing on disk: for lists that are small by nature, or built as arrays. */
export function inMemorySpool<T>(items: T[]): Spool<T> {
  const s = new Spool<T>(null, null)
  for (const item of items) s.push(item)
  return s
}

export class Spool<T> implements Sequence<T> {
  readonly #path: string | null
  readonly #dir: string | null
  #fd: number | null = null
  /** Byte length of each spilled chunk, in order. */
  readonly #spilled: number[] = []
  #writeAt = 0
  /** The chunk being filled (and, when nothing was spilled, the whole list). */
  #tail: T[] = []
  #length = 0
  #handedOver = false

  readonly #codec: SpoolCodec<T> | undefined

  constructor(path: string | null, dir: string | null, codec?: SpoolCodec<T>) {
    this.#path = path
    this.#dir = dir
    this.#codec = codec
  }

  get length(): number {
    return this.#length
  }

  /** True when nothing went to disk and the list fits one chunk: it can travel as an array. */
  get small(): boolean {
    return this.#spilled.length === 0 && this.#tail.length <= CHUNK_ITEMS
  }

  push(item: T): void {
    this.#tail.push(item)
    this.#length++
    if (this.#tail.length > CHUNK_ITEMS && this.#path !== null) this.#spill(this.#tail.splice(0, CHUNK_ITEMS))
  }

  #spill(items: T[]): void {
    if (this.#fd === null && this.#path !== null) {
      if (this.#dir !== null) mkdirSync(this.#dir, { recursive: true })
      this.#fd = openSync(this.#path, 'w+')
    }
    if (this.#fd === null) throw new Error('spool: no file to spill to')
    const codec = this.#codec
    const bytes = serialize(codec ? items.map((item) => codec.encode(item)) : items)
    let done = 0
    while (done < bytes.length)
      done += writeSync(this.#fd, bytes, done, bytes.length - done, this.#writeAt + done)
    this.#writeAt += bytes.length
    this.#spilled.push(bytes.length)
  }

  #read(at: number, size: number): Uint8Array {
    return readChunk(this.#fd ?? -1, at, size, this.#path ?? '')
  }

  /** Every item, in order (an in-process load; tests read a parse result more than once). */
  *[Symbol.iterator](): Iterator<T> {
    let at = 0
    for (const size of this.#spilled) {
      // (deserialize gives `any`: what this spool wrote, in its own form)
      const wire = deserialize(this.#read(at, size))
      const codec = this.#codec
      if (codec) for (const w of wire) yield codec.decode(w)
      else yield* wire
      at += size
    }
    yield* this.#tail
  }

  /** The items as an array, emptying the spool (small lists that travel whole). */
  drain(): T[] {
    const items = [...this]
    this.dispose()
    return items
  }

  /**
   * Writes what is still in memory to the file, closes it and gives it away: its path and the byte
   * length of each chunk, for a reader on another thread (src/ingest/parse-stream.ts), which then
   * owns the file. This spool no longer holds or removes anything.
   */
  handOver(): { path: string; chunks: number[] } {
    if (this.#path === null) throw new Error('spool: a spool in memory cannot be handed over')
    if (this.#tail.length > 0) this.#spill(this.#tail.splice(0))
    const chunks = this.#spilled.splice(0)
    if (this.#fd !== null) closeSync(this.#fd)
    this.#fd = null
    this.#handedOver = true
    return { path: this.#path, chunks }
  }

  #closeFile(): void {
    if (this.#fd !== null) {
      closeSync(this.#fd)
      this.#fd = null
    }
    if (this.#path !== null && !this.#handedOver) rmSync(this.#path, { force: true })
  }

  /** Drops everything, file included (idempotent). */
  dispose(): void {
    this.#closeFile()
    this.#tail = []
    this.#spilled.length = 0
  }
}

/** One spilled chunk's bytes, read whole from `fd` at `at` (a file that ends early is an error). */
export function readChunk(fd: number, at: number, size: number, path: string): Uint8Array {
  const bytes = new Uint8Array(size)
  for (let done = 0; done < size; ) {
    const n = readSync(fd, bytes, done, size - done, at + done)
    if (n === 0) throw new Error(`the parse's spool ${path} ended ${size - done} bytes early`)
    done += n
  }
  return bytes
}
