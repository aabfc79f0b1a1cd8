/**
 * Entry point of the read stage: sniff the content, dispatch to the format reader, and make every
 * failure a QdError that names the file. JSON is not a workbook: `openWorkbook` reports
 * `format: 'json'` with no sheets and the JSON pipeline calls `readJson`.
 */

import { open, readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { asQdError, columnLetter, errorMessage, QdError } from '../errors.ts'
import { fmtInt } from '../i18n/format.ts'
import { t } from '../i18n/index.ts'
import { readCsv } from './csv.ts'
import { bomEncoding } from './decode.ts'
import { readHtml } from './html.ts'
import { checkNesting, jsonDepth, TextBudget } from './limits.ts'
import { describeContent, SNIFF_BYTES, sniffFormat } from './sniff.ts'
import {
  DEFAULT_LIMITS,
  type FileFormat,
  type ReadLimits,
  type Row,
  type SheetSource,
  type WorkbookSource,
} from './types.ts'

/** The formats qd766 reads, in words (current language). */
export const acceptedFormats = (): string => t('read.accepted')

async function readHead(path: string): Promise<Buffer> {
  const fh = await open(path, 'r')
  try {
    const buf = Buffer.alloc(SNIFF_BYTES)
    const { bytesRead } = await fh.read(buf, 0, SNIFF_BYTES, 0)
    return buf.subarray(0, bytesRead)
  } finally {
    await fh.close()
  }
}

async function checkSize(path: string, lim: ReadLimits): Promise<number> {
  const size = (await stat(path)).size
  if (size === 0)
    throw new QdError('empty-file', t('error.file.empty'), { found: t('read.bytes', { n: '0' }) })
  if (size > lim.maxFileBytes) {
    throw new QdError(
      'too-large',
      t('error.file.too-large', { size: fmtInt(size), limit: fmtInt(lim.maxFileBytes) }),
      {
        expected: t('read.at-most-bytes', { n: String(lim.maxFileBytes) }),
        found: t('read.bytes', { n: String(size) }),
      },
    )
  }
  return size
}

/** The format by content (what `openWorkbook` would dispatch on). */
export async function detectFileFormat(path: string): Promise<FileFormat | 'unknown' | 'empty'> {
  return sniffFormat(await readHead(path))
}

/** Adds the file name to errors raised while the caller iterates sheets and rows. */
function rowsWithFile(
  rows: AsyncIterable<Row>,
  file: string,
  sheet: string,
  text: TextBudget,
): AsyncIterable<Row> {
  return {
    [Symbol.asyncIterator]() {
      const it = rows[Symbol.asyncIterator]()
      const fail = (err: unknown): never => {
        throw asQdError(err, { file })
      }
      // Every reader's cells pass here: the per-cell and per-file text limits hold for all formats.
      const counted = (r: IteratorResult<Row>): IteratorResult<Row> => {
        if (!r.done) {
          const cells = r.value.cells
          for (let c = 0; c < cells.length; c++) {
            const v = cells[c]
            if (typeof v === 'string')
              text.cell(v, { file, sheet, row: r.value.rowNumber, column: columnLetter(c) })
          }
        }
        return r
      }
      return {
        next: () => it.next().then(counted).catch(fail),
        return: (value?: unknown) =>
          it.return
            ? it.return(value).catch(fail)
            : Promise.resolve({ done: true as const, value: undefined }),
      }
    },
  }
}

async function* sheetsWithFile(
  sheets: AsyncIterable<SheetSource>,
  file: string,
  lim: ReadLimits,
): AsyncGenerator<SheetSource> {
  const text = TextBudget.from(lim)
  try {
    for await (const sheet of sheets)
      yield { ...sheet, rows: rowsWithFile(sheet.rows, file, sheet.name, text) }
  } catch (err) {
    throw asQdError(err, { file })
  }
}

/**
 * Opens any accepted file as sheets of rows. Throws QdError('empty-file' | 'unknown-format' |
 * 'too-large' | 'corrupt-file' | 'not-a-workbook' | 'binary-xls' ...) with `location.file` set; errors
 * found later, while rows stream, carry the file too.
 */
export async function openWorkbook(path: string, limits: Partial<ReadLimits> = {}): Promise<WorkbookSource> {
  const lim: ReadLimits = { ...DEFAULT_LIMITS, ...limits }
  const file = basename(path)
  try {
    await checkSize(path, lim)
    const head = await readHead(path)
    const format = sniffFormat(head)
    let wb: WorkbookSource
    switch (format) {
      case 'empty':
        throw new QdError('empty-file', t('error.file.blank'), {
          found: t('read.blank-text'),
        })
      case 'unknown':
        throw new QdError(
          'unknown-format',
          t('read.unknown-format', { what: describeContent(head), accepted: acceptedFormats() }),
          {
            expected: acceptedFormats(),
            found: describeContent(head),
          },
        )
      case 'xlsx':
        // exceljs takes most of a second to load: only when a workbook arrives
        wb = await (await import('./xlsx.ts')).readXlsx(path, lim)
        break
      case 'csv':
        wb = await readCsv(path, lim)
        break
      case 'html':
        wb = await readHtml(path, lim)
        break
      case 'xls-biff':
        wb = await (await import('./biff.ts')).readBiff(path, lim)
        break
      case 'json':
        return { format: 'json', encoding: 'utf-8', sheets: (async function* () {})() }
    }
    return { ...wb, sheets: sheetsWithFile(wb.sheets, file, lim) }
  } catch (err) {
    throw asQdError(err, { file })
  }
}

/** Offset of the first JSON syntax error (V8's messages do not always say where). */
export function jsonErrorOffset(text: string): number {
  let i = 0
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r'))
      i++
  }
  const fail = (): never => {
    throw i
  }
  const value = (depth: number): void => {
    if (depth > 10_000) fail()
    ws()
    const c = text[i]
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']'
      i++
      ws()
      if (text[i] === close) {
        i++
        return
      }
      for (;;) {
        if (c === '{') {
          ws()
          if (text[i] !== '"') fail()
          string()
          ws()
          if (text[i] !== ':') fail()
          i++
        }
        value(depth + 1)
        ws()
        if (text[i] === ',') {
          i++
          continue
        }
        if (text[i] === close) {
          i++
          return
        }
        fail()
      }
    }
    if (c === '"') {
      string()
      return
    }
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400))
    if (!m) fail()
    i += m![0].length
  }
  const string = () => {
    i++
    while (i < text.length) {
      const c = text.charCodeAt(i)
      if (c === 34) {
        i++
        return
      }
      if (c < 0x20) fail()
      if (c === 92) {
        const e = text[i + 1]
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail()
          i += 6
          continue
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) fail()
        i += 2
        continue
      }
      i++
    }
    fail()
  }
  try {
    value(0)
    ws()
    return i < text.length ? i : -1
  } catch (pos) {
    return typeof pos === 'number' ? pos : -1
  }
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: offset - lineStart + 1 }
}

