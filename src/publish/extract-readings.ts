/**
 * National readings and their snapshots. A reading's identity is (period, as-of date, source): the
 * same national table published by two offices is one reading (its first publisher's copy is kept;
 * reading_sources lists every office that has it). A reading made from an office's own portal
 * captures belongs to that office and is identified by its score sets. Readings of withdrawn files
 * are not published (and disappear from the warehouse once no office has them).
 */
import type { Selectable } from 'kysely'
import type { SnapshotsTable, StgReadingsTable } from '../db/schema.ts'
import { all, count, type ExtractContext, mapId, planChildren, type Row } from './extract-context.ts'
import { idOf, rowHash } from './ids.ts'
import { insertStep } from './plan.ts'

/** Withdrawal markers are absent in a home from before withdrawals (migration 0008). */
type WithdrawnMaybe<T> = Omit<Selectable<T>, 'withdrawn_at' | 'withdrawal_id'> & {
  withdrawn_at?: string | null
}

/** A home's reading, with its file's sha256 and its snapshot's local id (null = none). */
type LocalReading = WithdrawnMaybe<StgReadingsTable> & { file_sha: string; snapshot_local: number | null }
type LocalSnapshot = WithdrawnMaybe<SnapshotsTable>

const READING_COLUMNS = [
  'id',
  'source_file_id',
  'kind',
  'period',
  'period_type',
  'period_start',
  'period_end',
  'as_of',
  'cohort',
  'form',
  'title',
  'source_label',
  'methodology',
  'office_id',
]
const SNAPSHOT_COLUMNS: Array<keyof LocalSnapshot> = [
  'id',
  'reading_id',
  'period',
  'period_type',
  'period_start',
  'period_end',
  'as_of',
  'cohort',
  'ranked',
  'missing',
  'form',
  'source_label',
  'source_file_id',
  'methodology',
  'taken_at',
  'run_id',
]
const SCORE_COLUMNS = [
  'reading_id',
  'province_code',
  'name_as_written',
  'sheet',
  'row_number',
  'ckmb',
  'tdgq',
  'clgq',
  'tttt',
  'mdhl',
  'mdsh',
  'online22',
  'total_reported',
  'total_computed',
  'reported_rank',
]
const SNAPSHOT_ROW_COLUMNS = [
  'snapshot_id',
  'province_code',
  'name',
  'status',
  'rank',
  'total',
  'ckmb',
  'tdgq',
  'clgq',
  'tttt',
  'mdhl',
  'mdsh',
  'online22',
  'band',
  'rank_ckmb',
  'rank_tdgq',
  'rank_clgq',
  'rank_tttt',
  'rank_mdhl',
  'rank_mdsh',
  'rank_online22',
]

function readingKey(ctx: ExtractContext, r: LocalReading, portalMembers: Map<number, string>): string | null {
  if (r.kind === 'national-table') return idOf('reading', 'national', r.period, r.as_of, r.source_label)
  if (r.kind === 'portal-metrics') {
    const members = portalMembers.get(r.id)
    return members ? idOf('reading', ctx.office, 'portal', members) : null
  }
  return idOf('reading', ctx.office, r.kind, r.file_sha, r.period, r.as_of, r.source_label, r.id)
}

