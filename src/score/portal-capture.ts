/**
 * Parser for captures of the national portal's evaluation API (inputs.md §B):
 * `POST https://dichvucong.gov.vn/api/v1/reporting/evaluation/<endpoint>`, saved either as the bare
 * response `{"code", "data", "message"}` or inside the capture envelope
 * `{"request": {"endpoint", "payload"}, "capturedAt", "response"}`.
 *
 * Three shapes:
 * - form A (transparency, dossier-digitized, handling-satisfaction): data.overview + data.evaluation[],
 *   each unit with metrics[] {code, name, numerator, denominator, ratio, score, maxScore};
 * - form B (dvc-progress-tree, provide-online-tree, formality-online-payment-tree): data.parent +
 *   data.children[], each unit with tree parameters (totalOnTime, authorityCount, ...);
 * - service-results (the national summary): data.evaluation[] of provinces with groupScores.
 *
 * Pure: JSON in, a typed capture out. Every field is kept (unknown keys go to `extra`), null stays
 * null, the portal's scores are kept as reported. Problems are QdErrors whose location.column is the
 * JSON path of the offending value (e.g. `data.evaluation[3].metrics[2].numerator`).
 *
 * ### Example
 * ```ts
 * const capture = parsePortalCapture(JSON.parse(text), 'transparency-2026.json')
 * capture.endpoint       // 'transparency'
 * capture.period.id      // '2026'
 * const input = mergeUnitInputs(...captures.map((c) => portalCaptureToScoringInput(c)))
 * computeUnit(methodologyFor(capture.asOf ?? capture.period.end), input)
 * ```
 */
import { z } from 'zod'
import { QdError } from '../errors.ts'
import { GROUP_CODES, type GroupCode } from '../reference/groups.ts'
import {
  factsFromFileName,
  isIsoDate,
  makePeriod,
  type Period,
  periodFromRange,
} from '../reference/period.ts'
import type { GroupInput, MetricInput, UnitInput } from './compute.ts'

export const PORTAL_ENDPOINTS = [
  'transparency',
  'dossier-digitized',
  'handling-satisfaction',
  'dvc-progress-tree',
  'provide-online-tree',
  'formality-online-payment-tree',
  'service-results',
] as const
export type PortalEndpoint = (typeof PORTAL_ENDPOINTS)[number]

/** The group each endpoint scores (service-results carries all six). */
export const ENDPOINT_GROUP: Readonly<Record<PortalEndpoint, GroupCode | null>> = {
  transparency: 'CKMB',
  'dossier-digitized': 'MDSH',
  'handling-satisfaction': 'MDHL',
  'dvc-progress-tree': 'TDGQ',
  'provide-online-tree': 'CLGQ',
  'formality-online-payment-tree': 'TTTT',
  'service-results': null,
}

export type CaptureForm = 'A' | 'B' | 'summary'
export const ENDPOINT_FORM: Readonly<Record<PortalEndpoint, CaptureForm>> = {
  transparency: 'A',
  'dossier-digitized': 'A',
  'handling-satisfaction': 'A',
  'dvc-progress-tree': 'B',
  'provide-online-tree': 'B',
  'formality-online-payment-tree': 'B',
  'service-results': 'summary',
}

/** Metric codes the form-A endpoints return (methodology.md §3); used to recognise a bare response. */
export const ENDPOINT_METRIC_CODES: Readonly<Partial<Record<PortalEndpoint, readonly string[]>>> = {
  transparency: ['PUBLISH_ON_TIME', 'PUBLIC_UPDATE_ON_TIME', 'PUBLIC_CONTENT_FULL', 'DOSSIER_SYNC'],
  'handling-satisfaction': [
    'PETITION_PROCESSING_ON_TIME',
    'PETITION_HANDLING_SATISFACTION',
    'DOSSIER_RECEIVING_SATISFACTION',
    'PETITION_CLASSIFICATION_TTHC',
    'PETITION_CLASSIFICATION_STAFF',
  ],
  'dossier-digitized': [
    'ORIGINAL_RESULT_AVAILABLE',
    'SO_HOA_GIAY_TO_GIAI_QUYET',
    'REUSED_DIGITIZED_DATA',
    'SYNCED_WITH_DVCQG_PERSONAL_STORAGE',
    'CITIZEN_DATA_CONNECTED_DOSSIER',
    'CITIZEN_DATA_CONNECTED_FORMALITY',
    'ELECTRONIC_CERTIFIED_COPY',
  ],
}

