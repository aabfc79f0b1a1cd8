/**
 * Reader for Office-HTML ".xls" files: the provincial one-stop systems save the on-page <table> inside
 * an Excel HTML template and name it .xls (docs/provincial-exports.md §0, §7). We lay the tables out the
 * way a browser (and Excel's HTML import) does, so a header band merged with colspan/rowspan comes
 * out exactly like the same file re-saved as .xlsx with merged cells: every covered cell holds the
 * value.
 *
 * Streaming: the file is read, decoded and fed to parse5's tree builder in 1 MB chunks, so the browser's
 * own table rules apply (implicit <tbody>, unclosed <td>/<tr>, a <table> inside a cell, stray
 * content moved out of the table). Each <tr> is laid out and dropped from the tree the moment the
 * tree builder closes it, so the document is never held: memory stays flat however many rows the
 * export has, and rows come out while the file is still being read.
 *
 * Rules:
 * - every <table> in document order, nested ones too, into ONE sheet; a wrapper row whose cells only
 *   hold nested tables is replaced by those tables' rows (a nested table's rows wait for the end of
 *   the row around it, since that row's own text comes first);
 * - rows in display order: <caption>, <thead>, <tbody> (and bare rows), <tfoot> (a <tfoot> waits for
 *   the end of its table; a <thead> written after more than LOOKAHEAD body rows stays where it is);
 * - rowspan stops at the end of its row group (thead/tbody/tfoot), as in browsers; rowspan=0 runs to
 *   the end of the group;
 * - a colspan reaching past the widest real row (one ending in a single-column cell) is clipped:
 *   section rows like colspan="30" on an 18-column table. The width is decided over the first
 *   LOOKAHEAD rows of a table (or all of it, if shorter): a wider real row further down no longer
 *   widens the title rows already emitted;
 * - cell text is the text content with <br> as "\n", entities decoded, NFC, not trimmed; a cell with
 *   only whitespace is empty (null);
 * - rowNumber counts <tr>s (and a caption) from 1 over the whole sheet, like rows of the re-saved
 *   workbook; empty rows keep their number but are not emitted.
 */
import { closeSync, openSync, readSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import { type DefaultTreeAdapterTypes, defaultTreeAdapter, Parser, type TreeAdapter } from 'parse5'
import { QdError } from '../errors.ts'
import { fmtInt } from '../i18n/format.ts'
import { t } from '../i18n/index.ts'
import {
  bomEncoding,
  type DetectedEncoding,
  decodeAll,
  decodeByteChunks,
  detectEncoding,
  isUtf8Chunks,
  UTF8,
  WINDOWS_1258,
} from './decode.ts'
import { checkNesting, SpanBudget } from './limits.ts'
import { type CellValue, DEFAULT_LIMITS, type ReadLimits, type Row, type WorkbookSource } from './types.ts'
import { decodeXmlEntities } from './xml.ts'

type Element = DefaultTreeAdapterTypes.Element
type ParentNode = DefaultTreeAdapterTypes.ParentNode
type ChildNode = DefaultTreeAdapterTypes.ChildNode

/** Rows of a table held back before its width and row order are settled. */
export const LOOKAHEAD = 1000
const HOLD_TOO_WIDE = 16 * LOOKAHEAD

export async function readHtml(path: string, limits: Partial<ReadLimits> = {}): Promise<WorkbookSource> {
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
  // The file is read a megabyte at a time, twice: once to tell UTF-8 from a legacy code page (the
  // whole file must be valid UTF-8), once to lay out its rows. A 42 MB export is never in memory.
  const pieces = () => filePieces(path)
  const head = headBytes(path)
  const enc = bomEncoding(head) ?? (isUtf8Chunks(pieces()) ? UTF8 : (metaCharset(head) ?? WINDOWS_1258))
  return htmlWorkbook(head, enc, pieces, lim)
}

/** The file in pieces of PIECE_BYTES, read as they are asked for (the descriptor closes at the end). */
function* filePieces(path: string): Generator<Uint8Array> {
  const fd = openSync(path, 'r')
  try {
    for (;;) {
      const piece = Buffer.allocUnsafe(PIECE_BYTES)
      const n = readSync(fd, piece, 0, PIECE_BYTES, null)
      if (n === 0) return
      yield piece.subarray(0, n)
    }
  } finally {
    closeSync(fd)
  }
}

/** The bytes where the encoding, the <meta charset> and the sheet's name are found (headText). */
function headBytes(path: string): Buffer {
  const fd = openSync(path, 'r')
  try {
    const head = Buffer.allocUnsafe(HEAD_BYTES)
    return head.subarray(0, readSync(fd, head, 0, HEAD_BYTES, 0))
  } finally {
    closeSync(fd)
  }
}

/** Bytes read from an HTML file at a time. */
const PIECE_BYTES = 1 << 20
/** The head read to name the sheet: the Office XML island sits before the first <table>. */
const HEAD_BYTES = 4 << 20

/**
 * The workbook of an HTML-.xls file's bytes. Rows are laid out as they are iterated (1 MB of text at
 * a time); a breach of a limit is thrown from the iteration, at the row where it happens.
 */
export function htmlFromBytes(bytes: Buffer, limits: Partial<ReadLimits> = {}): WorkbookSource {
  const lim: ReadLimits = { ...DEFAULT_LIMITS, ...limits }
  function* pieces() {
    for (let pos = 0; pos < bytes.length; pos += PIECE_BYTES)
      yield bytes.subarray(pos, Math.min(pos + PIECE_BYTES, bytes.length))
  }
  return htmlWorkbook(bytes, htmlEncoding(bytes), pieces, lim)
}

function htmlWorkbook(
  head: Buffer,
  enc: DetectedEncoding,
  pieces: () => Iterable<Uint8Array>,
  lim: ReadLimits,
): WorkbookSource {
  const name = officeSheetName(headText(head, enc)) ?? 'html'
  async function* rows(): AsyncGenerator<Row> {
    const reader = new HtmlTableStream(lim, name)
    for (const chunk of decodeByteChunks(pieces(), enc)) {
      reader.write(chunk)
      yield* reader.take()
    }
    reader.end()
    yield* reader.take()
  }
  async function* sheets() {
    yield { name, index: 0, rows: rows() }
  }
  return { format: 'html', encoding: enc.name, sheets: sheets() }
}

/** The charset a <meta> tag announces near the top of the document, as a TextDecoder encoding. */
function metaCharset(bytes: Buffer): DetectedEncoding | undefined {
  const head = bytes.toString('latin1', 0, Math.min(bytes.length, 4096))
  const charset = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1]
  if (charset === undefined) return undefined
  try {
    const label = new TextDecoder(charset).encoding
    // A meta tag cannot switch to UTF-16 (the bytes would not have let us read it).
    if (label.startsWith('utf-16')) return undefined
    return { name: label, label, bomLength: 0 }
  } catch {
    return undefined
  }
}

