import { describe, expect, it } from 'vitest'
import { unitInputFromFigures } from '../../fixtures/portal/build-captures.ts'
import {
  DAK_LAK_2026,
  DAK_LAK_2026_REPORTED,
  PHU_THO_2026,
  PHU_THO_UNITS,
} from '../../fixtures/portal/provinces.ts'
import { QdError } from '../../src/errors.ts'
import {
  computeUnit,
  type GroupInput,
  mergeUnitInputs,
  type UnitInput,
  whatIf,
} from '../../src/score/compute.ts'
import { methodologyById } from '../../src/score/methodology.ts'

const v2025 = methodologyById('v2025')

const metric = (r: ReturnType<typeof computeUnit>, code: string) => r.metrics.find((x) => x.code === code)!
const group = (r: ReturnType<typeof computeUnit>, code: string) => r.groups.find((x) => x.code === code)!

/** The input with one group replaced (or removed when `g` is null). */
function withGroup(input: UnitInput, code: string, g: GroupInput | null): UnitInput {
  const groups = input.groups.filter((x) => x.code !== code)
  return { ...input, groups: g ? [...groups, g] : groups }
}

describe('worked example, docs/methodology.md §4: Đắk Lắk 2026 = 65.49', () => {
  const input = unitInputFromFigures(DAK_LAK_2026, { reportedTotal: 65.49 })
  const r = computeUnit(v2025, input)

  // Metric scores stated in §4 (CLGQ components from the constructed counts, see fixtures/portal/provinces.ts).
  const METRICS: Array<[string, number | null, number | null]> = [
    // code, computed score, ratio (%)
    ['PUBLISH_ON_TIME', 0, 0],
    ['PUBLIC_UPDATE_ON_TIME', 3.85, 96.34],
    ['PUBLIC_CONTENT_FULL', 2, 100],
    ['DOSSIER_SYNC', 6, 100],
    ['DOSSIER_ON_TIME', 17.72, 88.62],
    ['3.1', 2, 85],
    ['3.2', 0.97, 24.25],
    ['3.3', 6, 67.63],
    ['3.5', 0.37, 14.89],
    ['3.5b', 1.06, 42.55],
    ['3.6', 5.26, 87.65],
    ['DOSSIER_RECEIVING_SATISFACTION', 5.9, 88.57],
    ['PETITION_PROCESSING_ON_TIME', 2.98, 49.69],
    ['PETITION_HANDLING_SATISFACTION', 2.3, 38.35],
    ['ORIGINAL_RESULT_AVAILABLE', 3.86, 64.25],
    ['SO_HOA_GIAY_TO_GIAI_QUYET', 0.84, 21.12],
    ['REUSED_DIGITIZED_DATA', 0.47, 18.63],
    ['SYNCED_WITH_DVCQG_PERSONAL_STORAGE', 0.09, 2.14],
    ['CITIZEN_DATA_CONNECTED_DOSSIER', 1.26, 62.98],
    ['CITIZEN_DATA_CONNECTED_FORMALITY', 0.56, 28.23],
    ['ELECTRONIC_CERTIFIED_COPY', 2, null],
  ]
  for (const [code, score, ratio] of METRICS) {
    it(`${code} = ${score} (ratio ${ratio}%)`, () => {
      expect([metric(r, code).computedScore, metric(r, code).ratio]).toEqual([score, ratio])
    })
  }

  const GROUPS: Array<[string, number]> = Object.entries(DAK_LAK_2026_REPORTED.groups)
  for (const [code, want] of GROUPS) {
    it(`group ${code} = ${want}, computed and reported agree`, () => {
      expect([group(r, code).computedScore, group(r, code).reportedScore, group(r, code).score]).toEqual([
        want,
        want,
        want,
      ])
    })
  }

  it('total 65.49 = the portal total, no findings, all from v2025', () => {
    expect([r.total, r.computedTotal, r.reportedTotal]).toEqual([65.49, 65.49, 65.49])
    expect(r.findings).toEqual([])
    expect(new Set(r.metrics.map((x) => x.methodologyVersion))).toEqual(new Set(['v2025']))
  })

  it('points lost: TDGQ 20 − 17.72 = 2.28; total 100 − 65.49 = 34.51; PUBLISH_ON_TIME loses all 6', () => {
    expect(group(r, 'TDGQ').pointsLost).toBe(2.28)
    expect(r.pointsLost).toBe(34.51)
    expect(metric(r, 'PUBLISH_ON_TIME').pointsLost).toBe(6)
    expect(metric(r, 'PETITION_CLASSIFICATION_TTHC')).toMatchObject({
      status: 'tracked',
      computedScore: null,
      pointsLost: 0,
    })
  })

  it('the CLGQ components are flagged as estimates; the group is an estimate too', () => {
    expect(['3.1', '3.2', '3.3'].map((c) => metric(r, c).estimate)).toEqual([true, true, true])
    expect(group(r, 'CLGQ').estimate).toBe(true)
    expect(group(r, 'TTTT').estimate).toBe(false)
  })

  it('with CLGQ given only as the portal reported it (8.97), the total is still 65.49 but computedTotal is null', () => {
    const r2 = computeUnit(v2025, withGroup(input, 'CLGQ', { code: 'CLGQ', reportedScore: 8.97 }))
    expect(group(r2, 'CLGQ')).toMatchObject({
      computedScore: null,
      reportedScore: 8.97,
      score: 8.97,
      scoreSource: 'reported',
    })
    expect(['3.1', '3.2', '3.3'].map((c) => metric(r2, c).status)).toEqual(['missing', 'missing', 'missing'])
    expect([r2.total, r2.computedTotal]).toEqual([65.49, null])
    expect(r2.findings).toEqual([])
  })
})

