/**
 * A province's units (agencies, districts, communes) from its own one-stop system exports
 * (`qd766 province <p> --units`, `qd766 units <p>`): each unit's indicator values, its estimated
 * points on the covered metrics and its rank among units of the same level, the points at stake
 * (how much the province's estimated score would rise if that unit alone reached the target: the
 * threshold of a threshold metric, 100% of a linear one), and the change since the previous period
 * of the same type; plus the province roll-up (counts summed over units, never rates averaged) with
 * an estimated score per metric beside the portal's group score when a national reading of the same
 * period exists.
 *
 * Which reading gives an indicator when several tables of the period do (online filing is in T2, T3
 * and T6): the family listed first in INDICATORS[].sources, then the latest reading date, then the
 * latest file. Every number here is an ESTIMATE (labelled so): the provincial tables approximate the
 * portal's inputs, and the CLGQ split is itself inferred.
 */
import { sql } from 'kysely'
import type { Store } from '../db/sqlite.ts'
import { NotFoundError } from '../errors.ts'
import { estimateScore, methodologyForEstimates, metricDef, pointsAtStake } from '../provincial/estimate.ts'
import { INDICATORS, type IndicatorCode } from '../provincial/indicators.ts'
import { rankCohort, type UnitLevel } from '../provincial/rows.ts'
import { provinceScope } from '../provincial/units.ts'
import type { Cohort, Province, ProvinceRegistry } from '../reference/provinces.ts'
import { fromHundredths, ratioPercent, toHundredths } from '../score/round.ts'
import { competitionRanks } from '../snapshot/rank.ts'
import { compareVietnamese } from '../text/normalize.ts'

export interface UnitIndicatorValue {
  numerator: number
  denominator: number
  /** Percent, 2 decimals; null when the denominator is 0. */
  value: number | null
  previousValue: number | null
  /** value − previousValue, percentage points. */
  change: number | null
  /** The unit's own estimated score on this metric (null for information-only indicators). */
  estimatedScore: number | null
  /** Province points at stake on this metric. */
  pointsAtStake: number | null
}

export interface UnitRow {
  unitId: number
  name: string
  eidCode: string | null
  level: UnitLevel
  /** The cohort the unit is ranked in (agencies incl. land registry / districts / communes). */
  rankCohort: string
  rank: number | null
  /** Sum of the unit's own estimated metric scores over the metrics it has data for. */
  estimatedScore: number | null
  /** Maximum of those metrics. */
  coveredMax: number
  /** estimatedScore / coveredMax, percent. */
  scorePercent: number | null
  /** Same, in the previous period, over the metrics both periods cover. */
  scoreChange: number | null
  /** Total points the province's estimate would gain if this unit alone reached every target. */
  pointsAtStake: number
  indicators: Partial<Record<IndicatorCode, UnitIndicatorValue>>
}

export interface ProvinceIndicator {
  code: IndicatorCode
  name: string
  /** Short label for tables. */
  short: string
  metric: string | null
  group: string | null
  approximate: boolean
  numerator: number
  denominator: number
  value: number | null
  previousValue: number | null
  change: number | null
  /** ESTIMATE of the province's metric score from the summed counts. */
  estimatedScore: number | null
  maxScore: number | null
  units: number
  source: { readingId: number; table: string; family: string; file: string; asOf: string | null }
  note: string
}

export interface UnitsReport {
  estimate: true
  province: { code: string; name: string; cohort: number; scope: string }
  period: string
  periodType: string
  periodStart: string
  periodEnd: string
  asOf: string | null
  previousPeriod: string | null
  methodology: string
  methodologyNote: string | null
  readings: Array<{
    id: number
    table: string
    family: string
    file: string
    sheet: string
    asOf: string | null
    units: number
  }>
  indicators: ProvinceIndicator[]
  groups: Array<{
    code: string
    name: string
    /** Sum of the estimated metric scores this group's covered metrics give. */
    estimatedScore: number
    coveredMax: number
    groupMax: number
    metrics: string[]
    /** The portal's group score for the same period from a national reading, if any. */
    portalScore: number | null
    portalSource: string | null
  }>
  units: UnitRow[]
  findings: Array<{
    kind: string
    severity: string
    message: string
    file: string
    row: number | null
  }>
}

