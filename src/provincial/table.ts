/**
 * The engine shared by the provincial table pipelines (T1–T6 of provincial-exports.md §3). A family
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
 * load: one stg_unit_readings row, then per unit its identity (stg_units, by e-ID code or normalised
 * name within the province), its row (stg_unit_rows), every typed cell (stg_unit_counts) and its
 * indicator facts (stg_unit_facts), each with the sheet/row/column it came from.
 */
import type { Store } from '../db/sqlite.ts'
import { QdError } from '../errors.ts'
import { cellText } from '../pipeline/cells.ts'
import type { ColumnSpec, HeaderColumn, HeaderMatch } from '../pipeline/header.ts'
import { describePath } from '../pipeline/header.ts'
import type {
  Finding,
  LoadIds,
  LoadSummary,
  ParsedTable,
  PipelineContext,
  TablePipeline,
} from '../pipeline/types.ts'
import type { CellValue, Row } from '../read/types.ts'
import { cohortFor, type Period } from '../reference/period.ts'
import type { Cohort } from '../reference/provinces.ts'
import { ratioPercent } from '../score/round.ts'
import { matchKey } from '../text/normalize.ts'
import { type IndicatorCode, indicatorInfo } from './indicators.ts'
import {
  type NumberStyle,
  type ParsedNumber,
  parseCount,
  parseMoney,
  parseRate,
  type RateStyle,
  splitMultiValue,
} from './numbers.ts'
import { applicable, failing, type Invariant, repairMangled } from './repair.ts'
import { classifyRow, isSectionHeading, levelFromName, type UnitLevel } from './rows.ts'
import { provincialPeriod, resolveProvincialProvince, tableTitle, titleLines } from './title.ts'
import { normaliseEidCode, provinceScope, unitNameKey } from './units.ts'

// ---- Declarations -------------------------------------------------------------------------------

export type ColumnKind = 'stt' | 'name' | 'code' | 'count' | 'money' | 'rate' | 'multi' | 'text'

export interface ProvincialColumn extends ColumnSpec {
  kind: ColumnKind
}

export interface IndicatorRule {
  code: IndicatorCode
  num: string[]
  den: string[]
  /** The exported rate column (or multi-value "Tỷ lệ:" part, `<key>_rate`) that shows this ratio. */
  exported?: string
  /** Known wrong formulas of the exporter: when the exported rate matches one, the finding says so. */
  explain?: Array<{ num: string[]; den: string[]; note: string }>
}

export type ExportCheck =
  /** An exported rate the vendor computes as num/den (its own definition, not a 766 indicator). */
  | { kind: 'rate'; rate: string; num: string[]; den: string[] }
  /** rate = |100 − of| (T3 "Tỷ lệ TT trực tiếp (%)"). */
  | { kind: 'complement'; rate: string; of: string }
  /** "Đạt" when num/den ≥ threshold, "Không đạt" when 0 < ratio < threshold, empty when n or d is 0. */
  | { kind: 'rating'; text: string; num: string[]; den: string[]; threshold: number }

export interface FamilyDef {
  /** Pipeline key, "provincial-…". */
  key: string
  /** T1…T7 of provincial-exports.md §3. */
  table: string
  /** One line for --help and README. */
  title: string
  /** How messages name this table: "digitisation table (T1)". */
  label: string
  /** A short file-name stem for the period advice ("so-hoa"). */
  fileStem: string
  columns: ProvincialColumn[]
  invariants: Invariant[]
  indicators: IndicatorRule[]
  checks: ExportCheck[]
  /** A reason to refuse a header that matched the required columns, or null. */
  accept?(header: HeaderMatch): string | null
  /**
   * Units span several rows (T7: one per field, "Lĩnh vực"), under a heading row naming the unit,
   * with the unit cell rowspanned over them (empty after a CSV copy: forward-filled). Rows of one
   * unit are summed after their own invariants were checked.
   */
  grouped?: boolean
}

// ---- Parsed shapes ------------------------------------------------------------------------------

export interface NumberCell {
  value: number
  column: string
  raw: CellValue
  style: NumberStyle
  ambiguous: boolean
  repaired: boolean
}

