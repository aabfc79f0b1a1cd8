/**
 * What every format reader produces: sheets of rows of plain cell values. Pipelines never see
 * exceljs, csv-parse or HTML nodes, only these types, so the same table is recognised the same way
 * in its HTML-.xls, .xlsx and CSV forms.
 */

/**
 * One cell as received, after the reader's normalisation:
 * - strings are NFC-normalised but otherwise untouched (no trimming: pipelines decide);
 * - rich text is joined; formulas give their cached result (no result -> null);
 * - error cells (#N/A, #REF!) arrive as their text ("#N/A") so validation can name them;
 * - dates arrive as ISO strings "YYYY-MM-DD" (or "YYYY-MM-DDTHH:MM:SS" when there is a time part),
 *   read as local calendar dates, never shifted by a timezone;
 * - booleans become "TRUE"/"FALSE"; empty cells are null.
 */
export type CellValue = string | number | null

export interface Row {
  /** 1-based row number as the user would see it (Excel row, CSV line of the record start, HTML <tr> index). */
  rowNumber: number
  /** Index 0 = column A. Merged ranges are filled: every covered cell holds the top-left value. */
  cells: CellValue[]
}

export interface SheetSource {
  name: string
  /** 0-based position of the sheet in the workbook. */
  index: number
  /** Rows in order. Must be consumed before asking for the next sheet (streaming readers). */
  rows: AsyncIterable<Row>
}

export type FileFormat = 'xlsx' | 'csv' | 'html' | 'json' | 'xls-biff'

export interface ReadLimits {
  /** Largest input file accepted, bytes. */
  maxFileBytes: number
  /** Largest total uncompressed size of a zip (xlsx) container, bytes: stops zip bombs. */
  maxUncompressedBytes: number
  /** Most rows in one sheet. */
  maxRows: number
  /** Most columns in one row. */
  maxColumns: number
  /** Most cells (non-empty) in one sheet. */
  maxCells: number
  /** Most characters in one cell (limits.ts). */
  maxCellChars: number
  /** Most characters in all cells of one file (limits.ts). */
  maxFileTextChars: number
  /** Most cells filled by spans (HTML rowspan/colspan, xlsx merges) in one sheet (limits.ts). */
  maxSpanCells: number
  /** Deepest nesting of tables (HTML) or of arrays/objects (JSON) (limits.ts). */
  maxNesting: number
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 200 * 1024 * 1024,
  maxUncompressedBytes: 1024 * 1024 * 1024,
  maxRows: 2_000_000,
  maxColumns: 500,
  maxCells: 40_000_000,
  maxCellChars: 32_767,
  maxFileTextChars: 100_000_000,
  maxSpanCells: 2_000_000,
  maxNesting: 64,
}

export interface WorkbookSource {
  format: FileFormat
  /** For text formats: which decoding won ("utf-8-bom", "utf-8", "utf-16le", "windows-1258"). */
  encoding?: string
  sheets: AsyncIterable<SheetSource>
}
