/**
 * The body of a provincial table: every row under the header classified (blank, section heading,
 * note, totals, unit) and the unit and totals rows read into typed values, each unit handed on as
 * it is read. Sections give the units
 * their level when the name does not; in grouped tables (T7) a heading row names the unit of the rows
 * under it.
 */
import { QdError } from '../errors.ts'
import { t } from '../i18n/index.ts'
import { kindName } from '../i18n/terms.ts'
import { cellText } from '../pipeline/cells.ts'
import { describePath } from '../pipeline/header.ts'
import type { Finding } from '../pipeline/types.ts'
import type { Row } from '../read/types.ts'
import { classifyRow, isSectionHeading, levelFromName, type UnitLevel } from './rows.ts'
import type { TableColumns } from './table-columns.ts'
import type { FamilyDef, ParsedRow, ParsedUnit } from './table-types.ts'
import { normaliseEidCode, unitNameKey } from './units.ts'

export interface TableBody {
  /** How many unit rows were handed to `onUnit`. */
  units: number
  totals: ParsedRow | null
  /** Found while reading, before the province is known (so without provinceCode). */
  findings: Finding[]
}

/** How messages name the table: "bảng thanh toán trực tuyến (một cửa, T4)" (current language). */
export function tableName(def: Pick<FamilyDef, 'key' | 'table'>): string {
  const name = kindName(def.key)
  return name.endsWith(')') ? `${name.slice(0, -1)}, ${def.table})` : `${name} (${def.table})`
}

export async function readBody(
  def: FamilyDef,
  cols: TableColumns,
  rows: AsyncIterable<Row>,
  /** The header's last row: "no unit rows" points just under it. */
  headerLastRow: number,
  /** Each unit row, as it is read (nothing is kept here). */
  onUnit: (u: ParsedUnit) => void,
): Promise<TableBody> {
  const { sheet } = cols
  const findings: Finding[] = []
  let units = 0
  let totals: ParsedRow | null = null
  let section: { text: string; level: UnitLevel | null } | null = null
  /** Grouped tables: the unit the current rows belong to. */
  let group: string | null = null
  const where = {
    stt: cols.stt?.index ?? null,
    name: cols.name.index,
    code: cols.code?.index ?? null,
    values: cols.valueIndexes,
  }
  for await (const row of rows) {
    const cls = classifyRow(row.cells, where)
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
          message: t('prov.extra-totals-row', { row: row.rowNumber, label: cls.label, first: totals.row }),
        })
        continue
      }
      totals = cols.readValues(row, () => t('prov.who.totals', { row: row.rowNumber }))
      continue
    }
    const name = cellText(row.cells[cols.name.index] ?? null) ?? (def.grouped ? group : null)
    if (def.grouped) group = name
    if (name === null) {
      throw new QdError(
        'bad-value',
        t('prov.no-unit-name', {
          row: row.rowNumber,
          column: cols.name.letter,
          header: describePath(cols.name.path),
        }),
        {
          location: { sheet, row: row.rowNumber, column: cols.name.letter },
          expected: t('prov.no-unit-name.expected'),
        },
      )
    }
    const values = cols.readValues(row, () => t('prov.who.unit', { row: row.rowNumber, name }))
    const stt = cols.stt ? cellText(row.cells[cols.stt.index] ?? null) : null
    const eidCode = cols.code ? normaliseEidCode(row.cells[cols.code.index] ?? null) : null
    units++
    onUnit({
      row: values.row,
      numbers: values.numbers,
      rates: values.rates,
      texts: values.texts,
      vendorScores: values.vendorScores,
      stt,
      name,
      nameKey: unitNameKey(name),
      eidCode,
      section: section?.text ?? null,
      level: levelFromName(name) ?? section?.level ?? 'unknown',
      facts: [],
    })
  }
  if (units === 0) {
    throw new QdError('bad-value', t('prov.no-unit-rows', { table: tableName(def) }), {
      location: { sheet, row: headerLastRow + 1 },
      expected: t('prov.no-unit-rows.expected'),
    })
  }
  return { units, totals, findings }
}
