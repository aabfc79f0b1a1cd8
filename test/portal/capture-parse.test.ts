import { describe, expect, it } from 'vitest'
import {
  buildCaptures,
  buildServiceResults,
  type CaptureSet,
  envelope,
  PORTAL_BASE,
  payloadFor,
} from '../../fixtures/portal/build-captures.ts'
import {
  DAK_LAK,
  DAK_LAK_2026,
  DAK_LAK_2026_REPORTED,
  DAK_LAK_UNITS,
  PHU_THO,
  PHU_THO_2026,
  PHU_THO_UNITS,
} from '../../fixtures/portal/provinces.ts'
import { QdError } from '../../src/errors.ts'
import type { PortalCapture } from '../../src/portal/capture-types.ts'
import {
  ENDPOINT_GROUP,
  ENDPOINT_METRIC_CODES,
  PORTAL_ENDPOINTS,
  type PortalEndpoint,
} from '../../src/portal/endpoints.ts'
import { parsePortalCapture } from '../../src/portal/parse-capture.ts'
import { portalCaptureToScoringInput } from '../../src/portal/scoring-input.ts'
import { computeUnit, mergeUnitInputs } from '../../src/score/compute.ts'
import { methodologyById, methodologyFor, metricsOf } from '../../src/score/methodology.ts'

/** As if read from a file: only what survives JSON. */
const asFile = (x: unknown): unknown => JSON.parse(JSON.stringify(x))

const DAK = buildCaptures(DAK_LAK_2026, DAK_LAK_UNITS)
const SUMMARY = buildServiceResults([
  { department: DAK_LAK, groups: DAK_LAK_2026_REPORTED.groups, total: 65.49 },
  { department: PHU_THO, groups: PHU_THO_2026.reportedGroups as Record<string, number> as never },
])
const response = (e: PortalEndpoint): unknown =>
  e === 'service-results' ? SUMMARY : DAK[e as keyof CaptureSet]
const wrapped = (
  e: PortalEndpoint,
  period = '2026',
  capturedAt: string | null = '2026-10-10T08:00:00+07:00',
) => asFile(envelope(e, payloadFor(e, period, DAK_LAK.departmentId), capturedAt, response(e)))

function expectQdError(fn: () => unknown, code: string, column?: string): QdError {
  try {
    fn()
  } catch (err) {
    expect(err).toBeInstanceOf(QdError)
    const e = err as QdError
    expect(e.code).toBe(code)
    if (column !== undefined) expect(e.location.column).toBe(column)
    return e
  }
  throw new Error('expected a QdError')
}

describe('the seven endpoints', () => {
  const UNITS: Record<PortalEndpoint, number> = {
    transparency: 2,
    'dossier-digitized': 1,
    'handling-satisfaction': 1,
    'dvc-progress-tree': 2,
    'provide-online-tree': 2,
    'formality-online-payment-tree': 1,
    'service-results': 2,
  }
  for (const e of PORTAL_ENDPOINTS) {
    it(`${e}: in the envelope`, () => {
      const c = parsePortalCapture(wrapped(e), 'capture.json')
      expect([c.endpoint, c.endpointFrom, c.group, c.period.id, c.periodFrom, c.asOf, c.asOfFrom]).toEqual([
        e,
        'envelope',
        ENDPOINT_GROUP[e],
        '2026',
        'payload',
        '2026-10-10',
        'capturedAt',
      ])
      expect(c.units).toHaveLength(UNITS[e])
      expect(c.warnings).toEqual([])
    })
    it(`${e}: bare, recognised by its shape, period from the file name`, () => {
      const c = parsePortalCapture(asFile(response(e)), 'dak-lak 2026-Q3 2026-10-05.json')
      expect([c.endpoint, c.endpointFrom, c.period.id, c.periodFrom, c.asOf, c.asOfFrom, c.request]).toEqual([
        e,
        'shape',
        '2026-Q3',
        'file-name',
        '2026-10-05',
        'file-name',
        null,
      ])
    })
  }

  it('the envelope endpoint may be the full portal URL', () => {
    const body = asFile(
      envelope(
        `${PORTAL_BASE}dvc-progress-tree?x=1`,
        { timeType: 'year', year: 2026 },
        null,
        DAK['dvc-progress-tree'],
      ),
    )
    const c = parsePortalCapture(body, 'a.json')
    expect([c.endpoint, c.endpointFrom, c.asOf]).toEqual(['dvc-progress-tree', 'envelope', null])
  })

  it('falls back to the file name when the shape says nothing (no metrics yet)', () => {
    const empty = {
      code: 'OK',
      data: { overview: { departmentId: 'x', metrics: [] }, evaluation: [] },
      message: 'OK',
    }
    const c = parsePortalCapture(asFile(empty), 'DOSSIER_DIGITIZED_2026-08.json')
    expect([c.endpoint, c.endpointFrom, c.period.id]).toEqual(['dossier-digitized', 'file-name', '2026-08'])
  })

  it('form-A metric codes agree with the methodology groups', () => {
    const v2025 = methodologyById('v2025')
    for (const e of ['transparency', 'dossier-digitized', 'handling-satisfaction'] as const) {
      expect([...ENDPOINT_METRIC_CODES[e]!].sort()).toEqual(
        metricsOf(v2025, ENDPOINT_GROUP[e]!)
          .map((x) => x.code)
          .sort(),
      )
    }
  })
})

