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

/**
 * The identities seen so far in a table, unit by unit in order: refuses a code that appears twice,
 * renames a repeated name without a code to "name #2" (the first keeps its name, so each unit is
 * settled when it arrives). Holds one key per unit, not the units.
 */
export class UnitIdentities {
  /** First row of each code, of each name key: keyed by the unit's own strings (nothing new is kept). */
  readonly #codes = new Map<string, number>()
  readonly #names = new Map<string, number>()
  readonly #ctx: TableContext

  constructor(ctx: TableContext) {
    this.#ctx = ctx
  }

  admit(u: ParsedUnit): void {
    const { cols, push } = this.#ctx
    if (u.eidCode) {
      const first = this.#codes.get(u.eidCode)
      if (first !== undefined) {
        throw new QdError('inconsistent', t('prov.code-twice', { code: u.eidCode, first, row: u.row }), {
          location: { sheet: cols.sheet, row: u.row, column: cols.code?.letter },
          found: u.eidCode,
        })
      }
      this.#codes.set(u.eidCode, u.row)
      return
    }
    const names = this.#names
    const first = names.get(u.nameKey)
    if (first === undefined) {
      names.set(u.nameKey, u.row)
      return
    }
    let n = 2
    while (names.has(`${u.nameKey} #${n}`)) n++
    u.nameKey = `${u.nameKey} #${n}`
    names.set(u.nameKey, u.row)
    push({
      kind: 'duplicate-unit-name',
      severity: 'warning',
      row: u.row,
      message: t('prov.name-twice', { row: u.row, name: u.name, first, n }),
    })
  }
}
