/**
 * Reader for Office-HTML ".xls" files: the provincial one-stop systems save the on-page <table> inside
 * an Excel HTML template and name it .xls (docs/provincial-exports.md §0, §7). We lay the tables out the
 * way a browser (and Excel's HTML import) does, so a header band merged with colspan/rowspan comes
 * out exactly like the same file re-saved as .xlsx with merged cells: every covered cell holds the
 * value.
 *
 * Rules:
 * - every <table> in document order, nested ones too, into ONE sheet; a wrapper row whose cells only
 *   hold nested tables is replaced by those tables' rows;
 * - rows in display order: <caption>, <thead>, <tbody> (and bare rows), <tfoot>;
 * - rowspan stops at the end of its row group (thead/tbody/tfoot), as in browsers; rowspan=0 runs to
 *   the end of the group;
 * - a colspan reaching past the widest real row (one ending in a single-column cell) is clipped:
 *   section rows like colspan="30" on an 18-column table;
 * - cell text is the text content with <br> as "\n", entities decoded, NFC, not trimmed; a cell with
 *   only whitespace is empty (null);
 * - rowNumber counts <tr>s (and a caption) from 1 over the whole sheet, like rows of the re-saved
 *   workbook; empty rows keep their number but are not emitted.
 */
import { readFile, stat } from 'node:fs/promises'
import { type DefaultTreeAdapterTypes, parse } from 'parse5'
import { QdError } from '../errors.ts'
import { bomEncoding, type DetectedEncoding, decodeAll, detectEncoding, WINDOWS_1258 } from './decode.ts'
import { checkNesting, SpanBudget } from './limits.ts'
import { type CellValue, DEFAULT_LIMITS, type ReadLimits, type Row, type WorkbookSource } from './types.ts'
import { decodeXmlEntities } from './xml.ts'

type Element = DefaultTreeAdapterTypes.Element
type ParentNode = DefaultTreeAdapterTypes.ParentNode

export async function readHtml(path: string, limits: Partial<ReadLimits> = {}): Promise<WorkbookSource> {
  const lim: ReadLimits = { ...DEFAULT_LIMITS, ...limits }
  const size = (await stat(path)).size
  if (size > lim.maxFileBytes) {
    throw new QdError(
      'too-large',
      `The file is too large to import: ${size} bytes, the limit is ${lim.maxFileBytes} bytes.`,
      { expected: `at most ${lim.maxFileBytes} bytes`, found: `${size} bytes` },
    )
  }
  return htmlFromBytes(await readFile(path), lim)
}

export function htmlFromBytes(bytes: Buffer, limits: Partial<ReadLimits> = {}): WorkbookSource {
  const lim: ReadLimits = { ...DEFAULT_LIMITS, ...limits }
  const { text, encoding } = decodeHtml(bytes)
  const sheet = htmlSheet(text, lim)
  async function* rows(): AsyncGenerator<Row> {
    yield* sheet.rows
  }
  async function* sheets() {
    yield { name: sheet.name, index: 0, rows: rows() }
  }
  return { format: 'html', encoding, sheets: sheets() }
}

/** The charset a <meta> tag announces near the top of the document, as a TextDecoder encoding. */
function metaCharset(bytes: Buffer): DetectedEncoding | undefined {
  const head = bytes.toString('latin1', 0, Math.min(bytes.length, 4096))
  const m = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)
  if (!m) return undefined
  try {
    const label = new TextDecoder(m[1]!).encoding
    // A meta tag cannot switch to UTF-16 (the bytes would not have let us read it).
    if (label.startsWith('utf-16')) return undefined
    return { name: label, label, bomLength: 0 }
  } catch {
    return undefined
  }
}

/** BOM -> valid UTF-8 -> the <meta charset> -> Windows-1258. */
export function decodeHtml(bytes: Buffer): { text: string; encoding: string } {
  const enc = bomEncoding(bytes) ?? detectEncoding(bytes, metaCharset(bytes) ?? WINDOWS_1258)
  return { text: decodeAll(bytes, enc), encoding: enc.name }
}

function attr(el: Element, name: string): string | undefined {
  for (const a of el.attrs) if (a.name === name) return a.value
  return undefined
}

function span(el: Element, name: string, max: number, zero: number): number {
  const raw = attr(el, name)
  if (raw === undefined) return 1
  const n = Number.parseInt(raw.trim(), 10)
  if (!Number.isFinite(n) || n < 0) return 1
  if (n === 0) return zero
  return Math.min(n, max)
}

const SKIP_TEXT = new Set(['script', 'style', 'template', 'head'])

