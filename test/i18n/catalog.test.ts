import { describe, expect, it } from 'vitest'
import { MESSAGES } from '../../src/i18n/catalog.ts'
import { setLang, t, tIn } from '../../src/i18n/index.ts'

// Any parameter a message asks for reads as "X" (numbers as 1), so every entry can be rendered.
const anyParams = new Proxy({}, { get: (_t, key) => (key === 'n' || key === 'count' ? 1 : 'X') })

function render(text: unknown): string {
  return typeof text === 'function' ? String(text(anyParams)) : String(text)
}

// Letters only Vietnamese uses (with diacritics): an entry whose Vietnamese has none of them and
// reads the same as its English is almost certainly untranslated.
const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i

describe('message catalogue', () => {
  const entries = Object.entries(MESSAGES)
  it('has entries', () => {
    expect(entries.length).toBeGreaterThan(0)
  })
  it.each(entries)('%s has Vietnamese text', (_key, entry) => {
    const vi = render(entry.vi).trim()
    const en = render(entry.en).trim()
    expect(vi.length).toBeGreaterThan(0)
    expect(en.length).toBeGreaterThan(0)
    // Short technical words (a unit, a code) may read the same; sentences must be Vietnamese.
    if (vi.split(/\s+/).length >= 2) expect(VIETNAMESE_LETTER.test(vi) || vi !== en).toBe(true)
  })
  it('switches language', () => {
    setLang('en')
    expect(t('common.yes')).toBe('yes')
    setLang('vi')
    expect(t('common.yes')).toBe('có')
    expect(tIn('vi', 'common.rows', { n: '1.234' })).toBe('1.234 dòng')
  })
})
