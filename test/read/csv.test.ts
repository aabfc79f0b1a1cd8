import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { encodeWindows1258 } from '../../fixtures/lib/windows-1258.ts'
import { encodeCsv } from '../../fixtures/lib/write-csv.ts'
import { QdError } from '../../src/errors.ts'
import { csvFromBytes, detectDelimiter, readCsv } from '../../src/read/csv.ts'
import {
  decodeAll,
  decodeByteChunks,
  decodeChunks,
  detectEncoding,
  isUtf8Chunks,
  WINDOWS_1258,
} from '../../src/read/decode.ts'
import { openWorkbook } from '../../src/read/open.ts'
import { tempDir } from '../helpers.ts'
import { caught, collect } from './collect.ts'

let dir: string
beforeAll(() => {
  dir = tempDir('read-csv-')
})

const TABLE: Array<Array<string | number | null>> = [
  ['STT', 'Tỉnh/Thành phố', 'Công khai, minh bạch', 'Tổng điểm'],
  [1, 'Thừa Thiên Huế', '15,82', '87,5'],
  [2, 'Khánh Hoà', '16,1', '80'],
  [3, 'Đắk Lắk', 'ghi chú "đặc biệt"; xem\ndòng sau', null],
]
/** What a reader must return: strings as written, numbers as their text, null for empty. */
const EXPECTED = TABLE.map((row, i) => [i + 1, row.map((v) => (v === null ? null : String(v)))] as const)
// Row 4 has a line break inside a quoted field, so nothing follows it on line 4 and the next record
// (none here) would start on line 6.

describe('CSV encodings as Excel writes them', () => {
  it.each([
    ['utf-8', undefined, 'utf-8'],
    ['utf-8-bom', undefined, 'utf-8-bom'],
    ['utf-16le', '\t', 'utf-16le'],
    ['windows-1258', ';', 'windows-1258'],
    ['utf-8', ';', 'utf-8'],
  ] as const)('%s with delimiter %j', async (encoding, delimiter, reported) => {
    const bytes = encodeCsv(TABLE, { encoding, ...(delimiter ? { delimiter } : {}) })
    const path = join(dir, `bang-${encoding}-${delimiter === '\t' ? 'tab' : (delimiter ?? 'comma')}.csv`)
    writeFileSync(path, bytes)
    const wb = await openWorkbook(path)
    expect(wb.format).toBe('csv')
    expect(wb.encoding).toBe(reported)
    const [sheet] = await collect(wb)
    expect(sheet!.name).toBe(`bang-${encoding}-${delimiter === '\t' ? 'tab' : (delimiter ?? 'comma')}`)
    expect(sheet!.rows).toEqual(EXPECTED.map(([n, cells]) => [n, [...cells]]))
    // Names come out NFC and equal to the original.
    for (const name of ['Thừa Thiên Huế', 'Khánh Hoà', 'Đắk Lắk']) {
      expect(sheet!.rows.some(([, cells]) => cells[1] === name.normalize('NFC'))).toBe(true)
    }
  })

  it('Windows-1258 bytes really carry combining marks, and decoding recomposes them', () => {
    const bytes = encodeWindows1258('Thừa Thiên Huế')
    const raw = new TextDecoder('windows-1258').decode(bytes)
    expect(raw).not.toBe('Thừa Thiên Huế')
    expect(raw.normalize('NFC')).toBe('Thừa Thiên Huế')
    expect(detectEncoding(bytes).name).toBe('windows-1258')
    expect(decodeAll(bytes, detectEncoding(bytes))).toBe('Thừa Thiên Huế')
  })

  it('decodes in chunks without breaking composition at chunk boundaries', () => {
    const text = 'Đắk Lắk;Thừa Thiên Huế;Khánh Hoà;Quảng Ngãi;Bà Rịa – Vũng Tàu\r\n'.repeat(50)
    const bytes = encodeWindows1258(text)
    for (const size of [1, 2, 3, 7, 64]) {
      expect([...decodeChunks(bytes, WINDOWS_1258, size)].join('')).toBe(text)
    }
  })

  it('decodes UTF-8 (with a BOM, 4-byte characters) in pieces cut anywhere, and tells valid UTF-8 apart piece by piece', () => {
    const text = 'Đắk Lắk 𝔘 Thừa Thiên Huế – Khánh Hoà 😀\r\n'.repeat(20)
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])
    const bom = detectEncoding(utf8)
    const stray = Buffer.concat([utf8.subarray(0, 100), Buffer.from([0xe1, 0xba]), utf8.subarray(100)])
    const truncated = utf8.subarray(0, utf8.length - 3) // ends inside 😀 (before "\r\n")
    const pieces = (b: Uint8Array, size: number) =>
      Array.from({ length: Math.ceil(b.length / size) }, (_, i) => b.subarray(i * size, (i + 1) * size))
    for (const size of [1, 2, 3, 5, 64, 4096]) {
      expect([...decodeByteChunks(pieces(utf8, size), bom)].join('')).toBe(text)
      expect(isUtf8Chunks(pieces(utf8, size))).toBe(true)
      expect(isUtf8Chunks(pieces(stray, size))).toBe(false)
      expect(isUtf8Chunks(pieces(truncated, size))).toBe(false)
    }
  })

  it('reads a multi-megabyte Windows-1258 file row by row, intact across decoder slices', async () => {
    const names = ['Thừa Thiên Huế', 'Khánh Hoà', 'Đắk Lắk', 'Quảng Ngãi', 'Bà Rịa – Vũng Tàu']
    const rows: Array<Array<string | number>> = [['STT', 'Tên đơn vị', 'Ghi chú']]
    for (let i = 1; i <= 40_000; i++) rows.push([i, names[i % names.length]!, 'Ủy ban nhân dân xã Nga Thủy'])
    const path = join(dir, 'big-1258.csv')
    writeFileSync(path, encodeCsv(rows, { encoding: 'windows-1258', delimiter: ';' }))
    const [sheet] = await collect(await readCsv(path))
    expect(sheet!.rows.length).toBe(40_001)
    const wrong = sheet!.rows
      .slice(1)
      .filter(
        ([n, c]) => c[0] !== String(n - 1) || c[1] !== names[(n - 1) % names.length] || c[2] !== rows[1]![2],
      )
    expect(wrong).toEqual([])
  })
})

