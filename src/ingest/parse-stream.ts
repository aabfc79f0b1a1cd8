/**
 * How the large lists of a parse result (a sheet's raw rows, a provincial table's units) reach the
 * ingesting thread: as the spool files the parse worker wrote them to (src/pipeline/spool.ts), which
 * the load reads back a chunk at a time inside the file's (synchronous) transaction. Nothing big
 * crosses between the threads and the worker keeps nothing once it has replied, so the ingesting
 * thread can stop it and have its heap back before the load starts: the parse's memory and the
 * load's are never added up. (Before, the lists stayed in the worker and the load pulled them over
 * a MessageChannel, waiting on Atomics: the worker's whole heap lived as long as the load.)
 *
 * A list of at most CHUNK_ITEMS items that never spilled travels in the reply as an array. Files
 * are removed once read, or by `dispose()` when the load stops early; a crash leaves them in
 * work/.spool, which the next run removes.
 */
import { closeSync, openSync, rmSync } from 'node:fs'
import { deserialize } from 'node:v8'
import { readChunk, type Spool } from '../pipeline/spool.ts'
import type { Sequence } from '../pipeline/types.ts'
import { injectFault } from '../testing/faults.ts'

/** In a parse result on the wire: this list is in the spool file `path`, chunk by chunk. */
export interface StreamRef {
  path: string
  /** Byte length of each serialised chunk, in order. */
  chunks: number[]
  length: number
}

/** The worker's side: a spool's file, closed and handed over (the worker forgets it). */
export function handOver(spool: Spool<unknown>): StreamRef {
  const { path, chunks } = spool.handOver()
  return { path, chunks, length: spool.length }
}

/**
 * The ingesting thread's side: a handed-over list read once, in order, a chunk at a time. The
 * file goes when the last chunk was read, or on dispose.
 */
export class SpooledList<T> implements Sequence<T> {
  readonly #ref: StreamRef
  readonly #decode: (wire: unknown) => T
  readonly #fileName: string
  #disposed = false

  /** `decode`: an item as the spool wrote it (its codec's decode), throwing on anything else. */
  constructor(ref: StreamRef, decode: (wire: unknown) => T, fileName: string) {
    this.#ref = ref
    this.#decode = decode
    this.#fileName = fileName
  }

  get length(): number {
    return this.#ref.length
  }

  *[Symbol.iterator](): Iterator<T> {
    if (this.#disposed) throw new Error(`the parse's spool ${this.#ref.path} was disposed before it was read`)
    const fd = openSync(this.#ref.path, 'r')
    let served = 0
    try {
      let at = 0
      for (const size of this.#ref.chunks) {
        injectFault('pull', this.#fileName, 'read')
        const items: unknown = deserialize(readChunk(fd, at, size, this.#ref.path))
        at += size
        if (!Array.isArray(items))
          throw new Error(`the parse's spool ${this.#ref.path}: a chunk is not a list`)
        for (const item of items) {
          served++
          yield this.#decode(item)
        }
      }
    } finally {
      closeSync(fd)
    }
    if (served !== this.#ref.length)
      throw new Error(
        `the parse's spool ${this.#ref.path}: ${served} items were read, ${this.#ref.length} written`,
      )
    this.dispose()
  }

  /** Removes the file (idempotent). */
  dispose(): void {
    this.#disposed = true
    rmSync(this.#ref.path, { force: true })
  }
}
