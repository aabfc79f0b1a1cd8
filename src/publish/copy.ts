/**
 * COPY … FROM STDIN on a node-postgres client, without an extra package: a "submittable" query
 * (the interface pg-copy-streams uses) that answers the server's CopyInResponse with our chunks.
 * Rows go in PostgreSQL's text format: tab-separated, \N for null, backslash escapes.
 */
import type pg from 'pg'

/** One value in COPY text format. Numbers keep JavaScript's shortest round-trip form (exact for float8). */
function field(v: unknown): string {
  if (v === null || v === undefined) return '\\N'
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '\\N'
  const s = typeof v === 'string' ? v : String(v)
  return /[\\\t\n\r]/.test(s)
    ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : s
}

/** Collects rows as COPY text chunks of a few MB. */
export class CopyBatcher {
  readonly chunks: string[] = []
  rows = 0
  #lines: string[] = []
  #bytes = 0
  constructor(
    readonly columns: string[],
    readonly limitBytes = 4_000_000,
  ) {}
  push(row: Record<string, unknown>): void {
    this.pushLine(this.columns.map((c) => field(row[c])).join('\t'))
  }
  /** A row already in COPY text (SQLite writes it: extract-context.ts planChildren). */
  pushLine(line: string): void {
    this.#lines.push(line)
    this.#bytes += line.length + 1
    this.rows++
    if (this.#bytes >= this.limitBytes) this.flush()
  }
  flush(): string[] {
    if (this.#lines.length) this.chunks.push(`${this.#lines.join('\n')}\n`)
    this.#lines = []
    this.#bytes = 0
    return this.chunks
  }
}

interface Connection {
  query(text: string): void
  sendCopyFromChunk(chunk: Buffer): void
  endCopyFrom(): void
  sendCopyFail(message: string): void
}

class CopyIn {
  callback?: (err: Error | null) => void
  #error: Error | null = null
  constructor(
    readonly text: string,
    readonly chunks: string[],
  ) {}
  submit(connection: Connection) {
    connection.query(this.text)
  }
  handleCopyInResponse(connection: Connection) {
    for (const c of this.chunks) connection.sendCopyFromChunk(Buffer.from(c, 'utf8'))
    connection.endCopyFrom()
  }
  handleError(err: Error) {
    this.#error = err
  }
  handleCommandComplete() {}
  handleReadyForQuery() {
    this.callback?.(this.#error)
  }
}

/** COPY schema.table (columns) FROM STDIN with the chunks; resolves when the server has them all. */
export function copyInto(
  client: pg.PoolClient,
  qualifiedTable: string,
  columns: string[],
  chunks: string[],
): Promise<void> {
  const cols = columns.map((c) => `"${c}"`).join(', ')
  const q = new CopyIn(`COPY ${qualifiedTable} (${cols}) FROM STDIN`, chunks)
  return new Promise((resolve, reject) => {
    q.callback = (err) => (err ? reject(err) : resolve())
    client.query(q as unknown as pg.QueryConfig)
  })
}