/**
 * Text content of a cell with <br> as "\n"; nested tables are collected, not read as text. Walks
 * with its own stack: element nesting as deep as a file cares to go costs no call stack.
 */
function cellText(node: ParentNode, nested: Element[]): string {
  let s = ''
  const stack: Array<DefaultTreeAdapterTypes.ChildNode> = []
  for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!)
  while (stack.length > 0) {
    const child = stack.pop()!
    if (child.nodeName === '#text') s += (child as DefaultTreeAdapterTypes.TextNode).value
    else if ('tagName' in child) {
      const tag = child.tagName
      if (tag === 'br') s += '\n'
      else if (tag === 'table') nested.push(child)
      else if (!SKIP_TEXT.has(tag))
        for (let i = child.childNodes.length - 1; i >= 0; i--) stack.push(child.childNodes[i]!)
    }
  }
  return s
}

function toCell(text: string): CellValue {
  return text.trim() === '' ? null : text.normalize('NFC')
}

interface Placed {
  col: number
  colspan: number
  rowspan: number
  value: CellValue
}

interface TableRow {
  cells: Placed[]
  nested: Element[]
}

function children(el: Element, tag: string): Element[] {
  const out: Element[] = []
  for (const c of el.childNodes) if ('tagName' in c && c.tagName === tag) out.push(c)
  return out
}

/** A table's row groups in display order. */
function rowGroups(table: Element): { caption: Element | undefined; groups: Element[][] } {
  const heads: Element[][] = []
  const bodies: Element[][] = []
  const foots: Element[][] = []
  let caption: Element | undefined
  let loose: Element[] | undefined
  for (const c of table.childNodes) {
    if (!('tagName' in c)) continue
    if (c.tagName === 'tr') {
      if (!loose) {
        loose = []
        bodies.push(loose)
      }
      loose.push(c)
      continue
    }
    loose = undefined
    if (c.tagName === 'thead') heads.push(children(c, 'tr'))
    else if (c.tagName === 'tbody') bodies.push(children(c, 'tr'))
    else if (c.tagName === 'tfoot') foots.push(children(c, 'tr'))
    else if (c.tagName === 'caption' && !caption) caption = c
  }
  return { caption, groups: [...heads, ...bodies, ...foots] }
}

class SheetBuilder {
  readonly rows: Row[] = []
  private rowNumber = 0
  private cellCount = 0
  private depth = 0
  private readonly spans: SpanBudget

  constructor(private readonly lim: ReadLimits) {
    this.spans = new SpanBudget(lim.maxSpanCells)
  }

  /** Counts a row position; emits it unless empty. */
  push(cells: CellValue[]): void {
    this.rowNumber++
    let last = cells.length - 1
    while (last >= 0 && cells[last] === null) last--
    if (last < 0) return
    cells.length = last + 1
    for (const v of cells) if (v !== null) this.cellCount++
    if (this.rows.length >= this.lim.maxRows) {
      throw new QdError(
        'too-large',
        `The table has more than ${this.lim.maxRows} rows, the limit for one sheet.`,
        {
          location: { row: this.rowNumber },
          expected: `at most ${this.lim.maxRows} rows`,
        },
      )
    }
    if (this.cellCount > this.lim.maxCells) {
      throw new QdError(
        'too-large',
        `The table has more than ${this.lim.maxCells} filled cells, the limit for one sheet.`,
        {
          location: { row: this.rowNumber },
          expected: `at most ${this.lim.maxCells} cells`,
        },
      )
    }
    this.rows.push({ rowNumber: this.rowNumber, cells })
  }

  table(table: Element): void {
    // Nested tables are laid out recursively; 100k of them must be a clear refusal, not a stack overflow.
    checkNesting(++this.depth, this.lim.maxNesting, 'html', { row: this.rowNumber + 1 })
    try {
      this.layout(table)
    } finally {
      this.depth--
    }
  }

