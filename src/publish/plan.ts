/**
 * What one publish will write, computed from the home (extract) and the warehouse's state: per
 * table, rows to insert or update (as JSON batches for json_populate_recordset) and ids to delete.
 * Steps run in order inside one PostgreSQL transaction (write.ts).
 */

export type Step =
  | {
      op: 'insert'
      table: string
      /** Insert these columns; rows are JSON text arrays of objects with those keys. */
      columns: string[]
      batches: string[]
      rows: number
      /** 'nothing': children and shared rows; 'update': mutable rows (files, runs, units). */
      onConflict: { keys: string[]; action: 'nothing' | 'update' }
    }
  | {
      op: 'copy'
      /** Children of parents inserted in this publish: nothing there to conflict with. */
      table: string
      columns: string[]
      /** COPY's options (the format of the chunks' text), e.g. "FORMAT csv". */
      options: string
      /** COPY text (UTF-8), read from the home as the COPY pulls it (lazy), inside the publish's read transaction. */
      chunks: Iterable<Buffer>
      /** Rows sent so far: the whole count once the COPY has pulled every chunk. */
      rows: number
    }
  | { op: 'delete'; table: string; ids: string[]; office: string | null }
  | { op: 'delete-reading-sources'; ids: string[]; office: string }
  | { op: 'delete-orphan-readings' }

/** Collects rows into JSON batches as they are read (memory: the JSON text, not the objects). */
export class Batcher {
  readonly batches: string[] = []
  rows = 0
  #parts: string[] = []
  #bytes = 0
  constructor(readonly limitBytes = 4_000_000) {}
  push(row: Record<string, unknown>): void {
    const s = JSON.stringify(row)
    this.#parts.push(s)
    this.#bytes += s.length
    this.rows++
    if (this.#bytes >= this.limitBytes) this.flush()
  }
  flush(): string[] {
    if (this.#parts.length) this.batches.push(`[${this.#parts.join(',')}]`)
    this.#parts = []
    this.#bytes = 0
    return this.batches
  }
}

export function insertStep(
  table: string,
  columns: string[],
  rows: Iterable<Record<string, unknown>>,
  onConflict: { keys: string[]; action: 'nothing' | 'update' },
): Step & { op: 'insert' } {
  const b = new Batcher()
  for (const r of rows) b.push(r)
  return { op: 'insert', table, columns, batches: b.flush(), rows: b.rows, onConflict }
}
