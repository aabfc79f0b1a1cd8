/**
 * What an analyst needs in the morning: the last runs, files waiting in the inbox, rejected files
 * with their reasons, findings, and the latest reading of each period.
 */
import { existsSync } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { ReadApp } from '../app.ts'
import { t } from '../i18n/index.ts'
import { isIgnoredName } from '../inbox/scan.ts'
import { warehouseLag } from '../publish/state.ts'
import { resolveTarget } from '../publish/target.ts'
import { cronSchedule, localParts } from '../schedule/cron.ts'
import { tickKey } from '../schedule/keys.ts'

/** Days from an ISO date to today's date in the schedule's timezone (the office's calendar). */
export function ageInDays(isoDate: string | null, now: Date, timezone: string): number | null {
  if (!isoDate || !/^\d{4}-\d{2}-\d{2}/.test(isoDate)) return null
  const t = localParts(now, timezone)
  const today = Date.UTC(t.year, t.month - 1, t.day)
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number]
  return Math.round((today - Date.UTC(y, m - 1, d)) / 86_400_000)
}

export async function getStatus(app: ReadApp, opts: { runs?: number; now?: Date } = {}) {
  const now = opts.now ?? new Date()
  // The file system first (awaits), then every database read in one snapshot (no await inside).
  const files = await inboxFiles(app.home)
  return app.read(() => statusFromDatabase(app, files, now, opts.runs ?? 5))
}

interface InboxFiles {
  inbox: string[]
  /** mtime (ms) of the oldest inbox file, Infinity when there is none. */
  oldestInbox: number
  /** Files claimed by a run that was stopped or killed: the next run takes them first. */
  inWork: string[]
}

async function inboxFiles(home: ReadApp['home']): Promise<InboxFiles> {
  const inbox = existsSync(home.inbox)
    ? (await readdir(home.inbox, { withFileTypes: true }))
        .filter((d) => d.isFile() && !isIgnoredName(d.name))
        .map((d) => d.name)
        .sort()
    : []
  // (Listed here, not with inbox/files.ts leftovers(), which also cleans up: status only reads.)
  const inWork: string[] = []
  if (existsSync(home.work)) {
    for (const dir of await readdir(home.work, { withFileTypes: true })) {
      if (!dir.isDirectory()) continue
      for (const f of await readdir(join(home.work, dir.name), { withFileTypes: true }))
        if (f.isFile() && !f.name.endsWith('.copying')) inWork.push(f.name)
    }
  }
  const inboxAges = await Promise.all(
    inbox.map(async (name) => {
      try {
        return (await stat(join(home.inbox, name))).mtimeMs
      } catch {
        return null
      }
    }),
  )
  const oldestInbox = Math.min(...inboxAges.filter((t): t is number => t !== null))
  return { inbox, oldestInbox, inWork }
}

