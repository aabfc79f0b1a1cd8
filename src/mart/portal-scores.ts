/**
 * The scoring step of `refresh` for portal captures (issue 3): runs after the ingest and before the
 * snapshots. Pure engine (src/score) in, database rows out.
 *
 * A reading is a period and a reading date (the capture's as-of date). For each one:
 * - per province, the latest capture of each group endpoint of that date, plus the latest national
 *   summary (service-results) of that date for the groups no capture gives, are scored with the
 *   methodology in force on the reading date -> one score set (mart_portal_scores) with every metric
 *   and group, reported beside computed, points lost and the methodology version; every
 *   |reported − computed| > 0.01 becomes a `score-mismatch` finding;
 * - if at least one province then has all six groups (a total), the provinces' score sets form a
 *   national reading (stg_readings kind 'portal-metrics' + stg_province_scores) that snapshotPending
 *   ranks like a national table; provinces with some groups only are in it as incomplete (no total,
 *   no rank), the rest of the cohort as missing.
 *
 * Captures of different dates are never mixed: a total that the portal never showed is not invented.
 * Idempotent: a score set is keyed by the captures it was computed from, a reading by its score sets,
 * so re-running changes nothing, and a new capture of the same date (the portal revises open periods)
 * makes a new score set and a new reading beside the old ones. Everything is insert-only.
 */

import { recordBy } from '../collections.ts'
import type { Store } from '../db/sqlite.ts'
import { errorMessage } from '../errors.ts'
import { type MessageKey, t } from '../i18n/index.ts'
import { type Logger, silentLogger } from '../log.ts'
import { GROUPS, type GroupCode } from '../reference/groups.ts'
import type { ProvinceRegistry } from '../reference/provinces.ts'
import { computeUnit, type UnitResult } from '../score/compute.ts'
import { type Methodology, methodologyFor } from '../score/methodology.ts'
import { CAPTURE_COLUMNS, type CaptureRow, captureOrder, provinceInput } from './portal-inputs.ts'

export interface MaterialiseOptions {
  runId: number | null
  log?: Logger
  /** Methodology versions to use (tests); default: the shipped ones. */
  methodologies?: readonly Methodology[]
}

export interface MaterialiseResult {
  /** New score sets (mart_portal_scores ids). */
  scoreSets: number[]
  /** New national readings (stg_readings ids), snapshotted next. */
  readings: number[]
  /** Findings written. */
  findings: number
  /**
   * What the current (not withdrawn) captures give for every reading date: its score sets and its
   * reading. src/withdraw/reconcile.ts keeps re-derived rows counting only while they are current.
   */
  current: { scoreSets: Set<number>; readings: Set<number> }
}

const SOURCES = ['portal-metrics', 'portal-service-results', 'portal-metrics+service-results'] as const
type Source = (typeof SOURCES)[number]

/** A score set's source as this module wrote it into mart_portal_scores; anything else is a bug. */
function storedSource(source: string): Source {
  const known = SOURCES.find((x) => x === source)
  if (known === undefined)
    throw new Error(
      `internal: score set source ${JSON.stringify(source)} is not one of ${SOURCES.join(', ')}`,
    )
  return known
}

const SOURCE_TEXT: Record<Source, MessageKey> = {
  'portal-metrics': 'mart.source.portal-metrics',
  'portal-service-results': 'mart.source.portal-service-results',
  'portal-metrics+service-results': 'mart.source.portal-metrics+service-results',
}

export function materialisePortalScores(
  store: Store,
  registry: ProvinceRegistry,
  opts: MaterialiseOptions,
): MaterialiseResult {
  const log = opts.log ?? silentLogger
  const out: MaterialiseResult = {
    scoreSets: [],
    readings: [],
    findings: 0,
    current: { scoreSets: new Set(), readings: new Set() },
  }
  // Captures of withdrawn files do not count (they stay stored, for the audit trail).
  const captures = store.all(
    store.db
      .selectFrom('stg_portal_captures as c')
      .innerJoin('source_files as f', 'f.id', 'c.source_file_id')
      .select(CAPTURE_COLUMNS.map((k) => `c.${k}` as const))
      .where('f.withdrawn_at', 'is', null)
      .orderBy('c.id'),
  )
  const without = withdrawnByReadingDate(store)
  const byReading = new Map<string, CaptureRow[]>()
  for (const c of captures) {
    const key = readingDateKey(c)
    const list = byReading.get(key) ?? []
    list.push(c)
    byReading.set(key, list)
  }
  for (const [key, list] of byReading) {
    try {
      materialiseReading(store, registry, list, { ...opts, derivedWithout: without.get(key) ?? null }, out)
    } catch (err) {
      // One reading that cannot be scored (e.g. no methodology for its date) must not stop the others
      // or the snapshots; it is retried on the next refresh.
      log.warn(
        { period: list[0]?.period, asOf: list[0]?.as_of, err: errorMessage(err) },
        t('log.mart.unscored'),
      )
    }
  }
  return out
}

