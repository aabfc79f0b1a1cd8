/**
 * What an analyst needs in the morning: the last runs, files waiting in the inbox, rejected files
 * with their reasons, findings, and the latest reading of each period.
 */

import { existsSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { ReadApp } from '../app.ts'
import { SPOOL_DIR } from '../config/home.ts'
import { errorMessage } from '../errors.ts'
import { getLang, t } from '../i18n/index.ts'
import { listInbox } from '../inbox/scan.ts'
import { readingWarnings, todayIn } from '../ingest/reading-warnings.ts'
import { warehouseLag } from '../publish/state.ts'
import { resolveTarget } from '../publish/target.ts'
import { factsFromFileName } from '../reference/period.ts'
import { cronSchedule, localParts } from '../schedule/cron.ts'
import { tickKey } from '../schedule/keys.ts'
import { findSnapshotId } from './ranking.ts'

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
  const files = await inboxFiles(app.home, now)
  return app.read(() => statusFromDatabase(app, files, now, opts.runs ?? 5))
}

export type Status = Awaited<ReturnType<typeof getStatus>>

/**
 * The two halves of getStatus for a caller that caches them (the dashboard): the inbox and work/
 * folders as they are now, and the status from those and the database. statusInRead must run
 * inside one read transaction of the app.
 */
export { inboxFiles, statusFromDatabase as statusInRead }

export interface InboxFiles {
  inbox: string[]
  /** mtime (ms) of the oldest inbox file, Infinity when there is none. */
  oldestInbox: number
  /** Files claimed by a run that was stopped or killed: the next run takes them first. */
  inWork: string[]
  /** Every inbox entry, classified as the scan does (without its pause). */
  listed: Awaited<ReturnType<typeof listInbox>>
}

async function inboxFiles(home: ReadApp['home'], now: Date): Promise<InboxFiles> {
  const listed = existsSync(home.inbox)
    ? await listInbox(home.inbox, now.getTime())
    : { candidates: [], ignored: [], skipped: [] }
  const inbox = listed.candidates.map((c) => c.name).sort()
  // (Listed here, not with inbox/files.ts leftovers(), which also cleans up: status only reads.)
  const inWork: string[] = []
  if (existsSync(home.work)) {
    for (const dir of await readdir(home.work, { withFileTypes: true })) {
      if (!dir.isDirectory() || dir.name === SPOOL_DIR) continue
      for (const f of await readdir(join(home.work, dir.name), { withFileTypes: true }))
        if (f.isFile() && !f.name.endsWith('.copying')) inWork.push(f.name)
    }
  }
  const oldestInbox = Math.min(...listed.candidates.map((c) => c.mtimeMs))
  return { inbox, oldestInbox, inWork, listed }
}

export interface InboxStatusEntry {
  name: string
  /** What the next run does with it: takes it, waits for it to settle, or never takes it. */
  state: 'ready' | 'waiting' | 'skipped'
  code: string | null
  reason: string | null
}

/**
 * The inbox as the next run will see it, with the notes runs left (inbox_notes) about files they
 * could not move: out of the inbox (skipped) or on from work/ (committed, move pending).
 */
function inboxEntries(app: ReadApp, files: InboxFiles, now: Date) {
  const notes = new Map<string, string>()
  for (const n of app.store.all(
    app.store.db
      .selectFrom('inbox_notes')
      .select(['file_name', 'place', 'message'])
      .orderBy('id', 'desc')
      .limit(500),
  ))
    if (!notes.has(`${n.place}/${n.file_name}`)) notes.set(`${n.place}/${n.file_name}`, n.message)
  const { minFileAgeSeconds } = app.config.inbox
  const entries: InboxStatusEntry[] = [
    ...files.listed.candidates.map((c): InboxStatusEntry => {
      const note = notes.get(`inbox/${c.name}`)
      if (note) return { name: c.name, state: 'skipped', code: 'cannot-claim', reason: note }
      if (!c.futureMtime && now.getTime() - c.mtimeMs < minFileAgeSeconds * 1000)
        return {
          name: c.name,
          state: 'waiting',
          code: 'too-young',
          reason: t('inbox.wait.too-young', { seconds: minFileAgeSeconds }),
        }
      if (c.futureMtime)
        return { name: c.name, state: 'ready', code: 'future-mtime', reason: t('inbox.status.future-mtime') }
      return { name: c.name, state: 'ready', code: null, reason: null }
    }),
    ...files.listed.skipped.map(
      (k): InboxStatusEntry => ({ name: k.name, state: 'skipped', code: k.code, reason: k.reason }),
    ),
  ].sort((a, b) => a.name.localeCompare(b.name))
  const workNotes = files.inWork.flatMap((name) => {
    const note = notes.get(`work/${name}`)
    return note ? [{ name, reason: note }] : []
  })
  return { entries, workNotes }
}

