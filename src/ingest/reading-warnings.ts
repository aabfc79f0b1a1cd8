/**
 * Warnings about a reading that was accepted but looks wrong: dated after today (a typo in the
 * year makes it "the latest ranking" for years), or a national table that covers fewer provinces
 * than its list (rows cut off). They are findings: stored with the file, printed by ingest/refresh,
 * listed by `status`; `status` and the leadership report also check the reading they show
 * (readingWarnings below), since "after today" depends on the day they are read.
 */
import type { Store } from '../db/sqlite.ts'
import { isObj } from '../guards.ts'
import { fmtDate } from '../i18n/format.ts'
import { getLang, t } from '../i18n/index.ts'
import type { Finding } from '../pipeline/types.ts'
import { isCohort, type ProvinceRegistry } from '../reference/provinces.ts'
import { formatPeriodVi } from '../report/svg/format.ts'
import { localParts } from '../schedule/cron.ts'

/** Today's date (yyyy-mm-dd) in the office's timezone. */
export function todayIn(timezone: string, now: Date = new Date()): string {
  const p = localParts(now, timezone)
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`
}

export type ReadingKind = 'national' | 'capture' | 'units' | 'snapshot'

const WHAT = {
  national: 'withdraw.what-national',
  capture: 'withdraw.what-capture',
  units: 'withdraw.what-units',
  snapshot: 'withdraw.what-snapshot',
} as const

export function readingKindOf(pipelineKey: string): ReadingKind {
  if (pipelineKey === 'national-ranking') return 'national'
  if (pipelineKey.startsWith('portal')) return 'capture'
  return 'units'
}

const MISSING_LISTED = 5

/**
 * The warnings of one reading: `asOf` after `today`; for a national table (or a snapshot of one),
 * fewer provinces than its cohort (`present` = the province codes it has).
 */
export function readingWarnings(
  registry: ProvinceRegistry,
  r: {
    kind: ReadingKind
    period: string | null
    asOf: string | null
    cohort?: number | null
    present?: string[] | null
  },
  today: string,
): Finding[] {
  const out: Finding[] = []
  const period = r.period ? (getLang() === 'vi' ? formatPeriodVi(r.period) : r.period) : ''
  const what = t(WHAT[r.kind], { period })
  if (r.asOf && r.asOf.slice(0, 10) > today) {
    out.push({
      kind: 'future-reading',
      severity: 'warning',
      message: t('withdraw.warn-future', { what, date: fmtDate(r.asOf), today: fmtDate(today) }),
      detail: { asOf: r.asOf, today },
    })
  }
  if ((r.kind === 'national' || r.kind === 'snapshot') && isCohort(r.cohort) && r.present) {
    const have = new Set(r.present)
    const missing = registry.cohort(r.cohort).filter((p) => !have.has(p.code))
    if (missing.length > 0) {
      const names = missing.slice(0, MISSING_LISTED).map((p) => p.name)
      if (missing.length > MISSING_LISTED)
        names.push(t('withdraw.more', { n: missing.length - MISSING_LISTED }))
      out.push({
        kind: 'partial-coverage',
        severity: 'warning',
        message: t('withdraw.warn-coverage', {
          what,
          n: have.size,
          cohort: r.cohort,
          missing: names.join(', '),
        }),
        detail: { present: have.size, cohort: r.cohort, missing: missing.map((p) => p.code) },
      })
    }
  }
  return out
}

/** The warnings of the readings a file just loaded (inside its transaction). */
export function loadWarnings(
  store: Store,
  registry: ProvinceRegistry,
  load: { pipelineKey: string; period?: string | null; asOf?: string | null; readingIds?: number[] },
  today: string,
): Finding[] {
  const kind = readingKindOf(load.pipelineKey)
  if (kind !== 'national')
    return readingWarnings(registry, { kind, period: load.period ?? null, asOf: load.asOf ?? null }, today)
  const out: Finding[] = []
  for (const id of load.readingIds ?? []) {
    const reading = store.first(
      store.db.selectFrom('stg_readings').select(['period', 'as_of', 'cohort']).where('id', '=', id),
    )
    if (!reading) continue
    const present = store
      .all(store.db.selectFrom('stg_province_scores').select('province_code').where('reading_id', '=', id))
      .map((r) => r.province_code)
    out.push(
      ...readingWarnings(
        registry,
        { kind, period: reading.period, asOf: reading.as_of, cohort: reading.cohort, present },
        today,
      ).map((f) => ({ ...f, detail: { readingId: id, ...(isObj(f.detail) ? f.detail : {}) } })),
    )
  }
  return out
}
