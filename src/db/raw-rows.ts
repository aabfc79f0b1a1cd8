/**
 * The raw layer: every row of a recognised sheet as the reader produced it (raw_rows), with texts
 * longer than LONG_TEXT_CHARS stored once in raw_texts, keyed by their sha256, and written in the
 * row as `{"sha256":"<hex>"}` (migration 0010). One long shared string of an xlsx used in 2,000 cells
 * (or a merged note over a whole range) then costs its bytes once, not 2,000 times.
 *
 * Readers see the rows as they were: `v_raw_rows` in SQL, readRawRows() here.
 */
import { createHash } from 'node:crypto'
import type { Statement } from 'better-sqlite3'
import type { CellValue, Row } from '../read/types.ts'
import type { Store } from './sqlite.ts'

/**
 * Texts longer than this are stored once. Short enough that a repeated note or title costs little,
 * long enough that names, numbers as text and most headers stay in the row, readable as they are.
 */
export const LONG_TEXT_CHARS = 1024

/** With the u flag, a surrogate code point is one that is not half of a pair. */
const LONE_SURROGATE = /\p{Surrogate}/u

/** A long text's place where it would have been: `{"sha256":"<hex>"}`. */
export interface TextRef {
  sha256: string
}

function isRef(v: unknown): v is TextRef {
  return typeof v === 'object' && v !== null && 'sha256' in v && typeof v.sha256 === 'string'
}

/**
 * raw_texts, written inside the caller's transaction. A text seen again by the same writer is not
 * hashed again; a text another file already brought is not written again.
 */
export class LongTexts {
  readonly #insert: Statement
  readonly #refs = new Map<string, TextRef>()

  constructor(store: Store) {
    this.#insert = store.raw.prepare('INSERT OR IGNORE INTO raw_texts (sha256, text) VALUES (?, ?)')
  }

  /** The reference to store instead of `v`, or null when `v` is kept as it is. */
  ref(v: CellValue): TextRef | null {
    if (typeof v !== 'string' || v.length <= LONG_TEXT_CHARS) return null
    // A lone surrogate has no UTF-8 form: SQLite would store U+FFFD. Such a text stays where it
    // is, where JSON escapes it.
    if (LONE_SURROGATE.test(v)) return null
    let ref = this.#refs.get(v)
    if (!ref) {
      ref = { sha256: createHash('sha256').update(v, 'utf8').digest('hex') }
      this.#insert.run(ref.sha256, v)
      this.#refs.set(v, ref)
    }
    return ref
  }
}

/** Writes the raw rows of one file (inside the caller's transaction). */
export class RawRowWriter {
  readonly #row: Statement
  readonly #texts: LongTexts

  constructor(
    store: Store,
    readonly sourceFileId: number,
    texts: LongTexts = new LongTexts(store),
  ) {
    this.#row = store.raw.prepare(
      'INSERT INTO raw_rows (source_file_id, sheet, row_number, cells) VALUES (?, ?, ?, ?)',
    )
    this.#texts = texts
  }

  insert(sheet: string, row: Row): void {
    let cells: Array<CellValue | TextRef> = row.cells
    for (let i = 0; i < row.cells.length; i++) {
      const ref = this.#texts.ref(row.cells[i] ?? null)
      if (ref === null) continue
      if (cells === row.cells) cells = [...row.cells]
      cells[i] = ref
    }
    this.#row.run(this.sourceFileId, sheet, row.rowNumber, JSON.stringify(cells))
  }
}

/** The raw rows of one file and sheet, in row order, with their long texts put back. */
export function readRawRows(store: Store, sourceFileId: number, sheet: string): Row[] {
  const rows = store.raw
    .prepare<[number, string], { rowNumber: number; cells: string }>(
      'SELECT row_number AS rowNumber, cells FROM raw_rows WHERE source_file_id = ? AND sheet = ? ORDER BY row_number',
    )
    .all(sourceFileId, sheet)
  const text = store.raw.prepare('SELECT text FROM raw_texts WHERE sha256 = ?').pluck()
  return rows.map((r) => ({ rowNumber: r.rowNumber, cells: restoreCells(r.cells, (sha) => text.get(sha)) }))
}

/** A row's cells from raw_rows.cells, every `{"sha256"}` replaced by its text (`lookup`). */
export function restoreCells(json: string, lookup: (sha256: string) => unknown): CellValue[] {
  const cells: unknown = JSON.parse(json)
  if (!Array.isArray(cells)) throw new Error(`raw_rows.cells is not a JSON array: ${json.slice(0, 80)}`)
  return cells.map((v: unknown) => {
    if (typeof v === 'string' || typeof v === 'number' || v === null) return v
    if (!isRef(v)) throw new Error(`raw_rows.cells holds a value that is no cell: ${JSON.stringify(v)}`)
    const text = lookup(v.sha256)
    if (typeof text !== 'string') throw new Error(`raw_texts has no text ${v.sha256}`)
    return text
  })
}
