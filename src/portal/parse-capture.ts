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
import { t } from '../i18n/index.ts'
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
import { describeValue, isObj, pathString, typeWord } from './json.ts'
import { dataSchemaFor } from './schemas.ts'

const namingHint = (): string => t('portal.naming-hint')

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
  // validateData checked that the list is an array of objects
  const list: unknown = data[listKey]
  const units = (Array.isArray(list) ? list : []).map((u: unknown, i) => {
    const where = at(`data.${listKey}[${i}]`)
    if (!isObj(u)) throw new Error(`internal: ${where} was not validated as a unit`)
    return toUnit(u, where, 'unit', endpoint)
  })
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
        t('portal.captured-at.type', { found: describeValue(json.capturedAt) }),
        {
          location: { file, column: 'capturedAt' },
          expected: t('portal.iso-datetime'),
          found: describeValue(json.capturedAt),
        },
      )
    }
    out.capturedAt = json.capturedAt
  }
  if (json.request === undefined || json.request === null) return out
  if (!isObj(json.request)) {
    throw new QdError('bad-value', t('portal.request.type', { found: describeValue(json.request) }), {
      location: { file, column: 'request' },
    })
  }
  const ep = json.request.endpoint
  const payload = json.request.payload
  if (payload !== undefined && payload !== null && !isObj(payload)) {
    throw new QdError('bad-value', t('portal.payload.type', { found: describeValue(payload) }), {
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
        t('portal.endpoint.unknown', { endpoint: ep, known: PORTAL_ENDPOINTS.join(', ') }),
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
      t('portal.response.not', {
        inEnvelope: Boolean(prefix),
        found: describeValue(isObj(response) ? response.data : response),
        at: at('data'),
        hint: namingHint(),
      }),
      { location: { file, column: at('data') }, expected: t('portal.response.expected') },
    )
  }
  const responseCode = typeof response.code === 'string' ? response.code : null
  const responseMessage = typeof response.message === 'string' ? response.message : null
  if (responseCode !== null && responseCode.toUpperCase() !== 'OK') {
    throw new QdError(
      'inconsistent',
      t('portal.response.not-ok', { code: responseCode, message: responseMessage ?? '' }),
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
      t('portal.endpoint.mismatch', { envelope: envelopeEndpoint, shape: shapeEndpoint }),
      { location: { file, column: 'request.endpoint' }, expected: shapeEndpoint, found: envelopeEndpoint },
    )
  }
  const endpoint = envelopeEndpoint ?? shapeEndpoint ?? nameEndpoint
  if (!endpoint) {
    throw new QdError('unrecognised', t('portal.endpoint.unknowable', { hint: namingHint() }), {
      location: { file, column: at('data') },
      expected: PORTAL_ENDPOINTS.join(' | '),
    })
  }
  if (nameEndpoint && nameEndpoint !== endpoint) {
    warnings.push(t('portal.endpoint.name-differs', { name: nameEndpoint, endpoint }))
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
  const [issue] = parsed.error.issues
  if (!issue) throw new Error('internal: zod rejected the data without an issue')
  const path = pathString(at('data'), issue.path)
  const input = issue.input
  const last = issue.path[issue.path.length - 1]
  const nullable = last !== 'departmentId' && last !== 'code'
  const expected =
    issue.code === 'invalid_type'
      ? typeWord(issue.expected) +
        (nullable && (issue.expected === 'number' || issue.expected === 'string') ? t('portal.or-null') : '')
      : issue.message
  throw new QdError(
    'bad-value',
    t('portal.schema', { path, expected, found: describeValue(input), endpoint }),
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
    warnings.push(t('portal.period.name-differs', { name: fromName.period.id, payload: period.id }))
  }
  if (!period) {
    period = fromName.period
    periodFrom = 'file-name'
  }
  if (!period) {
    throw new QdError('missing-period', t('portal.period.unknowable', { endpoint, hint: namingHint() }), {
      location: { file },
      expected: t('portal.period.expected'),
    })
  }
  let asOf: string | null = null
  let asOfFrom: Reading['asOfFrom'] = null
  if (capturedAt !== null) {
    asOf = vietnamDate(capturedAt)
    if (!asOf) {
      throw new QdError('bad-value', t('portal.captured-at.bad', { value: capturedAt }), {
        location: { file, column: 'capturedAt' },
        expected: t('portal.iso-datetime'),
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
      t('portal.captured-before-period', { asOf, period: period.id, start: period.start }),
      {
        location: { file, column: asOfFrom === 'capturedAt' ? 'capturedAt' : undefined },
        expected: t('prov.date-on-or-after', { date: period.start }),
        found: asOf,
      },
    )
  }
  return { period, periodFrom, asOf, asOfFrom }
}

/** A province capture whose request named another province: kept, with a warning to check. */
function warnOnOtherRoot(rootDepartmentId: string | null, overview: CaptureUnit | null, warnings: string[]) {
  if (rootDepartmentId && overview?.departmentId && overview.departmentId !== rootDepartmentId) {
    warnings.push(t('portal.root-differs', { root: rootDepartmentId, overview: overview.departmentId }))
  }
}
