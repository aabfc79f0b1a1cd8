/**
 * The 766 indicators of each unit, recomputed from its counts (never taken from the export's rates),
 * and the exported figures checked against them: rates that disagree with n/d (with the exporter's
 * known wrong formulas named when one explains the figure), complements, "Đạt/Không đạt" ratings,
 * and a totals row that is not the sum of the units. Findings never change a value.
 */

import { t as tr } from '../i18n/index.ts'
import { describePath } from '../pipeline/header.ts'
import { ratioPercent } from '../score/round.ts'
import { matchKey } from '../text/normalize.ts'
import { indicatorInfo } from './indicators.ts'
import { fmt, sumOf, type TableContext } from './table-context.ts'
import type { FamilyDef, IndicatorRule, ParsedRow, ParsedUnit } from './table-types.ts'

/** Does an exported rate agree with n/d? The exporter rounds to 2 decimals; "" / "0" stand for zero. */
export function rateAgrees(exported: number | null, n: number, d: number): boolean {
  if (d === 0) return exported === null || exported === 0
  const computed = (100 * n) / d
  if (exported === null) return n === 0
  return Math.abs(exported - computed) <= 0.01 + 1e-9
}

function checkRate(
  ctx: TableContext,
  r: ParsedRow,
  rule: { rate: string; num: string[]; den: string[]; explain?: IndicatorRule['explain'] },
  what: string,
): void {
  const { letter } = ctx.cols
  const rc = r.rates[rule.rate]
  if (!rc) return
  const n = sumOf(r, rule.num)
  const d = sumOf(r, rule.den)
  if (n === null || d === null) return
  if (rateAgrees(rc.value, n, d)) return
  const computed = d === 0 ? null : (100 * n) / d
  const why = (rule.explain ?? []).find((e) => {
    const en = sumOf(r, e.num)
    const ed = sumOf(r, e.den)
    return en !== null && ed !== null && rateAgrees(rc.value, en, ed)
  })
  ctx.push({
    kind: 'exported-rate-mismatch',
    severity: 'warning',
    row: r.row,
    message:
      tr('prov.rate-mismatch', {
        who: ctx.who(r),
        column: rc.column,
        exported: rc.value === null ? tr('prov.empty') : `${fmt(rc.value)}%`,
        what,
        formula: `${rule.num.map(letter).join(' + ')} / ${rule.den.map(letter).join(' + ')} = ${n} / ${d}${computed === null ? tr('prov.no-base') : ` = ${fmt(computed)}%`}`,
      }) + (why ? ` ${tr(why.note)}` : ''),
    detail: { column: rc.column, exported: rc.value, numerator: n, denominator: d, computed },
  })
}

/** What a rule needs for every row of a table, worked out once per table (letters, the rate check). */
interface RuleInTable {
  numeratorColumns: string
  denominatorColumns: string
  exportedCheck: { rate: string; num: string[]; den: string[]; explain?: IndicatorRule['explain'] } | null
}
const rulesInTables = new WeakMap<TableContext['cols'], Map<IndicatorRule, RuleInTable>>()
function ruleInTable(cols: TableContext['cols'], rule: IndicatorRule): RuleInTable {
  let rules = rulesInTables.get(cols)
  if (!rules) {
    rules = new Map()
    rulesInTables.set(cols, rules)
  }
  let r = rules.get(rule)
  if (!r) {
    r = {
      numeratorColumns: rule.num.map(cols.letter).join('+'),
      denominatorColumns: rule.den.map(cols.letter).join('+'),
      exportedCheck: rule.exported ? { rate: rule.exported, ...rule } : null,
    }
    rules.set(rule, r)
  }
  return r
}

/**
 * Fills a unit's facts and records the row's exported-figure findings (the totals row, `unit` null,
 * is checked but has no facts).
 */
export function computeRowIndicators(
  def: FamilyDef,
  r: ParsedRow,
  unit: ParsedUnit | null,
  ctx: TableContext,
): void {
  const { cols, push, who } = ctx
  const { named } = cols
  for (const rule of def.indicators) {
    const n = sumOf(r, rule.num)
    const d = sumOf(r, rule.den)
    if (n === null || d === null) continue
    const info = indicatorInfo(rule.code)
    const inTable = ruleInTable(cols, rule)
    if (inTable.exportedCheck) checkRate(ctx, r, inTable.exportedCheck, `"${info?.name ?? rule.code}"`)
    if (!unit) continue
    const exported = rule.exported ? (r.rates[rule.exported] ?? null) : null
    unit.facts.push({
      indicator: rule.code,
      metric: info?.metric ?? null,
      numerator: n,
      denominator: d,
      value: ratioPercent(n, d),
      exportedRate: exported?.value ?? null,
      exportedColumn: exported?.column ?? null,
      numeratorColumns: inTable.numeratorColumns,
      denominatorColumns: inTable.denominatorColumns,
    })
  }
  for (const check of def.checks) {
    if (check.kind === 'rate') {
      checkRate(ctx, r, { ...check, explain: [] }, `${named(check.rate)}`)
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
          message: tr('prov.complement-mismatch', {
            who: who(r),
            column: a.column,
            a: fmt(a.value),
            b: fmt(b.value),
            of: b.column,
          }),
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
          message: tr('prov.rating-mismatch', {
            who: who(r),
            column: t.column,
            what: named(check.text),
            value: t.value ?? '',
            formula: `${n} / ${d}${d === 0 ? '' : ` = ${fmt((100 * n) / d)}%`}`,
            expected,
            threshold: check.threshold,
          }),
          detail: { column: t.column, exported: t.value, expected },
        })
      }
    }
  }
}

/**
 * The sums of the units' counts, kept as they arrive, for the export's totals row (the units win;
 * the total is recomputed). Added in unit order, as a sum over the list would be: the same floats.
 */
export class UnitSums {
  readonly #sums = new Map<string, number>()
  #units = 0

  add(u: ParsedUnit): void {
    this.#units++
    for (const key in u.numbers) {
      const c = u.numbers[key]
      if (c) this.#sums.set(key, (this.#sums.get(key) ?? 0) + c.value)
    }
  }

  /** The totals row against the sums: a finding per column that differs. */
  checkTotalsRow(totals: ParsedRow, ctx: TableContext): void {
    const { cols, push } = ctx
    for (const [key, cell] of Object.entries(totals.numbers)) {
      const reported = cell.value
      const sum = this.#sums.get(key) ?? 0
      if (Math.abs(reported - sum) > 1e-9) {
        const c = cols.col(key)
        push({
          kind: 'totals-mismatch',
          severity: 'warning',
          row: totals.row,
          message: tr('prov.totals-mismatch', {
            row: totals.row,
            column: cols.letter(key),
            header: c ? describePath(c.path) : key,
            reported,
            units: this.#units,
            sum,
          }),
          detail: { column: cols.letter(key), reported, sumOfUnits: sum, difference: reported - sum },
        })
      }
    }
  }
}
