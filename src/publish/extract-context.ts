/**
 * Shared by the extract modules: the home's SQLite handle (inside the publish's read transaction),
 * this office's id, the warehouse's state, the local-id -> warehouse-id maps built so far, and the
 * steps planned.
 */
import type BetterSqlite3 from 'better-sqlite3'
import { rowHash } from './ids.ts'
import { insertStep, type Step } from './plan.ts'
import type { OwnedTable, RemoteState } from './remote-state.ts'

export interface IdMaps {
  file: Map<number, string>
  run: Map<number, string>
  reading: Map<number, string>
  snapshot: Map<number, string>
  capture: Map<number, string>
  score: Map<number, string>
  unit: Map<number, string>
}

export interface ExtractContext {
  raw: BetterSqlite3.Database
  office: string
  remote: RemoteState
  ids: IdMaps
  /** Local ids of the files this home has withdrawn (their data stops counting in the warehouse). */
  withdrawn: Set<number>
  /** Deletes run first (children before parents), inserts after, in the order added. */
  deletes: Step[]
  inserts: Step[]
  changes: Record<string, number>
}

/** An extract's context before any table is read: empty id maps, no steps yet. */
export function newExtractContext(
  raw: BetterSqlite3.Database,
  office: string,
  remote: RemoteState,
): ExtractContext {
  return {
    raw,
    office,
    remote,
    ids: {
      file: new Map(),
      run: new Map(),
      reading: new Map(),
      snapshot: new Map(),
      capture: new Map(),
      score: new Map(),
      unit: new Map(),
    },
    withdrawn: new Set(),
    deletes: [],
    inserts: [],
    changes: {},
  }
}

export type Row = Record<string, unknown>

/**
 * The rows of a query. `T` says what the query selects (SQLite does not): the one place a row's
 * type is taken on trust, so each extract names its rows' columns once instead of casting each use.
 */
export function all<T = Row>(ctx: ExtractContext, query: string, ...params: unknown[]): T[] {
  return ctx.raw.prepare(query).all(...params) as T[]
}

export function iterate<T = Row>(
  ctx: ExtractContext,
  query: string,
  ...params: unknown[]
): IterableIterator<T> {
  return ctx.raw.prepare(query).iterate(...params) as IterableIterator<T>
}

export function count(ctx: ExtractContext, what: string, n: number): void {
  if (n > 0) ctx.changes[what] = (ctx.changes[what] ?? 0) + n
}

/** The warehouse id of a local id (null stays null; an id not published, e.g. a withdrawn one, is null). */
export function mapId(map: Map<number, string>, local: unknown): string | null {
  if (local === null || local === undefined) return null
  return map.get(Number(local)) ?? null
}

/**
 * Office-owned rows compared by id and row hash. New rows are inserted; changed ones updated in
 * place ('mutable': files, runs, units) or deleted and re-inserted with their children
 * ('immutable': captures, score sets, unit readings); rows the home no longer has are deleted.
 * Returns the ids whose children must be sent.
 */
/** An office-owned row: its warehouse id and its columns. */
export type OwnedRow = Row & { id: string }

export function planOwned(
  ctx: ExtractContext,
  table: OwnedTable,
  rows: OwnedRow[],
  mode: 'mutable' | 'immutable',
): Set<string> {
  const remote = ctx.remote.owned[table]
  const fresh = new Set<string>()
  const send: OwnedRow[] = []
  const seen = new Set<string>()
  let changed = 0
  for (const r of rows) {
    const id = r.id
    seen.add(id)
    if (table !== 'findings') r.row_hash = rowHash(r)
    const before = remote.get(id)
    if (before === undefined) {
      fresh.add(id)
      send.push(r)
    } else if (table !== 'findings' && before !== r.row_hash) {
      changed++
      send.push(r)
      if (mode === 'immutable') fresh.add(id)
    }
  }
  const gone = [...remote.keys()].filter((id) => !seen.has(id))
  const replaced = mode === 'immutable' ? [...fresh].filter((id) => remote.has(id)) : []
  if (gone.length + replaced.length > 0)
    ctx.deletes.push({ op: 'delete', table, ids: [...gone, ...replaced], office: ctx.office })
  const [first] = send
  if (first) {
    const known = ctx.remote.columns.get(table)
    const columns = Object.keys(first).filter((c) => !known || known.has(c))
    ctx.inserts.push(
      insertStep(table, columns, send, {
        keys: ['id'],
        action: mode === 'mutable' ? 'update' : 'nothing',
      }),
    )
  }
  count(ctx, `${table}.new`, send.length - changed)
  count(ctx, `${table}.changed`, changed)
  count(ctx, `${table}.deleted`, gone.length)
  return fresh
}

