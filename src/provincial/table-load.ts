/**
 * Loading a parsed provincial table: one stg_unit_readings row, then per unit its identity
 * (stg_units, by e-ID code or normalised name within the province), its row (stg_unit_rows), every
 * typed cell (stg_unit_counts) and its indicator facts (stg_unit_facts), each with the sheet/row/column
 * it came from. Runs inside the file's transaction (synchronous).
 */
import { LongTexts, type TextRef } from '../db/raw-rows.ts'
import { STG_UNIT_FACT_COLUMNS } from '../db/schema.ts'
import type { Store } from '../db/sqlite.ts'
import type { LoadIds, LoadSummary } from '../pipeline/types.ts'
import type { CellValue } from '../read/types.ts'
import type { ParsedProvincialTable, ParsedRow, ParsedUnit } from './table-types.ts'

/** The statements resolving units, compiled once per load (per unit they would be compiled ~5 times). */
function unitStatements(store: Store) {
  const { db } = store
  return {
    alias: store.compiled(
      db
        .selectFrom('stg_unit_aliases')
        .select('unit_id')
        .where('scope', '=', '')
        .where('kind', '=', 'name')
        .where('value', '=', ''),
    ),
    codeOf: store.compiled(
      db.selectFrom('stg_unit_aliases').select('value').where('unit_id', '=', 0).where('kind', '=', 'code'),
    ),
    addAlias: store.compiled(
      db
        .insertInto('stg_unit_aliases')
        .values({ scope: '', kind: 'name', value: '', unit_id: 0, source_file_id: 0 })
        .onConflict((oc) => oc.doNothing()),
    ),
  }
}

/**
 * The unit id for a row: by e-ID code within the province scope, else by name key (unless that name
 * belongs to a unit with another code: then it is a different unit of the same name). New codes and
 * names are recorded as aliases; nothing is updated in place.
 */
function resolveUnit(
  store: Store,
  st: ReturnType<typeof unitStatements>,
  p: ParsedProvincialTable,
  u: ParsedUnit,
  sourceFileId: number,
): number {
  const scope = p.province.scope
  const alias = (kind: 'code' | 'name', value: string) =>
    (st.alias.get(scope, kind, value) as { unit_id: number } | undefined)?.unit_id
  const codeOf = (unitId: number) => (st.codeOf.get(unitId, 'code') as { value: string } | undefined)?.value
  let unitId = u.eidCode ? alias('code', u.eidCode) : undefined
  if (unitId === undefined) {
    const byName = alias('name', u.nameKey)
    if (byName !== undefined && (!u.eidCode || codeOf(byName) === undefined)) unitId = byName
  }
  if (unitId === undefined) {
    unitId = store.insert('stg_units', {
      scope,
      province_code: p.province.code,
      cohort: p.cohort,
      name: u.name,
      name_key: u.nameKey,
      eid_code: u.eidCode,
      level: u.level,
      first_source_file_id: sourceFileId,
    })
  }
  st.addAlias.run(scope, 'name', u.nameKey, unitId, sourceFileId)
  if (u.eidCode) st.addAlias.run(scope, 'code', u.eidCode, unitId, sourceFileId)
  return unitId
}

const UNIT_ROW_COLUMNS = [
  'reading_id',
  'unit_id',
  'row_number',
  'stt',
  'name_as_written',
  'eid_code',
  'section',
  'level',
] as const
const CELL_COLUMNS = ['reading_id', 'unit_id', 'row_number', 'cells'] as const

/**
 * A row's typed cells as one JSON array of [measure, kind, value, raw, column_letter, style,
 * repaired] (the columns of the stg_unit_counts view, db/migrations/0011-unit-cells.ts). A raw text
 * over LONG_TEXT_CHARS is kept once in raw_texts (`texts`) and written as `{"sha256":"<hex>"}`; the
 * view gives it back (db/migrations/0012-unit-cell-texts.ts).
 */
export function cellsJson(r: ParsedRow, texts?: LongTexts): string {
  const cells: Array<[string, string, number | null, string | TextRef | null, string, string, 0 | 1]> = []
  const raw = (v: CellValue) => (v === null ? null : (texts?.ref(String(v)) ?? String(v)))
  for (const [k, c] of Object.entries(r.numbers))
    cells.push([k, 'number', c.value, raw(c.raw), c.column, c.style, c.repaired ? 1 : 0])
  for (const [k, c] of Object.entries(r.rates))
    cells.push([k, 'rate', c.value, raw(c.raw), c.column, c.style, 0])
  for (const [k, c] of Object.entries(r.texts))
    cells.push([k, 'text', null, raw(c.value), c.column, 'text', 0])
  for (const [k, c] of Object.entries(r.vendorScores))
    cells.push([k, 'vendor-score', c.value, raw(c.raw), c.column, 'multi', 0])
  return JSON.stringify(cells)
}

/** Units written per round of multi-row INSERTs: enough to amortise a statement, little to hold. */
const UNITS_PER_FLUSH = 256

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
  const units = unitStatements(store)
  const texts = new LongTexts(store)
  const rows: unknown[][] = []
  const cells: unknown[][] = []
  const facts: unknown[][] = []
  const flush = () => {
    store.insertRows('stg_unit_rows', UNIT_ROW_COLUMNS, rows)
    store.insertRows('stg_unit_cells', CELL_COLUMNS, cells)
    store.insertRows('stg_unit_facts', STG_UNIT_FACT_COLUMNS, facts)
    rows.length = 0
    cells.length = 0
    facts.length = 0
  }
  for (const u of p.units) {
    const unitId = resolveUnit(store, units, p, u, ids.sourceFileId)
    rows.push([readingId, unitId, u.row, u.stt, u.name, u.eidCode, u.section, u.level])
    cells.push([readingId, unitId, u.row, cellsJson(u, texts)])
    for (const f of u.facts)
      facts.push([
        readingId,
        unitId,
        p.family,
        f.indicator,
        f.metric,
        f.numerator,
        f.denominator,
        f.value,
        f.exportedRate,
        f.exportedColumn,
        f.numeratorColumns,
        f.denominatorColumns,
        p.sheet,
        u.row,
      ])
    if (rows.length >= UNITS_PER_FLUSH) flush()
  }
  if (p.totals) cells.push([readingId, null, p.totals.row, cellsJson(p.totals, texts)])
  flush()
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
