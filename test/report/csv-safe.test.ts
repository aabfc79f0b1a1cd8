/**
 * Issue 9 §5: CSV that people open (ranking, units, Excel downloads) never carries a formula: text
 * starting with = + - @, a tab or a CR gets a leading ' as the workbooks do; numbers stay numbers.
 * CSV for tools (`query --format csv`) is left as the data are.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeForm } from '../../fixtures/provincial/forms.ts'
import { f5 } from '../../fixtures/provincial/tables.ts'
import { excelCsv, peopleCsv, toCsv } from '../../src/report/text-formats.ts'
import { cli, tempHome } from '../helpers.ts'

describe('peopleCsv', () => {
  it.each<[string, string | number | null, string]>([
    ['a formula', '=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['a plus', '+84 912', "'+84 912"],
    ['a minus in text', '-Sở A', "'-Sở A"],
    ['an at sign', '@SUM(A1)', "'@SUM(A1)"],
    ['a leading tab', '\t=1+1', "'\t=1+1"],
    ['a leading CR', '\r=1', `"'\r=1"`],
    ['plain text', 'Sở Tư pháp', 'Sở Tư pháp'],
    ['text with = inside', 'a=b', 'a=b'],
    ['a negative number stays a number', -1.5, '-1.5'],
    ['a positive number', 12, '12'],
    ['null', null, ''],
  ])('%s', (_what, cell, field) => {
    expect(peopleCsv(['h'], [[cell]])).toBe(`h\n${field}\n`)
  })

  it('Excel CSV is neutralised too; CSV for tools is not', () => {
    expect(excelCsv(['h'], [['=1']])).toBe("\ufeffh\r\n'=1\r\n")
    expect(toCsv(['h'], [['=1']])).toBe('h\n=1\n')
  })
})

describe('units --format csv', () => {
  it('prints hostile unit names as text and keeps numbers as numbers', async () => {
    const home = tempHome({ province: 'Thanh Hóa' })
    const fx = f5()
    fx.grid.rows[6]![1] = '=HYPERLINK("http://example.invalid","bấm")'
    fx.grid.rows[7]![1] = '@SUM(1+1)'
    await writeForm(join(home, 'inbox'), fx, 'html', 'tien-do-2025-10')
    const refresh = cli(home, ['refresh'])
    expect(refresh.code, refresh.stdout + refresh.stderr).toBe(0)
    const r = cli(home, ['units', 'Thanh Hóa', '--format', 'csv'])
    expect(r.code, r.stderr).toBe(0)
    const lines = r.stdout.trim().split('\n')
    const names = lines.slice(1).map((l) => l.split(',')[1])
    expect(names).toContain(`"'=HYPERLINK(""http://example.invalid""`)
    expect(names).toContain("'@SUM(1+1)")
    expect(lines.slice(1).every((l) => !/(^|,)[=+@]/.test(l))).toBe(true)
    // the rank column stays a bare number
    expect(lines.slice(1).every((l) => /^\d+,/.test(l))).toBe(true)
  })
})
