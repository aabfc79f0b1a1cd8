/** What a parsed portal capture is (src/portal/parse-capture.ts makes one from a file's JSON). */
import type { GroupCode } from '../reference/groups.ts'
import type { Period } from '../reference/period.ts'
import type { CaptureForm, PortalEndpoint } from './endpoints.ts'

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