/** Tree parameters of the form-B endpoints (inputs.md §B); parents and children may carry them. */
export const ENDPOINT_PARAMETERS: Readonly<Partial<Record<PortalEndpoint, readonly string[]>>> = {
  'dvc-progress-tree': [
    'totalReceived',
    'totalOnTime',
    'totalCompleted',
    'totalOverdue',
    'avgProcessingDays',
  ],
  'provide-online-tree': [
    'authorityCount',
    'partialCount',
    'fullCount',
    'onlineDossierCount',
    'onlineServiceTotal',
    'channelOnlineSum',
    'channelDirectSum',
    'channelPostalSum',
    'channelTotalSum',
    'onlineOnTimeSum',
    'onlineOverdueSum',
  ],
  'formality-online-payment-tree': [
    'totalDossierOnlinePaymentSuccess',
    'totalDossierFinancialObligation',
    'totalDossierOnlineFormalityPaymentSuccess',
    'totalFeeDossierFormalityDistinct',
    'totalFeeDossierFormality',
    'totalFeeFormality',
  ],
}

export interface CaptureMetric {
  /** JSON path in the file, e.g. `data.evaluation[3].metrics[2]`. */
  path: string
  code: string
  name: string | null
  numerator: number | null
  denominator: number | null
  /** Percent (0–100) with 2 decimals, as reported. */
  ratio: number | null
  score: number | null
  maxScore: number | null
  dataQualityStatus: string | null
  dataQualityMessage: string | null
  /** Every other key of the metric, untouched. */
  extra: Record<string, unknown>
}

export interface CaptureUnit {
  path: string
  /** overview = data.overview / data.parent (the province, or the nation for service-results). */
  role: 'overview' | 'unit'
  departmentId: string | null
  departmentName: string | null
  /** H-code such as H44, or H44.01 for a child. */
  departmentCode: string | null
  /** PROVINCE | PROVINCIAL_DEPARTMENT | COMMUNE_PEOPLE_COMMITTEE. */
  departmentType: string | null
  /** departmentLevel, or `level` on form-B children (PROVINCE | COMMUNE). */
  departmentLevel: string | null
  /** totalScore, or `score` on dvc-progress-tree children. */
  totalScore: number | null
  /** totalMaxScore, or `maxScore` on dvc-progress-tree children. */
  totalMaxScore: number | null
  ratio: number | null
  scoreDelta: number | null
  /** Form A only; [] otherwise. */
  metrics: CaptureMetric[]
  /** Form B tree parameters present on this unit (numbers or null); {} otherwise. */
  parameters: Record<string, number | null>
  /** service-results only; null otherwise. */
  groupScores: Partial<Record<GroupCode, number | null>> | null
  /** Every other key, untouched (stt, agencyLevel, totalPetitions, averageScore, ...). */
  extra: Record<string, unknown>
}

export interface PortalCapture {
  fileName: string
  endpoint: PortalEndpoint
  /** How the endpoint was known: the envelope's request, the JSON shape, or the file name. */
  endpointFrom: 'envelope' | 'shape' | 'file-name'
  form: CaptureForm
  /** The group this capture scores; null for service-results (all six). */
  group: GroupCode | null
  period: Period
  periodFrom: 'payload' | 'file-name'
  /** ISO date of the reading (capturedAt in Vietnam time, else a file-name date), or null. */
  asOf: string | null
  asOfFrom: 'capturedAt' | 'file-name' | null
  /** capturedAt exactly as written in the envelope. */
  capturedAt: string | null
  /** The envelope's request, as written; null for a bare response. */
  request: { endpoint: string | null; payload: Record<string, unknown> | null } | null
  /** The payload's rootDepartmentId (the province UUID), if any. */
  rootDepartmentId: string | null
  responseCode: string | null
  responseMessage: string | null
  /** data.overview / data.parent. */
  overview: CaptureUnit | null
  /** data.evaluation[] / data.children[], in file order. */
  units: CaptureUnit[]
  /**
   * Every other key, by its JSON path: of `data` ("data.pagination", "data.monthlyChart", "data.source";
   * "response.data.…" inside an envelope), of the response ("traceId", or "response.traceId" inside an envelope), of the envelope
   * ("tool") and of its request ("request.method").
   */
  extra: Record<string, unknown>
  /** Things a person may want to check that do not stop the file (e.g. file name disagrees with payload). */
  warnings: string[]
}

