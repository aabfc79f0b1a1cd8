/**
 * Output formats shared by commands: aligned terminal tables, CSV that Excel opens cleanly (UTF-8
 * BOM and CRLF when written to a file, so Vietnamese shows correctly), JSON.
 */

import { existsSync, writeFileSync } from 'node:fs'
import { fmtNumber } from '../i18n/format.ts'
import { t } from '../i18n/index.ts'
import { excelCsv, jsonText } from '../report/text-formats.ts'
import { UsageError } from './args.ts'

export type Cell = string | number | null | undefined

/** Display width: NFC Vietnamese is one code point per letter; combining marks take no column. */
export function width(s: string): number {
  return [...s.normalize('NFC')].filter((ch) => !/\p{M}/u.test(ch)).length
}

/** A number for people in the current language ("70,41" in Vietnamese, "70.41" in English). */
export function formatNumber(v: Cell, digits = 2): string {
  if (v === null || v === undefined) return '–'
  if (typeof v === 'number') return fmtNumber(v, digits)
  return v
}

/** The terminal width tables are made to fit (the 100-column terminal). */
export const TERMINAL_WIDTH = 100

/** Cuts text to `max` display columns with an ellipsis. */
export function truncate(s: string, max: number): string {
  const chars = [...s.normalize('NFC')]
  if (width(s) <= max) return s
  let out = ''
  for (const ch of chars) {
    if (width(out + ch) > max - 1) break
    out += ch
  }
  return `${out}…`
}

/** Wraps text at spaces to lines of at most `max` columns, each prefixed by `indent`. */
export function wrap(text: string, max = TERMINAL_WIDTH, indent = ''): string {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word
    if (line && width(indent) + width(next) > max) {
      lines.push(indent + line)
      line = word
    } else line = next
  }
  if (line) lines.push(indent + line)
  return lines.join('\n')
}

export interface TableFit {
  /** Total width to fit in (default TERMINAL_WIDTH). */
  maxWidth?: number
  /** The column whose text is cut (with "…") when the table is too wide. */
  shrink: number
  /** The narrowest the shrinking column may get. */
  minWidth?: number
  /** Leave out columns with no value in any row (all "–"), except the shrinking one. */
  dropEmpty?: boolean
}

/**
 * A header in two lines ("Số hóa" / "TPHS %") when its words are wider than the column's values;
 * [header] when splitting would not make the column narrower.
 */
function splitHeader(h: string, cells: number): string[] {
  const words = h.split(' ')
  let best: string[] = [h]
  let bestWidth = width(h)
  for (let i = 1; i < words.length; i++) {
    const lines = [words.slice(0, i).join(' '), words.slice(i).join(' ')]
    const w = Math.max(cells, ...lines.map(width))
    if (w < bestWidth) {
      best = lines
      bestWidth = w
    }
  }
  return bestWidth < Math.max(cells, width(h)) ? best : [h]
}

export function renderTable(
  headers: string[],
  rows: Cell[][],
  align?: Array<'l' | 'r'>,
  fit?: TableFit,
): string {
  let text = rows.map((r) => r.map((c) => (c === null || c === undefined ? '–' : String(c))))
  if (fit?.dropEmpty && text.length > 0) {
    const keep = headers.map((_h, i) => i === fit.shrink || text.some((r) => (r[i] ?? '–') !== '–'))
    const shrink = keep.slice(0, fit.shrink).filter(Boolean).length
    return renderTable(
      headers.filter((_h, i) => keep[i]),
      text.map((r) => r.filter((_c, i) => keep[i])),
      align?.filter((_a, i) => keep[i]),
      { ...fit, shrink, dropEmpty: false },
    )
  }
  const max = fit?.maxWidth ?? TERMINAL_WIDTH
  const cellWidth = (i: number) => Math.max(0, ...text.map((r) => width(r[i] ?? '')))
  const sum = (ws: number[]) => ws.reduce((a, b) => a + b, 0) + 2 * (ws.length - 1)
  // Header lines: one each, or two for every column whose header is wider than its values when the
  // table does not fit the terminal otherwise.
  const heads = headers.map((h) => [h])
  let widths = headers.map((h, i) => Math.max(width(h), cellWidth(i)))
  // widths has one entry per header, so `?? 0` below never applies
  if (fit && sum(widths) > max) {
    // the splits that save the most columns first, until the table fits
    const splits = headers
      .map((h, i) => ({ i, lines: splitHeader(h, cellWidth(i)) }))
      .map((x) => ({ ...x, saves: (widths[x.i] ?? 0) - Math.max(cellWidth(x.i), ...x.lines.map(width)) }))
      .filter((x) => x.saves > 0)
      .sort((a, b) => b.saves - a.saves)
    for (const x of splits) {
      if (sum(widths) <= max) break
      heads[x.i] = x.lines
      widths[x.i] = (widths[x.i] ?? 0) - x.saves
    }
  }
  if (fit) {
    const over = sum(widths) - max
    if (over > 0) {
      const room = Math.max(fit.minWidth ?? 12, (widths[fit.shrink] ?? 0) - over)
      text = text.map((r) => r.map((c, i) => (i === fit.shrink ? truncate(c, room) : c)))
      const shrunk = headers[fit.shrink]
      if (shrunk !== undefined && width(shrunk) > room) heads[fit.shrink] = [truncate(shrunk, room)]
      widths = heads.map((lines, i) => Math.max(cellWidth(i), ...lines.map(width)))
    }
  }
  const pad = (s: string, i: number) => {
    const fill = ' '.repeat(Math.max(0, (widths[i] ?? 0) - width(s)))
    return (align?.[i] ?? 'l') === 'r' ? fill + s : s + fill
  }
  const line = (cells: string[]) => cells.map(pad).join('  ').trimEnd()
  const headLines = Math.max(...heads.map((l) => l.length))
  // A two-line header sits on the line next to the rule, so single-line headers line up with it.
  const headerRows = Array.from({ length: headLines }, (_x, k) =>
    line(heads.map((l) => l[k - (headLines - l.length)] ?? '')),
  )
  return [...headerRows, widths.map((w) => '─'.repeat(w)).join('  '), ...text.map(line)].join('\n')
}

export { peopleCsv, toCsv } from '../report/text-formats.ts'

/** Writes CSV for Excel: BOM + CRLF, formula-like text neutralised. */
export function writeCsvFile(path: string, headers: string[], rows: Cell[][]): void {
  writeFileSync(path, excelCsv(headers, rows), 'utf8')
}

export function printJson(value: unknown): void {
  process.stdout.write(jsonText(value))
}

/** `--out FILE` never replaces a file that is there unless `--force` says so (a usage error, exit 2). */
export function refuseOverwrite(out: string | undefined, force: unknown): void {
  if (out && !force && existsSync(out)) throw new UsageError(t('cli.out-exists', { path: out }))
}
