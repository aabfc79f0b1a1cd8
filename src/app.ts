/**
 * The library's front door: open a home (create dirs, validate config, open + migrate + seed the
 * database) and run the jobs. The CLI, the scheduler and tests all come through here, so a
 * scheduled refresh is exactly the same code as `qd766 refresh`.
 */

import { existsSync } from 'node:fs'
import { MIGRATIONS } from '../db/migrations/index.ts'
import { PIPELINES } from '../pipelines/index.ts'
import { type Config, loadConfig } from './config/config.ts'
import { ensureHome, type Home, homeAt } from './config/home.ts'
import { migrate, pendingMigrations, unknownMigrations } from './db/migrate.ts'
import { seedReference } from './db/seed.ts'
import { Store } from './db/sqlite.ts'
import { DatabaseVersionError, QdError } from './errors.ts'
import { t } from './i18n/index.ts'
import { type BatchOptions, type BatchResult, ingestBatch } from './ingest/batch.ts'
import { RunFailedError } from './ingest/failure.ts'
import type { FileOutcome } from './ingest/ingest-file.ts'
import { type Logger, silentLogger } from './log.ts'
import { materialisePortalScores } from './mart/portal-scores.ts'
import type { Pipeline } from './pipeline/types.ts'
import { publishAfterRefresh } from './publish/after-refresh.ts'
import type { PublishOutcome } from './publish/attempt.ts'
import { ProvinceRegistry } from './reference/provinces.ts'
import { assertLease, finishRun, heartbeat, LEASE_MS, LeaseLostError, startRun } from './run/runs.ts'
import { loadMethodologies } from './score/methodology.ts'
import { snapshotPending } from './snapshot/take.ts'
import { reconcileWithdrawals } from './withdraw/reconcile.ts'

/**
 * What a reader needs: the home, its config, a database connection and the province list. Both
 * faces of a home are one: report getters take a ReadApp, and an App (a writer) passes as one too.
 */
export interface ReadApp {
  home: Home
  config: Config
  store: Store
  registry: ProvinceRegistry
  log: Logger
  /** Runs fn inside one read transaction: everything fn reads comes from one consistent snapshot. */
  read<T>(fn: () => T): T
  close(): Promise<void>
}

/** A home opened for writing: migrated, seeded, with the input pipelines. */
export interface App extends ReadApp {
  pipelines: Pipeline[]
}

export function openApp(root: string, opts: { log?: Logger } = {}): App {
  const home = ensureHome(root)
  const config = loadConfig(home.config)
  const store = new Store(home.database)
  const registry = ProvinceRegistry.fromSeeds()
  try {
    // A newer qd766's schema is never "migrated" backwards or written with this code's idea of it.
    refuseNewerDatabase(store, home.database)
    migrate(store, MIGRATIONS)
    seedReference(store, registry.all, loadMethodologies())
  } catch (err) {
    void store.close()
    throw err
  }
  return {
    home,
    config,
    store,
    registry,
    pipelines: PIPELINES,
    log: opts.log ?? silentLogger,
    read: (fn) => store.raw.transaction(fn).deferred(),
    close: () => store.close(),
  }
}

function refuseNewerDatabase(store: Store, path: string): void {
  const unknown = unknownMigrations(store, MIGRATIONS)
  if (unknown.length > 0)
    throw new DatabaseVersionError(t('app.db-newer-than-code', { path, unknown: unknown.join(', ') }))
}

/**
 * Opens a home for reading only: no migrations, no seeds, no directories made (except on the very
 * first use of a home, when there is no database yet: then it is created once, as any command would).
 * A database that needs migrating, or that a newer qd766 wrote, is refused with a message that says
 * what to do (DatabaseVersionError), never half-read.
 */
export function openReadOnly(
  root: string,
  opts: {
    log?: Logger
    /** How long a read waits on a lock; readers of a WAL database take none (tests pass 0). */
    busyTimeoutMs?: number
  } = {},
): ReadApp {
  const home = homeAt(root)
  if (!existsSync(home.database)) openApp(root, opts).store.raw.close()
  const config = loadConfig(home.config)
  const store = new Store(home.database, { readonly: true, busyTimeoutMs: opts.busyTimeoutMs })
  try {
    // Checked first: when a newer qd766 wrote the database, "update qd766" is the fix either way.
    refuseNewerDatabase(store, home.database)
    const pending = pendingMigrations(store, MIGRATIONS)
    if (pending.length > 0)
      throw new DatabaseVersionError(
        t('app.db-needs-migration', { path: home.database, pending: pending.map((m) => m.id).join(', ') }),
      )
  } catch (err) {
    void store.close()
    throw err
  }
  return {
    home,
    config,
    store,
    registry: ProvinceRegistry.fromSeeds(),
    log: opts.log ?? silentLogger,
    read: (fn) => store.raw.transaction(fn).deferred(),
    close: () => store.close(),
  }
}

