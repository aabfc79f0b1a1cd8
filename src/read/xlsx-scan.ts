/**
 * Byte-level pre-scan of one worksheet XML, run before its rows are streamed.
 *
 * Why: the exceljs streaming reader drops things we need, and the worst of them, `<mergeCells>`, sits
 * AFTER `<sheetData>`, so it must be known before the first row goes out. While inflating the sheet
 * anyway we also pick up the few cells exceljs gets wrong, which are rare enough to be found with
 * Buffer.indexOf instead of a second XML parse:
 * - formula cells with an error result (`t="e"`): exceljs gives `result: NaN`, we want "#N/A";
 * - formula cells with a boolean result (`t="b"`): exceljs gives 1/0, we want "TRUE"/"FALSE";
 * - inline strings with several runs (`<is><r>…`): exceljs keeps only the last run.
 */
import { QdError } from '../errors.ts'
import { t } from '../i18n/index.ts'
import type { CellValue } from './types.ts'
import {
  type CellRange,
  decodeOoxmlEscapes,
  decodeXmlEntities,
  parseCellRef,
  parseRangeRef,
  xmlAttr,
} from './xml.ts'

export interface SheetScan {
  /** Merged ranges, sorted by top row. Single-cell "merges" are dropped. */
  merges: CellRange[]
  /** The `<dimension ref>` the producer wrote, when it is a range. */
  dimension: CellRange | undefined
  /** rowNumber -> (0-based column -> value) for the cells exceljs would misread. */
  overrides: Map<number, Map<number, CellValue>>
}

const B_SHEETDATA = Buffer.from('<sheetData')
const B_SHEETDATA_END = Buffer.from('</sheetData')
const B_DIMENSION = Buffer.from('<dimension')
const B_CELL_END = Buffer.from('</c>')
const B_ROW = Buffer.from('<row')
const B_CELL = Buffer.from('<c ')
const B_MERGE = Buffer.from('<mergeCell ')
const B_RUN = Buffer.from('<r>')
const HITS = [Buffer.from(' t="e"'), Buffer.from(' t="b"'), Buffer.from(" t='e'"), Buffer.from(" t='b'")]
const GT = 0x3e
const SLASH = 0x2f

/** Largest stretch kept between chunks without finding a safe cut: one giant cell is corrupt data. */
const MAX_CARRY = 64 * 1024 * 1024
/** Largest unfinished tag kept before <sheetData> or after </sheetData> (real ones are < 1 KB). */
const MAX_TAG = 64 * 1024

/**
 * Bytes held back between chunks until one of `until` arrives: parts are joined once, when a
 * chunk can decide something, instead of re-joining a growing carry with every chunk (which made
 * a long stretch without a cut point quadratic: 300 MB without '>' after </sheetData>).
 */
class Carry {
  #parts: Buffer[] = []
  #length = 0
  until: Buffer[] = [Buffer.from('>')]

  get length(): number {
    return this.#length
  }

  /** True when `chunk` (with the end of what is held, for patterns cut in two) holds a pattern. */
  decides(chunk: Buffer): boolean {
    if (this.#length === 0) return true
    const last = this.#parts[this.#parts.length - 1]!
    const edge = Buffer.concat([last.subarray(Math.max(0, last.length - 16)), chunk.subarray(0, 16)])
    return this.until.some((p) => chunk.indexOf(p) !== -1 || edge.indexOf(p) !== -1)
  }

  hold(chunk: Buffer): void {
    this.#parts.push(chunk)
    this.#length += chunk.length
  }

  /** Everything held, then `chunk`, as one buffer; empties the carry. */
  take(chunk: Buffer): Buffer {
    const win = this.#length === 0 ? chunk : Buffer.concat([...this.#parts, chunk])
    this.#parts = []
    this.#length = 0
    return win
  }
}

function unclosedTag(bytes: number): QdError {
  return new QdError('corrupt-file', t('poison.unclosed-tag', { bytes }), {
    expected: t('read.scan.closed-tags'),
    found: t('read.scan.unclosed.found', { bytes }),
  })
}

/** How much the scan holds back between chunks (lowered by tests to show the bound cheaply). */
export interface ScanBounds {
  maxCarry: number
  maxTag: number
}

export async function scanSheet(
  chunks: AsyncIterable<Buffer>,
  bounds: ScanBounds = { maxCarry: MAX_CARRY, maxTag: MAX_TAG },
): Promise<SheetScan> {
  const { maxCarry, maxTag } = bounds
  const merges: CellRange[] = []
  const overrides = new Map<number, Map<number, CellValue>>()
  let dimension: CellRange | undefined
  let phase: 'head' | 'data' | 'tail' = 'head'
  const carry = new Carry()
  const GT_ONLY = [Buffer.from('>')]
  const CELL_CUTS = [B_CELL_END, B_ROW, B_SHEETDATA_END]

  const setOverride = (ref: string | undefined, value: CellValue) => {
    const at = ref ? parseCellRef(ref) : undefined
    if (!at) return
    let row = overrides.get(at.row)
    if (!row) {
      row = new Map()
      overrides.set(at.row, row)
    }
    row.set(at.col, value)
  }

  /** Handles hits inside [from, to) of the sheetData part; cells there are complete. */
  const scanCells = (win: Buffer, from: number, to: number) => {
    for (const pat of HITS) {
      let h = win.indexOf(pat, from)
      while (h !== -1 && h < to) {
        const start = win.lastIndexOf(B_CELL, h)
        const tagEnd = win.indexOf(GT, h)
        // The hit must be an attribute of a <c> start tag, not text inside some element.
        if (start >= from && tagEnd !== -1 && tagEnd < to && win.lastIndexOf(GT, h) < start) {
          if (win[tagEnd - 1] !== SLASH) {
            const end = win.indexOf(B_CELL_END, tagEnd)
            if (end !== -1 && end <= to) {
              const inner = win.toString('utf8', tagEnd + 1, end)
              if (inner.includes('<f')) {
                const tag = win.toString('latin1', start, tagEnd + 1)
                const v = /<v>([^<]*)<\/v>/.exec(inner)?.[1]
                const isError = pat[4] === 0x65 // 'e'
                const value = isError
                  ? v
                    ? decodeXmlEntities(v)
                    : '#N/A'
                  : v === undefined
                    ? null
                    : v.trim() === '0' || v.trim() === ''
                      ? 'FALSE'
                      : 'TRUE'
                setOverride(xmlAttr(tag, 'r'), value)
              }
            }
          }
        }
        h = win.indexOf(pat, h + 1)
      }
    }
    // Rich inline strings: `<r>` only occurs inside `<is>` in a worksheet.
    let h = win.indexOf(B_RUN, from)
    let doneUntil = from
    while (h !== -1 && h < to) {
      const start = win.lastIndexOf(B_CELL, h)
      const end = win.indexOf(B_CELL_END, h)
      // The cell holding this run ends beyond the window: so do all later ones. (Going on would
      // look back from each of its runs: quadratic in a cell of 200,000 runs.)
      if (end === -1 || end > to) break
      if (start >= doneUntil) {
        const xml = win.toString('utf8', start, end)
        const tagEnd = xml.indexOf('>')
        const is = /<is>([\s\S]*)<\/is>/.exec(xml)?.[1]
        if (is !== undefined) {
          // Phonetic guides (<rPh>) are not part of the displayed text.
          const body = is.replace(/<rPh[\s\S]*?<\/rPh>/g, '')
          let text = ''
          for (const m of body.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)) text += m[1]
          const s = decodeOoxmlEscapes(decodeXmlEntities(text)).normalize('NFC')
          setOverride(xmlAttr(xml.slice(0, tagEnd + 1), 'r'), s === '' ? null : s)
        }
      }
      // Every run up to this cell's end is dealt with (or is not in a cell we can name).
      doneUntil = end
      h = win.indexOf(B_RUN, end)
    }
  }

