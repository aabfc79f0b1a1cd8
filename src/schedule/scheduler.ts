/**
 * The nightly schedule, durable and safe with more than one scheduler on a home.
 *
 * node-cron is "in-process, non-durable, non-distributed" (docs/engineering-notes.md §4.4): it only decides
 * *when* to try. Whether a tick runs is decided in the database, as graphile-worker does it (§5.3):
 *
 * - every tick has a run key `refresh@<tick instant ISO>`, UNIQUE in `runs`, so however many
 *   schedulers fire for the same tick, one insert wins and the others skip;
 * - the run holds the home's lease (src/run/runs.ts), so a tick never overlaps a manual `refresh`
 *   or a tick of another expression; when the home is busy the tick waits and tries again;
 * - at start, ticks missed while no scheduler was running are caught up (within
 *   `schedule.catchUpHours`): the newest runs, older ones are recorded as `missed` (one refresh
 *   ingests the whole inbox, so running each would only repeat it). A tick whose run was killed
 *   (power cut, kill -9) is retried, up to MAX_RETRIES times, under keys `<key>#retry-N`;
 * - a tick that node-cron fires late or while the previous run is still going is queued, and when
 *   several are queued only the newest runs (the rest are recorded as `missed`);
 * - stop() (SIGINT/SIGTERM) lets the current file finish, gives the claimed files not started back
 *   to the inbox for the next run, and resolves when the run has been recorded.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import cron, { type ScheduledTask } from 'node-cron'
import { type App, type JobResult, runJob } from '../app.ts'
import { t } from '../i18n/index.ts'
import type { Logger } from '../log.ts'
import { goneReason, RunBusyError, RunKeyTakenError, recordSkippedTick } from '../run/runs.ts'
import { type CronSchedule, cronSchedule } from './cron.ts'
import { retryKey, tickKey } from './keys.ts'

export { tickKey }

/** Retries of a tick whose run died (not of one that failed with an error: that would fail again). */
export const MAX_RETRIES = 2

export interface SchedulerOptions {
  cron: string
  timezone: string
  catchUpHours: number
  /** Wait between attempts while another run holds the home (default 30 s). */
  busyRetryMs?: number
  /** The clock (tests). */
  now?: () => Date
}

export type TickTrigger = 'schedule' | 'catch-up' | 'retry'

export type TickResult =
  | { tick: string; key: string; outcome: 'ran'; runId: number; result: JobResult }
  /** Another scheduler (or an earlier life of this one) already claimed this key. */
  | { tick: string; key: string; outcome: 'taken' }
  /** stop() came while waiting for the home: nothing was recorded, catch-up will see the tick. */
  | { tick: string; key: string; outcome: 'stopped' }
  | { tick: string; key: string; outcome: 'failed'; error: string }

export class Scheduler {
  readonly schedule: CronSchedule
  readonly #app: App
  readonly #opts: Required<Omit<SchedulerOptions, 'now'>> & { now: () => Date }
  readonly #log: Logger
  #task: ScheduledTask | null = null
  #queue: Array<{ tick: Date; trigger: TickTrigger }> = []
  #worker: Promise<void> | null = null
  #stopping = false
  readonly #inflight = new Set<Promise<TickResult>>()
  #wake: AbortController = new AbortController()
  /** Every tick handled, in order (for the CLI summary and tests). */
  readonly results: TickResult[] = []