const readingDateKey = (c: { period: string; as_of: string | null }) => `${c.period}|${c.as_of ?? ''}`

/** Per reading date, the withdrawn files that hold captures of it ("3,17"); none: not in the map. */
function withdrawnByReadingDate(store: Store): Map<string, string> {
  const rows = store.all(
    store.db
      .selectFrom('stg_portal_captures as c')
      .innerJoin('source_files as f', 'f.id', 'c.source_file_id')
      .select(['c.period', 'c.as_of', 'c.source_file_id'])
      .where('f.withdrawn_at', 'is not', null),
  )
  const ids = new Map<string, Set<number>>()
  for (const r of rows) {
    const set = ids.get(readingDateKey(r)) ?? new Set<number>()
    set.add(r.source_file_id)
    ids.set(readingDateKey(r), set)
  }
  return new Map([...ids].map(([k, v]) => [k, [...v].sort((a, b) => a - b).join(',')]))
}

type ReadingOptions = MaterialiseOptions & { derivedWithout: string | null }

function materialiseReading(
  store: Store,
  registry: ProvinceRegistry,
  caps: CaptureRow[],
  opts: ReadingOptions,
  out: MaterialiseResult,
): void {
  const [first] = caps
  if (!first) throw new Error('internal: a portal reading with no captures')
  const summary = caps.filter((c) => c.form === 'summary').sort(captureOrder)[0] ?? null
  const latest = new Map<string, Map<string, CaptureRow>>()
  for (const c of [...caps].sort(captureOrder)) {
    if (c.form === 'summary' || !c.province_code) continue
    const m = latest.get(c.province_code) ?? new Map<string, CaptureRow>()
    if (!m.has(c.endpoint)) m.set(c.endpoint, c)
    latest.set(c.province_code, m)
  }
  const inSummary = new Set<string>(
    summary
      ? store
          .all(
            store.db
              .selectFrom('stg_portal_units')
              .select('province_code')
              .where('capture_id', '=', summary.id)
              .where('province_code', 'is not', null),
          )
          .flatMap((r) => (r.province_code === null ? [] : [r.province_code]))
      : [],
  )
  const provinces = [...new Set([...latest.keys(), ...inSummary])].sort()
  const methodology = methodologyFor(first.as_of ?? first.period_end, opts.methodologies)
  const members: Array<{ province: string; scoreId: number }> = []
  for (const code of provinces) {
    const groupCaps = [...(latest.get(code)?.values() ?? [])].sort((a, b) => a.id - b.id)
    const sr = summary && inSummary.has(code) ? summary : null
    const captureKey = [...groupCaps.map((c) => c.id), ...(sr ? [sr.id] : [])].sort((a, b) => a - b).join(',')
    const existing = store.first(
      store.db
        .selectFrom('mart_portal_scores')
        .select('id')
        .where('province_code', '=', code)
        .where('period', '=', first.period)
        .where('capture_key', '=', captureKey),
    )
    if (existing) {
      out.current.scoreSets.add(existing.id)
      members.push({ province: code, scoreId: existing.id })
      continue
    }
    const scoreId = store.tx(() =>
      insertScoreSet(store, registry, { code, groupCaps, sr, captureKey, methodology, first, opts, out }),
    )
    out.scoreSets.push(scoreId)
    out.current.scoreSets.add(scoreId)
    members.push({ province: code, scoreId })
  }
  if (members.length === 0) return
  const scoreKey = `${first.period}|${first.as_of ?? ''}|${members
    .map((m) => m.scoreId)
    .sort((a, b) => a - b)
    .join(',')}`
  const reading = store.tx(() =>
    insertReading(store, first, members, scoreKey, methodology, opts.derivedWithout),
  )
  if (reading === null) return
  out.current.readings.add(reading.id)
  if (reading.created) out.readings.push(reading.id)
}

