/**
 * `qd766 withdraw` / `--undo`: take an accepted file back, or restore it. A recorded run holding
 * the lease (a refresh never interleaves), then one transaction: the audit row, the file's state,
 * the portal scoring pass (captures of withdrawn files do not count), snapshots of any re-derived
 * reading, and the markers of everything that stops or starts counting (reconcile.ts).
 */
import { userInfo } from 'node:os'
import type { App } from '../app.ts'
import { materialisePortalScores } from '../mart/portal-scores.ts'
import { finishRun, startRun } from '../run/runs.ts'
import { snapshotPending } from '../snapshot/take.ts'
import { type FileRow, findTarget, type Target } from './find.ts'
import { reconcileWithdrawals } from './reconcile.ts'

export interface WithdrawOptions {
  undo?: boolean
  reason?: string | null
  /** Who; default the operating-system user. */
  by?: string | null
  now?: Date
}

export interface WithdrawResult {
  action: 'withdraw' | 'undo'
  /** False when the file already was in the asked state (nothing written). */
  changed: boolean
  file: FileRow
  by: string
  reason: string | null
  at: string
  withdrawalId: number | null
  runId: number | null
  snapshots: { withdrawn: number[]; restored: number[]; taken: number[] }
  scoreSets: { withdrawn: number; restored: number; taken: number }
}

/** Thrown when the argument does not name exactly one accepted file (the CLI explains which case). */
export class WithdrawTargetError extends Error {
  constructor(readonly target: Exclude<Target, { kind: 'file' }>) {
    super(`withdraw target: ${target.kind}`)
  }
}

export function osUser(): string {
  try {
    return userInfo().username || process.env.USER || 'unknown'
  } catch {
    return process.env.USER || process.env.USERNAME || 'unknown'
  }
}

export function withdrawFile(app: App, arg: string, opts: WithdrawOptions = {}): WithdrawResult {
  const action = opts.undo ? 'undo' : 'withdraw'
  const by = opts.by?.trim() || osUser()
  const reason = opts.reason?.trim() || null
  const target = findTarget(app.store, arg, action)
  if (target.kind !== 'file') throw new WithdrawTargetError(target)
  const unchanged = (file: FileRow): WithdrawResult => ({
    action,
    changed: false,
    file,
    by: file.withdrawn_by ?? by,
    reason: file.withdraw_reason ?? reason,
    at: file.withdrawn_at ?? '',
    withdrawalId: null,
    runId: null,
    snapshots: { withdrawn: [], restored: [], taken: [] },
    scoreSets: { withdrawn: 0, restored: 0, taken: 0 },
  })
  if ((action === 'withdraw') !== (target.file.withdrawn_at === null)) return unchanged(target.file)

  const { store, registry, config } = app
  const runId = startRun(store, {
    trigger: 'manual',
    command: action === 'undo' ? 'withdraw --undo' : 'withdraw',
  })
  try {
    const result = store.tx((): WithdrawResult => {
      // Re-read under the write lock: another withdraw may have changed it meanwhile.
      const file = findTarget(store, target.file.sha256, action)
      if (file.kind !== 'file' || (action === 'withdraw') !== (file.file.withdrawn_at === null))
        return unchanged(target.file)
      const at = (opts.now ?? new Date()).toISOString()
      const withdrawalId = store.run(
        store.db.insertInto('file_withdrawals').values({
          source_file_id: file.file.id,
          action,
          reason,
          by_user: by,
          at,
          run_id: runId,
        }),
      ).lastInsertRowid
      store.run(
        store.db
          .updateTable('source_files')
          .set(
            action === 'withdraw'
              ? { withdrawn_at: at, withdrawn_by: by, withdraw_reason: reason }
              : { withdrawn_at: null, withdrawn_by: null, withdraw_reason: null },
          )
          .where('id', '=', file.file.id),
      )
      const mart = materialisePortalScores(store, registry, { runId, log: app.log })
      const taken = snapshotPending(store, registry, config, runId)
      const rec = reconcileWithdrawals(store, mart.current, { withdrawalId, at })
      const after = store.first(
        store.db.selectFrom('source_files').selectAll().where('id', '=', file.file.id),
      )
      // the row was found and updated in this same transaction
      if (!after) throw new Error(`internal: source file ${file.file.id} vanished while being changed`)
      return {
        action,
        changed: true,
        file: after,
        by,
        reason,
        at,
        withdrawalId,
        runId,
        snapshots: { withdrawn: rec.snapshotsWithdrawn, restored: rec.snapshotsRestored, taken },
        scoreSets: {
          withdrawn: rec.scoreSetsWithdrawn,
          restored: rec.scoreSetsRestored,
          taken: mart.scoreSets.length,
        },
      }
    })
    finishRun(store, runId, 'ok', {
      files_seen: 1,
      snapshots: result.snapshots.taken.length,
      findings: 0,
    })
    return { ...result, runId }
  } catch (err) {
    finishRun(store, runId, 'failed', {}, err instanceof Error ? err.message : String(err))
    throw err
  }
}
