/**
 * The home's high-water marks: per published table, how many rows and the highest local id, plus
 * hashes of what can change in place (runs, reference data, withdrawals). Equal watermarks mean
 * nothing to publish (a republish reads a few counters and writes nothing); the difference between
 * the home's and the last published one is the warehouse's lag shown by `qd766 status`.
 */
import type BetterSqlite3 from 'better-sqlite3'
import { rowHash } from './ids.ts'

export interface Mark {
  n: number
  max: number
}

export interface Watermark {
  /** Publisher format; a new version republishes everything it changed. */
  format: string
  files: Mark
  events: Mark
  readings: Mark
  snapshots: Mark
  findings: Mark
  runs: Mark
  captures: Mark
  scores: Mark
  unitReadings: Mark
  units: Mark
  aliases: Mark
  withdrawals: Mark
  /** Hash of every run's status and end, and of the reference tables. */
  runsHash: string
  refsHash: string
}

export const PUBLISH_FORMAT = 'w2'

/** The watermark's per-table marks (not its format or hashes). */
type MarkKey = { [K in keyof Watermark]: Watermark[K] extends Mark ? K : never }[keyof Watermark]

export function hasColumn(raw: BetterSqlite3.Database, table: string, column: string): boolean {
  return raw
    .prepare('SELECT name FROM pragma_table_info(?)')
    .pluck()
    .all(table)
    .some((name) => name === column)
}

export function hasTable(raw: BetterSqlite3.Database, table: string): boolean {
  return raw.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined
}

/** A count read from SQLite (an integer; 0 when there is nothing to count). */
function integer(v: unknown): number {
  if (typeof v === 'number' || typeof v === 'bigint') return Number(v)
  throw new Error(`watermark: expected a number from SQLite, got ${typeof v}`)
}

function mark(raw: BetterSqlite3.Database, table: string, id = 'rowid'): Mark {
  const r: unknown = raw.prepare(`SELECT count(*), coalesce(max(${id}), 0) FROM "${table}"`).raw().get()
  return Array.isArray(r) ? { n: integer(r[0]), max: integer(r[1]) } : { n: 0, max: 0 }
}

export function refRows(raw: BetterSqlite3.Database) {
  const all = (q: string) => raw.prepare(q).all() as Array<Record<string, unknown>>
  return {
    provinces: all('SELECT * FROM ref_provinces ORDER BY cohort, code'),
    methodologies: all('SELECT * FROM ref_methodologies ORDER BY id'),
    groups: all('SELECT * FROM ref_groups ORDER BY methodology, code'),
    metrics: all('SELECT * FROM ref_metrics ORDER BY methodology, code'),
  }
}

/** Must run inside the publish's read transaction. */
export function homeWatermark(raw: BetterSqlite3.Database): Watermark {
  const withdrawals: Mark = hasTable(raw, 'file_withdrawals')
    ? mark(raw, 'file_withdrawals')
    : hasColumn(raw, 'source_files', 'withdrawn_at')
      ? {
          n: integer(
            raw.prepare('SELECT count(*) FROM source_files WHERE withdrawn_at IS NOT NULL').pluck().get(),
          ),
          max: 0,
        }
      : { n: 0, max: 0 }
  return {
    format: PUBLISH_FORMAT,
    files: mark(raw, 'source_files'),
    events: mark(raw, 'file_events'),
    readings: mark(raw, 'stg_readings'),
    snapshots: mark(raw, 'snapshots'),
    findings: mark(raw, 'findings'),
    runs: mark(raw, 'runs'),
    captures: mark(raw, 'stg_portal_captures'),
    scores: mark(raw, 'mart_portal_scores'),
    unitReadings: mark(raw, 'stg_unit_readings'),
    units: mark(raw, 'stg_units'),
    aliases: mark(raw, 'stg_unit_aliases'),
    withdrawals,
    runsHash: rowHash(raw.prepare('SELECT id, status, finished_at, error FROM runs ORDER BY id').raw().all()),
    refsHash: rowHash(refRows(raw)),
  }
}

/** Key order does not count (PostgreSQL's jsonb gives keys back in its own order). */
function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v)
  return `{${Object.entries(v)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`)
    .join(',')}}`
}

export function sameWatermark(a: Watermark | null, b: Watermark): boolean {
  return a !== null && canonical(a) === canonical(b)
}

/** How far the published watermark trails the home's: new rows per table (0 = caught up). */
export function lagOf(published: Watermark | null, home: Watermark) {
  // a watermark published by an older format may lack a mark
  const d = (k: MarkKey) => {
    const now = home[k]
    const then: Mark | undefined = published?.[k]
    return Math.max(0, now.n - (then?.n ?? 0))
  }
  return {
    files: d('files'),
    readings: d('readings'),
    snapshots: d('snapshots'),
    findings: d('findings'),
    runs: d('runs'),
    withdrawals: d('withdrawals'),
  }
}
