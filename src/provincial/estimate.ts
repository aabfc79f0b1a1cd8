/**
 * Estimated 766 scores from provincial counts. The rules (maximum, linear / threshold, zero-denominator
 * policy, half-up rounding of the exact n/d) come from the scoring engine's methodology data
 * (src/score/methodology.ts, db/seeds/methodology) and arithmetic (src/score/round.ts); nothing is
 * re-stated here.
 *
 * Every number produced here is an ESTIMATE: the provincial tables only approximate the portal's
 * inputs (different cut-off dates, different definitions, see indicators.ts), and the CLGQ split is
 * itself inferred. Reports label them so and show the portal's own figures beside them when a national
 * reading of the same period exists.
 */

import { t } from '../i18n/index.ts'
import type { Methodology, MethodologyMetric } from '../score/methodology.ts'
import { loadMethodologies, methodologyFor } from '../score/methodology.ts'
import { scoreMetric } from '../score/round.ts'

export interface ChosenMethodology {
  methodology: Methodology
  /** Set when the version in force has no metric rules and a later version's were borrowed. */
  note: string | null
}

/**
 * The version in force on `date`, or — when that version only has group maxima (v2022-5group) — the
 * earliest version that has metric rules, with a note saying so.
 */
export function methodologyForEstimates(date: string): ChosenMethodology {
  const inForce = methodologyFor(date)
  if (inForce.metrics.length > 0) return { methodology: inForce, note: null }
  const withRules = loadMethodologies().find((m) => m.metrics.length > 0)
  if (!withRules) return { methodology: inForce, note: t('prov.estimate.no-rules') }
  return {
    methodology: withRules,
    note: t('prov.estimate.approx', { id: inForce.id, date, other: withRules.id }),
  }
}

export function metricDef(m: Methodology, code: string | null): MethodologyMetric | undefined {
  return code === null ? undefined : m.metrics.find((x) => x.code === code)
}

/** The 2-decimal score of n/d under the metric's rule (null when the rule gives none). */
export function estimateScore(def: MethodologyMetric, n: number, d: number): number | null {
  return scoreMetric(def.rule, def.max, n, d, def.zeroDenominator)
}

/** Unrounded score (for differences: points at stake are compared before rounding). */
export function rawScore(def: MethodologyMetric, n: number, d: number): number | null {
  if (def.rule.type === 'tracked') return null
  if (d === 0) {
    if (def.zeroDenominator === 'null') return null
    return def.zeroDenominator === 'zero' ? 0 : def.max
  }
  const r = n / d
  const v = def.rule.type === 'threshold' ? (def.max * r) / def.rule.t : def.max * r
  return Math.min(def.max, v)
}

/** The ratio a unit must reach for its metric: the threshold, or 100% for a linear rule. */
export function targetRatio(def: MethodologyMetric): number {
  return def.rule.type === 'threshold' ? def.rule.t : 1
}

/**
 * How much the province's (unrounded) metric score would rise if this one unit alone reached the
 * target ratio, the other units unchanged: the province's counts are summed, so the unit's numerator
 * moves to target·d_unit and the province's ratio moves with it.
 */
export function pointsAtStake(
  def: MethodologyMetric,
  province: { n: number; d: number },
  unit: { n: number; d: number },
): number {
  if (def.rule.type === 'tracked' || unit.d === 0 || province.d === 0) return 0
  const target = targetRatio(def) * unit.d
  if (unit.n >= target) return 0
  const before = rawScore(def, province.n, province.d) ?? 0
  const after = rawScore(def, province.n - unit.n + target, province.d) ?? 0
  return Math.max(0, after - before)
}
