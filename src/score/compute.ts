/**
 * The pure scoring engine: one unit (a province, an agency or a commune) for one period, scored with
 * one methodology version. No I/O; the caller loads inputs and stores results.
 *
 * Rules (docs/methodology.md §3):
 * - every metric (and CLGQ/TTTT component) is computed from its exact n/d and rounded half-up to 2
 *   decimals; a group is the sum of its rounded metric scores;
 * - null is not 0: a metric with no score adds nothing to its group but the group keeps its maximum;
 * - a unit has a total only when all six groups have a score; nothing is invented from groups present;
 * - the portal's score is the truth for publication: reported and computed are kept side by side and
 *   every |reported − computed| > 0.01 becomes a finding (a difference of exactly 0.01 is the known
 *   noise of the portal working from its 2-decimal ratio and is not reported).
 *
 * Which score counts ("score", points lost, total): the REPORTED score when the source gave one, else
 * the computed one. Reason: the portal's number is what is published and ranked; the computed number
 * explains it and flags disagreements. `computedTotal` is the all-computed alternative.
 *
 * ### Example
 * ```ts
 * const m = methodologyFor('2026-10-10')
 * const r = computeUnit(m, { groups: [
 *   { code: 'TDGQ', params: { totalOnTime: 393087, totalReceived: 443565 } },
 *   { code: 'CLGQ', reportedScore: 8.97 },
 *   // ... CKMB, TTTT, MDHL, MDSH
 * ] })
 * r.groups.find((g) => g.code === 'TDGQ')?.computedScore // 17.72
 * r.total                                                // 65.49 once all six groups are given
 * whatIf(r, { metric: 'DOSSIER_ON_TIME', ratio: 0.95 }).after.total // 66.77
 * ```
 */
import { QdError } from '../errors.ts'
import { t } from '../i18n/index.ts'
import type { GroupCode } from '../reference/groups.ts'
import type { Methodology, MethodologyMetric } from './methodology.ts'
import {
  decimalToRational,
  fromHundredths,
  type Rational,
  type Rule,
  ratioPercent,
  roundRational,
  scoreMetricHundredths,
  scoreRatioHundredths,
  toHundredths,
  type ZeroDenominatorPolicy,
} from './round.ts'

/** One metric as a source gives it. Counts are exact; ratios are percentages (0–100) as the portal shows. */
export interface MetricInput {
  code: string
  numerator: number | null
  denominator: number | null
  /** The score the source reported for this metric (portal `score`), if any. */
  reportedScore?: number | null
  /** The ratio the source reported, in percent with 2 decimals (portal `ratio`), if any. */
  reportedRatio?: number | null
  /** Portal data-quality flag (e.g. TEMP_NATIONAL_REPORT_DENOMINATOR) and its message. */
  dataQualityStatus?: string | null
  dataQualityMessage?: string | null
}

export interface GroupInput {
  code: GroupCode
  /** The group score the source reported (portal totalScore / groupScores), if any. */
  reportedScore?: number | null
  /** Metric inputs; a metric given here wins over one derived from `params`. */
  metrics?: MetricInput[]
  /**
   * Tree parameters of TDGQ / CLGQ / TTTT as the portal names them (totalOnTime, totalReceived;
   * authorityCount, partialCount, fullCount, onlineDossierCount, onlineServiceTotal, channelOnlineSum,
   * channelTotalSum; the six payment fields). The methodology's `inputs` say how they form n and d.
   */
  params?: Readonly<Record<string, number | null | undefined>>
}

export interface UnitInput {
  groups: GroupInput[]
  /** The total the source reported, if any (compared with the computed total). */
  reportedTotal?: number | null
}

/**
 * - computed: scored from n/d;
 * - zero-denominator: d is 0 (or null with nothing counted); the metric's policy decided the score
 *   (null, 0 or full marks);
 * - missing: the input does not have this metric;
 * - not-computable: inputs present but unusable (n > 0 over d = 0, n null over d > 0, factor unknown);
 * - tracked: reported for information, never scored.
 */
export type MetricStatus = 'computed' | 'zero-denominator' | 'missing' | 'not-computable' | 'tracked'