export interface RateCell {
  value: number | null
  column: string
  raw: CellValue
  style: RateStyle
}

export interface ParsedRow {
  row: number
  /** Counts and money by measure key (multi-value quantities under the column key). */
  numbers: Record<string, NumberCell>
  /** Exported rates by key (multi-value rates under `<key>_rate`). */
  rates: Record<string, RateCell>
  /** Text columns (ratings) by key. */
  texts: Record<string, { value: string | null; column: string }>
  /** The exporter's "Điểm số:" by `<key>_vendor_score` (kept, never used). */
  vendorScores: Record<string, { value: number | null; column: string; raw: CellValue }>
}

export interface UnitFact {
  indicator: IndicatorCode
  metric: string | null
  numerator: number
  denominator: number
  /** 100·n/d half-up to 2 decimals; null when d = 0. */
  value: number | null
  exportedRate: number | null
  exportedColumn: string | null
  numeratorColumns: string
  denominatorColumns: string
}

export interface ParsedUnit extends ParsedRow {
  stt: string | null
  name: string
  nameKey: string
  eidCode: string | null
  section: string | null
  level: UnitLevel
  facts: UnitFact[]
}

export interface ParsedProvincialTable extends ParsedTable {
  family: string
  table: string
  sheet: string
  title: string | null
  period: Period
  asOf: string | null
  periodSource: 'title' | 'file-name'
  cohort: Cohort
  province: { code: string; name: string; scope: string }
  provinceSource: 'title' | 'eid-code' | 'config'
  mangled: boolean
  units: ParsedUnit[]
  totals: ParsedRow | null
}

// ---- Helpers ------------------------------------------------------------------------------------

const fmt = (x: number | null) =>
  x === null ? '–' : Number.isInteger(x) ? String(x) : String(Math.round(x * 100) / 100)

/** "C = D + E" in the sheet's own column letters. */
function invariantLabel(inv: Invariant, letter: (k: string) => string): string {
  return `${inv.lhs.map(letter).join(' + ')} ${inv.op === '=' ? '=' : '≤'} ${inv.rhs.map(letter).join(' + ')}`
}

function sumOf(row: ParsedRow, keys: string[]): number | null {
  let s = 0
  for (const k of keys) {
    const c = row.numbers[k]
    if (!c) return null
    s += c.value
  }
  return s
}

/** Does an exported rate agree with n/d? The exporter rounds to 2 decimals; "" / "0" stand for zero. */
export function rateAgrees(exported: number | null, n: number, d: number): boolean {
  if (d === 0) return exported === null || exported === 0
  const computed = (100 * n) / d
  if (exported === null) return n === 0
  return Math.abs(exported - computed) <= 0.01 + 1e-9
}

// ---- Parse --------------------------------------------------------------------------------------

