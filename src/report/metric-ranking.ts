/**
 * `qd766 ranking --by 3.3` (any metric code of the methodology): provinces compared on one metric
 * from the metric-level scores of portal captures (mart_metric_scores), on one period and reading
 * date, with the sentence provincial leaders ask for: "17 of 34 provinces have at least 50% online
 * filing (full points)".
 *
 * Rank = competition ranking on the metric's score (the score that counts: the portal's, else the
 * computed one); ties share a rank and are listed alphabetically. The threshold count uses the exact
 * counts (n/d ≥ t), not the 2-decimal ratio, so 49.996% is not "at least 50%".
 */
import { sql } from 'kysely'
import { recordOf } from '../collections.ts'
import { bandFor, type Config } from '../config/config.ts'
import type { Store } from '../db/sqlite.ts'
import { NotFoundError } from '../errors.ts'
import { fmtDate, fmtNumber } from '../i18n/format.ts'
import { t as tr } from '../i18n/index.ts'
import { periodName } from '../i18n/terms.ts'
import { GROUP_CODES, type GroupCode } from '../reference/groups.ts'
import type { ProvinceRegistry } from '../reference/provinces.ts'
import { loadMethodologies } from '../score/methodology.ts'
import { decimalToRational } from '../score/round.ts'
import { competitionRanks, displayOrder } from '../snapshot/rank.ts'
import { scoreSetsOfDay } from './portal-detail.ts'

export interface MetricRankingRow {
  rank: number | null
  code: string
  name: string
  /** The province's total in the same score set (null unless all six groups are known). */
  total: number | null
  groups: Record<GroupCode, number | null>
  band: string | null
  rankChange: null
  /** The metric's score that counts (ranked on). */
  value: number | null
  metric: {
    numerator: number | null
    denominator: number | null
    ratio: number | null
    reportedScore: number | null
    computedScore: number | null
    maxScore: number
    /** n/d at or above the threshold asked (the full-points threshold by default). */
    atOrAbove: boolean | null
  }
  status: 'ranked' | 'no-value'
}

export interface MetricRanking {
  period: string
  asOf: string | null
  cohort: number
  ranked: number
  by: string
  metric: {
    code: string
    group: GroupCode
    name: string
    maxScore: number
    rule: string
    /** Percent at which the metric scores its maximum (threshold rules; 100 for linear). */
    fullPointsAt: number | null
    estimate: boolean
    methodologyVersion: string
  }
  threshold: {
    /** Percent. */
    ratio: number
    /** True when it is the metric's full-points threshold (not a --at-least value). */
    fullPoints: boolean
    atOrAbove: number
    /** Provinces with a known ratio. */
    of: number
    sentence: string
  }
  source: string
  rows: MetricRankingRow[]
  missing: Array<{ code: string; name: string }>
}

/** The methodology metric a `--by` value names ("3.3", "dossier_sync"), or null for none. */
export function metricByCode(by: string): { code: string; group: GroupCode } | null {
  const w = by.trim().toUpperCase()
  for (const m of [...loadMethodologies()].reverse()) {
    const hit = m.metrics.find((x) => x.code.toUpperCase() === w)
    if (hit) return { code: hit.code, group: hit.group }
  }
  return null
}

const LATEST = sql`COALESCE(as_of, period_end) DESC, CASE period_type WHEN 'year' THEN 0 WHEN 'quarter' THEN 1 ELSE 2 END, id DESC`

function atLeast(n: number | null, d: number | null, t: number): boolean | null {
  if (n === null || d === null || d === 0) return null
  const a = decimalToRational(n)
  const b = decimalToRational(d)
  const r = decimalToRational(t)
  // n/d >= t  <=>  n·r.den·b.den >= t.num·d·a.den (all denominators positive)
  return a.num * b.den * r.den >= r.num * b.num * a.den
}