function htmlEncoding(bytes: Buffer): DetectedEncoding {
  return bomEncoding(bytes) ?? detectEncoding(bytes, metaCharset(bytes) ?? WINDOWS_1258)
}

/** BOM -> valid UTF-8 -> the <meta charset> -> Windows-1258. */
export function decodeHtml(bytes: Buffer): { text: string; encoding: string } {
  const enc = htmlEncoding(bytes)
  return { text: decodeAll(bytes, enc), encoding: enc.name }
}

/**
 * The text before the first <table> (at most 4 MB), where the Office XML island naming the sheet
 * lives: the name is known before the first row, without decoding the whole file first.
 */
function headText(bytes: Buffer, enc: DetectedEncoding): string {
  const utf16 = enc.label.startsWith('utf-16')
  const found = utf16 ? -1 : bytes.indexOf('<table')
  const upper = found >= 0 ? found : Math.min(bytes.length, 4 << 20)
  return new TextDecoder(enc.label, { ignoreBOM: true }).decode(bytes.subarray(enc.bomLength, upper))
}

function attr(el: Element, name: string): string | undefined {
  for (const a of el.attrs) if (a.name === name) return a.value
  return undefined
}

/** A span attribute's value: 1 when absent or unusable, `zero` for "0", at most `max`. */
function span(el: Element, name: string, max: number, zero: number): number {
  const raw = attr(el, name)
  if (raw === undefined) return 1
  const n = Number.parseInt(raw.trim(), 10)
  if (!Number.isFinite(n) || n < 0) return 1
  if (n === 0) return zero
  return Math.min(n, max)
}

const SKIP_TEXT = new Set(['script', 'style', 'template', 'head', 'table'])

/**
 * Text content of a cell with <br> as "\n"; nested tables are laid out on their own (and already
 * gone from the tree when their cell closes). Walks with its own stack: element nesting as deep as
 * a file cares to go costs no call stack.
 */
function cellText(node: ParentNode): string {
  let s = ''
  const stack: ChildNode[] = node.childNodes.toReversed()
  for (let child = stack.pop(); child !== undefined; child = stack.pop()) {
    if (child.nodeName === '#text') s += (child as DefaultTreeAdapterTypes.TextNode).value
    else if ('tagName' in child) {
      const tag = child.tagName
      if (tag === 'br') s += '\n'
      else if (!SKIP_TEXT.has(tag))
        for (let i = child.childNodes.length - 1; i >= 0; i--) {
          const grandchild = child.childNodes[i]
          if (grandchild) stack.push(grandchild)
        }
    }
  }
  return s
}

