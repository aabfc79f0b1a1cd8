/**
 * The number styles of the provincial one-stop exports (docs/provincial-exports.md §0.3), all of which can
 * appear in one file:
 * - counts with "." as the thousands separator ("12.345", "1.234.567"), or raw integers ("1195");
 * - money (VNĐ) with "," as the thousands separator ("1,250,000");
 * - rates as "96.39%", "85.7%", "100%", "0" (no %) or "" when zero, sometimes with float noise
 *   ("14.299999999999997%");
 * - multi-value cells "Số lượng: 1.234↵Tỷ lệ: 45.5%↵Điểm số: 2" (T4).
 * After an Excel re-save the text may already have been converted using the PC's locale: in en-US
 * "1.234" becomes the number 1.234 and "96.39%" becomes 0.9639 (a percent-formatted fraction); in
 * vi-VN "1.234" becomes 1234 and "96.39%" stays text. A count can never be fractional, so a count
 * that arrives as a non-integer number was a "."-thousands count read as a decimal ("mangled"); its
 * value is recovered as ×1000. "3.000" read as 3 cannot be told from a real 3: such cells are flagged
 * `ambiguous` and settled later by the table's invariants (see repair.ts).
 */

import { t as tr } from '../i18n/index.ts'
import type { CellValue } from '../read/types.ts'
import { cleanText, stripAccents } from '../text/normalize.ts'

export type NumberStyle =
  /** null / "" / "-": the export writes nothing for zero (§0.3). */
  | 'empty'
  /** Digits only ("870", "0"). */
  | 'plain'
  /** "12.345" (counts). */
  | 'dot-thousands'
  /** "1,250,000" (money). */
  | 'comma-thousands'
  /** A real number cell holding an integer. */
  | 'number'
  /** A number cell that was a "."-thousands count read as a decimal by en-US Excel (1.234 -> 1234). */
  | 'mangled'

export type ParsedNumber =
  | {
      ok: true
      value: number
      style: NumberStyle
      /**
       * A number cell holding an integer 1..999: in a sheet that shows en-US mangling it may have
       * been "N.000" (e.g. "2.000" read as 2). Only meaningful when the sheet is mangled.
       */
      ambiguous: boolean
    }
  | { ok: false; expected: string; found: string }

const EMPTY = new Set(['', '-', '–', '—'])

/** True when x has at most 3 decimals (1.234, 1.2, 3.01), i.e. x·1000 is a whole number. */
function thousandths(x: number): number | null {
  const k = x * 1000
  const r = Math.round(k)
  return Math.abs(k - r) < 1e-6 ? r : null
}

/**
 * The two count styles of nearly every cell, "870" (plain) and "12.345" (dot-thousands), read in one
 * pass without the regexes and the string without dots; the digits are summed exactly (at most 15 of
 * them, below 2^53), as Number() reads them. Null for anything else: the regexes decide.
 */
function digitsOrDotThousands(t: string): ParsedNumber | null {
  const n = t.length
  if (n === 0 || n > 19) return null
  let value = 0
  let digits = 0
  /** Digits since the last ".", or -1 before the first. */
  let group = -1
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i)
    if (c >= 0x30 && c <= 0x39) {
      value = value * 10 + (c - 0x30)
      digits++
      if (group >= 0) group++
    } else if (c === 0x2e) {
      if (group === -1 ? digits < 1 || digits > 3 : group !== 3) return null
      group = 0
    } else return null
  }
  if (digits > 15 || (group !== -1 && group !== 3)) return null
  return { ok: true, value, style: group === -1 ? 'plain' : 'dot-thousands', ambiguous: false }
}

/**
 * A count of dossiers or procedures. Text is read the Vietnamese way ("." = thousands); a number
 * cell with a fractional part is an en-US mangled count and is multiplied back by 1000.
 */
export function parseCount(v: CellValue): ParsedNumber {
  if (v === null) return { ok: true, value: 0, style: 'empty', ambiguous: false }
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < 0) {
      return { ok: false, expected: tr('prov.count.negative'), found: String(v) }
    }
    if (Number.isInteger(v)) return { ok: true, value: v, style: 'number', ambiguous: v >= 1 && v <= 999 }
    const k = thousandths(v)
    if (k === null) {
      return {
        ok: false,
        expected: tr('prov.count.fraction'),
        found: String(v),
      }
    }
    return { ok: true, value: k, style: 'mangled', ambiguous: false }
  }
  const t = cleanText(v)
  const quick = digitsOrDotThousands(t)
  if (quick !== null) return quick
  if (EMPTY.has(t)) return { ok: true, value: 0, style: 'empty', ambiguous: false }
  if (/^\d+$/.test(t)) return { ok: true, value: Number(t), style: 'plain', ambiguous: false }
  if (/^\d{1,3}(?:\.\d{3})+$/.test(t)) {
    return { ok: true, value: Number(t.replace(/\./g, '')), style: 'dot-thousands', ambiguous: false }
  }
  if (/^\d{1,3}(?:,\d{3})+$/.test(t)) {
    return { ok: true, value: Number(t.replace(/,/g, '')), style: 'comma-thousands', ambiguous: false }
  }
  if (/^\d{1,3}(?: \d{3})+$/.test(t)) {
    return { ok: true, value: Number(t.replace(/ /g, '')), style: 'plain', ambiguous: false }
  }
  return {
    ok: false,
    expected: tr('prov.count.text'),
    found: t,
  }
}

/**
 * An amount of money in VNĐ: "1,250,000" (the vendor's style), "1.250.000" or digits. A number cell
 * is taken as is (en-US Excel reads "1,250,000" correctly); a fractional one was a "," decimal read
 * by vi-VN Excel ("1,250" -> 1.25) and is multiplied back by 1000.
 */
