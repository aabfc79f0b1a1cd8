/**
 * Ticks of a cron expression in a timezone, forwards *and backwards*. node-cron v4 only looks
 * forward from "now" (and dropped v3's missed-execution recovery, node-cron #457), but catch-up
 * after downtime needs "which ticks fell in the last N hours", and a tick's run key needs the exact
 * slot instant. So: node-cron parses the expression (one grammar, the same one that fires the
 * ticks) and its matcher has the last word on every candidate; this module only walks candidate
 * instants day by day in the zone's wall clock.
 *
 * DST (not an issue for Asia/Ho_Chi_Minh, but the zone is configurable): a wall-clock time that does
 * not exist (spring-forward gap) has no tick, and one absolute instant is one tick, as in node-cron.
 */
import cron from 'node-cron'
import { t } from '../i18n/index.ts'

export class CronError extends Error {}

export interface CronSchedule {
  readonly expression: string
  readonly timezone: string
  /** Does this instant (to the second) match? */
  matches(at: Date): boolean
  /** The first tick strictly after `after`. */
  next(after: Date): Date
  /** The last tick at or before `atOrBefore` (null when there is none within ~a year and a day). */
  prev(atOrBefore: Date): Date | null
  /** Ticks in (from, to], oldest first. */
  between(from: Date, to: Date): Date[]
}

interface LocalParts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timezone, f)
  }
  return f
}

/** Throws CronError for a zone name ICU does not know (a typo must not fall back to the host TZ). */
export function assertTimezone(timezone: string): void {
  try {
    formatter(timezone)
  } catch {
    throw new CronError(t('schedule.bad-timezone', { timezone }))
  }
}

/** Wall-clock fields of an instant in a zone. */
export function localParts(at: Date, timezone: string): LocalParts {
  const out: Record<string, number> = {}
  for (const p of formatter(timezone).formatToParts(at))
    if (p.type !== 'literal') out[p.type] = Number(p.value)
  const field = (name: keyof LocalParts): number => {
    const v = out[name]
    if (v === undefined) throw new Error(`internal: the ${timezone} formatter gave no ${name}`)
    return v
  }
  return {
    year: field('year'),
    month: field('month'),
    day: field('day'),
    hour: field('hour'),
    minute: field('minute'),
    second: field('second'),
  }
}

/** Zone offset (local minus UTC, ms) at an instant. */
function offsetAt(t: number, timezone: string): number {
  const l = localParts(new Date(t), timezone)
  return Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second) - Math.floor(t / 1000) * 1000
}

/**
 * The instant a wall-clock time names in a zone. A time repeated by a fall-back names its first
 * instant; a time skipped by a spring-forward gap gives an instant whose wall clock differs (callers
 * compare and drop it).
 */
export function zonedInstant(p: LocalParts, timezone: string): Date {
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)
  // offsets in force a day either side bracket any transition near this wall-clock time
  const before = offsetAt(asUtc - 86_400_000, timezone)
  const offsets = [...new Set([before, offsetAt(asUtc + 86_400_000, timezone)])]
  const candidates = offsets
    .map((o) => asUtc - o)
    .filter((t) => {
      const l = localParts(new Date(t), timezone)
      return l.day === p.day && l.hour === p.hour && l.minute === p.minute && l.second === p.second
    })
    .sort((a, b) => a - b)
  return new Date(candidates[0] ?? asUtc - before)
}

/** A local calendar day moved by `delta` days. */
function shiftDay(d: { year: number; month: number; day: number }, delta: number) {
  const x = new Date(Date.UTC(d.year, d.month - 1, d.day + delta))
  return { year: x.getUTCFullYear(), month: x.getUTCMonth() + 1, day: x.getUTCDate() }
}

const MAX_DAYS = 400
/** The largest DST shift in use (2 h, Antarctica/Troll), in seconds. */
const DST_SLACK = 2 * 3600

