/**
 * The units of the report: each unit's name and level as the chosen readings write them, its
 * estimated points over the metrics it has data for, the change since the previous period, the
 * points at stake, and its rank within its cohort (agencies / districts / communes) by the share of
 * the covered maximum, since units cover different metrics.
 */
import type { Store } from '../db/sqlite.ts'
import { metricDef } from '../provincial/estimate.ts'
import { INDICATORS, type IndicatorCode } from '../provincial/indicators.ts'
import { rankCohort, type UnitLevel } from '../provincial/rows.ts'
import type { Methodology } from '../score/methodology.ts'
import { fromHundredths, toHundredths } from '../score/round.ts'
import { competitionRanks } from '../snapshot/rank.ts'
import { compareVietnamese } from '../text/normalize.ts'
import { type IndicatorValues, round2 } from './units-indicators.ts'
import type { ReadingRow } from './units-queries.ts'
import type { UnitIndicatorValue, UnitRow } from './units-types.ts'

const METRIC_OF = new Map(INDICATORS.map((i) => [i.code, i.metric]))

/** Ranked, sorted by points at stake (then name), and filtered to one level when asked. */
export function unitRows(
  store: Store,
  methodology: Methodology,
  chosen: Map<IndicatorCode, ReadingRow>,
  values: Pick<IndicatorValues, 'unitValues' | 'previousScores'>,
  level?: string,
): UnitRow[] {
  const unitIds = [...values.unitValues.keys()]
  const meta = unitIds.length
    ? store.all(
        store.db
          .selectFrom('stg_units as u')
          .select(['u.id', 'u.name', 'u.level'])
          .select((eb) =>
            eb
              .selectFrom('stg_unit_aliases as a')
              .select('a.value')
              .whereRef('a.unit_id', '=', 'u.id')
              .where('a.kind', '=', 'code')
              .limit(1)
              .as('eid_code'),
          )
          .where('u.id', 'in', unitIds),
      )
    : []
  // The name and level as the chosen readings write them (the latest spelling wins).
  const chosenIds = [...new Set([...chosen.values()].map((r) => r.id))]
  const written = chosenIds.length
    ? store.all(
        store.db
          .selectFrom('stg_unit_rows')
          .select(['unit_id', 'name_as_written', 'level', 'reading_id'])
          .where('reading_id', 'in', chosenIds)
          .orderBy('reading_id', 'desc'),
      )
    : []
  const units: UnitRow[] = meta.map((u) => {
    const w = written.find((x) => x.unit_id === u.id)
    const own = values.unitValues.get(u.id) ?? {}
    let scoreH = 0
    let maxH = 0
    let any = false
    let stake = 0
    let prevH = 0
    let nowBothH = 0
    let both = false
    for (const [code, v] of Object.entries(own) as Array<[IndicatorCode, UnitIndicatorValue]>) {
      stake += v.pointsAtStake ?? 0
      const def = metricDef(methodology, METRIC_OF.get(code) ?? null)
      if (!def || v.estimatedScore === null) continue
      any = true
      scoreH += toHundredths(v.estimatedScore)
      maxH += toHundredths(def.max)
      const prev = values.previousScores.get(u.id)?.get(code)
      if (prev !== undefined && prev !== null) {
        both = true
        prevH += toHundredths(prev)
        nowBothH += toHundredths(v.estimatedScore)
      }
    }
    const unitLevel = (w?.level ?? u.level) as UnitLevel
    return {
      unitId: u.id,
      name: w?.name_as_written ?? u.name,
      eidCode: u.eid_code ?? null,
      level: unitLevel,
      rankCohort: rankCohort(unitLevel),
      rank: null,
      estimatedScore: any ? fromHundredths(scoreH) : null,
      coveredMax: fromHundredths(maxH),
      scorePercent: any && maxH > 0 ? round2((100 * scoreH) / maxH) : null,
      scoreChange: both ? fromHundredths(nowBothH - prevH) : null,
      pointsAtStake: round2(stake),
      indicators: own,
    }
  })
  for (const cohort of new Set(units.map((u) => u.rankCohort))) {
    const members = units.filter((u) => u.rankCohort === cohort)
    const ranks = competitionRanks(members.map((u) => u.scorePercent))
    members.forEach((u, i) => {
      u.rank = ranks[i] ?? null
    })
  }
  units.sort((a, b) => b.pointsAtStake - a.pointsAtStake || compareVietnamese(a.name, b.name))
  return level ? units.filter((u) => u.level === level || u.rankCohort === level) : units
}