  constructor(app: App, opts: SchedulerOptions) {
    this.#app = app
    this.#opts = {
      ...opts,
      busyRetryMs: opts.busyRetryMs ?? 30_000,
      now: opts.now ?? (() => new Date()),
    }
    this.schedule = cronSchedule(opts.cron, opts.timezone)
    this.#log = app.log.child({ component: 'schedule' })
  }

  get stopping(): boolean {
    return this.#stopping
  }

  /** The current file finishes; nothing new starts. Resolves when the scheduler is idle. */
  async stop(): Promise<void> {
    this.#stopping = true
    this.#wake.abort()
    if (this.#task) {
      await this.#task.destroy()
      this.#task = null
    }
    await this.idle()
  }

  /** Resolves when no tick is running or queued (catch-up included). */
  async idle(): Promise<void> {
    while (this.#worker || this.#inflight.size > 0) {
      await Promise.allSettled([this.#worker, ...this.#inflight])
    }
  }

  /**
   * Start-up catch-up: the newest tick within the window that no run has claimed is run now; older
   * unclaimed ticks since the last recorded tick are marked `missed`. A newest tick whose run died
   * is retried. Call before start(): a tick must not be caught up and fired at the same time.
   */
  async catchUp(): Promise<TickResult[]> {
    const { store } = this.#app
    const now = this.#opts.now()
    const from = new Date(now.getTime() - this.#opts.catchUpHours * 3_600_000)
    const ticks = this.schedule.between(from, now)
    const latest = ticks.at(-1)
    if (!latest) return []
    const lastRecorded = store.first(
      store.db
        .selectFrom('runs')
        .select((eb) => eb.fn.max('scheduled_for').as('at'))
        .where('run_key', 'like', 'refresh@%'),
    )?.at
    const claimed = (key: string) =>
      store.all(
        store.db
          .selectFrom('runs')
          .select(['id', 'run_key', 'status', 'lease_until', 'host', 'pid'])
          .where((eb) => eb.or([eb('run_key', '=', key), eb('run_key', 'like', `${key}#retry-%`)]))
          .orderBy('id'),
      )
    for (const tick of ticks.slice(0, -1)) {
      if (!lastRecorded || tick.toISOString() <= lastRecorded) continue
      if (claimed(tickKey(tick)).length > 0) continue
      if (
        recordSkippedTick(store, {
          runKey: tickKey(tick),
          scheduledFor: tick.toISOString(),
          reason: t('schedule.skipped.no-scheduler', { latest: latest.toISOString() }),
        })
      )
        this.#log.warn({ tick: tick.toISOString() }, t('log.schedule.missed'))
    }
    const rows = claimed(tickKey(latest))
    const last = rows.at(-1)
    if (!last) {
      this.#log.info({ tick: latest.toISOString() }, t('log.schedule.catching-up'))
      return [await this.runTick(latest, 'catch-up')]
    }
    const died = last.status === 'abandoned' || (last.status === 'running' && goneReason(last, now) !== null)
    if (died && rows.length <= MAX_RETRIES) {
      this.#log.warn({ tick: latest.toISOString(), run: last.id }, t('log.schedule.retry'))
      return [await this.runTick(latest, 'retry', rows.length)]
    }
    return []
  }

  /** Arms node-cron. Ticks go through a queue, so a late or overlapping tick is never lost. */
  start(): void {
    if (this.#task || this.#stopping) return
    const task = cron.createTask(this.schedule.expression, (ctx) => this.#enqueue(ctx.date, 'schedule'), {
      name: 'qd766-refresh',
      timezone: this.schedule.timezone,
      // Our queue already serialises runs; node-cron's overlap guard would drop ticks instead.
      noOverlap: false,
      // A long synchronous transaction can delay the timer; a late tick is still that tick.
      missedExecutionTolerance: 60_000,
      logger: {
        info: (m) => this.#log.debug(m),
        // croner's own words (English) go in a field; the line itself is the catalogue's
        warn: (m) => this.#log.warn({ detail: String(m) }, t('log.schedule.timer')),
        error: (m) =>
          this.#log.error(m instanceof Error ? { err: m } : { detail: String(m) }, t('log.schedule.timer')),
        debug: (m) => this.#log.debug(m instanceof Error ? { err: m } : {}, String(m)),
      },
    })
    task.on('execution:missed', (ctx) => {
      this.#log.warn({ tick: ctx.date.toISOString() }, t('log.schedule.late'))
      this.#enqueue(ctx.date, 'schedule')
    })
    this.#task = task
    void task.start()
    this.#log.info(
      {
        cron: this.schedule.expression,
        timezone: this.schedule.timezone,
        next: this.schedule.next(this.#opts.now()).toISOString(),
      },
      t('log.schedule.armed'),
    )
  }

  #enqueue(at: Date, trigger: TickTrigger): void {
    if (this.#stopping) return
    const tick = new Date(Math.floor(at.getTime() / 1000) * 1000)
    this.#queue.push({ tick, trigger })
    if (!this.#worker) {
      this.#worker = this.#drain().finally(() => {
        this.#worker = null
      })
    }
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0 && !this.#stopping) {
      const pending = this.#queue.sort((a, b) => a.tick.getTime() - b.tick.getTime())
      this.#queue = []
      const newest = pending.at(-1)
      if (!newest) break // the loop runs only while the queue had entries
      for (const old of pending.slice(0, -1)) {
        if (old.tick.getTime() === newest.tick.getTime()) continue
        recordSkippedTick(this.#app.store, {
          runKey: tickKey(old.tick),
          scheduledFor: old.tick.toISOString(),
          reason: t('schedule.skipped.superseded', { newest: newest.tick.toISOString() }),
        })
      }
      await this.runTick(newest.tick, newest.trigger)
    }
  }

  /**
   * Runs one tick: claims its key, waits while another run holds the home, records the outcome.
   * Never throws: a failed refresh is recorded in `runs` and the scheduler carries on.
   */
  runTick(tick: Date, trigger: TickTrigger, retry = 0): Promise<TickResult> {
    const p = this.#runTick(tick, trigger, retry)
    this.#inflight.add(p)
    void p.finally(() => this.#inflight.delete(p))
    return p
  }

  async #runTick(tick: Date, trigger: TickTrigger, retry: number): Promise<TickResult> {
    const key = retry > 0 ? retryKey(tick, retry) : tickKey(tick)
    const base = { tick: tick.toISOString(), key }
    const log = this.#log.child({ tick: base.tick })
    const done = (r: TickResult) => {
      this.results.push(r)
      return r
    }
    for (;;) {
      if (this.#stopping) return done({ ...base, outcome: 'stopped' })
      try {
        const result = await runJob(this.#app, {
          command: 'refresh',
          trigger,
          runKey: key,
          scheduledFor: base.tick,
          shouldStop: () => this.#stopping,
        })
        const count = (s: string) => result.outcomes.filter((o) => o.status === s).length
        log.info(
          {
            run: result.runId,
            accepted: count('accepted'),
            duplicate: count('duplicate'),
            rejected: count('rejected'),
            waiting: result.waiting.length,
            snapshots: result.snapshots.length,
            stopped: result.stopped ?? 0,
          },
          t('log.schedule.finished'),
        )
        return done({ ...base, outcome: 'ran', runId: result.runId, result })
      } catch (err) {
        if (err instanceof RunKeyTakenError) {
          log.info({ key }, t('log.schedule.taken'))
          return done({ ...base, outcome: 'taken' })
        }
        if (err instanceof RunBusyError) {
          log.info({ holder: err.holder }, t('log.schedule.busy'))
          try {
            await sleep(this.#opts.busyRetryMs, undefined, { signal: this.#wake.signal })
          } catch {
            // woken by stop()
          }
          continue
        }
        const message = err instanceof Error ? err.message : String(err)
        log.error({ err }, t('log.schedule.failed'))
        return done({ ...base, outcome: 'failed', error: message })
      }
    }
  }
}
