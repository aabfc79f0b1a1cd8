/**
 * File history and runs. Every file the home has seen is one row per (office, sha256): accepted
 * files from source_files (status `withdrawn` once withdrawn, with who/when/why), rejected files from
 * their latest file event with the reason. Runs by (office, run key).
 */
import type { Selectable } from 'kysely'
import type { FileEventsTable, FileWithdrawalsTable, RunsTable, SourceFilesTable } from '../db/schema.ts'
import { all, type ExtractContext, mapId, type OwnedRow, planOwned } from './extract-context.ts'
import { idOf } from './ids.ts'
import { hasColumn, hasTable } from './watermark.ts'

/** An accepted file, its withdrawal (null in a home from before withdrawals) read as w_*. */
type AcceptedFile = Omit<
  Selectable<SourceFilesTable>,
  'withdrawn_at' | 'withdrawn_by' | 'withdraw_reason'
> & {
  w_at: string | null
  w_by: string | null
  w_reason: string | null
}
/** A withdraw or undo with its file's sha256 and its place among that file's events (1, 2, ...). */
type WithdrawalEvent = Selectable<FileWithdrawalsTable> & { file_sha: string; n: number }

export function extractRuns(ctx: ExtractContext): void {
  const rows = all<Selectable<RunsTable>>(ctx, 'SELECT * FROM runs ORDER BY id').map((r) => {
    const id = idOf('run', ctx.office, r.run_key)
    ctx.ids.run.set(r.id, id)
    return {
      id,
      office_id: ctx.office,
      run_key: r.run_key,
      trigger: r.trigger,
      command: r.command,
      status: r.status,
      started_at: r.started_at,
      finished_at: r.finished_at,
      pid: r.pid,
      host: r.host,
      scheduled_for: r.scheduled_for,
      files_seen: r.files_seen,
      accepted: r.accepted,
      duplicate: r.duplicate,
      rejected: r.rejected,
      waiting: r.waiting,
      snapshots: r.snapshots,
      findings: r.findings,
      error: r.error,
    }
  })
  planOwned(ctx, 'runs', rows, 'mutable')
}

export function extractFiles(ctx: ExtractContext): void {
  const withdrawal = hasColumn(ctx.raw, 'source_files', 'withdrawn_at')
  const w = (c: string) => (withdrawal && hasColumn(ctx.raw, 'source_files', c) ? `f.${c}` : 'NULL')
  const accepted = all<AcceptedFile>(
    ctx,
    `SELECT f.*, ${w('withdrawn_at')} AS w_at, ${w('withdrawn_by')} AS w_by, ${w('withdraw_reason')} AS w_reason
     FROM source_files f ORDER BY f.id`,
  )
  const rows: OwnedRow[] = []
  for (const f of accepted) {
    const id = idOf('file', ctx.office, f.sha256)
    ctx.ids.file.set(f.id, id)
    if (f.w_at !== null) ctx.withdrawn.add(f.id)
    rows.push({
      id,
      office_id: ctx.office,
      sha256: f.sha256,
      file_name: f.file_name,
      size: f.size,
      mtime: f.mtime,
      format: f.format,
      encoding: f.encoding,
      kind: f.kind,
      rows: f.rows,
      period: f.period,
      as_of: f.as_of,
      accepted_at: f.accepted_at,
      run_id: mapId(ctx.ids.run, f.run_id),
      archived_as: f.archived_as,
      status: f.w_at !== null ? 'withdrawn' : 'accepted',
      error_code: null,
      error: null,
      withdrawn_at: f.w_at,
      withdrawn_by: f.w_by,
      withdraw_reason: f.w_reason,
    })
  }
  // Rejected files (never in source_files): the latest event per sha256 says why.
  const rejected = all<Selectable<FileEventsTable>>(
    ctx,
    `SELECT e.* FROM file_events e
     WHERE e.status = 'rejected'
       AND e.id = (SELECT max(e2.id) FROM file_events e2 WHERE e2.sha256 = e.sha256)
       AND NOT EXISTS (SELECT 1 FROM source_files f WHERE f.sha256 = e.sha256)
     ORDER BY e.id`,
  )
  for (const e of rejected) {
    rows.push({
      id: idOf('file', ctx.office, e.sha256),
      office_id: ctx.office,
      sha256: e.sha256,
      file_name: e.file_name,
      size: null,
      mtime: null,
      format: null,
      encoding: null,
      kind: e.kind,
      rows: e.rows,
      period: null,
      as_of: null,
      accepted_at: null,
      run_id: mapId(ctx.ids.run, e.run_id),
      archived_as: e.stored_as,
      status: 'rejected',
      error_code: e.error_code,
      error: e.message,
      withdrawn_at: null,
      withdrawn_by: null,
      withdraw_reason: null,
    })
  }
  planOwned(ctx, 'source_files', rows, 'mutable')
}

/**
 * The withdraw audit trail, append-only: every withdraw and undo of the home's files, identified by
 * the file and the event's place among that file's events (never the home's autoincrement id).
 */
export function extractWithdrawals(ctx: ExtractContext): void {
  if (!hasTable(ctx.raw, 'file_withdrawals')) return
  const events = all<WithdrawalEvent>(
    ctx,
    `SELECT w.*, f.sha256 AS file_sha,
            row_number() OVER (PARTITION BY w.source_file_id ORDER BY w.id) AS n
     FROM file_withdrawals w JOIN source_files f ON f.id = w.source_file_id
     ORDER BY w.id`,
  )
  const rows: OwnedRow[] = events.map((w) => ({
    id: idOf('withdrawal', ctx.office, w.file_sha, w.n),
    office_id: ctx.office,
    source_file_id: mapId(ctx.ids.file, w.source_file_id),
    action: w.action,
    reason: w.reason,
    by_user: w.by_user,
    at: w.at,
    run_id: mapId(ctx.ids.run, w.run_id),
  }))
  planOwned(ctx, 'file_withdrawals', rows, 'mutable')
}
