/**
 * Hostile inputs (issue 9 §3): small files that ask for unbounded work. Each must end in a clear
 * QdError from an explicit limit, in about the time it takes to read the bytes, never in an
 * out-of-memory, a stack overflow or a scan quadratic in the file. Files are generated here, small
 * where the behaviour does not depend on size (then with a lowered limit).
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { QdError } from '../../src/errors.ts'
import { htmlSheet } from '../../src/read/html.ts'
import { checkNesting, jsonDepth, SpanBudget, TextBudget } from '../../src/read/limits.ts'
import { openWorkbook, readJson } from '../../src/read/open.ts'
import { scanSheet } from '../../src/read/xlsx-scan.ts'
import { tempDir } from '../helpers.ts'
import { caught, collect } from './collect.ts'
import { rawXlsx } from './raw-xlsx.ts'

let dir: string
beforeAll(() => {
  dir = tempDir('hostile-')
})

const write = (name: string, data: string | Buffer) => {
  const path = join(dir, name)
  writeFileSync(path, data)
  return path
}

const header =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>Tỉnh</t></is></c><c r="B1" t="inlineStr"><is><t>Tổng</t></is></c></row>'

describe('limits as functions (they hold whatever the reader)', () => {
  it('SpanBudget counts the cells a span fills beyond its own', () => {
    const b = new SpanBudget(10)
    b.add(1, 1)
    b.add(3, 3) // 8 more
    expect(b.used).toBe(8)
    const err = (() => {
      try {
        b.add(2, 2, { row: 7 })
      } catch (e) {
        return e as QdError
      }
    })()
    expect(err?.code).toBe('too-complex')
    expect(err?.location.row).toBe(7)
    expect(err?.message).toMatch(/limits\.maxSpanCells/)
  })

  it('TextBudget caps one cell and the whole file', () => {
    expect(() => new TextBudget(5, 100).cell('abcdef')).toThrow(/limits\.maxCellCharacters/)
    const file = new TextBudget(5, 12)
    file.row(['abcde', 'abcde', null, 3])
    expect(() => file.cell('abc')).toThrow(/limits\.maxFileTextCharacters/)
  })

  it('jsonDepth measures without recursion; checkNesting refuses past the limit', () => {
    expect(jsonDepth({ a: [1, { b: [] }] }, 64)).toBe(4)
    expect(jsonDepth(1, 64)).toBe(0)
    const deep = JSON.parse(`${'['.repeat(200_000)}${']'.repeat(200_000)}`)
    expect(jsonDepth(deep, 64)).toBe(65)
    expect(() => checkNesting(65, 64, 'json')).toThrow(/limits\.maxNesting/)
  })
})

describe('hostile HTML ".xls"', () => {
  it('rowspan="0" x1000 over 20,000 empty rows (200 KB): refused by the span budget, not 1.8 GB', async () => {
    const html = `<table><tr>${'<td rowspan="0">x</td>'.repeat(1000)}</tr>${'<tr></tr>'.repeat(20_000)}</table>`
    expect(html.length).toBeLessThan(250_000)
    const err = await caught(async () => htmlSheet(html))
    expect(err.code).toBe('too-complex')
    expect(err.message).toMatch(/Tệp quá lớn hoặc quá phức tạp để xử lý an toàn/)
    expect(err.message).toMatch(/limits\.maxSpanCells/)
  })

  it('keeps real rowspans (and rowspan="0") working under the budget', () => {
    const html =
      '<table><tr><td rowspan="0">a</td><td>1</td></tr><tr><td>2</td></tr><tr><td rowspan="2">b</td><td>3</td></tr><tr><td>4</td></tr></table>'
    expect(htmlSheet(html).rows.map((r) => r.cells)).toEqual([
      ['a', '1'],
      ['a', '2'],
      ['a', 'b', '3'],
      ['a', 'b', '4'],
    ])
    expect(() => htmlSheet(html, { maxSpanCells: 3 })).toThrow(/limits\.maxSpanCells/)
  })

  it('100,000 nested tables: a readable refusal, not "Maximum call stack size exceeded"', async () => {
    const html = `<html><body>${'<table><tr><td>'.repeat(100_000)}x</body></html>`
    const err = await caught(async () => htmlSheet(html))
    expect(err.code).toBe('too-complex')
    expect(err.message).toMatch(/limits\.maxNesting/)
    expect(err.message).not.toMatch(/call stack/)
  })

  it('100,000 nested inline elements in a cell cost no call stack', () => {
    const html = `<table><tr><td>${'<b>'.repeat(100_000)}x${'</b>'.repeat(100_000)}</td><td>y</td></tr></table>`
    expect(htmlSheet(html).rows[0]?.cells).toEqual(['x', 'y'])
  })
})

describe('hostile JSON', () => {
  it('deeply nested arrays: a readable refusal, not a stack overflow later', async () => {
    const path = write('deep.json', `{"data":${'['.repeat(100_000)}${']'.repeat(100_000)}}`)
    const err = await caught(() => readJson(path))
    expect(err.code).toBe('too-complex')
    expect(err.message).toMatch(/JSON/)
    expect(err.message).toMatch(/limits\.maxNesting/)
  })
})

describe('hostile xlsx', () => {
  it('20,000 tall merges J1:J1048576 with nothing to spread (5 KB): read at once', async () => {
    const path = write(
      'tall-merges.xlsx',
      rawXlsx([
        {
          name: 'S',
          before: '<dimension ref="A1:J1048576"/>',
          rows: header,
          after: `<mergeCells count="20000">${'<mergeCell ref="J1:J1048576"/>'.repeat(20_000)}</mergeCells>`,
        },
      ]),
    )
    const [sheet] = await collect(await openWorkbook(path))
    expect(sheet?.rows).toEqual([[1, ['Tỉnh', 'Tổng']]])
  })

  it('tall merges with a value to spread: refused by the span budget', async () => {
    const rows = `<row r="1"><c r="A1" t="inlineStr"><is><t>Tỉnh</t></is></c><c r="J1" t="inlineStr"><is><t>v</t></is></c></row>`
    const path = write(
      'tall-merges-value.xlsx',
      rawXlsx([
        {
          name: 'S',
          before: '<dimension ref="A1:J1048576"/>',
          rows,
          after: `<mergeCells count="20000">${'<mergeCell ref="J1:J1048576"/>'.repeat(20_000)}</mergeCells>`,
        },
      ]),
    )
    const err = await caught(async () => collect(await openWorkbook(path)))
    expect(err.code).toBe('too-complex')
    expect(err.message).toMatch(/limits\.maxSpanCells/)
  })

  it('200,000 runs in one inline string: read without a quadratic pre-scan', async () => {
    const runs = (n: number) => '<r><t>x</t></r>'.repeat(n)
    const path = write(
      'runs.xlsx',
      rawXlsx([
        { name: 'S', rows: `<row r="1"><c r="A1" t="inlineStr"><is>${runs(200_000)}</is></c></row>` },
      ]),
    )
    // 200,000 characters: over Excel's own cell limit, so the file is refused, by that limit
    const err = await caught(async () => collect(await openWorkbook(path)))
    expect(err.code).toBe('too-large')
    expect(err.message).toMatch(/limits\.maxCellCharacters/)
    expect((err as unknown as QdError).location).toMatchObject({ sheet: 'S', row: 1, column: 'A' })
    // and with the limit raised, every run is there
    const [sheet] = await collect(await openWorkbook(path, { maxCellChars: 1_000_000 }))
    expect(String(sheet?.rows[0]?.[1][0] ?? '').length).toBe(200_000)
  })

  it('200,000 nested runs in one inline string: read at once', async () => {
    const path = write(
      'nested-runs.xlsx',
      rawXlsx([
        {
          name: 'S',
          rows: `<row r="1"><c r="A1" t="inlineStr"><is>${'<r>'.repeat(200_000)}<t>x</t>${'</r>'.repeat(200_000)}</is></c></row>`,
        },
      ]),
    )
    const [sheet] = await collect(await openWorkbook(path))
    expect(sheet?.rows).toEqual([[1, ['x']]])
  })

  it('no ">" after </sheetData>: the scan holds a bounded tail and says the tag is not closed', async () => {
    async function* chunks(): AsyncGenerator<Buffer> {
      yield Buffer.from(`<worksheet><sheetData>${header}</sheetData><mergeCells><mergeCell ref="A1:B1"/>`)
      yield Buffer.from('<mergeCell ref="A2:')
      // 4 MB without a '>' in 4 KB chunks (the real case: 300 MB)
      for (let i = 0; i < 1024; i++) yield Buffer.alloc(4096, 0x20)
    }
    const err = await caught(() => scanSheet(chunks(), { maxCarry: 1 << 20, maxTag: 64 << 10 }))
    expect(err.code).toBe('corrupt-file')
    expect(err.message).toMatch(/không được đóng|not closed/)
    // without an unfinished tag, bytes without '>' are dropped as they come
    async function* noTag(): AsyncGenerator<Buffer> {
      yield Buffer.from(`<worksheet><sheetData>${header}</sheetData><mergeCells><mergeCell ref="A1:B1"/>x`)
      for (let i = 0; i < 256; i++) yield Buffer.alloc(4096, 0x20)
      yield Buffer.from('</mergeCells></worksheet>')
    }
    const scan = await scanSheet(noTag(), { maxCarry: 1 << 30, maxTag: 64 << 10 })
    expect(scan.merges).toEqual([{ top: 1, left: 0, bottom: 1, right: 1 }])
  })

  it('one long shared string in 40 cells: refused by the per-cell cap, named where', async () => {
    const big = 'x'.repeat(100_000) // the real case: 50 MB; the cap is the same
    const cells = Array.from(
      { length: 40 },
      (_, i) => `<c r="${String.fromCharCode(65 + (i % 20))}${2 + Math.floor(i / 20)}" t="s"><v>0</v></c>`,
    )
    const path = write(
      'long-sst.xlsx',
      rawXlsx(
        [
          {
            name: 'S',
            rows: `<row r="2">${cells.slice(0, 20).join('')}</row><row r="3">${cells.slice(20).join('')}</row>`,
          },
        ],
        { sharedStrings: [big] },
      ),
    )
    const err = await caught(async () => collect(await openWorkbook(path)))
    expect(err.code).toBe('too-large')
    expect(err.message).toMatch(/100\.000 ký tự|100,000 characters/)
    expect((err as unknown as QdError).location).toMatchObject({ sheet: 'S', row: 2, column: 'A' })
    // within the per-cell cap, the per-file cap counts each use of the string
    const err2 = await caught(async () =>
      collect(await openWorkbook(path, { maxCellChars: 200_000, maxFileTextChars: 1_000_000 })),
    )
    expect(err2.message).toMatch(/limits\.maxFileTextCharacters/)
  })
})
