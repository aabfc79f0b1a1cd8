import type { CellValue, WorkbookSource } from '../../src/read/types.ts'

export interface CollectedSheet {
  name: string
  index: number
  rows: Array<[number, CellValue[]]>
}

/** Reads a whole workbook into plain data: [rowNumber, cells] pairs per sheet. */
export async function collect(wb: WorkbookSource): Promise<CollectedSheet[]> {
  const out: CollectedSheet[] = []
  for await (const sheet of wb.sheets) {
    const rows: Array<[number, CellValue[]]> = []
    for await (const row of sheet.rows) rows.push([row.rowNumber, row.cells])
    out.push({ name: sheet.name, index: sheet.index, rows })
  }
  return out
}

/** Runs `fn` and returns what it threw (fails the test when nothing was thrown). */
export async function caught(fn: () => Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await fn()
  } catch (err) {
    return err as Error & Record<string, unknown>
  }
  throw new Error('expected an error, none was thrown')
}