export interface MetricResult {
  group: GroupCode
  code: string
  name: string
  numerator: number | null
  denominator: number | null
  /** 100·n/d, half-up to 2 decimals (the portal's notation); null when d is 0 or unknown. */
  ratio: number | null
  reportedRatio: number | null
  computedScore: number | null
  reportedScore: number | null
  /** reportedScore ?? computedScore: the score that counts. */
  score: number | null
  maxScore: number
  /**
   * max − score. A zero-denominator metric without a score loses its whole maximum (its points are
   * not earned, the group max stays); null when the score is unknown, 0 for tracked metrics.
   */
  pointsLost: number | null
  status: MetricStatus
  estimate: boolean
  component: boolean
  rule: Rule
  zeroDenominator: ZeroDenominatorPolicy
  /** Code of the metric whose ratio multiplies this one's (unconfirmed 3.3 × sync), or null. */
  factor: string | null
  note: string | null
  dataQualityStatus: string | null
  dataQualityMessage: string | null
  methodologyVersion: string
}

export interface GroupResult {
  code: GroupCode
  name: string
  /** Sum of the rounded metric scores; null when a scored metric is missing or none has a score. */
  computedScore: number | null
  reportedScore: number | null
  /** reportedScore ?? computedScore. */
  score: number | null
  scoreSource: 'reported' | 'computed' | null
  maxScore: number
  /** maxScore − score; null without a score. */
  pointsLost: number | null
  /** The computed score rests on an inferred formula (the CLGQ split). */
  estimate: boolean
  methodologyVersion: string
}

export interface Finding {
  level: 'metric' | 'component' | 'group' | 'total'
  group: GroupCode | null
  /** Metric code, group code, or 'TOTAL'. */
  code: string
  reported: number
  /** null when the methodology gives no score (e.g. d = 0 with policy null) but the source reports one. */
  computed: number | null
  /** reported − computed, exact to the hundredth; null when computed is null. */
  diff: number | null
  note: string
}

export interface UnitResult {
  methodologyVersion: string
  metrics: MetricResult[]
  groups: GroupResult[]
  /** Sum of the six group scores (reported ?? computed); null unless all six have a score. */
  total: number | null
  /** Sum of the six computed group scores; null unless all six could be computed. */
  computedTotal: number | null
  reportedTotal: number | null
  maxTotal: number
  /** maxTotal − total; null without a total. */
  pointsLost: number | null
  findings: Finding[]
  /** Input metrics the methodology does not know: kept, not scored, never silently dropped. */
  unknownMetrics: Array<{ group: GroupCode; input: MetricInput }>
}

const h2n = (h: number | null): number | null => (h === null ? null : fromHundredths(h))
const n2h = (n: number | null | undefined): number | null =>
  n === null || n === undefined ? null : toHundredths(n)

/** Sums named parameters; undefined when none of them is present, null when a present one is null. */
function sumParams(params: GroupInput['params'], names: string[]): number | null | undefined {
  if (!params) return undefined
  const present = names.filter((n) => params[n] !== undefined)
  if (present.length === 0) return undefined
  if (present.length < names.length) return null
  let h: Rational = { num: 0n, den: 1n }
  for (const n of names) {
    const v = params[n]
    if (v === null || v === undefined) return null
    const r = decimalToRational(v)
    h = { num: h.num * r.den + r.num * h.den, den: h.den * r.den }
  }
  return Number(h.num) / Number(h.den)
}

function metricInputFor(def: MethodologyMetric, g: GroupInput | undefined): MetricInput | undefined {
  const explicit = g?.metrics?.find((x) => x.code === def.code)
  if (explicit) return explicit
  if (!def.inputs || !g?.params) return undefined
  const n = sumParams(g.params, def.inputs.numerator)
  const d = sumParams(g.params, def.inputs.denominator)
  if (n === undefined && d === undefined) return undefined
  return { code: def.code, numerator: n ?? null, denominator: d ?? null }
}

function exactRatio(n: number | null, d: number | null): Rational | null {
  if (n === null || d === null || d === 0) return null
  const a = decimalToRational(n)
  const b = decimalToRational(d)
  return { num: a.num * b.den, den: a.den * b.num }
}

