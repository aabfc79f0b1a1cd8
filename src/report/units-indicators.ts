/**
 * The units report per indicator: the facts of the reading that gives it, now and in the previous
 * period, rolled up for the province (counts summed over units, never rates averaged) and kept per
 * unit with its estimated score and the province points at stake on it.
 */
import type { Store } from '../db/sqlite.ts'
import { estimateScore, metricDef, pointsAtStake } from '../provincial/estimate.ts'
import { INDICATORS, type IndicatorCode, indicatorNote } from '../provincial/indicators.ts'
import type { Methodology } from '../score/methodology.ts'
import { fromHundredths, ratioPercent, toHundredths } from '../score/round.ts'
import { factsOf, previousReading, type ReadingRow } from './units-queries.ts'
import type { ProvinceIndicator, UnitIndicatorValue } from './units-types.ts'

export const round2 = (x: number) => fromHundredths(toHundredths(x))

export interface IndicatorValues {
  indicators: ProvinceIndicator[]
  /** Per unit id, its value on each indicator it has. */
  unitValues: Map<number, Partial<Record<IndicatorCode, UnitIndicatorValue>>>
  /** Per unit id, its estimated score on each metric in the previous period. */
  previousScores: Map<number, Map<IndicatorCode, number | null>>
  /** The periods the previous values come from. */
  previousPeriods: Set<string>
}

export function indicatorValues(
  store: Store,
  methodology: Methodology,
  latest: ReadingRow,
  chosen: Map<IndicatorCode, ReadingRow>,
): IndicatorValues {
  const unitValues: IndicatorValues['unitValues'] = new Map()
  const previousScores: IndicatorValues['previousScores'] = new Map()
  const previousPeriods = new Set<string>()
  const indicators: ProvinceIndicator[] = []
  for (const info of INDICATORS) {
    const reading = chosen.get(info.code)
    if (!reading) continue
    const def = metricDef(methodology, info.metric)
    const facts = factsOf(store, reading.id, info.code)
    const N = facts.reduce((s, f) => s + f.numerator, 0)
    const D = facts.reduce((s, f) => s + f.denominator, 0)
    const prevReading = previousReading(store, latest, info.code, reading.family)
    if (prevReading) previousPeriods.add(prevReading.period)
    const prevFacts = prevReading ? factsOf(store, prevReading.id, info.code) : []
    const prevByUnit = new Map(prevFacts.map((f) => [f.unit_id, f]))
    const prevN = prevFacts.reduce((s, f) => s + f.numerator, 0)
    const prevD = prevFacts.reduce((s, f) => s + f.denominator, 0)
    const value = ratioPercent(N, D)
    const previousValue = prevReading ? ratioPercent(prevN, prevD) : null
    indicators.push({
      code: info.code,
      name: info.name,
      short: info.short,
      metric: info.metric,
      group: info.group,
      approximate: info.approximate,
      numerator: N,
      denominator: D,
      value,
      previousValue,
      change: value !== null && previousValue !== null ? round2(value - previousValue) : null,
      estimatedScore: def ? estimateScore(def, N, D) : null,
      maxScore: def?.max ?? null,
      units: facts.length,
      source: {
        readingId: reading.id,
        table: reading.table_code,
        family: reading.family,
        file: reading.file_name,
        asOf: reading.as_of,
      },
      note: indicatorNote(info.code),
    })
    for (const f of facts) {
      const prev = prevByUnit.get(f.unit_id)
      const prevValue = prev ? ratioPercent(prev.numerator, prev.denominator) : null
      const v: UnitIndicatorValue = {
        numerator: f.numerator,
        denominator: f.denominator,
        value: f.value,
        previousValue: prevValue,
        change: f.value !== null && prevValue !== null ? round2(f.value - prevValue) : null,
        estimatedScore: def ? estimateScore(def, f.numerator, f.denominator) : null,
        pointsAtStake: def
          ? round2(pointsAtStake(def, { n: N, d: D }, { n: f.numerator, d: f.denominator }))
          : null,
      }
      const m = unitValues.get(f.unit_id) ?? {}
      m[info.code] = v
      unitValues.set(f.unit_id, m)
      if (def && prev) {
        const ps = previousScores.get(f.unit_id) ?? new Map<IndicatorCode, number | null>()
        ps.set(info.code, estimateScore(def, prev.numerator, prev.denominator))
        previousScores.set(f.unit_id, ps)
      }
    }
  }
  return { indicators, unitValues, previousScores, previousPeriods }
}
