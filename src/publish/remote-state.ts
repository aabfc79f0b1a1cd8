/**
 * What the warehouse already holds for this office, read at the start of the publish transaction
 * (under its lock): the office's watermark and, per table, the ids and row hashes of its rows.
 */
import { type Kysely, sql } from 'kysely'
import type { Watermark } from './watermark.ts'

/** Office-owned tables compared by id and row hash. */
export const OWNED_TABLES = [
  'source_files',
  'runs',
  'findings',
  'stg_portal_captures',
  'mart_portal_scores',
  'stg_units',
  'stg_unit_aliases',
  'stg_unit_readings',
] as const
export type OwnedTable = (typeof OWNED_TABLES)[number]

export interface RemoteState {
  watermark: Watermark | null
  owned: Record<OwnedTable, Map<string, string>>
  /** This office's contributions to (possibly shared) readings: reading id -> row hash. */
  readingSources: Map<string, string>
  /** Every reading in the warehouse, whoever published it. */
  readings: Set<string>
}

export async function readRemoteState(
  db: Kysely<unknown>,
  schema: string,
  office: string,
): Promise<RemoteState> {
  const s = sql.id(schema)
  const wm = await sql<{
    watermark: Watermark
  }>`SELECT watermark FROM ${s}.offices WHERE office_id = ${office}`.execute(db)
  const owned = {} as RemoteState['owned']
  for (const t of OWNED_TABLES) {
    const hashed = t !== 'findings'
    const r = await sql<{
      id: string
      h: string
    }>`SELECT id::text AS id, ${sql.raw(hashed ? 'row_hash' : "''")} AS h
      FROM ${s}.${sql.id(t)} WHERE office_id = ${office}`.execute(db)
    owned[t] = new Map(r.rows.map((x) => [x.id, x.h]))
  }
  const rs = await sql<{ id: string; h: string }>`SELECT reading_id::text AS id, row_hash AS h
    FROM ${s}.reading_sources WHERE office_id = ${office}`.execute(db)
  const all = await sql<{ id: string }>`SELECT id::text AS id FROM ${s}.stg_readings`.execute(db)
  return {
    watermark: wm.rows[0]?.watermark ?? null,
    owned,
    readingSources: new Map(rs.rows.map((x) => [x.id, x.h])),
    readings: new Set(all.rows.map((x) => x.id)),
  }
}
