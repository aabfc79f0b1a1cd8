import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Grid } from '../../fixtures/lib/grid.ts'
import { encodeWindows1258 } from '../../fixtures/lib/windows-1258.ts'
import { htmlXls } from '../../fixtures/lib/write-html-xls.ts'
import { writeXlsx } from '../../fixtures/lib/write-xlsx.ts'
import type { QdError } from '../../src/errors.ts'
import { decodeHtml, htmlFromBytes, htmlSheet } from '../../src/read/html.ts'
import { openWorkbook } from '../../src/read/open.ts'
import { tempDir } from '../helpers.ts'
import { caught, collect } from './collect.ts'

let dir: string
beforeAll(() => {
  dir = tempDir('read-html-')
})

const rowsOf = (html: string, limits = {}) => htmlSheet(html, limits).rows.map((r) => [r.rowNumber, r.cells])
const table = (inner: string) => `<html><body><table>${inner}</table></body></html>`

/** F3-like export: section rows with an over-wide colspan, a <br> title, a tfoot totals row. */
const F3: Grid = {
  sheetName: 'Bảng thống kê chỉ tiêu DVC trực tuyến',
  rows: [
    ['THEO DÕI CHỈ TIÊU DVC TRỰC TUYẾN - THEO QUYẾT ĐỊNH SỐ\n              766/QĐ-TTG NGÀY 23/06/2022'],
    [],
    ['STT', 'Tên đơn vị', 'Số hồ sơ', null, 'Tỷ lệ & ghi chú'],
    [null, null, 'Trực tuyến', 'Trực tiếp', null],
    ['I', 'Sở, ban, ngành'],
    [1, 'Sở Tư pháp', '1.195', '300', '85.67%'],
    ['II', 'Cấp huyện <bao gồm xã>'],
    [2, 'UBND huyện Nga Sơn', '0', '0', null],
    [null, 'Tổng số', '1.195', '300', '79.93%'],
  ],
  merges: ['A1:E1', 'A3:A4', 'B3:B4', 'C3:D3', 'E3:E4', 'B5:E5', 'B7:AD7'],
}

const F3_EXPECTED = [
  [1, Array(5).fill(F3.rows[0]![0])],
  [3, ['STT', 'Tên đơn vị', 'Số hồ sơ', 'Số hồ sơ', 'Tỷ lệ & ghi chú']],
  [4, ['STT', 'Tên đơn vị', 'Trực tuyến', 'Trực tiếp', 'Tỷ lệ & ghi chú']],
  [5, ['I', 'Sở, ban, ngành', 'Sở, ban, ngành', 'Sở, ban, ngành', 'Sở, ban, ngành']],
  [6, ['1', 'Sở Tư pháp', '1.195', '300', '85.67%']],
  // colspan=29 on a 5-column table is clipped to the table width
  [
    7,
    [
      'II',
      'Cấp huyện <bao gồm xã>',
      'Cấp huyện <bao gồm xã>',
      'Cấp huyện <bao gồm xã>',
      'Cấp huyện <bao gồm xã>',
    ],
  ],
  [8, ['2', 'UBND huyện Nga Sơn', '0', '0']],
  [9, [null, 'Tổng số', '1.195', '300', '79.93%']],
]

