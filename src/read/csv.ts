/**
 * CSV / "Unicode text" reader. Exports reach us as Excel "CSV UTF-8" (BOM), plain "CSV" in the
 * machine's ANSI code page (Windows-1258 on Vietnamese Windows, `;` where the list separator is `;`),
 * or "Unicode Text" (UTF-16LE with BOM, tab separated). Cells stay strings (pipelines type them);
 * ragged rows are passed through as they are, because deciding what they mean is the pipeline's job.
 */
import { isUtf8 } from 'node:buffer'
import { readFile, stat } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { Readable } from 'node:stream'
import { CsvError, parse } from 'csv-parse'
import { columnLetter, QdError } from '../errors.ts'
import { fmtInt } from '../i18n/format.ts'
import { t } from '../i18n/index.ts'
import {
  type DetectedEncoding,
  decodeChunks,
  detectEncoding,
  strayBytesInUtf8,
  WINDOWS_1258,
} from './decode.ts'
import { type CellValue, DEFAULT_LIMITS, type ReadLimits, type Row, type WorkbookSource } from './types.ts'

export type CsvDelimiter = ',' | ';' | '\t'

export interface CsvOptions {
  /** Sheet name; defaults to the file name without extension. */
  sheetName?: string
  /** Skip detection (a pipeline that knows its source). */
  delimiter?: CsvDelimiter
}

const CANDIDATES: CsvDelimiter[] = [',', ';', '\t']

/**
 * Picks the delimiter whose count per record (outside quotes) is the most consistent over the first
 * records, then the one with more columns. A title line with no delimiter weighs on every candidate
 * alike; decimal commas in a `;` file vary from line to line while the `;` count does not.
 */
export function detectDelimiter(sample: string, preferTab = false): CsvDelimiter {
  // Per candidate: its count in each finished record, and in the record being read.
  const tally: Record<CsvDelimiter, { counts: number[]; cur: number }> = {
    ',': { counts: [], cur: 0 },
    ';': { counts: [], cur: 0 },
    '\t': { counts: [], cur: 0 },
  }
  const tallies = CANDIDATES.map((d) => tally[d])
  let inQuotes = false
  let hasContent = false
  const maxRecords = 50
  for (let i = 0; i < sample.length && tally[','].counts.length < maxRecords; i++) {
    const ch = sample[i]
    if (ch === '"') {
      inQuotes = !inQuotes
      hasContent = true
    } else if (inQuotes) {
      // delimiters and newlines inside quotes are data
    } else if (ch === '\n' || ch === '\r') {
      for (const x of tallies) {
        if (hasContent) x.counts.push(x.cur)
        x.cur = 0
      }
      hasContent = false
    } else {
      if (ch === ',' || ch === ';' || ch === '\t') tally[ch].cur++
      hasContent = true
    }
  }
  // A last record without newline only counts when the sample is the whole file (caller trims).
  if (hasContent && !inQuotes) for (const x of tallies) x.counts.push(x.cur)

  let best: CsvDelimiter = preferTab ? '\t' : ','
  let bestScore = [0, 0, 0]
  for (const d of CANDIDATES) {
    const list = tally[d].counts
    const freq = new Map<number, number>()
    for (const n of list) if (n > 0) freq.set(n, (freq.get(n) ?? 0) + 1)
    let mode = 0
    let modeFreq = 0
    for (const [n, f] of freq) if (f > modeFreq || (f === modeFreq && n > mode)) [mode, modeFreq] = [n, f]
    if (mode === 0) continue
    const score = [modeFreq / list.length, mode, preferTab && d === '\t' ? 1 : 0]
    if (compareLexically(score, bestScore) > 0) {
      best = d
      bestScore = score
    }
  }
  return best
}

/** Compares equal-length score lists element by element, the first difference deciding. */
function compareLexically(a: readonly number[], b: readonly number[]): number {
  for (const [j, x] of a.entries()) {
    const y = b[j] ?? 0
    if (x !== y) return x > y ? 1 : -1
  }
  return 0
}

function sheetNameOf(path: string): string {
  const base = basename(path, extname(path)).normalize('NFC')
  return base || 'csv'
}

export async function readCsv(
  path: string,
  limits: Partial<ReadLimits> = {},
  opts: CsvOptions = {},
): Promise<WorkbookSource> {
  const lim: ReadLimits = { ...DEFAULT_LIMITS, ...limits }
  const size = (await stat(path)).size
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
  const bytes = await readFile(path)
  return csvFromBytes(bytes, opts.sheetName ?? sheetNameOf(path), lim, opts.delimiter)
}

