/**
 * Shared by the extract modules: the home's SQLite handle (inside the publish's read transaction),
 * this office's id, the warehouse's state, the local-id -> warehouse-id maps built so far, and the
 * steps planned.
 */
import type BetterSqlite3 from 'better-sqlite3'
import { CopyBatcher } from './copy.ts'
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

export function all(ctx: ExtractContext, query: string, ...params: unknown[]): Row[] {
  return ctx.raw.prepare(query).all(...params) as Row[]
}

export function iterate(ctx: ExtractContext, query: string, ...params: unknown[]): IterableIterator<Row> {
  return ctx.raw.prepare(query).iterate(...params) as IterableIterator<Row>
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

/** Child rows of the given local parents, read with one statement (json_each) and id-mapped. */
export function planChildren(
  ctx: ExtractContext,
  table: string,
  columns: string[],
  parentColumn: string,
  localParents: number[],
  mapRow: (r: Row) => Row | null,
  conflictKeys: string[],
): void {
  if (localParents.length === 0) return
  const q = `SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}"
             WHERE "${parentColumn}" IN (SELECT value FROM json_each(?))`
  function* rows() {
    for (const r of iterate(ctx, q, JSON.stringify(localParents))) {
      const m = mapRow(r)
      if (m) yield m
    }
  }
  // Parents are new in this publish (or were deleted, with their children, just before): the
  // children cannot conflict, so they go by COPY, the fastest way into PostgreSQL.
  void conflictKeys
  const b = new CopyBatcher(columns)
  for (const r of rows()) b.push(r)
  b.flush()
  if (b.rows > 0) ctx.inserts.push({ op: 'copy', table, columns, chunks: b.chunks, rows: b.rows })
  count(ctx, `${table}.new`, b.rows)
}