function insertScoreSet(
  store: Store,
  registry: ProvinceRegistry,
  a: {
    code: string
    groupCaps: CaptureRow[]
    sr: CaptureRow | null
    captureKey: string
    methodology: Methodology
    first: CaptureRow
    opts: ReadingOptions
    out: MaterialiseResult
  },
): number {
  const { db } = store
  const { code, groupCaps, sr, methodology: m, first } = a
  const pi = provinceInput(store, code, groupCaps, sr)
  const r = computeUnit(m, pi.input)
  const province = registry.byCode(34, code)
  const name = province?.name ?? pi.name ?? code
  const source: Source =
    groupCaps.length === 0
      ? 'portal-service-results'
      : sr
        ? 'portal-metrics+service-results'
        : 'portal-metrics'
  const all = [...groupCaps, ...(sr ? [sr] : [])]
  const fileOf = new Map(all.map((c) => [c.id, c.source_file_id]))
  const latestFile = Math.max(...all.map((c) => c.source_file_id))
  const groupsKnown = r.groups.filter((g) => g.score !== null).length
  const findings = findingsOf(r, pi, name, code, first)
  const now = new Date().toISOString()
  const scoreId = store.run(
    db.insertInto('mart_portal_scores').values({
      province_code: code,
      cohort: 34,
      department_id: pi.departmentId,
      name,
      period: first.period,
      period_type: first.period_type,
      period_start: first.period_start,
      period_end: first.period_end,
      as_of: first.as_of,
      capture_key: a.captureKey,
      source,
      methodology: r.methodologyVersion,
      total: r.total,
      computed_total: r.computedTotal,
      reported_total: r.reportedTotal,
      max_total: r.maxTotal,
      points_lost: r.pointsLost,
      groups_known: groupsKnown,
      complete: r.total !== null ? 1 : 0,
      findings: findings.length,
      latest_source_file_id: latestFile,
      created_at: now,
      run_id: a.opts.runId,
      derived_without: a.opts.derivedWithout,
    }),
  ).lastInsertRowid
  for (const g of r.groups) {
    const src = pi.sources[g.code]
    store.insert('mart_group_scores', {
      score_id: scoreId,
      group_code: g.code,
      name: g.name,
      reported_score: g.reportedScore,
      computed_score: g.computedScore,
      score: g.score,
      score_source: g.scoreSource,
      max_score: g.maxScore,
      points_lost: g.pointsLost,
      estimate: g.estimate ? 1 : 0,
      methodology: g.methodologyVersion,
      capture_id: src?.captureId ?? null,
      source: src?.source ?? null,
    })
  }
  r.metrics.forEach((x, ord) => {
    const src = pi.sources[x.group]
    // Metrics exist only for groups captured with their detail (a summary gives a group score only).
    if (src?.source !== 'capture') return
    store.insert('mart_metric_scores', {
      score_id: scoreId,
      group_code: x.group,
      metric_code: x.code,
      ord,
      name: x.name,
      numerator: x.numerator,
      denominator: x.denominator,
      ratio: x.ratio,
      reported_ratio: x.reportedRatio,
      reported_score: x.reportedScore,
      computed_score: x.computedScore,
      score: x.score,
      max_score: x.maxScore,
      points_lost: x.pointsLost,
      status: x.status,
      estimate: x.estimate ? 1 : 0,
      component: x.component ? 1 : 0,
      rule: x.rule.type,
      threshold: x.rule.type === 'threshold' ? x.rule.t : x.rule.type === 'linear' ? 1 : null,
      zero_denominator: x.zeroDenominator,
      data_quality_status: x.dataQualityStatus,
      data_quality_message: x.dataQualityMessage,
      note: x.note,
      methodology: x.methodologyVersion,
      capture_id: src?.source === 'capture' ? src.captureId : null,
    })
  })
  for (const f of findings) {
    const src = f.group ? pi.sources[f.group] : undefined
    store.run(
      db.insertInto('findings').values({
        run_id: a.opts.runId,
        source_file_id: (src && fileOf.get(src.captureId)) ?? latestFile,
        reading_id: null,
        snapshot_id: null,
        kind: f.kind,
        severity: f.severity,
        province_code: code,
        sheet: null,
        row_number: null,
        message: f.message,
        detail: JSON.stringify({ scoreId, ...f.detail }),
        at: now,
      }),
    )
  }
  a.out.findings += findings.length
  return scoreId
}

interface ScoreFinding {
  kind: 'score-mismatch' | 'capture-conflict' | 'unknown-metric'
  severity: 'info' | 'warning'
  group: GroupCode | null
  message: string
  detail: Record<string, unknown>
}