export function cronSchedule(expression: string, timezone: string): CronSchedule {
  const detail = cron.validateDetailed(expression)
  if (!detail.valid) {
    throw new CronError(
      t('schedule.bad-cron', { expression, detail: detail.errors.map((e) => e.message).join('; ') }),
    )
  }
  assertTimezone(timezone)
  const fields = cron.parse(expression)
  // node-cron's own matcher decides (day-of-month/-week tokens such as L, 15W, 1#1, and the zone).
  // A task that is created but never started holds no timer; destroy() drops it from the registry.
  const task = cron.createTask(expression, () => {}, { timezone, name: `qd766-matcher-${expression}` })
  const matcher = (at: Date) => task.match(at)
  void task.destroy()

  const asc = (xs: number[]) => [...xs].sort((a, b) => a - b)
  const hours = asc(fields.hour)
  const minutes = asc(fields.minute)
  const seconds = asc(fields.second)
  const numericDays = fields.dayOfMonth.every((d) => typeof d === 'number')
  const numericWeekdays = fields.dayOfWeek.every((d) => typeof d === 'number')
  // With plain numeric fields the day filter below is exact; node-cron's matcher is consulted for
  // the day tokens (L, 15W, 1#1, 5L) whose rules we do not want to re-implement.
  const tokens = !numericDays || !numericWeekdays
  const dayCouldMatch = (d: { year: number; month: number; day: number }) => {
    if (!fields.month.includes(d.month)) return false
    if (numericDays && !fields.dayOfMonth.includes(d.day)) return false
    if (numericWeekdays) {
      const weekday = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay()
      if (!fields.dayOfWeek.includes(weekday)) return false
    }
    return true
  }
  /**
   * Candidate instants of one local day, in wall-clock order (descending for `prev`). `near` prunes
   * the first day cheaply: wall-clock times more than DST_SLACK away on the wrong side of the start
   * cannot qualify, so they are skipped before the (comparatively slow) Intl conversions.
   */
  function* dayTicks(
    d: { year: number; month: number; day: number },
    descending: boolean,
    near?: { secondOfDay: number },
  ): Generator<Date> {
    if (!dayCouldMatch(d)) return
    // Same offset at both ends of the day: no transition, so wall clock -> instant is plain arithmetic.
    const dayUtc = Date.UTC(d.year, d.month - 1, d.day)
    const offset = offsetAt(dayUtc - 14 * 3600_000, timezone)
    const steady = offset === offsetAt(dayUtc + 38 * 3600_000, timezone)
    const order = <T>(xs: T[]) => (descending ? [...xs].reverse() : xs)
    for (const hour of order(hours))
      for (const minute of order(minutes))
        for (const second of order(seconds)) {
          if (near) {
            const sod = hour * 3600 + minute * 60 + second
            if (descending ? sod > near.secondOfDay + DST_SLACK : sod < near.secondOfDay - DST_SLACK) continue
          }
          const wall = { ...d, hour, minute, second }
          let at = new Date(Date.UTC(d.year, d.month - 1, d.day, hour, minute, second) - offset)
          if (!steady) {
            at = zonedInstant(wall, timezone)
            const l = localParts(at, timezone)
            // in a DST gap the instant lands on another wall-clock time: no tick
            if (l.hour !== hour || l.minute !== minute || l.second !== second) continue
          }
          if (tokens && !matcher(at)) continue
          yield at
        }
  }
  const secondOfDay = (p: LocalParts) => ({ secondOfDay: p.hour * 3600 + p.minute * 60 + p.second })

  const floorSecond = (t: Date) => new Date(Math.floor(t.getTime() / 1000) * 1000)

  return {
    expression,
    timezone,
    matches: (at) => matcher(floorSecond(at)),
    next(after) {
      const start = localParts(after, timezone)
      for (let i = 0; i < MAX_DAYS; i++) {
        const near = i === 0 ? secondOfDay(start) : undefined
        for (const t of dayTicks(shiftDay(start, i), false, near)) if (t.getTime() > after.getTime()) return t
      }
      throw new CronError(t('schedule.no-tick-within', { expression, days: MAX_DAYS }))
    },
    prev(atOrBefore) {
      const start = localParts(atOrBefore, timezone)
      for (let i = 0; i < MAX_DAYS; i++) {
        const near = i === 0 ? secondOfDay(start) : undefined
        for (const t of dayTicks(shiftDay(start, -i), true, near)) {
          if (t.getTime() <= atOrBefore.getTime()) return t
        }
      }
      return null
    },
    between(from, to) {
      const out: Date[] = []
      if (to.getTime() <= from.getTime()) return out
      const start = localParts(from, timezone)
      const days = Math.ceil((to.getTime() - from.getTime()) / 86_400_000) + 2
      for (let i = 0; i <= days; i++) {
        for (const t of dayTicks(shiftDay(start, i), false)) {
          if (t.getTime() > from.getTime() && t.getTime() <= to.getTime()) out.push(t)
        }
      }
      // a fall-back hour can repeat a wall-clock time: one instant is still one tick
      const unique = [...new Set(out.map((t) => t.getTime()))].sort((a, b) => a - b)
      return unique.map((t) => new Date(t))
    },
  }
}