/** The reader on bytes already in memory (also used for tests and for embedded CSV). */
export function csvFromBytes(
  bytes: Buffer,
  sheetName: string,
  limits: Partial<ReadLimits> = {},
  delimiter?: CsvDelimiter,
): WorkbookSource {
  const lim: ReadLimits = { ...DEFAULT_LIMITS, ...limits }
  const enc = detectEncoding(bytes)
  // A BOM declares UTF-8, so any invalid byte is a stray one; without it, only text that is clearly
  // UTF-8 apart from a few bytes is reported (real Windows-1258 text is read as such).
  const stray =
    enc.name === 'utf-8-bom' && !isUtf8(bytes.subarray(enc.bomLength))
      ? strayBytesInUtf8(bytes, { declared: true })
      : enc === WINDOWS_1258
        ? strayBytesInUtf8(bytes)
        : null
  if (stray) {
    const hex = `0x${stray.byte.toString(16).toUpperCase().padStart(2, '0')}`
    throw new QdError(
      'encoding',
      t('inbox.encoding.stray-byte', {
        line: stray.line,
        offset: stray.offset,
        byte: hex,
        count: stray.count,
      }),
      {
        location: { sheet: sheetName, row: stray.line },
        expected: 'UTF-8',
        found: t('read.csv.stray-byte.found', { byte: hex, offset: stray.offset, count: stray.count }),
      },
    )
  }
  const delim = delimiter ?? detectDelimiter(sampleText(bytes, enc), enc.name.startsWith('utf-16'))
  async function* sheets() {
    yield { name: sheetName, index: 0, rows: csvRows(bytes, enc, delim, sheetName, lim) }
  }
  return { format: 'csv', encoding: enc.name, sheets: sheets() }
}

function sampleText(bytes: Buffer, enc: DetectedEncoding): string {
  const max = 64 * 1024
  const whole = bytes.length - enc.bomLength <= max
  let text = new TextDecoder(enc.label, { ignoreBOM: true }).decode(
    bytes.subarray(enc.bomLength, enc.bomLength + max),
  )
  // Drop the possibly cut last line of a partial sample.
  if (!whole) text = text.slice(0, Math.max(text.lastIndexOf('\n'), 0))
  return text
}

function lineBreaks(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c === 10) n++
    else if (c === 13) {
      n++
      if (s.charCodeAt(i + 1) === 10) i++
    }
  }
  return n
}

async function* csvRows(
  bytes: Buffer,
  enc: DetectedEncoding,
  delimiter: CsvDelimiter,
  sheet: string,
  lim: ReadLimits,
): AsyncGenerator<Row> {
  const parser = parse({
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
    bom: false,
  })
  const source = Readable.from(decodeChunks(bytes, enc), { objectMode: false })
  source.pipe(parser)
  // Line numbers are computed here: csv-parse counts a CRLF inside a quoted field twice.
  let prevEnd = 0
  let prevEmpty = 0
  let rows = 0
  let cellCount = 0
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { empty_lines: number } }>) {
      const { record, info } = item
      const start = prevEnd + 1 + (info.empty_lines - prevEmpty)
      prevEmpty = info.empty_lines
      let end = start
      const cells: CellValue[] = new Array(record.length)
      let filled = 0
      for (let i = 0; i < record.length; i++) {
        const f = record[i]
        if (f === undefined || f === '') {
          cells[i] = null
          continue
        }
        if (f.indexOf('\n') !== -1 || f.indexOf('\r') !== -1) end += lineBreaks(f)
        cells[i] = f
        filled++
      }
      prevEnd = end
      if (filled === 0) continue
      if (record.length > lim.maxColumns) {
        throw new QdError(
          'too-large',
          t('read.csv.too-many-columns', { line: start, n: record.length, limit: lim.maxColumns }),
          {
            location: { sheet, row: start, column: columnLetter(lim.maxColumns) },
            expected: t('read.at-most-columns', { n: lim.maxColumns }),
            found: t('read.columns', { n: record.length }),
          },
        )
      }
      if (++rows > lim.maxRows) {
        throw new QdError(
          'too-large',
          t('read.too-many-rows', { what: t('read.what.file'), n: lim.maxRows }),
          {
            location: { sheet, row: start },
            expected: t('read.at-most-rows', { n: lim.maxRows }),
          },
        )
      }
      cellCount += filled
      if (cellCount > lim.maxCells) {
        throw new QdError(
          'too-large',
          t('read.too-many-cells', { what: t('read.what.file'), n: lim.maxCells }),
          {
            location: { sheet, row: start },
            expected: t('read.at-most-cells', { n: lim.maxCells }),
          },
        )
      }
      yield { rowNumber: start, cells }
    }
  } catch (err) {
    if (err instanceof QdError) throw err
    if (err instanceof CsvError) {
      const line = (err as CsvError & { lines?: number }).lines
      throw new QdError(
        'corrupt-file',
        err.code === 'CSV_QUOTE_NOT_CLOSED'
          ? t('read.csv.unclosed-quote')
          : t('read.csv.unparsable', { detail: err.message }),
        { location: { sheet, ...(line ? { row: line } : {}) }, found: err.code, cause: err },
      )
    }
    throw err
  } finally {
    source.destroy()
    parser.destroy()
  }
}
