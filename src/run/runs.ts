/**
 * Run history and the single-writer lease. Every run (manual, scheduled, ingest) is a row in `runs`
 * with a unique run key; a run holds a lease (lease_until, refreshed by heartbeats) so two processes
 * on the same home never ingest at once. A run whose process died (kill -9, power cut) is marked
 * `abandoned` by the next run that finds its lease expired or its pid gone.
 */
import { hostname } from 'node:os'
import type { Store } from '../db/sqlite.ts'
import { errnoCode } from '../errors.ts'
import { t } from '../i18n/index.ts'

/** Ten minutes; QD766_TEST_LEASE_MS (tests only, see src/testing/faults.ts) shortens it. */
export const LEASE_MS = Number(process.env.QD766_TEST_LEASE_MS) || 10 * 60 * 1000

export class RunBusyError extends Error {
  constructor(readonly holder: { id: number; pid: number | null; startedAt: string; command: string }) {
    super(t('run.busy', holder))
  }
}

export class RunKeyTakenError extends Error {}

export function pidAlive(pid: number | null): boolean {
  if (pid === null) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return errnoCode(err) === 'EPERM'
  }
}

export interface RunStats {
  files_seen: number
  accepted: number
  duplicate: number
  rejected: number
  waiting: number
  snapshots: number
  findings: number
}

/** Why a `running` row no longer holds the lease (its process is gone or stopped beating), or null. */
export function goneReason(
  h: { lease_until: string | null; host: string | null; pid: number | null },
  now: Date = new Date(),
  host: string = hostname(),
): 'process died' | 'lease expired' | null {
  if (h.host === host && !pidAlive(h.pid)) return 'process died'
  if (h.lease_until !== null && h.lease_until < now.toISOString()) return 'lease expired'
  return null
}

export function startRun(
  store: Store,
  opts: { trigger: string; command: string; runKey?: string; scheduledFor?: string | null; now?: Date },
): number {
  const now = opts.now ?? new Date()
  const host = hostname()
  return store.tx(() => {
    const holders = store.all(
      store.db.selectFrom('runs').selectAll().where('status', '=', 'running').orderBy('id'),
    )
    // The key first: a second scheduler on the same tick must skip at once, not wait for the lease.
    const runKey = opts.runKey ?? `${opts.command}@${now.toISOString()}#${process.pid}`
    const taken = store.first(store.db.selectFrom('runs').select('id').where('run_key', '=', runKey))
    if (taken) throw new RunKeyTakenError(`run ${runKey} has already run`)
    for (const h of holders) {
      const gone = goneReason(h, now, host)
      if (gone) {
        store.run(
          store.db
            .updateTable('runs')
            .set({ status: 'abandoned', finished_at: now.toISOString(), error: gone })
            .where('id', '=', h.id),
        )
      } else {
        throw new RunBusyError({ id: h.id, pid: h.pid, startedAt: h.started_at, command: h.command })
      }
    }
    return store.run(
      store.db.insertInto('runs').values({
        run_key: runKey,
        trigger: opts.trigger,
        command: opts.command,
        status: 'running',
        started_at: now.toISOString(),
        heartbeat_at: now.toISOString(),
        lease_until: new Date(now.getTime() + LEASE_MS).toISOString(),
        pid: process.pid,
        host,
        scheduled_for: opts.scheduledFor ?? null,
      }),
    ).lastInsertRowid
  })
}

/**
 * Renews the lease, but only one still held: a lease that expired (a clock jump, a long stall) may
 * already be another run's, so it is never revived. Returns false when the lease is lost.
 */
export function heartbeat(store: Store, runId: number, now: Date = new Date()): boolean {
  return (
    store.run(
      store.db
        .updateTable('runs')
        .set({
          heartbeat_at: now.toISOString(),
          lease_until: new Date(now.getTime() + LEASE_MS).toISOString(),
        })
        .where('id', '=', runId)
        .where('status', '=', 'running')
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '>=', now.toISOString())])),
    ).changes > 0
  )
}

/** The run no longer holds its lease: it must stop before committing or moving anything. */
export class LeaseLostError extends Error {}

/**
 * Throws LeaseLostError unless run `runId` still holds its lease. Called inside each transaction
 * that commits a file's outcome (the write lock makes check and commit one step) and right before
 * each move, so two runs never work the same files: one whose lease expired, or that another run
 * found gone and marked abandoned, stops there.
 */
export function assertLease(store: Store, runId: number, now: Date = new Date()): void {
  const row = store.first(
    store.db.selectFrom('runs').select(['status', 'lease_until']).where('id', '=', runId),
  )
  const why = !row
    ? t('run.lease-why.gone')
    : row.status !== 'running'
      ? t('run.lease-why.status', { status: row.status })
      : row.lease_until !== null && row.lease_until < now.toISOString()
        ? t('run.lease-why.expired', { until: row.lease_until })
        : null
  if (why) throw new LeaseLostError(t('poison.lease-lost', { runId, why }))
}

export function finishRun(
  store: Store,
  runId: number,
  status: 'ok' | 'failed' | 'partial' | 'interrupted',
  stats: Partial<RunStats>,
  error?: string,
): void {
  store.run(
    store.db
      .updateTable('runs')
      .set({
        ...stats,
        status,
        finished_at: new Date().toISOString(),
        lease_until: null,
        error: error ?? null,
      })
      .where('id', '=', runId),
  )
}

/**
 * Records a schedule tick that no run will execute (the scheduler was down, or a later tick
 * superseded it), so `status` can say so and no other scheduler picks it up later. A tick someone
 * already recorded keeps its row: INSERT OR IGNORE on the unique run key.
 */
export function recordSkippedTick(
  store: Store,
  opts: { runKey: string; scheduledFor: string; reason: string; now?: Date },
): boolean {
  const at = (opts.now ?? new Date()).toISOString()
  return (
    store.tx(() =>
      store.run(
        store.db
          .insertInto('runs')
          .values({
            run_key: opts.runKey,
            trigger: 'schedule',
            command: 'refresh',
            status: 'missed',
            started_at: at,
            finished_at: at,
            heartbeat_at: null,
            lease_until: null,
            pid: null,
            host: null,
            scheduled_for: opts.scheduledFor,
            error: opts.reason,
          })
          .onConflict((oc) => oc.column('run_key').doNothing()),
      ),
    ).changes > 0
  )
}