function metricNote(def: MethodologyMetric, input: MetricInput | undefined): string | null {
  const parts: string[] = []
  if (def.note) parts.push(def.note)
  if (input?.dataQualityStatus) {
    parts.push(
      t('score.data-quality', { status: input.dataQualityStatus, message: input.dataQualityMessage ?? '' }),
    )
  }
  return parts.length ? parts.join(' ') : null
}

function checkInput(m: Methodology, input: UnitInput): Map<GroupCode, GroupInput> {
  const byCode = new Map<GroupCode, GroupInput>()
  for (const g of input.groups) {
    if (!m.groups.some((x) => x.code === g.code)) {
      throw new QdError(
        'unknown-column',
        t('score.unknown-group', {
          code: String(g.code),
          id: m.id,
          known: m.groups.map((x) => x.code).join(', '),
        }),
        {
          found: String(g.code),
        },
      )
    }
    if (byCode.has(g.code)) {
      throw new QdError('inconsistent', t('score.group-twice', { code: g.code }))
    }
    const codes = new Set<string>()
    for (const x of g.metrics ?? []) {
      if (codes.has(x.code))
        throw new QdError('inconsistent', t('score.metric-twice', { code: x.code, group: g.code }))
      codes.add(x.code)
    }
    byCode.set(g.code, g)
  }
  return byCode
}

/**
 * Scores one unit for one period with methodology `m`. Throws QdError only for malformed input
 * (unknown or duplicated group, duplicated metric, negative counts); missing data gives nulls.
 */
export function computeUnit(m: Methodology, input: UnitInput): UnitResult {
  const byCode = checkInput(m, input)
  const version = m.id

  // Factor metrics (3.3 × sync) need the other metric's exact ratio, so resolve inputs first.
  const inputs = new Map<string, MetricInput | undefined>()
  for (const def of m.metrics) inputs.set(def.code, metricInputFor(def, byCode.get(def.group)))

  const metrics: MetricResult[] = m.metrics.map((def) => {
    const inp = inputs.get(def.code)
    const n = inp?.numerator ?? null
    const d = inp?.denominator ?? null
    let status: MetricStatus
    let computedH: number | null = null
    if (def.rule.type === 'tracked') status = 'tracked'
    else if (!inp) status = 'missing'
    else if ((d === null || d === 0) && (n === null || n === 0)) {
      status = 'zero-denominator'
      computedH = scoreMetricHundredths(def.rule, def.max, n, d, def.zeroDenominator)
    } else {
      let factor: Rational | null | undefined
      if (def.factor) {
        const f = inputs.get(def.factor.metric)
        factor = f ? exactRatio(f.numerator, f.denominator) : null
      }
      computedH =
        factor === null ? null : scoreMetricHundredths(def.rule, def.max, n, d, def.zeroDenominator, factor)
      status = computedH === null ? 'not-computable' : 'computed'
    }
    const reportedH = def.rule.type === 'tracked' ? null : n2h(inp?.reportedScore)
    const scoreH = reportedH ?? computedH
    const maxH = toHundredths(def.max)
    let lostH: number | null = null
    if (def.rule.type === 'tracked') lostH = 0
    else if (scoreH !== null) lostH = maxH - scoreH
    else if (status === 'zero-denominator') lostH = maxH
    return {
      group: def.group,
      code: def.code,
      name: def.name,
      numerator: n,
      denominator: d,
      ratio: ratioPercent(n, d),
      reportedRatio: inp?.reportedRatio ?? null,
      computedScore: h2n(computedH),
      reportedScore: h2n(reportedH),
      score: h2n(scoreH),
      maxScore: def.max,
      pointsLost: h2n(lostH),
      status,
      estimate: def.estimate,
      component: def.component,
      rule: def.rule,
      zeroDenominator: def.zeroDenominator,
      factor: def.factor?.metric ?? null,
      note: metricNote(def, inp),
      dataQualityStatus: inp?.dataQualityStatus ?? null,
      dataQualityMessage: inp?.dataQualityMessage ?? null,
      methodologyVersion: version,
    }
  })

  const groups: GroupResult[] = m.groups.map((g) => {
    const gm = metrics.filter((x) => x.group === g.code && x.status !== 'tracked')
    let computedH: number | null = null
    const unusable = gm.some((x) => x.status === 'missing' || x.status === 'not-computable')
    if (gm.length > 0 && !unusable && gm.some((x) => x.computedScore !== null)) {
      computedH = gm.reduce((s, x) => s + (n2h(x.computedScore) ?? 0), 0)
    }
    const reportedH = n2h(byCode.get(g.code)?.reportedScore)
    const scoreH = reportedH ?? computedH
    const maxH = toHundredths(g.max)
    return {
      code: g.code,
      name: g.name,
      computedScore: h2n(computedH),
      reportedScore: h2n(reportedH),
      score: h2n(scoreH),
      scoreSource: reportedH !== null ? 'reported' : computedH !== null ? 'computed' : null,
      maxScore: g.max,
      pointsLost: scoreH === null ? null : h2n(maxH - scoreH),
      estimate: computedH !== null && gm.some((x) => x.estimate && x.computedScore !== null),
      methodologyVersion: version,
    }
  })

  const sumAll = (vals: Array<number | null>): number | null =>
    vals.some((v) => v === null) ? null : vals.reduce<number>((s, v) => s + (n2h(v) ?? 0), 0)
  const totalH = sumAll(groups.map((g) => g.score))
  const computedTotalH = sumAll(groups.map((g) => g.computedScore))
  const maxTotalH = m.groups.reduce((s, g) => s + toHundredths(g.max), 0)
  const reportedTotalH = n2h(input.reportedTotal)

  const findings = collectFindings(metrics, groups, reportedTotalH, computedTotalH, totalH)

  const unknownMetrics: UnitResult['unknownMetrics'] = []
  for (const g of input.groups) {
    for (const x of g.metrics ?? []) {
      if (!m.metrics.some((def) => def.code === x.code && def.group === g.code))
        unknownMetrics.push({ group: g.code, input: x })
    }
  }

  return {
    methodologyVersion: version,
    metrics,
    groups,
    total: h2n(totalH),
    computedTotal: h2n(computedTotalH),
    reportedTotal: h2n(reportedTotalH),
    maxTotal: fromHundredths(maxTotalH),
    pointsLost: totalH === null ? null : h2n(maxTotalH - totalH),
    findings,
    unknownMetrics,
  }
}

