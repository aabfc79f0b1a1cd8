/**
 * `province --units`: one province with its agencies and communes, composed from what the home has.
 * The province's own one-stop exports give the units (src/report/units.ts) and need no national
 * snapshot; the portal captures give their own units (src/report/portal-units.ts). Either part may be
 * missing; only when both are is the province "not found". Shared by the CLI and the web server.
 */
import type { Store } from '../db/sqlite.ts'
import { NotFoundError } from '../errors.ts'
import type { ProvinceRegistry } from '../reference/provinces.ts'
import type { WhatIfChange } from '../score/compute.ts'
import { findScoreSet } from './portal-detail.ts'
import { getPortalUnits, type PortalUnits } from './portal-units.ts'
import { getProvinceReport, type ProvinceReport } from './province.ts'
import { getUnitsReport } from './units.ts'
import type { UnitsReport } from './units-types.ts'

export type ProvinceWithUnits =
  | {
      /** The national part (ranking snapshot, groups, portal metrics); null without a snapshot. */
      national: ProvinceReport | null
      /** From the province's one-stop exports. */
      provincial: UnitsReport
      /** The portal's agencies and communes; null without portal captures. */
      portalUnits: PortalUnits | null
    }
  | { national: ProvinceReport; provincial: null; portalUnits: PortalUnits }

/** The portal's units of the score set behind the report's metric detail; null without captures. */
export function portalUnitsOf(store: Store, r: ProvinceReport): PortalUnits | null {
  if (!r.portal) return null
  const set = findScoreSet(store, r.code, { period: r.portal.period, asOf: r.portal.asOf ?? undefined })
  const exact =
    set && set.id === r.portal.scoreSetId
      ? set
      : store.first(
          store.db.selectFrom('mart_portal_scores').selectAll().where('id', '=', r.portal.scoreSetId),
        )
  return exact ? getPortalUnits(store, exact) : null
}

/** Throws NotFoundError (the provincial tables' own message) when neither source has units. */
export function getProvinceWithUnits(
  store: Store,
  registry: ProvinceRegistry,
  arg: string,
  opts: { period?: string; asOf?: string; whatIf: WhatIfChange[] },
): ProvinceWithUnits {
  let provincial: UnitsReport
  try {
    provincial = getUnitsReport(store, registry, arg, { period: opts.period })
  } catch (notFound) {
    // No provincial tables: the portal captures' own agencies and communes, if any.
    if (!(notFound instanceof NotFoundError)) throw notFound
    let national: ProvinceReport
    try {
      national = getProvinceReport(store, registry, arg, opts)
    } catch (err) {
      throw err instanceof NotFoundError ? notFound : err
    }
    const portalUnits = portalUnitsOf(store, national)
    if (!portalUnits) throw notFound
    return { national, provincial: null, portalUnits }
  }
  let national: ProvinceReport | null = null
  try {
    national = getProvinceReport(store, registry, arg, opts)
  } catch (err) {
    if (!(err instanceof NotFoundError)) throw err
  }
  return { national, provincial, portalUnits: national && portalUnitsOf(store, national) }
}

/**
 * The JSON of `province --units --json` (cli-contract): the province report's fields (or the few
 * the provincial tables know when there is no snapshot), `units`, `provincial` and `portalUnits`.
 */
export function provinceWithUnitsJson(v: ProvinceWithUnits) {
  if (!v.provincial) return { ...v.national, units: [], provincial: null, portalUnits: v.portalUnits }
  const { units, ...provincial } = v.provincial
  return {
    ...(v.national ?? {
      code: v.provincial.province.code,
      name: v.provincial.province.name,
      cohort: v.provincial.province.cohort,
      period: v.provincial.period,
      snapshotId: null,
    }),
    units,
    provincial,
    portalUnits: v.portalUnits,
  }
}
