/**
 * Exact 2-decimal arithmetic for scores (docs/methodology.md §3, "Aggregation and rounding").
 *
 * Why not `Math.round(x * 100) / 100`: binary floats cannot hold most decimals, so a score that is
 * exactly x.xx5 on paper (6 × 257/400 = 3.855) arrives as 3.8549999… and rounds down. The portal
 * rounds the exact value half-up, so we compute every score as a rational number with BigInt
 * (max · n / d, or max · n / (d · t) for thresholds) and round that exactly. Group scores and totals are
 * sums of 2-decimal numbers, done in integer hundredths so no float drift can creep in.
 *
 * Numbers that come from outside (reported scores, ratios typed by a person, thresholds such as 0.8)
 * are read as the decimal they print as (`String(x)`, the shortest round-trip form): 0.55 means
 * 55/100, not the nearest binary fraction. Only values that are exact decimals are meaningful here,
 * and all of ours are.
 */
import { QdError } from '../errors.ts'
import { t } from '../i18n/index.ts'

/** A non-reduced fraction num/den with den > 0. */
export interface Rational {
  num: bigint
  den: bigint
}

/** Scoring rule of a metric (the data form used in db/seeds/methodology/*.json). */
export type Rule = { type: 'linear' } | { type: 'threshold'; t: number } | { type: 'tracked' }

/**
 * What a metric scores when its denominator is 0 (docs/methodology.md §3, last column):
 * - 'null': ratio and score are null (nothing to measure; adds nothing to the group, keeps its max);
 * - 'zero': the metric scores 0;
 * - 'full': the metric scores its maximum (e.g. MDHL petitions when there were no petitions).
 */
export type ZeroDenominatorPolicy = 'null' | 'zero' | 'full'

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i

/** The exact decimal a finite JS number prints as, as a fraction: 0.55 -> 55/100, 1e-7 -> 1/10^7. */
export function decimalToRational(x: number): Rational {
  // A count is an integer: it prints as its digits, so it is itself over 1 (no string to parse).
  if (Number.isSafeInteger(x)) return { num: BigInt(x), den: 1n }
  if (!Number.isFinite(x)) {
    throw new QdError('bad-value', t('score.finite', { value: String(x) }), { found: String(x) })
  }
  const m = DECIMAL.exec(String(x))
  if (!m) throw new QdError('internal', t('score.not-decimal', { value: String(x) }))
  const frac = m[3] ?? ''
  let num = BigInt(`${m[2]}${frac}`)
  let den = 10n ** BigInt(frac.length)
  const exp = Number(m[4] ?? 0)
  if (exp > 0) num *= 10n ** BigInt(exp)
  else if (exp < 0) den *= 10n ** BigInt(-exp)
  return { num: m[1] === '-' ? -num : num, den }
}

function mul(a: Rational, b: Rational): Rational {
  return { num: a.num * b.num, den: a.den * b.den }
}

function div(a: Rational, b: Rational): Rational {
  if (b.num === 0n) throw new QdError('internal', t('score.div-zero'))
  const sign = b.num < 0n ? -1n : 1n
  return { num: a.num * b.den * sign, den: a.den * b.num * sign }
}

/** a <= b for rationals with positive denominators. */
function lte(a: Rational, b: Rational): boolean {
  return a.num * b.den <= b.num * a.den
}

/**
 * Rounds num/den to an integer count of 1/scale units, half-up (ties away from zero, so -x rounds
 * like x). With scale 100 the result is in hundredths: 3.855 -> 386.
 */
export function roundRational(r: Rational, scale = 100n): bigint {
  const neg = r.num < 0n !== r.den < 0n && r.num !== 0n
  const num = (r.num < 0n ? -r.num : r.num) * scale
  const den = r.den < 0n ? -r.den : r.den
  const q = (2n * num + den) / (2n * den)
  return neg ? -q : q
}

/** Integer hundredths of a number as its printed decimal, half-up: 1.005 -> 101, 2.675 -> 268. */
export function toHundredths(x: number): number {
  return Number(roundRational(decimalToRational(x)))
}

/** Integer hundredths back to the nearest double of the 2-decimal value (1234 -> 12.34). */
export function fromHundredths(h: number | bigint): number {
  return Number(h) / 100
}

/** Half-up rounding to 2 decimals of the decimal the number prints as: round2(3.855) === 3.86. */
export function round2(x: number): number {
  return fromHundredths(toHundredths(x))
}

/** Sum of 2-decimal numbers without float drift (nulls add nothing): sum2([0.1, 0.2]) === 0.3. */
export function sum2(values: ReadonlyArray<number | null | undefined>): number {
  let h = 0
  for (const v of values) if (v !== null && v !== undefined) h += toHundredths(v)
  return fromHundredths(h)
}

/** a − b for 2-decimal numbers, exact: diff2(8.97, 8.96) === 0.01. */
export function diff2(a: number, b: number): number {
  return fromHundredths(toHundredths(a) - toHundredths(b))
}

