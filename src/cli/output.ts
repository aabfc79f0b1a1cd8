/**
 * Output formats shared by commands: aligned terminal tables, CSV that Excel opens cleanly (UTF-8
 * BOM and CRLF when written to a file, so Vietnamese shows correctly), JSON.
 */
import { writeFileSync } from 'node:fs'
import { excelCsv, jsonText } from '../report/text-formats.ts'

export type Cell = string | number | null | undefined

/** Display width: NFC Vietnamese is one code point per letter; combining marks take no column. */
function width(s: string): number {
  return [...s.normalize('NFC')].filter((ch) => !/\p{M}/u.test(ch)).length
}

export function formatNumber(v: Cell, digits = 2): string {
  if (v === null || v === undefined) return '–'
  if (typeof v === 'number') return v.toFixed(digits)
  return v
}

export function renderTable(headers: string[], rows: Cell[][], align?: Array<'l' | 'r'>): string {
  const text = rows.map((r) => r.map((c) => (c === null || c === undefined ? '–' : String(c))))
  const widths = headers.map((h, i) => Math.max(width(h), ...text.map((r) => width(r[i] ?? ''))))
  const pad = (s: string, i: number) => {
    const fill = ' '.repeat(Math.max(0, widths[i]! - width(s)))
    return (align?.[i] ?? 'l') === 'r' ? fill + s : s + fill
  }
  const line = (cells: string[]) => cells.map(pad).join('  ').trimEnd()
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...text.map(line)].join('\n')
}

export { peopleCsv, toCsv } from '../report/text-formats.ts'

/** Writes CSV for Excel: BOM + CRLF, formula-like text neutralised. */
export function writeCsvFile(path: string, headers: string[], rows: Cell[][]): void {
  writeFileSync(path, excelCsv(headers, rows), 'utf8')
}

export function printJson(value: unknown): void {
  process.stdout.write(jsonText(value))
}
