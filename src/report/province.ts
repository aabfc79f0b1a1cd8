/**
 * One province: its scores in a snapshot, points lost against each group maximum, and its rank
 * history across the comparable snapshots of its cohort; where portal captures exist, the
 * metric-level detail (src/report/portal-detail.ts): every metric's reported and computed score,
 * points lost sorted by the points at stake, score-mismatch findings and what-ifs.
 *
 * A province whose captures give some groups only has no total and no rank; it is still reported
 * (from its captures) when no snapshot of the period exists.
 */

import { sql } from 'kysely'
import type { Store } from '../db/sqlite.ts'
import { NotFoundError } from '../errors.ts'
import { t } from '../i18n/index.ts'
import { GROUPS, type GroupCode } from '../reference/groups.ts'
import { cohortFor, parsePeriod } from '../reference/period.ts'
import type { Cohort, Province, ProvinceRegistry } from '../reference/provinces.ts'
import { unknownProvinceArg } from '../reference/suggest.ts'
import type { WhatIfChange } from '../score/compute.ts'
import { isNationalRanking, nationalRank } from './figures.ts'
import {
  findScoreSet,
  type PortalDetail,
  type PortalFinding,
  type PortalMetric,
  portalDetail,
  portalWhatIf,
  type WhatIfReport,
} from './portal-detail.ts'
import { findSnapshotId } from './ranking.ts'

export interface ProvinceReport {
  code: string
  name: string
  cohort: number
  period: string
  asOf: string | null
  /** null when no ranking snapshot of the period exists (the report then comes from captures). */
  snapshotId: number | null
  rank: number | null
  cohortSize: number
  /** Where the total, rank and group scores come from (the snapshot's source; src/report/figures.ts). */
  source: string | null
  /** Provinces the snapshot ranks; a rank is national only when that is at least half the list. */
  ranked: number | null
  nationalRank: boolean
  total: number | null
  band: string | null
  rankChange: number | null
  status: string
  groups: Array<{
    code: GroupCode
    name: string
    score: number | null
    maxScore: number
    pointsLost: number | null
    rank: number | null
    /** From portal captures (null without them): the portal's score and the methodology's. */
    reportedScore: number | null
    computedScore: number | null
    estimate: boolean
    methodologyVersion: string | null
  }>
  history: Array<{
    snapshotId: number
    period: string
    asOf: string | null
    rank: number | null
    total: number | null
    source: string
  }>
  /** Sum of the computed group scores (portal captures); null unless all six could be computed. */
  computedTotal: number | null
  /** The methodology version of the metric detail; null without portal captures. */
  methodologyVersion: string | null
  /** Every metric, sorted by the points at stake; [] without portal captures. */
  metrics: PortalMetric[]
  /** Reported vs computed differences above 0.01, capture conflicts. */
  findings: PortalFinding[]
  /** Where the metric detail comes from (its reading date may differ from the snapshot's). */
  portal: Omit<PortalDetail, 'metrics' | 'findings' | 'groups'> | null
  whatIf: WhatIfReport | null
}

export function resolveProvinceArg(registry: ProvinceRegistry, cohort: number, arg: string): Province {
  const p = registry.resolve(cohort, arg)
  if (!p) {
    const [other] = registry.cohortsOf(arg)
    throw new NotFoundError(
      other !== undefined
        ? t('lookup.other-cohort', { arg, other, cohort })
        : unknownProvinceArg(registry, [cohort], arg),
    )
  }
  return p
}

export function getProvinceReport(
  store: Store,
  registry: ProvinceRegistry,
  arg: string,
  opts: { period?: string; asOf?: string; whatIf?: WhatIfChange[] } = {},
): ProvinceReport {
  let snapshotId: number | null
  try {
    snapshotId = findSnapshotId(store, opts)
  } catch (err) {
    if (!(err instanceof NotFoundError)) throw err
    snapshotId = null
  }
  const snap =
    snapshotId === null
      ? undefined
      : store.first(store.db.selectFrom('snapshots').selectAll().where('id', '=', snapshotId))
  if (!snap) return reportFromCaptures(store, registry, arg, opts)

  const province = resolveProvinceArg(registry, snap.cohort, arg)
  const row = store.first(
    store.db
      .selectFrom('v_ranking_history')
      .selectAll()
      .where('snapshot_id', '=', snap.id)
      .where('province_code', '=', province.code),
  )
  if (!row) throw new NotFoundError(t('lookup.not-in-snapshot', { name: province.name, id: snap.id }))
  const set =
    snap.cohort === 34
      ? findScoreSet(store, province.code, {
          period: snap.period,
          asOf: opts.asOf,
          readingId: snap.reading_id,
        })
      : undefined
  const detail = set ? portalDetail(store, set) : null
  return {
    code: province.code,
    name: province.name,
    cohort: snap.cohort,
    period: snap.period,
    asOf: snap.as_of,
    snapshotId: snap.id,
    rank: row.rank,
    cohortSize: snap.cohort,
    source: snap.source_label,
    ranked: snap.ranked,
    nationalRank: isNationalRanking(snap),
    total: row.total,
    band: row.band,
    rankChange: row.rank_change,
    status: row.status,
    groups: GROUPS.map((g) => {
      const score = row[g.column]
      return {
        code: g.code,
        name: g.name,
        score,
        maxScore: g.max,
        pointsLost: score === null ? null : Math.round((g.max - score) * 100) / 100,
        rank: row[`rank_${g.column}`],
        ...portalGroup(detail, g.code),
      }
    }),
    history: historyOf(store, snap.cohort, snap.period_type, province.code),
    ...portalPart(store, detail, set, opts.whatIf, snap.id),
  }
}

