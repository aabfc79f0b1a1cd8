/**
 * .xlsx reader: exceljs streaming WorkbookReader, fed by our own zip layer.
 *
 * exceljs is given a re-packed, in-memory-ordered zip stream instead of the file path. Why:
 * - we read the central directory first (zip-bomb limit, truncation, encryption) and inflate each
 *   part with a hard cap at its declared size (zip.ts);
 * - parts go to exceljs in the order it needs (styles and shared strings before sheets), so it never
 *   spools sheets to temp files, and sheets arrive in workbook (tab) order with their real names;
 * - every chunk ends on a UTF-8 character boundary: exceljs decodes each chunk on its own and would
 *   otherwise turn a Vietnamese letter split across two chunks into U+FFFD;
 * - only the parts we read are inflated (no images, no printer settings).
 * Merged ranges and the few cell kinds exceljs misreads come from a byte pre-scan (xlsx-scan.ts).
 */

import { open, stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { columnLetter, QdError } from '../errors.ts'
import { isObj } from '../guards.ts'
import { t } from '../i18n/index.ts'
import { SpanBudget } from './limits.ts'
import {
  type CellValue,
  DEFAULT_LIMITS,
  type ReadLimits,
  type Row,
  type SheetSource,
  type WorkbookSource,
} from './types.ts'
import { type SheetScan, scanSheet } from './xlsx-scan.ts'
import { type CellRange, decodeOoxmlEscapes, xmlAttr, xmlStartTags } from './xml.ts'
import {
  corruptZipMessage,
  entryChunks,
  locateEntryData,
  readEntry,
  readZipDirectory,
  type ZipEntry,
} from './zip.ts'

const MB = 1024 * 1024

interface Part {
  /** Name exceljs sees. */
  name: string
  /** Inline content (synthetic or already read)... */
  data?: Buffer
  /** ...or a zip entry streamed from the file. */
  entry?: ZipEntry
  dataStart?: number
}

interface SheetPlan {
  name: string
  index: number
  entry: ZipEntry
  dataStart: number
}

interface WorkbookPlan {
  path: string
  date1904: boolean
  parts: Part[]
  sheets: SheetPlan[]
}

/** Opens an .xlsx file; sheets and rows are streamed lazily as the caller iterates. */
export async function readXlsx(path: string, limits: Partial<ReadLimits> = {}): Promise<WorkbookSource> {
  const lim: ReadLimits = { ...DEFAULT_LIMITS, ...limits }
  const plan = await planWorkbook(path, lim)
  return { format: 'xlsx', sheets: streamSheets(plan, lim) }
}

// ---------------------------------------------------------------------------------------------
// Planning: central directory, workbook.xml, relationships.

const REL_OFFICE_DOC = /\/officeDocument$/
const REL_WORKSHEET = /\/worksheet$/
const REL_STYLES = /\/styles$/
const REL_SHARED_STRINGS = /\/sharedStrings$/

function tooLarge(found: number, limit: number, unit = ''): QdError {
  return new QdError(
    'too-large',
    t('read.xlsx.too-large', { found: `${found}${unit}`, limit: `${limit}${unit}` }),
    {
      expected: t('read.at-most', { n: `${limit}${unit}` }),
      found: `${found}${unit}`,
    },
  )
}

/** Resolves a relationship target against the folder of the part that owns the .rels file. */
function resolveTarget(baseDir: string, target: string): string {
  const raw = target.startsWith('/') ? target.slice(1) : baseDir + target
  const out: string[] = []
  for (const seg of raw.split('/')) {
    if (seg === '..') out.pop()
    else if (seg !== '.' && seg !== '') out.push(seg)
  }
  return out.join('/')
}

interface Rel {
  type: string
  target: string
}

function parseRels(xml: string, baseDir: string): Map<string, Rel> {
  const rels = new Map<string, Rel>()
  for (const tag of xmlStartTags(xml, 'Relationship')) {
    const id = xmlAttr(tag, 'Id')
    const target = xmlAttr(tag, 'Target')
    if (!id || !target || xmlAttr(tag, 'TargetMode') === 'External') continue
    rels.set(id, { type: xmlAttr(tag, 'Type') ?? '', target: resolveTarget(baseDir, target) })
  }
  return rels
}

function notWorkbook(byName: Map<string, ZipEntry>): QdError {
  const has = (n: string) => byName.has(n)
  let what = t('read.xlsx.zip-not-workbook')
  let hint = t('read.xlsx.zip-not-workbook.hint')
  if (has('xl/workbook.bin')) {
    what = t('read.xlsx.xlsb')
    hint = t('read.xlsx.xlsb.hint')
  } else if (has('content.xml') && has('mimetype')) {
    what = t('read.xlsx.ods')
    hint = t('read.xlsx.ods.hint')
  } else if (has('word/document.xml')) {
    what = t('read.xlsx.word')
  } else if (has('ppt/presentation.xml')) {
    what = t('read.xlsx.powerpoint')
  }
  return new QdError('not-a-workbook', t('read.xlsx.not-workbook', { what, hint }), {
    expected: t('read.xlsx.workbook'),
    found: what,
  })
}

async function planWorkbook(path: string, lim: ReadLimits): Promise<WorkbookPlan> {
  const size = (await stat(path)).size
  if (size > lim.maxFileBytes) {
    throw tooLarge(Math.ceil(size / MB), Math.floor(lim.maxFileBytes / MB), ' MB')
  }
  const fh = await open(path, 'r')
  try {
    const dir = await readZipDirectory(fh, size)
    if (dir.totalUncompressed > lim.maxUncompressedBytes) {
      throw new QdError(
        'too-large',
        t('read.xlsx.zip-bomb', {
          size: String(dir.totalUncompressed),
          limit: String(lim.maxUncompressedBytes),
        }),
        {
          expected: t('read.at-most-bytes-unpacked', { n: String(lim.maxUncompressedBytes) }),
          found: t('read.bytes', { n: String(dir.totalUncompressed) }),
        },
      )
    }
    const { byName } = dir
    const get = (name: string) => byName.get(name.toLowerCase())
    const read = async (entry: ZipEntry) =>
      (await readEntry(path, await locateEntryData(fh, entry), entry)).toString('utf8')

    // The workbook part is named by the package relationships; xl/workbook.xml is the usual answer.
    let workbookName = 'xl/workbook.xml'
    const pkgRels = get('_rels/.rels')
    if (pkgRels) {
      for (const rel of parseRels(await read(pkgRels), '').values()) {
        if (REL_OFFICE_DOC.test(rel.type)) workbookName = rel.target
      }
    }
    const workbookEntry = get(workbookName) ?? get('xl/workbook.xml')
    if (!workbookEntry) throw notWorkbook(byName)
    const workbookXml = await read(workbookEntry)
    const baseDir = workbookEntry.name.slice(0, workbookEntry.name.lastIndexOf('/') + 1)
    const relsEntry = get(`${baseDir}_rels/${workbookEntry.name.slice(baseDir.length)}.rels`)
    const rels = relsEntry ? parseRels(await read(relsEntry), baseDir) : new Map<string, Rel>()

    const pr = xmlStartTags(workbookXml, 'workbookPr')[0]
    const d1904 = pr ? xmlAttr(pr, 'date1904') : undefined
    const date1904 = d1904 === '1' || d1904 === 'true'

    const findByType = (re: RegExp, fallback: string) => {
      for (const rel of rels.values()) if (re.test(rel.type)) return get(rel.target)
      return get(fallback)
    }
    const stylesEntry = findByType(REL_STYLES, `${baseDir}styles.xml`)
    const sstEntry = findByType(REL_SHARED_STRINGS, `${baseDir}sharedStrings.xml`)

    const sheets: SheetPlan[] = []
    xmlStartTags(workbookXml, 'sheet').forEach((tag, index) => {
      const rel = rels.get(xmlAttr(tag, 'id') ?? '')
      if (!rel || !REL_WORKSHEET.test(rel.type)) return // chart sheets, dialog sheets
      const entry = get(rel.target)
      if (!entry) return
      sheets.push({
        name: (xmlAttr(tag, 'name') ?? `Sheet${index + 1}`).normalize('NFC'),
        index,
        entry,
        dataStart: 0,
      })
    })
    if (sheets.length === 0 && xmlStartTags(workbookXml, 'sheet').length === 0) {
      // Some minimal writers omit relationships; fall back to the conventional part names.
      for (const e of dir.entries) {
        const m = /^xl\/worksheets\/sheet(\d+)\.xml$/i.exec(e.name)
        if (m) sheets.push({ name: `Sheet${m[1]}`, index: sheets.length, entry: e, dataStart: 0 })
      }
    }
    for (const s of sheets) s.dataStart = await locateEntryData(fh, s.entry)

    // Synthetic workbook part and relationships: exceljs only needs the 1904 flag from them, and
    // both must precede the sheets or it spools every sheet to a temp file.
    const parts: Part[] = [
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: Buffer.from(
          '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
        ),
      },
      {
        name: 'xl/workbook.xml',
        data: Buffer.from(
          `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><workbookPr${date1904 ? ' date1904="1"' : ''}/><sheets/></workbook>`,
        ),
      },
    ]
    if (stylesEntry)
      parts.push({
        name: 'xl/styles.xml',
        entry: stylesEntry,
        dataStart: await locateEntryData(fh, stylesEntry),
      })
    parts.push(
      sstEntry
        ? { name: 'xl/sharedStrings.xml', entry: sstEntry, dataStart: await locateEntryData(fh, sstEntry) }
        : { name: 'xl/sharedStrings.xml', data: Buffer.from('<sst/>') },
    )
    sheets.forEach((s, k) => {
      parts.push({ name: `xl/worksheets/sheet${k + 1}.xml`, entry: s.entry, dataStart: s.dataStart })
    })
    return { path, date1904, parts, sheets }
  } finally {
    await fh.close()
  }
}