// ---------------------------------------------------------------------------------------------
// Schemas. looseObject everywhere: unknown keys survive, known keys are type-checked.

const num = z.number().nullable().optional()
const str = z.string().nullable().optional()

const metricSchema = z.looseObject({
  code: z.string().min(1),
  name: str,
  numerator: num,
  denominator: num,
  ratio: num,
  score: num,
  maxScore: num,
  dataQualityStatus: str,
  dataQualityMessage: str,
})

const unitShape = {
  departmentId: z.string().min(1),
  departmentName: str,
  departmentCode: str,
  departmentType: str,
  departmentLevel: str,
  level: str,
  totalScore: num,
  totalMaxScore: num,
  ratio: num,
  scoreDelta: num,
  score: num,
  maxScore: num,
}
const UNIT_KEYS = new Set(Object.keys(unitShape))

const paramShape = (endpoint: PortalEndpoint) =>
  Object.fromEntries((ENDPOINT_PARAMETERS[endpoint] ?? []).map((k) => [k, num])) as Record<string, typeof num>

const formAUnit = z.looseObject({ ...unitShape, metrics: z.array(metricSchema) })
const formBUnit = (e: PortalEndpoint) => z.looseObject({ ...unitShape, ...paramShape(e) })
const groupScoresSchema = z.looseObject(
  Object.fromEntries(GROUP_CODES.map((c) => [c, num])) as Record<GroupCode, typeof num>,
)
const summaryUnit = z.looseObject({ ...unitShape, groupScores: groupScoresSchema })
const nationalOverview = z.looseObject({ ...unitShape, departmentId: str })

const formAData = z.looseObject({ overview: formAUnit, evaluation: z.array(formAUnit) })
const summaryData = z.looseObject({ overview: nationalOverview.optional(), evaluation: z.array(summaryUnit) })
const treeData = Object.fromEntries(
  (['dvc-progress-tree', 'provide-online-tree', 'formality-online-payment-tree'] as const).map((e) => [
    e,
    z.looseObject({ parent: formBUnit(e), children: z.array(formBUnit(e)) }),
  ]),
) as Partial<Record<PortalEndpoint, z.ZodType>>

function dataSchemaFor(e: PortalEndpoint): z.ZodType {
  const form = ENDPOINT_FORM[e]
  return form === 'A' ? formAData : form === 'summary' ? summaryData : treeData[e]!
}

// ---------------------------------------------------------------------------------------------

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

function pathString(prefix: string, path: ReadonlyArray<PropertyKey>): string {
  let s = prefix
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s === '' ? String(p) : `.${String(p)}`
  return s
}

function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing (the key is missing)'
  if (v === null) return 'null'
  if (typeof v === 'string') return `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}" (text)`
  if (Array.isArray(v)) return 'a list'
  if (typeof v === 'object') return 'an object'
  return `${String(v)} (${typeof v})`
}

