/**
 * The streaming HTML-.xls reader: the browser's table rules it relies on (through parse5's tree
 * builder), and that a big export is laid out row by row without the document being held.
 */
import { statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { encodeWindows1258 } from '../../fixtures/lib/windows-1258.ts'
import { HtmlTableStream, htmlFromBytes, htmlSheet, LOOKAHEAD, readHtml } from '../../src/read/html.ts'
import { DEFAULT_LIMITS } from '../../src/read/types.ts'
import { tempDir } from '../helpers.ts'
import { collect } from './collect.ts'

const rowsOf = (html: string) => htmlSheet(html).rows.map((r) => [r.rowNumber, r.cells])

describe('HTML tables laid out as a browser builds them', () => {
  it.each([
    ['implicit <tbody>', '<table><tr><td>a</td><td>b</td></tr></table>', [[1, ['a', 'b']]]],
    ['a <td> without a <tr>', '<table><td>a</td><td>b</td></table>', [[1, ['a', 'b']]]],
    [
      'unclosed <td> and <tr>',
      '<table><tr><td>a<td>b<tr><td>c<td>d</table>',
      [
        [1, ['a', 'b']],
        [2, ['c', 'd']],
      ],
    ],
    [
      'unclosed everything at the end of the file',
      '<table><tr><td>a<td>b<tr><td>c',
      [
        [1, ['a', 'b']],
        [2, ['c']],
      ],
    ],
    ['stray text inside <table> moves out of it', '<table>lạc chỗ<tr><td>a</td></tr></table>', [[1, ['a']]]],
    [
      'a <table> directly in a <table> closes the first',
      '<table><tr><td>a</td></tr><table><tr><td>b</td></tr></table>',
      [
        [1, ['a']],
        [2, ['b']],
      ],
    ],
    [
      'a nested table after its row: the row text first',
      '<table><tr><td>Tiêu đề<table><tr><td>x</td><td>y</td></tr></table></td></tr><tr><td>z</td></tr></table>',
      [
        [1, ['Tiêu đề']],
        [2, ['x', 'y']],
        [3, ['z']],
      ],
    ],
    [
      'a wrapper row of nested tables only is replaced by their rows',
      '<table><tr><td><table><tr><td>a</td></tr></table></td><td><table><tr><td>b</td></tr></table></td></tr></table>',
      [
        [1, ['a']],
        [2, ['b']],
      ],
    ],
    [
      'colspan and rowspan',
      '<table><tr><td rowspan="2">A</td><td colspan="2">B</td></tr><tr><td>c</td><td>d</td></tr></table>',
      [
        [1, ['A', 'B', 'B']],
        [2, ['A', 'c', 'd']],
      ],
    ],
    [
      'rowspan="0" stops at the end of its <tbody>',
      '<table><tbody><tr><td rowspan="0">a</td><td>1</td></tr><tr><td>2</td></tr></tbody><tbody><tr><td>3</td></tr></tbody></table>',
      [
        [1, ['a', '1']],
        [2, ['a', '2']],
        [3, ['3']],
      ],
    ],
    [
      'a rowspan past the last row of its group is cut there',
      '<table><thead><tr><td rowspan="5">h</td><td>1</td></tr></thead><tbody><tr><td>2</td></tr></tbody></table>',
      [
        [1, ['h', '1']],
        [2, ['2']],
      ],
    ],
    [
      '<thead> written after <tbody> still comes first',
      '<table><tbody><tr><td>1</td></tr></tbody><thead><tr><td>STT</td></tr></thead></table>',
      [
        [1, ['STT']],
        [2, ['1']],
      ],
    ],
    [
      'entities and Vietnamese text',
      '<table><tr><td>Đắk Lắk &amp; Thừa Thiên Huế&nbsp;</td><td>&#7871;&#x1EBF;&lt;</td><td>Hòa<br>Bình</td></tr></table>',
      [[1, ['Đắk Lắk & Thừa Thiên Huế\u00a0', 'ếế<', 'Hòa\nBình']]],
    ],
    [
      'a table inside <template> is not shown, not read',
      '<template><table><tr><td>x</td></tr></table></template>',
      [],
    ],
  ])('%s', (_label, html, expected) => {
    expect(rowsOf(html)).toEqual(expected)
  })
})

describe('streaming', () => {
  const row = (i: number) =>
    `<tr><td>${i}</td><td>UBND xã Số ${i}</td><td>1.654</td><td>93</td><td>94,38%</td><td>Đạt </td></tr>\n`

  it('lays out a big export row by row: the tree never holds more than the open row', () => {
    const reader = new HtmlTableStream(DEFAULT_LIMITS, 'html')
    reader.write(
      '<html><body><table><thead><tr><td colspan="6">THEO DÕI MỨC ĐỘ SỐ HÓA</td></tr></thead><tbody>',
    )
    let emitted = 0
    let maxNodes = 0
    for (let chunk = 0; chunk < 50; chunk++) {
      let text = ''
      for (let i = 0; i < 1000; i++) text += row(chunk * 1000 + i + 1)
      reader.write(text)
      emitted += reader.take().length
      maxNodes = Math.max(maxNodes, reader.liveNodes())
      // Rows come out while the table is still open: at most LOOKAHEAD (+1 open row) are held.
      expect((chunk + 1) * 1000 + 1 - emitted).toBeLessThanOrEqual(LOOKAHEAD + 1)
    }
    reader.write('</tbody></table></body></html>')
    reader.end()
    const last = reader.take()
    emitted += last.length
    expect(emitted).toBe(50_001)
    expect(last.at(-1)).toEqual({
      rowNumber: 50_001,
      cells: ['50000', 'UBND xã Số 50000', '1.654', '93', '94,38%', 'Đạt '],
    })
    // 50,000 rows x 6 cells would be ~700,000 nodes as a document; a row's worth stays.
    expect(maxNodes).toBeLessThan(100)
  })

  it('reads the same rows from bytes cut into 1 MB slices as from the whole text', async () => {
    let body = ''
    for (let i = 1; i <= 30_000; i++) body += row(i)
    const html = `<html><head><!--[if gte mso 9]><xml><x:Name>Bảng số hóa</x:Name></xml><![endif]--></head><body><table>${body}</table></body></html>`
    const bytes = Buffer.from(html, 'utf8')
    expect(bytes.length).toBeGreaterThan(3 << 20)
    const [sheet] = await collect(htmlFromBytes(bytes))
    expect(sheet!.name).toBe('Bảng số hóa')
    expect(sheet!.rows).toEqual(htmlSheet(html).rows.map((r) => [r.rowNumber, r.cells]))
    expect(sheet!.rows).toHaveLength(30_000)
  })

  it.each([
    ['UTF-8', (html: string) => Buffer.from(html, 'utf8'), 'utf-8'],
    ['UTF-8 with a BOM', (html: string) => Buffer.from(`\uFEFF${html}`, 'utf8'), 'utf-8-bom'],
    ['Windows-1258', (html: string) => encodeWindows1258(html), 'windows-1258'],
  ])(
    'reads a %s file of several MB a megabyte at a time, the same rows as the whole text',
    async (_name, encode, encoding) => {
      let body = ''
      for (let i = 1; i <= 30_000; i++) body += row(i)
      const html = `<html><head><!--[if gte mso 9]><xml><x:Name>Bảng số hóa</x:Name></xml><![endif]--></head><body><table>${body}</table></body></html>`
      const path = join(tempDir(), 'so-hoa.xls')
      writeFileSync(path, encode(html))
      expect(statSync(path).size).toBeGreaterThan(2 << 20) // three pieces at least
      const wb = await readHtml(path)
      expect(wb.encoding).toBe(encoding)
      const [sheet] = await collect(wb)
      expect(sheet!.name).toBe('Bảng số hóa')
      expect(sheet!.rows).toEqual(htmlSheet(html).rows.map((r) => [r.rowNumber, r.cells]))
    },
  )
})