describe('real portal data: Phú Thọ 2026 (every group, CLGQ included, reproduces the portal)', () => {
  const r = computeUnit(v2025, unitInputFromFigures(PHU_THO_2026))
  for (const [code, want] of Object.entries(PHU_THO_2026.reportedGroups!)) {
    it(`${code}: computed ${want} = reported`, () => expect(group(r, code).computedScore).toBe(want))
  }
  it('no findings; total = 7.96 + 17.68 + 8.56 + 6.67 + 11.43 + 9.59 = 61.89', () => {
    expect(r.findings).toEqual([])
    expect(r.total).toBe(61.89)
  })
  it('certified copy sent as null/null scores 2 (policy full); DOSSIER_SYNC keeps its data-quality flag', () => {
    expect(metric(r, 'ELECTRONIC_CERTIFIED_COPY')).toMatchObject({
      status: 'zero-denominator',
      computedScore: 2,
      ratio: null,
    })
    expect(metric(r, 'DOSSIER_SYNC').dataQualityStatus).toBe('TEMP_NATIONAL_REPORT_DENOMINATOR')
    expect(metric(r, 'DOSSIER_SYNC').note).toContain('TEMP_NATIONAL_REPORT_DENOMINATOR')
  })
  it('a real unit with no petitions gets full PAKN marks and 0 for a payment group with nothing to pay', () => {
    const u = computeUnit(v2025, unitInputFromFigures(PHU_THO_UNITS[0]!))
    expect(metric(u, 'PETITION_PROCESSING_ON_TIME').computedScore).toBe(6)
    expect(group(u, 'MDHL').computedScore).toBe(18)
    expect(group(u, 'TTTT').computedScore).toBe(0)
    expect(group(u, 'MDSH').computedScore).toBe(4.43)
    expect(group(u, 'TDGQ').computedScore).toBe(19.38)
    expect(u.findings).toEqual([])
  })
})

