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
    throw new UsageError(t('schedule.bad-instant', { flag, value }))
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
  details: () => t('schedule.details'),
  async run({ values }) {
    const app = appFor(values)
    let scheduler: Scheduler
    try {
      const catchUpHours =
        values['catch-up-hours'] === undefined
          ? app.config.schedule.catchUpHours
          : Number(values['catch-up-hours'])
      if (!Number.isFinite(catchUpHours) || catchUpHours < 0)
        throw new UsageError(t('schedule.bad-catch-up', { value: String(values['catch-up-hours']) }))
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
            t('schedule.not-a-tick', {
              tick: String(values.tick),
              expression: scheduler.schedule.expression,
              timezone: scheduler.schedule.timezone,
            }),
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
                [
                  t('schedule.h.tick'),
                  t('schedule.h.outcome'),
                  t('schedule.h.run'),
                  t('schedule.h.accepted'),
                  t('schedule.h.rejected'),
                  t('schedule.h.error'),
                ],
                rows.map((r) => [
                  r.tick,
                  t(`schedule.outcome.${r.outcome}`),
                  r.runId,
                  r.accepted,
                  r.rejected,
                  r.error,
                ]),
              )}\n`
            : `${t('schedule.no-tick-due')}\n`,
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
