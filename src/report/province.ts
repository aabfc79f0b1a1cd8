/**
 * One province: its scores in a snapshot, points lost against each group maximum, and its rank
 * history across the comparable snapshots of its cohort. Metric-level detail is added by the
 * scoring engine where portal captures exist.
 */
import { sql } from 'kysely'
import type { Store } from '../db/sqlite.ts'
import { GROUPS, type GroupCode } from '../reference/groups.ts'
import type { Cohort, Province, ProvinceRegistry } from '../reference/provinces.ts'
import { NotFoundError, findSnapshotId } from './ranking.ts'

export interface ProvinceReport {
  code: string
  name: string
  cohort: number
  period: string
  asOf: string | null
  snapshotId: number
  rank: number | null
  cohortSize: number
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
  }>
  history: Array<{
    snapshotId: number
    period: string
    asOf: string | null
    rank: number | null
    total: number | null
    source: string
  }>
}

export function resolveProvinceArg(registry: ProvinceRegistry, cohort: Cohort, arg: string): Province {
  const p = registry.resolve(cohort, arg)
  if (!p) {
    const elsewhere = registry.cohortsOf(arg)
    throw new NotFoundError(
      elsewhere.length
        ? `"${arg}" is a province of the ${elsewhere[0]}-province list, but this snapshot ranks the ${cohort}-province list; pick an older/newer --period.`
        : `unknown province "${arg}": give its name ("Đắk Lắk", "UBND tỉnh Lào Cai") or 2-digit code ("66")`,
    )
  }
  return p
}

export function getProvinceReport(
  store: Store,
  registry: ProvinceRegistry,
  arg: string,
  opts: { period?: string; asOf?: string } = {},
): ProvinceReport {
  const snapshotId = findSnapshotId(store, opts)
  const snap = store.first(store.db.selectFrom('snapshots').selectAll().where('id', '=', snapshotId))!
  const province = resolveProvinceArg(registry, snap.cohort as Cohort, arg)
  const row = store.first(
    store.db
      .selectFrom('v_ranking_history' as never)
      .selectAll()
      .where(sql.ref('snapshot_id'), '=', snapshotId)
      .where(sql.ref('province_code'), '=', province.code) as never,
  ) as Record<string, unknown> | undefined
  if (!row) throw new NotFoundError(`${province.name} is not in snapshot ${snapshotId}`)
  const history = store.all(
    store.db
      .selectFrom('snapshots as s')
      .innerJoin('snapshot_rows as r', 'r.snapshot_id', 's.id')
      .select(['s.id', 's.period', 's.as_of', 's.source_label', 'r.rank', 'r.total'])
      .where('s.cohort', '=', snap.cohort)
      .where('s.period_type', '=', snap.period_type)
      .where('r.province_code', '=', province.code)
      .orderBy('s.period_start')
      .orderBy(sql`COALESCE(s.as_of, s.period_end)`)
      .orderBy('s.id'),
  )
  const num = (k: string) => (row[k] as number | null) ?? null
  return {
    code: province.code,
    name: province.name,
    cohort: snap.cohort,
    period: snap.period,
    asOf: snap.as_of,
    snapshotId,
    rank: num('rank'),
    cohortSize: snap.cohort,
    total: num('total'),
    band: (row.band as string | null) ?? null,
    rankChange: num('rank_change'),
    status: row.status as string,
    groups: GROUPS.map((g) => {
      const score = num(g.column)
      return {
        code: g.code,
        name: g.name,
        score,
        maxScore: g.max,
        pointsLost: score === null ? null : Math.round((g.max - score) * 100) / 100,
        rank: num(`rank_${g.column}`),
      }
    }),
    history: history.map((h) => ({
      snapshotId: h.id,
      period: h.period,
      asOf: h.as_of,
      rank: h.rank,
      total: h.total,
      source: h.source_label,
    })),
  }
}