// ---------------------------------------------------------------------------------------------
// The zip stream exceljs reads.

function localHeader(name: string, size: number): Buffer {
  if (size > 0xfffffffe) throw new QdError('too-large', t('read.xlsx.part-too-large', { name }))
  const nameBuf = Buffer.from(name, 'utf8')
  const h = Buffer.alloc(30 + nameBuf.length)
  h.writeUInt32LE(0x04034b50, 0)
  h.writeUInt16LE(20, 4) // version needed
  h.writeUInt16LE(0x0800, 6) // UTF-8 names; no data descriptor
  h.writeUInt16LE(0, 8) // stored: we inflate ourselves, with size checks
  h.writeUInt32LE(size, 18)
  h.writeUInt32LE(size, 22)
  h.writeUInt16LE(nameBuf.length, 26)
  nameBuf.copy(h, 30)
  return h
}

/** Bytes at the end of `buf` that start an incomplete UTF-8 sequence (0 when it ends cleanly). */
export function incompleteUtf8Tail(buf: Buffer): number {
  const n = buf.length
  for (let back = 1; back <= 4 && back <= n; back++) {
    const b = buf[n - back]!
    if (b < 0x80) return 0
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2
      return need > back ? back : 0
    }
  }
  return 0
}

/**
 * exceljs turns each chunk into one batch of SAX events and Row objects that live until the batch is
 * consumed; big chunks keep many of them alive at once and GC cost grows (on a 100k x 20 sheet, 128 KB
 * chunks were about 1.4x slower than 16 KB slices, which is what zlib hands exceljs when it reads a
 * file itself). Slices end on character boundaries.
 */
