/**
 * Metric-level detail of one province from its portal captures (`qd766 province`): every metric and
 * group with the reported score beside the computed one, points lost sorted by the points at stake,
 * the province's rank on each metric among the provinces captured the same day, the score-mismatch
 * findings, and what-ifs ("3.3 = 55%": the new total and the rank it would have had in the snapshot).
 *
 * Reads the score sets written by src/mart/portal-scores.ts; a what-if rebuilds the same inputs from
 * the staged captures and runs the engine again (src/score/compute.ts `whatIf`).
 */
import { sql } from 'kysely'
import { onlyOne } from '../collections.ts'
import type { Store } from '../db/sqlite.ts'
import { fmtDate } from '../i18n/format.ts'
import { t } from '../i18n/index.ts'
import { periodName } from '../i18n/terms.ts'
import { type CaptureRow, capturesById, provinceInput } from '../mart/portal-inputs.ts'
import { isObj } from '../portal/json.ts'
import { GROUPS, type GroupCode, storedGroupCode } from '../reference/groups.ts'
import {
  computeUnit,
  type MetricResult,
  type UnitResult,
  type WhatIfChange,
  type WhatIfResult,
  whatIf,
} from '../score/compute.ts'
import { methodologyById } from '../score/methodology.ts'
import { fromHundredths, toHundredths } from '../score/round.ts'
import { competitionRanks } from '../snapshot/rank.ts'
import { isNationalRanking, totalAfterGains } from './figures.ts'

export type ScoreSetRow = {
  id: number
  province_code: string
  name: string
  period: string
  period_type: string
  period_end: string
  as_of: string | null
  capture_key: string
  source: string
  methodology: string
  total: number | null
  computed_total: number | null
  reported_total: number | null
  max_total: number
  points_lost: number | null
  complete: number
}

const SCORE_SET_COLUMNS = [
  'id',
  'province_code',
  'name',
  'period',
  'period_type',
  'period_end',
  'as_of',
  'capture_key',
  'source',
  'methodology',
  'total',
  'computed_total',
  'reported_total',
  'max_total',
  'points_lost',
  'complete',
] as const

/** The contract's metric fields, plus the points lost and how the number was obtained. */
export interface PortalMetric {
  group: GroupCode
  code: string
  name: string
  numerator: number | null
  denominator: number | null
  /** 100·n/d, 2 decimals. */
  ratio: number | null
  reportedScore: number | null
  computedScore: number | null
  maxScore: number
  /** reportedScore ?? computedScore: the score that counts. */
  score: number | null
  /** maxScore − score: the points at stake on this metric. */
  pointsLost: number | null
  /** reportedScore − computedScore when both exist. */
  difference: number | null
  /** The computed score rests on an inferred formula (the CLGQ split). */
  estimate: boolean
  /** A CLGQ/TTTT component: the portal reports only its group's score. */
  component: boolean
  status: string
  rule: string
  /** Ratio (percent) at or above which the metric scores its maximum. */
  fullPointsAt: number | null
  dataQualityStatus: string | null
  methodologyVersion: string
  /** Rank among the provinces captured on the same reading date (competition ranking on score). */
  rank: number | null
  rankOf: number
  note: string | null
}

export interface PortalGroup {
  code: GroupCode
  name: string
  reportedScore: number | null
  computedScore: number | null
  score: number | null
  maxScore: number
  pointsLost: number | null
  estimate: boolean
  /** 'capture' (group endpoint with its detail) or 'service-results' (the national summary). */
  source: string | null
  methodologyVersion: string
}

export interface PortalFinding {
  kind: string
  severity: string
  message: string
  level: string | null
  code: string | null
  reported: number | null
  computed: number | null
  diff: number | null
}

export interface PortalDetail {
  scoreSetId: number
  period: string
  asOf: string | null
  source: string
  methodologyVersion: string
  total: number | null
  computedTotal: number | null
  reportedTotal: number | null
  maxTotal: number
  pointsLost: number | null
  complete: boolean
  captures: Array<{ endpoint: string; group: string | null; file: string; capturedAt: string | null }>
  groups: PortalGroup[]
  /** Sorted by the points at stake (points lost), largest first. */
  metrics: PortalMetric[]
  findings: PortalFinding[]
}

