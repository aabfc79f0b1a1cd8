/**
 * Scoring inputs rebuilt from the staged captures (stg_portal_*): the same numbers the capture file
 * carried, in the engine's input shape (src/score/compute.ts). Shared by the materialisation step
 * (province level), the what-if of `qd766 province` and the unit list of `--units`, so all three
 * score exactly the same inputs.
 */
import type { Selectable } from 'kysely'
import type { StgPortalCapturesTable, StgPortalUnitsTable } from '../db/schema-portal.ts'
import type { Store } from '../db/sqlite.ts'
import { GROUP_CODES, GROUPS, type GroupCode, storedGroupCode } from '../reference/groups.ts'
import type { GroupInput, UnitInput } from '../score/compute.ts'
import { toHundredths } from '../score/round.ts'

/** A staged capture as the scoring step reads it (the columns of CAPTURE_COLUMNS). */
export type CaptureRow = Pick<Selectable<StgPortalCapturesTable>, (typeof CAPTURE_COLUMNS)[number]>

/** A staged unit (overview or child) as the scoring step reads it. */
export type UnitRow = Pick<
  Selectable<StgPortalUnitsTable>,
  | 'capture_id'
  | 'ord'
  | 'role'
  | 'province_code'
  | 'department_id'
  | 'department_name'
  | 'department_code'
  | 'department_type'
  | 'department_level'
  | 'total_score'
  | 'total_max_score'
  | 'ckmb'
  | 'tdgq'
  | 'clgq'
  | 'tttt'
  | 'mdhl'
  | 'mdsh'
>

export const CAPTURE_COLUMNS = [
  'id',
  'source_file_id',
  'endpoint',
  'form',
  'group_code',
  'period',
  'period_type',
  'period_start',
  'period_end',
  'as_of',
  'captured_at',
  'province_code',
] as const

export function capturesById(store: Store, ids: number[]): CaptureRow[] {
  if (ids.length === 0) return []
  return store.all(
    store.db.selectFrom('stg_portal_captures').select(CAPTURE_COLUMNS).where('id', 'in', ids).orderBy('id'),
  )
}

/** Newest first within one reading date: the capture time when known, then arrival. */
export function captureOrder(a: CaptureRow, b: CaptureRow): number {
  const ta = a.captured_at ? Date.parse(a.captured_at) : Number.NaN
  const tb = b.captured_at ? Date.parse(b.captured_at) : Number.NaN
  const va = Number.isNaN(ta) ? Number.NEGATIVE_INFINITY : ta
  const vb = Number.isNaN(tb) ? Number.NEGATIVE_INFINITY : tb
  return vb - va || b.id - a.id
}

/** One unit of one group capture as the engine's group input, with the unit's identity. */
export interface UnitGroupInput {
  unit: UnitRow
  group: GroupInput
}

/**
 * Every unit of the given group captures (or only their overviews) as group inputs:
 * result.get(captureId).get(ord). Form A -> metrics (reported score, ratio, data-quality flags);
 * form B -> tree parameters; the unit's totalScore -> the group's reported score.
 */
