/**
 * The provincial indicators' notes (how each is read from the one-stop tables) come from the
 * catalogue: Vietnamese by default with the table codes and column letters kept, English with --lang en.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { setLang, tIn } from '../../src/i18n/index.ts'
import { INDICATORS, indicatorNote } from '../../src/provincial/indicators.ts'

const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i
// English words the notes used before they were translated
const ENGLISH = /\b(?:dossiers?|online|procedures?|received|resolved|the|of|with|portal|not|all)\b/i
/** Table codes (T1…T7) and column expressions (K/J, (J+K)/C, N/(D+E+F)) in a note. */
const codes = (s: string) =>
  [...s.matchAll(/\bT[1-7]\b|\(?[A-P](?:\+[A-P])*\)?\/\(?[A-P](?:\+[A-P])*\)?/g)].map((m) =>
    m[0].replace(/[()]/g, ''),
  )

describe('indicator notes', () => {
  afterAll(() => setLang('vi'))
  it.each(INDICATORS.map((i) => [i.code]))('%s has a Vietnamese note with the same table codes', (code) => {
    const key = `prov.note.${code}` as const
    const vi = tIn('vi', key)
    const en = tIn('en', key)
    expect(VIETNAMESE_LETTER.test(vi)).toBe(true)
    expect(vi).not.toMatch(ENGLISH)
    expect(en).not.toBe(vi)
    expect(codes(vi).sort()).toEqual(codes(en).sort())
  })
  it('follows the current language', () => {
    setLang('vi')
    expect(indicatorNote('sync')).toBe(
      'T3 N/(D+E+F): hồ sơ đã đồng bộ lên Cổng Dịch vụ công quốc gia / tổng hồ sơ tiếp nhận.',
    )
    setLang('en')
    expect(indicatorNote('sync')).toBe('T3 N/(D+E+F): dossiers synced to the portal / dossiers received.')
  })
})
