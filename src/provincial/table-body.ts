/**
 * The body of a provincial table: every row under the header classified (blank, section heading,
 * note, totals, unit) and the unit and totals rows read into typed values. Sections give the units
 * their level when the name does not; in grouped tables (T7) a heading row names the unit of the rows
 * under it.
 */
import { QdError } from '../errors.ts'
import { cellText } from '../pipeline/cells.ts'
import { describePath } from '../pipeline/header.ts'
import type { Finding } from '../pipeline/types.ts'
import type { Row } from '../read/types.ts'
import { classifyRow, isSectionHeading, levelFromName, type UnitLevel } from './rows.ts'
import type { TableColumns } from './table-columns.ts'
import type { FamilyDef, ParsedRow, ParsedUnit } from './table-types.ts'
import { normaliseEidCode, unitNameKey } from './units.ts'

export interface TableBody {
  units: ParsedUnit[]
  totals: ParsedRow | null
  /** Found while reading, before the province is known (so without provinceCode). */
  findings: Finding[]
}

export async function readBody(
  def: FamilyDef,
  cols: TableColumns,
  rows: AsyncIterable<Row>,
  /** The header's last row: "no unit rows" points just under it. */
  headerLastRow: number,
): Promise<TableBody> {
  const { sheet } = cols
  const findings: Finding[] = []
  const units: ParsedUnit[] = []
  let totals: ParsedRow | null = null
  let section: { text: string; level: UnitLevel | null } | null = null
  /** Grouped tables: the unit the current rows belong to. */
  let group: string | null = null
  for await (const row of rows) {
    const cls = classifyRow(row.cells, {
      stt: cols.stt?.index ?? null,
      name: cols.name.index,
      code: cols.code?.index ?? null,
      values: cols.valueIndexes,
    })
    if (cls.kind === 'blank') continue
    if (cls.kind === 'section' || cls.kind === 'note') {
      if (def.grouped && !isSectionHeading(cls.text)) group = cls.text
      else if (cls.kind === 'section') section = { text: cls.text, level: cls.level }
      continue
    }
    if (cls.kind === 'total') {
      if (totals) {
        findings.push({
          kind: 'extra-totals-row',
          severity: 'warning',
          sheet,
          row: row.rowNumber,
          message: `Row ${row.rowNumber} is a second totals row ("${cls.label}"); only the first (row ${totals.row}) is checked.`,
        })
        continue
      }
      totals = cols.readValues(row, `Totals row ${row.rowNumber}`)
      continue
    }
    const name = cellText(row.cells[cols.name.index] ?? null) ?? (def.grouped ? group : null)
    if (def.grouped) group = name
    if (name === null) {
      throw new QdError(
        'bad-value',
        `Row ${row.rowNumber} has figures but no unit name in column ${cols.name.letter} "${describePath(cols.name.path)}".`,
        {
          location: { sheet, row: row.rowNumber, column: cols.name.letter },
          expected: 'the name of the agency or commune',
        },
      )
    }
    const values = cols.readValues(row, `Row ${row.rowNumber} (${name})`)
    const stt = cols.stt ? cellText(row.cells[cols.stt.index] ?? null) : null
    const eidCode = cols.code ? normaliseEidCode(row.cells[cols.code.index] ?? null) : null
    units.push({
      ...values,
      stt,
      name,
      nameKey: unitNameKey(name),
      eidCode,
      section: section?.text ?? null,
      level: levelFromName(name) ?? section?.level ?? 'unknown',
      facts: [],
    })
  }
  if (units.length === 0) {
    throw new QdError('bad-value', `The ${def.label} has a header but no unit rows under it.`, {
      location: { sheet, row: headerLastRow + 1 },
      expected: 'one row per agency, district or commune',
    })
  }
  return { units, totals, findings }
}
