/**
 * Portal-capture test data written as files, in the shapes the portal returns (fixtures/portal
 * builders): a province's group captures in envelopes, the national summary bare, and the
 * 34-province group scores of that summary with totals chosen so ranks are easy to check by hand.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  buildCaptures,
  buildServiceResults,
  type CaptureSet,
  envelope,
  payloadFor,
  type SummaryRow,
  type UnitFigures,
} from '../../fixtures/portal/build-captures.ts'
import { DAK_LAK_2026_REPORTED } from '../../fixtures/portal/provinces.ts'
import type { GroupCode } from '../../src/reference/groups.ts'
import { ProvinceRegistry } from '../../src/reference/provinces.ts'

export const REGISTRY = ProvinceRegistry.fromSeeds()

export type GroupEndpoint = keyof CaptureSet

/**
 * Writes the group captures of a province (envelopes with request payload and capturedAt) as
 * `<endpoint>-<period>-<date>.json`; `only` limits the endpoints written.
 */
export function writeProvinceCaptures(
  dir: string,
  province: UnitFigures,
  units: UnitFigures[],
  opts: { period: string; capturedAt: string; only?: GroupEndpoint[]; tag?: string },
): string[] {
  mkdirSync(dir, { recursive: true })
  const set = buildCaptures(province, units)
  const date = opts.capturedAt.slice(0, 10)
  const endpoints = opts.only ?? (Object.keys(set) as GroupEndpoint[])
  return endpoints.map((endpoint) => {
    const file = join(
      dir,
      `${endpoint}-${opts.tag ?? province.department.departmentCode}-${opts.period}-${date}.json`,
    )
    const body = envelope(
      endpoint,
      payloadFor(endpoint, opts.period, province.department.departmentId),
      opts.capturedAt,
      set[endpoint],
    )
    writeFileSync(file, JSON.stringify(body, null, 2))
    return file
  })
}

const MAX: Record<GroupCode, number> = { CKMB: 18, TDGQ: 20, CLGQ: 12, TTTT: 10, MDHL: 18, MDSH: 22 }

/** Six group scores summing exactly to `total` (hundredths), each within its maximum. */
export function groupsFor(total: number): Record<GroupCode, number> {
  const h = Math.round(total * 100)
  const codes = Object.keys(MAX) as GroupCode[]
  const out = {} as Record<GroupCode, number>
  let rest = h
  for (const c of codes.slice(0, 5)) {
    const g = Math.floor((h * MAX[c]) / 100)
    out[c] = g / 100
    rest -= g
  }
  out.MDSH = rest / 100
  return out
}

/**
 * The national summary of 34 provinces: Đắk Lắk with its portal scores (65.49), every other
 * province in the registry's order with total 50 + 0.75·i (50, 50.75, ..., 74), so Đắk Lắk has
 * 12 provinces above it (66.50 .. 74.00 minus the ones ≤ 65.49): rank 13.
 */
export function nationalSummary(): { rows: SummaryRow[]; totals: Map<string, number> } {
  const totals = new Map<string, number>()
  const rows: SummaryRow[] = []
  let i = 0
  for (const p of REGISTRY.cohort(34)) {
    const dept = {
      departmentId: p.dvcqgUuid!,
      departmentName: `UBND ${p.type === 'tỉnh' ? 'tỉnh' : 'thành phố'} ${p.name}`,
      departmentCode: p.dvcqgCode!,
    }
    if (p.code === '66') {
      rows.push({ department: dept, groups: DAK_LAK_2026_REPORTED.groups, total: 65.49 })
      totals.set(p.code, 65.49)
      continue
    }
    const total = Math.round((50 + 0.75 * i) * 100) / 100
    i++
    rows.push({ department: dept, groups: groupsFor(total), total })
    totals.set(p.code, total)
  }
  return { rows, totals }
}

/** The national summary as a bare response (no envelope): period and date from the file name. */
export function writeNationalSummary(dir: string, period: string, date: string): string {
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `service-results-${period}-${date}.json`)
  writeFileSync(file, JSON.stringify(buildServiceResults(nationalSummary().rows)))
  return file
}

/** Competition rank (tolerance 0.005) of `total` among `others`: counted by hand, not by the code under test. */
export function rankAmong(total: number, others: number[]): number {
  return 1 + others.filter((t) => t - total > 0.005 + 1e-9).length
}