function collectFindings(
  metrics: MetricResult[],
  groups: GroupResult[],
  reportedTotalH: number | null,
  computedTotalH: number | null,
  totalH: number | null,
): Finding[] {
  const out: Finding[] = []
  for (const x of metrics) {
    if (x.reportedScore === null || x.status === 'tracked') continue
    const level = x.component ? 'component' : 'metric'
    const rH = toHundredths(x.reportedScore)
    if (x.computedScore === null) {
      if (x.status === 'zero-denominator') {
        out.push({
          level,
          group: x.group,
          code: x.code,
          reported: x.reportedScore,
          computed: null,
          diff: null,
          note: t('score.zero-den', {
            policy: String(x.zeroDenominator),
            reported: String(x.reportedScore),
            sync: x.code === 'DOSSIER_SYNC',
            quality: x.dataQualityStatus ? t('score.quality-sentence', { status: x.dataQualityStatus }) : '',
          }),
        })
      } else if (x.status === 'not-computable') {
        out.push({
          level,
          group: x.group,
          code: x.code,
          reported: x.reportedScore,
          computed: null,
          diff: null,
          note: t('score.not-computable', {
            code: x.code,
            reported: String(x.reportedScore),
            n: String(x.numerator),
            d: String(x.denominator),
          }),
        })
      }
      continue
    }
    const dH = rH - toHundredths(x.computedScore)
    if (Math.abs(dH) <= 1) continue
    const why: string[] = [
      t('score.metric-differs', {
        code: x.code,
        reported: String(x.reportedScore),
        computed: String(x.computedScore),
        n: String(x.numerator),
        d: String(x.denominator),
      }),
    ]
    if (x.estimate) why.push(t('score.inferred-formula'))
    if (x.dataQualityStatus) why.push(t('score.quality-sentence', { status: x.dataQualityStatus }).trim())
    out.push({
      level,
      group: x.group,
      code: x.code,
      reported: x.reportedScore,
      computed: x.computedScore,
      diff: fromHundredths(dH),
      note: why.join(' '),
    })
  }
  for (const g of groups) {
    if (g.reportedScore === null || g.computedScore === null) continue
    const dH = toHundredths(g.reportedScore) - toHundredths(g.computedScore)
    if (Math.abs(dH) <= 1) continue
    const differing = out.filter((f) => f.group === g.code).map((f) => f.code)
    const why = [
      t('score.group-differs', {
        code: g.code,
        reported: String(g.reportedScore),
        computed: String(g.computedScore),
      }),
    ]
    if (differing.length) why.push(t('score.differing-metrics', { codes: differing.join(', ') }))
    if (g.estimate) why.push(t('score.estimate-split'))
    out.push({
      level: 'group',
      group: g.code,
      code: g.code,
      reported: g.reportedScore,
      computed: g.computedScore,
      diff: fromHundredths(dH),
      note: why.join(' '),
    })
  }
  const base = computedTotalH ?? totalH
  if (reportedTotalH !== null && base !== null && Math.abs(reportedTotalH - base) > 1) {
    out.push({
      level: 'total',
      group: null,
      code: 'TOTAL',
      reported: fromHundredths(reportedTotalH),
      computed: fromHundredths(base),
      diff: fromHundredths(reportedTotalH - base),
      note: computedTotalH !== null ? t('score.total-differs-computed') : t('score.total-differs'),
    })
  }
  return out
}

