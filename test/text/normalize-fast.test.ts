/**
 * The one-pass paths of cleanText and matchKey (issue 13: a provincial table keys every unit name)
 * give exactly what the full normalisation gives. The reference below is the implementation before
 * the fast paths, copied verbatim.
 */
import { describe, expect, it } from 'vitest'
// (mulberry32, deterministic: a failure can be replayed)
import { rng } from '../../fixtures/national.ts'
import { cleanText, matchKey } from '../../src/text/normalize.ts'

const OLD_STYLE: Record<string, string> = {
  oà: 'òa',
  oá: 'óa',
  oả: 'ỏa',
  oã: 'õa',
  oạ: 'ọa',
  oè: 'òe',
  oé: 'óe',
  oẻ: 'ỏe',
  oẽ: 'õe',
  oẹ: 'ọe',
  uỳ: 'ủy',
  uý: 'úy',
  uỷ: 'ủy',
  uỹ: 'ũy',
  uỵ: 'ụy',
}
function refCleanText(s: string): string {
  if (/^[!-~]*$/.test(s)) return s
  return s
    .normalize('NFC')
    .replace(/[\s\u00a0\u200b\ufeff]+/g, ' ')
    .trim()
}
function refCanonicalTones(s: string): string {
  return s.replace(/(o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])(?![\p{L}])/gu, (m) => OLD_STYLE[m.toLowerCase()] ?? m)
}
function refStripAccents(s: string): string {
  if (/^[\x00-\x7f]*$/.test(s)) return s
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC')
}
function refMatchKey(s: string): string {
  const base = refCanonicalTones(refCleanText(s).toLowerCase())
  return refStripAccents(base)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

const VIET = 'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ'
const PIECES = [
  ...VIET,
  ...VIET.toUpperCase(),
  ...'0123456789',
  ...' !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  ' ',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\u00a0',
  '\u200b',
  '\ufeff',
  '\u2013',
  '\u2014',
  '\u201c',
  '\u201d',
  '\u2026',
  '\u2028',
  '\u3000',
  '\u0300',
  '\u0301',
  '\u0303',
  '\u0309',
  '\u0323',
  '\u0302',
  '\u0306',
  '\u031b',
  '\u0483',
  '\u1dc0',
  'e\u0301',
  'o\u0302\u0301',
  'u\u031b\u0323',
  'oà',
  'oá',
  'uỷ',
  'uý',
  'Oà',
  'hoà',
  'Thuỷ',
  'İ',
  'ß',
  'ǅ',
  'Σ',
  'ς',
  'ø',
  'æ',
  'µ',
  '²',
  '½',
  'Ω',
  'Å',
  'ﬁ',
  '😀',
  '\ud800',
  'Ⅳ',
  'Ⓐ',
  '«',
  '°',
  '·',
  '×',
  '\u00ad',
  'ǈ',
  'ẛ',
  'Sở',
  'UBND',
  'xã',
  'Tổng số',
  'Tổng cộng',
]

function randomText(next: () => number): string {
  const n = Math.floor(next() * 12)
  let s = ''
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(next() * PIECES.length)]
  return s
}

describe('cleanText and matchKey fast paths equal the full normalisation', () => {
  it('on every single UTF-16 code unit', { timeout: 60_000 }, () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c)
      expect(cleanText(ch), `U+${c.toString(16)}`).toBe(refCleanText(ch))
      expect(matchKey(ch), `U+${c.toString(16)}`).toBe(refMatchKey(ch))
    }
  })

  it('on every pair of Latin, Vietnamese and punctuation characters', { timeout: 60_000 }, () => {
    const chars: string[] = []
    for (let c = 0; c < 0x2070; c++)
      if (c < 0x250 || (c >= 0x1e00 && c < 0x1f00) || c >= 0x2000) chars.push(String.fromCharCode(c))
    let bad = 0
    for (const a of chars)
      for (const b of chars) {
        const s = a + b
        if (cleanText(s) !== refCleanText(s) || matchKey(s) !== refMatchKey(s)) bad++
      }
    expect(bad).toBe(0)
  })

  it('on 200,000 random strings of Vietnamese, NFD marks, spaces and punctuation', {
    timeout: 60_000,
  }, () => {
    const next = rng(766)
    const failures: string[] = []
    for (let i = 0; i < 200_000; i++) {
      const s = randomText(next)
      if (cleanText(s) !== refCleanText(s) || matchKey(s) !== refMatchKey(s)) failures.push(JSON.stringify(s))
    }
    expect(failures.slice(0, 10)).toEqual([])
  })

  it('on the names and labels of real exports', () => {
    for (const s of [
      'UBND xã Số 2',
      'Sở ban ngành số 1',
      'Ủy ban nhân dân huyện Nga Sơn',
      'UBND Huyện Nga Sơn',
      'Sở Tài nguyên & Môi trường',
      ' Tổng số ',
      'Tổng  cộng',
      'Đạt ',
      'Không đạt',
      'Công khai, minh bạch\n(18 điểm)',
      'CONG KHAI MINH BACH (18 diem)',
      'Văn phòng đăng ký đất đai – Chi nhánh Thọ Xuân',
      'Thủy / Thuỷ',
      'Hoà Bình',
      '1.654',
      '94.38%',
      '',
      '   ',
    ]) {
      expect(cleanText(s), s).toBe(refCleanText(s))
      expect(matchKey(s), s).toBe(refMatchKey(s))
    }
  })
})
