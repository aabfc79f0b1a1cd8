/**
 * Ticks of a cron expression, forwards and backwards, in a timezone. Catch-up after downtime and
 * the run key of every tick depend on these being exact, so each case names the instants.
 */
import cron from 'node-cron'
import { describe, expect, it } from 'vitest'
import { CronError, cronSchedule } from '../../src/schedule/cron.ts'

const iso = (d: Date | null) => d?.toISOString() ?? null

describe('cron ticks in a timezone', () => {
  const nightly = cronSchedule('0 4 * * *', 'Asia/Ho_Chi_Minh')

  const cases = [
    // 04:00 in Hà Nội (UTC+7, no DST) is 21:00 UTC the day before.
    { name: 'next, later the same day', at: '2026-10-05T12:00:00Z', next: '2026-10-05T21:00:00.000Z' },
    {
      name: 'next, exactly on a tick is strictly after',
      at: '2026-10-05T21:00:00Z',
      next: '2026-10-06T21:00:00.000Z',
    },
    { name: 'next, across a month end', at: '2026-10-31T22:00:00Z', next: '2026-11-01T21:00:00.000Z' },
    { name: 'next, across a year end', at: '2026-12-31T21:30:00Z', next: '2027-01-01T21:00:00.000Z' },
  ]
  for (const c of cases) {
    it(c.name, () => expect(iso(nightly.next(new Date(c.at)))).toBe(c.next))
  }

  it('prev includes a tick exactly at the given instant (a tick fired now is "the last tick")', () => {
    expect(iso(nightly.prev(new Date('2026-10-05T21:00:00Z')))).toBe('2026-10-05T21:00:00.000Z')
    expect(iso(nightly.prev(new Date('2026-10-05T20:59:59Z')))).toBe('2026-10-04T21:00:00.000Z')
  })

  it('between gives (from, to] oldest first: the ticks a 36-hour catch-up window covers', () => {
    const to = new Date('2026-10-06T03:00:00Z') // 10:00 local on the 6th
    const from = new Date(to.getTime() - 36 * 3_600_000)
    expect(nightly.between(from, to).map(iso)).toEqual([
      '2026-10-04T21:00:00.000Z',
      '2026-10-05T21:00:00.000Z',
    ])
    expect(nightly.between(to, to)).toEqual([])
  })

  it('agrees with node-cron, which fires the ticks, for a spread of expressions', () => {
    // node-cron's own forward computation, via an unstarted task whose clock is "now"; we compare
    // our next() from now with its getNextRuns, so the run key of a fired tick is the one we compute.
    const exprs = ['0 4 * * *', '*/15 * * * 1-5', '30 2 1,15 * *', '0 0 4 * * *', '0 4 L * *', '0 4 * * 1#1']
    for (const expr of exprs) {
      for (const tz of ['Asia/Ho_Chi_Minh', 'Europe/Paris', 'UTC']) {
        const task = cron.createTask(expr, () => {}, { timezone: tz })
        const theirs = task.getNextRuns(3).map(iso)
        void task.destroy()
        const s = cronSchedule(expr, tz)
        const ours: Array<string | null> = []
        let t = new Date()
        for (let i = 0; i < 3; i++) {
          t = s.next(t)
          ours.push(iso(t))
        }
        expect({ expr, tz, ticks: ours }).toEqual({ expr, tz, ticks: theirs })
        // and backwards: the tick before each tick is the previous one
        expect(iso(s.prev(new Date(new Date(theirs[2]!).getTime() - 1000)))).toBe(theirs[1])
      }
    }
  })

  it('seconds field and day tokens (L = last day of month, 1#1 = first Monday)', () => {
    const sec = cronSchedule('*/20 * * * * *', 'UTC')
    expect(sec.between(new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:01:00Z')).map(iso)).toEqual([
      '2026-01-01T00:00:20.000Z',
      '2026-01-01T00:00:40.000Z',
      '2026-01-01T00:01:00.000Z',
    ])
    const last = cronSchedule('0 4 L * *', 'Asia/Ho_Chi_Minh')
    expect(iso(last.prev(new Date('2026-03-10T00:00:00Z')))).toBe('2026-02-27T21:00:00.000Z') // 28/02 04:00
    const firstMonday = cronSchedule('0 9 * * 1#1', 'Asia/Ho_Chi_Minh')
    expect(iso(firstMonday.next(new Date('2026-10-06T00:00:00Z')))).toBe('2026-11-02T02:00:00.000Z')
  })

  it('DST: a wall-clock time skipped by spring-forward has no tick; a repeated one ticks once', () => {
    const ny = cronSchedule('30 2 * * *', 'America/New_York') // 2026-03-08 02:30 does not exist
    expect(ny.between(new Date('2026-03-07T00:00:00Z'), new Date('2026-03-10T00:00:00Z')).map(iso)).toEqual([
      '2026-03-07T07:30:00.000Z',
      '2026-03-09T06:30:00.000Z',
    ])
    const fallBack = cronSchedule('30 1 * * *', 'America/New_York') // 2026-11-01 01:30 happens twice
    expect(
      fallBack.between(new Date('2026-10-31T00:00:00Z'), new Date('2026-11-03T00:00:00Z')).map(iso),
    ).toEqual(['2026-10-31T05:30:00.000Z', '2026-11-01T05:30:00.000Z', '2026-11-02T06:30:00.000Z'])
  })

  it('the host TZ never matters: the zone is explicit', () => {
    // same answer whatever process.env.TZ says (Intl is given the zone on every call)
    const before = process.env.TZ
    try {
      process.env.TZ = 'America/Los_Angeles'
      expect(iso(cronSchedule('0 4 * * *', 'Asia/Ho_Chi_Minh').next(new Date('2026-10-05T12:00:00Z')))).toBe(
        '2026-10-05T21:00:00.000Z',
      )
    } finally {
      process.env.TZ = before
    }
  })

  it('matches() is to the second', () => {
    expect(nightly.matches(new Date('2026-10-05T21:00:00.400Z'))).toBe(true)
    expect(nightly.matches(new Date('2026-10-05T21:00:01Z'))).toBe(false)
  })

  const invalid = [
    { expr: 'bad', tz: 'Asia/Ho_Chi_Minh', message: /5 or 6 fields/ },
    { expr: '61 * * * *', tz: 'Asia/Ho_Chi_Minh', message: /minute/ },
    { expr: '0 4 * * *', tz: 'Asia/Hanoi_Typo', message: /múi giờ "Asia\/Hanoi_Typo" không có/ },
    // never ticks: 31 February
    { expr: '0 4 31 2 *', tz: 'UTC', message: /impossible day of month/ },
  ]
  for (const c of invalid) {
    it(`refuses ${c.expr} in ${c.tz}`, () => {
      expect(() => cronSchedule(c.expr, c.tz).next(new Date('2026-01-01T00:00:00Z'))).toThrow(CronError)
      expect(() => cronSchedule(c.expr, c.tz).next(new Date('2026-01-01T00:00:00Z'))).toThrow(c.message)
    })
  }
})