function statusFromDatabase(app: ReadApp, files: InboxFiles, now: Date, runCount: number) {
  const { store } = app
  const { inbox, oldestInbox, inWork } = files
  const timezone = app.config.schedule.timezone
  const runs = store.all(store.db.selectFrom('runs').selectAll().orderBy('id', 'desc').limit(runCount))
  const rejected = store
    .all(
      store.db
        .selectFrom('file_events')
        .select(['file_name', 'error_code', 'message', 'stored_as', 'at'])
        .where('status', '=', 'rejected')
        .orderBy('id', 'desc')
        .limit(20),
    )
    .filter((r) => r.stored_as !== null && existsSync(r.stored_as))
    .map((r) => ({
      file: r.file_name,
      storedAs: basename(r.stored_as!),
      code: r.error_code,
      message: r.message,
      at: r.at,
    }))
  const findings = store.all(
    store.db
      .selectFrom('findings')
      .select(['kind', 'severity', 'message', 'province_code', 'at'])
      .orderBy('id', 'desc')
      .limit(20),
  )
  const latest = store.all(
    store.db
      .selectFrom('snapshots')
      .select((eb) => [
        'period',
        'period_type',
        eb.fn.max('as_of').as('latestAsOf'),
        eb.fn.count<number>('id').as('snapshots'),
        eb.fn.max('taken_at').as('lastTakenAt'),
      ])
      .groupBy(['period', 'period_type'])
      .orderBy('period', 'desc'),
  )
  // Freshness of every input family and period: the newest reading date and its age.
  const freshness = store
    .all(
      store.db
        .selectFrom('source_files')
        .select((eb) => [
          'kind',
          'period',
          eb.fn.max('as_of').as('latestAsOf'),
          eb.fn.countAll<number>().as('files'),
          eb.fn.max('accepted_at').as('lastAcceptedAt'),
        ])
        .where('period', 'is not', null)
        .groupBy(['kind', 'period'])
        .orderBy('period', 'desc')
        .orderBy('kind'),
    )
    .map((f) => ({ ...f, ageDays: ageInDays(f.latestAsOf, now, timezone) }))
  const findingsByRun = new Map<number, Record<string, number>>()
  if (runs.length > 0) {
    for (const f of store.all(
      store.db
        .selectFrom('findings')
        .select((eb) => ['run_id', 'kind', eb.fn.countAll<number>().as('n')])
        .where(
          'run_id',
          'in',
          runs.map((r) => r.id),
        )
        .groupBy(['run_id', 'kind']),
    )) {
      if (f.run_id === null) continue
      const m = findingsByRun.get(f.run_id) ?? {}
      m[f.kind] = f.n
      findingsByRun.set(f.run_id, m)
    }
  }
  const schedule = scheduleStatus(app, now)
  const attention = attentionItems({
    runs,
    schedule,
    inboxWaiting: inbox.length,
    inWork: inWork.length,
    timezone,
    store,
  })
  const warehouse = warehouseStatus(app)
  if (warehouse && !warehouse.upToDate && (warehouse.behind.files > 0 || warehouse.behind.snapshots > 0))
    attention.push(
      t('publish.attention-behind', {
        files: String(warehouse.behind.files),
        snapshots: String(warehouse.behind.snapshots),
      }),
    )
  const totals = store.first(
    store.db
      .selectFrom('source_files')
      .select((eb) => [eb.fn.countAll<number>().as('files'), eb.fn.sum<number>('rows').as('rows')]),
  )
  return {
    home: app.home.root,
    database: app.home.database,
    attention,
    warehouse,
    runs: runs.map((r) => ({
      id: r.id,
      command: r.command,
      trigger: r.trigger,
      status: r.status,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      filesSeen: r.files_seen,
      accepted: r.accepted,
      duplicate: r.duplicate,
      rejected: r.rejected,
      waiting: r.waiting,
      snapshots: r.snapshots,
      findings: r.findings,
      error: r.error,
      scheduledFor: r.scheduled_for,
      findingsByKind: findingsByRun.get(r.id) ?? {},
    })),
    inbox: {
      waiting: inbox.length,
      files: inbox,
      oldestHours: inbox.length ? Math.floor((now.getTime() - oldestInbox) / 3_600_000) : null,
      inWork,
    },
    rejected,
    findings,
    periods: latest.map((p) => ({ ...p, ageDays: ageInDays(p.latestAsOf, now, timezone) })),
    freshness,
    schedule,
    ingested: { files: totals?.files ?? 0, rows: totals?.rows ?? 0 },
  }
}

/**
 * Did the last tick of the configured schedule run? The question an analyst asks first in the
 * morning; a tick with no run row means no scheduler was running (or it is still waiting).
 */