describe('null is not 0', () => {
  const ckmb = (publish: [number | null, number | null]): UnitInput => ({
    groups: [
      {
        code: 'CKMB',
        metrics: [
          { code: 'PUBLISH_ON_TIME', numerator: publish[0], denominator: publish[1] },
          { code: 'PUBLIC_UPDATE_ON_TIME', numerator: 79, denominator: 82 },
          { code: 'PUBLIC_CONTENT_FULL', numerator: 79, denominator: 79 },
          { code: 'DOSSIER_SYNC', numerator: 100, denominator: 100 },
        ],
      },
    ],
  })

  it('a d = 0 metric (policy null) adds nothing and keeps the group maximum at 18', () => {
    const r = computeUnit(v2025, ckmb([0, 0]))
    expect(metric(r, 'PUBLISH_ON_TIME')).toMatchObject({
      status: 'zero-denominator',
      computedScore: null,
      ratio: null,
      pointsLost: 6,
    })
    expect(group(r, 'CKMB')).toMatchObject({ computedScore: 11.85, maxScore: 18, pointsLost: 6.15 })
  })
  it('a metric missing from the input makes the group uncomputable (never a silent partial sum)', () => {
    const input = ckmb([0, 82])
    input.groups[0]!.metrics!.splice(3, 1) // drop DOSSIER_SYNC
    const r = computeUnit(v2025, input)
    expect(metric(r, 'DOSSIER_SYNC').status).toBe('missing')
    expect(group(r, 'CKMB').computedScore).toBeNull()
  })
  it('a group whose metrics all have no score has no score', () => {
    const r = computeUnit(v2025, {
      groups: [
        {
          code: 'CKMB',
          metrics: ['PUBLISH_ON_TIME', 'PUBLIC_UPDATE_ON_TIME', 'PUBLIC_CONTENT_FULL', 'DOSSIER_SYNC'].map(
            (code) => ({
              code,
              numerator: 0,
              denominator: 0,
            }),
          ),
        },
      ],
    })
    expect(group(r, 'CKMB').computedScore).toBeNull()
  })
  it('a unit missing one group gets no total, not a total of the groups present', () => {
    const input = withGroup(unitInputFromFigures(DAK_LAK_2026), 'MDHL', null)
    const r = computeUnit(v2025, input)
    expect(group(r, 'MDHL')).toMatchObject({ score: null, pointsLost: null })
    expect([r.total, r.computedTotal, r.pointsLost]).toEqual([null, null, null])
  })
  it('a group with only a reported score counts for the total', () => {
    const input = withGroup(unitInputFromFigures(DAK_LAK_2026), 'MDHL', {
      code: 'MDHL',
      reportedScore: 11.18,
    })
    expect(computeUnit(v2025, input).total).toBe(65.49)
  })
})

describe('findings: reported ≠ computed', () => {
  const base = unitInputFromFigures(DAK_LAK_2026)

  it('a metric off by 0.10 and its group are findings, with the difference exact', () => {
    const input = structuredClone(base)
    const ckmb = input.groups.find((g) => g.code === 'CKMB')!
    ckmb.metrics!.find((x) => x.code === 'PUBLIC_UPDATE_ON_TIME')!.reportedScore = 3.95
    ckmb.reportedScore = 11.95
    const r = computeUnit(v2025, input)
    expect(r.findings.map((f) => [f.level, f.code, f.reported, f.computed, f.diff])).toEqual([
      ['metric', 'PUBLIC_UPDATE_ON_TIME', 3.95, 3.85, 0.1],
      ['group', 'CKMB', 11.95, 11.85, 0.1],
    ])
    expect(r.findings[1]!.note).toContain('PUBLIC_UPDATE_ON_TIME')
    // The reported score is what counts.
    expect(r.total).toBe(65.59)
    expect(r.computedTotal).toBe(65.49)
  })

  it('a difference of exactly 0.01 (the portal rounding its 2-decimal ratio) is not a finding', () => {
    const r = computeUnit(v2025, {
      groups: [
        {
          code: 'MDSH',
          metrics: [
            {
              code: 'ORIGINAL_RESULT_AVAILABLE',
              numerator: 284990,
              denominator: 443565,
              reportedScore: 3.86,
            },
          ],
        },
      ],
    })
    expect(metric(r, 'ORIGINAL_RESULT_AVAILABLE').computedScore).toBe(3.85)
    expect(r.findings).toEqual([])
  })

  it('a CLGQ component differing is a component finding; the estimate is said in the note', () => {
    const input = withGroup(base, 'CLGQ', {
      ...base.groups.find((g) => g.code === 'CLGQ')!,
      reportedScore: 8.5,
    })
    const r = computeUnit(v2025, input)
    expect(r.findings).toHaveLength(1)
    expect(r.findings[0]).toMatchObject({
      level: 'group',
      code: 'CLGQ',
      reported: 8.5,
      computed: 8.97,
      diff: -0.47,
    })
    expect(r.findings[0]!.note).toMatch(/ước tính/)
  })

  it('DOSSIER_SYNC with d = 0 but a reported score is a finding with computed null', () => {
    const r = computeUnit(v2025, {
      groups: [
        {
          code: 'CKMB',
          metrics: [
            {
              code: 'DOSSIER_SYNC',
              numerator: 0,
              denominator: 0,
              reportedScore: 5.4,
              dataQualityStatus: 'LAST_YEAR_AVERAGE',
            },
          ],
        },
      ],
    })
    expect(r.findings).toHaveLength(1)
    expect(r.findings[0]).toMatchObject({
      level: 'metric',
      code: 'DOSSIER_SYNC',
      reported: 5.4,
      computed: null,
      diff: null,
    })
    expect(r.findings[0]!.note).toContain('năm trước')
  })

  it('a reported score over counts that cannot be scored (n > 0, d = 0) is a finding', () => {
    const r = computeUnit(v2025, {
      groups: [
        {
          code: 'MDSH',
          metrics: [{ code: 'REUSED_DIGITIZED_DATA', numerator: 5, denominator: 0, reportedScore: 0.4 }],
        },
      ],
    })
    expect(metric(r, 'REUSED_DIGITIZED_DATA').status).toBe('not-computable')
    expect(r.findings).toEqual([
      expect.objectContaining({ code: 'REUSED_DIGITIZED_DATA', reported: 0.4, computed: null }),
    ])
  })

  it('a reported total that is not the sum of the groups is a total finding', () => {
    const r = computeUnit(v2025, { ...base, reportedTotal: 66 })
    expect(r.findings).toEqual([
      expect.objectContaining({ level: 'total', code: 'TOTAL', reported: 66, computed: 65.49, diff: 0.51 }),
    ])
  })

  it('component level is used for CLGQ/TTTT metrics', () => {
    const input = structuredClone(base)
    const tttt = input.groups.find((g) => g.code === 'TTTT')!
    tttt.metrics = [{ code: '3.6', numerator: 179460, denominator: 204757, reportedScore: 5.5 }]
    const r = computeUnit(v2025, input)
    expect(r.findings[0]).toMatchObject({ level: 'component', code: '3.6', diff: 0.24 })
  })
})

