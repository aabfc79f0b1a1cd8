import { chmodSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { encodeWindows1258 } from '../../fixtures/lib/windows-1258.ts'
import { writeXlsx } from '../../fixtures/lib/write-xlsx.ts'
import { QdError } from '../../src/errors.ts'
import { findSoffice, noSofficeMessage } from '../../src/read/biff.ts'
import { detectFileFormat, jsonErrorOffset, openWorkbook, readJson } from '../../src/read/open.ts'
import { describeContent, sniffFormat } from '../../src/read/sniff.ts'
import { tempDir } from '../helpers.ts'
import { caught, collect } from './collect.ts'

let dir: string
beforeAll(() => {
  dir = tempDir('read-open-')
})

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
const utf16 = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')])

describe('sniffFormat', () => {
  it.each([
    ['zip', Buffer.from('PK\x03\x04\x14\x00rest', 'latin1'), 'xlsx'],
    ['empty zip', Buffer.from('PK\x05\x06', 'latin1'), 'xlsx'],
    ['OLE2', Buffer.concat([OLE2, Buffer.alloc(100)]), 'xls-biff'],
    ['vendor HTML template', Buffer.from('<html xmlns:o="urn:schemas-microsoft-com:office:office">'), 'html'],
    ['bare table', Buffer.from('<table><tr><td>1</td></tr></table>'), 'html'],
    ['doctype', Buffer.from('<!DOCTYPE html>\n<html>'), 'html'],
    ['UTF-8 BOM then whitespace then html', Buffer.from('\ufeff \r\n\t<HTML>', 'utf8'), 'html'],
    ['UTF-16LE BOM html', utf16('<html><body><table>'), 'html'],
    ['UTF-16LE without BOM html', Buffer.from('<html><table>', 'utf16le'), 'html'],
    ['comment then table', Buffer.from('<!-- export -->\n<table>'), 'html'],
    [
      'XML spreadsheet 2003',
      Buffer.from('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'),
      'unknown',
    ],
    ['other XML', Buffer.from('<?xml version="1.0"?><root/>'), 'unknown'],
    ['JSON object', Buffer.from('  {"a":1}'), 'json'],
    ['JSON array with BOM', Buffer.from('\ufeff[1,2]', 'utf8'), 'json'],
    ['CSV UTF-8', Buffer.from('STT,Tỉnh\n1,Huế\n', 'utf8'), 'csv'],
    ['CSV Windows-1258', encodeWindows1258('STT;Tỉnh\r\n1;Đắk Lắk\r\n'), 'csv'],
    ['Unicode text', utf16('STT\tTỉnh\r\n1\tHuế\r\n'), 'csv'],
    ['text starting with <', Buffer.from('<5 tuổi;Số hồ sơ\n1;2\n', 'utf8'), 'csv'],
    ['nothing', Buffer.alloc(0), 'empty'],
    ['only a BOM and blanks', Buffer.from('\ufeff \r\n', 'utf8'), 'empty'],
    ['PDF', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00\x01\x02', 'latin1'), 'unknown'],
    ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'unknown'],
  ])('%s -> %s', (_label, head, expected) => {
    expect(sniffFormat(head)).toBe(expected)
  })

  it('calls random bytes unknown, whatever the extension', () => {
    let seed = 7
    const noise = Buffer.from(
      Array.from({ length: 2048 }, () => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff
        return seed & 0xff
      }),
    )
    expect(sniffFormat(noise)).toBe('unknown')
  })

  it('describes what it found', () => {
    expect(describeContent(Buffer.from('%PDF-1.4'))).toBe('một tài liệu PDF')
    expect(
      describeContent(Buffer.from('<?xml?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">')),
    ).toBe('một bảng tính XML của Excel 2003')
  })
})

