import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { writeXlsx } from '../../fixtures/lib/write-xlsx.ts'
import { zipBytes } from '../../fixtures/lib/write-zip.ts'
import { QdError } from '../../src/errors.ts'
import { openWorkbook } from '../../src/read/open.ts'
import { excelSerialToIso, incompleteUtf8Tail, normaliseCellValue, readXlsx } from '../../src/read/xlsx.ts'
import { tempDir } from '../helpers.ts'
import { caught, collect } from './collect.ts'
import { rawXlsx } from './raw-xlsx.ts'

let dir: string
beforeAll(() => {
  dir = tempDir('read-xlsx-')
})

const MOTTO = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc'
const TITLE = 'THEO DÕI MỨC ĐỘ SỐ HÓA CÁC ĐƠN VỊ\n(Từ ngày 01/01/2025 đến ngày 30/06/2025 )'

describe('xlsx written by exceljs (an Excel re-save of an export)', () => {
  let path: string
  beforeAll(async () => {
    path = join(dir, 'scorecard.xlsx')
    await writeXlsx(
      path,
      [
        {
          sheetName: 'Bảng 1',
          rows: [
            ['UBND TỈNH THANH HÓA', null, null, null, MOTTO],
            [TITLE],
            [],
            ['STT', 'Đơn vị', 'Tiếp nhận', null, null, 'Đánh giá', null, 'Ngày'],
            [null, null, 'Tổng', 'Trực tuyến', 'Gấp đôi', 'Đạt ', 'Ghi chú'],
            [1, 'Sở Tư pháp', '1.245', 1200],
            [2, 'UBND huyện Nga Sơn', '3.010', 1806],
            [3, 'UBND xã Nga Thủy', '0', 0],
          ],
          merges: ['A1:D1', 'E1:H1', 'A2:H2', 'A4:A5', 'B4:B5', 'C4:E4', 'F4:G4', 'H4:H5'],
        },
        { sheetName: 'Ghi chú', rows: [['Nguồn: Cổng DVCQG'], [null, 15.82]] },
      ],
      {
        extras: {
          'Bảng 1': {
            sharedFormulas: [{ range: 'E6:E8', formula: 'D6*2', results: [2400, 3612, 0] }],
            cells: {
              F6: { richText: ['Đạt', ' ', 'tốt'] },
              G6: { error: '#N/A' },
              H6: { date: '2025-06-30' },
              F7: { formula: 'D7>0', result: true },
              G7: { formula: 'VLOOKUP(B7,A1:A2,1,0)', result: { error: '#N/A' } },
              H7: { date: '2025-06-30T08:30:00' },
              G8: { formula: 'TODAY()' },
              H8: { formula: 'DATE(2025,1,2)', result: 45659, numFmt: 'dd/mm/yyyy' },
            },
          },
        },
      },
    )
  })

  it('fills merged title and header bands and normalises every cell kind', async () => {
    const [sheet, notes] = await collect(await readXlsx(path))
    expect(sheet!.name).toBe('Bảng 1')
    expect(sheet!.index).toBe(0)
    expect(sheet!.rows).toEqual([
      [
        1,
        [
          'UBND TỈNH THANH HÓA',
          'UBND TỈNH THANH HÓA',
          'UBND TỈNH THANH HÓA',
          'UBND TỈNH THANH HÓA',
          MOTTO,
          MOTTO,
          MOTTO,
          MOTTO,
        ],
      ],
      [2, [TITLE, TITLE, TITLE, TITLE, TITLE, TITLE, TITLE, TITLE]],
      // row 3 is empty: not emitted, numbering kept
      [4, ['STT', 'Đơn vị', 'Tiếp nhận', 'Tiếp nhận', 'Tiếp nhận', 'Đánh giá', 'Đánh giá', 'Ngày']],
      [5, ['STT', 'Đơn vị', 'Tổng', 'Trực tuyến', 'Gấp đôi', 'Đạt ', 'Ghi chú', 'Ngày']],
      // numbers stored as text stay text; shared formula members give their cached result
      [6, [1, 'Sở Tư pháp', '1.245', 1200, 2400, 'Đạt tốt', '#N/A', '2025-06-30']],
      [7, [2, 'UBND huyện Nga Sơn', '3.010', 1806, 3612, 'TRUE', '#N/A', '2025-06-30T08:30:00']],
      // formula without cached result -> null; formula result in a date format -> date
      [8, [3, 'UBND xã Nga Thủy', '0', 0, 0, null, null, '2025-01-02']],
    ])
    expect(notes).toEqual({
      name: 'Ghi chú',
      index: 1,
      rows: [
        [1, ['Nguồn: Cổng DVCQG']],
        [2, [null, 15.82]],
      ],
    })
  })

  it('reads the same through openWorkbook, reporting format xlsx', async () => {
    const wb = await openWorkbook(path)
    expect(wb.format).toBe('xlsx')
    const sheets = await collect(wb)
    expect(sheets.map((s) => s.name)).toEqual(['Bảng 1', 'Ghi chú'])
    expect(sheets[0]!.rows[4]![1][2]).toBe('1.245')
  })

  it('stops cleanly when the caller breaks out early', async () => {
    const wb = await readXlsx(path)
    let first: unknown
    for await (const sheet of wb.sheets) {
      for await (const row of sheet.rows) {
        first = row.cells[0]
        break
      }
      break
    }
    expect(first).toBe('UBND TỈNH THANH HÓA')
    // the file is still readable afterwards (no lock, no stuck stream)
    expect((await collect(await readXlsx(path)))[1]!.rows.length).toBe(2)
  })

  it('honours the 1904 date system', async () => {
    const p = join(dir, 'mac.xlsx')
    await writeXlsx(p, [{ sheetName: 'S', rows: [['x']] }], {
      date1904: true,
      extras: { S: { cells: { B1: { date: '2025-06-30' } } } },
    })
    const [s] = await collect(await readXlsx(p))
    expect(s!.rows).toEqual([[1, ['x', '2025-06-30']]])
  })
})

