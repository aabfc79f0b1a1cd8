/**
 * Issue 3 end to end through the real CLI: portal API captures dropped into the inbox, `refresh`,
 * then `province`, `ranking`, `status` and `query` as a person or a script would use them.
 *
 * Data: Đắk Lắk 2026 (docs/methodology.md §4 worked example, portal total 65.49) captured on 2026-10-10
 * with two of its units, beside the national summary of the same day (34 provinces, totals chosen so
 * ranks can be counted by hand); on 2026-10-12 a revised Đắk Lắk (3.3 below 50%, one reported
 * metric score that disagrees with its counts) and Phú Thọ without its dossier-digitized capture.
 */
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { envelope, m, payloadFor, type UnitFigures } from '../../fixtures/portal/build-captures.ts'
import {
  DAK_LAK,
  DAK_LAK_2026,
  DAK_LAK_2026_REPORTED,
  DAK_LAK_UNITS,
  PHU_THO_2026,
} from '../../fixtures/portal/provinces.ts'
import { cli, cliJson, tempHome } from '../helpers.ts'
import { nationalSummary, rankAmong, writeNationalSummary, writeProvinceCaptures } from './helpers.ts'

interface Metric {
  group: string
  code: string
  name: string
  numerator: number | null
  denominator: number | null
  ratio: number | null
  reportedScore: number | null
  computedScore: number | null
  maxScore: number
  score: number | null
  pointsLost: number | null
  estimate: boolean
  status: string
  methodologyVersion: string
  rank: number | null
  rankOf: number
}
interface Group {
  code: string
  score: number | null
  maxScore: number
  pointsLost: number | null
  rank: number | null
  reportedScore: number | null
  computedScore: number | null
  estimate: boolean
  methodologyVersion: string | null
}
interface ProvinceJson {
  code: string
  name: string
  period: string
  asOf: string | null
  snapshotId: number | null
  rank: number | null
  total: number | null
  status: string
  computedTotal: number | null
  methodologyVersion: string | null
  groups: Group[]
  metrics: Metric[]
  findings: Array<{
    kind: string
    severity: string
    message: string
    code: string | null
    diff: number | null
  }>
  portal: { source: string; asOf: string | null; complete: boolean; captures: unknown[] } | null
  history: Array<{ asOf: string | null; rank: number | null; total: number | null; source: string }>
  whatIf: {
    steps: Array<{
      metric: string
      group: string
      after: { metricScore: number | null; groupScore: number | null }
    }>
    before: { total: number | null; rank: number | null }
    after: { total: number | null; rank: number | null; pointsGained: number | null }
    ranked: number | null
  } | null
}
interface IngestRow {
  file: string
  status: string
  kind: string | null
  rows: number | null
  error: string | null
  errorDetail: { code: string; column: string | null } | null
}

const PERIOD = '2026'
const DAY1 = '2026-10-10'
const DAY2 = '2026-10-12'

/** Đắk Lắk as revised on 2026-10-12: 3.3 = 200000/443565 = 45.09% -> 5.41; CLGQ 8.38; a reported 3.90. */
const DAK_LAK_REVISED: UnitFigures = {
  ...DAK_LAK_2026,
  online: { ...DAK_LAK_2026.online, channelOnlineSum: 200000, channelDirectSum: 243565 },
  transparency: { ...DAK_LAK_2026.transparency, PUBLIC_UPDATE_ON_TIME: m(79, 82, 3.9) },
  reportedGroups: { ...DAK_LAK_2026_REPORTED.groups, CKMB: 11.9, CLGQ: 8.38 },
}
const DAK_LAK_REVISED_TOTAL = 64.95 // 11.90 + 17.72 + 8.38 + 6.69 + 11.18 + 9.08

/** Phú Thọ's code in the 34-province list. */
const PHU_THO = '25'