const SLICE = 16 * 1024

function* slices(buf: Buffer, end: number): Generator<Buffer> {
  let pos = 0
  while (pos < end) {
    let stop = Math.min(pos + SLICE, end)
    // Back off continuation bytes (10xxxxxx) so no character is split.
    while (stop < end && stop > pos + 1 && (buf[stop]! & 0xc0) === 0x80) stop--
    yield buf.subarray(pos, stop)
    pos = stop
  }
}

/**
 * The parts as a zip stream. It never ends on its own: unzipper emits 'end' as soon as its input
 * finishes, even while the last (small) entry still sits unread in its buffer, and exceljs then
 * silently drops that sheet. Instead the stream stays open until the reader is done with it.
 */
async function* feedChunks(plan: WorkbookPlan, hold: Promise<void>): AsyncGenerator<Buffer> {
  for (const part of plan.parts) {
    if (part.data) {
      yield localHeader(part.name, part.data.length)
      yield part.data
      continue
    }
    const entry = part.entry!
    yield localHeader(part.name, entry.uncompressedSize)
    let carry: Buffer | undefined
    for await (const chunk of entryChunks(plan.path, part.dataStart!, entry)) {
      const buf = carry ? Buffer.concat([carry, chunk]) : chunk
      const tail = incompleteUtf8Tail(buf)
      carry = tail ? buf.subarray(buf.length - tail) : undefined
      yield* slices(buf, buf.length - tail)
    }
    if (carry) yield carry
  }
  await hold
}