function statusFromDatabase(app: ReadApp, files: InboxFiles, now: Date, runCount: number) {
  const { store } = app
  const { inbox, oldestInbox, inWork } = files
  const inboxState = inboxEntries(app, files, now)
  const timezone = app.config.schedule.timezone
  const runs = store.all(store.db.selectFrom('runs').selectAll().orderBy('id', 'desc').limit(runCount))
  const rejected = store
    .all(
      store.db
        .selectFrom('file_events')
        .select(['id', 'file_name', 'error_code', 'message', 'stored_as', 'at'])
        .where('status', '=', 'rejected')
        .orderBy('id', 'desc')
        .limit(20),
    )
    .flatMap((r) => {
      if (r.stored_as === null || !existsSync(r.stored_as)) return []
      return [
        {
          file: r.file_name,
          storedAs: basename(r.stored_as),
          code: r.error_code,
          message: r.message,
          at: r.at,
          resolvedBy: resolutionOf(store, r),
        },
      ]
    })
  // Findings of withdrawn files (and of score sets that no longer count) are not news any more.
  const findings = store
    .all(
      store.db
        .selectFrom('findings as f')
        .leftJoin('source_files as sf', 'sf.id', 'f.source_file_id')
        .select(['f.kind', 'f.severity', 'f.message', 'f.province_code', 'f.at', 'f.detail'])
        .where('sf.withdrawn_at', 'is', null)
        .orderBy('f.id', 'desc')
        .limit(40),
    )
    .filter((f) => !withdrawnScoreSet(store, f.detail))
    .slice(0, 20)
    .map(({ detail: _detail, ...f }) => f)
  const withdrawn = store
    .all(
      store.db
        .selectFrom('source_files')
        .select([
          'file_name',
          'sha256',
          'kind',
          'period',
          'as_of',
          'withdrawn_at',
          'withdrawn_by',
          'withdraw_reason',
        ])
        .where('withdrawn_at', 'is not', null)
        .orderBy('withdrawn_at', 'desc'),
    )
    .flatMap((f) => {
      // the query keeps only withdrawn files
      if (f.withdrawn_at === null) return []
      return [
        {
          file: f.file_name,
          sha256: f.sha256,
          kind: f.kind,
          period: f.period,
          asOf: f.as_of,
          withdrawnAt: f.withdrawn_at,
          withdrawnBy: f.withdrawn_by,
          reason: f.withdraw_reason,
        },
      ]
    })
  const latest = store.all(
    store.db
      .selectFrom('snapshots')
      .where('withdrawn_at', 'is', null)
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
        .where('withdrawn_at', 'is', null)
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
    inboxWaiting: inboxState.entries.filter((e) => e.state !== 'skipped').length,
    inWork: inWork.length,
    notTaken: inboxState.entries.filter((e) => e.state === 'skipped'),
    workNotes: inboxState.workNotes,
    timezone,
    store,
    readingWarnings: latestReadingWarnings(app, now),
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
      .select((eb) => [eb.fn.countAll<number>().as('files'), eb.fn.sum<number>('rows').as('rows')])
      .where('withdrawn_at', 'is', null),
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
      /** Every inbox entry with what the next run will do with it (ready, waiting, skipped) and why. */
      entries: inboxState.entries,
      /** Files in work/ that a run recorded but could not move on, with the reason. */
      workNotes: inboxState.workNotes,
    },
    rejected,
    withdrawn,
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
      error: errorMessage(err),
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

/**
 * A time for people, always in the office's timezone and always in one format: "05/10/2026 04:00"
 * in Vietnamese, "2026-10-05 04:00" in English. (JSON keeps ISO 8601 UTC timestamps.)
 */
export function localTimeText(iso: string, timezone: string): string {
  const p = localParts(new Date(iso), timezone)
  const two = (n: number) => String(n).padStart(2, '0')
  const time = `${two(p.hour)}:${two(p.minute)}`
  return getLang() === 'vi'
    ? `${two(p.day)}/${two(p.month)}/${p.year} ${time}`
    : `${p.year}-${two(p.month)}-${two(p.day)} ${time}`
}

/**
 * A rejected file counts as fixed once a file of the same name was accepted after it, or a newer
 * file of the same reading (the period and reading date its name carries, same family as what
 * the name suggests) was accepted: the analyst corrected it, possibly under another name.
 */
function resolutionOf(
  store: ReadApp['store'],
  r: { id: number; file_name: string; at: string },
): { file: string; at: string } | null {
  const sameName = store.first(
    store.db
      .selectFrom('file_events')
      .select(['file_name', 'at'])
      .where('status', 'in', ['accepted', 'duplicate'])
      .where('file_name', '=', r.file_name)
      .where('id', '>', r.id)
      .orderBy('id')
      .limit(1),
  )
  if (sameName) return { file: sameName.file_name, at: sameName.at }
  let facts: ReturnType<typeof factsFromFileName>
  try {
    facts = factsFromFileName(r.file_name)
  } catch {
    return null
  }
  if (!facts.period && !facts.asOf) return null
  let q = store.db
    .selectFrom('source_files')
    .select(['file_name', 'accepted_at'])
    .where('accepted_at', '>', r.at)
    .where('withdrawn_at', 'is', null)
  if (facts.period) q = q.where('period', '=', facts.period.id)
  if (facts.asOf) q = q.where('as_of', '=', facts.asOf)
  const newer = store.first(q.orderBy('accepted_at').limit(1))
  return newer ? { file: newer.file_name, at: newer.accepted_at } : null
}

function withdrawnScoreSet(store: ReadApp['store'], detail: string | null): boolean {
  if (!detail?.includes('scoreId')) return false
  let id: unknown
  try {
    const parsed: unknown = JSON.parse(detail)
    id = typeof parsed === 'object' && parsed !== null && 'scoreId' in parsed ? parsed.scoreId : undefined
  } catch {
    return false
  }
  if (typeof id !== 'number') return false
  const set = store.first(
    store.db.selectFrom('mart_portal_scores').select('withdrawn_at').where('id', '=', id),
  )
  return set?.withdrawn_at != null
}

/** The default ranking's reading dated after today, or missing provinces of its list. */
function latestReadingWarnings(app: ReadApp, now: Date): string[] {
  const { store } = app
  let id: number
  try {
    id = findSnapshotId(store, {})
  } catch {
    return []
  }
  const snap = store.first(store.db.selectFrom('snapshots').selectAll().where('id', '=', id))
  if (!snap) return []
  const present = store
    .all(
      store.db
        .selectFrom('snapshot_rows')
        .select('province_code')
        .where('snapshot_id', '=', id)
        .where('status', '!=', 'missing'),
    )
    .map((r) => r.province_code)
  return readingWarnings(
    app.registry,
    {
      kind: 'snapshot',
      period: snap.period,
      asOf: snap.as_of,
      cohort: snap.cohort,
      // Only a national table is expected to name every province.
      present: snap.source_label === 'national-table' ? present : null,
    },
    todayIn(app.config.schedule.timezone, now),
  ).map((f) => f.message)
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
  notTaken: InboxStatusEntry[]
  workNotes: Array<{ name: string; reason: string }>
  timezone: string
  store: ReadApp['store']
  readingWarnings: string[]
}): string[] {
  const out: string[] = []
  const { schedule, timezone, store } = ctx
  if (schedule.error) out.push(t('status.bad-schedule', { error: schedule.error }))
  // A brand-new home (nothing ever ran) has not missed anything yet.
  const everRan = ctx.runs.some((r) => r.status !== 'missed')
  if (schedule.lastTick && !schedule.lastTickRun && everRan) {
    // crontab mode has no tick rows: any run since the scheduled time counts
    const since = store.first(
      store.db
        .selectFrom('runs')
        .select('id')
        .where('started_at', '>=', schedule.lastTick)
        .where('status', '!=', 'missed')
        // taking a file back is not a refresh
        .where('command', 'not like', 'withdraw%'),
    )
    if (!since) out.push(t('status.a.no-run-since', { at: localTimeText(schedule.lastTick, timezone) }))
  } else if (schedule.lastTick && schedule.lastTickRun?.status === 'missed') {
    // (a tick run is only looked up for a last tick, so lastTick is set whenever lastTickRun is)
    out.push(
      t('status.a.missed', {
        at: localTimeText(schedule.lastTick, timezone),
        error: schedule.lastTickRun.error ?? '',
      }),
    )
  }
  const last = ctx.runs.find((r) => r.status !== 'missed')
  if (last) {
    if (last.status === 'failed') out.push(t('status.a.failed', { id: last.id, error: last.error ?? '' }))
    else if (last.status === 'abandoned')
      out.push(t('status.a.abandoned', { id: last.id, error: last.error ?? '' }))
    else if (last.status === 'interrupted')
      out.push(t('status.a.interrupted', { id: last.id, error: last.error ?? '' }))
    else if (last.status === 'running')
      out.push(t('status.a.running', { id: last.id, at: localTimeText(last.started_at, timezone) }))
    if (last.rejected > 0) out.push(t('status.a.rejected', { n: last.rejected }))
    if (last.findings > 0) out.push(t('status.a.findings', { n: last.findings }))
  }
  if (ctx.inWork > 0) out.push(t('status.a.in-work', { n: ctx.inWork }))
  for (const n of ctx.workNotes) out.push(`work/${n.name}: ${n.reason}`)
  for (const e of ctx.notTaken) out.push(`${e.name}: ${e.reason}`)
  if (ctx.inboxWaiting > 0) out.push(t('status.a.inbox', { n: ctx.inboxWaiting }))
  out.push(...ctx.readingWarnings)
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