export function getMetricRanking(
  store: Store,
  registry: ProvinceRegistry,
  config: Config,
  opts: { period?: string; asOf?: string; by: string; atLeast?: number },
): MetricRanking {
  const metric = metricByCode(opts.by)
  if (!metric) throw new NotFoundError(tr('lookup.not-a-metric', { by: opts.by }))
  let q = store.db
    .selectFrom('mart_portal_scores')
    .select(['period', 'as_of'])
    .where('withdrawn_at', 'is', null)
  if (opts.period) q = q.where('period', '=', opts.period)
  if (opts.asOf) q = q.where('as_of', '=', opts.asOf)
  const day = store.first(q.orderBy(LATEST).limit(1))
  if (!day) {
    throw new NotFoundError(
      tr('lookup.no-metric-scores', {
        period: opts.period ? periodName(opts.period) : '',
        asOf: opts.asOf ? fmtDate(opts.asOf) : '',
      }),
    )
  }
  const sets = scoreSetsOfDay(store, day.period, day.as_of)
  const ids = sets.map((s) => s.id)
  const metrics = store.all(
    store.db
      .selectFrom('mart_metric_scores')
      .selectAll()
      .where('score_id', 'in', ids)
      .where('metric_code', '=', metric.code),
  )
  const groups = store.all(
    store.db
      .selectFrom('mart_group_scores')
      .select(['score_id', 'group_code', 'score'])
      .where('score_id', 'in', ids),
  )
  const def = metrics[0]
  const methodology = def?.methodology ?? sets[0]?.methodology
  // day is the reading date of a score set, so scoreSetsOfDay found at least that one
  if (methodology === undefined) throw new Error(`internal: no score set on ${day.period} ${day.as_of ?? ''}`)
  const m = loadMethodologies()
    .find((x) => x.id === methodology)
    ?.metrics.find((x) => x.code === metric.code)
  if (!m) {
    throw new NotFoundError(
      tr('lookup.metric-not-scored', { code: metric.code, methodology, period: periodName(day.period) }),
    )
  }
  const full = m.rule.type === 'threshold' ? m.rule.t : m.rule.type === 'linear' ? 1 : null
  const t = opts.atLeast ?? full ?? 1
  const cohort = registry.cohort(34)
  const bySet = new Map(sets.map((s) => [s.province_code, s]))
  const rows: MetricRankingRow[] = []
  const missing: MetricRanking['missing'] = []
  for (const p of cohort) {
    const s = bySet.get(p.code)
    if (!s) {
      missing.push({ code: p.code, name: p.name })
      continue
    }
    const x = metrics.find((y) => y.score_id === s.id)
    const g = recordOf(
      GROUP_CODES,
      (c) => groups.find((y) => y.score_id === s.id && y.group_code === c)?.score ?? null,
    )
    rows.push({
      rank: null,
      code: p.code,
      name: p.name,
      total: s.total,
      groups: g,
      band: bandFor(s.total, config.bands),
      rankChange: null,
      value: x?.score ?? null,
      metric: {
        numerator: x?.numerator ?? null,
        denominator: x?.denominator ?? null,
        ratio: x?.ratio ?? null,
        reportedScore: x?.reported_score ?? null,
        computedScore: x?.computed_score ?? null,
        maxScore: m.max,
        atOrAbove: x ? atLeast(x.numerator, x.denominator, t) : null,
      },
      status: x?.score === null || x?.score === undefined ? 'no-value' : 'ranked',
    })
  }
  const ranks = competitionRanks(rows.map((r) => r.value))
  rows.forEach((r, i) => {
    r.rank = ranks[i] ?? null
  })
  const known = rows.filter((r) => r.metric.atOrAbove !== null)
  const hits = known.filter((r) => r.metric.atOrAbove).length
  const pct = Math.round(t * 10000) / 100
  const isFull = opts.atLeast === undefined || (full !== null && Math.abs(opts.atLeast - full) < 1e-12)
  const sentence = tr('metric-ranking.sentence', {
    hits,
    of: known.length,
    code: m.code,
    name: m.name,
    pct: fmtNumber(pct, pct % 1 === 0 ? 0 : 2),
    full: isFull,
    when: tr('ranking.focus.when', {
      period: periodName(day.period),
      asOf: day.as_of ? fmtDate(day.as_of) : '',
    }),
  })
  const sources = new Set(sets.map((s) => s.source))
  return {
    period: day.period,
    asOf: day.as_of,
    cohort: 34,
    ranked: rows.filter((r) => r.rank !== null).length,
    by: m.code,
    metric: {
      code: m.code,
      group: m.group,
      name: m.name,
      maxScore: m.max,
      rule: m.rule.type,
      fullPointsAt: full === null ? null : Math.round(full * 10000) / 100,
      estimate: m.estimate,
      methodologyVersion: methodology,
    },
    threshold: { ratio: pct, fullPoints: isFull, atOrAbove: hits, of: known.length, sentence },
    source: [...sources].sort().join(', '),
    rows: displayOrder(rows),
    missing,
  }
}

/** The JSON of `ranking --by METRIC` (and of the web API for the same query); focus: `--province`. */
export function metricRankingJson(r: MetricRanking, focus: object | null = null) {
  return {
    period: r.period,
    asOf: r.asOf,
    cohort: r.cohort,
    by: r.by,
    ranked: r.ranked,
    source: r.source,
    metric: r.metric,
    threshold: r.threshold,
    ...(focus ? { focus } : {}),
    rows: r.rows.map((row) => ({
      rank: row.rank,
      code: row.code,
      name: row.name,
      total: row.total,
      groups: row.groups,
      band: row.band,
      rankChange: row.rankChange,
      value: row.value,
      metric: row.metric,
      ...(row.status !== 'ranked' ? { status: row.status } : {}),
    })),
    missing: r.missing,
  }
}
