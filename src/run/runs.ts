/**
 * Run history and the single-writer lease. Every run (manual, scheduled, ingest) is a row in `runs`
 * with a unique run key; a run holds a lease (lease_until, refreshed by heartbeats) so two processes
 * on the same home never ingest at once. A run whose process died (kill -9, power cut) is marked
 * `abandoned` by the next run that finds its lease expired or its pid gone.
 */
import { hostname } from 'node:os'
import type { Store } from '../db/sqlite.ts'

export const LEASE_MS = 10 * 60 * 1000

export class RunBusyError extends Error {
  constructor(readonly holder: { id: number; pid: number | null; startedAt: string; command: string }) {
    super(
      `another qd766 run is already working on this home (run ${holder.id}, ${holder.command}, pid ${holder.pid ?? '?'}, started ${holder.startedAt}). Wait for it to finish, or if that process is gone, run again after its lease expires.`,
    )
  }
}

export class RunKeyTakenError extends Error {}

function pidAlive(pid: number | null): boolean {
  if (pid === null) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
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
    for (const h of holders) {
      const expired = h.lease_until !== null && h.lease_until < now.toISOString()
      const dead = h.host === host && !pidAlive(h.pid)
      if (expired || dead) {
        store.run(
          store.db
            .updateTable('runs')
            .set({
              status: 'abandoned',
              finished_at: now.toISOString(),
              error: dead ? 'process died' : 'lease expired',
            })
            .where('id', '=', h.id),
        )
      } else {
        throw new RunBusyError({ id: h.id, pid: h.pid, startedAt: h.started_at, command: h.command })
      }
    }
    const runKey = opts.runKey ?? `${opts.command}@${now.toISOString()}#${process.pid}`
    const taken = store.first(store.db.selectFrom('runs').select('id').where('run_key', '=', runKey))
    if (taken) throw new RunKeyTakenError(`run ${runKey} has already run`)
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

export function heartbeat(store: Store, runId: number): void {
  const now = new Date()
  store.run(
    store.db
      .updateTable('runs')
      .set({ heartbeat_at: now.toISOString(), lease_until: new Date(now.getTime() + LEASE_MS).toISOString() })
      .where('id', '=', runId),
  )
}

export function finishRun(
  store: Store,
  runId: number,
  status: 'ok' | 'failed' | 'partial',
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
