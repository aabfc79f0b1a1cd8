/**
 * Names qd766 derives fit the file system (255 bytes), are cut by whole characters, keep the
 * extension and the uniqueness suffix; stored names carry no control characters.
 */
import { describe, expect, it } from 'vitest'
import { fitName, NAME_MAX, safeName, truncateBytes } from '../../src/inbox/names.ts'

const bytes = (s: string) => Buffer.byteLength(s)

describe('fitName', () => {
  const long = `${'Bảng xếp hạng Đắk Lắk '.repeat(12)}.xlsx`
  it.each([
    { name: 'short.xlsx', max: NAME_MAX, suffix: '', expect: 'short.xlsx' },
    { name: long, max: NAME_MAX, suffix: '-0123abcd', expect: /-0123abcd\.xlsx$/ },
    { name: long, max: 240, suffix: '', expect: /\.xlsx$/ },
    { name: `${'ư'.repeat(200)}.csv`, max: 100, suffix: '-2', expect: /^ư+-2\.csv$/ },
    { name: `${'x'.repeat(300)}`, max: NAME_MAX, suffix: '', expect: /^x+$/ },
    { name: `a.${'e'.repeat(40)}`, max: 30, suffix: '', expect: /^a\.e+$/ }, // absurd extension: part of the stem
  ])('$name.length chars into $max bytes with "$suffix"', (c) => {
    const out = fitName(c.name, c.max, c.suffix)
    expect(bytes(out)).toBeLessThanOrEqual(c.max)
    if (typeof c.expect === 'string') expect(out).toBe(c.expect)
    else expect(out).toMatch(c.expect)
    expect(Buffer.from(out, 'utf8').toString('utf8')).toBe(out) // valid UTF-8: nothing split
  })

  it('never separates a letter from its combining accent (NFD names from macOS)', () => {
    const nfd = 'ế'.normalize('NFD').repeat(100) // e + circumflex + acute: 5 bytes each
    const cut = truncateBytes(nfd, 12)
    expect(cut).toBe('ế'.normalize('NFD').repeat(2))
  })
})

describe('safeName', () => {
  it.each([
    ['bang\nxep\thang\u001b.csv', 'bang_xep_hang_.csv'],
    ['a\u0000b.xlsx', 'a_b.xlsx'],
    ['\u202egnp.exe.xlsx', '_gnp.exe.xlsx'],
    ['Tha\u0301nh Ho\u0301a.xlsx', 'Thánh Hóa.xlsx'], // NFC
    ['\u0007', '_'],
  ])('%j -> %j', (name, expected) => {
    expect(safeName(name)).toBe(expected)
  })
})