describe('what-if (hand-checked)', () => {
  const r = computeUnit(v2025, unitInputFromFigures(DAK_LAK_2026))
  const cases: Array<{
    what: string
    change: Parameters<typeof whatIf>[1]
    metric: number
    group: number
    total: number
  }> = [
    // 20 × 0.95 = 19.00; 65.49 − 17.72 + 19 = 66.77
    {
      what: 'on-time rate 95%',
      change: { metric: 'DOSSIER_ON_TIME', ratio: 0.95 },
      metric: 19,
      group: 19,
      total: 66.77,
    },
    // 6 × 0.30 / 0.5 = 3.60; CLGQ 8.97 − 6 + 3.6 = 6.57; total 65.49 − 2.40 = 63.09
    {
      what: '3.3 falls to 30%',
      change: { metric: '3.3', ratio: 0.3 },
      metric: 3.6,
      group: 6.57,
      total: 63.09,
    },
    // already ≥ 50%: capped at 6, nothing changes
    {
      what: '3.3 at 55% is capped',
      change: { metric: '3.3', ratio: 0.55 },
      metric: 6,
      group: 8.97,
      total: 65.49,
    },
    // 6 × 0.8 = 4.80; MDSH 9.08 − 3.86 + 4.80 = 10.02; total 66.43
    {
      what: 'e-results 80%',
      change: { metric: 'ORIGINAL_RESULT_AVAILABLE', ratio: 0.8 },
      metric: 4.8,
      group: 10.02,
      total: 66.43,
    },
    // 2 × (300/376)/0.8 = 1.99468 -> 1.99; TTTT 6.69 − 0.37 + 1.99 = 8.31; total 67.11
    {
      what: '3.5 from counts 300/376',
      change: { metric: '3.5', numerator: 300, denominator: 376 },
      metric: 1.99,
      group: 8.31,
      total: 67.11,
    },
    // publishing on time 100%: +6 -> CKMB 17.85, total 71.49
    {
      what: 'publish on time 100%',
      change: { metric: 'PUBLISH_ON_TIME', ratio: 1 },
      metric: 6,
      group: 17.85,
      total: 71.49,
    },
  ]
  for (const c of cases) {
    it(c.what, () => {
      const w = whatIf(r, c.change)
      expect([w.after.metricScore, w.after.groupScore, w.after.total]).toEqual([c.metric, c.group, c.total])
      expect(w.before.total).toBe(65.49)
      expect(w.note).toBeNull()
    })
  }

  it('keeps reported-only groups: with CLGQ reported only, a TDGQ what-if still gives a total', () => {
    const input = withGroup(unitInputFromFigures(DAK_LAK_2026), 'CLGQ', { code: 'CLGQ', reportedScore: 8.97 })
    const w = whatIf(computeUnit(v2025, input), { metric: 'DOSSIER_ON_TIME', ratio: 0.95 })
    expect(w.after.total).toBe(66.77)
  })

  it('cannot recompute CLGQ from one component when the others are unknown, and says why', () => {
    const input = withGroup(unitInputFromFigures(DAK_LAK_2026), 'CLGQ', { code: 'CLGQ', reportedScore: 8.97 })
    const w = whatIf(computeUnit(v2025, input), { metric: '3.3', ratio: 0.55 })
    expect(w.after).toEqual({ metricScore: 6, groupScore: null, total: null })
    expect(w.note).toContain('3.1')
  })

  it('warns when the group’s reported score is not the sum of its metrics', () => {
    const input = structuredClone(unitInputFromFigures(DAK_LAK_2026))
    input.groups.find((g) => g.code === 'TDGQ')!.reportedScore = 17.5
    const w = whatIf(computeUnit(v2025, input), { metric: 'DOSSIER_ON_TIME', ratio: 0.95 })
    expect(w.before.groupScore).toBe(17.5)
    expect(w.after.groupScore).toBe(19)
    expect(w.note).toContain('khác tổng điểm các chỉ tiêu')
  })

  it('rejects a percentage passed as a ratio, unknown metrics and tracked metrics', () => {
    expect(() => whatIf(r, { metric: '3.3', ratio: 55 })).toThrow(QdError)
    expect(() => whatIf(r, { metric: 'NOPE', ratio: 0.5 })).toThrow(QdError)
    expect(() => whatIf(r, { metric: 'PETITION_CLASSIFICATION_TTHC', ratio: 0.5 })).toThrow(QdError)
  })
})

