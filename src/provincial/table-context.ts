/**
 * What the checks of one parsed provincial table share: its columns, how a finding is recorded (with
 * the province and sheet filled in) and how a row is named in messages.
 */
import type { Finding } from '../pipeline/types.ts'
import type { TableColumns } from './table-columns.ts'
import type { ParsedRow } from './table-types.ts'

export interface TableContext {
  cols: TableColumns
  push(f: Omit<Finding, 'provinceCode' | 'sheet'>): void
  /** "Row 12 (Sở Tư pháp)" for a unit row, "Totals row 40" for the totals. */
  who(r: ParsedRow): string
}

/** A figure in a message: integers as they are, others to 2 decimals, "–" for none. */
export const fmt = (x: number | null) =>
  x === null ? '–' : Number.isInteger(x) ? String(x) : String(Math.round(x * 100) / 100)

/** The sum of a row's counts under `keys`; null when one of them is missing. */
export function sumOf(row: ParsedRow, keys: string[]): number | null {
  let s = 0
  for (const k of keys) {
    const c = row.numbers[k]
    if (!c) return null
    s += c.value
  }
  return s
}
