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
  'file_withdrawals',
] as const
export type OwnedTable = (typeof OWNED_TABLES)[number]

export interface RemoteState {
  watermark: Watermark | null
  owned: Record<OwnedTable, Map<string, string>>
  /** This office's contributions to (possibly shared) readings: reading id -> row hash. */
  readingSources: Map<string, string>
  /** Every reading in the warehouse, whoever published it. */
  readings: Set<string>
  /** The warehouse's columns per table (a home's extra columns are not sent). */
  columns: Map<string, Set<string>>
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
  // One round trip for every office-owned table's ids and hashes.
  const union = sql.join(
    OWNED_TABLES.map(
      (t) =>
        sql`SELECT ${t}::text AS t, id::text AS id, ${sql.raw(t === 'findings' ? "''" : 'row_hash')} AS h
            FROM ${s}.${sql.id(t)} WHERE office_id = ${office}`,
    ),
    sql` UNION ALL `,
  )
  const rows = await sql<{ t: OwnedTable; id: string; h: string }>`${union}`.execute(db)
  const owned: RemoteState['owned'] = {
    source_files: new Map(),
    runs: new Map(),
    findings: new Map(),
    stg_portal_captures: new Map(),
    mart_portal_scores: new Map(),
    stg_units: new Map(),
    stg_unit_aliases: new Map(),
    stg_unit_readings: new Map(),
    file_withdrawals: new Map(),
  }
  for (const r of rows.rows) owned[r.t].set(r.id, r.h)
  const rs = await sql<{ id: string; h: string }>`SELECT reading_id::text AS id, row_hash AS h
    FROM ${s}.reading_sources WHERE office_id = ${office}`.execute(db)
  const all = await sql<{ id: string }>`SELECT id::text AS id FROM ${s}.stg_readings`.execute(db)
  // pg_attribute, not information_schema (whose views cost tens of ms on every publish).
  const cols = await sql<{ t: string; c: string }>`SELECT c.relname AS t, a.attname AS c
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ${schema} AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped`.execute(db)
  const columns = new Map<string, Set<string>>()
  for (const { t, c } of cols.rows) columns.set(t, (columns.get(t) ?? new Set()).add(c))
  return {
    watermark: wm.rows[0]?.watermark ?? null,
    owned,
    readingSources: new Map(rs.rows.map((x) => [x.id, x.h])),
    readings: new Set(all.rows.map((x) => x.id)),
    columns,
  }
}