/**
 * Reads and parses a JSON file (size-limited). A syntax error becomes QdError('corrupt-file') with
 * the line and column in the message and `location.row` = line.
 */
export async function readJson(path: string, limits: Partial<ReadLimits> = {}): Promise<unknown> {
  const lim: ReadLimits = { ...DEFAULT_LIMITS, ...limits }
  const file = basename(path)
  try {
    await checkSize(path, lim)
    const bytes = await readFile(path)
    const bom = bomEncoding(bytes)
    let text: string
    try {
      text = new TextDecoder(bom?.label ?? 'utf-8', { fatal: true, ignoreBOM: true }).decode(
        bytes.subarray(bom?.bomLength ?? 0),
      )
    } catch {
      throw new QdError('encoding', t('error.json.not-utf8'), {
        expected: 'UTF-8',
      })
    }
    if (text.trim() === '')
      throw new QdError('empty-file', t('error.json.empty'), { found: t('read.blank-text') })
    let doc: unknown
    try {
      doc = JSON.parse(text)
    } catch (err) {
      const offset = jsonErrorOffset(text)
      const at = offset >= 0 ? lineColumn(text, offset) : undefined
      const where = at ? t('read.json.at', at) : ''
      throw new QdError('corrupt-file', t('read.json.invalid', { where, detail: errorMessage(err) }), {
        location: at ? { row: at.line } : {},
        found: errorMessage(err),
        cause: err,
      })
    }
    // Pipelines walk the document recursively: refuse absurd nesting here, readably.
    checkNesting(jsonDepth(doc, lim.maxNesting), lim.maxNesting, 'json')
    return doc
  } catch (err) {
    throw asQdError(err, { file })
  }
}