export function groupInputs(
  store: Store,
  captures: CaptureRow[],
  opts: { overviewOnly?: boolean } = {},
): Map<number, Map<number, UnitGroupInput>> {
  const out = new Map<number, Map<number, UnitGroupInput>>()
  // The form-B units' parameters, filled below (GroupInput.params is read-only to the engine).
  const paramsOf = new Map<number, Map<number, Record<string, number | null>>>()
  const ids = captures.filter((c) => c.form !== 'summary').map((c) => c.id)
  if (ids.length === 0) return out
  const byId = new Map(captures.map((c) => [c.id, c]))
  let uq = store.db
    .selectFrom('stg_portal_units')
    .select([
      'capture_id',
      'ord',
      'role',
      'province_code',
      'department_id',
      'department_name',
      'department_code',
      'department_type',
      'department_level',
      'total_score',
      'total_max_score',
      'ckmb',
      'tdgq',
      'clgq',
      'tttt',
      'mdhl',
      'mdsh',
    ])
    .where('capture_id', 'in', ids)
  if (opts.overviewOnly) uq = uq.where('ord', '=', 0)
  for (const u of store.all(uq.orderBy('capture_id').orderBy('ord'))) {
    const c = byId.get(u.capture_id)
    if (!c) throw new Error(`internal: unit of capture ${u.capture_id}, which was not asked for`)
    const code = storedGroupCode(c.group_code)
    const m = out.get(u.capture_id) ?? new Map<number, UnitGroupInput>()
    if (c.form === 'A') m.set(u.ord, { unit: u, group: { code, reportedScore: u.total_score, metrics: [] } })
    else {
      const params: Record<string, number | null> = {}
      m.set(u.ord, { unit: u, group: { code, reportedScore: u.total_score, params } })
      const p = paramsOf.get(u.capture_id) ?? new Map<number, Record<string, number | null>>()
      p.set(u.ord, params)
      paramsOf.set(u.capture_id, p)
    }
    out.set(u.capture_id, m)
  }
  let mq = store.db
    .selectFrom('stg_portal_metrics')
    .select([
      'capture_id',
      'unit_ord',
      'code',
      'numerator',
      'denominator',
      'ratio',
      'score',
      'data_quality_status',
      'data_quality_message',
    ])
    .where('capture_id', 'in', ids)
  if (opts.overviewOnly) mq = mq.where('unit_ord', '=', 0)
  for (const r of store.all(mq.orderBy('capture_id').orderBy('unit_ord').orderBy('path'))) {
    const g = out.get(r.capture_id)?.get(r.unit_ord)?.group
    g?.metrics?.push({
      code: r.code,
      numerator: r.numerator,
      denominator: r.denominator,
      reportedScore: r.score,
      reportedRatio: r.ratio,
      dataQualityStatus: r.data_quality_status,
      dataQualityMessage: r.data_quality_message,
    })
  }
  let pq = store.db
    .selectFrom('stg_portal_params')
    .select(['capture_id', 'unit_ord', 'name', 'value'])
    .where('capture_id', 'in', ids)
  if (opts.overviewOnly) pq = pq.where('unit_ord', '=', 0)
  for (const r of store.all(pq)) {
    const params = paramsOf.get(r.capture_id)?.get(r.unit_ord)
    if (params) params[r.name] = r.value
  }
  return out
}

export interface ProvinceInput {
  input: UnitInput
  /** Where each group came from. */
  sources: Partial<Record<GroupCode, { captureId: number; source: 'capture' | 'service-results' }>>
  /** Groups given by both a group capture and the national summary with different scores. */
  conflicts: Array<{ group: GroupCode; capture: number | null; summary: number | null }>
  name: string | null
  departmentId: string | null
  /** At least one group comes with metric detail (a group capture). */
  detailed: boolean
}

/**
 * A province's input from its group captures (one per group at most) and, for the groups they do
 * not cover, the national summary's reported group scores. When both give a group, the group
 * capture wins (it has the detail) and a disagreement above 0.01 is returned as a conflict; the
 * summary's total is then not used as the reported total.
 */
export function provinceInput(
  store: Store,
  provinceCode: string,
  groupCaptures: CaptureRow[],
  summary: CaptureRow | null,
): ProvinceInput {
  const inputs = groupInputs(store, groupCaptures, { overviewOnly: true })
  const groups: GroupInput[] = []
  const sources: ProvinceInput['sources'] = {}
  let name: string | null = null
  let departmentId: string | null = null
  for (const c of groupCaptures) {
    const x = inputs.get(c.id)?.get(0)
    if (!x) continue
    groups.push(x.group)
    sources[x.group.code] = { captureId: c.id, source: 'capture' }
    name ??= x.unit.department_name
    departmentId ??= x.unit.department_id
  }
  const conflicts: ProvinceInput['conflicts'] = []
  let reportedTotal: number | null = null
  if (summary) {
    const row = store.first(
      store.db
        .selectFrom('stg_portal_units')
        .select(['department_id', 'department_name', 'total_score', ...GROUPS.map((g) => g.column)])
        .where('capture_id', '=', summary.id)
        .where('province_code', '=', provinceCode),
    )
    if (row) {
      name ??= row.department_name ?? null
      departmentId ??= row.department_id ?? null
      for (const g of GROUPS) {
        const v = row[g.column]
        const have = groups.find((x) => x.code === g.code)
        if (have) {
          const r = have.reportedScore ?? null
          if (r === null && v !== null) have.reportedScore = v
          else if (r !== null && v !== null && Math.abs(toHundredths(r) - toHundredths(v)) > 1) {
            conflicts.push({ group: g.code, capture: r, summary: v })
          }
          continue
        }
        groups.push({ code: g.code, reportedScore: v })
        sources[g.code] = { captureId: summary.id, source: 'service-results' }
      }
      if (conflicts.length === 0) reportedTotal = row.total_score
    }
  }
  groups.sort((a, b) => GROUP_CODES.indexOf(a.code) - GROUP_CODES.indexOf(b.code))
  return {
    input: { groups, reportedTotal },
    sources,
    conflicts,
    name,
    departmentId,
    detailed: groupCaptures.length > 0,
  }
}
