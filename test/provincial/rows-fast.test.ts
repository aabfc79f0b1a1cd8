/**
 * The quicker paths of the provincial row reading (issue 13: classifyRow's early stop and
 * isTotalLabel's first-letter test, parseCount and parseRate without regexes for the common styles,
 * unitNameKey without rewrites that cannot apply) give what the code before them gave. The references
 * below are that code, copied verbatim from the commit before.
 */
import { describe, expect, it } from 'vitest'
// (mulberry32, deterministic: a failure can be replayed)
import { rng } from '../../fixtures/national.ts'
import { t as tr } from '../../src/i18n/index.ts'
import { cellText, isBlankRow } from '../../src/pipeline/cells.ts'
import { type ParsedNumber, type ParsedRate, parseCount, parseRate } from '../../src/provincial/numbers.ts'
import { classifyRow, isRoman, isTotalLabel, type RowClass, sectionLevel } from '../../src/provincial/rows.ts'
import { normaliseEidCode, unitNameKey } from '../../src/provincial/units.ts'
import type { CellValue } from '../../src/read/types.ts'
import { cleanText, matchKey } from '../../src/text/normalize.ts'

const EMPTY = new Set(['', '-', '–', '—'])
const TOTAL = /^(?:tong so|tong cong|tong|cong|toan tinh|tong toan tinh)$/

function thousandths(x: number): number | null {
  const k = x * 1000
  const r = Math.round(k)
  return Math.abs(k - r) < 1e-6 ? r : null
}

function refParseCount(v: CellValue): ParsedNumber {
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

function refParseRate(v: CellValue): ParsedRate {
  if (v === null) return { ok: true, value: null, style: 'empty' }
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < 0) return { ok: false, expected: tr('prov.rate.number'), found: String(v) }
    return v <= 1
      ? { ok: true, value: v * 100, style: 'fraction' }
      : { ok: true, value: v, style: 'percent-number' }
  }
  const t = cleanText(v)
  if (EMPTY.has(t)) return { ok: true, value: null, style: 'empty' }
  const percent = /^(\d+(?:[.,]\d+)?)\s*%$/.exec(t)?.[1]
  if (percent !== undefined)
    return { ok: true, value: Number(percent.replace(',', '.')), style: 'percent-text' }
  const plain = /^(\d+(?:[.,]\d+)?)$/.exec(t)?.[1]
  if (plain !== undefined) return { ok: true, value: Number(plain.replace(',', '.')), style: 'plain-text' }
  return { ok: false, expected: tr('prov.rate.text'), found: t }
}

function refIsTotalLabel(text: string | null): boolean {
  return text !== null && TOTAL.test(matchKey(text))
}

function refClassifyRow(
  cells: CellValue[],
  cols: { stt: number | null; name: number; code: number | null; values: number[] },
): RowClass {
  if (isBlankRow(cells)) return { kind: 'blank' }
  const at = (i: number | null) => (i === null ? null : cellText(cells[i] ?? null))
  const stt = at(cols.stt)
  const name = at(cols.name)
  const code = at(cols.code)
  const labels = [stt, code, name].filter((t): t is string => t !== null)
  const total = labels.find((t) => refIsTotalLabel(t))
  if (total && (stt === null || refIsTotalLabel(stt) || !/^\d+$/.test(stt)))
    return { kind: 'total', label: total }
  // Section rows: the heading text fills every cell of its (possibly over-wide) merge, or sits alone
  // after a roman numeral when the merge was lost (CSV).
  const texts = cells
    .map((c, i) => (i === cols.stt ? null : cellText(c ?? null)))
    .filter((t): t is string => t !== null)
  const distinct = [...new Set(texts)]
  const valueTexts = cols.values.map((i) => cellText(cells[i] ?? null))
  const numericValues = valueTexts.filter((t) => t !== null && t !== distinct[0])
  if (distinct.length === 1 && numericValues.length === 0) {
    const text = distinct[0]!
    const level = sectionLevel(text)
    // A numbered row is a unit even when all its cells are empty ("Sở Tư pháp" with no data).
    if (isRoman(stt) || (stt === null && level !== null)) return { kind: 'section', text, level }
    if (stt === null) {
      // Unnumbered text filling a merge is an unknown heading; a single text cell is a note.
      return texts.length > 1 ? { kind: 'section', text, level: null } : { kind: 'note', text }
    }
  }
  if (isRoman(stt) && numericValues.length === 0 && name !== null) {
    return { kind: 'section', text: name, level: sectionLevel(name) }
  }
  return { kind: 'unit' }
}

