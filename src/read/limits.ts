/**
 * Content limits that bound the work a reader does for one file, independent of its size in bytes:
 * a 200 KB HTML file can ask for 20 million cells through rowspan="0", a 5 KB xlsx for 20 billion
 * through merged ranges, one 50 MB shared string can be repeated in every cell. Each limit is a small
 * object a reader feeds as it goes, so the same checks hold whatever the reader's strategy (DOM or
 * streaming), and each can be tested alone. Every breach is a QdError a person can act on.
 */
import { type ErrorLocation, QdError } from '../errors.ts'
import { t } from '../i18n/index.ts'
import type { CellValue, ReadLimits } from './types.ts'

/** Cells filled by spans (rowspan/colspan, merged ranges) in one sheet, beyond their own cell. */
export class SpanBudget {
  #used = 0
  constructor(readonly limit: number) {}

  get used(): number {
    return this.#used
  }

  /** Counts a span of rows x cols cells (the anchor cell itself is free). */
  add(rows: number, cols: number, location: ErrorLocation = {}): void {
    this.fill(Math.max(0, rows * cols - 1), location)
  }

  /**
   * Counts `cells` more cells filled by a span already counted: a streaming reader adds a rowspan's
   * cells row by row as it reaches them (rowspan="0" has no length until its row group ends).
   */
  fill(cells: number, location: ErrorLocation = {}): void {
    this.#used += cells
    if (this.#used > this.limit) {
      throw new QdError('too-complex', t('poison.span-cells', { limit: this.limit }), {
        location,
        expected: t('read.limit.span-cells', { n: this.limit }),
        found: `> ${this.limit}`,
      })
    }
  }
}

/** Nesting of tables in tables (HTML) or of arrays/objects (JSON). */
export function checkNesting(
  depth: number,
  limit: number,
  what: 'html' | 'json',
  location: ErrorLocation = {},
) {
  if (depth > limit) {
    throw new QdError('too-complex', t('poison.nesting', { what, depth, limit }), {
      location,
      expected: t('read.limit.levels', { op: '≤', n: limit }),
      found: t('read.limit.levels', { op: '>', n: limit }),
    })
  }
}

/** Characters per cell and in all cells of one file (a string repeated in N cells counts N times). */
export class TextBudget {
  #used = 0
  constructor(
    readonly maxCellChars: number,
    readonly maxFileChars: number,
  ) {}

  static from(lim: Pick<ReadLimits, 'maxCellChars' | 'maxFileTextChars'>): TextBudget {
    return new TextBudget(lim.maxCellChars, lim.maxFileTextChars)
  }

  /** Counts one cell's text; `column` is the 0-based index for the location. */
  cell(value: CellValue, location: ErrorLocation = {}): void {
    if (typeof value !== 'string') return
    const n = value.length
    if (n > this.maxCellChars) {
      throw new QdError('too-large', t('poison.cell-chars', { chars: n, limit: this.maxCellChars }), {
        location,
        expected: t('read.limit.chars', { op: '≤ ', n: this.maxCellChars }),
        found: t('read.limit.chars', { op: '', n }),
      })
    }
    this.#used += n
    if (this.#used > this.maxFileChars) {
      throw new QdError('too-large', t('poison.file-text', { limit: this.maxFileChars }), {
        location,
        expected: t('read.limit.chars', { op: '≤ ', n: this.maxFileChars }),
        found: t('read.limit.chars', { op: '> ', n: this.maxFileChars }),
      })
    }
  }

  row(cells: CellValue[], location: ErrorLocation = {}): void {
    for (const v of cells) if (typeof v === 'string') this.cell(v, location)
  }
}

/** Depth of nested arrays/objects in a parsed JSON document, without recursion. */
export function jsonDepth(doc: unknown, limit: number): number {
  let max = 0
  const stack: Array<[unknown, number]> = [[doc, 1]]
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [v, d] = top
    if (typeof v !== 'object' || v === null) continue
    if (d > max) max = d
    if (max > limit) return max
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (typeof child === 'object' && child !== null) stack.push([child, d + 1])
    }
  }
  return max
}