function findingsOf(
  r: UnitResult,
  pi: ReturnType<typeof provinceInput>,
  name: string,
  code: string,
  first: CaptureRow,
): ScoreFinding[] {
  const where = t('score.mart.where', { name, code, period: first.period, asOf: first.as_of ?? '' })
  const out: ScoreFinding[] = []
  for (const f of r.findings) {
    const estimate =
      f.level === 'group'
        ? (r.groups.find((g) => g.code === f.code)?.estimate ?? false)
        : f.level === 'total'
          ? false
          : (r.metrics.find((x) => x.code === f.code)?.estimate ?? false)
    out.push({
      kind: 'score-mismatch',
      severity: estimate ? 'info' : 'warning',
      group: f.group,
      message: `${where}: ${f.note}${f.diff !== null ? t('score.mart.diff', { diff: String(f.diff) }) : ''}`,
      detail: { ...f, estimate, methodology: r.methodologyVersion },
    })
  }
  for (const c of pi.conflicts) {
    out.push({
      kind: 'capture-conflict',
      severity: 'warning',
      group: c.group,
      message: t('score.mart.conflict', {
        where,
        group: c.group,
        capture: String(c.capture),
        summary: String(c.summary),
      }),
      detail: c,
    })
  }
  for (const u of r.unknownMetrics) {
    out.push({
      kind: 'unknown-metric',
      severity: 'info',
      group: u.group,
      message: t('score.mart.unknown-metric', {
        where,
        code: u.input.code,
        group: u.group,
        methodology: r.methodologyVersion,
      }),
      detail: { group: u.group, code: u.input.code, methodology: r.methodologyVersion },
    })
  }
  return out
}

function insertReading(
  store: Store,
  first: CaptureRow,
  members: Array<{ province: string; scoreId: number }>,
  scoreKey: string,
  methodology: Methodology,
  derivedWithout: string | null,
): { id: number; created: boolean } | null {
  const { db } = store
  const existing = store.first(
    db.selectFrom('mart_portal_readings').select('reading_id').where('score_key', '=', scoreKey),
  )
  if (existing) return { id: existing.reading_id, created: false }
  const sets = store.all(
    db
      .selectFrom('mart_portal_scores')
      .selectAll()
      .where(
        'id',
        'in',
        members.map((m) => m.scoreId),
      )
      .orderBy('province_code'),
  )
  const complete = sets.filter((s) => s.complete === 1).length
  // A reading without a single total would only hide the real rankings of its period.
  if (complete === 0) return null
  const groups = store.all(
    db
      .selectFrom('mart_group_scores')
      .select(['score_id', 'group_code', 'score'])
      .where(
        'score_id',
        'in',
        sets.map((s) => s.id),
      ),
  )
  const [onlySource, ...otherSources] = new Set(sets.map((s) => s.source))
  const source: Source =
    onlySource !== undefined && otherSources.length === 0
      ? storedSource(onlySource)
      : 'portal-metrics+service-results'
  const detailed = sets.filter((s) => s.source !== 'portal-service-results').length
  const readingId = store.run(
    db.insertInto('stg_readings').values({
      source_file_id: Math.max(...sets.map((s) => s.latest_source_file_id)),
      kind: 'portal-metrics',
      period: first.period,
      period_type: first.period_type,
      period_start: first.period_start,
      period_end: first.period_end,
      as_of: first.as_of,
      cohort: 34,
      form: 'six',
      title: t('mart.snapshot-title', {
        source: t(SOURCE_TEXT[source]),
        period: first.period,
        asOf: first.as_of ?? '',
        sets: sets.length,
        detailed,
        complete,
      }),
      source_label: source,
      methodology: methodology.id,
    }),
  ).lastInsertRowid
  for (const s of sets) {
    const g = (code: GroupCode) =>
      groups.find((x) => x.score_id === s.id && x.group_code === code)?.score ?? null
    store.insert('stg_province_scores', {
      reading_id: readingId,
      province_code: s.province_code,
      name_as_written: s.name,
      sheet: null,
      row_number: null,
      ...recordBy(
        GROUPS,
        (x) => x.column,
        (x) => g(x.code),
      ),
      online22: null,
      // The portal's own total when it gave one for a complete province; else the sum of groups.
      total_reported: s.complete === 1 ? s.reported_total : null,
      total_computed: s.total,
      reported_rank: null,
    })
    store.run(
      db
        .insertInto('mart_portal_reading_scores')
        .values({ reading_id: readingId, province_code: s.province_code, score_id: s.id }),
    )
  }
  store.run(
    db.insertInto('mart_portal_readings').values({
      reading_id: readingId,
      period: first.period,
      as_of: first.as_of,
      score_key: scoreKey,
      provinces: sets.length,
      complete,
      created_at: new Date().toISOString(),
      derived_without: derivedWithout,
    }),
  )
  return { id: readingId, created: true }
}