function refUnitNameKey(name: string): string {
  return matchKey(name.replace(/&/g, ' và '))
    .replace(/\buy ban nhan dan\b/g, 'ubnd')
    .replace(/\btp\b/g, 'thanh pho')
    .replace(/\btx\b/g, 'thi xa')
    .replace(/\btt\b/g, 'thi tran')
    .replace(/\bvpdk\s*dd\b|\bvpdkdd\b/g, 'van phong dang ky dat dai')
    .replace(/\s+/g, ' ')
    .trim()
}

function refNormaliseEidCode(v: string | number | null): string | null {
  if (v === null) return null
  const t = String(v).normalize('NFC').replace(/\s+/g, '').toUpperCase()
  return t === '' ? null : t
}

const pick = <T>(next: () => number, xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!

const LABELS = [
  'Tổng số',
  'TỔNG CỘNG',
  ' tổng ',
  'Tổng',
  'Cộng',
  'cộng:',
  'Toàn tỉnh',
  'Tổng toàn tỉnh',
  'T\u1ed5ng s\u1ed1',
  'To\u0302\u0309ng so\u0302\u0301',
  '(Tổng số)',
  '- Tổng cộng -',
  'Tong so',
  'TONG',
  'Cong',
  'Cộng hòa',
  'Tổng hợp',
  'Thanh Hóa',
  'Trung tâm Phục vụ hành chính công',
  'Chi cục Thuế',
  'Công an tỉnh',
  'công',
  'I',
  'II',
  'iii.',
  'IV',
  'X',
  'v',
  'IX.',
  'XI',
  '1',
  '12',
  '007',
  '1.',
  '1a',
  'a',
  'Sở, ban, ngành',
  'Các sở, ban, ngành',
  'Cấp huyện (huyện, thị xã, thành phố)',
  'Xã, phường, thị trấn',
  'Cấp xã',
  'Văn phòng đăng ký đất đai',
  'Khối sở ngành',
  'Quận, huyện',
  'Ghi chú: số liệu đến ngày 30/6',
  'UBND xã Số 2',
  'Sở ban ngành số 1',
  'Ủy ban nhân dân huyện Nga Sơn',
  'UBND TP. Thanh Hóa',
  'TX Bỉm Sơn',
  'TT Lam Sơn',
  'VPĐK ĐĐ chi nhánh Thọ Xuân',
  'VPĐKĐĐ',
  'Sở Tài nguyên & Môi trường',
  'Tp Sầm Sơn',
  'tt',
  'Uỷ ban nhân dân phường Đông Vệ',
  'CN VPĐK đất đai',
  'ttp',
  'tpx',
  'Trường',
  'ßtp',
  'a_tp',
  'Σ',
  '😀 Tổng',
  '\u00a0Tổng số',
  '\u200bTổng cộng',
  '\ufeffCộng',
  '\tTổng\n',
  '',
  ' ',
  '-',
  '–',
  '—',
]
const VALUES = [
  '1.234',
  '12.345',
  '1.234.567',
  '870',
  '0',
  '',
  '-',
  '—',
  '96.39%',
  '85.7%',
  '100%',
  '0%',
  '14.299999999999997%',
  '96,39%',
  '96.39 %',
  '5.',
  '.5',
  '1..2',
  '1.23',
  '1234.567',
  '1.2345',
  '1,250,000',
  '1 234',
  '12 345',
  ' 12 ',
  '00.123',
  '000',
  '1.000',
  '123456789012345',
  '1234567890123456',
  '1.234.567.890.123.456',
  '9'.repeat(25),
  'Đạt',
  'Không đạt',
  'abc',
  '%',
  '1%%',
  '+5',
  '-5',
  '1e3',
  ' 1.234 ',
  '1.234\u00a0',
  '\u0661\u0662',
  0,
  5,
  999,
  1000,
  1.234,
  2.5,
  0.9639,
  1.5,
  -1,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  null,
] as CellValue[]

describe('the provincial row readers give what they gave before', () => {
  it('parseCount and parseRate on every value style', () => {
    for (const v of [...VALUES, ...LABELS]) {
      expect(parseCount(v), String(v)).toEqual(refParseCount(v))
      expect(parseRate(v), String(v)).toEqual(refParseRate(v))
    }
  })

  it('parseCount and parseRate on 100,000 random digit, dot, comma and percent strings', () => {
    const next = rng(13)
    const alphabet = ['0', '1', '2', '5', '9', '.', ',', '%', ' ', '-']
    let bad = 0
    for (let i = 0; i < 100_000; i++) {
      let s = ''
      const n = 1 + Math.floor(next() * 20)
      for (let k = 0; k < n; k++) s += pick(next, alphabet)
      const a: ParsedNumber = parseCount(s)
      const b: ParsedRate = parseRate(s)
      // (JSON: same fields, same order; the values are finite and never -0 here)
      if (JSON.stringify(a) !== JSON.stringify(refParseCount(s))) bad++
      if (JSON.stringify(b) !== JSON.stringify(refParseRate(s))) bad++
    }
    expect(bad).toBe(0)
  })

  it('isTotalLabel, unitNameKey and normaliseEidCode on labels, names, codes and random text', () => {
    const next = rng(766)
    const texts = [...LABELS]
    for (let i = 0; i < 50_000; i++) {
      let s = ''
      const n = Math.floor(next() * 4)
      for (let k = 0; k < n; k++)
        s += `${pick(next, LABELS)}${pick(next, ['', ' ', '.', '&', ',', '\n', '/'])}`
      texts.push(s)
    }
    let bad = 0
    for (const s of texts) {
      if (isTotalLabel(s) !== refIsTotalLabel(s)) bad++
      if (unitNameKey(s) !== refUnitNameKey(s)) bad++
    }
    for (const v of [
      ...texts,
      ...VALUES,
      '000.00.12.h56',
      ' 000.00.12.H56 ',
      '000. 00.12.H56',
      'h56\u00a0',
      'e\u0301.h56',
    ])
      if (normaliseEidCode(v) !== refNormaliseEidCode(v)) bad++
    expect(isTotalLabel(null)).toBe(false)
    expect(bad).toBe(0)
  })

  it('classifyRow on 100,000 random rows of labels, names, numbers and blanks', () => {
    const next = rng(2026)
    const cellPool: CellValue[] = [...LABELS, ...VALUES, null, null, null, ' ']
    let bad = 0
    const kinds = new Map<string, number>()
    const firstBad: unknown[] = []
    for (let i = 0; i < 100_000; i++) {
      const width = Math.floor(next() * 7)
      const cells: CellValue[] = []
      // Section-like rows: one text repeated over a merge.
      const repeated = next() < 0.3 ? pick(next, cellPool) : undefined
      for (let k = 0; k < width; k++)
        cells.push(repeated !== undefined && next() < 0.8 ? repeated : pick(next, cellPool))
      if (next() < 0.05) cells.length = width + 2 // holes at the end
      const stt = next() < 0.2 ? null : 0
      const name = stt === null ? Math.floor(next() * 2) : 1 + Math.floor(next() * 2)
      const code = next() < 0.6 ? null : Math.floor(next() * 4)
      const values: number[] = []
      for (let k = 0; k < 8; k++) if (next() < 0.5) values.push(k)
      const cols = { stt, name, code, values }
      const a: RowClass = classifyRow(cells, cols)
      const b = refClassifyRow(cells, cols)
      kinds.set(b.kind, (kinds.get(b.kind) ?? 0) + 1)
      if (JSON.stringify(a) !== JSON.stringify(b)) {
        bad++
        if (firstBad.length < 5) firstBad.push({ cells, cols, a, b })
      }
    }
    expect(firstBad).toEqual([])
    expect(bad).toBe(0)
    // Every class was met, each many times.
    for (const kind of ['blank', 'section', 'total', 'unit', 'note'])
      expect(kinds.get(kind) ?? 0).toBeGreaterThan(500)
  })
})
