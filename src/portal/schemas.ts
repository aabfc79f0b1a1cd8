/**
 * The zod schemas of the portal's response data, one per form. looseObject everywhere: unknown keys
 * survive (they go to `extra`), known keys are type-checked.
 */
import { z } from 'zod'
import { recordOf } from '../collections.ts'
import { GROUP_CODES } from '../reference/groups.ts'
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

const paramShape = (endpoint: PortalEndpoint) => recordOf(ENDPOINT_PARAMETERS[endpoint] ?? [], () => num)

const formAUnit = z.looseObject({ ...unitShape, metrics: z.array(metricSchema) })
const formBUnit = (e: PortalEndpoint) => z.looseObject({ ...unitShape, ...paramShape(e) })
const groupScoresSchema = z.looseObject(recordOf(GROUP_CODES, () => num))
const summaryUnit = z.looseObject({ ...unitShape, groupScores: groupScoresSchema })
const nationalOverview = z.looseObject({ ...unitShape, departmentId: str })

const formAData = z.looseObject({ overview: formAUnit, evaluation: z.array(formAUnit) })
const summaryData = z.looseObject({ overview: nationalOverview.optional(), evaluation: z.array(summaryUnit) })
const TREE_ENDPOINTS = ['dvc-progress-tree', 'provide-online-tree', 'formality-online-payment-tree'] as const
const treeData = recordOf(TREE_ENDPOINTS, (e) =>
  z.looseObject({ parent: formBUnit(e), children: z.array(formBUnit(e)) }),
)
const isTreeEndpoint = (e: PortalEndpoint): e is (typeof TREE_ENDPOINTS)[number] =>
  TREE_ENDPOINTS.some((x) => x === e)

export function dataSchemaFor(e: PortalEndpoint): z.ZodType {
  const form = ENDPOINT_FORM[e]
  if (form === 'A') return formAData
  if (form === 'summary') return summaryData
  // every form-B endpoint is a tree endpoint (ENDPOINT_FORM)
  if (!isTreeEndpoint(e)) throw new Error(`internal: endpoint ${e} is form B but has no tree schema`)
  return treeData[e]
}