/** The stream, plus a way to wait on exceljs that fails as soon as the stream does. */
class Feed {
  readonly stream: Readable
  private release: () => void = () => {}
  private error: unknown
  private rejectPending: ((err: unknown) => void) | undefined

  constructor(plan: WorkbookPlan) {
    const hold = new Promise<void>((resolve) => {
      this.release = resolve
    })
    this.stream = Readable.from(feedChunks(plan, hold), { objectMode: false, highWaterMark: 256 * 1024 })
    this.stream.on('error', (err) => {
      this.error = err
      this.rejectPending?.(err)
    })
  }

  /**
   * exceljs waits on stream data without seeing our stream's errors, so it would wait forever; this
   * turns such an error into a rejection. (Not Promise.race against one long-lived promise: every
   * race leaves a reaction on it that keeps the resolved row alive, which made GC dominate.)
   */
  next<T>(it: AsyncIterator<T>): Promise<IteratorResult<T>> {
    if (this.error !== undefined) return Promise.reject(this.error)
    return new Promise((resolve, reject) => {
      this.rejectPending = reject
      it.next().then(resolve, reject)
    })
  }

  /** Destroyed (not ended) so that unzipper and exceljs are simply dropped, never finished. */
  destroy(): void {
    this.stream.destroy()
    this.release()
  }
}

// ---------------------------------------------------------------------------------------------
// Sheets and rows.

function toQdError(err: unknown, sheet?: string): QdError {
  if (err instanceof QdError) return sheet ? err.at({ sheet }) : err
  const detail = err instanceof Error ? err.message : String(err)
  return new QdError('corrupt-file', sheet ? t('read.xlsx.bad-sheet', { sheet }) : corruptZipMessage(), {
    found: detail,
    cause: err,
    location: sheet ? { sheet } : {},
  })
}

async function* streamSheets(plan: WorkbookPlan, lim: ReadLimits): AsyncGenerator<SheetSource> {
  if (plan.sheets.length === 0) return
  const feed = new Feed(plan)
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(feed.stream, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    })
    const books = reader[Symbol.asyncIterator]()
    for (const sheet of plan.sheets) {
      let ws: ExcelJS.stream.xlsx.WorksheetReader
      let scan: SheetScan
      try {
        const res = await feed.next(books)
        if (res.done) throw new Error(t('read.xlsx.sheet-missing', { sheet: sheet.name }))
        ws = res.value
        scan = await scanSheet(entryChunks(plan.path, sheet.dataStart, sheet.entry))
      } catch (err) {
        throw toQdError(err, sheet.name)
      }
      yield {
        name: sheet.name,
        index: sheet.index,
        rows: sheetRows(ws, scan, sheet.name, plan.date1904, lim, feed),
      }
    }
  } finally {
    feed.destroy()
  }
}

interface ActiveMerge {
  range: CellRange
  value: CellValue
}