/**
 * The score set to show: the one of the snapshot's reading when it is a portal reading, else the
 * latest of the period (on the as-of date when one is given).
 */
export function findScoreSet(
  store: Store,
  provinceCode: string,
  opts: { period?: string; asOf?: string; readingId?: number | null },
): ScoreSetRow | undefined {
  if (opts.readingId) {
    const hit = store.first(
      store.db
        .selectFrom('mart_portal_reading_scores as rs')
        .innerJoin('mart_portal_scores as s', 's.id', 'rs.score_id')
        .select(SCORE_SET_COLUMNS.map((c) => `s.${c}` as const))
        .where('rs.reading_id', '=', opts.readingId)
        .where('rs.province_code', '=', provinceCode),
    )
    if (hit) return hit
  }
  let q = store.db
    .selectFrom('mart_portal_scores')
    .select(SCORE_SET_COLUMNS)
    .where('province_code', '=', provinceCode)
    .where('withdrawn_at', 'is', null)
  if (opts.period) q = q.where('period', '=', opts.period)
  if (opts.asOf) q = q.where('as_of', '=', opts.asOf)
  return store.first(
    q
      .orderBy(sql`COALESCE(as_of, period_end) DESC`)
      .orderBy(sql`CASE period_type WHEN 'year' THEN 0 WHEN 'quarter' THEN 1 ELSE 2 END`)
      .orderBy('id', 'desc')
      .limit(1),
  )
}

/** The latest score set of every province for one period and reading date. */
export function scoreSetsOfDay(store: Store, period: string, asOf: string | null): ScoreSetRow[] {
  const rows = store.all(
    store.db
      .selectFrom('mart_portal_scores')
      .select(SCORE_SET_COLUMNS)
      .where('period', '=', period)
      .where(sql<string>`COALESCE(as_of, '')`, '=', asOf ?? '')
      .where('withdrawn_at', 'is', null)
      .orderBy('id', 'desc'),
  )
  const seen = new Set<string>()
  return rows.filter((r) => {
    if (seen.has(r.province_code)) return false
    seen.add(r.province_code)
    return true
  })
}

const bool = (n: number) => n === 1

