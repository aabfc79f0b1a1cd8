/**
 * The library's front door: open a home (create dirs, validate config, open + migrate + seed the
 * database) and run the jobs. The CLI, the scheduler and tests all come through here, so a
 * scheduled refresh is exactly the same code as `qd766 refresh`.
 */
import { MIGRATIONS } from '../db/migrations/index.ts'
import { PIPELINES } from '../pipelines/index.ts'
import { type Config, loadConfig } from './config/config.ts'
import { type Home, ensureHome } from './config/home.ts'
import { migrate } from './db/migrate.ts'
import { seedReference } from './db/seed.ts'
import { Store } from './db/sqlite.ts'
import { type BatchOptions, type BatchResult, ingestBatch } from './ingest/batch.ts'
import { type Logger, silentLogger } from './log.ts'
import type { Pipeline } from './pipeline/types.ts'
import { ProvinceRegistry } from './reference/provinces.ts'
import { finishRun, startRun } from './run/runs.ts'
import { snapshotPending } from './snapshot/take.ts'

export interface App {
  home: Home
  config: Config
  store: Store
  registry: ProvinceRegistry
  pipelines: Pipeline[]
  log: Logger
  close(): Promise<void>
}

export function openApp(root: string, opts: { log?: Logger } = {}): App {
  const home = ensureHome(root)
  const config = loadConfig(home.config)
  const store = new Store(home.database)
  const registry = ProvinceRegistry.fromSeeds()
  try {
    migrate(store, MIGRATIONS)
    seedReference(store, registry.all)
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
    close: () => store.close(),
  }
}

export interface JobResult extends BatchResult {
  runId: number
  snapshots: number[]
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
  },
): Promise<JobResult> {
  const runId = startRun(app.store, {
    trigger: opts.trigger ?? 'manual',
    command: opts.command,
    runKey: opts.runKey,
    scheduledFor: opts.scheduledFor ?? null,
  })
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
      },
      opts,
    )
    const snapshots = snapshotPending(app.store, app.registry, app.config, runId)
    const count = (s: string) => batch.outcomes.filter((o) => o.status === s).length
    const rejected = count('rejected')
    finishRun(app.store, runId, rejected > 0 ? 'partial' : 'ok', {
      files_seen: batch.outcomes.length,
      accepted: count('accepted'),
      duplicate: count('duplicate'),
      rejected,
      waiting: batch.waiting.length,
      snapshots: snapshots.length,
      findings: batch.outcomes.reduce((n, o) => n + o.findings.length, 0),
    })
    return { ...batch, runId, snapshots }
  } catch (err) {
    finishRun(app.store, runId, 'failed', {}, err instanceof Error ? err.message : String(err))
    throw err
  }
}