async function* sheetRows(
  ws: ExcelJS.stream.xlsx.WorksheetReader,
  scan: SheetScan,
  sheet: string,
  date1904: boolean,
  lim: ReadLimits,
  feed: Feed,
): AsyncGenerator<Row> {
  const { merges, overrides } = scan
  const maxCol = lim.maxColumns - 1
  let nextMerge = 0
  let active: ActiveMerge[] = []
  let emitted = 0
  let cellCount = 0
  let prevRow = 0
  const spans = new SpanBudget(lim.maxSpanCells)

  const count = (row: Row): Row => {
    if (++emitted > lim.maxRows) {
      throw new QdError(
        'too-large',
        t('read.too-many-rows', { what: t('read.what.sheet'), n: lim.maxRows }),
        {
          location: { sheet, row: row.rowNumber },
          expected: t('read.at-most-rows', { n: lim.maxRows }),
        },
      )
    }
    for (const v of row.cells) if (v !== null) cellCount++
    if (cellCount > lim.maxCells) {
      throw new QdError(
        'too-large',
        t('read.too-many-cells', { what: t('read.what.sheet'), n: lim.maxCells }),
        {
          location: { sheet, row: row.rowNumber },
          expected: t('read.at-most-cells', { n: lim.maxCells }),
        },
      )
    }
    return row
  }

  /** Rows absent from the XML but covered by a merge whose value must appear there. */
  function* gapRows(upTo: number): Generator<Row> {
    while (active.length > 0 && prevRow + 1 <= upTo) {
      const r = prevRow + 1
      let width = 0
      for (const m of active)
        if (m.range.top < r && m.range.bottom >= r) width = Math.max(width, m.range.right + 1)
      const cells: CellValue[] = new Array(Math.min(width, maxCol + 1)).fill(null)
      fill(cells, r)
      active = active.filter((m) => m.range.bottom > r)
      prevRow = r
      let last = cells.length - 1
      while (last >= 0 && cells[last] === null) last--
      cells.length = last + 1
      if (last >= 0) yield count({ rowNumber: r, cells })
    }
  }

  function fill(cells: CellValue[], r: number): void {
    for (const m of active) {
      if (m.value === null || m.range.top > r || m.range.bottom < r) continue
      const right = Math.min(m.range.right, maxCol)
      while (cells.length <= right) cells.push(null)
      for (let c = m.range.left; c <= right; c++) cells[c] = m.value
    }
  }

  const it = ws[Symbol.asyncIterator]()
  try {
    for (;;) {
      const res = await feed.next(it)
      if (res.done) break
      const xrow = res.value
      const r = xrow.number
      yield* gapRows(r - 1)
      prevRow = r

      const cells: CellValue[] = new Array(Math.min(xrow.cellCount, maxCol + 1)).fill(null)
      xrow.eachCell((cell, col) => {
        if (col > lim.maxColumns) {
          throw new QdError(
            'too-large',
            t('read.xlsx.column-beyond', { row: r, column: columnLetter(col - 1), limit: lim.maxColumns }),
            {
              location: { sheet, row: r, column: columnLetter(col - 1) },
              expected: t('read.at-most-columns', { n: lim.maxColumns }),
            },
          )
        }
        cells[col - 1] = normaliseCellValue(cell.value, date1904, cell)
      })
      const fix = overrides.size > 0 ? overrides.get(r) : undefined
      if (fix) {
        for (const [c, v] of fix) {
          if (c > maxCol) continue
          while (cells.length <= c) cells.push(null)
          cells[c] = v
        }
      }

      // Merges starting on this row take their value from its top-left cell.
      for (
        let range = merges[nextMerge];
        range !== undefined && range.top <= r;
        range = merges[++nextMerge]
      ) {
        // A merge whose top row is absent, or whose top-left cell is empty, has no value to spread
        // (keeping it active would cost work on every row it covers: 20,000 of J1:J1048576).
        const value = range.top === r && range.left <= maxCol ? (cells[range.left] ?? null) : null
        if (value === null) continue
        spans.add(
          Math.min(range.bottom, range.top + lim.maxRows) - range.top + 1,
          Math.min(range.right, maxCol) - range.left + 1,
          { sheet, row: r, column: columnLetter(range.left) },
        )
        active.push({ range, value })
      }
      if (active.length > 0) {
        fill(cells, r)
        active = active.filter((m) => m.range.bottom > r)
      }

      let last = cells.length - 1
      while (last >= 0 && cells[last] === null) last--
      if (last < 0) continue
      cells.length = last + 1
      yield count({ rowNumber: r, cells })
    }
    // Trailing rows covered by merges, as far as the sheet's declared extent.
    yield* gapRows(Math.max(prevRow, scan.dimension?.bottom ?? prevRow))
  } catch (err) {
    throw toQdError(err, sheet)
  }
}

// ---------------------------------------------------------------------------------------------
// Cell values.

const dateFmtCache = new Map<string, boolean>()

/** Same test exceljs applies to plain numbers, so formula results and constants agree. */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false
  let hit = dateFmtCache.get(fmt)
  if (hit === undefined) {
    const bare = fmt
      .replace(/\[[^\]]*]/g, '')
      .replace(/"[^"]*"/g, '')
      .replace(/\\./g, '')
    hit = /[ymdhsb]/i.test(bare) && !/^general$/i.test(bare.trim())
    dateFmtCache.set(fmt, hit)
  }
  return hit
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n))