export type WhatIfChange =
  | { metric: string; ratio: number }
  | { metric: string; numerator: number; denominator: number }

export interface WhatIfResult {
  metric: string
  group: GroupCode
  /** The new ratio in percent (2 decimals). */
  ratio: number | null
  before: { metricScore: number | null; groupScore: number | null; total: number | null }
  after: { metricScore: number | null; groupScore: number | null; total: number | null }
  /** Why after.* is null, or a caveat (e.g. the group's reported score differs from its metrics' sum). */
  note: string | null
}

/**
 * "What if metric X had ratio r?" The metric is recomputed from the new ratio (a fraction 0..1, read
 * as the decimal it prints as) or from a new n/d; then its group is recomputed as the sum of its
 * metrics' scores (each other metric at its counting score: reported, else computed; a d = 0 metric
 * without a score adds 0); then the total, keeping every other group's counting score (reported
 * where only reported exists). after.groupScore is null when another metric of the group has no
 * known score (e.g. CLGQ given only as a reported group score).
 *
 * ### Example
 * ```ts
 * whatIf(result, { metric: '3.3', ratio: 0.55 }).after.total
 * ```
 */
export function whatIf(result: UnitResult, change: WhatIfChange): WhatIfResult {
  const target = result.metrics.find((x) => x.code === change.metric)
  if (!target) {
    throw new QdError(
      'bad-value',
      t('score.whatif.unknown-metric', {
        metric: change.metric,
        known: result.metrics.map((x) => x.code).join(', '),
      }),
      {
        found: change.metric,
      },
    )
  }
  if (target.rule.type === 'tracked') {
    throw new QdError('bad-value', t('score.whatif.tracked', { code: target.code }))
  }
  let factor: Rational | null | undefined
  if (target.factor) {
    const f = result.metrics.find((x) => x.code === target.factor)
    factor = f ? exactRatio(f.numerator, f.denominator) : null
  }
  let newH: number | null
  let ratio: number | null
  if ('ratio' in change) {
    if (!Number.isFinite(change.ratio) || change.ratio < 0 || change.ratio > 1) {
      throw new QdError('out-of-range', t('score.whatif.ratio', { value: String(change.ratio) }), {
        expected: '0..1',
        found: String(change.ratio),
      })
    }
    let r = decimalToRational(change.ratio)
    if (factor) r = { num: r.num * factor.num, den: r.den * factor.den }
    newH = factor === null ? null : scoreRatioHundredths(target.rule, target.maxScore, r)
    ratio = fromHundredths(roundRational(decimalToRational(change.ratio), 10000n))
  } else {
    newH =
      factor === null
        ? null
        : scoreMetricHundredths(
            target.rule,
            target.maxScore,
            change.numerator,
            change.denominator,
            target.zeroDenominator,
            factor ?? undefined,
          )
    ratio = ratioPercent(change.numerator, change.denominator)
  }

  const group = result.groups.find((g) => g.code === target.group)
  // every metric's group is among the result's groups (computeUnit builds both from one methodology)
  if (!group) throw new Error(`internal: metric ${target.code} has no group ${target.group} in the result`)
  const others = result.metrics.filter(
    (x) => x.group === target.group && x.code !== target.code && x.rule.type !== 'tracked',
  )
  let note: string | null = null
  let groupH: number | null = null
  const unknown = others.filter((x) => x.score === null && x.status !== 'zero-denominator')
  if (newH === null) note = t('score.whatif.no-factor', { code: target.code })
  else if (unknown.length) {
    note = t('score.whatif.cannot-recompute', {
      group: target.group,
      codes: unknown.map((x) => x.code).join(', '),
    })
  } else {
    const baseH = others.reduce((s, x) => s + (n2h(x.score) ?? 0), 0)
    groupH = baseH + newH
    const beforeSum =
      target.score === null && target.status !== 'zero-denominator' ? null : baseH + (n2h(target.score) ?? 0)
    if (group.score !== null && beforeSum !== null && beforeSum !== toHundredths(group.score)) {
      note = t('score.whatif.group-sum', {
        group: target.group,
        score: String(group.score),
        sum: String(fromHundredths(beforeSum)),
      })
    }
  }
  let totalH: number | null = groupH
  for (const g of result.groups) {
    if (g.code === target.group || totalH === null) continue
    totalH = g.score === null ? null : totalH + toHundredths(g.score)
  }
  if (totalH === null && groupH !== null && !note) note = t('score.whatif.no-total')
  return {
    metric: target.code,
    group: target.group,
    ratio,
    before: { metricScore: target.score, groupScore: group.score, total: result.total },
    after: { metricScore: h2n(newH), groupScore: h2n(groupH), total: h2n(totalH) },
    note,
  }
}

