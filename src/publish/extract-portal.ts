/**
 * Portal API captures (one per file: office + sha256) with their units and metrics as the portal
 * gave them, and the score sets computed from them (reported beside computed, per group and metric),
 * identified by province, period and the sha256 of their captures.
 */
import type { Selectable } from 'kysely'
import {
  type MartPortalScoresTable,
  STG_PORTAL_METRIC_COLUMNS,
  STG_PORTAL_UNIT_COLUMNS,
  type StgPortalCapturesTable,
} from '../db/schema-portal.ts'
import { all, type ExtractContext, mapId, type OwnedRow, planChildren, planOwned } from './extract-context.ts'
import { idOf } from './ids.ts'

type LocalCapture = Selectable<StgPortalCapturesTable> & { file_sha: string }
/** The withdrawal marker is absent in a home from before withdrawals (migration 0008). */
type LocalScoreSet = Selectable<MartPortalScoresTable> & { withdrawn_at?: string | null }

const GROUP_SCORE_COLUMNS = [
  'score_id',
  'group_code',
  'name',
  'reported_score',
  'computed_score',
  'score',
  'score_source',
  'max_score',
  'points_lost',
  'estimate',
  'methodology',
  'capture_id',
  'source',
]
const METRIC_SCORE_COLUMNS = [
  'score_id',
  'group_code',
  'metric_code',
  'ord',
  'name',
  'numerator',
  'denominator',
  'ratio',
  'reported_ratio',
  'reported_score',
  'computed_score',
  'score',
  'max_score',
  'points_lost',
  'status',
  'estimate',
  'component',
  'rule',
  'threshold',
  'zero_denominator',
  'data_quality_status',
  'data_quality_message',
  'note',
  'methodology',
  'capture_id',
]

export function extractPortal(ctx: ExtractContext): void {
  const captures = all<LocalCapture>(
    ctx,
    'SELECT c.*, f.sha256 AS file_sha FROM stg_portal_captures c JOIN source_files f ON f.id = c.source_file_id ORDER BY c.id',
  )
  const shaOfCapture = new Map<number, string>()
  const rows: OwnedRow[] = []
  const localOf = new Map<string, number>()
  for (const c of captures) {
    shaOfCapture.set(c.id, c.file_sha)
    if (ctx.withdrawn.has(c.source_file_id)) continue
    const id = idOf('capture', ctx.office, c.file_sha)
    ctx.ids.capture.set(c.id, id)
    localOf.set(id, c.id)
    const { id: _local, file_sha: _sha, ...rest } = c
    rows.push({ ...rest, id, office_id: ctx.office, source_file_id: mapId(ctx.ids.file, c.source_file_id) })
  }
  const fresh = planOwned(ctx, 'stg_portal_captures', rows, 'immutable')
  // every id planOwned returns is one of `rows`, so each has its local id
  const freshLocal = [...fresh].flatMap((id) => localOf.get(id) ?? [])
  const childIds = { capture_id: ctx.ids.capture, source_file_id: ctx.ids.file }
  planChildren(ctx, 'stg_portal_units', [...STG_PORTAL_UNIT_COLUMNS], 'capture_id', freshLocal, childIds)
  planChildren(ctx, 'stg_portal_metrics', [...STG_PORTAL_METRIC_COLUMNS], 'capture_id', freshLocal, childIds)

  const sets = all<LocalScoreSet>(ctx, 'SELECT * FROM mart_portal_scores ORDER BY id')
  const setRows: OwnedRow[] = []
  const localSet = new Map<string, number>()
  for (const s of sets) {
    const members = String(s.capture_key).split(',').filter(Boolean).map(Number)
    // A set computed from a withdrawn capture no longer counts (withdraw re-derives its replacement).
    const shas: string[] = []
    for (const m of members) {
      const sha = ctx.ids.capture.has(m) ? shaOfCapture.get(m) : undefined
      if (sha === undefined) break
      shas.push(sha)
    }
    if (shas.length < members.length || (s.withdrawn_at ?? null) !== null) continue
    const captureKey = shas.sort().join(',')
    const id = idOf('score-set', ctx.office, s.province_code, s.period, captureKey)
    ctx.ids.score.set(s.id, id)
    localSet.set(id, s.id)
    setRows.push({
      ...s,
      id,
      office_id: ctx.office,
      capture_key: captureKey,
      latest_source_file_id: mapId(ctx.ids.file, s.latest_source_file_id),
      run_id: mapId(ctx.ids.run, s.run_id),
    })
  }
  const freshSets = [...planOwned(ctx, 'mart_portal_scores', setRows, 'immutable')].flatMap(
    (id) => localSet.get(id) ?? [],
  )
  const scoreIds = { score_id: ctx.ids.score, capture_id: ctx.ids.capture }
  planChildren(ctx, 'mart_group_scores', GROUP_SCORE_COLUMNS, 'score_id', freshSets, scoreIds)
  planChildren(ctx, 'mart_metric_scores', METRIC_SCORE_COLUMNS, 'score_id', freshSets, scoreIds)
}