export interface JobResult extends BatchResult {
  runId: number
  snapshots: number[]
  /** refresh with a warehouse configured: the publish that followed the commit (never fails the run). */
  warehouse?: PublishOutcome | null
}

/**
 * `ingest` and `refresh` share this: a recorded run that holds the lease, ingests, and takes the
 * snapshots of every reading that has none. `refresh` additionally rescoring (methodology) is
 * plugged in through `afterIngest`.
 */
export async function runJob(
  app: App,
  opts: BatchOptions & {
    command: 'ingest' | 'refresh'
    trigger?: string
    runKey?: string
    scheduledFor?: string | null
    /** Rows read so far in the current file (every few thousand rows): progress display. */
    onRows?: (file: string, rows: number) => void
  },
): Promise<JobResult> {
  const runId = startRun(app.store, {
    trigger: opts.trigger ?? 'manual',
    command: opts.command,
    runKey: opts.runKey,
    scheduledFor: opts.scheduledFor ?? null,
  })
  // Keep the lease alive through one long file too (heartbeats otherwise come only between files).
  const beat = setInterval(() => {
    try {
      // A lost lease is not revived; the next commit or move stops the run (assertLease).
      if (!heartbeat(app.store, runId)) {
        // said once: beating again cannot bring a lost lease back
        clearInterval(beat)
        app.log.warn({ runId }, t('log.run.lease-lost'))
      }
    } catch (err) {
      app.log.warn({ err }, t('log.run.heartbeat-failed'))
    }
  }, LEASE_MS / 5)
  beat.unref()
  try {
    const batch = await ingestBatch(
      {
        home: app.home,
        store: app.store,
        config: app.config,
        registry: app.registry,
        pipelines: app.pipelines,
        log: app.log,
        runId,
        onRows: opts.onRows,
      },
      opts,
    )
    // Score portal captures (metric level) before the snapshots, so complete provinces are ranked.
    assertLease(app.store, runId)
    const mart = materialisePortalScores(app.store, app.registry, { runId, log: app.log })
    assertLease(app.store, runId)
    // Snapshots and the withdrawal markers in one commit: a reader never sees a re-derived portal
    // reading beside the one it replaces.
    const snapshots = app.store.tx(() => {
      const ids = snapshotPending(app.store, app.registry, app.config, runId)
      reconcileWithdrawals(app.store, mart.current, { withdrawalId: null, at: new Date().toISOString() })
      return ids
    })
    const rejected = countOf(batch.outcomes, 'rejected')
    const stopped = batch.stopped ?? 0
    finishRun(
      app.store,
      runId,
      stopped > 0 ? 'interrupted' : rejected > 0 ? 'partial' : 'ok',
      {
        ...runStats(batch.outcomes),
        waiting: batch.waiting.length,
        snapshots: snapshots.length,
        findings: batch.outcomes.reduce((n, o) => n + o.findings.length, 0) + mart.findings,
      },
      stopped > 0 ? t('inbox.run-stopped', { n: stopped }) : undefined,
    )
    // After the run's own commit: a warehouse that is down is recorded and caught up next run.
    const warehouse = opts.command === 'refresh' ? await publishAfterRefresh(app) : null
    return { ...batch, runId, snapshots, warehouse }
  } catch (err) {
    // Not the file's fault (a bug, a full disk, a busy database): the run fails, no file is
    // blamed, and the message says what happened to the files (src/ingest/failure.ts).
    const failure =
      err instanceof RunFailedError || err instanceof QdError || err instanceof LeaseLostError
        ? err
        : new RunFailedError(null, err)
    try {
      finishRun(
        app.store,
        runId,
        'failed',
        failure instanceof RunFailedError ? runStats(failure.outcomes) : {},
        failure instanceof RunFailedError ? failure.describe() : failure.message,
      )
    } catch (recordErr) {
      // the database itself may be what failed; the next run marks this one abandoned
      app.log.error({ err: recordErr }, t('log.run.record-failed'))
    }
    throw failure
  } finally {
    clearInterval(beat)
  }
}

function countOf(outcomes: FileOutcome[], status: FileOutcome['status']): number {
  return outcomes.filter((o) => o.status === status).length
}

function runStats(outcomes: FileOutcome[]) {
  return {
    files_seen: outcomes.length,
    accepted: countOf(outcomes, 'accepted'),
    duplicate: countOf(outcomes, 'duplicate'),
    rejected: countOf(outcomes, 'rejected'),
  }
}
