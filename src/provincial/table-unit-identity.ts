/**
 * Which rows are one unit. Grouped tables (T7) sum the rows of a unit after each row's own
 * invariants were checked; a code twice in one table is an error in the file; a name twice without a
 * code is kept as two units ("… #2") with a warning, never merged silently.
 */
import { QdError } from '../errors.ts'
import { t } from '../i18n/index.ts'
import type { TableContext } from './table-context.ts'
import type { ParsedUnit } from './table-types.ts'

/** Grouped tables: one unit = the sum of its rows, in the order units first appear. */
export function mergeGroupedUnits(units: ParsedUnit[]): ParsedUnit[] {
  const merged: ParsedUnit[] = []
  for (const u of units) {
    const into = merged.find((m) => m.nameKey === u.nameKey)
    if (!into) {
      merged.push({
        ...u,
        numbers: Object.fromEntries(Object.entries(u.numbers).map(([k, c]) => [k, { ...c }])),
      })
      continue
    }
    for (const [k, c] of Object.entries(u.numbers)) {
      const m = into.numbers[k]
      if (m) {
        m.value += c.value
        m.repaired ||= c.repaired
      } else into.numbers[k] = { ...c }
    }
  }
  return merged
}

/** Refuses a code that appears twice; renames a repeated name without a code to "name #2". */
export function disambiguateDuplicates(units: ParsedUnit[], ctx: TableContext): void {
  const { cols, push } = ctx
  const seen = new Map<string, number>()
  for (const u of units) {
    if (u.eidCode) {
      const first = seen.get(`code:${u.eidCode}`)
      if (first !== undefined) {
        throw new QdError('inconsistent', t('prov.code-twice', { code: u.eidCode, first, row: u.row }), {
          location: { sheet: cols.sheet, row: u.row, column: cols.code?.letter },
          found: u.eidCode,
        })
      }
      seen.set(`code:${u.eidCode}`, u.row)
      continue
    }
    const key = `name:${u.nameKey}`
    const first = seen.get(key)
    if (first === undefined) {
      seen.set(key, u.row)
      continue
    }
    let n = 2
    while (seen.has(`${key} #${n}`)) n++
    u.nameKey = `${u.nameKey} #${n}`
    seen.set(`name:${u.nameKey}`, u.row)
    push({
      kind: 'duplicate-unit-name',
      severity: 'warning',
      row: u.row,
      message: t('prov.name-twice', { row: u.row, name: u.name, first, n }),
    })
  }
}
