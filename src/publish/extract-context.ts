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
export function planOwned(
  ctx: ExtractContext,
  table: OwnedTable,
  rows: Row[],
  mode: 'mutable' | 'immutable',
): Set<string> {
  const remote = ctx.remote.owned[table]
  const fresh = new Set<string>()
  const send: Row[] = []
  const seen = new Set<string>()
  let changed = 0
  for (const r of rows) {
    const id = r.id as string
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
  if (send.length > 0) {
    const known = ctx.remote.columns.get(table)
    const columns = Object.keys(send[0]!).filter((c) => !known || known.has(c))
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
 * One column as a field of PostgreSQL's COPY text format, written by SQLite itself: \\N for null;
 * numbers (columns declared integer or real) as SQLite writes them (integers as integers, reals in
 * its round-trip form of up to 17 significant digits: the same float8 once PostgreSQL reads it);
 * anything else as text with backslash, tab, newline and carriage return escaped.
 */
function copyField(column: string, declaredType: string): string {
  const x = `t."${column}"`
  if (/INT|REAL|FLOA|DOUB/i.test(declaredType)) return `coalesce(${x}, '\\N')`
  // Most texts need no escape: four scans cost less than four replace() copies of every value.
  const plain = `instr(${x}, '\\') = 0 AND instr(${x}, char(9)) = 0 AND instr(${x}, char(10)) = 0 AND instr(${x}, char(13)) = 0`
  const escaped = `replace(replace(replace(replace(${x}, '\\', '\\\\'), char(9), '\\t'), char(10), '\\n'), char(13), '\\r')`
  return `coalesce(CASE WHEN ${plain} THEN ${x} ELSE ${escaped} END, '\\N')`
}

/** Characters of COPY text per chunk handed to the socket. */
const CHUNK_CHARS = 1_000_000

/**
 * Child rows of the given local parents, by COPY. Parents are new in this publish (or were deleted,
 * with their children, just before): the children cannot conflict, so they go by COPY, the fastest
 * way into PostgreSQL. SQLite writes each row as a line of COPY text (one string per row instead of
 * an object per row: most of a full publish's time was building those objects), with the local
 * ids in `maps` (the parent column's among them) replaced by warehouse ids in the same statement;
 * an id with no warehouse id (not published) is null.
 *
 * The rows are read when the COPY pulls them, not now: PostgreSQL stores one chunk while SQLite
 * writes the next (two cores instead of one after the other), and only a few chunks are in memory
 * instead of the whole table (the full publish of the bench's year held 320 MB of COPY text). The
 * id maps are complete by then (every parent is planned before the first step runs), and the read
 * transaction is still the same one (publish.ts keeps it open on a connection of its own).
 */
export function planChildren(
  ctx: ExtractContext,
  table: string,
  columns: string[],
  parentColumn: string,
  localParents: number[],
  maps: Record<string, Map<number, string>>,
): void {
  if (localParents.length === 0) return
  const parentMap = maps[parentColumn]!
  const mapped = Object.keys(maps).filter((c) => c !== parentColumn)
  const rest = columns.filter((c) => c !== parentColumn && !mapped.includes(c))
  // COPY takes the columns in any order: the parent's id, the other mapped ids, then the rest.
  const order = [parentColumn, ...mapped, ...rest]
  const declared = new Map(
    (
      ctx.raw.prepare('SELECT name, type FROM pragma_table_info(?)').all(table) as Array<{
        name: string
        type: string
      }>
    ).map((c) => [c.name, c.type]),
  )
  const line = `concat_ws(char(9), ${rest.map((c) => copyField(c, declared.get(c) ?? '')).join(', ')})`
  // One statement per parent, on the index that starts with the parent column.
  const stmt = ctx.raw
    .prepare(
      `SELECT ${[...mapped.map((c) => `t."${c}"`), line].join(', ')} FROM "${table}" t WHERE t."${parentColumn}" = ?`,
    )
    .raw()
  const wid = (m: Map<number, string>, local: unknown) =>
    local === null ? '\\N' : (m.get(local as number) ?? '\\N')
  const step: Step & { op: 'copy' } = { op: 'copy', table, columns: order, chunks: [], rows: 0 }
  step.chunks = {
    *[Symbol.iterator]() {
      let lines: string[] = []
      let chars = 0
      for (const local of localParents) {
        const parent = parentMap.get(local) ?? '\\N'
        for (const r of stmt.iterate(local) as IterableIterator<unknown[]>) {
          let out = parent
          for (let i = 0; i < mapped.length; i++) out += `\t${wid(maps[mapped[i]!]!, r[i])}`
          out += `\t${r[mapped.length] as string}`
          lines.push(out)
          chars += out.length + 1
          step.rows++
          if (chars >= CHUNK_CHARS) {
            yield `${lines.join('\n')}\n`
            lines = []
            chars = 0
          }
        }
      }
      if (lines.length) yield `${lines.join('\n')}\n`
      count(ctx, `${table}.new`, step.rows)
    },
  }
  ctx.inserts.push(step)
}