export function portalDetail(store: Store, set: ScoreSetRow): PortalDetail {
  const ids = set.capture_key.split(',').map(Number)
  const captures = store.all(
    store.db
      .selectFrom('stg_portal_captures as c')
      .innerJoin('source_files as f', 'f.id', 'c.source_file_id')
      .select(['c.endpoint', 'c.group_code', 'f.file_name', 'c.captured_at'])
      .where('c.id', 'in', ids)
      .orderBy('c.id'),
  )
  const groups = store.all(
    store.db.selectFrom('mart_group_scores').selectAll().where('score_id', '=', set.id),
  )
  const metrics = store.all(
    store.db.selectFrom('mart_metric_scores').selectAll().where('score_id', '=', set.id).orderBy('ord'),
  )
  // Rank on each metric among the provinces of the same reading date.
  const day = scoreSetsOfDay(store, set.period, set.as_of)
  const peers = day.length
    ? store.all(
        store.db
          .selectFrom('mart_metric_scores')
          .select(['score_id', 'metric_code', 'score'])
          .where(
            'score_id',
            'in',
            day.map((d) => d.id),
          ),
      )
    : []
  const rankOf = (code: string, scoreId: number) => {
    const list = peers.filter((p) => p.metric_code === code)
    const ranks = competitionRanks(list.map((p) => p.score))
    const i = list.findIndex((p) => p.score_id === scoreId)
    return { rank: i < 0 ? null : (ranks[i] ?? null), of: list.filter((p) => p.score !== null).length }
  }
  const findings = store
    .all(
      store.db
        .selectFrom('findings')
        .select(['kind', 'severity', 'message', 'detail'])
        .where('province_code', '=', set.province_code)
        .where(sql<number>`json_extract(detail, '$.scoreId')`, '=', set.id)
        .orderBy('id'),
    )
    .map((f) => {
      const parsed: unknown = f.detail ? JSON.parse(f.detail) : {}
      const d = isObj(parsed) ? parsed : {}
      const n = (v: unknown) => (typeof v === 'number' ? v : null)
      return {
        kind: f.kind,
        severity: f.severity,
        message: f.message,
        level: typeof d.level === 'string' ? d.level : null,
        code: typeof d.code === 'string' ? d.code : typeof d.group === 'string' ? d.group : null,
        reported: n(d.reported ?? d.capture),
        computed: n(d.computed ?? d.summary),
        diff: n(d.diff),
      }
    })
  const out: PortalMetric[] = metrics.map((m) => {
    const r = rankOf(m.metric_code, set.id)
    return {
      group: storedGroupCode(m.group_code),
      code: m.metric_code,
      name: m.name,
      numerator: m.numerator,
      denominator: m.denominator,
      ratio: m.ratio,
      reportedScore: m.reported_score,
      computedScore: m.computed_score,
      maxScore: m.max_score,
      score: m.score,
      pointsLost: m.points_lost,
      difference:
        m.reported_score !== null && m.computed_score !== null
          ? fromHundredths(toHundredths(m.reported_score) - toHundredths(m.computed_score))
          : null,
      estimate: bool(m.estimate),
      component: bool(m.component),
      status: m.status,
      rule: m.rule,
      fullPointsAt: m.threshold === null ? null : fromHundredths(toHundredths(m.threshold * 100)),
      dataQualityStatus: m.data_quality_status,
      methodologyVersion: m.methodology,
      rank: m.rule === 'tracked' ? null : r.rank,
      rankOf: m.rule === 'tracked' ? 0 : r.of,
      note: m.note,
    }
  })
  return {
    scoreSetId: set.id,
    period: set.period,
    asOf: set.as_of,
    source: set.source,
    methodologyVersion: set.methodology,
    total: set.total,
    computedTotal: set.computed_total,
    reportedTotal: set.reported_total,
    maxTotal: set.max_total,
    pointsLost: set.points_lost,
    complete: bool(set.complete),
    captures: captures.map((c) => ({
      endpoint: c.endpoint,
      group: c.group_code,
      file: c.file_name,
      capturedAt: c.captured_at,
    })),
    groups: groups.map((g) => ({
      code: storedGroupCode(g.group_code),
      name: g.name,
      reportedScore: g.reported_score,
      computedScore: g.computed_score,
      score: g.score,
      maxScore: g.max_score,
      pointsLost: g.points_lost,
      estimate: bool(g.estimate),
      source: g.source,
      methodologyVersion: g.methodology,
    })),
    metrics: sortByStake(out),
    findings,
  }
}

/** Largest points lost first; unknown (null) after known; tracked metrics last; then file order. */
export function sortByStake<T extends { pointsLost: number | null; rule: string; maxScore: number }>(
  list: T[],
): T[] {
  const key = (m: T) => (m.rule === 'tracked' ? -2 : m.pointsLost === null ? -1 : m.pointsLost)
  return list
    .map((m, i) => ({ m, i }))
    .sort((a, b) => key(b.m) - key(a.m) || b.m.maxScore - a.m.maxScore || a.i - b.i)
    .map((x) => x.m)
}

/** The engine's result for a stored score set, recomputed from the same staged captures. */
export function recomputeScoreSet(store: Store, set: ScoreSetRow): UnitResult {
  const caps: CaptureRow[] = capturesById(store, set.capture_key.split(',').map(Number))
  const groupCaps = caps.filter((c) => c.form !== 'summary')
  const summary = caps.find((c) => c.form === 'summary') ?? null
  const pi = provinceInput(store, set.province_code, groupCaps, summary)
  return computeUnit(methodologyById(set.methodology), pi.input)
}

export interface WhatIfReport {
  changes: WhatIfChange[]
  /** One step per change, applied in order (each on top of the previous). */
  steps: WhatIfResult[]
  /**
   * 'snapshot': before/after totals and ranks are the snapshot's (the headline) with the points
   * gained on the captures added (src/report/figures.ts); 'captures': no snapshot row for the
   * province, so the totals are the captures' own.
   */
  basis: 'snapshot' | 'captures'
  /** The reading date of the captures the points gained are computed from. */
  capturesAsOf: string | null
  before: { total: number | null; rank: number | null }
  after: { total: number | null; rank: number | null; pointsGained: number | null }
  /** The snapshot the rank is taken in (the other provinces keep their totals there). */
  snapshotId: number | null
  snapshotAsOf: string | null
  /** Provinces with a rank in that snapshot once this one's total is replaced. */
  ranked: number | null
  note: string | null
}

