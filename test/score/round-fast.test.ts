/**
 * ratioPercent's integer path and decimalToRational's integer shortcut (issue 13) give exactly what
 * the BigInt implementation gave, to the last hundredth. The reference below is that implementation,
 * copied verbatim.
 */
import { describe, expect, it } from 'vitest'
// (mulberry32, deterministic: a failure can be replayed)
import { rng } from '../../fixtures/national.ts'
import { decimalToRational, ratioPercent } from '../../src/score/round.ts'

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i
function refDecimalToRational(x: number): { num: bigint; den: bigint } {
  if (!Number.isFinite(x)) throw new Error('not finite')
  const m = DECIMAL.exec(String(x))
  if (!m) throw new Error('not decimal')
  const frac = m[3] ?? ''
  let num = BigInt(`${m[2]}${frac}`)
  let den = 10n ** BigInt(frac.length)
  const exp = Number(m[4] ?? 0)
  if (exp > 0) num *= 10n ** BigInt(exp)
  else if (exp < 0) den *= 10n ** BigInt(-exp)
  return { num: m[1] === '-' ? -num : num, den }
}
function refRoundRational(r: { num: bigint; den: bigint }, scale = 100n): bigint {
  const neg = r.num < 0n !== r.den < 0n && r.num !== 0n
  const num = (r.num < 0n ? -r.num : r.num) * scale
  const den = r.den < 0n ? -r.den : r.den
  const q = (2n * num + den) / (2n * den)
  return neg ? -q : q
}
function refRatioPercent(n: number | null, d: number | null): number | null {
  if (n === null || d === null || d === 0) return null
  if (!Number.isFinite(n) || n < 0 || !Number.isFinite(d) || d < 0) throw new Error('count')
  const a = refDecimalToRational(n)
  const b = refDecimalToRational(d)
  const sign = b.num < 0n ? -1n : 1n
  const r = { num: a.num * b.den * sign, den: a.den * b.num * sign }
  return Number(refRoundRational(r, 10000n)) / 100
}

/** Object.is, so 0 and -0 are told apart too. */
const same = (n: number, d: number) => Object.is(ratioPercent(n, d), refRatioPercent(n, d))

describe('ratioPercent of counts: exact to the hundredth, as the BigInt path', () => {
  it.each([
    // [n, d, 100·n/d half-up to 2 decimals]
    [1, 8, 12.5],
    [1, 16, 6.25],
    [3, 8, 37.5],
    [3, 16, 18.75],
    [1, 32, 3.13], // 3.125
    [1, 64, 1.56], // 1.5625
    [5, 64, 7.81], // 7.8125
    [1, 160, 0.63], // 0.625
    [1, 1600, 0.06], // 0.0625
    [1, 3200, 0.03], // 0.03125
    [1, 20000, 0.01], // 0.005: exactly half a hundredth, up
    [1, 40000, 0], // 0.0025
    [3, 40000, 0.01], // 0.0075
    [1, 3, 33.33],
    [2, 3, 66.67],
    [79, 82, 96.34],
    [257, 400, 64.25],
    [201, 400, 50.25],
    [1, 1, 100],
    [0, 5, 0],
    [7, 7, 100],
    [12, 5, 240],
    [2975, 2975, 100],
    [1753, 2975, 58.92],
    [67_702_131, 90_291_510, 74.98],
    [1, 9_007_199_254_740_991, 0],
  ])('%d / %d = %d', (n, d, want) => {
    expect(ratioPercent(n, d)).toBe(want)
    expect(same(n, d)).toBe(true)
  })

  it('null, zero and the errors stay as they were', () => {
    expect(ratioPercent(null, 5)).toBeNull()
    expect(ratioPercent(5, null)).toBeNull()
    expect(ratioPercent(5, 0)).toBeNull()
    expect(Object.is(ratioPercent(-0, 5), 0)).toBe(true)
    expect(() => ratioPercent(-1, 5)).toThrow()
    expect(() => ratioPercent(1, -5)).toThrow()
    expect(() => ratioPercent(Number.NaN, 5)).toThrow()
    expect(() => ratioPercent(1, Number.POSITIVE_INFINITY)).toThrow()
    // Not integers: the exact decimal path, as before.
    expect(ratioPercent(0.5, 4)).toBe(12.5)
    expect(ratioPercent(1, 3.2)).toBe(refRatioPercent(1, 3.2))
  })

  it('every n/d with d ≤ 400 and n ≤ d + 10', () => {
    let bad = 0
    for (let d = 1; d <= 400; d++) for (let n = 0; n <= d + 10; n++) if (!same(n, d)) bad++
    expect(bad).toBe(0)
  })

  it('every tie: d of the form 2^a·5^b, which make x.xx5 exact', () => {
    let bad = 0
    let ties = 0
    for (let a = 0; a <= 12; a++)
      for (let b = 0; b <= 8; b++) {
        const d = 2 ** a * 5 ** b
        for (let n = 0; n <= Math.min(d, 5000); n++) {
          if ((20000 * n) % (2 * d) === d) ties++
          if (!same(n, d)) bad++
        }
      }
    expect(ties).toBeGreaterThan(1000)
    expect(bad).toBe(0)
  })

  it('100,000 random pairs at every magnitude, up to the limits of the integer path and beyond', () => {
    const next = rng(766)
    const failures: Array<[number, number]> = []
    for (let i = 0; i < 100_000; i++) {
      const dd = Math.floor(next() * 16) // d up to 10^16: past 2^52, where the BigInt path takes over
      const d = Math.max(1, Math.floor(next() * 10 ** dd))
      const n =
        i % 4 === 0
          ? Math.floor(next() * 10 ** Math.floor(next() * 16)) // any size, also > d
          : Math.floor(next() * (d + 1))
      if (!same(n, d)) failures.push([n, d])
    }
    for (const n of [2 ** 53 / 40000 - 1, 2 ** 53 / 40000, 2 ** 53 / 40000 + 1, 2 ** 53 - 1])
      for (const d of [1, 3, 7, 2 ** 52 - 1, 2 ** 52, 2 ** 53 - 1])
        if (!same(Math.floor(n), d)) failures.push([n, d])
    expect(failures.slice(0, 10)).toEqual([])
  })
})

describe('decimalToRational of an integer', () => {
  it('is the integer over 1, as the printed-decimal path gives', () => {
    const next = rng(13)
    const xs = [0, -0, 1, -1, 7, 100, 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 53, 1e21, 1e22, 0.5, 1e-7, 123.456]
    for (let i = 0; i < 10_000; i++) xs.push(Math.floor((next() - 0.5) * 10 ** Math.floor(next() * 17)))
    for (const x of xs) expect(decimalToRational(x), String(x)).toEqual(refDecimalToRational(x))
  })
})
