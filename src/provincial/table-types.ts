/**
 * What a provincial table family declares (its columns with their kinds, invariants, indicators and
 * the exported figures to check) and what parsing one of its tables gives.
 */

import type { MessageKey } from '../i18n/index.ts'
import type { ColumnSpec, HeaderMatch } from '../pipeline/header.ts'
import type { ParsedTable, Sequence } from '../pipeline/types.ts'
import type { CellValue } from '../read/types.ts'
import type { Period } from '../reference/period.ts'
import type { Cohort } from '../reference/provinces.ts'
import type { IndicatorCode } from './indicators.ts'
import type { NumberStyle, RateStyle } from './numbers.ts'
import type { Invariant } from './repair.ts'
import type { UnitLevel } from './rows.ts'

// ---- Declarations -------------------------------------------------------------------------------

export type ColumnKind = 'stt' | 'name' | 'code' | 'count' | 'money' | 'rate' | 'multi' | 'text'

export interface ProvincialColumn extends ColumnSpec {
  kind: ColumnKind
}

export interface IndicatorRule {
  code: IndicatorCode
  num: string[]
  den: string[]
  /** The exported rate column (or multi-value "Tỷ lệ:" part, `<key>_rate`) that shows this ratio. */
  exported?: string
  /** Known wrong formulas of the exporter: when the exported rate matches one, the finding says so. */
  /** `note`: the catalogue key of the sentence naming the exporter's wrong formula. */
  explain?: Array<{ num: string[]; den: string[]; note: MessageKey }>
}

export type ExportCheck =
  /** An exported rate the vendor computes as num/den (its own definition, not a 766 indicator). */
  | { kind: 'rate'; rate: string; num: string[]; den: string[] }
  /** rate = |100 − of| (T3 "Tỷ lệ TT trực tiếp (%)"). */
  | { kind: 'complement'; rate: string; of: string }
  /** "Đạt" when num/den ≥ threshold, "Không đạt" when 0 < ratio < threshold, empty when n or d is 0. */
  | { kind: 'rating'; text: string; num: string[]; den: string[]; threshold: number }

export interface FamilyDef {
  /** Pipeline key, "provincial-…". */
  key: string
  /** T1…T7 of docs/provincial-exports.md §3. */
  table: string
  /** One line for --help and README. */
  title: string
  /** How messages name this table: "digitisation table (T1)". */
  label: string
  /** A short file-name stem for the period advice ("so-hoa"). */
  fileStem: string
  columns: ProvincialColumn[]
  invariants: Invariant[]
  indicators: IndicatorRule[]
  checks: ExportCheck[]
  /** A reason to refuse a header that matched the required columns, or null. */
  accept?(header: HeaderMatch): string | null
  /**
   * Units span several rows (T7: one per field, "Lĩnh vực"), under a heading row naming the unit,
   * with the unit cell rowspanned over them (empty after a CSV copy: forward-filled). Rows of one
   * unit are summed after their own invariants were checked.
   */
  grouped?: boolean
}

// ---- Parsed shapes ------------------------------------------------------------------------------

export interface NumberCell {
  value: number
  column: string
  raw: CellValue
  style: NumberStyle
  ambiguous: boolean
  repaired: boolean
}

export interface RateCell {
  value: number | null
  column: string
  raw: CellValue
  style: RateStyle
}

export interface ParsedRow {
  row: number
  /** Counts and money by measure key (multi-value quantities under the column key). */
  numbers: Record<string, NumberCell>
  /** Exported rates by key (multi-value rates under `<key>_rate`). */
  rates: Record<string, RateCell>
  /** Text columns (ratings) by key. */
  texts: Record<string, { value: string | null; column: string }>
  /** The exporter's "Điểm số:" by `<key>_vendor_score` (kept, never used). */
  vendorScores: Record<string, { value: number | null; column: string; raw: CellValue }>
}

export interface UnitFact {
  indicator: IndicatorCode
  metric: string | null
  numerator: number
  denominator: number
  /** 100·n/d half-up to 2 decimals; null when d = 0. */
  value: number | null
  exportedRate: number | null
  exportedColumn: string | null
  numeratorColumns: string
  denominatorColumns: string
}

export interface ParsedUnit extends ParsedRow {
  stt: string | null
  name: string
  nameKey: string
  eidCode: string | null
  section: string | null
  level: UnitLevel
  facts: UnitFact[]
}

export interface ParsedProvincialTable extends ParsedTable {
  family: string
  table: string
  sheet: string
  title: string | null
  period: Period
  asOf: string | null
  periodSource: 'title' | 'file-name'
  cohort: Cohort
  province: { code: string; name: string; scope: string }
  provinceSource: 'title' | 'eid-code' | 'config'
  mangled: boolean
  /** Read once, in order: spooled by the parse (spool.ts), read back from the spool file by the load. */
  units: Sequence<ParsedUnit>
  totals: ParsedRow | null
}

/** A parse result of a provincial pipeline (the registry erases each family's parsed type). */
export function isParsedProvincialTable(p: ParsedTable): p is ParsedProvincialTable {
  return 'family' in p && 'units' in p && 'province' in p
}