/**
 * One column as a field of PostgreSQL's COPY in CSV format with tab as the delimiter
 * (COPY_OPTIONS), written by SQLite itself: an unquoted empty field for null; numbers (columns
 * declared integer or real, holding a number) as SQLite writes them (integers as integers, reals in
 * its round-trip form of up to 17 significant digits: the same float8 once PostgreSQL reads it);
 * anything else quoted, its quotes doubled, so that tabs, newlines and backslashes in it are
 * plain characters. One replace() per text instead of the text format's four scans for characters
 * to escape: the escaping was most of the time SQLite spent writing the rows.
 */
function copyField(column: string, declaredType: string): string {
  const x = `t."${column}"`
  const quoted = `'"' || replace(${x}, '"', '""') || '"'`
  if (/INT|REAL|FLOA|DOUB/i.test(declaredType))
    return `coalesce(CASE typeof(${x}) WHEN 'text' THEN ${quoted} ELSE ${x} END, '')`
  return `coalesce(${quoted}, '')`
}

/** How PostgreSQL reads the text planChildren writes (copyField). */
export const COPY_OPTIONS = "FORMAT csv, DELIMITER E'\\t'"

/** Bytes of COPY text per chunk handed to the socket (a parent's rows larger than that go alone). */
const CHUNK_BYTES = 1_000_000

/**
 * A parent with at most this many children is written by SQLite as one text (group_concat): one
 * value per parent crosses into JavaScript, as bytes, instead of one string per row. A larger
 * parent (a provincial export's facts can be millions) is read row by row, so that no single text
 * grows with it.
 */
export const GROUPED_MAX_ROWS = 20_000

let mapTables = 0

/**
 * Child rows of the given local parents, by COPY. Parents are new in this publish (or were deleted,
 * with their children, just before): the children cannot conflict, so they go by COPY, the fastest
 * way into PostgreSQL. SQLite writes the COPY text itself: each row as a line (copyField), the
 * local ids in `maps` replaced by warehouse ids in the same statement (the parent's bound as a
 * parameter, the others joined from temporary tables of this connection holding the maps; an id
 * with no warehouse id, not published, is null), and a parent's lines joined into one UTF-8 value
 * (GROUPED_MAX_ROWS). Most of a full publish's time was turning rows into JavaScript strings and
 * those strings into bytes; now the bytes SQLite wrote are the bytes sent.
 *
 * The rows are read when the COPY pulls them, not now: PostgreSQL stores one chunk while SQLite
 * writes the next (two cores instead of one after the other), and only a few chunks are in memory
 * instead of the whole table (the full publish of the bench's year held 320 MB of COPY text). The
 * id maps are complete by then (every parent is planned before the first step runs), and the read
 * transaction is still the same one (publish.ts keeps it open on a connection of its own; the
 * temporary tables are that connection's own, not the home's).
 */