describe('hand-built xlsx layouts', () => {
  it('joins multi-run inline strings, keeps formula errors and booleans, decodes _xHHHH_', async () => {
    const p = join(dir, 'inline.xlsx')
    writeFileSync(
      p,
      rawXlsx(
        [
          {
            name: 'S',
            rows:
              '<row r="1"><c r="A1" t="inlineStr"><is><r><t xml:space="preserve">Thừa </t></r><r><rPr><b/></rPr><t>Thiên Huế</t></r></is></c>' +
              '<c r="B1" t="inlineStr"><is><t>Khánh Hoà</t></is></c>' +
              '<c r="C1" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
              '<c r="D1" t="b"><f>1=1</f><v>1</v></c>' +
              '<c r="E1" t="b"><v>0</v></c>' +
              '<c r="F1" t="e"><v>#REF!</v></c>' +
              '<c r="G1" t="str"><f>"a"&amp;"b"</f><v>a&amp;b</v></c>' +
              '<c r="H1" t="s"><v>0</v></c>' +
              '<c r="I1" s="2"><v>0.9639</v></c></row>',
          },
        ],
        { sharedStrings: ['Dòng 1_x000D_\nDòng 2'] },
      ),
    )
    const [s] = await collect(await readXlsx(p))
    expect(s!.rows).toEqual([
      [
        1,
        [
          'Thừa Thiên Huế',
          'Khánh Hoà',
          '#DIV/0!',
          'TRUE',
          'FALSE',
          '#REF!',
          'a&b',
          'Dòng 1\r\nDòng 2',
          0.9639,
        ],
      ],
    ])
  })

  it('fills merges over rows missing from the XML, up to the declared dimension', async () => {
    const p = join(dir, 'gaps.xlsx')
    writeFileSync(
      p,
      rawXlsx(
        [
          {
            name: 'S',
            before: '<dimension ref="A1:D5"/>',
            rows:
              '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
              '<row r="3"><c r="B3"><v>5</v></c><c r="D3" t="s"><v>2</v></c></row>',
            after:
              '<mergeCells count="3"><mergeCell ref="A1:A3"/><mergeCell ref="B1:C2"/><mergeCell ref="D3:D5"/></mergeCells>',
          },
        ],
        { sharedStrings: ['Tổng số', 'Đơn vị', 'Ghi chú'] },
      ),
    )
    const [s] = await collect(await readXlsx(p))
    expect(s!.rows).toEqual([
      [1, ['Tổng số', 'Đơn vị', 'Đơn vị']],
      [2, ['Tổng số', 'Đơn vị', 'Đơn vị']],
      [3, ['Tổng số', 5, null, 'Ghi chú']],
      [4, [null, null, null, 'Ghi chú']],
      [5, [null, null, null, 'Ghi chú']],
    ])
  })

  it('reads 1904 dates when date1904 is written as "true"', async () => {
    const sheet = { name: 'S', rows: '<row r="1"><c r="A1" s="1"><v>44011</v></c></row>' }
    const p1904 = join(dir, 'd1904.xlsx')
    const p1900 = join(dir, 'd1900.xlsx')
    writeFileSync(p1904, rawXlsx([sheet], { date1904: 'true' }))
    writeFileSync(p1900, rawXlsx([sheet]))
    expect((await collect(await readXlsx(p1904)))[0]!.rows).toEqual([[1, ['2024-06-30']]])
    expect((await collect(await readXlsx(p1900)))[0]!.rows).toEqual([[1, ['2020-06-29']]])
  })

  it('returns sheets in workbook order with their names, whatever the part names', async () => {
    const p = join(dir, 'order.xlsx')
    writeFileSync(
      p,
      rawXlsx(
        [
          { name: 'Đầu tiên', rows: '<row r="1"><c r="A1"><v>1</v></c></row>' },
          { name: 'Thứ hai', rows: '<row r="1"><c r="A1"><v>2</v></c></row>' },
          { name: 'Thứ ba', rows: '<row r="1"><c r="A1"><v>3</v></c></row>' },
        ],
        { sheetPaths: ['xl/worksheets/sheet3.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/data.xml'] },
      ),
    )
    const sheets = await collect(await readXlsx(p))
    expect(sheets.map((s) => [s.index, s.name, s.rows[0]![1][0]])).toEqual([
      [0, 'Đầu tiên', 1],
      [1, 'Thứ hai', 2],
      [2, 'Thứ ba', 3],
    ])
  })

  it('never spools sheets to temp files, even with shared strings stored after the sheets', async () => {
    const p = join(dir, 'sst-last.xlsx')
    writeFileSync(
      p,
      rawXlsx(
        [
          { name: 'A', rows: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' },
          { name: 'B', rows: '<row r="1"><c r="A1" t="s"><v>1</v></c></row>' },
        ],
        { sharedStrings: ['Hà Nội', 'Huế'], sharedStringsLast: true },
      ),
    )
    const plainSpool = join(dir, 'spool-plain')
    const ourSpool = join(dir, 'spool-ours')
    mkdirSync(plainSpool)
    mkdirSync(ourSpool)
    const saved = process.env.TMPDIR
    try {
      // Plain exceljs on this file does spool (and even leaves a file behind): the check can fail.
      process.env.TMPDIR = plainSpool
      for await (const ws of new ExcelJS.stream.xlsx.WorkbookReader(p, {})) {
        expect(readdirSync(plainSpool).length).toBeGreaterThan(0)
        for await (const _row of ws) {
          // drain
        }
      }

      process.env.TMPDIR = ourSpool
      const names: string[] = []
      for await (const sheet of (await readXlsx(p)).sheets) {
        expect(readdirSync(ourSpool)).toEqual([])
        for await (const row of sheet.rows) names.push(row.cells[0] as string)
      }
      expect(readdirSync(ourSpool)).toEqual([])
      expect(names).toEqual(['Hà Nội', 'Huế'])
    } finally {
      if (saved === undefined) delete process.env.TMPDIR
      else process.env.TMPDIR = saved
    }
  })

  it('keeps Vietnamese text intact across chunk boundaries of a large shared-strings table', async () => {
    const names = [
      'Thừa Thiên Huế',
      'Khánh Hoà',
      'Đắk Lắk',
      'Bà Rịa – Vũng Tàu',
      'Ủy ban nhân dân xã Nga Thủy',
    ]
    const rows: Array<Array<string | number>> = []
    for (let i = 0; i < 12000; i++) rows.push([i, `${names[i % names.length]} ${i}`])
    const p = join(dir, 'big-sst.xlsx')
    await writeXlsx(p, [{ sheetName: 'S', rows }])

    let plainDamaged = 0
    for await (const ws of new ExcelJS.stream.xlsx.WorkbookReader(p, {})) {
      for await (const row of ws) {
        const v = row.getCell(2).value
        if (typeof v === 'string' && v.includes('\ufffd')) plainDamaged++
      }
    }
    // exceljs alone decodes every chunk separately: this is the bug being worked around.
    expect(plainDamaged).toBeGreaterThan(0)

    const [s] = await collect(await readXlsx(p))
    expect(s!.rows.length).toBe(12000)
    const wrong = s!.rows.filter(([n, cells]) => cells[1] !== `${names[(n - 1) % names.length]} ${n - 1}`)
    expect(wrong).toEqual([])
  })
})

describe('damaged and hostile xlsx files', () => {
  let good: Buffer
  beforeAll(async () => {
    const p = join(dir, 'good.xlsx')
    const rows: Array<Array<string | number>> = []
    for (let i = 0; i < 500; i++) rows.push([i, `Đơn vị ${i}`, i * 1.5])
    await writeXlsx(p, [{ sheetName: 'S', rows }])
    good = readFileSync(p)
  })

  async function readAll(path: string, limits = {}) {
    return collect(await readXlsx(path, limits))
  }

  it('rejects a truncated download as corrupt-file', async () => {
    const p = join(dir, 'truncated.xlsx')
    writeFileSync(p, good.subarray(0, Math.floor(good.length * 0.6)))
    const err = await caught(() => readAll(p))
    expect(err).toBeInstanceOf(QdError)
    expect(err.code).toBe('corrupt-file')
    expect(err.message).toMatch(/tệp zip bị hỏng hoặc bị cắt cụt/)

    const viaOpen = await caught(async () => collect(await openWorkbook(p)))
    expect(viaOpen.code).toBe('corrupt-file')
    expect((viaOpen as unknown as QdError).location.file).toBe('truncated.xlsx')
  })

  it('rejects random bytes named .xlsx, and random bytes behind a zip signature', async () => {
    let seed = 42
    const rand = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      return seed & 0xff
    }
    const noise = Buffer.from(Array.from({ length: 4096 }, rand))
    const p1 = join(dir, 'noise.xlsx')
    writeFileSync(p1, noise)
    expect((await caught(() => readAll(p1))).code).toBe('corrupt-file')
    expect((await caught(() => openWorkbook(p1))).code).toBe('unknown-format')

    const p2 = join(dir, 'pk-noise.xlsx')
    writeFileSync(p2, Buffer.concat([Buffer.from('PK\x03\x04'), noise]))
    const err = await caught(async () => collect(await openWorkbook(p2)))
    expect(err.code).toBe('corrupt-file')
  })

  it('rejects damaged compressed data while streaming', async () => {
    const p = join(dir, 'damaged.xlsx')
    const bad = Buffer.from(good)
    // Corrupt the middle of the largest entry (the sheet) but leave the central directory intact.
    const mid = Math.floor(bad.length / 3)
    for (let i = mid; i < mid + 64; i++) bad[i] = bad[i]! ^ 0x5a
    writeFileSync(p, bad)
    const err = await caught(() => readAll(p))
    expect(err.code).toBe('corrupt-file')
  })

  it('refuses a zip whose content unpacks beyond the limit, before extracting', async () => {
    const p = join(dir, 'bomb.xlsx')
    writeFileSync(p, good)
    const err = await caught(() => readXlsx(p, { maxUncompressedBytes: 1000 }))
    expect(err.code).toBe('too-large')
    expect(err.message).toMatch(/giải nén lên tới \d+ byte, quá giới hạn 1000 byte/)
  })

  it('stops at the declared size when an entry lies about it', async () => {
    const zip = rawXlsx([{ name: 'S', rows: '<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(200) }])
    // Patch the sheet's declared uncompressed size in its central directory record to 100 bytes.
    const name = Buffer.from('xl/worksheets/sheet1.xml')
    let cdPos = -1
    for (let i = zip.length - 22; i >= 0; i--) {
      if (zip.readUInt32LE(i) === 0x02014b50 && zip.subarray(i + 46, i + 46 + name.length).equals(name)) {
        cdPos = i
        break
      }
    }
    expect(cdPos).toBeGreaterThan(0)
    zip.writeUInt32LE(100, cdPos + 24)
    const p = join(dir, 'liar.xlsx')
    writeFileSync(p, zip)
    const err = await caught(() => readAll(p))
    expect(err.code).toBe('corrupt-file')
    expect(String(err.found)).toMatch(/vượt kích thước khai báo 100 byte/)
  })

  it('fails (does not hang) when a part exceljs is reading turns out damaged', {
    timeout: 15_000,
  }, async () => {
    const zip = rawXlsx([{ name: 'S', rows: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }], {
      sharedStrings: ['Hà Nội'],
    })
    const name = Buffer.from('xl/sharedStrings.xml')
    for (let i = zip.length - 22; i >= 0; i--) {
      if (zip.readUInt32LE(i) === 0x02014b50 && zip.subarray(i + 46, i + 46 + name.length).equals(name)) {
        zip.writeUInt32LE((zip.readUInt32LE(i + 16) ^ 1) >>> 0, i + 16) // wrong CRC
        break
      }
    }
    const p = join(dir, 'bad-crc.xlsx')
    writeFileSync(p, zip)
    const err = await caught(() => readAll(p))
    expect(err.code).toBe('corrupt-file')
    expect(String(err.found)).toMatch(/sharedStrings\.xml sai mã kiểm tra CRC/)
  })

  it('reports malformed worksheet XML with the sheet name', async () => {
    const p = join(dir, 'bad-xml.xlsx')
    writeFileSync(p, rawXlsx([{ name: 'Dữ liệu', rows: '<row r="1"><c r="A1"><v>1</v></row>' }]))
    const err = (await caught(() => readAll(p))) as unknown as QdError
    expect(err.code).toBe('corrupt-file')
    expect(err.location.sheet).toBe('Dữ liệu')
    expect(err.message).toMatch(/Không đọc được trang tính "Dữ liệu"/)
  })

  it('enforces row, column, cell and file-size limits with a location', async () => {
    const p = join(dir, 'limits.xlsx')
    writeFileSync(p, good)
    const rows = await caught(() => readAll(p, { maxRows: 10 }))
    expect(rows.code).toBe('too-large')
    expect((rows as unknown as QdError).location).toMatchObject({ sheet: 'S', row: 11 })

    const cols = await caught(() => readAll(p, { maxColumns: 2 }))
    expect(cols.code).toBe('too-large')
    expect((cols as unknown as QdError).location).toMatchObject({ sheet: 'S', row: 1, column: 'C' })

    const cells = await caught(() => readAll(p, { maxCells: 100 }))
    expect(cells.code).toBe('too-large')
    expect((cells as unknown as QdError).location.row).toBe(34) // 33 rows x 3 cells = 99, row 34 passes 100

    const size = await caught(() => readAll(p, { maxFileBytes: 1000 }))
    expect(size.code).toBe('too-large')
  })

  it('names other zip-based documents instead of calling them damaged', async () => {
    const docx = join(dir, 'report.xlsx')
    writeFileSync(docx, zipBytes([{ name: 'word/document.xml', data: '<w:document/>' }]))
    const e1 = await caught(() => readXlsx(docx))
    expect(e1.code).toBe('not-a-workbook')
    expect(e1.message).toMatch(/văn bản Word/)

    const ods = join(dir, 'bang.xlsx')
    writeFileSync(
      ods,
      zipBytes([
        { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', store: true },
        { name: 'content.xml', data: '<office:document-content/>' },
      ]),
    )
    const e2 = await caught(() => readXlsx(ods))
    expect(e2.code).toBe('not-a-workbook')
    expect(e2.message).toMatch(/OpenDocument/)
  })
})

describe('cell normalisation', () => {
  it.each([
    ['string is NFC', 'Hoa\u0300', 'Hoà'],
    ['empty string is null', '', null],
    ['number', 12.5, 12.5],
    ['NaN is null', Number.NaN, null],
    ['boolean', true, 'TRUE'],
    ['rich text', { richText: [{ text: 'Đắk ' }, { text: 'Lắk' }] }, 'Đắk Lắk'],
    ['formula result', { formula: 'A1', result: 3 }, 3],
    ['shared formula member', { formula: '', result: 'x' }, 'x'],
    ['formula without result', { formula: 'A1' }, null],
    ['formula with unknown error result', { formula: 'A1', result: Number.NaN }, '#ERROR!'],
    ['error', { error: '#REF!' }, '#REF!'],
    ['hyperlink text', { text: 'Cổng DVC', hyperlink: 'https://dichvucong.gov.vn' }, 'Cổng DVC'],
    ['date at UTC midnight is that calendar day', new Date(Date.UTC(2025, 5, 30)), '2025-06-30'],
    ['date with time', new Date(Date.UTC(2025, 5, 30, 23, 59, 59)), '2025-06-30T23:59:59'],
  ])('%s', (_label, input, expected) => {
    expect(normaliseCellValue(input, false)).toEqual(expected)
  })

  it('converts serials in both date systems and around the 1900 leap-year bug', () => {
    expect(excelSerialToIso(45658, false)).toBe('2025-01-01')
    expect(excelSerialToIso(45658 - 1462, true)).toBe('2025-01-01')
    expect(excelSerialToIso(1, false)).toBe('1900-01-01')
    expect(excelSerialToIso(61, false)).toBe('1900-03-01')
    expect(excelSerialToIso(45658.75, false)).toBe('2025-01-01T18:00:00')
    expect(excelSerialToIso(0.5, false)).toBe('12:00:00')
  })

  it('gives back numbers exceljs dated only because of a literal letter in the format', () => {
    const asDate = new Date(Math.round((2.5 - 25569) * 86_400_000))
    expect(normaliseCellValue(asDate, false, { numFmt: '0.0 \\h' })).toBeCloseTo(2.5, 9)
    expect(normaliseCellValue(asDate, false, { numFmt: 'dd/mm/yyyy' })).toBe('1900-01-02T12:00:00')
  })

  it('finds where a chunk would split a UTF-8 character', () => {
    const s = Buffer.from('aế', 'utf8') // e1 ba bf
    expect(incompleteUtf8Tail(s)).toBe(0)
    expect(incompleteUtf8Tail(s.subarray(0, 2))).toBe(1)
    expect(incompleteUtf8Tail(s.subarray(0, 3))).toBe(2)
    expect(incompleteUtf8Tail(Buffer.from('abc'))).toBe(0)
  })
})
