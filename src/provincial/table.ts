/**
 * The engine shared by the provincial table pipelines (T1–T6 of docs/provincial-exports.md §3). A family
 * declares its columns (with a kind: count, money, rate, multi-value, text), its row invariants, the
 * indicators it yields and the exported figures to check; this module does the rest the same way for
 * all of them:
 *
 * parse: title and period from the rows above the header -> body rows classified (section / totals /
 * unit / note) -> cells typed by kind (counts "12.345", money "1,250,000", rates "96.39%" / "0" / "",
 * multi-value "Số lượng: …↵Tỷ lệ: …↵Điểm số: …", en-US-mangled numbers) -> mangled counts repaired
 * by the invariants -> province (title row, e-ID codes, config) -> indicators recomputed from counts
 * -> findings: exported rates that disagree with the recomputed ones, ratings that disagree, invariants
 * that fail, a totals row that is not the sum of the units. Findings never change a value silently.
 *
 * Each step is its own module: table-columns.ts (typed cells), table-body.ts (rows), table-counts.ts
 * (mangling repair, invariants), table-unit-identity.ts (grouped units, duplicates),
 * table-indicators.ts (indicators and exported-figure checks); table-load.ts loads the result.
 */
import { QdError } from '../errors.ts'
import { t } from '../i18n/index.ts'
import type { HeaderMatch } from '../pipeline/header.ts'
import type { Finding, PipelineContext, TablePipeline } from '../pipeline/types.ts'
import type { Row } from '../read/types.ts'
import { cohortFor } from '../reference/period.ts'
import { readBody, tableName } from './table-body.ts'
import { tableColumns } from './table-columns.ts'
import type { TableContext } from './table-context.ts'
import { checkInvariants, repairMangledCounts } from './table-counts.ts'
import { checkTotalsRow, computeIndicators } from './table-indicators.ts'
import { loadProvincialTable } from './table-load.ts'
import type { FamilyDef, ParsedProvincialTable, ParsedRow, ParsedUnit } from './table-types.ts'
import { disambiguateDuplicates, mergeGroupedUnits } from './table-unit-identity.ts'
import { provincialPeriod, resolveProvincialProvince, tableTitle, titleLines } from './title.ts'
import { provinceScope } from './units.ts'

async function parseTable(
  def: FamilyDef,
  input: { sheet: string; header: HeaderMatch; rows: AsyncIterable<Row>; ctx: PipelineContext },
): Promise<ParsedProvincialTable> {
  const { sheet, header, ctx } = input
  const wrap = <T>(fn: () => T): T => {
    try {
      return fn()
    } catch (err) {
      throw err instanceof QdError ? err.at({ sheet }) : err
    }
  }

  // ---- title, period, columns, body rows
  const lines = titleLines(header.titleRows)
  const title = tableTitle(lines)
  const {
    period,
    asOf,
    source: periodSource,
  } = wrap(() => provincialPeriod(lines, ctx.fileName, { key: def.fileStem, label: tableName(def) }))
  const cohort = cohortFor(period, asOf)
  const cols = tableColumns(def, sheet, header)
  const body = await readBody(def, cols, input.rows, header.lastRow)
  const findings: Finding[] = body.findings
  let units = body.units
  const { totals } = body

  // ---- province
  const choice = wrap(() =>
    resolveProvincialProvince(
      lines,
      units.map((u) => u.eidCode).filter((c): c is string => c !== null),
      cohort,
      ctx.registry,
      ctx.config,
    ),
  )
  const province = choice.province
  const provinceCode = province.code
  if (choice.configDisagrees) {
    findings.push({
      kind: 'province-differs-from-config',
      severity: 'info',
      provinceCode,
      sheet,
      message: t('ingest.province-differs', {
        province: province.name,
        from: choice.source === 'title' ? 'title' : 'codes',
        config: choice.configDisagrees,
      }),
    })
  }
  // The unit each row is (the totals row is none), for naming it in findings.
  const unitOf = (list: ParsedUnit[]) => new Map<ParsedRow, ParsedUnit>(list.map((u) => [u, u]))
  let unitRows = unitOf(units)
  const check: TableContext = {
    cols,
    push: (f) => findings.push({ ...f, provinceCode, sheet }),
    who: (r) => {
      const unit = unitRows.get(r)
      return unit ? t('prov.who.unit', { row: r.row, name: unit.name }) : t('prov.who.totals', { row: r.row })
    },
  }

  // ---- counts: en-US mangling repaired by the invariants, then the invariants themselves
  const rowsToCheck: ParsedRow[] = [...units, ...(totals ? [totals] : [])]
  const mangled = repairMangledCounts(rowsToCheck, check)
  checkInvariants(rowsToCheck, check, mangled)

  // ---- units: grouped rows summed, duplicates told apart
  if (def.grouped) {
    units = mergeGroupedUnits(units)
    unitRows = unitOf(units)
  }
  disambiguateDuplicates(units, check)

  // ---- indicators, exported figures, totals row
  computeIndicators(def, units, totals, check)
  if (totals) checkTotalsRow(totals, units, check)

  return {
    family: def.key,
    table: def.table,
    sheet,
    title,
    period,
    asOf,
    periodSource,
    cohort,
    province: { code: provinceCode, name: province.name, scope: provinceScope(ctx.registry, province) },
    provinceSource: choice.source,
    mangled,
    units,
    totals,
    rows: units.length,
    findings,
  }
}

export function makeProvincialPipeline(def: FamilyDef): TablePipeline<ParsedProvincialTable> {
  return {
    key: def.key,
    kind: 'table',
    title: def.title,
    columns: def.columns,
    accept(header) {
      const reason = def.accept?.(header) ?? null
      return reason === null ? null : new QdError('unrecognised', reason)
    },
    parse: (input) => parseTable(def, input),
    // 200,000 units of an export are pulled from the parse worker as the load writes them.
    streamed: ['units'],
    load: loadProvincialTable,
  }
}
