/**
 * The ranking as the contract shapes it: pick a snapshot (latest, or by period / as-of date), read
 * its rows with the derived rank change, optionally ranked by one group instead of the total.
 */

import { sql } from 'kysely'
import { recordBy } from '../collections.ts'
import type { Store } from '../db/sqlite.ts'
import { NotFoundError } from '../errors.ts'
import { t } from '../i18n/index.ts'
import { GROUPS, type GroupCode, groupByCode } from '../reference/groups.ts'
import { parsePeriod } from '../reference/period.ts'
import { displayOrder } from '../snapshot/rank.ts'

export interface RankingRow {
  rank: number | null
  code: string
  name: string
  total: number | null
  groups: Record<GroupCode, number | null>
  /** Five-group readings: "Dịch vụ công trực tuyến" /22 (CLGQ + TTTT), else null. */
  online22: number | null
  band: string | null
  rankChange: number | null
  status: 'ranked' | 'incomplete' | 'missing'
  /** With --by: the score ranked on. */
  value?: number | null
}

export interface Ranking {
  period: string
  asOf: string | null
  cohort: number
  /** Provinces that have a rank in this snapshot. */
  ranked: number
  by: string
  snapshotId: number
  source: string
  form: string
  takenAt: string
  previousSnapshotId: number | null
  rows: RankingRow[]
  /** Provinces of the cohort absent from the reading (reported, not ranked last). */
  missing: Array<{ code: string; name: string }>
}

/** Latest first: by reading date, then the whole-year view (the portal's default), then arrival. */
/**
 * Which snapshot is "the" ranking when none is named: readings that rank at least half of the
 * province list come first (a capture of a few provinces' own pages must not hide the national
 * table), then the latest reading date, then the whole-year view (the portal's default), then
 * arrival. v_latest_ranking uses the same order (migration 0004).
 */
const LATEST_ORDER = sql`CASE WHEN ranked * 2 >= cohort THEN 0 ELSE 1 END, COALESCE(as_of, period_end) DESC, CASE period_type WHEN 'year' THEN 0 WHEN 'quarter' THEN 1 ELSE 2 END, id DESC`

export function findSnapshotId(store: Store, opts: { period?: string; asOf?: string }): number {
  // A snapshot of a withdrawn file (or one superseded by an undo) is never "the" ranking.
  let q = store.db.selectFrom('snapshots').select('id').where('withdrawn_at', 'is', null)
  if (opts.period) q = q.where('period', '=', parsePeriod(opts.period).id)
  if (opts.asOf) q = q.where('as_of', '=', opts.asOf)
  const row = store.first(q.orderBy(LATEST_ORDER).limit(1))
  if (!row) {
    const what = [opts.period && `period ${opts.period}`, opts.asOf && `as-of ${opts.asOf}`]
      .filter(Boolean)
      .join(' and ')
    throw new NotFoundError(what ? t('lookup.no-snapshot-for', { what }) : t('lookup.no-snapshot'))
  }
  return row.id
}

export function getRanking(
  store: Store,
  opts: { period?: string; asOf?: string; by?: string } = {},
): Ranking {
  const snapshotId = findSnapshotId(store, opts)
  const snap = store.first(store.db.selectFrom('snapshots').selectAll().where('id', '=', snapshotId))
  // findSnapshotId returned the id of a row it read in this same read transaction
  if (!snap) throw new Error(`internal: snapshot ${snapshotId} vanished`)
  const rows = store.all(
    store.db.selectFrom('v_ranking_history').selectAll().where('snapshot_id', '=', snapshotId),
  )
  const byGroup = opts.by ? groupByCode(opts.by) : undefined
  const byOnline = opts.by && /^(dvctt|online22)$/i.test(opts.by)
  if (opts.by && !byGroup && !byOnline) {
    throw new NotFoundError(
      t('lookup.not-a-group', { by: opts.by, codes: GROUPS.map((g) => g.code).join(', ') }),
    )
  }
  // The documented view has no rank for the online-services sum (CLGQ + TTTT): it is read from the
  // snapshot rows themselves, where the snapshot stored it.
  const onlineRanks = byOnline
    ? new Map(
        store
          .all(
            store.db
              .selectFrom('snapshot_rows')
              .select(['province_code', 'rank_online22'])
              .where('snapshot_id', '=', snapshotId),
          )
          .map((r) => [r.province_code, r.rank_online22]),
      )
    : undefined
  const out: RankingRow[] = rows.map((r) => {
    const groups = recordBy(
      GROUPS,
      (g) => g.code,
      (g) => r[g.column],
    )
    const base: RankingRow = {
      rank: r.rank,
      code: r.province_code,
      name: r.name,
      total: r.total,
      groups,
      online22: r.online22,
      band: r.band,
      rankChange: r.rank_change,
      status: r.status,
    }
    if (byGroup) {
      base.rank = r[`rank_${byGroup.column}`]
      base.value = groups[byGroup.code]
      base.rankChange = null
    } else if (onlineRanks) {
      base.rank = onlineRanks.get(r.province_code) ?? null
      base.value = base.online22
      base.rankChange = null
    }
    return base
  })
  const present = displayOrder(out.filter((r) => r.status !== 'missing'))
  const previous = rows[0]?.previous_snapshot_id
  return {
    period: snap.period,
    asOf: snap.as_of,
    cohort: snap.cohort,
    ranked: snap.ranked,
    by: byGroup?.code ?? (byOnline ? 'DVCTT' : 'total'),
    snapshotId,
    source: snap.source_label,
    form: snap.form,
    takenAt: snap.taken_at,
    previousSnapshotId: previous ?? null,
    rows: present,
    missing: out.filter((r) => r.status === 'missing').map((r) => ({ code: r.code, name: r.name })),
  }
}

/** The contract's JSON shape (plus a few documented extension fields). */
export function rankingJson(r: Ranking) {
  return {
    period: r.period,
    asOf: r.asOf,
    cohort: r.cohort,
    by: r.by,
    ranked: r.ranked,
    form: r.form,
    source: r.source,
    snapshotId: r.snapshotId,
    rows: r.rows.map((row) => ({
      rank: row.rank,
      code: row.code,
      name: row.name,
      total: row.total,
      groups: row.groups,
      band: row.band,
      rankChange: row.rankChange,
      ...(r.form === 'five' ? { online22: row.online22 } : {}),
      ...(row.value !== undefined ? { value: row.value } : {}),
      ...(row.status !== 'ranked' ? { status: row.status } : {}),
    })),
    missing: r.missing,
  }
}