/**
 * Applies the changes one after the other: each step recomputes its metric, its group from the
 * metrics' scores and the total (compute.ts `whatIf`), and the next step starts from that state.
 */
export function whatIfMany(
  result: UnitResult,
  changes: WhatIfChange[],
): { steps: WhatIfResult[]; total: number | null } {
  let cur = result
  const steps: WhatIfResult[] = []
  for (const change of changes) {
    const code = resolveMetricCode(cur, change.metric)
    const w = whatIf(cur, { ...change, metric: code })
    steps.push(w)
    cur = applyStep(cur, w)
  }
  const last = steps.at(-1)
  return { steps, total: last ? last.after.total : result.total }
}

/** "3.3", "dossier_sync" or a one-metric group code ("TDGQ") -> the methodology's metric code. */
export function resolveMetricCode(
  result: { metrics: Array<Pick<MetricResult, 'code' | 'group' | 'rule'>> },
  written: string,
): string {
  const w = written.trim()
  const exact = result.metrics.find((m) => m.code === w)
  if (exact) return exact.code
  const ci = result.metrics.find((m) => m.code.toUpperCase() === w.toUpperCase())
  if (ci) return ci.code
  const inGroup = result.metrics.filter((m) => m.group === w.toUpperCase() && m.rule.type !== 'tracked')
  return onlyOne(inGroup)?.code ?? w
}

function applyStep(r: UnitResult, w: WhatIfResult): UnitResult {
  const metrics = r.metrics.map((m) =>
    m.code === w.metric
      ? {
          ...m,
          ratio: w.ratio,
          reportedScore: null,
          computedScore: w.after.metricScore,
          score: w.after.metricScore,
          pointsLost:
            w.after.metricScore === null
              ? null
              : fromHundredths(toHundredths(m.maxScore) - toHundredths(w.after.metricScore)),
          status: 'computed' as const,
        }
      : m,
  )
  const groups = r.groups.map((g) =>
    g.code === w.group
      ? {
          ...g,
          reportedScore: null,
          computedScore: w.after.groupScore,
          score: w.after.groupScore,
          scoreSource: w.after.groupScore === null ? null : ('computed' as const),
          pointsLost:
            w.after.groupScore === null
              ? null
              : fromHundredths(toHundredths(g.maxScore) - toHundredths(w.after.groupScore)),
        }
      : g,
  )
  return { ...r, metrics, groups, total: w.after.total }
}

/**
 * The what-if of one score set, ranked in snapshot `snapshotId` (the other provinces keep their
 * totals; this province's is replaced by the new total; competition ranking as for snapshots).
 */
