import { describe, expect, it } from 'vitest'
import { QdError } from '../../src/errors.ts'
import {
  decimalToRational,
  diff2,
  type Rule,
  ratioPercent,
  round2,
  roundRational,
  scoreFromPercent,
  scoreMetric,
  sum2,
  toHundredths,
} from '../../src/score/round.ts'

const lin: Rule = { type: 'linear' }
const thr = (t: number): Rule => ({ type: 'threshold', t })

/** What a float implementation would give; used only to show where it goes wrong. */
const naive = (max: number, n: number, d: number, t = 1) =>
  Math.round(Math.min(max, (max * n) / d / t) * 100) / 100

describe('half-up at exactly x.xx5 (exact rational, not binary floats)', () => {
  // Each value is exactly x.xx5 on paper, so half-up must round it up.
  const cases = [
    { what: '2 × 201/400 = 1.005', rule: lin, max: 2, n: 201, d: 400, want: 1.01 },
    { what: '6 × 257/400 = 3.855', rule: lin, max: 6, n: 257, d: 400, want: 3.86 },
    { what: '4 × 169/800 = 0.845', rule: lin, max: 4, n: 169, d: 800, want: 0.85 },
    { what: '20 × 1/4000 = 0.005', rule: lin, max: 20, n: 1, d: 4000, want: 0.01 },
    { what: '2 × 1/400 = 0.005', rule: lin, max: 2, n: 1, d: 400, want: 0.01 },
    { what: 'thr 80%: 2 × 0.402/0.8 = 1.005', rule: thr(0.8), max: 2, n: 201, d: 500, want: 1.01 },
    {
      what: 'thr 90%: 6 × 0.5415/0.9 = 3.61 (no tie) ',
      rule: thr(0.9),
      max: 6,
      n: 1083,
      d: 2000,
      want: 3.61,
    },
    {
      what: 'just below the tie: 6 × 2569999/4000000 = 3.8549985',
      rule: lin,
      max: 6,
      n: 2569999,
      d: 4000000,
      want: 3.85,
    },
  ]
  for (const c of cases) {
    it(c.what, () => {
      expect(scoreMetric(c.rule, c.max, c.n, c.d, 'null')).toBe(c.want)
    })
  }

  it('the float shortcut really fails on some of these (the reason round.ts exists)', () => {
    expect(naive(2, 201, 400)).toBe(1) // float says 1.00, the exact answer is 1.01
    expect(scoreMetric(lin, 2, 201, 400, 'null')).toBe(1.01)
  })

  it('round2 reads the printed decimal: 1.005 -> 1.01, 2.675 -> 2.68, 1.004999 -> 1', () => {
    expect(round2(1.005)).toBe(1.01)
    expect(round2(2.675)).toBe(2.68)
    expect(round2(1.004999)).toBe(1)
    expect(round2(-1.005)).toBe(-1.01) // ties away from zero, symmetric
  })

  it('roundRational rounds half-up in hundredths', () => {
    expect(roundRational({ num: 3855n, den: 1000n })).toBe(386n)
    expect(roundRational({ num: 38549n, den: 10000n })).toBe(385n)
  })
})

describe('threshold caps', () => {
  const cases = [
    { what: 'exactly at the threshold gets full marks', rule: thr(0.8), max: 2, n: 80, d: 100, want: 2 },
    { what: 'above the threshold is capped at max', rule: thr(0.5), max: 6, n: 98, d: 100, want: 6 },
    { what: 'below the threshold scales by r/t', rule: thr(0.8), max: 2, n: 160, d: 376, want: 1.06 },
    { what: '3.3 at 25% online is half of 6', rule: thr(0.5), max: 6, n: 25, d: 100, want: 3 },
    { what: 'MDHL satisfaction 88.57% of 90%', rule: thr(0.9), max: 6, n: 392866, d: 443565, want: 5.9 },
    { what: 'linear n > d (bad data) never exceeds max', rule: lin, max: 4, n: 120, d: 100, want: 4 },
  ]
  for (const c of cases) it(c.what, () => expect(scoreMetric(c.rule, c.max, c.n, c.d, 'zero')).toBe(c.want))
})

