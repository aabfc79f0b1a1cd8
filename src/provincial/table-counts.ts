/**
 * Counts a table's own arithmetic can check. An en-US Excel re-save turns "1.234" into the decimal
 * 1.234: detected, repaired where the row's invariants admit exactly one reading (×1000), reported
 * either way. Then every invariant ("C = D + E") is checked on the repaired values; a failing one is
 * a finding, and the figures are kept as exported.
 */

import { t } from '../i18n/index.ts'
import { failing, repairMangled } from './repair.ts'
import { fmt, type TableContext } from './table-context.ts'
import type { ParsedRow } from './table-types.ts'

/** Whether a row shows en-US mangling (one such row means every count of the sheet may be mangled). */
export function showsMangling(r: ParsedRow): boolean {
  for (const k in r.numbers) if (r.numbers[k]?.style === 'mangled') return true
  return false
}

/** The finding that says the sheet shows mangling (once, before the rows' repairs). */
export function mangledSheetFinding(ctx: TableContext): void {
  ctx.push({
    kind: 'locale-mangled-counts',
    severity: 'info',
    message: t('prov.mangled'),
  })
}

/**
 * In a sheet that shows mangling: repairs a row's ambiguous counts where its invariants admit
 * exactly one reading, and reports the repair or the ambiguity.
 */
export function repairMangledRow(r: ParsedRow, ctx: TableContext): void {
  const { cols, push, who } = ctx
  const { invariants, letter } = cols
  const values = Object.fromEntries(Object.entries(r.numbers).map(([k, c]) => [k, c.value]))
  const ambiguous = Object.entries(r.numbers)
    .filter(([k, c]) => c.ambiguous && cols.present.has(k))
    .map(([k]) => k)
  const result = repairMangled(values, ambiguous, invariants)
  if (result.status === 'repaired') {
    for (const k of result.keys) {
      const c = r.numbers[k]
      const value = result.values[k]
      if (c && value !== undefined) {
        c.value = value
        c.repaired = true
      }
    }
    push({
      kind: 'mangled-count-repaired',
      severity: 'info',
      row: r.row,
      message: t('prov.mangled.repaired', {
        who: who(r),
        cells: result.keys
          .map((k) =>
            t('prov.mangled.read-as', {
              column: letter(k),
              read: String(values[k]),
              was: fmt((values[k] ?? 0) / 1),
            }),
          )
          .join(', '),
        invariants: invariants.map((i) => i.label).join(', '),
      }),
      detail: { columns: result.keys.map(letter), read: result.keys.map((k) => values[k]) },
    })
  } else if (result.status === 'ambiguous') {
    push({
      kind: 'mangled-count-ambiguous',
      severity: 'warning',
      row: r.row,
      message: t('prov.mangled.ambiguous', {
        who: who(r),
        candidates: result.candidates.map((s) => s.map(letter).join('+')).join(t('prov.or')),
      }),
    })
  }
}

/** Every invariant of the row ("C = D + E") on its (repaired) values; a failing one is a finding. */
export function checkRowInvariants(r: ParsedRow, ctx: TableContext, mangled: boolean): void {
  const { cols, push, who } = ctx
  if (cols.invariants.length === 0) return
  // (a loop, not fromEntries(entries().map()): this runs for every row)
  const values: Record<string, number> = {}
  for (const k in r.numbers) {
    const c = r.numbers[k]
    if (c) values[k] = c.value
  }
  const total = (keys: string[]) => keys.reduce((s, k) => s + (values[k] ?? 0), 0)
  for (const inv of failing(cols.invariants, values)) {
    const lhs = total(inv.lhs)
    const rhs = total(inv.rhs)
    push({
      kind: 'invariant-failed',
      severity: 'warning',
      row: r.row,
      message: t('prov.invariant-failed', {
        who: who(r),
        invariant: inv.label ?? '',
        lhs: `${inv.lhs.map(cols.named).join(' + ')} = ${lhs}`,
        rhs: `${inv.rhs.map(cols.letter).join(' + ')} = ${rhs}`,
        mangled,
      }),
      detail: { invariant: inv.label, lhs, rhs },
    })
  }
}
