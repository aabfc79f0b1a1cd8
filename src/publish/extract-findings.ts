/**
 * Findings (checks that need a person's attention) and reference data. A finding has no natural key
 * in the home, so its warehouse id is a hash of its content and of the natural keys it points at.
 * Reference data (provinces, methodology versions, groups, metrics) is shared by every office and
 * upserted only where it differs.
 */
import type { Selectable } from 'kysely'
import type { FindingsTable } from '../db/schema.ts'
import { all, count, type ExtractContext, mapId, planOwned } from './extract-context.ts'
import { idOf } from './ids.ts'
import { insertStep } from './plan.ts'
import { refRows } from './watermark.ts'

export function extractFindings(ctx: ExtractContext): void {
  const seen = new Map<string, number>()
  const rows = all<Selectable<FindingsTable>>(ctx, 'SELECT * FROM findings ORDER BY id').map((f) => {
    const mapped = {
      run_id: mapId(ctx.ids.run, f.run_id),
      source_file_id: mapId(ctx.ids.file, f.source_file_id),
      reading_id: mapId(ctx.ids.reading, f.reading_id),
      snapshot_id: mapId(ctx.ids.snapshot, f.snapshot_id),
    }
    const base = idOf(
      'finding',
      ctx.office,
      mapped.run_id,
      mapped.source_file_id,
      mapped.reading_id,
      mapped.snapshot_id,
      f.kind,
      f.province_code,
      f.sheet,
      f.row_number,
      f.message,
      f.detail,
      f.at,
    )
    // Identical findings (same content, same moment) are told apart by their order.
    const n = seen.get(base) ?? 0
    seen.set(base, n + 1)
    return {
      id: n === 0 ? base : idOf(base, n),
      office_id: ctx.office,
      ...mapped,
      kind: f.kind,
      severity: f.severity,
      province_code: f.province_code,
      sheet: f.sheet,
      row_number: f.row_number,
      message: f.message,
      detail: f.detail,
      at: f.at,
    }
  })
  planOwned(ctx, 'findings', rows, 'immutable')
}

/** Only when the home's reference data differs from what this office last published. */
export function extractRefs(ctx: ExtractContext, refsHash: string): void {
  if (ctx.remote.watermark?.refsHash === refsHash) return
  const refs = refRows(ctx.raw)
  // each table with its natural key
  const tables: Array<[string, string[], Array<Record<string, unknown>>]> = [
    ['ref_provinces', ['cohort', 'code'], refs.provinces],
    ['ref_methodologies', ['id'], refs.methodologies],
    ['ref_groups', ['methodology', 'code'], refs.groups],
    ['ref_metrics', ['methodology', 'code'], refs.metrics],
  ]
  for (const [table, keys, rows] of tables) {
    const first = rows[0]
    if (first === undefined) continue
    ctx.inserts.unshift(insertStep(table, Object.keys(first), rows, { keys, action: 'update' }))
    count(ctx, `${table}.checked`, rows.length)
  }
}
