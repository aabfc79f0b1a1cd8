/**
 * Findings (checks that need a person's attention) and reference data. A finding has no natural key
 * in the home, so its warehouse id is a hash of its content and of the natural keys it points at.
 * Reference data (provinces, methodology versions, groups, metrics) is shared by every office and
 * upserted only where it differs.
 */
import { all, count, type ExtractContext, mapId, planOwned } from './extract-context.ts'
import { idOf } from './ids.ts'
import { insertStep } from './plan.ts'
import { refRows } from './watermark.ts'

export function extractFindings(ctx: ExtractContext): void {
  const seen = new Map<string, number>()
  const rows = all(ctx, 'SELECT * FROM findings ORDER BY id').map((f) => {
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
      f.kind as string,
      f.province_code as string | null,
      f.sheet as string | null,
      f.row_number as number | null,
      f.message as string,
      f.detail as string | null,
      f.at as string,
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

const REF_KEYS: Record<string, string[]> = {
  ref_provinces: ['cohort', 'code'],
  ref_methodologies: ['id'],
  ref_groups: ['methodology', 'code'],
  ref_metrics: ['methodology', 'code'],
}

/** Only when the home's reference data differs from what this office last published. */
export function extractRefs(ctx: ExtractContext, refsHash: string): void {
  if (ctx.remote.watermark?.refsHash === refsHash) return
  const refs = refRows(ctx.raw)
  const tables: Array<[string, Array<Record<string, unknown>>]> = [
    ['ref_provinces', refs.provinces],
    ['ref_methodologies', refs.methodologies],
    ['ref_groups', refs.groups],
    ['ref_metrics', refs.metrics],
  ]
  for (const [table, rows] of tables) {
    if (rows.length === 0) continue
    ctx.inserts.unshift(
      insertStep(table, Object.keys(rows[0]!), rows, { keys: REF_KEYS[table]!, action: 'update' }),
    )
    count(ctx, `${table}.checked`, rows.length)
  }
}
