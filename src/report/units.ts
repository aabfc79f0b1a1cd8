/**
 * A province's units (agencies, districts, communes) from its own one-stop system exports
 * (`qd766 province <p> --units`, `qd766 units <p>`): each unit's indicator values, its estimated
 * points on the covered metrics and its rank among units of the same level, the points at stake
 * (how much the province's estimated score would rise if that unit alone reached the target: the
 * threshold of a threshold metric, 100% of a linear one), and the change since the previous period
 * of the same type; plus the province roll-up (counts summed over units, never rates averaged) with
 * an estimated score per metric beside the portal's group score when a national reading of the same
 * period exists.
 *
 * Which reading gives an indicator when several tables of the period do (online filing is in T2, T3
 * and T6): the family listed first in INDICATORS[].sources, then the latest reading date, then the
 * latest file. Every number here is an ESTIMATE (labelled so): the provincial tables approximate the
 * portal's inputs, and the CLGQ split is itself inferred.
 *
 * The parts: units-queries.ts (readings, facts, findings), units-indicators.ts (per indicator, now
 * and before), units-rows.ts (the units ranked), units-groups.ts (the group estimates).
 */

import type { Store } from '../db/sqlite.ts'
import { NotFoundError } from '../errors.ts'
import { t } from '../i18n/index.ts'
import { periodName } from '../i18n/terms.ts'
import { methodologyForEstimates } from '../provincial/estimate.ts'
import type { ProvinceRegistry } from '../reference/provinces.ts'
import { unknownProvinceArg } from '../reference/suggest.ts'
import { estimatedGroups } from './units-groups.ts'
import { indicatorValues } from './units-indicators.ts'
import { candidateScopes, chooseReadings, findingsOfReadings, readingsOf } from './units-queries.ts'
import { unitRows } from './units-rows.ts'
import type { UnitsReport } from './units-types.ts'

export function getUnitsReport(
  store: Store,
  registry: ProvinceRegistry,
  arg: string,
  opts: { period?: string; level?: string } = {},
): UnitsReport {
  const candidates = candidateScopes(registry, arg)
  const [first] = candidates
  if (!first) {
    throw new NotFoundError(unknownProvinceArg(registry, [34, 63], arg))
  }
  const scopes = [...new Set(candidates.map((c) => c.scope))]
  const all = readingsOf(store, scopes, opts.period)
  const [latest] = all
  if (!latest) {
    throw new NotFoundError(
      t('lookup.no-units', { name: first.province.name, period: opts.period ? periodName(opts.period) : '' }),
    )
  }
  const readings = all.filter((r) => r.scope === latest.scope && r.period === latest.period)
  const province = registry.byCode(latest.cohort, latest.province_code) ?? first.province
  const chosen = chooseReadings(store, readings)
  const { methodology, note: methodologyNote } = methodologyForEstimates(latest.as_of ?? latest.period_end)

  const values = indicatorValues(store, methodology, latest, chosen)
  const units = unitRows(store, methodology, chosen, values, opts.level)
  const groups = estimatedGroups(store, methodology, province.code, latest, values.indicators)

  return {
    estimate: true,
    province: { code: province.code, name: province.name, cohort: latest.cohort, scope: latest.scope },
    period: latest.period,
    periodType: latest.period_type,
    periodStart: latest.period_start,
    periodEnd: latest.period_end,
    asOf: readings.reduce<string | null>((m, r) => (r.as_of && (!m || r.as_of > m) ? r.as_of : m), null),
    previousPeriod: [...values.previousPeriods].sort().pop() ?? null,
    methodology: methodology.id,
    methodologyNote,
    readings: readings.map((r) => ({
      id: r.id,
      table: r.table_code,
      family: r.family,
      file: r.file_name,
      sheet: r.sheet,
      asOf: r.as_of,
      units: r.units,
    })),
    indicators: values.indicators,
    groups,
    units,
    findings: findingsOfReadings(
      store,
      readings.map((r) => r.id),
    ),
  }
}