describe('HTML-.xls exports', () => {
  it('expands rowspan/colspan, clips over-wide colspans, keeps <br> and entities, reads tfoot', async () => {
    const html = htmlXls(F3, { headerRows: 0, footerRows: 1 })
    expect(html).toContain('colspan="29"')
    expect(html).toContain('<tfoot>')
    expect(html).toContain('SỐ<br>')
    expect(html).toContain('&amp;')
    const path = join(dir, 'Bảng thống kê 5/8/2025 9:7.xls'.replace(/[/:]/g, '_'))
    writeFileSync(path, html)
    const wb = await openWorkbook(path)
    expect(wb.format).toBe('html')
    expect(wb.encoding).toBe('utf-8')
    const [sheet] = await collect(wb)
    expect(sheet!.name).toBe('Bảng thống kê chỉ tiêu DVC trực tuyến')
    expect(sheet!.rows).toEqual(F3_EXPECTED)
  })

  it('gives the same cells as the same grid re-saved as .xlsx', async () => {
    const xlsxPath = join(dir, 'f3.xlsx')
    const clipped = { ...F3, merges: F3.merges!.map((m) => (m === 'B7:AD7' ? 'B7:E7' : m)) }
    await writeXlsx(xlsxPath, [clipped])
    const fromXlsx = (await collect(await openWorkbook(xlsxPath)))[0]!.rows
    // The xlsx keeps numbers as numbers; the HTML has only text.
    const asText = fromXlsx.map(([n, cells]) => [
      n,
      cells.map((v) => (typeof v === 'number' ? String(v) : v)),
    ])
    expect(asText).toEqual(F3_EXPECTED)
  })

  it('emits title table and data table nested in a wrapper as one sheet, in document order', async () => {
    const grid: Grid = {
      sheetName: 'Tiến độ',
      rows: [
        ['UBND TỈNH THANH HÓA', null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
        ['THEO DÕI TIẾN ĐỘ GIẢI QUYẾT\n(Từ ngày 01/10/2025 đến ngày 31/10/2025 )'],
        [],
        ['STT', 'Đơn vị', 'Tiếp nhận', null],
        [null, null, 'Tổng số', 'Trực tuyến'],
        ['1', 'Sở Công Thương', '2.150', '150'],
        [null, 'Tổng số', '2.150', '150'],
      ],
      merges: ['A1:B1', 'C1:D1', 'A2:D2', 'A4:A5', 'B4:B5', 'C4:D4'],
    }
    const html = htmlXls(grid, { nestedTitleRows: 3, headerRows: 2, footerRows: 1 })
    expect(html.match(/<table/g)!.length).toBe(3)
    const t = grid.rows[1]![0]
    expect(rowsOf(html)).toEqual([
      [
        1,
        [
          'UBND TỈNH THANH HÓA',
          'UBND TỈNH THANH HÓA',
          'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
          'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        ],
      ],
      [2, [t, t, t, t]],
      [4, ['STT', 'Đơn vị', 'Tiếp nhận', 'Tiếp nhận']],
      [5, ['STT', 'Đơn vị', 'Tổng số', 'Trực tuyến']],
      [6, ['1', 'Sở Công Thương', '2.150', '150']],
      [7, [null, 'Tổng số', '2.150', '150']],
    ])
  })

  it('puts <tfoot> last even when written before <tbody>, and stops rowspans at their group', () => {
    const html = table(
      '<thead><tr><th rowspan="3">STT</th><th>Tên</th></tr></thead>' +
        '<tfoot><tr><td></td><td>Tổng</td></tr></tfoot>' +
        '<tbody><tr><td>1</td><td>A</td></tr><tr><td rowspan="0">2</td><td>B</td></tr><tr><td>C</td></tr></tbody>',
    )
    expect(rowsOf(html)).toEqual([
      [1, ['STT', 'Tên']],
      [2, ['1', 'A']],
      [3, ['2', 'B']],
      [4, ['2', 'C']],
      [5, [null, 'Tổng']],
    ])
  })

  it('decodes entities and keeps text untrimmed, but whitespace-only cells are empty', () => {
    const html = table(
      '<tr><td>Đạt </td><td>&nbsp;</td><td> </td><td>A &amp; B &lt;C&gt; &quot;D&quot; &#7871; &#x1EBF;</td></tr>' +
        '<tr><td>\n    Sở Tư pháp\n  </td><td>x<br/>y<br>z</td><td><b>Đậm</b> thường</td><td><script>ignored()</script>ok</td></tr>',
    )
    expect(rowsOf(html)).toEqual([
      [1, ['Đạt ', null, null, 'A & B <C> "D" ế ế']],
      [2, ['\n    Sở Tư pháp\n  ', 'x\ny\nz', 'Đậm thường', 'ok']],
    ])
  })

  it('normalises decomposed text to NFC', () => {
    expect(rowsOf(table(`<tr><td>${'Khánh Hoà'.normalize('NFD')}</td></tr>`))).toEqual([[1, ['Khánh Hoà']]])
  })

  it('keeps a table made only of merged title rows at its own width', () => {
    const html = table(
      '<tr><td colspan="3">Tiêu đề</td><td colspan="2">Quốc hiệu</td></tr><tr><td colspan="5">Kỳ</td></tr>',
    )
    expect(rowsOf(html)).toEqual([
      [1, ['Tiêu đề', 'Tiêu đề', 'Tiêu đề', 'Quốc hiệu', 'Quốc hiệu']],
      [2, ['Kỳ', 'Kỳ', 'Kỳ', 'Kỳ', 'Kỳ']],
    ])
  })

  it('reads several top-level tables and a caption in document order', () => {
    const html =
      '<html><body><p>Không phải bảng</p><table><caption>Bảng 1</caption><tr><td>a</td></tr></table>' +
      '<div><table><tr><td>b</td><td>c</td></tr></table></div></body></html>'
    expect(rowsOf(html)).toEqual([
      [1, ['Bảng 1']],
      [2, ['a']],
      [3, ['b', 'c']],
    ])
  })

  it('names the sheet "html" without an Office XML island', () => {
    expect(htmlSheet(table('<tr><td>x</td></tr>')).name).toBe('html')
  })

  it('enforces row, column and cell limits', async () => {
    const many = table('<tr><td>1</td></tr>'.repeat(20))
    const rows = await caught(async () => htmlSheet(many, { maxRows: 10 }))
    expect(rows.code).toBe('too-large')
    expect((rows as unknown as QdError).location.row).toBe(11)
    const wide = table(`<tr>${'<td>x</td>'.repeat(12)}</tr>`)
    expect((await caught(async () => htmlSheet(wide, { maxColumns: 10 }))).code).toBe('too-large')
    expect((await caught(async () => htmlSheet(many, { maxCells: 5 }))).code).toBe('too-large')
  })
})

describe('HTML decoding', () => {
  const body =
    '<html><head>META</head><body><table><tr><td>Thừa Thiên Huế</td><td>Đắk Lắk</td></tr></table></body></html>'

  it.each([
    ['UTF-8 without BOM', Buffer.from(body.replace('META', ''), 'utf8'), 'utf-8'],
    [
      'UTF-8 with BOM',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body.replace('META', ''), 'utf8')]),
      'utf-8-bom',
    ],
    [
      'UTF-16LE with BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body.replace('META', ''), 'utf16le')]),
      'utf-16le',
    ],
    ['Windows-1258 without meta', encodeWindows1258(body.replace('META', '')), 'windows-1258'],
    [
      'Windows-1258 announced by meta',
      encodeWindows1258(
        body.replace('META', '<meta http-equiv=Content-Type content="text/html; charset=windows-1258">'),
      ),
      'windows-1258',
    ],
  ])('%s', async (_label, bytes, encoding) => {
    expect(decodeHtml(bytes).encoding).toBe(encoding)
    const wb = htmlFromBytes(bytes)
    expect(wb.encoding).toBe(encoding)
    expect((await collect(wb))[0]!.rows).toEqual([[1, ['Thừa Thiên Huế', 'Đắk Lắk']]])
  })

  it('follows a meta charset for bytes that are not UTF-8', () => {
    const latin = Buffer.from(
      '<html><head><meta charset="iso-8859-1"></head><body><table><tr><td>caf\xe9</td></tr></table></body></html>',
      'latin1',
    )
    expect(decodeHtml(latin)).toMatchObject({ encoding: 'windows-1252' })
    expect(rowsOf(decodeHtml(latin).text)).toEqual([[1, ['café']]])
  })
})