describe('openWorkbook', () => {
  it('dispatches by content, not extension', async () => {
    const xlsxAsXls = join(dir, 'renamed.xls')
    await writeXlsx(xlsxAsXls, [{ sheetName: 'S', rows: [['ok']] }])
    expect(await detectFileFormat(xlsxAsXls)).toBe('xlsx')
    expect((await collect(await openWorkbook(xlsxAsXls)))[0]!.rows).toEqual([[1, ['ok']]])

    const csvAsXlsx = join(dir, 'really-csv.xlsx')
    writeFileSync(csvAsXlsx, 'a;b\n1;2\n')
    const wb = await openWorkbook(csvAsXlsx)
    expect(wb.format).toBe('csv')
    expect((await collect(wb))[0]!.rows).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
    ])
  })

  it('rejects an empty file', async () => {
    const p = join(dir, 'empty.csv')
    writeFileSync(p, '')
    const err = await caught(() => openWorkbook(p))
    expect(err).toBeInstanceOf(QdError)
    expect(err.code).toBe('empty-file')
    expect((err as unknown as QdError).location.file).toBe('empty.csv')
    const blank = join(dir, 'blank.csv')
    writeFileSync(blank, '\ufeff\r\n  \r\n')
    expect((await caught(() => openWorkbook(blank))).code).toBe('empty-file')
  })

  it('rejects unknown content naming what it is and what is accepted', async () => {
    const p = join(dir, 'scan.xls')
    writeFileSync(p, Buffer.from('%PDF-1.7\n\x00\x01\x02\x03binary', 'latin1'))
    const err = (await caught(() => openWorkbook(p))) as unknown as QdError
    expect(err.code).toBe('unknown-format')
    expect(err.message).toMatch(/một tài liệu PDF/)
    expect(err.message).toMatch(/\.xlsx/)
    expect(err.message).toMatch(/CSV/)
    expect(err.location.file).toBe('scan.xls')
  })

  it('adds the file name to errors raised while rows stream', async () => {
    const p = join(dir, 'wide.csv')
    writeFileSync(p, 'a,b\n1,2,3,4,5\n')
    const wb = await openWorkbook(p, { maxColumns: 3 })
    const err = (await caught(() => collect(wb))) as unknown as QdError
    expect(err.code).toBe('too-large')
    expect(err.location).toMatchObject({ file: 'wide.csv', sheet: 'wide', row: 2 })
  })

  it('reports JSON as format json with no sheets', async () => {
    const p = join(dir, 'api.json')
    writeFileSync(p, '{"data":[]}')
    const wb = await openWorkbook(p)
    expect(wb.format).toBe('json')
    expect(await collect(wb)).toEqual([])
  })
})

describe('readJson', () => {
  it('parses UTF-8 with or without BOM', async () => {
    const p = join(dir, 'ok.json')
    writeFileSync(p, '\ufeff{"tinh":"Thừa Thiên Huế","diem":[15.82]}')
    expect(await readJson(p)).toEqual({ tinh: 'Thừa Thiên Huế', diem: [15.82] })
  })

  it('names line and column of a syntax error', async () => {
    const p = join(dir, 'bad.json')
    writeFileSync(p, '{\n  "a": 1,\n  "b": x\n}')
    const err = (await caught(() => readJson(p))) as unknown as QdError
    expect(err.code).toBe('corrupt-file')
    expect(err.message).toMatch(/ở dòng 3, cột 8/)
    expect(err.location).toMatchObject({ file: 'bad.json', row: 3 })
  })

  it.each([
    ['{"a":}', 5],
    ['[1,2', 4],
    ['{"a" 1}', 5],
    ['{"a":1}}', 7],
    ['"abc', 4],
    ['{"a":[1,{"b":tru}]}', 13],
    ['{"ok":true}', -1],
  ])('locates the error in %j at %i', (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset)
  })

  it('enforces the size limit and rejects invalid UTF-8', async () => {
    const big = join(dir, 'big.json')
    writeFileSync(big, JSON.stringify({ a: 'x'.repeat(1000) }))
    expect((await caught(() => readJson(big, { maxFileBytes: 100 }))).code).toBe('too-large')
    const latin = join(dir, 'latin.json')
    writeFileSync(latin, encodeWindows1258('{"tinh":"Đắk Lắk"}'))
    expect((await caught(() => readJson(latin))).code).toBe('encoding')
  })
})

