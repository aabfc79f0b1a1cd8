/**
 * The zod schemas of the portal's response data, one per form. looseObject everywhere: unknown keys
 * survive (they go to `extra`), known keys are type-checked.
 */
import { z } from 'zod'
import { GROUP_CODES, type GroupCode } from '../reference/groups.ts'
import { ENDPOINT_FORM, ENDPOINT_PARAMETERS, type PortalEndpoint } from './endpoints.ts'

const num = z.number().nullable().optional()
const str = z.string().nullable().optional()

export const metricSchema = z.looseObject({
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
export const UNIT_KEYS = new Set(Object.keys(unitShape))

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

export function dataSchemaFor(e: PortalEndpoint): z.ZodType {
  const form = ENDPOINT_FORM[e]
  return form === 'A' ? formAData : form === 'summary' ? summaryData : treeData[e]!
}
