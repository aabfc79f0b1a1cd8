/**
 * The database side of the units report: the province's unit readings (stg_unit_readings), which
 * reading gives each indicator, the unit facts of a reading, the previous period's reading of an
 * indicator, and the findings of the readings shown.
 */
import { sql } from 'kysely'
import type { Store } from '../db/sqlite.ts'
import { INDICATORS, type IndicatorCode } from '../provincial/indicators.ts'
import { provinceScope } from '../provincial/units.ts'
import type { Province, ProvinceRegistry } from '../reference/provinces.ts'
import type { UnitsReport } from './units-types.ts'

export interface ReadingRow {
  id: number
  family: string
  table_code: string
  period: string
  period_type: string
  period_start: string
  period_end: string
  as_of: string | null
  cohort: number
  province_code: string
  scope: string
  file_name: string
  sheet: string
  units: number
}

export interface FactRow {
  unit_id: number
  indicator: string
  metric: string | null
  numerator: number
  denominator: number
  value: number | null
}

export function readingsOf(store: Store, scopes: string[], period?: string): ReadingRow[] {
  let q = store.db
    .selectFrom('stg_unit_readings as r')
    .innerJoin('source_files as f', 'f.id', 'r.source_file_id')
    .select([
      'r.id',
      'r.family',
      'r.table_code',
      'r.period',
      'r.period_type',
      'r.period_start',
      'r.period_end',
      'r.as_of',
      'r.cohort',
      'r.province_code',
      'r.scope',
      'r.sheet',
      'r.units',
      'f.file_name',
    ])
    .where('r.scope', 'in', scopes)
    // A withdrawn export does not count (its rows stay stored for the audit trail).
    .where('f.withdrawn_at', 'is', null)
  if (period) q = q.where('r.period', '=', period)
  return store.all(q.orderBy(sql`COALESCE(r.as_of, r.period_end)`, 'desc').orderBy('r.id', 'desc'))
}

/** Per indicator, the reading that gives it (preferred family, latest reading date, latest file). */
export function chooseReadings(store: Store, readings: ReadingRow[]): Map<IndicatorCode, ReadingRow> {
  const out = new Map<IndicatorCode, ReadingRow>()
  if (readings.length === 0) return out
  const have = store.all(
    store.db
      .selectFrom('stg_unit_facts')
      .select(['reading_id', 'indicator'])
      .where(
        'reading_id',
        'in',
        readings.map((r) => r.id),
      )
      .groupBy(['reading_id', 'indicator']),
  )
  const byIndicator = new Map<string, Set<number>>()
  for (const h of have) {
    const s = byIndicator.get(h.indicator) ?? new Set<number>()
    s.add(h.reading_id)
    byIndicator.set(h.indicator, s)
  }
  for (const info of INDICATORS) {
    const ids = byIndicator.get(info.code)
    if (!ids) continue
    const candidates = readings.filter((r) => ids.has(r.id))
    candidates.sort((a, b) => {
      const fa = info.sources.indexOf(a.family)
      const fb = info.sources.indexOf(b.family)
      if (fa !== fb) return (fa < 0 ? 99 : fa) - (fb < 0 ? 99 : fb)
      return 0 // readings are already newest first
    })
    const [best] = candidates
    if (best) out.set(info.code, best)
  }
  return out
}

export function factsOf(store: Store, readingId: number, indicator: string): FactRow[] {
  return store.all(
    store.db
      .selectFrom('stg_unit_facts')
      .select(['unit_id', 'indicator', 'metric', 'numerator', 'denominator', 'value'])
      .where('reading_id', '=', readingId)
      .where('indicator', '=', indicator),
  )
}

/** The provinces a name or code can mean, in either list, with their unit scopes. */
export function candidateScopes(
  registry: ProvinceRegistry,
  arg: string,
): Array<{ province: Province; scope: string }> {
  const out: Array<{ province: Province; scope: string }> = []
  for (const cohort of [34, 63] as const) {
    const p = registry.resolve(cohort, arg)
    if (p) out.push({ province: p, scope: provinceScope(registry, p) })
  }
  return out
}

/**
 * The previous value of an indicator: the latest earlier period of the same type, in the same
 * scope, from the same table family (a T2 online rate and a T6 one are not comparable).
 */
export function previousReading(
  store: Store,
  latest: ReadingRow,
  code: IndicatorCode,
  family: string,
): ReadingRow | undefined {
  const row = store.first(
    store.db
      .selectFrom('stg_unit_readings as r')
      .select(['r.period'])
      .where('r.scope', '=', latest.scope)
      .where('r.period_type', '=', latest.period_type)
      .where('r.period_start', '<', latest.period_start)
      .where('r.family', '=', family)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('source_files as sf')
            .select('sf.id')
            .whereRef('sf.id', '=', 'r.source_file_id')
            .where('sf.withdrawn_at', 'is', null),
        ),
      )
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('stg_unit_facts as f')
            .select('f.reading_id')
            .whereRef('f.reading_id', '=', 'r.id')
            .where('f.indicator', '=', code),
        ),
      )
      .orderBy('r.period_start', 'desc')
      .limit(1),
  )
  if (!row) return undefined
  const prev = readingsOf(store, [latest.scope], row.period).filter((r) => r.family === family)
  return chooseReadings(store, prev).get(code)
}

/** Findings recorded for the unit readings shown (by the unitReadingId in their detail). */
export function findingsOfReadings(store: Store, ids: number[]): UnitsReport['findings'] {
  return store
    .all(
      store.db
        .selectFrom('findings as f')
        .innerJoin('source_files as s', 's.id', 'f.source_file_id')
        .select(['f.kind', 'f.severity', 'f.message', 'f.row_number', 's.file_name', 'f.detail'])
        .where(sql<number>`json_extract(f.detail, '$.unitReadingId')`, 'in', ids)
        .orderBy('f.id'),
    )
    .map((f) => ({
      kind: f.kind,
      severity: f.severity,
      message: f.message,
      file: f.file_name,
      row: f.row_number,
    }))
}