describe('zero-denominator policies', () => {
  const cases: Array<{
    what: string
    policy: 'null' | 'zero' | 'full'
    n: number | null
    d: number | null
    want: number | null
  }> = [
    { what: "policy 'null' (CKMB, MDSH): d = 0 -> null", policy: 'null', n: 0, d: 0, want: null },
    { what: "policy 'zero' (TDGQ, CLGQ, TTTT): d = 0 -> 0", policy: 'zero', n: 0, d: 0, want: 0 },
    { what: "policy 'full' (PAKN, certified copy): d = 0 -> max", policy: 'full', n: 0, d: 0, want: 6 },
    {
      what: "policy 'full' with null/null as the portal sends it -> max",
      policy: 'full',
      n: null,
      d: null,
      want: 6,
    },
    { what: "policy 'zero' with null/null -> 0", policy: 'zero', n: null, d: null, want: 0 },
    {
      what: 'n > 0 over d = 0 is inconsistent -> null whatever the policy',
      policy: 'full',
      n: 3,
      d: 0,
      want: null,
    },
    { what: 'n null over d > 0 cannot be computed -> null', policy: 'zero', n: null, d: 10, want: null },
  ]
  for (const c of cases) it(c.what, () => expect(scoreMetric(lin, 6, c.n, c.d, c.policy)).toBe(c.want))

  it('tracked metrics never score', () => {
    expect(scoreMetric({ type: 'tracked' }, 0, 413, 570, 'null')).toBeNull()
  })

  it('negative counts are rejected as a QdError', () => {
    expect(() => scoreMetric(lin, 6, -1, 10, 'null')).toThrow(QdError)
  })
})

describe('exact counts vs the portal 2-decimal ratio', () => {
  it('284990/443565 shows 64.25% but scores 3.85 from counts, 3.86 from the ratio', () => {
    expect(ratioPercent(284990, 443565)).toBe(64.25)
    expect(scoreMetric(lin, 6, 284990, 443565, 'null')).toBe(3.85)
    expect(scoreFromPercent(lin, 6, 64.25)).toBe(3.86)
  })
  it('one more dossier (284991) crosses the tie: 3.86 both ways', () => {
    expect(scoreMetric(lin, 6, 284991, 443565, 'null')).toBe(3.86)
  })
})

describe('sums in hundredths', () => {
  const cases = [
    { values: [0.1, 0.2], want: 0.3 },
    { values: [0, 3.85, 2, 6], want: 11.85 },
    { values: [11.85, 17.72, 8.97, 9.08, 6.69, 11.18], want: 65.49 },
    { values: [1.1, 2.2, 3.3, null, undefined], want: 6.6 },
    { values: [], want: 0 },
  ]
  for (const c of cases) it(`${c.values.join(' + ')} = ${c.want}`, () => expect(sum2(c.values)).toBe(c.want))

  it('the float sum drifts where sum2 does not', () => {
    expect(0.1 + 0.2).not.toBe(0.3)
    expect(sum2([0.1, 0.2])).toBe(0.3)
    expect(diff2(8.97, 8.96)).toBe(0.01)
    expect(8.97 - 8.96).not.toBe(0.01)
  })

  it('toHundredths and decimalToRational read the printed decimal', () => {
    expect(toHundredths(17.72)).toBe(1772)
    expect(decimalToRational(0.55)).toEqual({ num: 55n, den: 100n })
    expect(decimalToRational(1e-7)).toEqual({ num: 1n, den: 10000000n })
    const big = decimalToRational(1.5e21)
    expect(big.num / big.den).toBe(1500000000000000000000n)
    expect(big.num % big.den).toBe(0n)
  })
})