  for await (const chunk of chunks) {
    if (!carry.decides(chunk)) {
      carry.hold(chunk)
      if (carry.length > maxCarry) throw unclosedTag(carry.length)
      continue
    }
    const win = carry.take(chunk)
    let pos = 0
    if (phase === 'head') {
      const sd = win.indexOf(B_SHEETDATA)
      const headEnd = sd === -1 ? win.length : sd
      const dim = win.indexOf(B_DIMENSION)
      if (dim !== -1 && dim < headEnd) {
        const gt = win.indexOf(GT, dim)
        if (gt !== -1) {
          const ref = xmlAttr(win.toString('latin1', dim, gt + 1), 'ref')
          dimension = ref ? parseRangeRef(ref) : undefined
        }
      }
      if (sd === -1) {
        // Only an unfinished tag (a <dimension> or <sheetData> cut by the chunk) matters later.
        const rest = win.subarray(Math.max(0, win.lastIndexOf(0x3c)))
        if (rest.length > maxTag) throw unclosedTag(rest.length)
        carry.until = GT_ONLY
        carry.hold(rest)
        continue
      }
      const gt = win.indexOf(GT, sd)
      if (gt === -1) {
        if (win.length - sd > maxTag) throw unclosedTag(win.length - sd)
        carry.until = GT_ONLY
        carry.hold(win.subarray(sd))
        continue
      }
      phase = win[gt - 1] === SLASH ? 'tail' : 'data'
      pos = gt + 1
    }
    if (phase === 'data') {
      const end = win.indexOf(B_SHEETDATA_END, pos)
      if (end !== -1) {
        scanCells(win, pos, end)
        phase = 'tail'
        pos = end
      } else {
        // Cut after the last complete cell or before the last row start: no cell spans the cut, and a
        // "</sheetData" split by the chunk boundary lies after it, so it is found in the next window.
        const cut = Math.max(pos, win.lastIndexOf(B_CELL_END) + 4, win.lastIndexOf(B_ROW))
        scanCells(win, pos, cut)
        const rest = win.subarray(cut)
        if (rest.length > maxCarry) throw new Error('worksheet cell too large')
        carry.until = CELL_CUTS
        carry.hold(rest)
        continue
      }
    }
    // phase === 'tail': <mergeCells> and friends; every complete start tag before the last '>'.
    const cut = win.lastIndexOf(GT) + 1
    let m = win.indexOf(B_MERGE, pos)
    while (m !== -1 && m < cut) {
      const gt = win.indexOf(GT, m)
      if (gt === -1 || gt >= cut) break
      const ref = xmlAttr(win.toString('latin1', m, gt + 1), 'ref')
      const range = ref ? parseRangeRef(ref) : undefined
      if (range && (range.bottom > range.top || range.right > range.left)) merges.push(range)
      m = win.indexOf(B_MERGE, gt)
    }
    // Only an unfinished <mergeCell is worth keeping (or the few bytes that may begin one).
    const rest = win.subarray(Math.max(pos, cut))
    const open = rest.lastIndexOf(B_MERGE)
    const keep = open === -1 ? rest.subarray(Math.max(0, rest.length - B_MERGE.length)) : rest.subarray(open)
    if (keep.length > maxTag) throw unclosedTag(keep.length)
    carry.until = GT_ONLY
    carry.hold(keep)
  }
  merges.sort((a, b) => a.top - b.top || a.left - b.left)
  return { merges, dimension, overrides }
}