function endpointFromString(s: string): PortalEndpoint | null {
  const seg = s.split(/[?#]/)[0]!.replace(/\/+$/, '').split('/').pop()!.trim().toLowerCase()
  return (PORTAL_ENDPOINTS as readonly string[]).includes(seg) ? (seg as PortalEndpoint) : null
}

function endpointFromFileName(name: string): PortalEndpoint | null {
  const base = name.toLowerCase().replace(/_/g, '-')
  // Longest first so "provide-online-tree" is not mistaken for something shorter.
  const hit = [...PORTAL_ENDPOINTS].sort((a, b) => b.length - a.length).find((e) => base.includes(e))
  return hit ?? null
}

/** Recognises the endpoint from which keys and metric codes the response carries. */
function endpointFromShape(data: Record<string, unknown>): PortalEndpoint | null {
  const evaluation = Array.isArray(data.evaluation) ? data.evaluation : null
  if (evaluation?.some((u) => isObj(u) && 'groupScores' in u)) return 'service-results'
  if (isObj(data.parent) || Array.isArray(data.children)) {
    const probe = [data.parent, ...(Array.isArray(data.children) ? data.children.slice(0, 3) : [])].filter(
      isObj,
    )
    const hits = (
      ['dvc-progress-tree', 'provide-online-tree', 'formality-online-payment-tree'] as const
    ).filter((e) => probe.some((u) => (ENDPOINT_PARAMETERS[e] ?? []).some((k) => k in u)))
    return hits.length === 1 ? hits[0]! : null
  }
  const units = [data.overview, ...(evaluation ?? []).slice(0, 3)].filter(isObj)
  const codes = new Set<string>()
  for (const u of units) {
    if (Array.isArray(u.metrics))
      for (const m of u.metrics) if (isObj(m) && typeof m.code === 'string') codes.add(m.code)
  }
  const hits = (['transparency', 'dossier-digitized', 'handling-satisfaction'] as const).filter((e) =>
    (ENDPOINT_METRIC_CODES[e] ?? []).some((c) => codes.has(c)),
  )
  return hits.length === 1 ? hits[0]! : null
}

const TYPE_WORDS: Record<string, string> = {
  number: 'a number',
  string: 'text',
  array: 'a list',
  object: 'an object',
}

const NAMING_HINT =
  'Save the capture with its envelope {"request": {"endpoint", "payload"}, "capturedAt", "response"}, or name the file ' +
  'with the endpoint and period, e.g. "transparency-2026-Q3-2026-10-05.json" (period 2026-Q3, read on 2026-10-05).'

function int(v: unknown): number | null {
  if (typeof v === 'number' && Number.isInteger(v)) return v
  if (typeof v === 'string' && /^\d+$/.test(v.trim())) return Number(v.trim())
  return null
}

function periodFromPayload(payload: Record<string, unknown>, file: string, at: string): Period | null {
  const bad = (key: string, expected: string) =>
    new QdError(
      'bad-period',
      `The request payload's ${key} is ${describeValue(payload[key])}; expected ${expected}.`,
      {
        location: { file, column: `${at}.${key}` },
        expected,
        found: describeValue(payload[key]),
      },
    )
  if (payload.timeType !== undefined && payload.timeType !== null) {
    const type = String(payload.timeType).trim().toLowerCase()
    const year = int(payload.year)
    if (year === null || year < 2000 || year > 2100) throw bad('year', 'a year such as 2026')
    if (type === 'year') return makePeriod('year', year, null)
    if (type === 'quarter') {
      const q = int(payload.quarter)
      if (q === null || q < 1 || q > 4) throw bad('quarter', 'a quarter 1-4')
      return makePeriod('quarter', year, q)
    }
    if (type === 'month') {
      const mo = int(payload.month)
      if (mo === null || mo < 1 || mo > 12) throw bad('month', 'a month 1-12')
      return makePeriod('month', year, mo)
    }
    throw bad('timeType', 'year, quarter or month')
  }
  if (payload.fromDate !== undefined || payload.toDate !== undefined) {
    const from = typeof payload.fromDate === 'string' ? payload.fromDate.slice(0, 10) : ''
    const to = typeof payload.toDate === 'string' ? payload.toDate.slice(0, 10) : ''
    if (!isIsoDate(from)) throw bad('fromDate', 'a date YYYY-MM-DD')
    if (!isIsoDate(to)) throw bad('toDate', 'a date YYYY-MM-DD')
    const p = periodFromRange(from, to)
    if (!p) {
      throw new QdError(
        'bad-period',
        `The range ${from}..${to} is not a month, quarter or year (it must start on the first day of one and end inside it).`,
        {
          location: { file, column: `${at}.fromDate` },
          expected: 'a month, quarter or year range',
          found: `${from}..${to}`,
        },
      )
    }
    return p
  }
  if (payload.year !== undefined) {
    // A year without timeType: the portal's default view is the year.
    const year = int(payload.year)
    if (year === null || year < 2000 || year > 2100) throw bad('year', 'a year such as 2026')
    return makePeriod('year', year, null)
  }
  return null
}

/** The calendar date of an ISO timestamp in Vietnam (UTC+7, no DST); a bare date is taken as is. */
function vietnamDate(s: string): string | null {
  const t = s.trim()
  if (isIsoDate(t)) return t
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(t)
  if (!m || !isIsoDate(m[1]!)) return null
  if (!m[5]) return m[1]! // local time as written: its date
  const ms = Date.parse(t.replace(' ', 'T'))
  if (Number.isNaN(ms)) return null
  return new Date(ms + 7 * 3600_000).toISOString().slice(0, 10)
}

function pick(o: Record<string, unknown>, known: Set<string>): Record<string, unknown> {
  const extra: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(o)) if (!known.has(k)) extra[k] = v
  return extra
}

const METRIC_KEYS = new Set(Object.keys(metricSchema.shape))

function toUnit(
  o: Record<string, unknown>,
  path: string,
  role: CaptureUnit['role'],
  endpoint: PortalEndpoint,
): CaptureUnit {
  const params = ENDPOINT_PARAMETERS[endpoint] ?? []
  const known = new Set([...UNIT_KEYS, ...params, 'metrics', 'groupScores'])
  const s = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : null)
  const n = (k: string) => (typeof o[k] === 'number' ? (o[k] as number) : null)
  const parameters: Record<string, number | null> = {}
  for (const k of params) if (k in o) parameters[k] = n(k)
  const metrics: CaptureMetric[] = Array.isArray(o.metrics)
    ? (o.metrics as Record<string, unknown>[]).map((m, i) => ({
        path: `${path}.metrics[${i}]`,
        code: m.code as string,
        name: typeof m.name === 'string' ? m.name : null,
        numerator: typeof m.numerator === 'number' ? m.numerator : null,
        denominator: typeof m.denominator === 'number' ? m.denominator : null,
        ratio: typeof m.ratio === 'number' ? m.ratio : null,
        score: typeof m.score === 'number' ? m.score : null,
        maxScore: typeof m.maxScore === 'number' ? m.maxScore : null,
        dataQualityStatus: typeof m.dataQualityStatus === 'string' ? m.dataQualityStatus : null,
        dataQualityMessage: typeof m.dataQualityMessage === 'string' ? m.dataQualityMessage : null,
        extra: pick(m, METRIC_KEYS),
      }))
    : []
  let groupScores: CaptureUnit['groupScores'] = null
  if (isObj(o.groupScores)) {
    groupScores = {}
    for (const c of GROUP_CODES) {
      if (c in o.groupScores)
        groupScores[c] = typeof o.groupScores[c] === 'number' ? (o.groupScores[c] as number) : null
    }
  }
  // Form-B children spell some fields differently (level, score, maxScore). The mapped field takes the
  // usual spelling first; an alternative spelling that was not used (both present) stays in extra.
  if (typeof o.departmentLevel === 'string' && 'level' in o) known.delete('level')
  if (typeof o.totalScore === 'number' && 'score' in o) known.delete('score')
  if (typeof o.totalMaxScore === 'number' && 'maxScore' in o) known.delete('maxScore')
  const extra = pick(o, known)
  // groupScores with keys beyond the six codes: keep the whole object as received.
  if (
    isObj(o.groupScores) &&
    Object.keys(o.groupScores).some((k) => !(GROUP_CODES as readonly string[]).includes(k))
  ) {
    extra.groupScores = o.groupScores
  }
  return {
    path,
    role,
    departmentId: s('departmentId'),
    departmentName: s('departmentName'),
    departmentCode: s('departmentCode'),
    departmentType: s('departmentType'),
    departmentLevel: s('departmentLevel') ?? s('level'),
    totalScore: n('totalScore') ?? n('score'),
    totalMaxScore: n('totalMaxScore') ?? n('maxScore'),
    ratio: n('ratio'),
    scoreDelta: n('scoreDelta'),
    metrics,
    parameters,
    groupScores,
    extra,
  }
}

