/**
 * Parser for captures of the national portal's evaluation API (docs/portal-captures.md):
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
 * JSON in, a typed capture out; no I/O. Every field is kept (unknown keys go to `extra`), null stays
 * null, the portal's scores are kept as reported. Problems are QdErrors whose location.column is the
 * JSON path of the offending value (e.g. `data.evaluation[3].metrics[2].numerator`). The steps, each
 * in its own function: unwrap the envelope, check the response, tell the endpoint, validate the data
 * against the endpoint's schema, read the units, then the period and the reading date.
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
import { QdError } from '../errors.ts'
import { factsFromFileName, type Period } from '../reference/period.ts'
import { periodFromPayload, vietnamDate } from './capture-period.ts'
import type { CaptureUnit, PortalCapture } from './capture-types.ts'
import { toUnit } from './capture-unit.ts'
import {
  ENDPOINT_FORM,
  ENDPOINT_GROUP,
  endpointFromFileName,
  endpointFromShape,
  endpointFromString,
  PORTAL_ENDPOINTS,
  type PortalEndpoint,
} from './endpoints.ts'
import { describeValue, isObj, pathString, TYPE_WORDS } from './json.ts'
import { dataSchemaFor } from './schemas.ts'

const NAMING_HINT =
  'Save the capture with its envelope {"request": {"endpoint", "payload"}, "capturedAt", "response"}, or name the file ' +
  'with the endpoint and period, e.g. "transparency-2026-Q3-2026-10-05.json" (period 2026-Q3, read on 2026-10-05).'

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
  const envelope = readEnvelope(json, file)
  const { extra, request, capturedAt } = envelope
  const at = (p: string) => (envelope.prefix ? `${envelope.prefix}.${p}` : p)
  const { data, responseCode, responseMessage } = readResponse(
    envelope.response,
    file,
    envelope.prefix,
    extra,
  )

  const { endpoint, endpointFrom } = identifyEndpoint(data, envelope.endpoint, file, at, warnings)
  validateData(data, endpoint, file, at)

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

  const payload = request?.payload ?? null
  const reading = readingOf(payload, capturedAt, endpoint, file, warnings)

  const rootDepartmentId = typeof payload?.rootDepartmentId === 'string' ? payload.rootDepartmentId : null
  warnOnOtherRoot(rootDepartmentId, form !== 'summary' ? overview : null, warnings)

  return {
    fileName,
    endpoint,
    endpointFrom,
    form,
    group: ENDPOINT_GROUP[endpoint],
    ...reading,
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

interface Envelope {
  /** The bare response, or the envelope's "response". */
  response: unknown
  /** "response" inside an envelope, '' for a bare response: the JSON paths of messages start with it. */
  prefix: string
  request: PortalCapture['request']
  capturedAt: string | null
  /** The endpoint the envelope's request names, if any. */
  endpoint: PortalEndpoint | null
  /** The envelope's other keys (and the request's), by JSON path; the later steps add theirs. */
  extra: Record<string, unknown>
}

/** The capture envelope `{"request", "capturedAt", "response"}`, when the file has one. */
function readEnvelope(json: unknown, file: string): Envelope {
  const out: Envelope = {
    response: json,
    prefix: '',
    request: null,
    capturedAt: null,
    endpoint: null,
    extra: {},
  }
  if (!(isObj(json) && 'response' in json && ('request' in json || 'capturedAt' in json))) return out
  out.prefix = 'response'
  out.response = json.response
  for (const [k, v] of Object.entries(json))
    if (!['request', 'capturedAt', 'response'].includes(k)) out.extra[k] = v
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
    out.capturedAt = json.capturedAt
  }
  if (json.request === undefined || json.request === null) return out
  if (!isObj(json.request)) {
    throw new QdError(
      'bad-value',
      `request should be an object {"endpoint", "payload"}, found ${describeValue(json.request)}.`,
      { location: { file, column: 'request' } },
    )
  }
  const ep = json.request.endpoint
  const payload = json.request.payload
  if (payload !== undefined && payload !== null && !isObj(payload)) {
    throw new QdError('bad-value', `request.payload should be an object, found ${describeValue(payload)}.`, {
      location: { file, column: 'request.payload' },
    })
  }
  out.request = { endpoint: typeof ep === 'string' ? ep : null, payload: isObj(payload) ? payload : null }
  for (const [k, v] of Object.entries(json.request))
    if (k !== 'endpoint' && k !== 'payload') out.extra[`request.${k}`] = v
  if (typeof ep === 'string') {
    out.endpoint = endpointFromString(ep)
    if (!out.endpoint) {
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
  return out
}

/** `{"code": "OK", "data": {...}, "message"}`: its data, or a rejection that says what is wrong. */
function readResponse(
  response: unknown,
  file: string,
  prefix: string,
  extra: Record<string, unknown>,
): { data: Record<string, unknown>; responseCode: string | null; responseMessage: string | null } {
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
  return { data: response.data, responseCode, responseMessage }
}

/** The envelope's endpoint, else the one the JSON shape shows, else the file name's. */
function identifyEndpoint(
  data: Record<string, unknown>,
  envelopeEndpoint: PortalEndpoint | null,
  file: string,
  at: (p: string) => string,
  warnings: string[],
): { endpoint: PortalEndpoint; endpointFrom: PortalCapture['endpointFrom'] } {
  const shapeEndpoint = endpointFromShape(data)
  const nameEndpoint = endpointFromFileName(file)
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
  if (nameEndpoint && nameEndpoint !== endpoint) {
    warnings.push(`The file name suggests ${nameEndpoint} but the content is ${endpoint}; the content wins.`)
  }
  return { endpoint, endpointFrom: envelopeEndpoint ? 'envelope' : shapeEndpoint ? 'shape' : 'file-name' }
}

/** The data against the endpoint's schema; the first problem becomes a QdError at its JSON path. */
function validateData(
  data: Record<string, unknown>,
  endpoint: PortalEndpoint,
  file: string,
  at: (p: string) => string,
): void {
  const parsed = dataSchemaFor(endpoint).safeParse(data, { reportInput: true })
  if (parsed.success) return
  const issue = parsed.error.issues[0]! // zod reports at least one issue when parsing fails
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

type Reading = Pick<PortalCapture, 'period' | 'periodFrom' | 'asOf' | 'asOfFrom'>

/** Period: the payload, else the file name. Reading date: capturedAt, else a file-name date. */
function readingOf(
  payload: Record<string, unknown> | null,
  capturedAt: string | null,
  endpoint: PortalEndpoint,
  file: string,
  warnings: string[],
): Reading {
  const fromName = factsFromFileName(file)
  let period: Period | null = payload ? periodFromPayload(payload, file, 'request.payload') : null
  let periodFrom: Reading['periodFrom'] = 'payload'
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
  let asOfFrom: Reading['asOfFrom'] = null
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
  return { period, periodFrom, asOf, asOfFrom }
}

/** A province capture whose request named another province: kept, with a warning to check. */
function warnOnOtherRoot(rootDepartmentId: string | null, overview: CaptureUnit | null, warnings: string[]) {
  if (rootDepartmentId && overview?.departmentId && overview.departmentId !== rootDepartmentId) {
    warnings.push(
      `The request's rootDepartmentId ${rootDepartmentId} differs from the overview's departmentId ${overview.departmentId}.`,
    )
  }
}
