/**
 * Loading a parsed provincial table: one stg_unit_readings row, then per unit its identity
 * (stg_units, by e-ID code or normalised name within the province), its row (stg_unit_rows), every
 * typed cell (stg_unit_counts) and its indicator facts (stg_unit_facts), each with the sheet/row/column
 * it came from. Runs inside the file's transaction (synchronous).
 */
import type { Store } from '../db/sqlite.ts'
import type { LoadIds, LoadSummary } from '../pipeline/types.ts'
import type { CellValue } from '../read/types.ts'
import type { ParsedProvincialTable, ParsedRow, ParsedUnit } from './table-types.ts'

/**
 * The unit id for a row: by e-ID code within the province scope, else by name key (unless that name
 * belongs to a unit with another code: then it is a different unit of the same name). New codes and
 * names are recorded as aliases; nothing is updated in place.
 */
function resolveUnit(store: Store, p: ParsedProvincialTable, u: ParsedUnit, sourceFileId: number): number {
  const { db } = store
  const scope = p.province.scope
  const alias = (kind: 'code' | 'name', value: string) =>
    store.first(
      db
        .selectFrom('stg_unit_aliases')
        .select('unit_id')
        .where('scope', '=', scope)
        .where('kind', '=', kind)
        .where('value', '=', value),
    )?.unit_id
  const codeOf = (unitId: number) =>
    store.first(
      db
        .selectFrom('stg_unit_aliases')
        .select('value')
        .where('unit_id', '=', unitId)
        .where('kind', '=', 'code'),
    )?.value
  let unitId = u.eidCode ? alias('code', u.eidCode) : undefined
  if (unitId === undefined) {
    const byName = alias('name', u.nameKey)
    if (byName !== undefined && (!u.eidCode || codeOf(byName) === undefined)) unitId = byName
  }
  if (unitId === undefined) {
    unitId = store.run(
      db.insertInto('stg_units').values({
        scope,
        province_code: p.province.code,
        cohort: p.cohort,
        name: u.name,
        name_key: u.nameKey,
        eid_code: u.eidCode,
        level: u.level,
        first_source_file_id: sourceFileId,
      }),
    ).lastInsertRowid
  }
  const add = (kind: 'code' | 'name', value: string) =>
    store.run(
      db
        .insertInto('stg_unit_aliases')
        .values({ scope, kind, value, unit_id: unitId, source_file_id: sourceFileId })
        .onConflict((oc) => oc.doNothing()),
    )
  add('name', u.nameKey)
  if (u.eidCode) add('code', u.eidCode)
  return unitId
}

export function loadProvincialTable(store: Store, p: ParsedProvincialTable, ids: LoadIds): LoadSummary {
  const { db } = store
  const readingId = store.run(
    db.insertInto('stg_unit_readings').values({
      source_file_id: ids.sourceFileId,
      sheet: p.sheet,
      family: p.family,
      table_code: p.table,
      title: p.title,
      period: p.period.id,
      period_type: p.period.type,
      period_start: p.period.start,
      period_end: p.period.end,
      as_of: p.asOf,
      period_source: p.periodSource,
      cohort: p.cohort,
      province_code: p.province.code,
      scope: p.province.scope,
      province_source: p.provinceSource,
      units: p.units.length,
      totals_row: p.totals?.row ?? null,
      mangled: p.mangled ? 1 : 0,
    }),
  ).lastInsertRowid
  const counts = (unitId: number | null, r: ParsedRow) => {
    const rows: Array<{
      measure: string
      kind: string
      value: number | null
      raw: CellValue
      column: string
      style: string
      repaired: boolean
    }> = []
    for (const [k, c] of Object.entries(r.numbers))
      rows.push({ measure: k, kind: 'number', ...c, style: c.style })
    for (const [k, c] of Object.entries(r.rates))
      rows.push({ measure: k, kind: 'rate', ...c, repaired: false })
    for (const [k, c] of Object.entries(r.texts))
      rows.push({
        measure: k,
        kind: 'text',
        value: null,
        raw: c.value,
        column: c.column,
        style: 'text',
        repaired: false,
      })
    for (const [k, c] of Object.entries(r.vendorScores))
      rows.push({ measure: k, kind: 'vendor-score', ...c, style: 'multi', repaired: false })
    for (const x of rows) {
      store.insert('stg_unit_counts', {
        reading_id: readingId,
        unit_id: unitId,
        row_number: r.row,
        measure: x.measure,
        kind: x.kind,
        value: x.value,
        raw: x.raw === null ? null : String(x.raw),
        column_letter: x.column,
        style: x.style,
        repaired: x.repaired ? 1 : 0,
      })
    }
  }
  for (const u of p.units) {
    const unitId = resolveUnit(store, p, u, ids.sourceFileId)
    store.insert('stg_unit_rows', {
      reading_id: readingId,
      unit_id: unitId,
      row_number: u.row,
      stt: u.stt,
      name_as_written: u.name,
      eid_code: u.eidCode,
      section: u.section,
      level: u.level,
    })
    counts(unitId, u)
    for (const f of u.facts) {
      store.insert('stg_unit_facts', {
        reading_id: readingId,
        unit_id: unitId,
        family: p.family,
        indicator: f.indicator,
        metric: f.metric,
        numerator: f.numerator,
        denominator: f.denominator,
        value: f.value,
        exported_rate: f.exportedRate,
        exported_column: f.exportedColumn,
        numerator_columns: f.numeratorColumns,
        denominator_columns: f.denominatorColumns,
        sheet: p.sheet,
        row_number: u.row,
      })
    }
  }
  if (p.totals) counts(null, p.totals)
  return {
    rows: p.units.length,
    period: p.period.id,
    asOf: p.asOf,
    // stg_unit_readings ids are not stg_readings ids (findings.reading_id references the national
    // readings), so the unit reading is named in each finding's detail instead.
    readingIds: [],
    findings: p.findings.map((f) => ({
      ...f,
      detail: {
        ...(f.detail && typeof f.detail === 'object' ? (f.detail as Record<string, unknown>) : {}),
        unitReadingId: readingId,
        table: p.table,
      },
    })),
  }
}
