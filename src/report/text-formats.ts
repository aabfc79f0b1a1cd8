/**
 * Machine-readable text shared by the CLI and the web server, so both give the same bytes: JSON as
 * `--json` prints it (2-space indent, trailing newline) and CSV (Excel's flavour: BOM + CRLF).
 * CSV that people open in a spreadsheet (ranking, units, every Excel download) has formula-like
 * text neutralised as the workbooks do (src/report/xlsx-safe.ts); numbers stay numbers.
 */
import { safeText } from './xlsx-safe.ts'

export type CsvCell = string | number | null | undefined

export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}

function csvField(v: CsvCell): string {
  if (v === null || v === undefined) return ''
  const s = String(v)
  return /[",\r\n;]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function toCsv(headers: string[], rows: CsvCell[][], eol = '\n'): string {
  return [headers, ...rows].map((r) => r.map(csvField).join(',')).join(eol) + eol
}

/**
 * CSV a person opens: text starting with = + - @ (or a tab or CR, which spreadsheets skip first)
 * gets a leading ' so it is never run as a formula (OWASP CSV injection); numbers are untouched.
 */
export function peopleCsv(headers: string[], rows: CsvCell[][], eol = '\n'): string {
  const safe = (c: CsvCell): CsvCell => (typeof c === 'string' ? safeText(c) : c)
  return toCsv(
    headers.map((h) => safeText(h) ?? ''),
    rows.map((r) => r.map(safe)),
    eol,
  )
}

/** CSV for Excel: a UTF-8 BOM (so Vietnamese shows correctly), CRLF line ends, formulas neutralised. */
export function excelCsv(headers: string[], rows: CsvCell[][]): string {
  return `\ufeff${peopleCsv(headers, rows, '\r\n')}`
}