function toCell(text: string): CellValue {
  return text.trim() === '' ? null : text.normalize('NFC')
}

/** Drops a node from the tree so that it (and what it held) can be collected. */
function detach(node: ChildNode): void {
  const parent = node.parentNode
  if (!parent) return
  const i = parent.childNodes.lastIndexOf(node)
  if (i >= 0) parent.childNodes.splice(i, 1)
  node.parentNode = null
}

/** Where a table's rows go: the sheet, or the row (or caption) of the table around it. */
type Sink = (cells: CellValue[]) => void

/** One laid-out row waiting for its table's width: its writes in order, then its nested tables. */
interface PendingRow {
  /** [col, end, value] writes: spans from rows above first, then the row's own cells. */
  writes: Array<[number, number, CellValue]>
  nested: CellValue[][]
}

/** An open rowspan: columns [col, end) of the next `left` rows of its group. */
interface OpenSpan {
  col: number
  end: number
  value: CellValue
  left: number
}

type GroupKind = 'head' | 'body' | 'foot'

/** One <table> being laid out as its rows close. */
class TableLayout {
  private readonly heads: PendingRow[] = []
  private readonly bodies: PendingRow[] = []
  private readonly foots: PendingRow[] = []
  private caption: CellValue[][] | undefined
  private captionSeen = false
  private flushed = false
  private group: ParentNode | undefined
  private groupKind: GroupKind = 'body'
  private spans: OpenSpan[] = []
  private realWidth = 0
  private anyWidth = 0
  private rowsSeen = 0

  constructor(
    private readonly sheet: HtmlTableStream,
    readonly depth: number,
    private readonly sink: Sink,
  ) {}

  /** The table's first <caption>: a row of its own before all others, then its nested tables. */
  addCaption(value: CellValue, nested: CellValue[][]): void {
    if (this.captionSeen) return
    this.captionSeen = true
    const rows = [[value], ...nested]
    if (this.flushed) for (const r of rows) this.sink(r)
    else this.caption = rows
  }

  addRow(tr: Element, nested: CellValue[][]): void {
    const section = tr.parentNode as ParentNode
    if (section !== this.group) {
      // A new row group: rowspans stop at the end of theirs.
      this.group = section
      const tag = 'tagName' in section ? section.tagName : ''
      this.groupKind = tag === 'thead' ? 'head' : tag === 'tfoot' ? 'foot' : 'body'
      this.spans = []
    }
    const writes: Array<[number, number, CellValue]> = []
    const location = { row: this.sheet.rowNumber + this.rowsSeen + 1 }
    // Columns taken by rowspans from above, by start: one pass skips them as cells are placed left
    // to right (overlapping ranges included). Each open span also fills this row.
    const open = this.spans
    const occ = open.length > 0 ? [...open].sort((x, y) => x.col - y.col) : open
    for (const s of open) {
      writes.push([s.col, s.end, s.value])
      this.sheet.spans.fill(s.end - s.col, location)
      s.left--
    }
    this.spans = open.filter((s) => s.left > 0)
    let nextOcc = 0
    let col = 0
    let end = 0
    let lastSpan = 1
    let content = false
    for (const cell of tr.childNodes) {
      if (!('tagName' in cell) || (cell.tagName !== 'td' && cell.tagName !== 'th')) continue
      for (let o = occ[nextOcc]; o !== undefined && o.col <= col; o = occ[nextOcc]) {
        col = Math.max(col, o.end)
        nextOcc++
      }
      const colspan = span(cell, 'colspan', 1000, 1)
      // rowspan="0": to the end of the group, however long it turns out to be.
      const rowspan = span(cell, 'rowspan', 65534, Number.POSITIVE_INFINITY)
      this.sheet.spans.add(1, colspan, location)
      const value = toCell(cellText(cell))
      writes.push([col, col + colspan, value])
      if (rowspan > 1) this.spans.push({ col, end: col + colspan, value, left: rowspan - 1 })
      if (col + colspan >= end) {
        end = col + colspan
        lastSpan = colspan
      }
      if (value !== null) content = true
      col += colspan
    }
    // Width: the widest row that ends in a single-column cell and has content ("real" rows). A
    // table of title rows only (all merged) keeps its own width.
    this.anyWidth = Math.max(this.anyWidth, end)
    if (content && lastSpan === 1) this.realWidth = Math.max(this.realWidth, end)
    this.rowsSeen++
    const row: PendingRow = { writes, nested }
    if (this.groupKind === 'head') this.heads.push(row)
    else if (this.groupKind === 'foot') this.foots.push(row)
    else this.bodies.push(row)
    if (this.heads.length + this.bodies.length > LOOKAHEAD) this.flush(false)
  }