export function extractReadings(ctx: ExtractContext): void {
  // The score sets behind each portal reading, as warehouse ids (null when one no longer counts).
  const portalMembers = new Map<number, string>()
  for (const p of all<{ reading_id: number; members: string }>(
    ctx,
    "SELECT reading_id, group_concat(score_id, ',') AS members FROM mart_portal_reading_scores GROUP BY reading_id",
  )) {
    const ids = String(p.members)
      .split(',')
      .map((s) => ctx.ids.score.get(Number(s)))
    if (ids.every((x) => x !== undefined)) portalMembers.set(p.reading_id, ids.sort().join(','))
  }
  const readings = all<LocalReading>(
    ctx,
    `SELECT r.*, f.sha256 AS file_sha, s.id AS snapshot_local
     FROM stg_readings r JOIN source_files f ON f.id = r.source_file_id
     LEFT JOIN snapshots s ON s.reading_id = r.id
     ORDER BY r.id`,
  )
  const snapshots = new Map(all<LocalSnapshot>(ctx, 'SELECT * FROM snapshots').map((s) => [s.id, s]))
  // Later readings with the same identity win within a home (as the home's own reports do).
  const local = new Map<
    string,
    { reading: Row; snapshot: Row | null; localReading: number; localSnapshot: number | null }
  >()
  for (const r of readings) {
    // Withdrawn: the file, or the reading itself (withdraw's marker, e.g. a portal reading made from
    // a withdrawn capture). Re-derived replacements are readings of their own.
    if (ctx.withdrawn.has(r.source_file_id) || (r.withdrawn_at ?? null) !== null) continue
    const id = readingKey(ctx, r, portalMembers)
    if (!id) continue
    ctx.ids.reading.set(r.id, id)
    const shared = r.kind === 'national-table'
    const reading: Row = {
      id,
      source_file_id: mapId(ctx.ids.file, r.source_file_id),
      kind: r.kind,
      period: r.period,
      period_type: r.period_type,
      period_start: r.period_start,
      period_end: r.period_end,
      as_of: r.as_of,
      cohort: r.cohort,
      form: r.form,
      title: r.title,
      source_label: r.source_label,
      methodology: r.methodology,
      office_id: shared ? null : ctx.office,
    }
    const found = r.snapshot_local === null ? undefined : snapshots.get(r.snapshot_local)
    const s = found && (found.withdrawn_at ?? null) === null ? found : null
    let snapshot: Row | null = null
    if (s) {
      const sid = idOf('snapshot', id)
      ctx.ids.snapshot.set(s.id, sid)
      snapshot = Object.fromEntries(SNAPSHOT_COLUMNS.map((c) => [c, s[c]]))
      Object.assign(snapshot, {
        id: sid,
        reading_id: id,
        source_file_id: mapId(ctx.ids.file, s.source_file_id),
        run_id: mapId(ctx.ids.run, s.run_id),
      })
    }
    local.set(id, {
      reading,
      snapshot,
      localReading: r.id,
      localSnapshot: s?.id ?? null,
    })
  }

  const remote = ctx.remote.readingSources
  const sources: Row[] = []
  const sendReadings: Row[] = []
  const sendSnapshots: Row[] = []
  const childReadings: number[] = []
  const childSnapshots: number[] = []
  const replaced: string[] = []
  for (const [id, l] of local) {
    const hash = rowHash([l.reading, l.snapshot])
    const before = remote.get(id)
    if (before === hash) continue
    if (before !== undefined) replaced.push(id)
    sources.push({
      reading_id: id,
      office_id: ctx.office,
      source_file_id: l.reading.source_file_id,
      row_hash: hash,
    })
    // A reading another office already published is not sent again (first publisher's copy).
    if (before === undefined && ctx.remote.readings.has(id)) continue
    sendReadings.push(l.reading)
    childReadings.push(l.localReading)
    if (l.snapshot && l.localSnapshot !== null) {
      sendSnapshots.push(l.snapshot)
      childSnapshots.push(l.localSnapshot)
    }
  }
  const gone = [...remote.keys()].filter((id) => !local.has(id))
  if (gone.length) ctx.deletes.push({ op: 'delete-reading-sources', ids: gone, office: ctx.office })
  // A changed reading (re-derived snapshot) is replaced whole; other offices re-add their source.
  if (replaced.length) ctx.deletes.push({ op: 'delete', table: 'stg_readings', ids: replaced, office: null })
  if (gone.length) ctx.deletes.push({ op: 'delete-orphan-readings' })
  count(ctx, 'stg_readings.deleted', gone.length)
  count(ctx, 'stg_readings.changed', replaced.length)

  if (sendReadings.length)
    ctx.inserts.push(
      insertStep('stg_readings', READING_COLUMNS, sendReadings, { keys: ['id'], action: 'nothing' }),
    )
  count(ctx, 'stg_readings.new', sendReadings.length - replaced.length)
  if (sources.length)
    ctx.inserts.push(
      insertStep('reading_sources', ['reading_id', 'office_id', 'source_file_id', 'row_hash'], sources, {
        keys: ['reading_id', 'office_id'],
        action: 'update',
      }),
    )
  planChildren(ctx, 'stg_province_scores', SCORE_COLUMNS, 'reading_id', childReadings, {
    reading_id: ctx.ids.reading,
  })
  if (sendSnapshots.length)
    ctx.inserts.push(
      insertStep('snapshots', SNAPSHOT_COLUMNS, sendSnapshots, { keys: ['id'], action: 'nothing' }),
    )
  count(ctx, 'snapshots.new', sendSnapshots.length)
  planChildren(ctx, 'snapshot_rows', SNAPSHOT_ROW_COLUMNS, 'snapshot_id', childSnapshots, {
    snapshot_id: ctx.ids.snapshot,
  })
}