interface ReadingRow {
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

interface FactRow {
  unit_id: number
  indicator: string
  metric: string | null
  numerator: number
  denominator: number
  value: number | null
}

const round2 = (x: number) => fromHundredths(toHundredths(x))

function readingsOf(store: Store, scopes: string[], period?: string): ReadingRow[] {
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
  if (period) q = q.where('r.period', '=', period)
  return store.all(
    q.orderBy(sql`COALESCE(r.as_of, r.period_end)`, 'desc').orderBy('r.id', 'desc'),
  ) as ReadingRow[]
}

/** Per indicator, the reading that gives it (preferred family, latest reading date, latest file). */
function chooseReadings(store: Store, readings: ReadingRow[]): Map<IndicatorCode, ReadingRow> {
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
    out.set(info.code, candidates[0]!)
  }
  return out
}

function factsOf(store: Store, readingId: number, indicator: string): FactRow[] {
  return store.all(
    store.db
      .selectFrom('stg_unit_facts')
      .select(['unit_id', 'indicator', 'metric', 'numerator', 'denominator', 'value'])
      .where('reading_id', '=', readingId)
      .where('indicator', '=', indicator),
  )
}

/** The provinces a name or code can mean, in either list, with their unit scopes. */
function candidateScopes(
  registry: ProvinceRegistry,
  arg: string,
): Array<{ province: Province; scope: string }> {
  const out: Array<{ province: Province; scope: string }> = []
  for (const cohort of [34, 63] as Cohort[]) {
    const p = registry.resolve(cohort, arg)
    if (p) out.push({ province: p, scope: provinceScope(registry, p) })
  }
  return out
}