  private layout(table: Element): void {
    const { caption, groups } = rowGroups(table)
    if (caption) {
      const nested: Element[] = []
      const v = toCell(cellText(caption, nested))
      this.push([v])
      for (const t of nested) this.table(t)
    }

    // Layout: place each cell at the first free column, honouring rowspans from rows above.
    const rows: TableRow[] = []
    const occupied = new Map<number, Array<[number, number]>>()
    for (const group of groups) {
      const g0 = rows.length
      for (let i = 0; i < group.length; i++) {
        const r = g0 + i
        // Columns taken by rowspans from above, by start: one pass skips them as cells are placed
        // left to right (overlapping ranges included), instead of rescanning them per cell.
        const occ = occupied.get(r)?.sort((x, y) => x[0] - y[0])
        occupied.delete(r)
        let nextOcc = 0
        const row: TableRow = { cells: [], nested: [] }
        let col = 0
        for (const cell of group[i]!.childNodes) {
          if (!('tagName' in cell) || (cell.tagName !== 'td' && cell.tagName !== 'th')) continue
          if (occ) {
            while (nextOcc < occ.length && occ[nextOcc]![0] <= col) {
              col = Math.max(col, occ[nextOcc]![1])
              nextOcc++
            }
          }
          const colspan = span(cell, 'colspan', 1000, 1)
          const left = group.length - i
          const rowspan = Math.min(span(cell, 'rowspan', 65534, left), left)
          // Budget what the spans will fill (rowspan="0" x 1000 over 20,000 rows is 20M cells).
          this.spans.add(rowspan, colspan, { row: this.rowNumber + rows.length + 1 })
          row.cells.push({ col, colspan, rowspan, value: toCell(cellText(cell, row.nested)) })
          for (let k = 1; k < rowspan; k++) {
            let list = occupied.get(r + k)
            if (!list) {
              list = []
              occupied.set(r + k, list)
            }
            list.push([col, col + colspan])
          }
          col += colspan
        }
        rows.push(row)
      }
    }

    // Width: the widest row that ends in a single-column cell and has content ("real" rows). A
    // table of title rows only (all merged) keeps its own width.
    let realWidth = 0
    let anyWidth = 0
    for (const row of rows) {
      let end = 0
      let lastSpan = 1
      let content = false
      for (const p of row.cells) {
        if (p.col + p.colspan >= end) {
          end = p.col + p.colspan
          lastSpan = p.colspan
        }
        if (p.value !== null) content = true
      }
      anyWidth = Math.max(anyWidth, end)
      if (content && lastSpan === 1) realWidth = Math.max(realWidth, end)
    }
    const width = realWidth || anyWidth
    if (width > this.lim.maxColumns) {
      throw new QdError(
        'too-large',
        `The table has ${width} columns, more than the limit of ${this.lim.maxColumns}.`,
        {
          location: { row: this.rowNumber + 1 },
          expected: `at most ${this.lim.maxColumns} columns`,
          found: `${width} columns`,
        },
      )
    }

    const grid: CellValue[][] = rows.map(() => [])
    rows.forEach((row, r) => {
      for (const p of row.cells) {
        if (p.value === null || p.col >= width) continue
        const right = Math.min(p.col + p.colspan, width)
        for (let rr = r; rr < r + p.rowspan; rr++) {
          const cells = grid[rr]!
          while (cells.length < right) cells.push(null)
          for (let c = p.col; c < right; c++) cells[c] = p.value
        }
      }
    })

    rows.forEach((row, r) => {
      const cells = grid[r]!
      if (row.nested.length === 0) {
        this.push(cells)
        return
      }
      // A layout row: its own text (if any) first, then the nested tables in order.
      if (cells.some((v) => v !== null)) this.push(cells)
      for (const t of row.nested) this.table(t)
    })
  }

  /**
   * Every top-level table in document order (nested ones are reached through their cells), found
   * with an explicit stack so that deeply nested wrappers cost no call stack.
   */
  walk(node: ParentNode): void {
    const stack: DefaultTreeAdapterTypes.ChildNode[] = []
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!)
    while (stack.length > 0) {
      const child = stack.pop()!
      if (!('tagName' in child)) continue
      if (child.tagName === 'table') this.table(child)
      else if (child.tagName !== 'template' && child.tagName !== 'script' && child.tagName !== 'style')
        for (let i = child.childNodes.length - 1; i >= 0; i--) stack.push(child.childNodes[i]!)
    }
  }
}

/** The worksheet name from the Office XML island (`<x:Name>` in a conditional comment). */
export function officeSheetName(html: string): string | undefined {
  const m = /<x:Name>([^<]*)<\/x:Name>/i.exec(html)
  const name = m ? decodeXmlEntities(m[1]!).normalize('NFC').trim() : ''
  return name || undefined
}

export function htmlSheet(html: string, limits: Partial<ReadLimits> = {}): { name: string; rows: Row[] } {
  const lim: ReadLimits = { ...DEFAULT_LIMITS, ...limits }
  const name = officeSheetName(html) ?? 'html'
  const builder = new SheetBuilder(lim)
  try {
    builder.walk(parse(html))
  } catch (err) {
    throw err instanceof QdError ? err.at({ sheet: name }) : err
  }
  return { name, rows: builder.rows }
}
