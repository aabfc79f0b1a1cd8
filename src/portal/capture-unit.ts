/** One unit of a capture (the overview or a row of evaluation[] / children[]) as a CaptureUnit. */
import { GROUP_CODES, isGroupCode } from '../reference/groups.ts'
import type { CaptureMetric, CaptureUnit } from './capture-types.ts'
import { ENDPOINT_PARAMETERS, type PortalEndpoint } from './endpoints.ts'
import { isObj } from './json.ts'
import { metricSchema, UNIT_KEYS } from './schemas.ts'

function pick(o: Record<string, unknown>, known: Set<string>): Record<string, unknown> {
  const extra: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(o)) if (!known.has(k)) extra[k] = v
  return extra
}

const METRIC_KEYS = new Set(Object.keys(metricSchema.shape))

/** A metric of a unit the data schema has validated (an object with a code); anything else is a bug. */
function metricObject(m: unknown, path: string): { m: Record<string, unknown>; code: string } {
  if (!isObj(m) || typeof m.code !== 'string')
    throw new Error(`internal: ${path} was not validated as a metric`)
  return { m, code: m.code }
}

export function toUnit(
  o: Record<string, unknown>,
  path: string,
  role: CaptureUnit['role'],
  endpoint: PortalEndpoint,
): CaptureUnit {
  const params = ENDPOINT_PARAMETERS[endpoint] ?? []
  const known = new Set([...UNIT_KEYS, ...params, 'metrics', 'groupScores'])
  const s = (k: string) => {
    const v = o[k]
    return typeof v === 'string' ? v : null
  }
  const n = (k: string) => {
    const v = o[k]
    return typeof v === 'number' ? v : null
  }
  const parameters: Record<string, number | null> = {}
  for (const k of params) if (k in o) parameters[k] = n(k)
  const metrics: CaptureMetric[] = Array.isArray(o.metrics)
    ? o.metrics.map((raw: unknown, i) => {
        const { m, code } = metricObject(raw, `${path}.metrics[${i}]`)
        return {
          path: `${path}.metrics[${i}]`,
          code,
          name: typeof m.name === 'string' ? m.name : null,
          numerator: typeof m.numerator === 'number' ? m.numerator : null,
          denominator: typeof m.denominator === 'number' ? m.denominator : null,
          ratio: typeof m.ratio === 'number' ? m.ratio : null,
          score: typeof m.score === 'number' ? m.score : null,
          maxScore: typeof m.maxScore === 'number' ? m.maxScore : null,
          dataQualityStatus: typeof m.dataQualityStatus === 'string' ? m.dataQualityStatus : null,
          dataQualityMessage: typeof m.dataQualityMessage === 'string' ? m.dataQualityMessage : null,
          extra: pick(m, METRIC_KEYS),
        }
      })
    : []
  let groupScores: CaptureUnit['groupScores'] = null
  const received = o.groupScores
  if (isObj(received)) {
    groupScores = {}
    for (const c of GROUP_CODES) {
      const v = received[c]
      if (c in received) groupScores[c] = typeof v === 'number' ? v : null
    }
  }
  // Form-B children spell some fields differently (level, score, maxScore). The mapped field takes the
  // usual spelling first; an alternative spelling that was not used (both present) stays in extra.
  if (typeof o.departmentLevel === 'string' && 'level' in o) known.delete('level')
  if (typeof o.totalScore === 'number' && 'score' in o) known.delete('score')
  if (typeof o.totalMaxScore === 'number' && 'maxScore' in o) known.delete('maxScore')
  const extra = pick(o, known)
  // groupScores with keys beyond the six codes: keep the whole object as received.
  if (isObj(received) && Object.keys(received).some((k) => !isGroupCode(k))) {
    extra.groupScores = received
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
