/**
 * A data home for the report tests: five national readings of 2026 (34 provinces) in which Đắk Lắk's
 * rank moves, the last one the portal's national summary of 10/10/2026 together with Đắk Lắk's six
 * metric captures and its units (docs/methodology.md §4 figures, total 65.49), plus hostile unit names (a
 * formula, markup) that the reports must print as text. Deterministic: tests assert exact numbers.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { writeXlsx } from '../../fixtures/lib/write-xlsx.ts'
import { makeScores, nationalTable, type ProvinceScores, titleLines } from '../../fixtures/national.ts'
import {
  buildServiceResults,
  envelope,
  payloadFor,
  type SummaryRow,
  type UnitFigures,
  writeCaptureFiles,
} from '../../fixtures/portal/build-captures.ts'
import { DAK_LAK_2026, DAK_LAK_2026_REPORTED, DAK_LAK_UNITS } from '../../fixtures/portal/provinces.ts'
import { ProvinceRegistry } from '../../src/reference/provinces.ts'
import { ROOT } from '../helpers.ts'

/** Screenshots and report copies kept by CI (git-ignored). */
export const ARTIFACTS = join(ROOT, 'test', 'artifacts')

export const DAK_LAK_CODE = '66'
export const FORMULA_UNIT = '=HYPERLINK("http://example.invalid","bấm vào đây")'
export const MARKUP_UNIT = '<b>Sở "A&B"</b>'

/** Reading dates of the history, oldest first; the last is the portal's. */
export const DATES = ['2026-07-06', '2026-08-05', '2026-09-07', '2026-10-05', '2026-10-10'] as const

/** Đắk Lắk's total on each reading date (the last = the portal's 65.49, docs/methodology.md §4). */
const DAK_LAK_TOTALS = [62.1, 63.4, 66.8, 64.9, 65.49]

const r2 = (x: number) => Math.round(x * 100) / 100

const MAX = { CKMB: 18, TDGQ: 20, CLGQ: 12, TTTT: 10, MDHL: 18, MDSH: 22 } as const

/** Moves a province's groups so that they sum to `total` exactly (hundredths), each within 0..max. */
function withTotal(s: ProvinceScores, total: number): ProvinceScores {
  const codes = Object.keys(MAX) as Array<keyof typeof MAX>
  const h = Object.fromEntries(codes.map((c) => [c, Math.round(s.groups[c] * 100)])) as Record<
    keyof typeof MAX,
    number
  >
  let left = Math.round(total * 100) - codes.reduce((a, c) => a + h[c], 0)
  // one hundredth at a time, round-robin over the groups that have room: exact and bounded
  for (let k = 0; left !== 0 && k < 100_000; k++) {
    const c = codes[k % codes.length]!
    if (left > 0 && h[c] < MAX[c] * 100) {
      h[c]++
      left--
    } else if (left < 0 && h[c] > 0) {
      h[c]--
      left++
    }
  }
  const groups = Object.fromEntries(codes.map((c) => [c, h[c] / 100])) as ProvinceScores['groups']
  return { ...s, groups, total }
}

/** The scores of reading i: every province drifts a little; Đắk Lắk follows DAK_LAK_TOTALS. */
export function readingScores(i: number): ProvinceScores[] {
  const base = makeScores(34, 766)
  return base.map((s, k) => {
    if (s.code === DAK_LAK_CODE) {
      if (i === DATES.length - 1) {
        return { ...s, groups: { ...DAK_LAK_2026_REPORTED.groups }, total: DAK_LAK_2026_REPORTED.total }
      }
      return withTotal(s, DAK_LAK_TOTALS[i]!)
    }
    const drift = (((k * 7 + i * 13) % 9) - 4) * 0.35
    return withTotal(s, r2(Math.min(95, Math.max(40, s.total - 11 + drift + i * 0.4))))
  })
}

export function expectedRank(scores: ProvinceScores[], code: string): number {
  const me = scores.find((s) => s.code === code)!
  return 1 + scores.filter((s) => s.total - me.total > 0.005).length
}

/**
 * Units of Đắk Lắk with two hostile names added, both departments with all six groups (so that they
 * get a total and appear in the HTML table as well as in the workbook).
 */
export function hostileUnits(): UnitFigures[] {
  const dept = DAK_LAK_UNITS[0]!
  const copy = (id: string, name: string, code: string, totalOnTime: number): UnitFigures => ({
    ...dept,
    department: { ...dept.department, departmentId: id, departmentName: name, departmentCode: code },
    progress: { ...dept.progress, totalOnTime },
  })
  return [
    ...DAK_LAK_UNITS,
    copy('019d2be3-6a85-74ec-a33c-000000000003', FORMULA_UNIT, 'H15.21', 700),
    copy('019d2be3-6a85-74ec-a33c-000000000004', MARKUP_UNIT, 'H15.22', 900),
  ]
}

export async function writeReportInbox(
  inbox: string,
  opts: { hostile?: boolean } = {},
): Promise<{ scores: ProvinceScores[][] }> {
  const registry = ProvinceRegistry.fromSeeds()
  const all: ProvinceScores[][] = []
  for (let i = 0; i < DATES.length - 1; i++) {
    const scores = readingScores(i)
    all.push(scores)
    const t = nationalTable({ cohort: 34, seed: 100 + i, scores, title: titleLines('2026', DATES[i]!) })
    await writeXlsx(join(inbox, `xep-hang-2026-${DATES[i]}.xlsx`), [t.grid])
  }
  // The last reading: the portal's national summary and Đắk Lắk's own captures, same day.
  const last = readingScores(DATES.length - 1)
  all.push(last)
  const asOf = DATES[DATES.length - 1]!
  const capturedAt = `${asOf}T08:00:00+07:00`
  const rows: SummaryRow[] = last.map((s) => {
    const p = registry.byCode(34, s.code)!
    return {
      department: {
        departmentId: p.dvcqgUuid!,
        departmentCode: p.dvcqgCode!,
        departmentName: p.type.startsWith('thành phố') ? `UBND Thành phố ${p.name}` : `UBND tỉnh ${p.name}`,
      },
      groups: s.groups,
      total: s.total,
    }
  })
  writeFileSync(
    join(inbox, 'service-results-2026.json'),
    JSON.stringify(
      envelope(
        'service-results',
        payloadFor('service-results', '2026', ''),
        capturedAt,
        buildServiceResults(rows),
      ),
    ),
  )
  writeCaptureFiles(inbox, DAK_LAK_2026, opts.hostile === false ? DAK_LAK_UNITS : hostileUnits(), {
    period: '2026',
    capturedAt,
  })
  return { scores: all }
}
