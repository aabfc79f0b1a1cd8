/**
 * A capture's period and reading date: the request payload (timeType + year/quarter/month, or the
 * satisfaction endpoint's fromDate/toDate) and capturedAt in Vietnam time.
 */
import { QdError } from '../errors.ts'
import { isIsoDate, makePeriod, type Period, periodFromRange } from '../reference/period.ts'
import { describeValue } from './json.ts'

function int(v: unknown): number | null {
  if (typeof v === 'number' && Number.isInteger(v)) return v
  if (typeof v === 'string' && /^\d+$/.test(v.trim())) return Number(v.trim())
  return null
}

export function periodFromPayload(payload: Record<string, unknown>, file: string, at: string): Period | null {
  const bad = (key: string, expected: string) =>
    new QdError(
      'bad-period',
      `The request payload's ${key} is ${describeValue(payload[key])}; expected ${expected}.`,
      {
        location: { file, column: `${at}.${key}` },
        expected,
        found: describeValue(payload[key]),
      },
    )
  if (payload.timeType !== undefined && payload.timeType !== null) {
    const type = String(payload.timeType).trim().toLowerCase()
    const year = int(payload.year)
    if (year === null || year < 2000 || year > 2100) throw bad('year', 'a year such as 2026')
    if (type === 'year') return makePeriod('year', year, null)
    if (type === 'quarter') {
      const q = int(payload.quarter)
      if (q === null || q < 1 || q > 4) throw bad('quarter', 'a quarter 1-4')
      return makePeriod('quarter', year, q)
    }
    if (type === 'month') {
      const mo = int(payload.month)
      if (mo === null || mo < 1 || mo > 12) throw bad('month', 'a month 1-12')
      return makePeriod('month', year, mo)
    }
    throw bad('timeType', 'year, quarter or month')
  }
  if (payload.fromDate !== undefined || payload.toDate !== undefined) {
    const from = typeof payload.fromDate === 'string' ? payload.fromDate.slice(0, 10) : ''
    const to = typeof payload.toDate === 'string' ? payload.toDate.slice(0, 10) : ''
    if (!isIsoDate(from)) throw bad('fromDate', 'a date YYYY-MM-DD')
    if (!isIsoDate(to)) throw bad('toDate', 'a date YYYY-MM-DD')
    const p = periodFromRange(from, to)
    if (!p) {
      throw new QdError(
        'bad-period',
        `The range ${from}..${to} is not a month, quarter or year (it must start on the first day of one and end inside it).`,
        {
          location: { file, column: `${at}.fromDate` },
          expected: 'a month, quarter or year range',
          found: `${from}..${to}`,
        },
      )
    }
    return p
  }
  if (payload.year !== undefined) {
    // A year without timeType: the portal's default view is the year.
    const year = int(payload.year)
    if (year === null || year < 2000 || year > 2100) throw bad('year', 'a year such as 2026')
    return makePeriod('year', year, null)
  }
  return null
}

/** The calendar date of an ISO timestamp in Vietnam (UTC+7, no DST); a bare date is taken as is. */
export function vietnamDate(s: string): string | null {
  const t = s.trim()
  if (isIsoDate(t)) return t
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(t)
  if (!m || !isIsoDate(m[1]!)) return null
  if (!m[5]) return m[1]! // local time as written: its date
  const ms = Date.parse(t.replace(' ', 'T'))
  if (Number.isNaN(ms)) return null
  return new Date(ms + 7 * 3600_000).toISOString().slice(0, 10)
}
