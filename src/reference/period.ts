/**
 * Periods ("2026", "2026-Q3", "2026-08") and reading dates, from the contract's notation, from
 * Vietnamese title lines ("Quý 3/2026", "tính đến ngày 05/10/2026", "(Từ ngày 01/01/2026 đến ngày
 * 05/10/2026)") and from file-name tokens. Also which province cohort (63 or 34) a reading belongs to.
 */

import { errorMessage, QdError } from '../errors.ts'
import { t } from '../i18n/index.ts'
import { stripAccents } from '../text/normalize.ts'

export type PeriodType = 'year' | 'quarter' | 'month'

export interface Period {
  /** Contract notation: "2026", "2026-Q3", "2026-08". */
  id: string
  type: PeriodType
  year: number
  /** Quarter 1-4 or month 1-12; null for a year. */
  part: number | null
  /** ISO dates, inclusive. */
  start: string
  end: string
}

/** The date the 63-province set ended and the 34-province set began (QĐ 19/2025/QĐ-TTg). */
export const COHORT_34_FROM = '2025-07-01'

const pad = (n: number) => String(n).padStart(2, '0')
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate()

export function makePeriod(type: PeriodType, year: number, part: number | null): Period {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new Error(t('period.year-range', { year }))
  if (type === 'year')
    return { id: String(year), type, year, part: null, start: `${year}-01-01`, end: `${year}-12-31` }
  if (type === 'quarter') {
    if (part === null || part < 1 || part > 4)
      throw new Error(t('period.quarter-range', { part: String(part) }))
    const m1 = (part - 1) * 3 + 1
    const m3 = m1 + 2
    return {
      id: `${year}-Q${part}`,
      type,
      year,
      part,
      start: `${year}-${pad(m1)}-01`,
      end: `${year}-${pad(m3)}-${pad(lastDay(year, m3))}`,
    }
  }
  if (part === null || part < 1 || part > 12) throw new Error(t('period.month-range', { part: String(part) }))
  return {
    id: `${year}-${pad(part)}`,
    type,
    year,
    part,
    start: `${year}-${pad(part)}-01`,
    end: `${year}-${pad(part)}-${pad(lastDay(year, part))}`,
  }
}

/** Parses the contract notation; throws a usage-friendly Error otherwise. */
export function parsePeriod(s: string): Period {
  try {
    return parsePeriodStrict(s)
  } catch (err) {
    throw new Error(t('period.not-a-period', { value: s, why: errorMessage(err) }))
  }
}

function parsePeriodStrict(s: string): Period {
  const text = s.trim()
  let m = /^(\d{4})$/.exec(text)
  if (m) return makePeriod('year', Number(m[1]), null)
  m = /^(\d{4})[-_/ ]?Q([1-4])$/i.exec(text)
  if (m) return makePeriod('quarter', Number(m[1]), Number(m[2]))
  // the file-name and title forms: Q3-2026, Q3/2026, Q3_2026, Q3 2026
  m = /^Q([1-4])[-_/ ]?(\d{4})$/i.exec(text)
  if (m) return makePeriod('quarter', Number(m[2]), Number(m[1]))
  m = /^(\d{4})-(\d{1,2})$/.exec(text)
  if (m) return makePeriod('month', Number(m[1]), Number(m[2]))
  m = /^(\d{1,2})[-/](\d{4})$/.exec(text)
  if (m) return makePeriod('month', Number(m[2]), Number(m[1]))
  throw new Error(t('period.not-a-form'))
}

export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (!m) return false
  const y = Number(m[1])
  const mo = Number(m[2])
  const d = Number(m[3])
  return mo >= 1 && mo <= 12 && d >= 1 && d <= lastDay(y, mo)
}

export function parseIsoDate(s: string): string {
  if (!isIsoDate(s.trim())) throw new Error(t('period.not-a-date', { value: s }))
  return s.trim()
}