export function getUnitsReport(
  store: Store,
  registry: ProvinceRegistry,
  arg: string,
  opts: { period?: string; level?: string } = {},
): UnitsReport {
  const candidates = candidateScopes(registry, arg)
  if (candidates.length === 0) {
    throw new NotFoundError(
      `unknown province "${arg}": give its name ("Thanh Hóa", "UBND tỉnh Thanh Hóa") or its 2-digit code ("38")`,
    )
  }
  const scopes = [...new Set(candidates.map((c) => c.scope))]
  const all = readingsOf(store, scopes, opts.period)
  if (all.length === 0) {
    throw new NotFoundError(
      `no provincial one-stop tables for ${candidates[0]!.province.name}${opts.period ? ` in ${opts.period}` : ''}: ` +
        'drop the exports of the province’s one-stop system (digitisation, online services, payment, progress) into the inbox and run `qd766 refresh`.',
    )
  }
  const latest = all[0]!
  const readings = all.filter((r) => r.scope === latest.scope && r.period === latest.period)
  const province = registry.byCode(latest.cohort as Cohort, latest.province_code) ?? candidates[0]!.province
  const chosen = chooseReadings(store, readings)

  /**
   * The previous value of an indicator: the latest earlier period of the same type, in the same
   * scope, from the same table family (a T2 online rate and a T6 one are not comparable).
   */
  const previousReading = (code: IndicatorCode, family: string): ReadingRow | undefined => {
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
  const previousPeriods = new Set<string>()

  const { methodology, note: methodologyNote } = methodologyForEstimates(latest.as_of ?? latest.period_end)

  // ---- per indicator: facts now and before, province roll-up
  const unitValues = new Map<number, Partial<Record<IndicatorCode, UnitIndicatorValue>>>()
  const previousScores = new Map<number, Map<IndicatorCode, number | null>>()
  const indicators: ProvinceIndicator[] = []
  for (const info of INDICATORS) {
    const reading = chosen.get(info.code)
    if (!reading) continue
    const def = metricDef(methodology, info.metric)
    const facts = factsOf(store, reading.id, info.code)
    const N = facts.reduce((s, f) => s + f.numerator, 0)
    const D = facts.reduce((s, f) => s + f.denominator, 0)
    const prevReading = previousReading(info.code, reading.family)
    if (prevReading) previousPeriods.add(prevReading.period)
    const prevFacts = prevReading ? factsOf(store, prevReading.id, info.code) : []
    const prevByUnit = new Map(prevFacts.map((f) => [f.unit_id, f]))
    const prevN = prevFacts.reduce((s, f) => s + f.numerator, 0)
    const prevD = prevFacts.reduce((s, f) => s + f.denominator, 0)
    const value = ratioPercent(N, D)
    const previousValue = prevReading ? ratioPercent(prevN, prevD) : null
    indicators.push({
      code: info.code,
      name: info.name,
      short: info.short,
      metric: info.metric,
      group: info.group,
      approximate: info.approximate,
      numerator: N,
      denominator: D,
      value,
      previousValue,
      change: value !== null && previousValue !== null ? round2(value - previousValue) : null,
      estimatedScore: def ? estimateScore(def, N, D) : null,
      maxScore: def?.max ?? null,
      units: facts.length,
      source: {
        readingId: reading.id,
        table: reading.table_code,
        family: reading.family,
        file: reading.file_name,
        asOf: reading.as_of,
      },
      note: info.note,
    })
    for (const f of facts) {
      const prev = prevByUnit.get(f.unit_id)
      const prevValue = prev ? ratioPercent(prev.numerator, prev.denominator) : null
      const v: UnitIndicatorValue = {
        numerator: f.numerator,
        denominator: f.denominator,
        value: f.value,
        previousValue: prevValue,
        change: f.value !== null && prevValue !== null ? round2(f.value - prevValue) : null,
        estimatedScore: def ? estimateScore(def, f.numerator, f.denominator) : null,
        pointsAtStake: def
          ? round2(pointsAtStake(def, { n: N, d: D }, { n: f.numerator, d: f.denominator }))
          : null,
      }
      const m = unitValues.get(f.unit_id) ?? {}
      m[info.code] = v
      unitValues.set(f.unit_id, m)
      if (def && prev) {
        const ps = previousScores.get(f.unit_id) ?? new Map<IndicatorCode, number | null>()
        ps.set(info.code, estimateScore(def, prev.numerator, prev.denominator))
        previousScores.set(f.unit_id, ps)
      }
    }
  }

  // ---- units
  const unitIds = [...unitValues.keys()]
  const meta = unitIds.length
    ? store.all(
        store.db
          .selectFrom('stg_units as u')
          .select(['u.id', 'u.name', 'u.level'])
          .select((eb) =>
            eb
              .selectFrom('stg_unit_aliases as a')
              .select('a.value')
              .whereRef('a.unit_id', '=', 'u.id')
              .where('a.kind', '=', 'code')
              .limit(1)
              .as('eid_code'),
          )
          .where('u.id', 'in', unitIds),
      )
    : []
  // The name and level as the chosen readings write them (the latest spelling wins).
  const chosenIds = [...new Set([...chosen.values()].map((r) => r.id))]
  const written = chosenIds.length
    ? store.all(
        store.db
          .selectFrom('stg_unit_rows')
          .select(['unit_id', 'name_as_written', 'level', 'reading_id'])
          .where('reading_id', 'in', chosenIds)
          .orderBy('reading_id', 'desc'),
      )
    : []
  const units: UnitRow[] = meta.map((u) => {
    const w = written.find((x) => x.unit_id === u.id)
    const values = unitValues.get(u.id) ?? {}
    let scoreH = 0
    let maxH = 0
    let any = false
    let stake = 0
    let prevH = 0
    let nowBothH = 0
    let both = false
    for (const [code, v] of Object.entries(values) as Array<[IndicatorCode, UnitIndicatorValue]>) {
      stake += v.pointsAtStake ?? 0
      const def = metricDef(methodology, INDICATORS.find((i) => i.code === code)!.metric)
      if (!def || v.estimatedScore === null) continue
      any = true
      scoreH += toHundredths(v.estimatedScore)
      maxH += toHundredths(def.max)
      const prev = previousScores.get(u.id)?.get(code)
      if (prev !== undefined && prev !== null) {
        both = true
        prevH += toHundredths(prev)
        nowBothH += toHundredths(v.estimatedScore)
      }
    }
    const level = (w?.level ?? u.level) as UnitLevel
    return {
      unitId: u.id,
      name: w?.name_as_written ?? u.name,
      eidCode: u.eid_code ?? null,
      level,
      rankCohort: rankCohort(level),
      rank: null,
      estimatedScore: any ? fromHundredths(scoreH) : null,
      coveredMax: fromHundredths(maxH),
      scorePercent: any && maxH > 0 ? round2((100 * scoreH) / maxH) : null,
      scoreChange: both ? fromHundredths(nowBothH - prevH) : null,
      pointsAtStake: round2(stake),
      indicators: values,
    }
  })
  // Rank inside each cohort by the share of the covered maximum (units cover different metrics).
  for (const cohort of new Set(units.map((u) => u.rankCohort))) {
    const members = units.filter((u) => u.rankCohort === cohort)
    const ranks = competitionRanks(members.map((u) => u.scorePercent))
    members.forEach((u, i) => {
      u.rank = ranks[i] ?? null
    })
  }
  units.sort((a, b) => b.pointsAtStake - a.pointsAtStake || compareVietnamese(a.name, b.name))
  const filtered = opts.level
    ? units.filter((u) => u.level === opts.level || u.rankCohort === opts.level)
    : units

  // ---- groups, with the portal's group score of the same period when a national reading has it
  const portal = store.first(
    store.db
      .selectFrom('stg_province_scores as s')
      .innerJoin('stg_readings as r', 'r.id', 's.reading_id')
      .select(['s.ckmb', 's.tdgq', 's.clgq', 's.tttt', 's.mdhl', 's.mdsh', 'r.as_of', 'r.source_label'])
      .where('s.province_code', '=', province.code)
      .where('r.cohort', '=', latest.cohort)
      .where('r.period', '=', latest.period)
      .orderBy(sql`COALESCE(r.as_of, r.period_end)`, 'desc')
      .orderBy('r.id', 'desc')
      .limit(1),
  )
  const groups: UnitsReport['groups'] = []
  for (const g of methodology.groups) {
    const covered = indicators.filter(
      (i) => i.group === g.code && i.estimatedScore !== null && i.maxScore !== null,
    )
    if (covered.length === 0) continue
    const portalScore = portal
      ? ((portal as Record<string, unknown>)[g.code.toLowerCase()] as number | null)
      : null
    groups.push({
      code: g.code,
      name: g.name,
      estimatedScore: fromHundredths(covered.reduce((s, i) => s + toHundredths(i.estimatedScore!), 0)),
      coveredMax: fromHundredths(covered.reduce((s, i) => s + toHundredths(i.maxScore!), 0)),
      groupMax: g.max,
      metrics: covered.map((i) => i.metric!),
      portalScore: portalScore ?? null,
      portalSource:
        portal && portalScore !== null && portalScore !== undefined
          ? `${portal.source_label}${portal.as_of ? ` ${portal.as_of}` : ''}`
          : null,
    })
  }

  // ---- findings of the readings of this period
  const ids = readings.map((r) => r.id)
  const findings = store
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

  return {
    estimate: true,
    province: { code: province.code, name: province.name, cohort: latest.cohort, scope: latest.scope },
    period: latest.period,
    periodType: latest.period_type,
    periodStart: latest.period_start,
    periodEnd: latest.period_end,
    asOf: readings.reduce<string | null>((m, r) => (r.as_of && (!m || r.as_of > m) ? r.as_of : m), null),
    previousPeriod: [...previousPeriods].sort().pop() ?? null,
    methodology: methodology.id,
    methodologyNote,
    readings: readings.map((r) => ({
      id: r.id,
      table: r.table_code,
      family: r.family,
      file: r.file_name,
      sheet: r.sheet,
      asOf: r.as_of,
      units: r.units,
    })),
    indicators,
    groups,
    units: filtered,
    findings,
  }
}