/** No snapshot of the period: the province's own captures (no rank, total only with six groups). */
function reportFromCaptures(
  store: Store,
  registry: ProvinceRegistry,
  arg: string,
  opts: { period?: string; asOf?: string; whatIf?: WhatIfChange[] },
): ProvinceReport {
  const period = opts.period ? parsePeriod(opts.period) : null
  const cohort: Cohort = period ? cohortFor(period, opts.asOf ?? null) : 34
  const province = registry.resolve(cohort, arg) ?? registry.resolve(34, arg)
  const set = province
    ? findScoreSet(store, province.code, { period: period?.id, asOf: opts.asOf })
    : undefined
  if (!province || !set) {
    // Same message as before portal captures existed.
    findSnapshotId(store, opts)
    if (!province) throw new NotFoundError(unknownProvinceArg(registry, [cohort, 34], arg))
    throw new NotFoundError(t('lookup.no-province-data', { arg }))
  }
  const detail = portalDetail(store, set)
  return {
    code: province.code,
    name: province.name,
    cohort: province.cohort,
    period: set.period,
    asOf: set.as_of,
    snapshotId: null,
    rank: null,
    cohortSize: province.cohort,
    source: null,
    ranked: null,
    nationalRank: false,
    total: set.total,
    band: null,
    rankChange: null,
    status: set.complete ? 'not-ranked' : 'incomplete',
    groups: GROUPS.map((g) => {
      const pg = detail.groups.find((x) => x.code === g.code)
      return {
        code: g.code,
        name: g.name,
        score: pg?.score ?? null,
        maxScore: g.max,
        pointsLost: pg?.pointsLost ?? null,
        rank: null,
        ...portalGroup(detail, g.code),
      }
    }),
    history: historyOf(store, province.cohort, set.period_type, province.code),
    ...portalPart(store, detail, set, opts.whatIf, null),
  }
}

function historyOf(
  store: Store,
  cohort: number,
  periodType: string,
  code: string,
): ProvinceReport['history'] {
  return store
    .all(
      store.db
        .selectFrom('snapshots as s')
        .innerJoin('snapshot_rows as r', 'r.snapshot_id', 's.id')
        .select([
          's.id',
          's.period',
          's.as_of',
          's.source_label',
          's.ranked',
          's.cohort',
          'r.rank',
          'r.total',
        ])
        .where('s.cohort', '=', cohort)
        .where('s.period_type', '=', periodType)
        .where('s.withdrawn_at', 'is', null)
        .where('r.province_code', '=', code)
        .orderBy('s.period_start')
        .orderBy(sql`COALESCE(s.as_of, s.period_end)`)
        .orderBy('s.id'),
    )
    .map((h) => ({
      snapshotId: h.id,
      period: h.period,
      asOf: h.as_of,
      // A reading that ranks fewer than half of the list (a few provinces' own portal captures)
      // keeps its total but has no meaningful rank: "1st" among two provinces is not a rank of 34.
      rank: nationalRank(h.rank, h),
      total: h.total,
      source: h.source_label,
    }))
}

function portalGroup(detail: PortalDetail | null, code: GroupCode) {
  const g = detail?.groups.find((x) => x.code === code)
  return {
    reportedScore: g?.reportedScore ?? null,
    computedScore: g?.computedScore ?? null,
    estimate: g?.estimate ?? false,
    methodologyVersion: g?.methodologyVersion ?? null,
  }
}

function portalPart(
  store: Store,
  detail: PortalDetail | null,
  set: Parameters<typeof portalWhatIf>[1] | undefined,
  changes: WhatIfChange[] | undefined,
  snapshotId: number | null,
): Pick<
  ProvinceReport,
  'computedTotal' | 'methodologyVersion' | 'metrics' | 'findings' | 'portal' | 'whatIf'
> {
  if (!detail || !set) {
    if (changes?.length) {
      throw new NotFoundError(t('lookup.what-if-needs-capture'))
    }
    return {
      computedTotal: null,
      methodologyVersion: null,
      metrics: [],
      findings: [],
      portal: null,
      whatIf: null,
    }
  }
  const { metrics, findings, groups: _groups, ...portal } = detail
  return {
    computedTotal: detail.computedTotal,
    methodologyVersion: detail.methodologyVersion,
    metrics,
    findings,
    portal,
    whatIf: changes?.length ? portalWhatIf(store, set, changes, snapshotId) : null,
  }
}
