/**
 * Provincial one-stop exports: the office's units (agencies, districts, communes) with their
 * e-ID/name aliases, and each table reading (office + file sha256 + sheet) with its unit rows and
 * indicator facts recomputed from counts. Every row stays with its office: two offices' units are
 * never merged. (The typed cells, stg_unit_counts, stay in the home: no view reads them.)
 */
import { STG_UNIT_FACT_COLUMNS } from '../db/schema.ts'
import { all, type ExtractContext, mapId, planChildren, planOwned, type Row } from './extract-context.ts'
import { idOf } from './ids.ts'

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
  const units = all(
    ctx,
    'SELECT u.*, f.sha256 AS file_sha FROM stg_units u JOIN source_files f ON f.id = u.first_source_file_id ORDER BY u.id',
  ).map((u) => {
    const id = idOf(
      'unit',
      ctx.office,
      u.scope as string,
      u.file_sha as string,
      u.name_key as string,
      u.eid_code as string | null,
      u.level as string,
    )
    ctx.ids.unit.set(u.id as number, id)
    const { file_sha: _sha, ...rest } = u
    return {
      ...rest,
      id,
      office_id: ctx.office,
      first_source_file_id: mapId(ctx.ids.file, u.first_source_file_id),
    }
  })
  planOwned(ctx, 'stg_units', units, 'mutable')

  const aliases = all(ctx, 'SELECT * FROM stg_unit_aliases ORDER BY rowid').map((a) => ({
    id: idOf('unit-alias', ctx.office, a.scope as string, a.kind as string, a.value as string),
    office_id: ctx.office,
    scope: a.scope,
    kind: a.kind,
    value: a.value,
    unit_id: mapId(ctx.ids.unit, a.unit_id),
    source_file_id: mapId(ctx.ids.file, a.source_file_id),
  }))
  planOwned(ctx, 'stg_unit_aliases', aliases, 'mutable')

  const readings: Row[] = []
  const localOf = new Map<string, number>()
  const readingIds = new Map<number, string>()
  for (const r of all(
    ctx,
    'SELECT r.*, f.sha256 AS file_sha FROM stg_unit_readings r JOIN source_files f ON f.id = r.source_file_id ORDER BY r.id',
  )) {
    if (ctx.withdrawn.has(r.source_file_id as number)) continue
    const id = idOf('unit-reading', ctx.office, r.file_sha as string, r.sheet as string)
    readingIds.set(r.id as number, id)
    localOf.set(id, r.id as number)
    const { file_sha: _sha, ...rest } = r
    readings.push({
      ...rest,
      id,
      office_id: ctx.office,
      source_file_id: mapId(ctx.ids.file, r.source_file_id),
    })
  }
  const fresh = [...planOwned(ctx, 'stg_unit_readings', readings, 'immutable')].map((id) => localOf.get(id)!)
  const ids = { reading_id: readingIds, unit_id: ctx.ids.unit }
  planChildren(ctx, 'stg_unit_rows', UNIT_ROW_COLUMNS, 'reading_id', fresh, ids)
  planChildren(ctx, 'stg_unit_facts', [...STG_UNIT_FACT_COLUMNS], 'reading_id', fresh, ids)
}
