/**
 * A capture's period and reading date: the request payload (timeType + year/quarter/month, or the
 * satisfaction endpoint's fromDate/toDate) and capturedAt in Vietnam time.
 */
import { QdError } from '../errors.ts'
import { t } from '../i18n/index.ts'
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
      t('portal.payload.bad', { key, found: describeValue(payload[key]), expected }),
      {
        location: { file, column: `${at}.${key}` },
        expected,
        found: describeValue(payload[key]),
      },
    )
  if (payload.timeType !== undefined && payload.timeType !== null) {
    const type = String(payload.timeType).trim().toLowerCase()
    const year = int(payload.year)
    if (year === null || year < 2000 || year > 2100) throw bad('year', t('portal.payload.year'))
    if (type === 'year') return makePeriod('year', year, null)
    if (type === 'quarter') {
      const q = int(payload.quarter)
      if (q === null || q < 1 || q > 4) throw bad('quarter', t('portal.payload.quarter'))
      return makePeriod('quarter', year, q)
    }
    if (type === 'month') {
      const mo = int(payload.month)
      if (mo === null || mo < 1 || mo > 12) throw bad('month', t('portal.payload.month'))
      return makePeriod('month', year, mo)
    }
    throw bad('timeType', t('portal.payload.time-type'))
  }
  if (payload.fromDate !== undefined || payload.toDate !== undefined) {
    const from = typeof payload.fromDate === 'string' ? payload.fromDate.slice(0, 10) : ''
    const to = typeof payload.toDate === 'string' ? payload.toDate.slice(0, 10) : ''
    if (!isIsoDate(from)) throw bad('fromDate', t('portal.payload.date'))
    if (!isIsoDate(to)) throw bad('toDate', t('portal.payload.date'))
    const p = periodFromRange(from, to)
    if (!p) {
      throw new QdError('bad-period', t('portal.payload.range', { from, to }), {
        location: { file, column: `${at}.fromDate` },
        expected: t('portal.payload.range.expected'),
        found: `${from}..${to}`,
      })
    }
    return p
  }
  if (payload.year !== undefined) {
    // A year without timeType: the portal's default view is the year.
    const year = int(payload.year)
    if (year === null || year < 2000 || year > 2100) throw bad('year', t('portal.payload.year'))
    return makePeriod('year', year, null)
  }
  return null
}

/** The calendar date of an ISO timestamp in Vietnam (UTC+7, no DST); a bare date is taken as is. */
export function vietnamDate(s: string): string | null {
  const t = s.trim()
  if (isIsoDate(t)) return t
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(t)
  if (!m) return null
  const [, date = '', , , , zone] = m // the date group is mandatory: the default never applies
  if (!isIsoDate(date)) return null
  if (!zone) return date // local time as written: its date
  const ms = Date.parse(t.replace(' ', 'T'))
  if (Number.isNaN(ms)) return null
  return new Date(ms + 7 * 3600_000).toISOString().slice(0, 10)
}
