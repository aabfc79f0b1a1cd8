/**
 * Provincial one-stop exports: the office's units (agencies, districts, communes) with their
 * e-ID/name aliases, and each table reading (office + file sha256 + sheet) with its unit rows and
 * indicator facts recomputed from counts. Every row stays with its office: two offices' units are
 * never merged. (The typed cells, stg_unit_counts, stay in the home: no view reads them.)
 */
import type { Selectable } from 'kysely'
import {
  STG_UNIT_FACT_COLUMNS,
  type StgUnitAliasesTable,
  type StgUnitReadingsTable,
  type StgUnitsTable,
} from '../db/schema.ts'
import { all, type ExtractContext, mapId, type OwnedRow, planChildren, planOwned } from './extract-context.ts'
import { idOf } from './ids.ts'

/** A home's row with the sha256 of the file it came from. */
type WithFile<T> = Selectable<T> & { file_sha: string }

const UNIT_ROW_COLUMNS = [
  'reading_id',
  'unit_id',
  'row_number',
  'stt',
  'name_as_written',
  'eid_code',
  'section',
  'level',
]

export function extractUnits(ctx: ExtractContext): void {
  const units = all<WithFile<StgUnitsTable>>(
    ctx,
    'SELECT u.*, f.sha256 AS file_sha FROM stg_units u JOIN source_files f ON f.id = u.first_source_file_id ORDER BY u.id',
  ).map((u) => {
    const id = idOf('unit', ctx.office, u.scope, u.file_sha, u.name_key, u.eid_code, u.level)
    ctx.ids.unit.set(u.id, id)
    const { file_sha: _sha, ...rest } = u
    return {
      ...rest,
      id,
      office_id: ctx.office,
      first_source_file_id: mapId(ctx.ids.file, u.first_source_file_id),
    }
  })
  planOwned(ctx, 'stg_units', units, 'mutable')

  const aliases = all<Selectable<StgUnitAliasesTable>>(
    ctx,
    'SELECT * FROM stg_unit_aliases ORDER BY rowid',
  ).map((a) => ({
    id: idOf('unit-alias', ctx.office, a.scope, a.kind, a.value),
    office_id: ctx.office,
    scope: a.scope,
    kind: a.kind,
    value: a.value,
    unit_id: mapId(ctx.ids.unit, a.unit_id),
    source_file_id: mapId(ctx.ids.file, a.source_file_id),
  }))
  planOwned(ctx, 'stg_unit_aliases', aliases, 'mutable')

  const readings: OwnedRow[] = []
  const localOf = new Map<string, number>()
  const readingIds = new Map<number, string>()
  for (const r of all<WithFile<StgUnitReadingsTable>>(
    ctx,
    'SELECT r.*, f.sha256 AS file_sha FROM stg_unit_readings r JOIN source_files f ON f.id = r.source_file_id ORDER BY r.id',
  )) {
    if (ctx.withdrawn.has(r.source_file_id)) continue
    const id = idOf('unit-reading', ctx.office, r.file_sha, r.sheet)
    readingIds.set(r.id, id)
    localOf.set(id, r.id)
    const { file_sha: _sha, ...rest } = r
    readings.push({
      ...rest,
      id,
      office_id: ctx.office,
      source_file_id: mapId(ctx.ids.file, r.source_file_id),
    })
  }
  // every id planOwned returns is one of `readings`, so each has its local id
  const fresh = [...planOwned(ctx, 'stg_unit_readings', readings, 'immutable')].flatMap(
    (id) => localOf.get(id) ?? [],
  )
  const ids = { reading_id: readingIds, unit_id: ctx.ids.unit }
  planChildren(ctx, 'stg_unit_rows', UNIT_ROW_COLUMNS, 'reading_id', fresh, ids)
  planChildren(ctx, 'stg_unit_facts', [...STG_UNIT_FACT_COLUMNS], 'reading_id', fresh, ids)
}