/**
 * A date whose UTC fields are the workbook's calendar fields (that is how exceljs builds them) ->
 * "YYYY-MM-DD", "YYYY-MM-DDTHH:MM:SS", or "HH:MM:SS" for a pure time (serial in [0, 1)).
 */
function calendarIso(ms: number): string {
  const t = Math.round(ms / 1000) * 1000
  const d = new Date(t)
  const y = d.getUTCFullYear()
  const date = `${y < 1000 ? String(y).padStart(4, '0') : y}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`
  const secs = d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds()
  if (secs === 0) return date
  const time = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`
  return t < TIME_ONLY_END ? time : `${date}T${time}`
}

/** exceljs turns serial 0..1 into 1899-12-30; anything before 1899-12-31 is a time of day. */
const TIME_ONLY_END = Date.UTC(1899, 11, 31)
/** Excel's phantom 1900-02-29 (serial 60) shifts serials below it by one day. */
const PHANTOM_LEAP_DAY = Date.UTC(1900, 1, 28)
const DAY_MS = 86_400_000

function dateToIso(d: Date, date1904: boolean): string | null {
  let ms = d.getTime()
  if (Number.isNaN(ms)) return null
  if (!date1904 && ms < PHANTOM_LEAP_DAY && ms >= TIME_ONLY_END) ms += DAY_MS
  return calendarIso(ms)
}

/** Excel serial (either date system) -> ISO string, as a local calendar date. */
export function excelSerialToIso(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial)) return null
  return dateToIso(new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * DAY_MS)), date1904)
}

/** The last long string cleaned: a shared string repeated in many cells is normalised once. */
let lastLong: { raw: string; clean: string } | undefined

function cleanString(s: string): CellValue {
  if (s.length === 0) return null
  if (s.length < 4096) return decodeOoxmlEscapes(s).normalize('NFC')
  if (lastLong?.raw !== s) lastLong = { raw: s, clean: decodeOoxmlEscapes(s).normalize('NFC') }
  return lastLong.clean
}

/**
 * The one place exceljs values become CellValues (see the CellValue contract in types.ts).
 * `cell` is only consulted for the number format of formula results (exceljs converts plain dated
 * numbers itself, but leaves formula results as serials).
 */
export function normaliseCellValue(
  value: unknown,
  date1904: boolean,
  cell?: { numFmt?: unknown },
): CellValue {
  switch (typeof value) {
    case 'string':
      return cleanString(value)
    case 'number':
      return Number.isFinite(value) ? value : null
    case 'boolean':
      return value ? 'TRUE' : 'FALSE'
    case 'object': {
      if (value === null) return null
      if (value instanceof Date) {
        // exceljs dates any number whose format merely contains d/m/y/h/s (e.g. `0.0 \h`); apply
        // our stricter test and give such numbers back.
        const fmt = cell?.numFmt
        if (typeof fmt === 'string' && !isDateFormat(fmt)) {
          return value.getTime() / DAY_MS + 25569 - (date1904 ? 1462 : 0)
        }
        return dateToIso(value, date1904)
      }
      if (!isObj(value)) return null // (an array: no cell value exceljs gives)
      const v = value
      if (Array.isArray(v.richText)) {
        let s = ''
        for (const run of v.richText) if (isObj(run) && typeof run.text === 'string') s += run.text
        return cleanString(s)
      }
      if ('formula' in v || 'sharedFormula' in v || 'result' in v) {
        const result = v.result
        if (result === undefined || result === null) return null
        if (typeof result === 'number') {
          // A NaN result is an error value the pre-scan did not catch: keep it visibly an error.
          if (Number.isNaN(result)) return '#ERROR!'
          const fmt = cell?.numFmt
          if (typeof fmt === 'string' && isDateFormat(fmt)) return excelSerialToIso(result, date1904)
        }
        if (typeof result === 'object' && result !== null && 'error' in result) return String(result.error)
        return normaliseCellValue(result, date1904)
      }
      if ('error' in v) return typeof v.error === 'string' ? v.error : '#ERROR!'
      if ('text' in v) return normaliseCellValue(v.text, date1904)
      return null
    }
    default:
      return null
  }
}
