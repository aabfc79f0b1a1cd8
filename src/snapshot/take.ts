/**
 * Snapshots: one per reading (period, as-of date, source), taken once and never changed. Each holds
 * every province of the reading's cohort: ranked (a total), incomplete (scores but no total) or
 * missing (absent from the reading; reported, not ranked last). Ranks use the competition rule with
 * tolerance (rank.ts); bands come from the configuration in force when the snapshot was taken.
 * Rank change is not stored: it depends on which earlier snapshot exists, so it is derived
 * (v_ranking_history) and stays right when an older reading arrives late.
 */

import type { Selectable } from 'kysely'
import { recordOf } from '../collections.ts'
import { bandFor, type Config } from '../config/config.ts'
import type { StgReadingsTable } from '../db/schema.ts'
import type { Store } from '../db/sqlite.ts'
import { GROUPS } from '../reference/groups.ts'
import type { ProvinceRegistry } from '../reference/provinces.ts'
import { competitionRanks } from './rank.ts'

type ScoreColumn = 'ckmb' | 'tdgq' | 'clgq' | 'tttt' | 'mdhl' | 'mdsh' | 'online22'
const SCORE_COLUMNS: ScoreColumn[] = [...GROUPS.map((g) => g.column), 'online22']

/** Takes a snapshot of every reading that has none yet; returns the new snapshot ids. */
export function snapshotPending(
  store: Store,
  registry: ProvinceRegistry,
  config: Config,
  runId: number | null,
): number[] {
  const pending = store.all(
    store.db
      .selectFrom('stg_readings as r')
      .leftJoin('snapshots as s', 's.reading_id', 'r.id')
      .where('s.id', 'is', null)
      .selectAll('r')
      .orderBy('r.id'),
  )
  // All pending snapshots in one durable commit (each reading's own transaction nests as a
  // savepoint): a backfill of a year of daily files costs one fsync here, not one per reading.
  // Snapshots are derived, so a crash before this commit only means they are taken next run.
  return store.tx(() => takeEach(store, registry, config, runId, pending))
}

function takeEach(
  store: Store,
  registry: ProvinceRegistry,
  config: Config,
  runId: number | null,
  pending: Array<Selectable<StgReadingsTable>>,
): number[] {
  const ids: number[] = []
  for (const reading of pending) {
    ids.push(
      store.tx(() => {
        // Re-check inside the write lock: another process may have taken it meanwhile.
        const exists = store.first(
          store.db.selectFrom('snapshots').select('id').where('reading_id', '=', reading.id),
        )
        if (exists) return exists.id
        const scores = store.all(
          store.db.selectFrom('stg_province_scores').selectAll().where('reading_id', '=', reading.id),
        )
        const byCode = new Map(scores.map((s) => [s.province_code, s]))
        const cohort = registry.cohort(reading.cohort)
        const rows = cohort.map((p) => {
          const s = byCode.get(p.code)
          const total = s ? (s.total_reported ?? s.total_computed) : null
          const values = recordOf(SCORE_COLUMNS, (c) => (s ? s[c] : null))
          return { code: p.code, name: p.name, present: s !== undefined, total, values }
        })
        const totalRanks = competitionRanks(rows.map((r) => r.total))
        const groupRanks = recordOf(SCORE_COLUMNS, (c) => competitionRanks(rows.map((r) => r.values[c])))
        const ranked = rows.filter((r) => r.total !== null).length
        const missing = rows.filter((r) => !r.present).length
        const snapshotId = store.run(
          store.db.insertInto('snapshots').values({
            reading_id: reading.id,
            period: reading.period,
            period_type: reading.period_type,
            period_start: reading.period_start,
            period_end: reading.period_end,
            as_of: reading.as_of,
            cohort: reading.cohort,
            ranked,
            missing,
            form: reading.form,
            source_label: reading.source_label,
            source_file_id: reading.source_file_id,
            methodology: reading.methodology,
            taken_at: new Date().toISOString(),
            run_id: runId,
          }),
        ).lastInsertRowid
        rows.forEach((r, i) => {
          store.insert('snapshot_rows', {
            snapshot_id: snapshotId,
            province_code: r.code,
            name: r.name,
            status: !r.present ? 'missing' : r.total === null ? 'incomplete' : 'ranked',
            rank: totalRanks[i] ?? null,
            total: r.total,
            ...r.values,
            band: bandFor(r.total, config.bands),
            rank_ckmb: groupRanks.ckmb[i] ?? null,
            rank_tdgq: groupRanks.tdgq[i] ?? null,
            rank_clgq: groupRanks.clgq[i] ?? null,
            rank_tttt: groupRanks.tttt[i] ?? null,
            rank_mdhl: groupRanks.mdhl[i] ?? null,
            rank_mdsh: groupRanks.mdsh[i] ?? null,
            rank_online22: groupRanks.online22[i] ?? null,
          })
        })
        return snapshotId
      }),
    )
  }
  return ids
}
