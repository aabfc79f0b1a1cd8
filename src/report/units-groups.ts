/**
 * The province's groups as the provincial tables estimate them (the covered metrics of each), with
 * the portal's group score of the same period beside them when a national reading has one.
 */
import { sql } from 'kysely'
import type { Store } from '../db/sqlite.ts'
import { groupByCode } from '../reference/groups.ts'
import type { Methodology } from '../score/methodology.ts'
import { fromHundredths, toHundredths } from '../score/round.ts'
import type { ReadingRow } from './units-queries.ts'
import type { ProvinceIndicator, UnitsReport } from './units-types.ts'

export function estimatedGroups(
  store: Store,
  methodology: Methodology,
  provinceCode: string,
  latest: ReadingRow,
  indicators: ProvinceIndicator[],
): UnitsReport['groups'] {
  const portal = store.first(
    store.db
      .selectFrom('stg_province_scores as s')
      .innerJoin('stg_readings as r', 'r.id', 's.reading_id')
      .select(['s.ckmb', 's.tdgq', 's.clgq', 's.tttt', 's.mdhl', 's.mdsh', 'r.as_of', 'r.source_label'])
      .where('s.province_code', '=', provinceCode)
      .where('r.cohort', '=', latest.cohort)
      .where('r.period', '=', latest.period)
      .where('r.withdrawn_at', 'is', null)
      .orderBy(sql`COALESCE(r.as_of, r.period_end)`, 'desc')
      .orderBy('r.id', 'desc')
      .limit(1),
  )
  const groups: UnitsReport['groups'] = []
  for (const g of methodology.groups) {
    const covered = indicators.flatMap((i) =>
      i.group === g.code && i.estimatedScore !== null && i.maxScore !== null && i.metric !== null
        ? [{ estimatedScore: i.estimatedScore, maxScore: i.maxScore, metric: i.metric }]
        : [],
    )
    if (covered.length === 0) continue
    const column = groupByCode(g.code)?.column
    const portalScore = portal && column ? portal[column] : null
    groups.push({
      code: g.code,
      name: g.name,
      estimatedScore: fromHundredths(covered.reduce((s, i) => s + toHundredths(i.estimatedScore), 0)),
      coveredMax: fromHundredths(covered.reduce((s, i) => s + toHundredths(i.maxScore), 0)),
      groupMax: g.max,
      metrics: covered.map((i) => i.metric),
      portalScore: portalScore ?? null,
      portalSource:
        portal && portalScore !== null && portalScore !== undefined
          ? `${portal.source_label}${portal.as_of ? ` ${portal.as_of}` : ''}`
          : null,
      portalSourceLabel:
        portal && portalScore !== null && portalScore !== undefined ? portal.source_label : null,
      portalAsOf: portal && portalScore !== null && portalScore !== undefined ? (portal.as_of ?? null) : null,
    })
  }
  return groups
}