describe('period and as-of date', () => {
  const periodCases: Array<[string, Record<string, unknown>, string]> = [
    ['year', { timeType: 'year', year: 2026 }, '2026'],
    ['quarter', { timeType: 'quarter', year: 2026, quarter: 3 }, '2026-Q3'],
    ['month', { timeType: 'month', year: 2026, month: 8 }, '2026-08'],
    ['upper-case type and text year', { timeType: 'QUARTER', year: '2026', quarter: '2' }, '2026-Q2'],
    ['satisfaction, full year', { fromDate: '2026-01-01', toDate: '2026-12-31' }, '2026'],
    ['satisfaction, quarter', { fromDate: '2026-07-01', toDate: '2026-09-30' }, '2026-Q3'],
    ['satisfaction, month', { fromDate: '2026-08-01', toDate: '2026-08-31' }, '2026-08'],
  ]
  for (const [what, payload, want] of periodCases) {
    it(`payload ${what} -> ${want}`, () => {
      const c = parsePortalCapture(
        asFile(envelope('transparency', payload, null, DAK.transparency)),
        'x.json',
      )
      expect(c.period.id).toBe(want)
    })
  }

  it('the satisfaction payload the UI sends for a quarter maps back to that quarter', () => {
    const c = parsePortalCapture(
      wrapped('handling-satisfaction', '2026-Q3', '2026-10-01T09:00:00+07:00'),
      'x.json',
    )
    expect([c.period.id, c.period.start, c.period.end]).toEqual(['2026-Q3', '2026-07-01', '2026-09-30'])
  })

  const nameCases: Array<[string, string, string | null]> = [
    ['transparency 2026.json', '2026', null],
    ['tien-do_2026-Q3.json', '2026-Q3', null],
    ['Q4-2025 payment.json', '2025-Q4', null],
    ['thang 2026-08 (2026-09-02).json', '2026-08', '2026-09-02'],
  ]
  for (const [name, period, asOf] of nameCases) {
    it(`file name "${name}" -> ${period}, as-of ${asOf}`, () => {
      const c = parsePortalCapture(asFile(DAK['dvc-progress-tree']), name)
      expect([c.period.id, c.asOf]).toEqual([period, asOf])
    })
  }

  it('the payload wins over the file name, with a warning', () => {
    const c = parsePortalCapture(wrapped('transparency', '2026-Q3'), 'transparency-2026-08.json')
    expect(c.period.id).toBe('2026-Q3')
    expect(c.warnings.join(' ')).toMatch(/2026-08.*2026-Q3/)
  })

  it('capturedAt in UTC late evening is already the next day in Vietnam', () => {
    const c = parsePortalCapture(wrapped('transparency', '2026', '2026-10-09T20:30:00Z'), 'x.json')
    expect([c.asOf, c.capturedAt]).toEqual(['2026-10-10', '2026-10-09T20:30:00Z'])
  })

  it('no period anywhere is rejected with naming advice', () => {
    const e = expectQdError(
      () => parsePortalCapture(asFile(DAK.transparency), 'capture.json'),
      'missing-period',
    )
    expect(e.message).toMatch(/2026-Q3/)
  })

  it('a capture dated before its period starts is rejected', () => {
    expectQdError(
      () => parsePortalCapture(wrapped('transparency', '2026-Q4', '2026-09-01T10:00:00+07:00'), 'x.json'),
      'bad-period',
      'capturedAt',
    )
  })

  const badPayloads: Array<[string, Record<string, unknown>, string]> = [
    ['unknown timeType', { timeType: 'week', year: 2026 }, 'request.payload.timeType'],
    ['quarter 5', { timeType: 'quarter', year: 2026, quarter: 5 }, 'request.payload.quarter'],
    ['month missing', { timeType: 'month', year: 2026 }, 'request.payload.month'],
    ['range that is no period', { fromDate: '2026-01-15', toDate: '2026-02-14' }, 'request.payload.fromDate'],
  ]
  for (const [what, payload, column] of badPayloads) {
    it(`bad payload: ${what}`, () => {
      expectQdError(
        () => parsePortalCapture(asFile(envelope('transparency', payload, null, DAK.transparency)), 'x.json'),
        'bad-period',
        column,
      )
    })
  }

  it('an unreadable capturedAt is a bad value', () => {
    expectQdError(
      () => parsePortalCapture(wrapped('transparency', '2026', '10/10/2026'), 'x.json'),
      'bad-value',
      'capturedAt',
    )
  })
})