async function parseTable(
  def: FamilyDef,
  input: { sheet: string; header: HeaderMatch; rows: AsyncIterable<Row>; ctx: PipelineContext },
): Promise<ParsedProvincialTable> {
  const { sheet, header, ctx } = input
  const findings: Finding[] = []
  const at = (row?: number, column?: string) => ({ sheet, row, column })
  const wrap = <T>(fn: () => T): T => {
    try {
      return fn()
    } catch (err) {
      throw err instanceof QdError ? err.at({ sheet }) : err
    }
  }

  const lines = titleLines(header.titleRows)
  const title = tableTitle(lines)
  const {
    period,
    asOf,
    source: periodSource,
  } = wrap(() => provincialPeriod(lines, ctx.fileName, { key: def.fileStem, label: def.label }))
  const cohort = cohortFor(period, asOf)

  const col = (key: string): HeaderColumn | undefined => header.mapped.get(key)
  const letter = (key: string) => {
    const base = key.replace(/_(?:rate|vendor_score)$/, '')
    return col(base)?.letter ?? key
  }
  const named = (key: string) => {
    const c = col(key.replace(/_(?:rate|vendor_score)$/, ''))
    return c ? `${c.letter} "${describePath(c.path)}"` : key
  }
  const nameCol = col('name')!
  const sttCol = col('stt') ?? null
  const codeCol = col('code') ?? null
  const valueSpecs = def.columns.filter(
    (c) => !['stt', 'name', 'code'].includes(c.kind) && header.mapped.has(c.key),
  )
  const valueIndexes = valueSpecs.map((c) => col(c.key)!.index)

  const present = new Set<string>()
  for (const c of valueSpecs)
    if (c.kind === 'count' || c.kind === 'money' || c.kind === 'multi') present.add(c.key)
  const invariants = applicable(def.invariants, present).map((i) => ({
    ...i,
    label: invariantLabel(i, letter),
  }))

  const bad = (row: Row, c: HeaderColumn, who: string, p: { expected: string; found: string }) =>
    new QdError('bad-value', `${who}: "${describePath(c.path)}" should hold ${p.expected}.`, {
      location: at(row.rowNumber, c.letter),
      expected: p.expected,
      found: p.found,
    })

  function readValues(row: Row, who: string): ParsedRow {
    const out: ParsedRow = { row: row.rowNumber, numbers: {}, rates: {}, texts: {}, vendorScores: {} }
    for (const spec of valueSpecs) {
      const c = col(spec.key)!
      const raw = row.cells[c.index] ?? null
      const number = (p: ParsedNumber, key: string, rawValue: CellValue) => {
        if (!p.ok) throw bad(row, c, who, p)
        out.numbers[key] = {
          value: p.value,
          column: c.letter,
          raw: rawValue,
          style: p.style,
          ambiguous: p.ambiguous,
          repaired: false,
        }
      }
      const rate = (v: CellValue, key: string) => {
        const p = parseRate(v)
        if (!p.ok) throw bad(row, c, who, p)
        out.rates[key] = { value: p.value, column: c.letter, raw: v, style: p.style }
      }
      switch (spec.kind) {
        case 'count':
          number(parseCount(raw), spec.key, raw)
          break
        case 'money':
          number(parseMoney(raw), spec.key, raw)
          break
        case 'rate':
          rate(raw, spec.key)
          break
        case 'text':
          out.texts[spec.key] = { value: cellText(raw), column: c.letter }
          break
        case 'multi': {
          const parts = splitMultiValue(raw)
          if (parts === null) {
            number(parseCount(raw), spec.key, raw)
            break
          }
          number(parseCount(parts.quantity), spec.key, raw)
          if (parts.rate !== null) rate(parts.rate, `${spec.key}_rate`)
          if (parts.score !== null) {
            const s = Number(parts.score.replace(',', '.'))
            out.vendorScores[`${spec.key}_vendor_score`] = {
              value: Number.isFinite(s) ? s : null,
              column: c.letter,
              raw,
            }
          }
          break
        }
        default:
          break
      }
    }
    return out
  }

  // ---- body rows
  const units: ParsedUnit[] = []
  let totals: ParsedRow | null = null
  let section: { text: string; level: UnitLevel | null } | null = null
  /** Grouped tables: the unit the current rows belong to. */
  let group: string | null = null
  for await (const row of input.rows) {
    const cls = classifyRow(row.cells, {
      stt: sttCol?.index ?? null,
      name: nameCol.index,
      code: codeCol?.index ?? null,
      values: valueIndexes,
    })
    if (cls.kind === 'blank') continue
    if (cls.kind === 'section' || cls.kind === 'note') {
      if (def.grouped && !isSectionHeading(cls.text)) group = cls.text
      else if (cls.kind === 'section') section = { text: cls.text, level: cls.level }
      continue
    }
    if (cls.kind === 'total') {
      if (totals) {
        findings.push({
          kind: 'extra-totals-row',
          severity: 'warning',
          sheet,
          row: row.rowNumber,
          message: `Row ${row.rowNumber} is a second totals row ("${cls.label}"); only the first (row ${totals.row}) is checked.`,
        })
        continue
      }
      totals = readValues(row, `Totals row ${row.rowNumber}`)
      continue
    }
    const name = cellText(row.cells[nameCol.index] ?? null) ?? (def.grouped ? group : null)
    if (def.grouped) group = name
    if (name === null) {
      throw new QdError(
        'bad-value',
        `Row ${row.rowNumber} has figures but no unit name in column ${nameCol.letter} "${describePath(nameCol.path)}".`,
        { location: at(row.rowNumber, nameCol.letter), expected: 'the name of the agency or commune' },
      )
    }
    const values = readValues(row, `Row ${row.rowNumber} (${name})`)
    const stt = sttCol ? cellText(row.cells[sttCol.index] ?? null) : null
    const eidCode = codeCol ? normaliseEidCode(row.cells[codeCol.index] ?? null) : null
    units.push({
      ...values,
      stt,
      name,
      nameKey: unitNameKey(name),
      eidCode,
      section: section?.text ?? null,
      level: levelFromName(name) ?? section?.level ?? 'unknown',
      facts: [],
    })
  }
  if (units.length === 0) {
    throw new QdError('bad-value', `The ${def.label} has a header but no unit rows under it.`, {
      location: at(header.lastRow + 1),
      expected: 'one row per agency, district or commune',
    })
  }

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
      message: `The table is for ${province.name} (from its ${choice.source === 'title' ? 'title' : 'agency codes'}), not ${choice.configDisagrees} as set in qd766.config.json; it is filed under ${province.name}.`,
    })
  }
  const push = (f: Omit<Finding, 'provinceCode' | 'sheet'>) => findings.push({ ...f, provinceCode, sheet })

  // ---- en-US mangling: detect, repair by invariants, report
  const rowsToCheck: ParsedRow[] = [...units, ...(totals ? [totals] : [])]
  let unitRows = new Set<ParsedRow>(units)
  const mangled = rowsToCheck.some((r) => Object.values(r.numbers).some((c) => c.style === 'mangled'))
  const who = (r: ParsedRow) => {
    const u = unitRows.has(r) ? (r as ParsedUnit) : undefined
    return u ? `Row ${r.row} (${u.name})` : `Totals row ${r.row}`
  }
  if (mangled) {
    push({
      kind: 'locale-mangled-counts',
      severity: 'info',
      message:
        'This workbook was re-saved by Excel with English (US) number settings: counts such as "1.234" had become ' +
        'decimals (1.234); qd766 read them back as thousands (1234). A count like "2.000" that Excel turned into 2 ' +
        "can only be recovered where the row's own sums show it; check any finding below.",
    })
    for (const r of rowsToCheck) {
      const values = Object.fromEntries(Object.entries(r.numbers).map(([k, c]) => [k, c.value]))
      const ambiguous = Object.entries(r.numbers)
        .filter(([k, c]) => c.ambiguous && present.has(k))
        .map(([k]) => k)
      const result = repairMangled(values, ambiguous, invariants)
      if (result.status === 'repaired') {
        for (const k of result.keys) {
          const c = r.numbers[k]!
          c.value = result.values[k]!
          c.repaired = true
        }
        push({
          kind: 'mangled-count-repaired',
          severity: 'info',
          row: r.row,
          message: `${who(r)}: ${result.keys
            .map((k) => `${letter(k)} read as ${values[k]} was "${fmt(values[k]! / 1)}.000"`)
            .join(
              ', ',
            )} (en-US Excel dropped the thousands); qd766 used ×1000, the only reading for which ${invariants
            .map((i) => i.label)
            .join(', ')} hold.`,
          detail: { columns: result.keys.map(letter), read: result.keys.map((k) => values[k]) },
        })
      } else if (result.status === 'ambiguous') {
        push({
          kind: 'mangled-count-ambiguous',
          severity: 'warning',
          row: r.row,
          message: `${who(r)}: some counts may have lost their thousands in an en-US Excel re-save, and more than one correction fits (${result.candidates
            .map((s) => s.map(letter).join('+'))
            .join(
              ' or ',
            )}); the values are kept as read. Re-export the table as HTML/.xls, or re-save it with Vietnamese number settings.`,
        })
      }
    }
  }

  // ---- invariants (after repair)
  for (const r of rowsToCheck) {
    const values = Object.fromEntries(Object.entries(r.numbers).map(([k, c]) => [k, c.value]))
    for (const inv of failing(invariants, values)) {
      const lhs = inv.lhs.reduce((s, k) => s + values[k]!, 0)
      const rhs = inv.rhs.reduce((s, k) => s + values[k]!, 0)
      push({
        kind: 'invariant-failed',
        severity: 'warning',
        row: r.row,
        message: `${who(r)}: ${inv.label} does not hold (${inv.lhs.map(named).join(' + ')} = ${lhs}; ${inv.rhs
          .map(letter)
          .join(
            ' + ',
          )} = ${rhs}). The figures are kept as exported.${mangled ? ' (The workbook shows en-US number mangling; a count like "2.000" may have become 2.)' : ''}`,
        detail: { invariant: inv.label, lhs, rhs },
      })
    }
  }

  // ---- grouped tables: one unit = the sum of its rows (each row's invariants were checked above)
  if (def.grouped) {
    const merged: ParsedUnit[] = []
    for (const u of units) {
      const into = merged.find((m) => m.nameKey === u.nameKey)
      if (!into) {
        merged.push({
          ...u,
          numbers: Object.fromEntries(Object.entries(u.numbers).map(([k, c]) => [k, { ...c }])),
        })
        continue
      }
      for (const [k, c] of Object.entries(u.numbers)) {
        const m = into.numbers[k]
        if (m) {
          m.value += c.value
          m.repaired ||= c.repaired
        } else into.numbers[k] = { ...c }
      }
    }
    units.splice(0, units.length, ...merged)
    unitRows = new Set<ParsedRow>(units)
  }

  // ---- duplicates inside the file
  const seen = new Map<string, number>()
  for (const u of units) {
    if (u.eidCode) {
      const first = seen.get(`code:${u.eidCode}`)
      if (first !== undefined) {
        throw new QdError(
          'inconsistent',
          `The agency code ${u.eidCode} appears twice (rows ${first} and ${u.row}); each unit must appear once per table.`,
          { location: at(u.row, codeCol?.letter), found: u.eidCode },
        )
      }
      seen.set(`code:${u.eidCode}`, u.row)
      continue
    }
    const key = `name:${u.nameKey}`
    const first = seen.get(key)
    if (first === undefined) {
      seen.set(key, u.row)
      continue
    }
    let n = 2
    while (seen.has(`${key} #${n}`)) n++
    u.nameKey = `${u.nameKey} #${n}`
    seen.set(`name:${u.nameKey}`, u.row)
    push({
      kind: 'duplicate-unit-name',
      severity: 'warning',
      row: u.row,
      message: `Row ${u.row}: "${u.name}" has the same name as row ${first} and there is no agency code to tell them apart; it is kept as a separate unit "${u.name} #${n}". Add the "Mã định danh" column to the export to match units reliably.`,
    })
  }

  // ---- indicators and exported-figure checks
  const checkRate = (
    r: ParsedRow,
    rateKey: string,
    num: string[],
    den: string[],
    explain: IndicatorRule['explain'],
    what: string,
  ) => {
    const rc = r.rates[rateKey]
    if (!rc) return
    const n = sumOf(r, num)
    const d = sumOf(r, den)
    if (n === null || d === null) return
    if (rateAgrees(rc.value, n, d)) return
    const computed = d === 0 ? null : (100 * n) / d
    const why = (explain ?? []).find((e) => {
      const en = sumOf(r, e.num)
      const ed = sumOf(r, e.den)
      return en !== null && ed !== null && rateAgrees(rc.value, en, ed)
    })
    push({
      kind: 'exported-rate-mismatch',
      severity: 'warning',
      row: r.row,
      message: `${who(r)}, column ${rc.column}: the export says ${rc.value === null ? '(empty)' : `${fmt(rc.value)}%`} for ${what}, but ${num
        .map(letter)
        .join(
          ' + ',
        )} / ${den.map(letter).join(' + ')} = ${n} / ${d}${computed === null ? ' (no base)' : ` = ${fmt(computed)}%`}; qd766 uses the recomputed rate.${why ? ` ${why.note}` : ''}`,
      detail: { column: rc.column, exported: rc.value, numerator: n, denominator: d, computed },
    })
  }
  for (const r of [...units, ...(totals ? [totals] : [])]) {
    for (const rule of def.indicators) {
      const n = sumOf(r, rule.num)
      const d = sumOf(r, rule.den)
      if (n === null || d === null) continue
      const info = indicatorInfo(rule.code)!
      if (rule.exported) checkRate(r, rule.exported, rule.num, rule.den, rule.explain, `"${info.name}"`)
      // (a Set, not units.find: this runs for every row and rule; find made large tables quadratic)
      const unit = unitRows.has(r) ? (r as ParsedUnit) : undefined
      if (!unit) continue
      const exported = rule.exported ? (r.rates[rule.exported] ?? null) : null
      unit.facts.push({
        indicator: rule.code,
        metric: info.metric,
        numerator: n,
        denominator: d,
        value: ratioPercent(n, d),
        exportedRate: exported?.value ?? null,
        exportedColumn: exported?.column ?? null,
        numeratorColumns: rule.num.map(letter).join('+'),
        denominatorColumns: rule.den.map(letter).join('+'),
      })
    }
    for (const check of def.checks) {
      if (check.kind === 'rate') {
        checkRate(r, check.rate, check.num, check.den, [], `${named(check.rate)}`)
      } else if (check.kind === 'complement') {
        const a = r.rates[check.rate]
        const b = r.rates[check.of]
        if (!a || !b) continue
        const ok =
          b.value === null
            ? a.value === null || a.value === 0 || a.value === 100
            : a.value !== null && Math.abs(a.value - Math.abs(100 - b.value)) <= 0.01 + 1e-9
        if (!ok) {
          push({
            kind: 'exported-rate-mismatch',
            severity: 'warning',
            row: r.row,
            message: `${who(r)}, column ${a.column}: ${fmt(a.value)}% is not 100 − ${fmt(b.value)}% (column ${b.column}).`,
            detail: { column: a.column, exported: a.value, of: b.value },
          })
        }
      } else {
        const t = r.texts[check.text]
        const n = sumOf(r, check.num)
        const d = sumOf(r, check.den)
        if (!t || n === null || d === null) continue
        const expected = n === 0 || d === 0 ? '' : (100 * n) / d >= check.threshold ? 'Đạt' : 'Không đạt'
        if (matchKey(t.value ?? '') !== matchKey(expected)) {
          push({
            kind: 'exported-rating-mismatch',
            severity: 'warning',
            row: r.row,
            message: `${who(r)}, column ${t.column}: the export rates ${named(check.text)} "${t.value ?? ''}", but ${n} / ${d}${d === 0 ? '' : ` = ${fmt((100 * n) / d)}%`} gives "${expected}" (Đạt from ${check.threshold}%).`,
            detail: { column: t.column, exported: t.value, expected },
          })
        }
      }
    }
  }

  // ---- totals row against the sum of the units
  if (totals) {
    for (const key of Object.keys(totals.numbers)) {
      const reported = totals.numbers[key]!.value
      const sum = units.reduce((s, u) => s + (u.numbers[key]?.value ?? 0), 0)
      if (Math.abs(reported - sum) > 1e-9) {
        push({
          kind: 'totals-mismatch',
          severity: 'warning',
          row: totals.row,
          message: `Totals row ${totals.row}, column ${letter(key)} "${describePath(col(key)!.path)}": the export's total ${reported} is not the sum of the ${units.length} units (${sum}); unit figures are used and the province total is recomputed from them.`,
          detail: { column: letter(key), reported, sumOfUnits: sum, difference: reported - sum },
        })
      }
    }
  }

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

// ---- Load ---------------------------------------------------------------------------------------

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

function load(store: Store, p: ParsedProvincialTable, ids: LoadIds): LoadSummary {
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

// ---- The pipeline -------------------------------------------------------------------------------

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
    load,
  }
}