describe('portal API captures through the CLI', () => {
  let home: string
  let inbox: string
  let first: { code: number; json: { files: IngestRow[]; snapshots: number } }
  let second: { code: number; json: { files: IngestRow[]; snapshots: number } }
  let third: { code: number; json: { files: IngestRow[]; snapshots: number } }
  const day1: string[] = []

  beforeAll(() => {
    home = tempHome()
    inbox = join(home, 'inbox')
    day1.push(
      ...writeProvinceCaptures(inbox, DAK_LAK_2026, DAK_LAK_UNITS, {
        period: PERIOD,
        capturedAt: `${DAY1}T08:00:00+07:00`,
      }),
      writeNationalSummary(inbox, PERIOD, DAY1),
    )
    first = cliJson(home, ['refresh', '--json'])

    // Day 2: a revision of Đắk Lắk, Phú Thọ without one group, a duplicate and malformed captures.
    writeProvinceCaptures(inbox, DAK_LAK_REVISED, [], {
      period: PERIOD,
      capturedAt: `${DAY2}T08:00:00+07:00`,
    })
    writeProvinceCaptures(inbox, PHU_THO_2026, [], {
      period: PERIOD,
      capturedAt: `${DAY2}T08:05:00+07:00`,
      only: [
        'transparency',
        'dvc-progress-tree',
        'provide-online-tree',
        'formality-online-payment-tree',
        'handling-satisfaction',
      ],
    })
    copyFileSync(join(home, 'archive', basename(day1[0]!)), join(inbox, 'again.json'))
    const transparency = JSON.parse(
      JSON.stringify(
        envelope(
          'transparency',
          payloadFor('transparency', PERIOD, DAK_LAK.departmentId),
          `${DAY2}T09:00:00+07:00`,
          {
            code: 'OK',
            message: 'OK',
            data: {
              overview: { departmentId: DAK_LAK.departmentId, totalScore: 1, metrics: [] },
              evaluation: [
                {
                  departmentId: 'x-1',
                  totalScore: 1,
                  metrics: [
                    { code: 'PUBLISH_ON_TIME', numerator: 1, denominator: 2 },
                    { code: 'DOSSIER_SYNC', numerator: 'many', denominator: 4 },
                  ],
                },
              ],
            },
          },
        ),
      ),
    )
    writeFileSync(join(inbox, 'bad-numerator.json'), JSON.stringify(transparency))
    const foreign = envelope(
      'dvc-progress-tree',
      { ...payloadFor('dvc-progress-tree', PERIOD, '00000000-0000-0000-0000-000000000000') },
      `${DAY2}T09:00:00+07:00`,
      {
        code: 'OK',
        message: 'OK',
        data: {
          parent: { departmentId: '00000000-0000-0000-0000-000000000000', totalReceived: 1, totalOnTime: 1 },
          children: [],
        },
      },
    )
    writeFileSync(join(inbox, 'unknown-province.json'), JSON.stringify(foreign))
    const negative = envelope(
      'dvc-progress-tree',
      payloadFor('dvc-progress-tree', PERIOD, DAK_LAK.departmentId),
      `${DAY2}T09:00:00+07:00`,
      {
        code: 'OK',
        message: 'OK',
        data: {
          parent: { departmentId: DAK_LAK.departmentId, totalReceived: 10, totalOnTime: -1 },
          children: [],
        },
      },
    )
    writeFileSync(join(inbox, 'negative.json'), JSON.stringify(negative))
    second = cliJson(home, ['refresh', '--json'])
    third = cliJson(home, ['refresh', '--json'])
  })

  const province = (args: string[]) => {
    const r = cliJson<ProvinceJson>(home, ['province', ...args, '--format', 'json'])
    expect(r.code, r.stderr).toBe(0)
    return r.json
  }
  const query = <T>(sql: string) => cliJson<T[]>(home, ['query', sql, '--format', 'json']).json

  describe('ingest', () => {
    it('accepts the seven captures of day 1, envelope and bare, as portal-capture', () => {
      expect(first.code).toBe(0)
      expect(first.json.files).toHaveLength(7)
      for (const f of first.json.files)
        expect(f).toMatchObject({ status: 'accepted', kind: 'portal-capture', error: null })
      const summary = first.json.files.find((f) => f.file.startsWith('service-results'))!
      expect(summary.rows).toBe(34)
    })

    it('stores every unit with its code, type and level, every metric and parameter, nulls as null', () => {
      const units = query<{ department_code: string; department_type: string; department_level: string }>(
        "select u.department_code, u.department_type, u.department_level from stg_portal_units u join stg_portal_captures c on c.id = u.capture_id where c.endpoint = 'dossier-digitized' and c.as_of = '2026-10-10' order by u.ord",
      )
      expect(units).toEqual([
        { department_code: 'H15', department_type: 'PROVINCE', department_level: 'PROVINCE' },
        { department_code: 'H15.20', department_type: 'PROVINCIAL_DEPARTMENT', department_level: 'PROVINCE' },
      ])
      const copy = query<{
        numerator: number | null
        denominator: number | null
        ratio: number
        score: number
      }>(
        "select numerator, denominator, ratio, score from v_portal_metrics where code = 'ELECTRONIC_CERTIFIED_COPY' and department_code = 'H15.20'",
      )
      expect(copy).toEqual([{ numerator: null, denominator: null, ratio: 100, score: 2 }])
      const dq = query<{ data_quality_status: string }>(
        "select data_quality_status from v_portal_metrics where code = 'DOSSIER_SYNC' and department_name like 'Sở Tư pháp%'",
      )
      expect(dq).toEqual([{ data_quality_status: 'LAST_YEAR_AVERAGE' }])
      const params = query<{ name: string; value: number }>(
        "select p.name, p.value from stg_portal_params p join stg_portal_captures c on c.id = p.capture_id where c.endpoint = 'provide-online-tree' and c.as_of = '2026-10-10' and p.unit_ord = 0 order by p.name",
      )
      expect(params.find((p) => p.name === 'channelOnlineSum')?.value).toBe(300000)
      expect(params).toHaveLength(11)
      const extra = query<{ extra: string }>(
        "select u.extra from stg_portal_units u join stg_portal_captures c on c.id = u.capture_id where c.endpoint = 'handling-satisfaction' and c.as_of = '2026-10-10' and u.ord = 0",
      )
      expect(JSON.parse(extra[0]!.extra)).toMatchObject({ totalPetitions: 485, averageScore: null })
    })

    it('a second copy of the same bytes is a duplicate; malformed captures are rejected at their JSON path', () => {
      expect(second.code).toBe(1)
      const by = new Map(second.json.files.map((f) => [f.file, f]))
      expect(by.get('again.json')).toMatchObject({ status: 'duplicate', kind: 'portal-capture' })
      expect(by.get('bad-numerator.json')).toMatchObject({ status: 'rejected' })
      expect(by.get('bad-numerator.json')!.errorDetail).toMatchObject({
        code: 'bad-value',
        column: 'response.data.evaluation[0].metrics[1].numerator',
      })
      expect(by.get('bad-numerator.json')!.error).toContain(
        'response.data.evaluation[0].metrics[1].numerator',
      )
      expect(by.get('unknown-province.json')!.errorDetail).toMatchObject({
        code: 'unknown-province',
        column: 'request.payload.rootDepartmentId',
      })
      expect(by.get('negative.json')!.errorDetail).toMatchObject({
        code: 'out-of-range',
        column: 'response.data.parent.totalOnTime',
      })
      const rejected = readdirSync(join(home, 'rejected'))
      expect(rejected.filter((f) => f.endsWith('.error.json'))).toHaveLength(3)
      const accepted = second.json.files.filter((f) => f.status === 'accepted')
      expect(accepted).toHaveLength(11)
    })
  })

  describe('province: the worked example of docs/methodology.md §4', () => {
    let r: ProvinceJson
    beforeAll(() => {
      r = province(['66', '--period', PERIOD, '--as-of', DAY1])
    })

    it('every metric and component: computedScore within 0.01 of the portal, contract fields present', () => {
      expect(r.metrics).toHaveLength(23)
      for (const x of r.metrics) {
        for (const k of [
          'group',
          'code',
          'numerator',
          'denominator',
          'ratio',
          'reportedScore',
          'computedScore',
          'maxScore',
        ])
          expect(x, `${x.code}.${k}`).toHaveProperty(k)
        if (x.reportedScore !== null && x.computedScore !== null)
          expect(Math.abs(x.reportedScore - x.computedScore), x.code).toBeLessThanOrEqual(0.01 + 1e-9)
        expect(x.methodologyVersion).toBe('v2025')
      }
      const by = new Map(r.metrics.map((x) => [x.code, x]))
      expect(by.get('PUBLIC_UPDATE_ON_TIME')).toMatchObject({
        numerator: 79,
        denominator: 82,
        ratio: 96.34,
        computedScore: 3.85,
      })
      expect(by.get('DOSSIER_ON_TIME')).toMatchObject({
        ratio: 88.62,
        reportedScore: null,
        computedScore: 17.72,
      })
      expect(by.get('REUSED_DIGITIZED_DATA')).toMatchObject({ ratio: 18.63, computedScore: 0.47 })
      expect(by.get('DOSSIER_RECEIVING_SATISFACTION')).toMatchObject({ ratio: 88.57, computedScore: 5.9 })
      expect(by.get('3.6')).toMatchObject({ numerator: 179460, denominator: 204757, computedScore: 5.26 })
      expect(by.get('3.5b')).toMatchObject({ computedScore: 1.06 })
      expect(by.get('3.5')).toMatchObject({ computedScore: 0.37 })
      // zero-denominator rule: certified copy 0/0 scores full marks
      expect(by.get('ELECTRONIC_CERTIFIED_COPY')).toMatchObject({
        ratio: null,
        computedScore: 2,
        status: 'zero-denominator',
      })
      // tracked metrics are never scored
      expect(by.get('PETITION_CLASSIFICATION_TTHC')).toMatchObject({
        computedScore: null,
        maxScore: 0,
        pointsLost: 0,
      })
    })

    it('every group within 0.01 of the portal, CLGQ flagged as an estimate, total 65.49', () => {
      for (const g of r.groups) {
        expect(g.computedScore, g.code).not.toBeNull()
        expect(Math.abs(g.reportedScore! - g.computedScore!), g.code).toBeLessThanOrEqual(0.01 + 1e-9)
        expect(g.score).toBe(
          DAK_LAK_2026_REPORTED.groups[g.code as keyof typeof DAK_LAK_2026_REPORTED.groups],
        )
        expect(g.estimate).toBe(g.code === 'CLGQ')
      }
      expect(r.metrics.filter((x) => x.estimate).map((x) => x.code)).toEqual(
        expect.arrayContaining(['3.1', '3.2', '3.3']),
      )
      expect(r.metrics.filter((x) => x.estimate)).toHaveLength(3)
      expect(r.total).toBe(65.49)
      expect(r.computedTotal).toBe(65.49)
      expect(r.methodologyVersion).toBe('v2025')
      expect(r.findings).toEqual([])
    })

    it('ranks in the 34-province reading of that day (12 totals above 65.49: rank 13)', () => {
      const others = [...nationalSummary().totals].filter(([c]) => c !== '66').map(([, t]) => t)
      expect(r.rank).toBe(rankAmong(65.49, others))
      expect(r.rank).toBe(13)
      expect(r.portal?.source).toBe('portal-metrics+service-results')
    })

    it('points lost per metric, sorted by the points at stake (hand-checked)', () => {
      expect(r.metrics.slice(0, 6).map((x) => [x.code, x.pointsLost])).toEqual([
        ['PUBLISH_ON_TIME', 6], // 0/82 of 6
        ['SYNCED_WITH_DVCQG_PERSONAL_STORAGE', 3.91], // 4 − 0.09
        ['PETITION_HANDLING_SATISFACTION', 3.7], // 6 − 2.30
        ['SO_HOA_GIAY_TO_GIAI_QUYET', 3.16], // 4 − 0.84
        ['3.2', 3.03], // 4 − 0.97
        ['PETITION_PROCESSING_ON_TIME', 3.02], // 6 − 2.98
      ])
      const lost = r.metrics.map((x) => x.pointsLost ?? -1)
      expect(lost.filter((x) => x >= 0)).toEqual([...lost.filter((x) => x >= 0)].sort((a, b) => b - a))
      // 100 − 65.49 = 34.51 lost over the scored metrics
      const sum = r.metrics.reduce((s, x) => s + Math.round((x.pointsLost ?? 0) * 100), 0)
      expect(sum).toBe(3451)
    })
  })

  describe('what-if (hand-checked)', () => {
    const others = [...nationalSummary().totals].filter(([c]) => c !== '66').map(([, t]) => t)

    it('3.6 at 95%: 3.6 = 6 × 0.95 = 5.70, TTTT 7.13, total 65.93, rank 12 instead of 13', () => {
      const r = province(['66', '--period', PERIOD, '--as-of', DAY1, '--what-if', '3.6=0.95'])
      expect(r.whatIf!.steps[0]).toMatchObject({
        metric: '3.6',
        group: 'TTTT',
        after: { metricScore: 5.7, groupScore: 7.13 },
      })
      expect(r.whatIf!.after).toEqual({ total: 65.93, rank: rankAmong(65.93, others), pointsGained: 0.44 })
      expect(r.whatIf!.after.rank).toBe(12)
      expect(r.whatIf!.before).toEqual({ total: 65.49, rank: 13 })
      expect(r.whatIf!.ranked).toBe(34)
    })

    it('3.3 at 45% (threshold 50%): 6 × 0.45 / 0.5 = 5.40, CLGQ 8.37, total 64.89, rank 14', () => {
      const r = province(['66', '--period', PERIOD, '--as-of', DAY1, '--what-if', '3.3=45%'])
      expect(r.whatIf!.steps[0]!.after).toEqual({ metricScore: 5.4, groupScore: 8.37, total: 64.89 })
      expect(r.whatIf!.after.rank).toBe(rankAmong(64.89, others))
      expect(r.whatIf!.after.rank).toBe(14)
    })

    it('two changes add up: PUBLISH_ON_TIME 41/82 (+3.00) and 3.6 at 95% (+0.44) -> 68.93, rank 8', () => {
      const r = province([
        '66',
        '--period',
        PERIOD,
        '--as-of',
        DAY1,
        '--what-if',
        'PUBLISH_ON_TIME=41/82',
        '--what-if',
        '3.6=95%',
      ])
      expect(r.whatIf!.steps.map((s) => s.after.groupScore)).toEqual([14.85, 7.13])
      expect(r.whatIf!.after).toMatchObject({ total: 68.93, pointsGained: 3.44 })
      expect(r.whatIf!.after.rank).toBe(rankAmong(68.93, others))
      expect(r.whatIf!.after.rank).toBe(8)
    })

    it('a bad --what-if is a usage error; an unknown metric says which exist', () => {
      expect(cli(home, ['province', '66', '--what-if', '3.3=55']).code).toBe(2)
      const r = cli(home, ['province', '66', '--what-if', '9.9=0.5'])
      expect(r.code).toBe(2)
      expect(r.stderr).toContain('DOSSIER_SYNC')
    })

    it('the table output shows the metric detail and the what-if', () => {
      const r = cli(home, ['province', 'Đắk Lắk', '--as-of', DAY1, '--what-if', '3.6=0.95'])
      expect(r.code, r.stderr).toBe(0)
      expect(r.stdout).toContain('PUBLISH_ON_TIME')
      expect(r.stdout).toContain('3.3*')
      expect(r.stdout).toMatch(/Tổng 65,49 → 65,93 \(\+0,44\), hạng 13 → 12 trên 34/)
    })
  })

  describe('readings: revisions, a missing group, idempotency', () => {
    it('the capture of the same period two days later is a second reading; a re-run adds nothing', () => {
      const readings = query<{ as_of: string; source_label: string; methodology: string }>(
        "select as_of, source_label, methodology from stg_readings where kind = 'portal-metrics' order by id",
      )
      expect(readings).toEqual([
        { as_of: DAY1, source_label: 'portal-metrics+service-results', methodology: 'v2025' },
        { as_of: DAY2, source_label: 'portal-metrics', methodology: 'v2025' },
      ])
      expect(first.json.snapshots).toBe(1)
      expect(second.json.snapshots).toBe(1)
      expect(third.json.snapshots).toBe(0)
      expect(query<{ n: number }>('select count(*) as n from mart_portal_scores')[0]!.n).toBe(34 + 2)
    })

    it('the default view stays on the national reading; the revision is one --as-of away', () => {
      // DAY2 ranks only the provinces whose own pages were captured: it must not become "the"
      // ranking (rank 1 of 34 on two provinces would mislead), so the default is DAY1's full table.
      expect(province(['66'])).toMatchObject({ asOf: DAY1, total: 65.49, rank: 13 })
      expect(cliJson<{ asOf: string; ranked: number }>(home, ['ranking', '--json']).json).toMatchObject({
        asOf: DAY1,
        ranked: 34,
      })
    })

    it('the revised reading shows the revision and the reported/computed difference as a finding', () => {
      const r = province(['66', '--as-of', DAY2])
      expect(r.asOf).toBe(DAY2)
      expect(r.total).toBe(DAK_LAK_REVISED_TOTAL)
      expect(r.rank).toBe(1)
      expect(r.metrics.find((x) => x.code === '3.3')).toMatchObject({ ratio: 45.09, computedScore: 5.41 })
      const f = r.findings.filter((x) => x.kind === 'score-mismatch')
      expect(f.map((x) => [x.code, x.diff])).toEqual([
        ['PUBLIC_UPDATE_ON_TIME', 0.05],
        ['CKMB', 0.05],
      ])
      expect(r.history.map((h) => [h.asOf, h.rank, h.total])).toEqual([
        [DAY1, 13, 65.49],
        [DAY2, null, DAK_LAK_REVISED_TOTAL], // two provinces ranked: no rank in the history
      ])
    })

    it('a province missing one group gets no total and no rank, and is listed as incomplete', () => {
      const r = province([PHU_THO, '--as-of', DAY2])
      expect(r).toMatchObject({ asOf: DAY2, total: null, rank: null, status: 'incomplete' })
      expect(r.groups.find((g) => g.code === 'MDSH')).toMatchObject({ score: null, rank: null })
      expect(r.groups.find((g) => g.code === 'CKMB')).toMatchObject({ score: 7.96, computedScore: 7.96 })
      const ranking = cliJson<{
        rows: Array<{ code: string; rank: number | null; total: number | null; status?: string }>
      }>(home, ['ranking', '--as-of', DAY2, '--json']).json
      expect(ranking.rows.find((x) => x.code === PHU_THO)).toMatchObject({
        rank: null,
        total: null,
        status: 'incomplete',
      })
      expect(ranking.rows.find((x) => x.code === '66')).toMatchObject({
        rank: 1,
        total: DAK_LAK_REVISED_TOTAL,
      })
    })

    it('status shows the score-mismatch findings', () => {
      const s = cliJson<{ findings: Array<{ kind: string; message: string; province_code: string }> }>(home, [
        'status',
        '--json',
      ]).json
      const mismatches = s.findings.filter((f) => f.kind === 'score-mismatch')
      expect(mismatches.length).toBeGreaterThanOrEqual(2)
      expect(mismatches[0]!.province_code).toBe('66')
      expect(mismatches.map((f) => f.message).join('\n')).toContain(
        'PUBLIC_UPDATE_ON_TIME: nguồn ghi 3.9, tính lại được 3.85',
      )
      const text = cli(home, ['status']).stdout
      expect(text).toContain('PUBLIC_UPDATE_ON_TIME')
    })
  })

  describe('ranking by metric', () => {
    it('--by 3.3 ranks the provinces captured that day and answers "N of M at or above 50%"', () => {
      const r = cliJson<{
        by: string
        asOf: string
        threshold: { ratio: number; atOrAbove: number; of: number; sentence: string; fullPoints: boolean }
        rows: Array<{
          rank: number | null
          code: string
          value: number | null
          metric: { ratio: number; atOrAbove: boolean }
        }>
      }>(home, ['ranking', '--by', '3.3', '--json']).json
      expect(r.by).toBe('3.3')
      expect(r.asOf).toBe(DAY2)
      // Phú Thọ 589496/597894 = 98.60% -> 6; Đắk Lắk 45.09% -> 5.41
      expect(r.rows.map((x) => [x.rank, x.code, x.value])).toEqual([
        [1, PHU_THO, 6],
        [2, '66', 5.41],
      ])
      expect(r.threshold).toMatchObject({ ratio: 50, atOrAbove: 1, of: 2, fullPoints: true })
      expect(r.threshold.sentence).toMatch(/^1\/2 tỉnh có 3\.3 .* từ 50% trở lên \(đủ điểm\)/)
    })

    it("--at-least and --province answer the leaders' questions directly", () => {
      const r = cli(home, ['ranking', '--by', '3.3', '--at-least', '99%', '--province', 'Phú Thọ'])
      expect(r.code, r.stderr).toBe(0)
      expect(r.stdout).toContain('0/2 tỉnh có 3.3')
      // two provinces captured that day: a place among them, not a national rank
      expect(r.stdout).toContain('Phú Thọ đứng thứ 1 trong 2 tỉnh có số liệu về 3.3')
      expect(r.stdout).toContain('không phải thứ hạng toàn quốc')
      const g = cliJson<{ focus: { rank: number; of: number; sentence: string } }>(home, [
        'ranking',
        '--by',
        'MDSH',
        '--as-of',
        DAY1,
        '--province',
        '66',
        '--json',
      ]).json
      // MDSH 9.08 against 50..74 totals' MDSH shares (22% of each total): 11.0 .. 16.28, all higher
      expect(g.focus).toMatchObject({ rank: 34, of: 34 })
      expect(g.focus.sentence).toBe(
        'Đắk Lắk xếp thứ 34/34 tỉnh, thành phố về MDSH (9,08), Năm 2026, số liệu đến ngày 10/10/2026.',
      )
    })

    it('an earlier day: only the province with metric detail has a value', () => {
      const r = cliJson<{
        rows: Array<{ code: string; rank: number | null; status?: string }>
        threshold: { of: number }
      }>(home, ['ranking', '--by', 'dossier_sync', '--as-of', DAY1, '--json']).json
      expect(r.rows.filter((x) => x.rank !== null).map((x) => x.code)).toEqual(['66'])
      expect(r.rows.filter((x) => x.status === 'no-value')).toHaveLength(33)
      expect(r.threshold.of).toBe(1)
    })
  })

  describe('--units: agencies and communes, each cohort ranked separately', () => {
    it('lists the portal units with their group scores and rank within their own cohort', () => {
      const r = cliJson<{
        portalUnits: {
          cohorts: Array<{ type: string; units: number; ranked: number }>
          units: Array<{
            code: string
            type: string
            level: string
            total: number | null
            rank: number | null
            groups: Record<string, number | null>
            mismatches: number
          }>
        }
      }>(home, ['province', '66', '--as-of', DAY1, '--units', '--json'])
      expect(r.code, r.stderr).toBe(0)
      const u = r.json.portalUnits
      expect(u.cohorts).toEqual([
        { type: 'PROVINCIAL_DEPARTMENT', label: 'Sở, ban, ngành', units: 1, ranked: 1 },
        { type: 'COMMUNE_PEOPLE_COMMITTEE', label: 'Xã, phường', units: 1, ranked: 0 },
      ])
      // Sở Tư pháp: CKMB 4.50+4+2+6 (reported, d = 0) = 16.50; TDGQ 1100/1200 -> 18.33; CLGQ 7.50;
      // TTTT 0; MDHL 6 + 6 + 6 = 18; MDSH 3 + 1 + 0.21 + 0 + 2 + 0.50 + 2 = 8.71 -> 69.04
      expect(u.units[0]).toMatchObject({
        code: 'H15.20',
        type: 'PROVINCIAL_DEPARTMENT',
        total: 69.04,
        rank: 1,
        groups: { CKMB: 16.5, TDGQ: 18.33, CLGQ: 7.5, TTTT: 0, MDHL: 18, MDSH: 8.71 },
      })
      // DOSSIER_SYNC reported 6 over 0/0 (the methodology gives null), so CKMB reported 16.50 vs computed 10.50
      expect(u.units[0]!.mismatches).toBe(2)
      expect(u.units[1]).toMatchObject({
        code: 'H15.150',
        type: 'COMMUNE_PEOPLE_COMMITTEE',
        total: null,
        rank: null,
      })
      expect(u.units[1]!.groups).toMatchObject({ CKMB: 11.85, TDGQ: 18.4, CLGQ: 6.4, TTTT: null })
    })
  })
})