/** Day, month, year (regex groups, so possibly absent) to an ISO date; null if absent or not a real date. */
function dmy(d: string | undefined, m: string | undefined, y: string | undefined): string | null {
  if (d === undefined || m === undefined || y === undefined) return null
  const iso = `${y}-${pad(Number(m))}-${pad(Number(d))}`
  return isIsoDate(iso) ? iso : null
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 }

export interface TitleFacts {
  period: Period | null
  asOf: string | null
}

/**
 * Reads period and as-of date from free text (title rows joined). Handles "Năm 2026", "Quý 3/2026",
 * "Quý III năm 2026", "Tháng 8/2026", "tháng 08 năm 2026", "tính đến ngày 05/10/2026",
 * "Cập nhật: 05/10/2026 08:00", "(Từ ngày 01/01/2026 đến ngày 05/10/2026)".
 */
/**
 * A period read from a file's title, name or dates: null when the numbers are outside what
 * makePeriod accepts ("Năm 1999"), so that such a file gets a content error ("no period") rather
 * than an exception that is no one's fault.
 */
function periodIn(type: PeriodType, year: number, part: number | null): Period | null {
  try {
    return makePeriod(type, year, part)
  } catch {
    return null
  }
}

export function factsFromText(text: string): TitleFacts {
  const t = stripAccents(text.normalize('NFC')).toLowerCase().replace(/\s+/g, ' ')
  let period: Period | null = null
  let asOf: string | null = null
  const D = String.raw`(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})`

  const range = new RegExp(String.raw`tu ngay\s*${D}\s*(?:den|-|–)\s*(?:ngay\s*)?${D}`).exec(t)
  if (range) {
    const from = dmy(range[1], range[2], range[3])
    const to = dmy(range[4], range[5], range[6])
    if (from && to) {
      period = periodFromRange(from, to)
      asOf = to
    }
  }
  if (!asOf) {
    const m = new RegExp(
      String.raw`(?:tinh den|den|cap nhat|cap nhat luc|ngay cap nhat|du lieu ngay)\s*(?:ngay)?\s*:?\s*${D}`,
    ).exec(t)
    if (m) asOf = dmy(m[1], m[2], m[3])
  }
  if (!period) {
    let m = /quy\s*([1-4]|iv|iii|ii|i)\s*(?:\/|nam|-)\s*(\d{4})/.exec(t)
    if (m) period = periodIn('quarter', Number(m[2]), ROMAN[m[1] ?? ''] ?? Number(m[1]))
    if (!period) {
      m = /thang\s*(\d{1,2})\s*(?:\/|nam|-)\s*(\d{4})/.exec(t)
      if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) period = periodIn('month', Number(m[2]), Number(m[1]))
    }
    if (!period) {
      m = /nam\s*(\d{4})/.exec(t)
      if (m) period = periodIn('year', Number(m[1]), null)
    }
  }
  return { period, asOf }
}

/** The smallest month/quarter/year that starts on `from` and contains `to`; null if none does. */
export function periodFromRange(from: string, to: string): Period | null {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number]
  if (d !== 1 || to < from) return null
  const candidates = [
    periodIn('month', y, m),
    (m - 1) % 3 === 0 ? periodIn('quarter', y, (m - 1) / 3 + 1) : null,
    m === 1 ? periodIn('year', y, null) : null,
  ].filter((p): p is Period => p !== null)
  return candidates.find((p) => p.start === from && to <= p.end) ?? null
}