  /**
   * The width rows are clipped to, refused past maxColumns. A provisional flush of a table that is
   * too wide holds on instead (up to HOLD_TOO_WIDE rows), so that a table's other refusal, such as
   * the span budget of rowspan="0" across it, is met first as it was when tables were read whole.
   */
  private width(end: boolean): number | undefined {
    const width = this.realWidth || this.anyWidth
    const lim = this.sheet.lim
    if (width > lim.maxColumns && !end && this.heads.length + this.bodies.length < HOLD_TOO_WIDE)
      return undefined
    if (width > lim.maxColumns) {
      throw new QdError('too-large', t('read.html.too-many-columns', { n: width, limit: lim.maxColumns }), {
        location: { row: this.sheet.rowNumber + 1 },
        expected: t('read.at-most-columns', { n: lim.maxColumns }),
        found: t('read.columns', { n: width }),
      })
    }
    return width
  }

  private emit(row: PendingRow, width: number): void {
    const cells: CellValue[] = []
    let any = false
    for (const [col, end, value] of row.writes) {
      if (value === null || col >= width) continue
      const right = Math.min(end, width)
      while (cells.length < right) cells.push(null)
      for (let c = col; c < right; c++) cells[c] = value
      any = true
    }
    // A layout row: its own text (if any) first, then the nested tables in order.
    if (row.nested.length === 0 || any) this.sink(cells)
    for (const r of row.nested) this.sink(r)
  }

  /** Emits what is held: everything at the end of the table, else the caption, heads and bodies. */
  private flush(end: boolean): void {
    const width = this.width(end)
    if (width === undefined) return
    if (this.caption) for (const r of this.caption) this.sink(r)
    this.caption = undefined
    this.flushed = true
    for (const r of this.heads) this.emit(r, width)
    for (const r of this.bodies) this.emit(r, width)
    this.heads.length = 0
    this.bodies.length = 0
    if (end) {
      for (const r of this.foots) this.emit(r, width)
      this.foots.length = 0
    }
  }

  end(): void {
    this.flush(true)
  }
}

/**
 * The sheet of one HTML document, fed text chunk by chunk: parse5 builds the tree, and this lays out
 * each <tr>, <caption> and <table> as the tree builder closes it, then drops it from the tree.
 */
export class HtmlTableStream {
  rowNumber = 0
  readonly spans: SpanBudget
  private readonly out: Row[] = []
  private rowsOut = 0
  private cellCount = 0
  private readonly parser: Parser<DefaultTreeAdapterTypes.DefaultTreeAdapterMap>
  private readonly tables = new Map<Element, TableLayout>()
  /** Rows of nested tables, by the <tr> or <caption> around them, until that closes. */
  private readonly nested = new Map<Element, CellValue[][]>()

  constructor(
    readonly lim: ReadLimits,
    readonly sheetName: string,
  ) {
    this.spans = new SpanBudget(lim.maxSpanCells)
    const adapter: TreeAdapter<DefaultTreeAdapterTypes.DefaultTreeAdapterMap> = {
      ...defaultTreeAdapter,
      onItemPush: (node) => {
        if (node.tagName === 'table') this.opened(node)
      },
      onItemPop: (node) => this.closed(node),
    }
    this.parser = new Parser({ treeAdapter: adapter })
  }

  write(text: string): void {
    this.guard(() => this.parser.tokenizer.write(text, false))
  }

  /** The end of the text: what the tree builder leaves open at the end is closed, innermost first. */
  end(): void {
    this.guard(() => {
      this.parser.tokenizer.write('', true)
      const open = (this.parser as unknown as { openElements: { items: Element[]; stackTop: number } })
        .openElements
      for (let i = open.stackTop; i >= 0; i--) {
        const el = open.items[i]
        if (el) this.closed(el)
      }
    })
  }

  /** The rows laid out since the last call. */
  take(): Row[] {
    return this.out.splice(0, this.out.length)
  }