export function portalWhatIf(
  store: Store,
  set: ScoreSetRow,
  changes: WhatIfChange[],
  snapshotId: number | null,
): WhatIfReport {
  const result = recomputeScoreSet(store, set)
  const { steps, total } = whatIfMany(result, changes)
  const notes: string[] = []
  const engineNote = steps.map((s) => s.note).find((n) => n !== null)
  if (engineNote) notes.push(engineNote)
  let basis: WhatIfReport['basis'] = 'captures'
  let before: { total: number | null; rank: number | null } = { total: result.total, rank: null }
  let after: { total: number | null; rank: number | null } = { total, rank: null }
  let ranked: number | null = null
  let snapshotAsOf: string | null = null
  if (snapshotId !== null) {
    const snap = store.first(
      store.db.selectFrom('snapshots').select(['as_of', 'ranked', 'cohort']).where('id', '=', snapshotId),
    )
    snapshotAsOf = snap?.as_of ?? null
    const rows = store.all(
      store.db
        .selectFrom('snapshot_rows')
        .select(['province_code', 'total', 'ckmb', 'tdgq', 'clgq', 'tttt', 'mdhl', 'mdsh'])
        .where('snapshot_id', '=', snapshotId),
    )
    const rankWith = (t: number | null) => {
      const list = rows.filter((r) => r.province_code !== set.province_code).map((r) => r.total)
      list.push(t)
      const ranks = competitionRanks(list)
      return { rank: ranks[ranks.length - 1] ?? null, ranked: list.filter((x) => x !== null).length }
    }
    const own = rows.find((r) => r.province_code === set.province_code)
    if (own && own.total !== null) {
      // One answer per question: "now" is the snapshot's total and rank (the headline); the points
      // gained come from the captures and are added to it, capped at each group's maximum.
      basis = 'snapshot'
      const headline = {
        total: own.total,
        groups: GROUPS.map((g) => ({ code: g.code, score: own[g.column], maxScore: g.max })),
      }
      const gains = steps.map((s) => ({
        group: s.group,
        gained:
          s.after.groupScore === null || s.before.groupScore === null
            ? Number.NaN
            : fromHundredths(toHundredths(s.after.groupScore) - toHundredths(s.before.groupScore)),
      }))
      const applied = gains.some((g) => Number.isNaN(g.gained))
        ? { total: null, gained: null }
        : totalAfterGains(headline, gains)
      before = { total: own.total, rank: rankWith(own.total).rank }
      const a = rankWith(applied.total)
      after = { total: applied.total, rank: applied.total === null ? null : a.rank }
      ranked = a.ranked
      if (snapshotAsOf !== set.as_of) {
        notes.push(
          t('whatif.note.gain-on-snapshot', {
            captures: set.as_of ? fmtDate(set.as_of) : periodName(set.period),
            snapshot: snapshotAsOf ? fmtDate(snapshotAsOf) : periodName(set.period),
          }),
        )
      }
      if (snap && !isNationalRanking(snap)) {
        after = { ...after, rank: null }
        before = { ...before, rank: null }
        notes.push(t('figures.not-national', { ranked: snap.ranked, cohort: snap.cohort }))
      }
    } else {
      const b = rankWith(result.total)
      const a = rankWith(total)
      before = { total: result.total, rank: b.rank }
      after = { total, rank: a.rank }
      ranked = a.ranked
    }
  } else notes.push(t('whatif.note.no-snapshot'))
  return {
    changes,
    steps,
    basis,
    capturesAsOf: set.as_of,
    before,
    after: {
      ...after,
      pointsGained:
        after.total === null || before.total === null
          ? null
          : fromHundredths(toHundredths(after.total) - toHundredths(before.total)),
    },
    snapshotId,
    snapshotAsOf,
    ranked,
    note: notes.length ? notes.join(' ') : null,
  }
}

/**
 * Reads `--what-if` values: `3.3=0.55` (a fraction), `3.3=55%`, or `3.3=300000/443565` (counts).
 * Throws Error with a usage message.
 */
export function parseWhatIf(text: string): WhatIfChange {
  const m = /^\s*([^=\s]+)\s*=\s*(.+?)\s*$/.exec(text)
  const [, metric, v] = m ?? []
  if (metric === undefined || v === undefined) throw new Error(t('whatif.parse.form', { text }))
  const frac = /^(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)$/.exec(v)
  if (frac) return { metric, numerator: Number(frac[1]), denominator: Number(frac[2]) }
  const [, percent] = /^(\d+(?:\.\d+)?)\s*%$/.exec(v) ?? []
  if (percent !== undefined) {
    const p = Number(percent)
    if (p > 100) throw new Error(t('whatif.parse.over-100', { text }))
    // Exact decimal shift: "55.5%" -> 0.555 without binary drift.
    return { metric, ratio: Number(shiftDecimal(percent, -2)) }
  }
  if (/^\d+(?:\.\d+)?$/.test(v)) {
    const r = Number(v)
    if (r > 1) {
      throw new Error(t('whatif.parse.over-1', { text, v }))
    }
    return { metric, ratio: r }
  }
  throw new Error(t('whatif.parse.bad', { text, v }))
}

function shiftDecimal(s: string, places: number): string {
  const [i = '', f = ''] = s.split('.') // split gives at least one part: the default never applies
  const digits = `${i}${f}`
  let point = i.length + places
  let d = digits
  while (point < 1) {
    d = `0${d}`
    point++
  }
  const out = `${d.slice(0, point)}.${d.slice(point)}`.replace(/\.?0+$/, '')
  return out === '' ? '0' : out
}