describe('CSV structure', () => {
  const read = async (text: string, limits = {}) =>
    (await collect(csvFromBytes(Buffer.from(text, 'utf8'), 'test', limits)))[0]!.rows

  it('numbers rows by the line a record starts on (CRLF inside quotes, blank lines)', async () => {
    expect(await read('a,b\r\n"x\r\ny",z\r\n\r\nq,w\r\n')).toEqual([
      [1, ['a', 'b']],
      [2, ['x\r\ny', 'z']],
      [5, ['q', 'w']],
    ])
    expect(await read('h\n\n\nr1\n"m\nm\nm"\nlast')).toEqual([
      [1, ['h']],
      [4, ['r1']],
      [5, ['m\nm\nm']],
      [8, ['last']],
    ])
  })

  it('passes ragged rows through, empty fields as null, and skips rows with nothing in them', async () => {
    expect(await read('a,b,c\n1,,\n2\n,,\n, ,x,y\n')).toEqual([
      [1, ['a', 'b', 'c']],
      [2, ['1', null, null]],
      [3, ['2']],
      [5, [null, ' ', 'x', 'y']],
    ])
  })

  it('keeps stray quotes inside unquoted fields', async () => {
    expect(await read('Sở "A",1\n')).toEqual([[1, ['Sở "A"', '1']]])
  })

  it('reports a quote that is never closed as corrupt-file', async () => {
    const err = await caught(() => read('a,b\n"open,1\n2,3\n'))
    expect(err).toBeInstanceOf(QdError)
    expect(err.code).toBe('corrupt-file')
    expect(err.message).toMatch(/mở dấu ngoặc kép mà không đóng/)
  })

  it('enforces column, row and cell limits with the line number', async () => {
    const cols = await caught(() => read('a,b\n1,2,3,4\n', { maxColumns: 3 }))
    expect(cols.code).toBe('too-large')
    expect((cols as unknown as QdError).location.row).toBe(2)
    const rows = await caught(() => read('1\n2\n3\n4\n', { maxRows: 3 }))
    expect((rows as unknown as QdError).location.row).toBe(4)
    const cells = await caught(() => read('1,2\n3,4\n5,6\n', { maxCells: 5 }))
    expect((cells as unknown as QdError).location.row).toBe(3)
  })

  it('refuses a file over the size limit before reading it', async () => {
    const path = join(dir, 'big.csv')
    writeFileSync(path, 'a,b\n'.repeat(1000))
    expect((await caught(() => readCsv(path, { maxFileBytes: 100 }))).code).toBe('too-large')
  })
})

describe('delimiter detection', () => {
  it.each([
    ['plain commas', 'a,b,c\n1,2,3\n4,5,6\n', ','],
    ['semicolons with decimal commas', 'STT;Tỉnh;Điểm\n1;Huế;15,82\n2;Huế;8,5\n3;Huế;10\n', ';'],
    ['title line without delimiter', 'BẢNG XẾP HẠNG\nSTT;Tỉnh;Điểm\n1;Huế;15,82\n2;Huế;8\n', ';'],
    ['tabs with commas in text', 'a\tb\n"x, y"\tz\nu, v\tw\n', '\t'],
    ['delimiters inside quotes do not count', '"a;b;c",d\n"e;f;g",h\n', ','],
    ['quoted multi-line field', '"a\nb;c;d",e\nf,g\n', ','],
    ['single column', 'a\nb\nc\n', ','],
    ['Excel padding', 'Tiêu đề;;;\nSTT;Tỉnh;A;B\n1;Huế;1,5;2\n', ';'],
  ])('%s', (_label, sample, expected) => {
    expect(detectDelimiter(sample)).toBe(expected)
  })

  it('prefers tab for a single-column UTF-16 "Unicode text" file', () => {
    expect(detectDelimiter('a\nb\n', true)).toBe('\t')
  })
})
