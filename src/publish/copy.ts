/**
 * COPY … FROM STDIN on a node-postgres client, without an extra package: a "submittable" query
 * (the interface pg-copy-streams uses) that answers the server's CopyInResponse with our chunks.
 * Rows go in PostgreSQL's text format (tab-separated, \N for null, backslash escapes) unless the
 * caller says otherwise (the publish's children: CSV, extract-context.ts copyField).
 */
import type { Writable } from 'node:stream'
import type pg from 'pg'

interface Connection {
  query(text: string): void
  endCopyFrom(): void
  sendCopyFail(message: string): void
  stream: Writable
}

/** Bytes of COPY data queued in this process beyond which producing the next chunk waits. */
const QUEUED_MAX = 4_000_000

/**
 * Sends the chunks as the server asks for them. `chunks` may be lazy (extract-context.ts
 * planChildren: SQLite writes each chunk when it is pulled): after each chunk the event loop gets
 * its turn, so the socket sends it while the next one is read, and the server parses and stores
 * rows on the other core meanwhile. Memory stays at a few chunks instead of the whole table.
 */
class CopyIn {
  callback?: (err: Error | null) => void
  #error: Error | null = null
  constructor(
    readonly text: string,
    readonly chunks: Iterable<Buffer | string>,
  ) {}
  submit(connection: Connection) {
    connection.query(this.text)
  }
  handleCopyInResponse(connection: Connection) {
    void this.#pump(connection)
  }
  async #pump(connection: Connection) {
    const chunks = this.chunks[Symbol.iterator]()
    try {
      // After an error (a row the server refused) nothing more is read: the server ignores it.
      while (!this.#error) {
        const next = chunks.next()
        if (next.done) {
          connection.endCopyFrom()
          return
        }
        sendCopyData(connection.stream, next.value)
        await flushed(connection.stream)
      }
    } catch (err) {
      // Reading the rows failed: the server abandons the COPY and answers with an error.
      const e = err instanceof Error ? err : new Error(String(err))
      this.#error ??= e
      connection.sendCopyFail(e.message)
    } finally {
      chunks.return?.()
    }
  }
  // node-postgres forgets the query at an error (the ReadyForQuery after it is not ours): answer now.
  handleError(err: Error) {
    this.#error ??= err
    this.#done()
  }
  handleCommandComplete() {}
  handleReadyForQuery() {
    this.#done()
  }
  #done() {
    const cb = this.callback
    this.callback = undefined
    cb?.(this.#error)
  }
}

/**
 * One CopyData message ('d', its length, the bytes), written to the socket as two buffers: the
 * client's own sendCopyFromChunk copies every chunk into its message buffer first (a second copy of
 * every byte of a full publish, after SQLite's).
 */
function sendCopyData(stream: Connection['stream'], chunk: Buffer | string): void {
  // As the client does: a closed socket takes nothing (the error arrives through the client).
  if (!stream.writable) return
  const data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk
  const header = Buffer.allocUnsafe(5)
  header[0] = 0x64
  header.writeInt32BE(data.length + 4, 1)
  stream.cork()
  stream.write(header)
  stream.write(data)
  stream.uncork()
}

/** Resolves on the next turn of the event loop, or once the socket's queue is short again. */
function flushed(stream: Connection['stream']): Promise<void> {
  if (stream.writableLength <= QUEUED_MAX || stream.destroyed)
    return new Promise((resolve) => setImmediate(resolve))
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done)
      stream.off('close', done)
      resolve()
    }
    stream.on('drain', done)
    stream.on('close', done)
  })
}

/**
 * COPY schema.table (columns) FROM STDIN with the chunks (in COPY's text format, or as `options`
 * say); resolves when the server has them all.
 */
export function copyInto(
  client: pg.PoolClient,
  qualifiedTable: string,
  columns: string[],
  chunks: Iterable<Buffer | string>,
  options?: string,
): Promise<void> {
  const cols = columns.map((c) => `"${c}"`).join(', ')
  const q = new CopyIn(
    `COPY ${qualifiedTable} (${cols}) FROM STDIN${options ? ` WITH (${options})` : ''}`,
    chunks,
  )
  return new Promise((resolve, reject) => {
    q.callback = (err) => (err ? reject(err) : resolve())
    client.query(q)
  })
}
