/**
 * A province's agencies and communes as the portal scores them (`qd766 province --units`, from the
 * same captures as the province's metric detail): each unit's group scores (the portal's, else
 * computed from its own counts), its total when all six groups are known, and its rank within its
 * own cohort. The portal ranks sở/ban/ngành (PROVINCIAL_DEPARTMENT) and xã/phường
 * (COMMUNE_PEOPLE_COMMITTEE) separately (docs/methodology.md §5), so two ranks never mix the cohorts.
 *
 * Units are matched across the six endpoints by departmentId (transparency and
 * handling-satisfaction carry no departmentCode). Computed on request, not stored: the inputs are in
 * stg_portal_*, and the engine scores a few hundred units in milliseconds.
 */

import { recordOf } from '../collections.ts'
import type { Store } from '../db/sqlite.ts'
import { capturesById, groupInputs } from '../mart/portal-inputs.ts'
import { GROUP_CODES, type GroupCode } from '../reference/groups.ts'
import { computeUnit, type GroupInput } from '../score/compute.ts'
import { methodologyById } from '../score/methodology.ts'
import { competitionRanks } from '../snapshot/rank.ts'
import { compareVietnamese } from '../text/normalize.ts'
import type { ScoreSetRow } from './portal-detail.ts'

export const UNIT_COHORTS = {
  PROVINCIAL_DEPARTMENT: 'Sở, ban, ngành',
  COMMUNE_PEOPLE_COMMITTEE: 'Xã, phường',
} as const

/** The Vietnamese label of a portal cohort ("PROVINCIAL_DEPARTMENT" -> "Sở, ban, ngành"); undefined for another type. */
export function unitCohortLabel(type: string): string | undefined {
  return type === 'PROVINCIAL_DEPARTMENT' || type === 'COMMUNE_PEOPLE_COMMITTEE'
    ? UNIT_COHORTS[type]
    : undefined
}

export interface PortalUnit {
  departmentId: string
  code: string | null
  name: string
  /** PROVINCIAL_DEPARTMENT | COMMUNE_PEOPLE_COMMITTEE (from departmentType, else from level). */
  type: string
  level: string | null
  /** Score that counts per group (reported, else computed); null when unknown. */
  groups: Record<GroupCode, number | null>
  /** Per group: the portal's score and the computed one. */
  groupDetail: Record<GroupCode, { reported: number | null; computed: number | null }>
  total: number | null
  computedTotal: number | null
  /** Rank among units of the same type (competition ranking on total); null without a total. */
  rank: number | null
  /** Units of this type with a total. */
  rankOf: number
  /** Rank on each group among units of the same type. */
  groupRanks: Record<GroupCode, number | null>
  /** Metric/group differences above 0.01 between the portal's and the computed scores. */
  mismatches: number
}

export interface PortalUnits {
  scoreSetId: number
  period: string
  asOf: string | null
  methodologyVersion: string
  cohorts: Array<{ type: string; label: string; units: number; ranked: number }>
  /** By type (departments first), then rank, then name. */
  units: PortalUnit[]
}

function unitType(type: string | null, level: string | null): string {
  if (type && type !== 'PROVINCE') return type
  if (level === 'COMMUNE') return 'COMMUNE_PEOPLE_COMMITTEE'
  if (level === 'PROVINCE') return 'PROVINCIAL_DEPARTMENT'
  return type ?? 'UNKNOWN'
}

export function getPortalUnits(store: Store, set: ScoreSetRow): PortalUnits {
  const caps = capturesById(store, set.capture_key.split(',').map(Number)).filter((c) => c.form !== 'summary')
  const inputs = groupInputs(store, caps)
  const m = methodologyById(set.methodology)
  interface Acc {
    departmentId: string
    code: string | null
    name: string | null
    type: string | null
    level: string | null
    groups: GroupInput[]
  }
  const byId = new Map<string, Acc>()
  for (const c of caps) {
    for (const [ord, x] of inputs.get(c.id) ?? []) {
      if (ord === 0 || !x.unit.department_id) continue
      const a: Acc = byId.get(x.unit.department_id) ?? {
        departmentId: x.unit.department_id,
        code: null,
        name: null,
        type: null,
        level: null,
        groups: [],
      }
      if (a.groups.some((g) => g.code === x.group.code)) continue // listed twice in one capture
      a.code ??= x.unit.department_code
      a.name ??= x.unit.department_name
      if (x.unit.department_type && x.unit.department_type !== 'PROVINCE') a.type ??= x.unit.department_type
      a.level ??= x.unit.department_level
      a.groups.push(x.group)
      byId.set(a.departmentId, a)
    }
  }
  const units: PortalUnit[] = [...byId.values()].map((a) => {
    const r = computeUnit(m, { groups: a.groups })
    const groupOf = (code: GroupCode) => r.groups.find((x) => x.code === code)
    const groups = recordOf(GROUP_CODES, (code) => groupOf(code)?.score ?? null)
    const groupDetail = recordOf(GROUP_CODES, (code) => {
      const g = groupOf(code)
      return { reported: g?.reportedScore ?? null, computed: g?.computedScore ?? null }
    })
    return {
      departmentId: a.departmentId,
      code: a.code,
      name: a.name ?? a.departmentId,
      type: unitType(a.type, a.level),
      level: a.level,
      groups,
      groupDetail,
      total: r.total,
      computedTotal: r.computedTotal,
      rank: null,
      rankOf: 0,
      groupRanks: recordOf(GROUP_CODES, (): number | null => null),
      mismatches: r.findings.filter((f) => f.level !== 'total').length,
    }
  })
  const types = [...new Set(units.map((u) => u.type))].sort((a, b) => typeOrder(a) - typeOrder(b))
  const cohorts: PortalUnits['cohorts'] = []
  for (const t of types) {
    const list = units.filter((u) => u.type === t)
    const ranks = competitionRanks(list.map((u) => u.total))
    const ranked = list.filter((u) => u.total !== null).length
    list.forEach((u, i) => {
      u.rank = ranks[i] ?? null
      u.rankOf = ranked
    })
    for (const code of GROUP_CODES) {
      const gr = competitionRanks(list.map((u) => u.groups[code]))
      list.forEach((u, i) => {
        u.groupRanks[code] = gr[i] ?? null
      })
    }
    cohorts.push({
      type: t,
      label: unitCohortLabel(t) ?? t,
      units: list.length,
      ranked,
    })
  }
  units.sort(
    (a, b) =>
      typeOrder(a.type) - typeOrder(b.type) ||
      a.type.localeCompare(b.type) ||
      (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
      compareVietnamese(a.name, b.name),
  )
  return {
    scoreSetId: set.id,
    period: set.period,
    asOf: set.as_of,
    methodologyVersion: m.id,
    cohorts,
    units,
  }
}

function typeOrder(t: string): number {
  return t === 'PROVINCIAL_DEPARTMENT' ? 0 : t === 'COMMUNE_PEOPLE_COMMITTEE' ? 1 : 2
}