describe('binary .xls', () => {
  const savedPath = process.env.PATH
  afterEach(() => {
    process.env.PATH = savedPath
  })

  it('asks for an .xlsx when LibreOffice is not installed', async () => {
    const p = join(dir, 'old.xls')
    writeFileSync(p, Buffer.concat([OLE2, Buffer.alloc(1024)]))
    process.env.PATH = join(dir, 'no-such-dir')
    expect(findSoffice()).toBeUndefined()
    const err = (await caught(() => openWorkbook(p))) as unknown as QdError
    expect(err.code).toBe('binary-xls')
    expect(err.message).toBe(noSofficeMessage())
    expect(err.location.file).toBe('old.xls')
  })

  it('recognises a password-protected workbook (encrypted OOXML in an OLE2 container)', async () => {
    const p = join(dir, 'locked.xlsx')
    writeFileSync(p, Buffer.concat([OLE2, Buffer.alloc(512), Buffer.from('EncryptedPackage', 'utf16le')]))
    const err = (await caught(() => openWorkbook(p))) as unknown as QdError
    expect(err.code).toBe('corrupt-file')
    expect(err.message).toMatch(/có đặt mật khẩu/)
  })

  it.skipIf(process.platform === 'win32')(
    'converts through soffice on PATH and reads the result',
    async () => {
      // A stand-in soffice: copies a prepared .xlsx to <outdir>/<input name>.xlsx, as LibreOffice does.
      const bin = join(dir, 'fake-bin')
      mkdirSync(bin, { recursive: true })
      const prepared = join(dir, 'converted.xlsx')
      await writeXlsx(prepared, [
        {
          sheetName: 'Sheet1',
          rows: [
            ['Tỉnh', 'Điểm'],
            ['Khánh Hoà', 80],
          ],
        },
      ])
      const script = join(bin, 'soffice')
      writeFileSync(
        script,
        `#!/bin/sh
out=""; last=""
while [ $# -gt 0 ]; do
  case "$1" in --outdir) out="$2"; shift ;; esac
  last="$1"; shift
done
name=$(basename "$last"); name="\${name%.*}"
cp "${prepared}" "$out/$name.xlsx"
`,
      )
      chmodSync(script, 0o755)
      process.env.PATH = `${bin}${delimiter}${savedPath ?? ''}`
      const p = join(dir, 'legacy.xls')
      writeFileSync(p, Buffer.concat([OLE2, Buffer.alloc(1024)]))
      const scratch = join(dir, 'scratch')
      mkdirSync(scratch)
      const savedTmp = process.env.TMPDIR
      process.env.TMPDIR = scratch
      const wb = await openWorkbook(p)
      expect(wb.format).toBe('xls-biff')
      expect(readdirSync(scratch)).toEqual([]) // nothing converted until the sheets are read
      const sheets = await collect(wb)
      if (savedTmp === undefined) delete process.env.TMPDIR
      else process.env.TMPDIR = savedTmp
      expect(readdirSync(scratch)).toEqual([]) // the conversion dir is gone
      expect(sheets).toEqual([
        {
          name: 'Sheet1',
          index: 0,
          rows: [
            [1, ['Tỉnh', 'Điểm']],
            [2, ['Khánh Hoà', 80]],
          ],
        },
      ])
    },
  )

  it.skipIf(process.platform === 'win32')('reports a failed conversion as binary-xls', async () => {
    const bin = join(dir, 'failing-bin')
    mkdirSync(bin, { recursive: true })
    writeFileSync(
      join(bin, 'soffice'),
      '#!/bin/sh\necho "Error: source file could not be loaded" >&2\nexit 1\n',
    )
    chmodSync(join(bin, 'soffice'), 0o755)
    process.env.PATH = bin
    const p = join(dir, 'broken.xls')
    writeFileSync(p, Buffer.concat([OLE2, Buffer.alloc(1024)]))
    const wb = await openWorkbook(p)
    const err = (await caught(() => collect(wb))) as unknown as QdError
    expect(err.code).toBe('binary-xls')
    expect(err.found).toMatch(/could not be loaded/)
    expect(err.location.file).toBe('broken.xls')
  })
})
