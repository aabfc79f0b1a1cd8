/**
 * Kysely types of the portal-capture tables (db/migrations/0003-portal-metrics.ts), kept beside
 * schema.ts and merged into its `Database` interface.
 */
import type { Generated } from 'kysely'

export interface StgPortalCapturesTable {
  id: Generated<number>
  source_file_id: number
  endpoint: string
  endpoint_from: string
  form: 'A' | 'B' | 'summary'
  group_code: string | null
  period: string
  period_type: string
  period_start: string
  period_end: string
  period_from: string
  as_of: string | null
  as_of_from: string | null
  captured_at: string | null
  root_department_id: string | null
  province_code: string | null
  cohort: number
  methodology: string | null
  response_code: string | null
  response_message: string | null
  request_endpoint: string | null
  /** JSON */
  request_payload: string | null
  /** JSON object: every key of the file the parser does not map, by JSON path. */
  extra: string | null
  /** JSON array of strings. */
  warnings: string | null
  units: number
}

export interface StgPortalUnitsTable {
  capture_id: number
  /** 0 = overview / parent, 1.. = evaluation[] / children[] in file order. */
  ord: number
  source_file_id: number
  path: string
  role: 'overview' | 'unit'
  province_code: string | null
  department_id: string | null
  department_name: string | null
  department_code: string | null
  department_type: string | null
  department_level: string | null
  total_score: number | null
  total_max_score: number | null
  ratio: number | null
  score_delta: number | null
  ckmb: number | null
  tdgq: number | null
  clgq: number | null
  tttt: number | null
  mdhl: number | null
  mdsh: number | null
  extra: string | null
}

export interface StgPortalMetricsTable {
  capture_id: number
  unit_ord: number
  source_file_id: number
  path: string
  department_id: string | null
  group_code: string
  code: string
  name: string | null
  numerator: number | null
  denominator: number | null
  ratio: number | null
  score: number | null
  max_score: number | null
  data_quality_status: string | null
  data_quality_message: string | null
  extra: string | null
}

export interface StgPortalParamsTable {
  capture_id: number
  unit_ord: number
  source_file_id: number
  department_id: string | null
  group_code: string
  name: string
  value: number | null
}

export interface MartPortalScoresTable {
  id: Generated<number>
  province_code: string
  cohort: number
  department_id: string | null
  name: string
  period: string
  period_type: string
  period_start: string
  period_end: string
  as_of: string | null
  capture_key: string
  /** 'portal-metrics', 'portal-service-results' or 'portal-metrics+service-results'. */
  source: string
  methodology: string
  total: number | null
  computed_total: number | null
  reported_total: number | null
  max_total: number
  points_lost: number | null
  groups_known: number
  complete: number
  findings: number
  latest_source_file_id: number
  created_at: string
  run_id: number | null
  /** Withdrawn files of its reading date when it was derived (comma-separated ids), else null. */
  derived_without: Generated<string | null>
  /** Set when the row stopped counting (its file withdrawn, or superseded by an undo). */
  withdrawn_at: Generated<string | null>
  /** The file_withdrawals row (withdraw or undo) that took it out of the counting. */
  withdrawal_id: Generated<number | null>
}

export interface MartGroupScoresTable {
  score_id: number
  group_code: string
  name: string
  reported_score: number | null
  computed_score: number | null
  score: number | null
  score_source: string | null
  max_score: number
  points_lost: number | null
  estimate: number
  methodology: string
  capture_id: number | null
  source: string | null
}

export interface MartMetricScoresTable {
  score_id: number
  group_code: string
  metric_code: string
  ord: number
  name: string
  numerator: number | null
  denominator: number | null
  ratio: number | null
  reported_ratio: number | null
  reported_score: number | null
  computed_score: number | null
  score: number | null
  max_score: number
  points_lost: number | null
  status: string
  estimate: number
  component: number
  rule: string
  threshold: number | null
  zero_denominator: string
  data_quality_status: string | null
  data_quality_message: string | null
  note: string | null
  methodology: string
  capture_id: number | null
}

export interface MartPortalReadingsTable {
  reading_id: number
  period: string
  as_of: string | null
  score_key: string
  provinces: number
  complete: number
  created_at: string
  derived_without: Generated<string | null>
}

export interface MartPortalReadingScoresTable {
  reading_id: number
  province_code: string
  score_id: number
}

export interface PortalDatabase {
  stg_portal_captures: StgPortalCapturesTable
  stg_portal_units: StgPortalUnitsTable
  stg_portal_metrics: StgPortalMetricsTable
  stg_portal_params: StgPortalParamsTable
  mart_portal_scores: MartPortalScoresTable
  mart_group_scores: MartGroupScoresTable
  mart_metric_scores: MartMetricScoresTable
  mart_portal_readings: MartPortalReadingsTable
  mart_portal_reading_scores: MartPortalReadingScoresTable
}

/** The columns of stg_portal_units a capture's load writes and a publish copies, in that order. */
export const STG_PORTAL_UNIT_COLUMNS = [
  'capture_id',
  'ord',
  'source_file_id',
  'path',
  'role',
  'province_code',
  'department_id',
  'department_name',
  'department_code',
  'department_type',
  'department_level',
  'total_score',
  'total_max_score',
  'ratio',
  'score_delta',
  // the six groups, in the order of GROUPS (src/reference/groups.ts)
  'ckmb',
  'tdgq',
  'clgq',
  'tttt',
  'mdhl',
  'mdsh',
  'extra',
] as const satisfies ReadonlyArray<keyof StgPortalUnitsTable>

/** The columns of stg_portal_metrics a capture's load writes and a publish copies, in that order. */
export const STG_PORTAL_METRIC_COLUMNS = [
  'capture_id',
  'unit_ord',
  'source_file_id',
  'path',
  'department_id',
  'group_code',
  'code',
  'name',
  'numerator',
  'denominator',
  'ratio',
  'score',
  'max_score',
  'data_quality_status',
  'data_quality_message',
  'extra',
] as const satisfies ReadonlyArray<keyof StgPortalMetricsTable>