function checkCount(which: 'numerator' | 'denominator', v: number): void {
  if (!Number.isFinite(v) || v < 0) {
    const label = t(which === 'numerator' ? 'score.numerator' : 'score.denominator')
    throw new QdError('out-of-range', t('score.count-negative', { label, value: String(v) }), {
      expected: t('score.count-expected'),
      found: String(v),
    })
  }
}

/**
 * Score of a ratio r given as an exact fraction, in hundredths:
 * linear -> max·r, threshold t -> min(max, max·r/t); never above max (a ratio above 1 is a data error
 * upstream, but a score never exceeds its maximum); tracked -> null.
 */
export function scoreRatioHundredths(rule: Rule, max: number, r: Rational): number | null {
  if (rule.type === 'tracked') return null
  if (r.num < 0n) throw new QdError('out-of-range', t('score.ratio-negative'), { found: String(r.num) })
  const maxR = decimalToRational(max)
  let value = mul(maxR, r)
  if (rule.type === 'threshold') value = div(value, decimalToRational(rule.t))
  if (lte(maxR, value)) value = maxR
  return Number(roundRational(value))
}

/**
 * Score of one metric from its exact numerator and denominator, in integer hundredths (null when the
 * metric has no score). A null or 0 denominator applies the zero-denominator policy, but only when the
 * numerator is also null or 0 (n > 0 over nothing is inconsistent data and gives null). A null
 * numerator over a positive denominator cannot be computed: null.
 * `factor`, when given, multiplies the ratio first (used for the unconfirmed "3.3 × sync rate").
 */
export function scoreMetricHundredths(
  rule: Rule,
  max: number,
  n: number | null,
  d: number | null,
  zeroPolicy: ZeroDenominatorPolicy,
  factor?: Rational,
): number | null {
  if (rule.type === 'tracked') return null
  if (d === null || d === 0) {
    if (n !== null && n !== 0) return null
    if (zeroPolicy === 'null') return null
    if (zeroPolicy === 'zero') return 0
    return toHundredths(max)
  }
  if (n === null) return null
  checkCount('numerator', n)
  checkCount('denominator', d)
  let r = div(decimalToRational(n), decimalToRational(d))
  if (factor) r = mul(r, factor)
  return scoreRatioHundredths(rule, max, r)
}

/**
 * The 2-decimal score of a metric computed from the exact n/d, rounded half-up (docs/methodology.md §3).
 *
 * ### Examples
 * ```ts
 * scoreMetric({ type: 'linear' }, 4, 79, 82, 'null')            // 3.85  (4 × 79/82 = 3.8536…)
 * scoreMetric({ type: 'threshold', t: 0.8 }, 2, 160, 376, 'zero') // 1.06  (2 × 0.4255/0.8)
 * scoreMetric({ type: 'linear' }, 6, 0, 0, 'full')               // 6     (no petitions: full marks)
 * ```
 */
export function scoreMetric(
  rule: Rule,
  max: number,
  n: number | null,
  d: number | null,
  zeroPolicy: ZeroDenominatorPolicy,
): number | null {
  const h = scoreMetricHundredths(rule, max, n, d, zeroPolicy)
  return h === null ? null : fromHundredths(h)
}

/**
 * The score the portal would show if it worked from its own 2-decimal percentage (ratio = 100·r)
 * instead of n/d. Kept to explain 0.01 differences; scoring itself always uses n/d.
 */
export function scoreFromPercent(rule: Rule, max: number, percent: number): number | null {
  const r = div(decimalToRational(percent), { num: 100n, den: 1n })
  const h = scoreRatioHundredths(rule, max, r)
  return h === null ? null : fromHundredths(h)
}

/** 100·n/d rounded half-up to 2 decimals, as the portal shows ratios; null when d is 0 or null. */
export function ratioPercent(n: number | null, d: number | null): number | null {
  if (n === null || d === null || d === 0) return null
  if (
    Number.isSafeInteger(n) &&
    Number.isSafeInteger(d) &&
    n >= 0 &&
    d > 0 &&
    n < RATIO_N_MAX &&
    d < RATIO_D_MAX
  )
    return ratioPercentOfCounts(n, d)
  checkCount('numerator', n)
  checkCount('denominator', d)
  const r = div(decimalToRational(n), decimalToRational(d))
  return fromHundredths(roundRational(r, 10000n))
}

/** Below these, 20000·n + d < 2^53: ratioPercentOfCounts computes in exact integer doubles. */
const RATIO_N_MAX = 2 ** 53 / 40000
const RATIO_D_MAX = 2 ** 52

/**
 * ratioPercent of two counts (integers, 0 ≤ n < RATIO_N_MAX, 0 < d < RATIO_D_MAX) without BigInt:
 * the same half-up rounding, floor((2·10000·n + d) / (2·d)) hundredths of a percent. a and b are
 * integers below 2^53, held exactly; a / b rounds by less than 1/b, so its floor is the exact
 * quotient (the remainder check says so again). test/score/round-fast compares with the BigInt path.
 */
function ratioPercentOfCounts(n: number, d: number): number {
  const a = 20000 * n + d
  const b = 2 * d
  let q = Math.floor(a / b)
  const r = a - q * b
  if (r < 0) q -= 1
  else if (r >= b) q += 1
  return q / 100
}