describe('every field is kept', () => {
  it('form A: units, metrics, nulls, data-quality flags and unknown keys', () => {
    const raw = structuredClone(DAK.transparency) as { data: Record<string, unknown> }
    const overview = raw.data.overview as Record<string, unknown> & {
      metrics: Array<Record<string, unknown>>
    }
    overview.metrics[0]!.weight = 1.5
    overview.newPortalField = { a: [1, 2] }
    raw.data.pagination = { currentPage: 1, pageSize: 200, total: 2 }
    const c = parsePortalCapture(asFile(raw), 'transparency-2026.json')
    expect(c.overview).toMatchObject({
      path: 'data.overview',
      role: 'overview',
      departmentId: DAK_LAK.departmentId,
      departmentName: 'UBND tỉnh Đắk Lắk',
      departmentCode: null, // transparency units carry no departmentCode, as on the portal
      departmentType: 'PROVINCE',
      departmentLevel: 'PROVINCE',
      totalScore: 11.85,
      totalMaxScore: 18,
      scoreDelta: null,
      extra: { stt: 1, agencyLevel: 'level_1', averageScore: 9.1, newPortalField: { a: [1, 2] } },
    })
    expect(c.overview!.metrics[0]).toMatchObject({
      path: 'data.overview.metrics[0]',
      code: 'PUBLISH_ON_TIME',
      numerator: 0,
      denominator: 82,
      score: 0,
      extra: { weight: 1.5 },
    })
    expect(c.extra).toEqual({
      'data.monthlyChart': [],
      'data.pagination': { currentPage: 1, pageSize: 200, total: 2 },
    })
    const sync = c.units[0]!.metrics.find((x) => x.code === 'DOSSIER_SYNC')!
    expect([sync.numerator, sync.denominator, sync.score, sync.dataQualityStatus]).toEqual([
      0,
      0,
      6,
      'LAST_YEAR_AVERAGE',
    ])
  })

  it('form A: the certified copy null/null stays null', () => {
    const c = parsePortalCapture(
      asFile(buildCaptures(PHU_THO_2026)['dossier-digitized']),
      'dossier-digitized-2026.json',
    )
    expect(c.overview!.metrics.find((x) => x.code === 'ELECTRONIC_CERTIFIED_COPY')).toMatchObject({
      numerator: null,
      denominator: null,
      ratio: 100,
      score: 2,
    })
    expect(c.overview!.departmentCode).toBe('H44')
  })

  it('form B: progress children use score/maxScore and level, mapped to the usual names', () => {
    const c = parsePortalCapture(
      asFile(buildCaptures(PHU_THO_2026, PHU_THO_UNITS)['dvc-progress-tree']),
      'p-2026.json',
    )
    expect(c.overview).toMatchObject({
      departmentCode: 'H44',
      totalScore: 17.68,
      parameters: {
        totalReceived: 597918,
        totalOnTime: 528684,
        totalCompleted: 490441,
        avgProcessingDays: 4.1,
      },
    })
    expect(c.units[1]).toMatchObject({
      path: 'data.children[1]',
      departmentCode: 'H44.13',
      departmentLevel: 'PROVINCE',
      totalScore: 12,
      totalMaxScore: 20,
      parameters: { totalReceived: 5, totalOnTime: 3, totalOverdue: 2, avgProcessingDays: 11.81 },
      extra: {},
    })
  })

  it('form B: online children carry only scores', () => {
    const c = parsePortalCapture(
      asFile(buildCaptures(PHU_THO_2026, PHU_THO_UNITS)['provide-online-tree']),
      'o-2026.json',
    )
    expect(c.units.map((u) => [u.departmentCode, u.totalScore, u.parameters])).toEqual([
      ['H44.01', 6, {}],
      ['H44.13', 6.67, {}],
    ])
    expect(c.overview!.parameters.channelTotalSum).toBe(597894)
  })

  it('service-results: the nation as overview, provinces with groupScores', () => {
    const c = parsePortalCapture(wrapped('service-results'), 'summary.json')
    expect(c.overview).toMatchObject({ departmentName: 'Cả nước', departmentId: null })
    expect(c.units[0]).toMatchObject({
      departmentCode: 'H15',
      totalScore: 65.49,
      groupScores: DAK_LAK_2026_REPORTED.groups,
    })
    expect(c.request?.payload).toEqual({
      timeType: 'year',
      year: 2026,
      departmentType: 'ADMINISTRATIVE_UNIT',
    })
  })

  it('envelope extras are kept', () => {
    const body = wrapped('transparency') as Record<string, unknown>
    body.tool = 'crawler 1.2'
    const c = parsePortalCapture(body, 'x.json')
    expect(c.extra.tool).toBe('crawler 1.2')
    expect(c.rootDepartmentId).toBe(DAK_LAK.departmentId)
  })
})

