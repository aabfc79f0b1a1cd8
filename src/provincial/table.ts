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
 *
 * Every check runs row by row as the rows stream, and each unit is spooled the moment it is settled
 * (src/pipeline/spool.ts): a 200,000-row export is never held. What spans the table is running
 * state (the sums for the totals row, a key per unit, one e-ID code per province part); findings wait
 * for the province and come out grouped by check, as they always did. Grouped tables (T7) hold their
 * rows until the last one, since a unit is the sum of rows anywhere in the table.
 */
import { QdError } from '../errors.ts'
import { t } from '../i18n/index.ts'
import type { HeaderMatch } from '../pipeline/header.ts'
import { ReparseSheet } from '../pipeline/reparse.ts'
import { inMemorySpool } from '../pipeline/spool.ts'
import type { Finding, PipelineContext, TablePipeline } from '../pipeline/types.ts'
import type { Row } from '../read/types.ts'
import { cohortFor } from '../reference/period.ts'
import { readBody, tableName } from './table-body.ts'
import { tableColumns } from './table-columns.ts'
import type { TableContext } from './table-context.ts'
import { checkRowInvariants, mangledSheetFinding, repairMangledRow, showsMangling } from './table-counts.ts'
import { computeRowIndicators, UnitSums } from './table-indicators.ts'
import { loadProvincialTable } from './table-load.ts'
import type { FamilyDef, ParsedProvincialTable, ParsedRow, ParsedUnit } from './table-types.ts'
import { mergeGroupedUnits, UnitIdentities } from './table-unit-identity.ts'
import { provincialPeriod, resolveProvincialProvince, tableTitle, titleLines } from './title.ts'
import { unitCodec } from './unit-codec.ts'
import { portalCodeOfEid, provinceScope } from './units.ts'

/** Findings in the order the checks were always reported: each check's over all rows, in turn. */
const PHASES = ['mangled', 'invariants', 'identity', 'indicators', 'totals'] as const
type Phase = (typeof PHASES)[number]

/** Hint (reparse.ts): the sheet shows en-US mangling, so every count from the first row may be mangled. */
const MANGLED = 'mangled'

async function parseTable(
  def: FamilyDef,
  input: {
    sheet: string
    header: HeaderMatch
    rows: AsyncIterable<Row>
    ctx: PipelineContext
    hints: ReadonlySet<string>
  },
): Promise<ParsedProvincialTable> {
  const { sheet, header, ctx } = input
  const wrap = <T>(fn: () => T): T => {
    try {
      return fn()
    } catch (err) {
      throw err instanceof QdError ? err.at({ sheet }) : err
    }
  }

  // ---- title, period, columns
  const lines = titleLines(header.titleRows)
  const title = tableTitle(lines)
  const {
    period,
    asOf,
    source: periodSource,
  } = wrap(() => provincialPeriod(lines, ctx.fileName, { key: def.fileStem, label: tableName(def) }))
  const cohort = cohortFor(period, asOf)
  const cols = tableColumns(def, sheet, header)

  // ---- the checks, row by row as the rows stream; their findings wait for the province
  const found: Record<Phase, Array<Omit<Finding, 'provinceCode' | 'sheet'>>> = {
    mangled: [],
    invariants: [],
    identity: [],
    indicators: [],
    totals: [],
  }
  const checks = (phase: Phase): TableContext => ({
    cols,
    push: (f) => found[phase].push(f),
    // (a unit row has a name; the totals row has none)
    who: (r) =>
      'name' in r && typeof r.name === 'string'
        ? t('prov.who.unit', { row: r.row, name: r.name })
        : t('prov.who.totals', { row: r.row }),
  })
  const on: Record<Phase, TableContext> = {
    mangled: checks('mangled'),
    invariants: checks('invariants'),
    identity: checks('identity'),
    indicators: checks('indicators'),
    totals: checks('totals'),
  }
  let mangled = input.hints.has(MANGLED)
  if (mangled) mangledSheetFinding(on.mangled)
  /** Counts: en-US mangling repaired by the invariants, then the invariants themselves. */
  const checkCounts = (r: ParsedRow) => {
    if (mangled) repairMangledRow(r, on.mangled)
    checkRowInvariants(r, on.invariants, mangled)
  }
  const units = ctx.spools?.spool(unitCodec) ?? inMemorySpool<ParsedUnit>([])
  const identities = new UnitIdentities(on.identity)
  const sums = new UnitSums()
  /** A unit settled: told apart from the others, its indicators computed, added to the sums, handed on. */
  const settle = (u: ParsedUnit) => {
    identities.admit(u)
    computeRowIndicators(def, u, u, on.indicators)
    sums.add(u)
    units.push(u)
  }
  // The province from the e-ID codes is wanted only when the title does not name it: one code per
  // distinct province part (".H56") is enough to tell, and is all that is kept.
  const codes = new Map<string, string>()
  let read = 0
  /** Grouped tables (T7): a unit is the sum of its rows, known after the last one. */
  const grouped: ParsedUnit[] = []
  const body = await readBody(def, cols, input.rows, header.lastRow, (u) => {
    if (!mangled && showsMangling(u)) {
      // Rows before this one were read as unmangled: read the sheet again knowing (reparse.ts).
      if (read > 0) throw new ReparseSheet(sheet, MANGLED)
      mangled = true
      mangledSheetFinding(on.mangled)
    }
    read++
    if (u.eidCode) {
      const part = portalCodeOfEid(u.eidCode)
      if (part !== null && !codes.has(part)) codes.set(part, u.eidCode)
    }
    checkCounts(u)
    if (def.grouped) grouped.push(u)
    else settle(u)
  })
  const { totals } = body
  if (totals && !mangled && showsMangling(totals)) throw new ReparseSheet(sheet, MANGLED)
  if (totals) checkCounts(totals)
  for (const u of def.grouped ? mergeGroupedUnits(grouped) : []) settle(u)
  if (totals) {
    computeRowIndicators(def, totals, null, on.indicators)
    sums.checkTotalsRow(totals, on.totals)
  }

  // ---- province
  const choice = wrap(() =>
    resolveProvincialProvince(lines, codes.values(), cohort, ctx.registry, ctx.config),
  )
  const province = choice.province
  const provinceCode = province.code
  const findings: Finding[] = body.findings
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
  for (const phase of PHASES) for (const f of found[phase]) findings.push({ ...f, provinceCode, sheet })

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
    spoolCodecs: { units: unitCodec },
    load: loadProvincialTable,
  }
}