export function planChildren(
  ctx: ExtractContext,
  table: string,
  columns: string[],
  parentColumn: string,
  localParents: number[],
  maps: Record<string, Map<number, string>>,
  groupedMaxRows = GROUPED_MAX_ROWS,
): void {
  if (localParents.length === 0) return
  const parentMap = maps[parentColumn]
  if (!parentMap) throw new Error(`planChildren(${table}): no id map for the parent column ${parentColumn}`)
  const mapped = Object.entries(maps).filter(([c]) => c !== parentColumn)
  const mappedNames = mapped.map(([c]) => c)
  const rest = columns.filter((c) => c !== parentColumn && !mappedNames.includes(c))
  // COPY takes the columns in any order: the parent's id, the other mapped ids, then the rest.
  const order = [parentColumn, ...mappedNames, ...rest]
  const declared = new Map(
    all<{ name: string; type: string }>(ctx, 'SELECT name, type FROM pragma_table_info(?)', table).map(
      (c) => [c.name, c.type],
    ),
  )
  const joins = mapped.map(([c], i) => ({
    column: c,
    alias: `m${i}`,
    table: `qd766_publish_ids_${++mapTables}`,
  }))
  const fields = [
    '@parent',
    ...joins.map((j) => `coalesce(${j.alias}.wid, '')`),
    ...rest.map((c) => copyField(c, declared.get(c) ?? '')),
  ]
  const line = `concat_ws(char(9), ${fields.join(', ')})`
  const from = [
    `"${table}" t`,
    ...joins.map((j) => `LEFT JOIN temp."${j.table}" ${j.alias} ON ${j.alias}.local = t."${j.column}"`),
  ].join(' ')
  const where = `WHERE t."${parentColumn}" = @local`
  const step: Step & { op: 'copy' } = {
    op: 'copy',
    table,
    columns: order,
    options: COPY_OPTIONS,
    chunks: [],
    rows: 0,
  }
  const raw = ctx.raw
  step.chunks = {
    *[Symbol.iterator]() {
      // Filled now, when the maps are complete; dropped when the COPY has read everything (or failed).
      for (const [i, [, map]] of mapped.entries()) {
        const name = joins[i]?.table
        raw.exec(`CREATE TEMP TABLE "${name}" (local INTEGER PRIMARY KEY, wid TEXT NOT NULL)`)
        const insert = raw.prepare(`INSERT INTO temp."${name}" (local, wid) VALUES (?, ?)`)
        for (const [local, wid] of map) insert.run(local, wid)
      }
      try {
        const counted = raw.prepare(`SELECT count(*) FROM "${table}" t WHERE t."${parentColumn}" = ?`).pluck()
        const grouped = raw
          .prepare(`SELECT CAST(group_concat(${line}, char(10)) || char(10) AS BLOB) FROM ${from} ${where}`)
          .pluck()
        const rows = raw.prepare(`SELECT ${line} FROM ${from} ${where}`).pluck()
        let pending: Buffer[] = []
        let bytes = 0
        const flush = (): Buffer => {
          const chunk = Buffer.concat(pending, bytes)
          pending = []
          bytes = 0
          return chunk
        }
        for (const local of localParents) {
          const parent = parentMap.get(local) ?? ''
          const n = Number(counted.get(local))
          if (n === 0) continue
          if (n <= groupedMaxRows) {
            const text: unknown = grouped.get({ parent, local })
            if (!Buffer.isBuffer(text)) continue
            pending.push(text)
            bytes += text.length
          } else {
            let lines: string[] = []
            let chars = 0
            for (const r of rows.iterate({ parent, local })) {
              const l = String(r)
              lines.push(l)
              chars += l.length + 1
              if (chars >= CHUNK_BYTES) {
                pending.push(Buffer.from(`${lines.join('\n')}\n`, 'utf8'))
                bytes += pending.at(-1)?.length ?? 0
                yield flush()
                lines = []
                chars = 0
              }
            }
            if (lines.length) {
              const b = Buffer.from(`${lines.join('\n')}\n`, 'utf8')
              pending.push(b)
              bytes += b.length
            }
          }
          step.rows += n
          if (bytes >= CHUNK_BYTES) yield flush()
        }
        if (bytes > 0) yield flush()
        count(ctx, `${table}.new`, step.rows)
      } finally {
        for (const j of joins) raw.exec(`DROP TABLE IF EXISTS temp."${j.table}"`)
      }
    },
  }
  ctx.inserts.push(step)
}