describe('errors point at the JSON path and say what to do', () => {
  it('a text numerator in a unit metric', () => {
    const raw = structuredClone(DAK.transparency) as {
      data: { evaluation: Array<{ metrics: Array<Record<string, unknown>> }> }
    }
    raw.data.evaluation[1]!.metrics[2]!.numerator = '79,0'
    const e = expectQdError(
      () => parsePortalCapture(asFile(raw), 'transparency-2026.json'),
      'bad-value',
      'data.evaluation[1].metrics[2].numerator',
    )
    expect(e.location.file).toBe('transparency-2026.json')
    expect(e.message).toContain('"79,0" (văn bản)')
    expect(e.expected).toBe('một số hoặc null')
  })

  it('inside an envelope the path starts at response', () => {
    const body = wrapped('dvc-progress-tree') as {
      response: { data: { children: Array<Record<string, unknown>> } }
    }
    body.response.data.children[0]!.totalOnTime = 'n/a'
    expectQdError(
      () => parsePortalCapture(body, 'x.json'),
      'bad-value',
      'response.data.children[0].totalOnTime',
    )
  })

  it('a unit without departmentId', () => {
    const raw = structuredClone(DAK['handling-satisfaction']) as {
      data: { overview: Record<string, unknown> }
    }
    delete raw.data.overview.departmentId
    const e = expectQdError(
      () => parsePortalCapture(asFile(raw), 's-2026.json'),
      'bad-value',
      'data.overview.departmentId',
    )
    expect(e.message).toContain('thiếu khoá')
  })

  it('a portal error answer', () => {
    const body = { code: 'ERROR', message: 'Too many requests', data: {} }
    expectQdError(() => parsePortalCapture(body, 'x-2026.json'), 'inconsistent', 'code')
  })

  it('an envelope naming one endpoint around another endpoint’s response', () => {
    const body = asFile(
      envelope('transparency', { timeType: 'year', year: 2026 }, null, DAK['formality-online-payment-tree']),
    )
    expectQdError(() => parsePortalCapture(body, 'x.json'), 'inconsistent', 'request.endpoint')
  })

  it('an envelope with an endpoint we do not read', () => {
    const body = asFile(envelope('formalities', { year: 2026 }, null, DAK.transparency))
    expectQdError(() => parsePortalCapture(body, 'x.json'), 'unrecognised', 'request.endpoint')
  })

  it('something that is not a portal response at all', () => {
    expectQdError(() => parsePortalCapture([1, 2, 3], 'x-2026.json'), 'unrecognised', 'data')
    expectQdError(
      () => parsePortalCapture({ code: 'OK', data: { rows: [] } }, 'export-2026.json'),
      'unrecognised',
    )
  })

  it('a misleading file name is overruled by the content, with a warning', () => {
    const c = parsePortalCapture(asFile(DAK.transparency), 'provide-online-tree-2026.json')
    expect(c.endpoint).toBe('transparency')
    expect(c.warnings[0]).toContain('provide-online-tree')
  })
})