function scheduleStatus(app: ReadApp, now: Date) {
  const { cron, timezone } = app.config.schedule
  let sched: ReturnType<typeof cronSchedule>
  try {
    sched = cronSchedule(cron, timezone)
  } catch (err) {
    return {
      cron,
      timezone,
      error: (err as Error).message,
      lastTick: null,
      lastTickRun: null,
      nextTick: null,
    }
  }
  const last = sched.prev(now)
  const key = last ? tickKey(last) : null
  const run = key
    ? (app.store
        .all(
          app.store.db
            .selectFrom('runs')
            .select(['id', 'status', 'trigger', 'started_at', 'finished_at', 'error'])
            .where((eb) => eb.or([eb('run_key', '=', key), eb('run_key', 'like', `${key}#retry-%`)]))
            .orderBy('id', 'desc'),
        )
        .at(0) ?? null)
    : null
  return {
    cron,
    timezone,
    error: null,
    lastTick: last?.toISOString() ?? null,
    lastTickRun: run
      ? {
          id: run.id,
          status: run.status,
          trigger: run.trigger,
          startedAt: run.started_at,
          finishedAt: run.finished_at,
          error: run.error,
        }
      : null,
    nextTick: sched.next(now).toISOString(),
  }
}

/** "2026-10-05 04:00" in the office's timezone. */
export function localTimeText(iso: string, timezone: string): string {
  const p = localParts(new Date(iso), timezone)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`
}

/** The few lines to read first: each is something that needs a person (or explains a gap). */
function attentionItems(ctx: {
  runs: Array<{
    id: number
    status: string
    started_at: string
    rejected: number
    findings: number
    error: string | null
  }>
  schedule: ReturnType<typeof scheduleStatus>
  inboxWaiting: number
  inWork: number
  timezone: string
  store: ReadApp['store']
}): string[] {
  const out: string[] = []
  const { schedule, timezone, store } = ctx
  if (schedule.error) out.push(`The schedule in qd766.config.json is invalid: ${schedule.error}`)
  if (schedule.lastTick && !schedule.lastTickRun) {
    // crontab mode has no tick rows: any run since the scheduled time counts
    const since = store.first(
      store.db
        .selectFrom('runs')
        .select('id')
        .where('started_at', '>=', schedule.lastTick)
        .where('status', '!=', 'missed'),
    )
    if (!since)
      out.push(
        `No refresh has run since the scheduled time ${localTimeText(schedule.lastTick, timezone)}: is \`qd766 schedule\` (or the cron job) running?`,
      )
  } else if (schedule.lastTickRun?.status === 'missed') {
    out.push(
      `The scheduled refresh of ${localTimeText(schedule.lastTick!, timezone)} was missed: ${schedule.lastTickRun.error}`,
    )
  }
  const last = ctx.runs.find((r) => r.status !== 'missed')
  if (last) {
    if (last.status === 'failed') out.push(`The last run (${last.id}) failed: ${last.error ?? 'see the log'}`)
    else if (last.status === 'abandoned')
      out.push(
        `The last run (${last.id}) was cut off (${last.error ?? 'process died'}); the next run finishes its files`,
      )
    else if (last.status === 'interrupted')
      out.push(`The last run (${last.id}) was stopped early: ${last.error ?? ''}`)
    else if (last.status === 'running')
      out.push(`Run ${last.id} is working right now (started ${localTimeText(last.started_at, timezone)})`)
    if (last.rejected > 0)
      out.push(`${last.rejected} file(s) rejected by the last run: see "Rejected files" below`)
    if (last.findings > 0)
      out.push(
        `${last.findings} finding(s) in the last run (scores or totals that do not add up): see "Latest findings"`,
      )
  }
  if (ctx.inWork > 0)
    out.push(
      `${ctx.inWork} file(s) claimed by a stopped or running refresh (in work/); the next run takes them first`,
    )
  if (ctx.inboxWaiting > 0) out.push(`${ctx.inboxWaiting} file(s) waiting in the inbox for the next refresh`)
  return out
}

/** The warehouse's lag behind this home, from what the last publish recorded (no connection made). */
function warehouseStatus(app: Pick<ReadApp, 'store' | 'config'>) {
  let target: { target: string; schema: string } | null = null
  try {
    const t = resolveTarget(app.config)
    target = t ? { target: t.display, schema: t.schema } : null
  } catch {
    target = null
  }
  return warehouseLag(app.store, target)
}
