/**
 * Turning cells into typed values, with errors a person can act on. Scores in national tables come
 * as numbers, as text with a decimal comma ("15,82"), with a maximum ("15,82/18"), or with a dot.
 * Text that looks like a formula ("=B2+C2") is never evaluated and never accepted as a number.
 */

import { t } from '../i18n/index.ts'
import type { CellValue } from '../read/types.ts'
import { cleanText } from '../text/normalize.ts'

export type Parsed<T> = { ok: true; value: T } | { ok: false; expected: string; found: string }

const EMPTY_MARKERS = new Set(['', '-', '–', '—', 'n/a', 'na', 'null', 'x'])

export function cellText(v: CellValue): string | null {
  if (v === null) return null
  const t = cleanText(String(v))
  return t === '' ? null : t
}

export function isBlankRow(cells: CellValue[]): boolean {
  return cells.every((c) => c === null || (typeof c === 'string' && cleanText(c) === ''))
}

/**
 * A decimal score: 15.82, "15,82", "15.82", "15,82/18", " 15,82 điểm". Empty and dash markers are
 * null (the source gave no value). Thousands separators are not expected in scores (max 100), so a
 * single comma or dot is the decimal mark.
 */
export function parseDecimal(v: CellValue): Parsed<number | null> {
  if (v === null) return { ok: true, value: null }
  if (typeof v === 'number') {
    return Number.isFinite(v)
      ? { ok: true, value: v }
      : { ok: false, expected: t('cells.expected.number'), found: String(v) }
  }
  const raw = cleanText(v)
  if (EMPTY_MARKERS.has(raw.toLowerCase())) return { ok: true, value: null }
  if (/^[=+@]/.test(raw) || (/^-/.test(raw) && /[A-Za-z(]/.test(raw))) {
    return {
      ok: false,
      expected: t('cells.expected.formula'),
      found: raw,
    }
  }
  const [, number] = /^(-?\d+(?:[.,]\d+)?)\s*(?:\/\s*\d+(?:[.,]\d+)?)?\s*(?:điểm|diem)?$/i.exec(raw) ?? []
  if (number === undefined) return { ok: false, expected: t('cells.expected.decimal'), found: raw }
  return { ok: true, value: Number(number.replace(',', '.')) }
}

/** A whole number (a reported rank, "STT"). */
export function parseInteger(v: CellValue): Parsed<number | null> {
  const d = parseDecimal(v)
  if (!d.ok || d.value === null) return d
  return Number.isInteger(d.value)
    ? d
    : { ok: false, expected: t('cells.expected.integer'), found: String(v) }
}

/** Rounds to 2 decimals for storage of reported scores that arrive with float noise (15.819999). */
export function round2(x: number): number {
  return Math.round((x + Number.EPSILON * Math.sign(x)) * 100) / 100
}