/**
 * Combines the inputs of several sources for the same unit and period (e.g. the seven portal
 * captures of one province, plus the national summary). A group given twice is merged when at most
 * one of the two has metrics/params and their reported scores agree (or one is absent); a reported
 * total may appear more than once if it is the same. Otherwise throws QdError('inconsistent'): two
 * readings that disagree must not be mixed silently.
 */
export function mergeUnitInputs(...inputs: UnitInput[]): UnitInput {
  const groups: GroupInput[] = []
  let reportedTotal: number | null = null
  for (const inp of inputs) {
    for (const g of inp.groups) {
      const i = groups.findIndex((x) => x.code === g.code)
      const a = groups[i]
      if (a === undefined) {
        groups.push(g)
        continue
      }
      const detailed = (x: GroupInput) =>
        (x.metrics?.length ?? 0) > 0 || Object.keys(x.params ?? {}).length > 0
      const ra = a.reportedScore ?? null
      const rb = g.reportedScore ?? null
      if (
        (detailed(a) && detailed(g)) ||
        (ra !== null && rb !== null && toHundredths(ra) !== toHundredths(rb))
      ) {
        throw new QdError(
          'inconsistent',
          t('score.merge.group', { code: g.code, a: String(ra), b: String(rb) }),
        )
      }
      const base = detailed(a) ? a : g
      groups[i] = { ...base, reportedScore: ra ?? rb }
    }
    const tot = inp.reportedTotal ?? null
    if (tot !== null) {
      if (reportedTotal !== null && toHundredths(reportedTotal) !== toHundredths(tot)) {
        throw new QdError(
          'inconsistent',
          t('score.merge.total', { a: String(reportedTotal), b: String(tot) }),
        )
      }
      reportedTotal = tot
    }
  }
  return { groups, reportedTotal }
}
