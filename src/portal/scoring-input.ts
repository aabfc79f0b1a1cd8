/**
 * From a parsed capture to the scoring engine's input (src/score/compute.ts): the overview (the
 * province) or one unit of it. The mapping reads input shapes, so it lives with the parser; the
 * engine stays pure and knows nothing of the portal's JSON.
 */
import { QdError } from '../errors.ts'
import { t } from '../i18n/index.ts'
import { GROUP_CODES } from '../reference/groups.ts'
import type { GroupInput, MetricInput, UnitInput } from '../score/compute.ts'
import type { CaptureUnit, PortalCapture } from './capture-types.ts'

function findUnit(capture: PortalCapture, who: string): CaptureUnit {
  const all = [...(capture.overview ? [capture.overview] : []), ...capture.units]
  const key = who.trim()
  const hit = all.find(
    (u) => u.departmentId === key || (u.departmentCode !== null && u.departmentCode === key),
  )
  if (!hit) {
    throw new QdError(
      'unknown-province',
      t('portal.unit.not-found', {
        who,
        file: capture.fileName,
        noCodes: all.some((u) => u.departmentCode === null),
      }),
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
      throw new QdError('bad-value', t('portal.unit.say-which'), {
        location: { file: capture.fileName },
      })
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
    throw new QdError('bad-value', t('portal.unit.no-overview', { file: capture.fileName }), {
      location: { file: capture.fileName },
    })
  const code = capture.group
  if (code === null)
    throw new Error(`internal: ${capture.fileName} is a form ${capture.form} capture without a group`)
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