  /** Nodes in the tree being built (tests: the document is not held as it is read). */
  liveNodes(): number {
    let n = 0
    const stack: ParentNode[] = [this.parser.document]
    for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
      n++
      for (const c of node.childNodes) {
        if ('childNodes' in c) stack.push(c)
        else n++
      }
    }
    return n
  }

  private guard(fn: () => void): void {
    try {
      fn()
    } catch (err) {
      throw err instanceof QdError ? err.at({ sheet: this.sheetName }) : err
    }
  }

  /** The cell, caption or document a table sits in: where its rows go. */
  private opened(table: Element): void {
    let depth = 1
    let sink: Sink | undefined
    for (let n = table.parentNode; n; n = 'parentNode' in n ? n.parentNode : null) {
      if (!('tagName' in n)) {
        // The document (the sheet), or a <template>'s content (never shown: not read).
        if (n.nodeName === '#document') sink = (cells) => this.push(cells)
        break
      }
      const tag = n.tagName
      if (tag === 'td' || tag === 'th' || tag === 'caption') {
        const holder = tag === 'caption' ? n : (n.parentNode as Element | null)
        const outer = holder?.parentNode ? this.tableOf(holder) : undefined
        if (!holder || !outer) break
        depth = outer.depth + 1
        sink = (cells) => {
          let list = this.nested.get(holder)
          if (!list) {
            list = []
            this.nested.set(holder, list)
          }
          list.push(cells)
        }
        break
      }
      if (tag === 'script' || tag === 'style' || tag === 'template') break
    }
    if (!sink) return
    // Nested tables are laid out as they close; 100k of them must be a clear refusal.
    checkNesting(depth, this.lim.maxNesting, 'html', { row: this.rowNumber + 1 })
    this.tables.set(table, new TableLayout(this, depth, sink))
  }

  /** The layout of the table a <tr> (in its row group) or a <caption> belongs to. */
  private tableOf(el: Element): TableLayout | undefined {
    let p = el.parentNode
    if (p && 'tagName' in p && p.tagName !== 'table') p = p.parentNode
    return p && 'tagName' in p ? this.tables.get(p) : undefined
  }

  private closed(node: Element): void {
    const tag = node.tagName
    if (tag === 'tr') {
      const layout = this.tableOf(node)
      const nested = this.nested.get(node) ?? []
      this.nested.delete(node)
      layout?.addRow(node, nested)
      // The row, and the whitespace between rows, leave the tree.
      const section = node.parentNode
      if (section) {
        for (const c of section.childNodes) c.parentNode = null
        section.childNodes.length = 0
      }
    } else if (tag === 'caption') {
      const layout = this.tableOf(node)
      const nested = this.nested.get(node) ?? []
      this.nested.delete(node)
      layout?.addCaption(toCell(cellText(node)), nested)
      detach(node)
    } else if (tag === 'table') {
      const layout = this.tables.get(node)
      if (!layout) return
      this.tables.delete(node)
      layout.end()
      detach(node)
    }
  }

  /** Counts a row position; emits it unless empty. */
  push(cells: CellValue[]): void {
    this.rowNumber++
    let last = cells.length - 1
    while (last >= 0 && cells[last] === null) last--
    if (last < 0) return
    cells.length = last + 1
    for (const v of cells) if (v !== null) this.cellCount++
    if (this.rowsOut >= this.lim.maxRows) {
      throw new QdError(
        'too-large',
        t('read.too-many-rows', { what: t('read.what.table'), n: this.lim.maxRows }),
        {
          location: { row: this.rowNumber },
          expected: t('read.at-most-rows', { n: this.lim.maxRows }),
        },
      )
    }
    if (this.cellCount > this.lim.maxCells) {
      throw new QdError(
        'too-large',
        t('read.too-many-cells', { what: t('read.what.table'), n: this.lim.maxCells }),
        {
          location: { row: this.rowNumber },
          expected: t('read.at-most-cells', { n: this.lim.maxCells }),
        },
      )
    }
    this.rowsOut++
    this.out.push({ rowNumber: this.rowNumber, cells })
  }
}

/** The worksheet name from the Office XML island (`<x:Name>` in a conditional comment). */
export function officeSheetName(html: string): string | undefined {
  const raw = /<x:Name>([^<]*)<\/x:Name>/i.exec(html)?.[1]
  const name = raw === undefined ? '' : decodeXmlEntities(raw).normalize('NFC').trim()
  return name || undefined
}

/** A whole document's sheet at once (tests, small inputs): the same layout as the streaming reader. */
export function htmlSheet(html: string, limits: Partial<ReadLimits> = {}): { name: string; rows: Row[] } {
  const lim: ReadLimits = { ...DEFAULT_LIMITS, ...limits }
  const name = officeSheetName(html) ?? 'html'
  const reader = new HtmlTableStream(lim, name)
  reader.write(html)
  reader.end()
  return { name, rows: reader.take() }
}
