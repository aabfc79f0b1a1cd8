import { t } from '../../i18n/index.ts'
import { CronError } from '../../schedule/cron.ts'
import { Scheduler, type TickResult } from '../../schedule/scheduler.ts'
import { defineCommand, EXIT, UsageError } from '../args.ts'
import { appFor } from '../context.ts'
import { printJson, renderTable } from '../output.ts'
import { stopOnSignals } from '../signals.ts'

function parseInstant(flag: string, value: string): Date {
  const d = new Date(value)
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(d.getTime()))
    throw new UsageError(`${flag} ${value}: give an ISO date-time such as 2026-10-05T21:00:00Z`)
  return d
}

function resultRow(r: TickResult) {
  return {
    tick: r.tick,
    key: r.key,
    outcome: r.outcome,
    runId: r.outcome === 'ran' ? r.runId : null,
    accepted: r.outcome === 'ran' ? r.result.outcomes.filter((o) => o.status === 'accepted').length : null,
    rejected: r.outcome === 'ran' ? r.result.outcomes.filter((o) => o.status === 'rejected').length : null,
    error: r.outcome === 'failed' ? r.error : null,
  }
}

export const scheduleCommand = defineCommand({
  name: 'schedule',
  summary: () => t('schedule.summary'),
  usage: 'qd766 schedule [--cron EXPR] [--tz ZONE] [--catch-up-hours N] [--once]',
  options: {
    cron: { type: 'string' },
    tz: { type: 'string' },
    'catch-up-hours': { type: 'string' },
    once: { type: 'boolean' },
    // For tests and operators checking the locking; not in the usage line.
    tick: { type: 'string' },
    now: { type: 'string' },
    'busy-retry-ms': { type: 'string' },
  },
  details: `
Defaults come from qd766.config.json "schedule" ({ "cron": "0 4 * * *", "timezone":
"Asia/Ho_Chi_Minh", "catchUpHours": 36 }); the flags override them. Cron has 5 fields (minute hour
day month weekday) or 6 (seconds first), as node-cron reads them; the timezone is explicit, so the
host's TZ never matters.

Every tick is one row in the database (run key "refresh@<tick time>"), claimed before it runs: two
schedulers on the same home run each tick once, and a tick never overlaps another run (it waits for
the home's lease). At start, the newest tick missed within --catch-up-hours is run at once (older
missed ticks are recorded as missed); a tick whose run was killed is run again (at most twice).

Stopping: SIGINT/SIGTERM (Ctrl-C, systemctl stop) lets the current file finish, records the run and
exits 0; claimed files not yet started go back to the inbox for the next run. A second signal
abandons the current file at once (nothing of it is committed; it is taken again next time).

  --cron EXPR            cron expression (default from config, else "0 4 * * *")
  --tz ZONE              IANA timezone (default from config, else Asia/Ho_Chi_Minh)
  --catch-up-hours N     how far back missed ticks are caught up at start (default 36)
  --once                 do the start-up catch-up, then exit instead of staying running
  --tick ISO             run exactly this tick (claimed like a scheduled one), then exit
  --now ISO              the clock used for catch-up decisions (testing)
  --json                 with --once/--tick: print the ticks handled as JSON

Running under systemd or plain crontab: see docs/operations.md.`,
  async run({ values }) {
    const app = appFor(values)
    let scheduler: Scheduler
    try {
      const catchUpHours =
        values['catch-up-hours'] === undefined
          ? app.config.schedule.catchUpHours
          : Number(values['catch-up-hours'])
      if (!Number.isFinite(catchUpHours) || catchUpHours < 0)
        throw new UsageError(
          `--catch-up-hours ${values['catch-up-hours']}: give a number of hours, 0 or more`,
        )
      const busyRetryMs = values['busy-retry-ms'] === undefined ? undefined : Number(values['busy-retry-ms'])
      const now = values.now === undefined ? undefined : parseInstant('--now', values.now)
      try {
        scheduler = new Scheduler(app, {
          cron: values.cron ?? app.config.schedule.cron,
          timezone: values.tz ?? app.config.schedule.timezone,
          catchUpHours,
          busyRetryMs,
          now: now ? () => now : undefined,
        })
      } catch (err) {
        if (err instanceof CronError) throw new UsageError(err.message)
        throw err
      }
    } catch (err) {
      await app.close()
      throw err
    }

    const log = app.log.child({ component: 'schedule' })
    let stopped!: () => void
    const stoppedPromise = new Promise<void>((resolve) => {
      stopped = resolve
    })
    const release = stopOnSignals(app, log, {
      stoppingMessage: t('schedule.signal.stopping'),
      onFirst: () => void scheduler.stop().then(stopped),
    })

    try {
      if (values.tick !== undefined) {
        const tick = parseInstant('--tick', values.tick)
        if (!scheduler.schedule.matches(tick))
          throw new UsageError(
            `--tick ${values.tick} is not a tick of "${scheduler.schedule.expression}" in ${scheduler.schedule.timezone}`,
          )
        await scheduler.runTick(tick, 'schedule')
      } else {
        await scheduler.catchUp()
        if (!values.once && !scheduler.stopping) {
          scheduler.start()
          await stoppedPromise
          // Staying up was the job: a refresh that failed is in the run history, not the exit code
          // (systemd would otherwise mark a clean `systemctl stop` as a failure).
          return EXIT.ok
        }
      }
      await scheduler.stop()
      const rows = scheduler.results.map(resultRow)
      if (values.json) printJson(rows)
      else if (values.once || values.tick !== undefined) {
        process.stdout.write(
          rows.length
            ? `${renderTable(
                ['Tick', 'Outcome', 'Run', 'Accepted', 'Rejected', 'Error'],
                rows.map((r) => [r.tick, r.outcome, r.runId, r.accepted, r.rejected, r.error]),
              )}\n`
            : 'No tick due.\n',
        )
      }
      if (scheduler.results.some((r) => r.outcome === 'failed')) return EXIT.internal
      return rows.some((r) => (r.rejected ?? 0) > 0) ? EXIT.partial : EXIT.ok
    } finally {
      release()
      await app.close()
    }
  },
})