/** Period and as-of tokens in a file name: 2026, 2026-Q3, Q3-2026, 2026-08, 2026-10-05, 05-10-2026. */
export function factsFromFileName(name: string): TitleFacts {
  const base = name.replace(/\.[^.]+$/, '')
  let asOf: string | null = null
  let rest = base
  let m = /(?<!\d)(\d{4})[-_.](\d{2})[-_.](\d{2})(?!\d)/.exec(rest)
  if (m) {
    asOf = isIsoDate(`${m[1]}-${m[2]}-${m[3]}`) ? `${m[1]}-${m[2]}-${m[3]}` : null
    rest = rest.replace(m[0], ' ')
  } else {
    m = /(?<!\d)(\d{1,2})[-_.](\d{1,2})[-_.](\d{4})(?!\d)/.exec(rest)
    if (m) {
      asOf = dmy(m[1], m[2], m[3])
      rest = rest.replace(m[0], ' ')
    }
  }
  let period: Period | null = null
  m = /(\d{4})[-_ ]?q([1-4])(?![0-9])/i.exec(rest) ?? null
  if (m) period = periodIn('quarter', Number(m[1]), Number(m[2]))
  if (!period) {
    m = /(?<![0-9])q([1-4])[-_ ]?(\d{4})/i.exec(rest)
    if (m) period = periodIn('quarter', Number(m[2]), Number(m[1]))
  }
  if (!period) {
    m = /(?<!\d)(\d{4})[-_](\d{2})(?!\d)/.exec(rest)
    if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) period = periodIn('month', Number(m[1]), Number(m[2]))
  }
  if (!period) {
    m = /(?<!\d)(20\d{2})(?!\d)/.exec(rest)
    if (m) period = periodIn('year', Number(m[1]), null)
  }
  return { period, asOf }
}

/**
 * Title facts first, file-name tokens second (docs/inputs.md §A). Throws 'missing-period' with naming
 * advice when neither says which period the figures are for.
 */
export function resolvePeriod(titleText: string, fileName: string): { period: Period; asOf: string | null } {
  const fromTitle = factsFromText(titleText)
  const fromName = factsFromFileName(fileName)
  if (fromTitle.period && fromName.period && contradicts(fromName.period, fromTitle.period)) {
    // A file named …2026-Q4… whose title says "Quý 3/2026": one of them is wrong, and filing it
    // under either would put a reading where nobody looks for it (or replace the right one).
    throw new QdError(
      'bad-period',
      t('national.period-conflict', {
        fromName: fromName.period.id,
        fromTitle: fromTitle.period.id,
        title: periodLine(titleText),
      }),
      {
        expected: t('national.period-conflict-expected'),
        found: `${fromName.period.id} / ${fromTitle.period.id}`,
      },
    )
  }
  const period = fromTitle.period ?? fromName.period
  const asOf = fromTitle.asOf ?? fromName.asOf
  if (!period) {
    throw new QdError('missing-period', t('error.period.missing'), {
      expected: t('error.period.missing.expected'),
    })
  }
  if (asOf && asOf < period.start) {
    throw new QdError(
      'bad-period',
      t('error.period.before-start', { asOf, period: period.id, start: period.start }),
      {
        expected: t('error.period.before-start.expected', { start: period.start }),
        found: asOf,
      },
    )
  }
  return { period, asOf }
}

/**
 * Two readings of a file's period that cannot both be true: the same kind of period but another one
 * (2026-Q4 vs 2026-Q3), or periods that do not overlap (2025 vs 2026-Q3). A year in the name with a
 * quarter of that year in the title is not a contradiction: the name only says which year.
 */
function contradicts(a: Period, b: Period): boolean {
  return a.type === b.type ? a.id !== b.id : a.end < b.start || b.end < a.start
}

/** The title line that names the period, to quote back in a message. */
function periodLine(titleText: string): string {
  const lines = titleText.split('\n').map((l) => l.trim())
  const line = lines.find((l) => factsFromText(l).period) ?? lines.join(' ')
  return line.length > 120 ? `${line.slice(0, 117)}…` : line
}

/**
 * The province set a reading is ranked in: 63 before 01/07/2025, 34 from then on. The reference
 * date is the reading date, capped at the period's end (a late reading of Q2/2025 is still 63).
 */
export function cohortFor(period: Period, asOf: string | null): 63 | 34 {
  const ref = asOf && asOf < period.end ? asOf : period.end
  return ref < COHORT_34_FROM ? 63 : 34
}