/**
 * Parses one portal capture. `json` is the parsed file; `fileName` is used for messages and, when the
 * JSON does not say, for the endpoint, the period and the as-of date.
 *
 * Endpoint: the envelope's request.endpoint, else the JSON shape (groupScores; tree parameters; metric
 * codes), else the file name. Period: the payload (timeType + year/quarter/month, or the
 * satisfaction endpoint's fromDate/toDate), else file-name tokens (2026, 2026-Q3, 2026-08). As-of:
 * capturedAt (date in Vietnam time), else a file-name date (2026-10-10), else null.
 *
 * Throws QdError: 'unrecognised' (not a portal capture / endpoint unknown), 'bad-value' (a field of
 * the wrong type; location.column = its JSON path), 'inconsistent' (envelope and shape disagree,
 * response code not OK), 'missing-period' / 'bad-period'.
 */
export function parsePortalCapture(json: unknown, fileName: string): PortalCapture {
  const file = fileName
  const warnings: string[] = []
  const extra: Record<string, unknown> = {}
  let response: unknown = json
  let prefix = ''
  let request: PortalCapture['request'] = null
  let capturedAt: string | null = null
  let envelopeEndpoint: PortalEndpoint | null = null

  if (isObj(json) && 'response' in json && ('request' in json || 'capturedAt' in json)) {
    prefix = 'response'
    response = json.response
    for (const [k, v] of Object.entries(json))
      if (!['request', 'capturedAt', 'response'].includes(k)) extra[k] = v
    if (json.capturedAt !== undefined && json.capturedAt !== null) {
      if (typeof json.capturedAt !== 'string') {
        throw new QdError(
          'bad-value',
          `capturedAt should be an ISO date-time, found ${describeValue(json.capturedAt)}.`,
          {
            location: { file, column: 'capturedAt' },
            expected: 'an ISO date-time such as 2026-10-10T08:00:00+07:00',
            found: describeValue(json.capturedAt),
          },
        )
      }
      capturedAt = json.capturedAt
    }
    if (json.request !== undefined && json.request !== null) {
      if (!isObj(json.request)) {
        throw new QdError(
          'bad-value',
          `request should be an object {"endpoint", "payload"}, found ${describeValue(json.request)}.`,
          {
            location: { file, column: 'request' },
          },
        )
      }
      const ep = json.request.endpoint
      const payload = json.request.payload
      if (payload !== undefined && payload !== null && !isObj(payload)) {
        throw new QdError(
          'bad-value',
          `request.payload should be an object, found ${describeValue(payload)}.`,
          {
            location: { file, column: 'request.payload' },
          },
        )
      }
      request = { endpoint: typeof ep === 'string' ? ep : null, payload: isObj(payload) ? payload : null }
      for (const [k, v] of Object.entries(json.request))
        if (k !== 'endpoint' && k !== 'payload') extra[`request.${k}`] = v
      if (typeof ep === 'string') {
        envelopeEndpoint = endpointFromString(ep)
        if (!envelopeEndpoint) {
          throw new QdError(
            'unrecognised',
            `request.endpoint "${ep}" is not an evaluation endpoint this pipeline reads (${PORTAL_ENDPOINTS.join(', ')}).`,
            {
              location: { file, column: 'request.endpoint' },
              expected: PORTAL_ENDPOINTS.join(' | '),
              found: ep,
            },
          )
        }
      }
    }
  }

  const at = (p: string) => (prefix ? `${prefix}.${p}` : p)
  if (!isObj(response) || !isObj(response.data)) {
    throw new QdError(
      'unrecognised',
      `Not a portal evaluation response: expected {"code": "OK", "data": {...}, "message": "OK"}${
        prefix ? ' inside the envelope\'s "response"' : ''
      }, found ${describeValue(isObj(response) ? response.data : response)} at ${at('data')}. ${NAMING_HINT}`,
      { location: { file, column: at('data') }, expected: 'a response object with data' },
    )
  }
  const responseCode = typeof response.code === 'string' ? response.code : null
  const responseMessage = typeof response.message === 'string' ? response.message : null
  if (responseCode !== null && responseCode.toUpperCase() !== 'OK') {
    throw new QdError(
      'inconsistent',
      `The portal answered "${responseCode}"${responseMessage ? ` (${responseMessage})` : ''} instead of OK: this capture holds no figures. Capture it again.`,
      { location: { file, column: at('code') }, expected: 'OK', found: responseCode },
    )
  }
  for (const [k, v] of Object.entries(response))
    if (!['code', 'message', 'data'].includes(k)) extra[at(k)] = v
  const data = response.data

  const shapeEndpoint = endpointFromShape(data)
  const nameEndpoint = endpointFromFileName(fileName)
  if (envelopeEndpoint && shapeEndpoint && envelopeEndpoint !== shapeEndpoint) {
    throw new QdError(
      'inconsistent',
      `The envelope says the endpoint is ${envelopeEndpoint}, but the response looks like ${shapeEndpoint}. Check which request this response belongs to.`,
      { location: { file, column: 'request.endpoint' }, expected: shapeEndpoint, found: envelopeEndpoint },
    )
  }
  const endpoint = envelopeEndpoint ?? shapeEndpoint ?? nameEndpoint
  if (!endpoint) {
    throw new QdError(
      'unrecognised',
      `Cannot tell which evaluation endpoint this response comes from (no envelope, no known metric codes or tree parameters, nothing in the file name). ${NAMING_HINT}`,
      { location: { file, column: at('data') }, expected: PORTAL_ENDPOINTS.join(' | ') },
    )
  }
  const endpointFrom: PortalCapture['endpointFrom'] = envelopeEndpoint
    ? 'envelope'
    : shapeEndpoint
      ? 'shape'
      : 'file-name'
  if (nameEndpoint && nameEndpoint !== endpoint) {
    warnings.push(`The file name suggests ${nameEndpoint} but the content is ${endpoint}; the content wins.`)
  }

  const parsed = dataSchemaFor(endpoint).safeParse(data, { reportInput: true })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const path = pathString(at('data'), issue.path)
    const input = (issue as { input?: unknown }).input
    const last = issue.path[issue.path.length - 1]
    const nullable = last !== 'departmentId' && last !== 'code'
    const expected =
      issue.code === 'invalid_type'
        ? (TYPE_WORDS[issue.expected] ?? issue.expected) +
          (nullable && (issue.expected === 'number' || issue.expected === 'string') ? ' or null' : '')
        : issue.message
    throw new QdError(
      'bad-value',
      `${path}: expected ${expected}, found ${describeValue(input)}. A ${endpoint} response must keep the portal's types; re-save the raw response body without editing it.`,
      { location: { file, column: path }, expected, found: describeValue(input) },
    )
  }

  const form = ENDPOINT_FORM[endpoint]
  const topKey = form === 'B' ? 'parent' : 'overview'
  const listKey = form === 'B' ? 'children' : 'evaluation'
  const overview = isObj(data[topKey])
    ? toUnit(data[topKey], at(`data.${topKey}`), 'overview', endpoint)
    : null
  const units = (data[listKey] as Record<string, unknown>[]).map((u, i) =>
    toUnit(u, at(`data.${listKey}[${i}]`), 'unit', endpoint),
  )
  for (const [k, v] of Object.entries(data)) if (k !== topKey && k !== listKey) extra[at(`data.${k}`)] = v

  // Period and reading date.
  const payload = request?.payload ?? null
  const fromName = factsFromFileName(fileName)
  let period = payload ? periodFromPayload(payload, file, 'request.payload') : null
  let periodFrom: PortalCapture['periodFrom'] = 'payload'
  if (period && fromName.period && fromName.period.id !== period.id) {
    warnings.push(
      `The file name says ${fromName.period.id} but the request payload says ${period.id}; the payload wins.`,
    )
  }
  if (!period) {
    period = fromName.period
    periodFrom = 'file-name'
  }
  if (!period) {
    throw new QdError(
      'missing-period',
      `Cannot tell which period this ${endpoint} capture is for. ${NAMING_HINT}`,
      {
        location: { file },
        expected:
          'a request payload with timeType/year (or fromDate/toDate), or a period in the file name (2026, 2026-Q3, 2026-08)',
      },
    )
  }
  let asOf: string | null = null
  let asOfFrom: PortalCapture['asOfFrom'] = null
  if (capturedAt !== null) {
    asOf = vietnamDate(capturedAt)
    if (!asOf) {
      throw new QdError('bad-value', `capturedAt "${capturedAt}" is not an ISO date-time.`, {
        location: { file, column: 'capturedAt' },
        expected: 'an ISO date-time such as 2026-10-10T08:00:00+07:00',
        found: capturedAt,
      })
    }
    asOfFrom = 'capturedAt'
  } else if (fromName.asOf) {
    asOf = fromName.asOf
    asOfFrom = 'file-name'
  }
  if (asOf && asOf < period.start) {
    throw new QdError(
      'bad-period',
      `The capture date ${asOf} is before the period ${period.id} starts (${period.start}).`,
      {
        location: { file, column: asOfFrom === 'capturedAt' ? 'capturedAt' : undefined },
        expected: `a date on or after ${period.start}`,
        found: asOf,
      },
    )
  }

  const rootDepartmentId = typeof payload?.rootDepartmentId === 'string' ? payload.rootDepartmentId : null
  if (
    rootDepartmentId &&
    form !== 'summary' &&
    overview?.departmentId &&
    overview.departmentId !== rootDepartmentId
  ) {
    warnings.push(
      `The request's rootDepartmentId ${rootDepartmentId} differs from the overview's departmentId ${overview.departmentId}.`,
    )
  }

  return {
    fileName,
    endpoint,
    endpointFrom,
    form,
    group: ENDPOINT_GROUP[endpoint],
    period,
    periodFrom,
    asOf,
    asOfFrom,
    capturedAt,
    request,
    rootDepartmentId,
    responseCode,
    responseMessage,
    overview,
    units,
    extra,
    warnings,
  }
}