describe('input handling', () => {
  it('unknown metric codes are kept aside, not scored and not dropped', () => {
    const r = computeUnit(v2025, {
      groups: [{ code: 'CKMB', metrics: [{ code: 'NEW_2027_METRIC', numerator: 1, denominator: 2 }] }],
    })
    expect(r.unknownMetrics).toEqual([
      { group: 'CKMB', input: { code: 'NEW_2027_METRIC', numerator: 1, denominator: 2 } },
    ])
  })
  it('a group given twice is an error', () => {
    expect(() => computeUnit(v2025, { groups: [{ code: 'CKMB' }, { code: 'CKMB' }] })).toThrow(/hai lần/)
  })
  it('an explicit metric wins over tree parameters', () => {
    const r = computeUnit(v2025, {
      groups: [
        {
          code: 'TDGQ',
          params: { totalOnTime: 1, totalReceived: 2 },
          metrics: [{ code: 'DOSSIER_ON_TIME', numerator: 3, denominator: 4 }],
        },
      ],
    })
    expect(metric(r, 'DOSSIER_ON_TIME').computedScore).toBe(15)
  })
  it('TDGQ with nothing received scores 0 (policy zero)', () => {
    const r = computeUnit(v2025, { groups: [{ code: 'TDGQ', params: { totalOnTime: 0, totalReceived: 0 } }] })
    expect(group(r, 'TDGQ').computedScore).toBe(0)
  })
  it('the group-level-only v2022 version computes nothing from counts and uses reported scores', () => {
    const r = computeUnit(methodologyById('v2022-5group'), unitInputFromFigures(DAK_LAK_2026))
    expect(r.metrics).toEqual([])
    expect(r.groups.map((g) => g.computedScore)).toEqual([null, null, null, null, null, null])
    expect(r.total).toBe(65.49)
    expect(r.methodologyVersion).toBe('v2022-5group')
  })

  describe('mergeUnitInputs', () => {
    const detailed: UnitInput = {
      groups: [
        { code: 'TDGQ', reportedScore: 17.72, params: { totalOnTime: 393087, totalReceived: 443565 } },
      ],
    }
    const summary: UnitInput = {
      groups: [
        { code: 'TDGQ', reportedScore: 17.72 },
        { code: 'CLGQ', reportedScore: 8.97 },
      ],
      reportedTotal: 65.49,
    }
    it('merges a summary with a detailed capture that agrees', () => {
      const merged = mergeUnitInputs(detailed, summary)
      expect(merged.groups.map((g) => [g.code, g.reportedScore, g.params !== undefined])).toEqual([
        ['TDGQ', 17.72, true],
        ['CLGQ', 8.97, false],
      ])
      expect(merged.reportedTotal).toBe(65.49)
    })
    it('refuses two readings that disagree', () => {
      const other: UnitInput = { groups: [{ code: 'TDGQ', reportedScore: 17.5 }] }
      expect(() => mergeUnitInputs(detailed, other)).toThrow(/không khớp/)
      expect(() => mergeUnitInputs(summary, { groups: [], reportedTotal: 60 })).toThrow(/tổng điểm khác nhau/)
    })
  })
})
