/**
 * Machine-readable text shared by the CLI and the web server, so both give the same bytes: JSON as
 * `--json` prints it (2-space indent, trailing newline) and CSV (Excel's flavour: BOM + CRLF).
 */
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

/** CSV for Excel: a UTF-8 BOM (so Vietnamese shows correctly) and CRLF line ends. */
export function excelCsv(headers: string[], rows: CsvCell[][]): string {
  return `\ufeff${toCsv(headers, rows, '\r\n')}`
}