function findUnit(capture: PortalCapture, who: string): CaptureUnit {
  const all = [...(capture.overview ? [capture.overview] : []), ...capture.units]
  const key = who.trim()
  const hit = all.find(
    (u) => u.departmentId === key || (u.departmentCode !== null && u.departmentCode === key),
  )
  if (!hit) {
    throw new QdError(
      'unknown-province',
      `No unit with departmentId or departmentCode "${who}" in ${capture.fileName}.${
        all.some((u) => u.departmentCode === null)
          ? ' Its units carry no departmentCode: look them up by departmentId.'
          : ''
      }`,
      {
        location: { file: capture.fileName },
        found: who,
      },
    )
  }
  return hit
}

/**
 * The scoring input (compute.ts) for one unit of a capture: by default the overview (the province),
 * or the unit given by departmentId / departmentCode (or the CaptureUnit itself). For service-results
 * the unit is a province row and is required; its six group scores become reported scores and its
 * totalScore the reported total. Combine the inputs of several captures with `mergeUnitInputs`.
 */
export function portalCaptureToScoringInput(capture: PortalCapture, unit?: string | CaptureUnit): UnitInput {
  if (capture.form === 'summary') {
    if (unit === undefined) {
      throw new QdError(
        'bad-value',
        'A service-results capture lists every province: say which one (departmentId or departmentCode).',
        {
          location: { file: capture.fileName },
        },
      )
    }
    const u = typeof unit === 'string' ? findUnit(capture, unit) : unit
    const groups: GroupInput[] = GROUP_CODES.map((code) => ({
      code,
      reportedScore: u.groupScores?.[code] ?? null,
    }))
    return { groups, reportedTotal: u.totalScore }
  }
  const u = unit === undefined ? capture.overview : typeof unit === 'string' ? findUnit(capture, unit) : unit
  if (!u)
    throw new QdError('bad-value', `${capture.fileName} has no overview unit.`, {
      location: { file: capture.fileName },
    })
  const code = capture.group!
  if (capture.form === 'A') {
    const metrics: MetricInput[] = u.metrics.map((m) => ({
      code: m.code,
      numerator: m.numerator,
      denominator: m.denominator,
      reportedScore: m.score,
      reportedRatio: m.ratio,
      dataQualityStatus: m.dataQualityStatus,
      dataQualityMessage: m.dataQualityMessage,
    }))
    return { groups: [{ code, reportedScore: u.totalScore, metrics }] }
  }
  return { groups: [{ code, reportedScore: u.totalScore, params: { ...u.parameters } }] }
}