export function parseMoney(v: CellValue): ParsedNumber {
  if (v === null) return { ok: true, value: 0, style: 'empty', ambiguous: false }
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < 0)
      return { ok: false, expected: tr('prov.money.negative'), found: String(v) }
    if (Number.isInteger(v)) return { ok: true, value: v, style: 'number', ambiguous: false }
    const k = thousandths(v)
    if (k === null) return { ok: false, expected: tr('prov.money.fraction'), found: String(v) }
    return { ok: true, value: k, style: 'mangled', ambiguous: false }
  }
  const t = cleanText(v)
    .replace(/\s*(?:vnđ|vnd|đ|đồng)$/i, '')
    .trim()
  if (EMPTY.has(t)) return { ok: true, value: 0, style: 'empty', ambiguous: false }
  if (/^\d+$/.test(t)) return { ok: true, value: Number(t), style: 'plain', ambiguous: false }
  if (/^\d{1,3}(?:,\d{3})+$/.test(t)) {
    return { ok: true, value: Number(t.replace(/,/g, '')), style: 'comma-thousands', ambiguous: false }
  }
  if (/^\d{1,3}(?:\.\d{3})+$/.test(t)) {
    return { ok: true, value: Number(t.replace(/\./g, '')), style: 'dot-thousands', ambiguous: false }
  }
  return { ok: false, expected: tr('prov.money.text'), found: t }
}

export type RateStyle = 'empty' | 'percent-text' | 'plain-text' | 'fraction' | 'percent-number'

export type ParsedRate =
  | { ok: true; value: number | null; style: RateStyle }
  | { ok: false; expected: string; found: string }

/**
 * An exported rate, as a percentage (96.39). "" and null are "nothing" (the vendor writes "" for a
 * zero or undefined rate); "0" is 0. A number cell ≤ 1 is Excel's percent-formatted fraction
 * ("96.39%" re-saved -> 0.9639); a number above 1 is a percentage typed without the sign.
 */
export function parseRate(v: CellValue): ParsedRate {
  if (v === null) return { ok: true, value: null, style: 'empty' }
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < 0) return { ok: false, expected: tr('prov.rate.number'), found: String(v) }
    return v <= 1
      ? { ok: true, value: v * 100, style: 'fraction' }
      : { ok: true, value: v, style: 'percent-number' }
  }
  const t = cleanText(v)
  if (EMPTY.has(t)) return { ok: true, value: null, style: 'empty' }
  // "96.39%": digits, at most one "." inside, "%" (the regexes below read it the same way).
  if (t.length > 1 && t.length < 24 && t.charCodeAt(t.length - 1) === 0x25 && plainDecimal(t, t.length - 1))
    return { ok: true, value: Number(t.slice(0, -1)), style: 'percent-text' }
  const percent = /^(\d+(?:[.,]\d+)?)\s*%$/.exec(t)?.[1]
  if (percent !== undefined)
    return { ok: true, value: Number(percent.replace(',', '.')), style: 'percent-text' }
  const plain = /^(\d+(?:[.,]\d+)?)$/.exec(t)?.[1]
  if (plain !== undefined) return { ok: true, value: Number(plain.replace(',', '.')), style: 'plain-text' }
  return { ok: false, expected: tr('prov.rate.text'), found: t }
}

/** t[0, end) is digits with at most one "." between digits: what \d+(?:\.\d+)? matches. */
function plainDecimal(t: string, end: number): boolean {
  let dot = -1
  for (let i = 0; i < end; i++) {
    const c = t.charCodeAt(i)
    if (c === 0x2e && dot === -1 && i > 0) dot = i
    else if (c < 0x30 || c > 0x39) return false
  }
  return dot !== end - 1
}

export interface MultiValue {
  /** "Số lượng: …" */
  quantity: string | null
  /** "Tỷ lệ: …" */
  rate: string | null
  /** "Điểm số: …" (the vendor's own score; not the 766 methodology, kept for the record). */
  score: string | null
}

const multiLabel = (label: string) => new RegExp(`${label}\\s*:\\s*([0-9][0-9.,]*\\s*%?)`)
// Compiled once, not for every cell (non-global: exec keeps no state between calls).
const QUANTITY = multiLabel('so luong')
const RATE = multiLabel('ty le')
const SCORE = multiLabel('diem so')

/**
 * Splits a T4 multi-value cell "Số lượng: 1.234↵Tỷ lệ: 45.5%↵Điểm số: 2" into its parts, whatever
 * separates them (newline from `<br>`, spaces after a CSV round-trip). Returns null when the cell has
 * no "Số lượng:" / "Tỷ lệ:" / "Điểm số:" label (a plain value).
 */
export function splitMultiValue(v: CellValue): MultiValue | null {
  if (typeof v !== 'string') return null
  const t = stripAccents(v.normalize('NFC')).toLowerCase().replace(/\s+/g, ' ')
  const grab = (label: RegExp) => {
    const value = label.exec(t)?.[1]
    return value === undefined ? null : value.replace(/\s+/g, '')
  }
  const out = { quantity: grab(QUANTITY), rate: grab(RATE), score: grab(SCORE) }
  if (out.quantity === null && out.rate === null && out.score === null) {
    return /(so luong|ty le|diem so)\s*:/.test(t) ? { quantity: null, rate: null, score: null } : null
  }
  return out
}

/** 100·n/d as a plain double (no rounding), null when d is 0. */
export function percent(n: number, d: number): number | null {
  return d === 0 ? null : (100 * n) / d
}