describe('captures -> scoring input -> scores', () => {
  function parseAll(set: CaptureSet, root: string): PortalCapture[] {
    return (Object.keys(set) as Array<keyof CaptureSet>).map((e) =>
      parsePortalCapture(
        asFile(envelope(e, payloadFor(e, '2026', root), '2026-10-10T08:00:00+07:00', set[e])),
        `${e}.json`,
      ),
    )
  }

  it('Đắk Lắk: the seven captures give 65.49, the portal total, with no findings', () => {
    const captures = parseAll(DAK, DAK_LAK.departmentId)
    const summary = parsePortalCapture(wrapped('service-results'), 'summary.json')
    const input = mergeUnitInputs(
      ...captures.map((c) => portalCaptureToScoringInput(c)),
      portalCaptureToScoringInput(summary, 'H15'),
    )
    const r = computeUnit(methodologyFor(captures[0]!.asOf!), input)
    expect([r.methodologyVersion, r.total, r.computedTotal, r.reportedTotal]).toEqual([
      'v2025',
      65.49,
      65.49,
      65.49,
    ])
    expect(r.findings).toEqual([])
    const payment = captures.find((c) => c.endpoint === 'formality-online-payment-tree')!
    expect(portalCaptureToScoringInput(payment).groups[0]!.params).toMatchObject({ totalFeeFormality: 376 })
  })

  it('Phú Thọ (real figures) and one of its real units', () => {
    const captures = parseAll(buildCaptures(PHU_THO_2026, PHU_THO_UNITS), PHU_THO.departmentId)
    const v = methodologyFor('2026-10-10')
    const province = computeUnit(v, mergeUnitInputs(...captures.map((c) => portalCaptureToScoringInput(c))))
    expect([province.total, province.findings]).toEqual([61.89, []])
    // Units are matched by departmentId: transparency and satisfaction units carry no departmentCode.
    const officeId = PHU_THO_UNITS[0]!.department.departmentId
    const transparency = captures.find((c) => c.endpoint === 'transparency')!
    expect(() => portalCaptureToScoringInput(transparency, 'H44.01')).toThrow(/departmentId/)
    const office = computeUnit(
      v,
      mergeUnitInputs(...captures.map((c) => portalCaptureToScoringInput(c, officeId))),
    )
    expect(office.groups.map((g) => [g.code, g.computedScore, g.reportedScore])).toEqual([
      ['CKMB', 7.96, 7.96],
      ['TDGQ', 19.38, 19.38],
      ['CLGQ', null, 6], // children of provide-online-tree carry no parameters
      ['TTTT', 0, 0],
      ['MDHL', 18, 18],
      ['MDSH', 4.43, 4.43],
    ])
    expect(office.total).toBe(55.77)
  })

  it('service-results needs a province, and knows it by UUID or H-code', () => {
    const summary = parsePortalCapture(wrapped('service-results'), 'summary.json')
    expectQdError(() => portalCaptureToScoringInput(summary), 'bad-value')
    expectQdError(() => portalCaptureToScoringInput(summary, 'H99'), 'unknown-province')
    const input = portalCaptureToScoringInput(summary, DAK_LAK.departmentId)
    expect(input.groups.map((g) => [g.code, g.reportedScore])).toEqual(
      Object.entries(DAK_LAK_2026_REPORTED.groups),
    )
    expect(computeUnit(methodologyFor('2026-10-10'), input).total).toBe(65.49)
  })
})
