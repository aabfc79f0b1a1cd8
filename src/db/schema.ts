/**
 * Kysely table types. Layers: control tables (runs, source files, file events, findings), raw
 * (as received), stg (normalised facts), snapshots (immutable ranking history), ref (seeded
 * reference data). Column names are snake_case so the analysts' own SQL tools read them naturally.
 */
import type { Generated } from 'kysely'
import type { PortalDatabase } from './schema-portal.ts'

export interface MetaTable {
  key: string
  value: string
}

export interface SchemaMigrationsTable {
  id: string
  applied_at: string
}

export interface RunsTable {
  id: Generated<number>
  run_key: string
  trigger: string
  command: string
  status: string
  started_at: string
  finished_at: string | null
  heartbeat_at: string | null
  lease_until: string | null
  pid: number | null
  host: string | null
  scheduled_for: string | null
  files_seen: Generated<number>
  accepted: Generated<number>
  duplicate: Generated<number>
  rejected: Generated<number>
  waiting: Generated<number>
  snapshots: Generated<number>
  findings: Generated<number>
  error: string | null
}

export interface SourceFilesTable {
  id: Generated<number>
  sha256: string
  file_name: string
  size: number
  mtime: string | null
  format: string
  encoding: string | null
  kind: string
  rows: number
  period: string | null
  as_of: string | null
  accepted_at: string
  run_id: number | null
  archived_as: string | null
  /** Withdrawn by `qd766 withdraw` (ISO timestamp); null = the file counts. */
  withdrawn_at: Generated<string | null>
  withdrawn_by: Generated<string | null>
  withdraw_reason: Generated<string | null>
}

/** The append-only audit trail of `qd766 withdraw` / `--undo` (db/migrations/0008-withdrawals.ts). */
export interface FileWithdrawalsTable {
  id: Generated<number>
  source_file_id: number
  action: 'withdraw' | 'undo'
  reason: string | null
  by_user: string
  at: string
  run_id: number | null
}

export interface FileEventsTable {
  id: Generated<number>
  run_id: number | null
  sha256: string
  file_name: string
  status: 'accepted' | 'duplicate' | 'rejected'
  kind: string | null
  rows: number | null
  error_code: string | null
  message: string | null
  error_json: string | null
  stored_as: string | null
  at: string
}

/** Parse attempts not yet ended by a verdict (migration 0007; src/ingest/parse-attempts.ts). */
export interface ParseAttemptsTable {
  sha256: string
  file_name: string
  attempts: number
  last_failure: string
  first_at: string
  last_at: string
}

/** Files a run skipped for a reason that is not their content (migration 0009-inbox-notes). */
export interface InboxNotesTable {
  id: Generated<number>
  run_id: number | null
  file_name: string
  place: 'inbox' | 'work'
  code: 'cannot-claim' | 'cannot-move'
  error_code: string | null
  message: string
  at: string
}

export interface RawRowsTable {
  source_file_id: number
  sheet: string
  row_number: number
  /**
   * JSON array of CellValue as the reader produced it, except that a text longer than
   * LONG_TEXT_CHARS is `{"sha256":"<hex>"}`, its text in raw_texts (src/db/raw-rows.ts). The view
   * v_raw_rows and readRawRows() give the rows as they were.
   */
  cells: string
}

/** Each long text of the raw rows, once (migration 0011). */
export interface RawTextsTable {
  /** sha256 of the text's UTF-8 bytes, lower-case hex. */
  sha256: string
  text: string
}

export interface RawDocumentsTable {
  source_file_id: number
  body: string
}

export interface RefProvincesTable {
  cohort: number
  code: string
  name: string
  official_name: string
  type: string
  region: string | null
  valid_from: string
  valid_to: string | null
  dvcqg_code: string | null
  dvcqg_uuid: string | null
  merged_from: string | null
}

export interface RefProvinceAliasesTable {
  cohort: number
  code: string
  alias: string
  alias_key: string
}

export interface RefGroupsTable {
  methodology: string
  code: string
  name: string
  max_score: number
  ord: number
}

export interface RefMethodologiesTable {
  id: string
  title: string
  effective_from: string
  effective_to: string | null
  presentation: string
  /** The whole validated version as JSON. */
  definition: string
}

export interface RefMetricsTable {
  methodology: string
  group_code: string
  code: string
  name: string
  max_score: number
  rule: string
  threshold: number | null
  zero_denominator: string
  estimate: number
  ord: number
  note: string | null
}

export interface StgReadingsTable {
  id: Generated<number>
  source_file_id: number
  kind: string
  period: string
  period_type: string
  period_start: string
  period_end: string
  as_of: string | null
  cohort: number
  form: string
  title: string | null
  source_label: string
  methodology: string | null
  /** Set when the row stopped counting (its file withdrawn, or superseded by an undo). */
  withdrawn_at: Generated<string | null>
  /** The file_withdrawals row (withdraw or undo) that took it out of the counting. */
  withdrawal_id: Generated<number | null>
}

export interface StgProvinceScoresTable {
  reading_id: number
  province_code: string
  name_as_written: string
  sheet: string | null
  row_number: number | null
  ckmb: number | null
  tdgq: number | null
  clgq: number | null
  tttt: number | null
  mdhl: number | null
  mdsh: number | null
  /** Five-group form: "Dịch vụ công trực tuyến" out of 22 (= CLGQ + TTTT). */
  online22: number | null
  total_reported: number | null
  total_computed: number | null
  reported_rank: number | null
}

export interface SnapshotsTable {
  id: Generated<number>
  reading_id: number
  period: string
  period_type: string
  period_start: string
  period_end: string
  as_of: string | null
  cohort: number
  ranked: number
  missing: number
  form: string
  source_label: string
  source_file_id: number
  methodology: string | null
  taken_at: string
  run_id: number | null
  /** Set when the row stopped counting (its file withdrawn, or superseded by an undo). */
  withdrawn_at: Generated<string | null>
  /** The file_withdrawals row (withdraw or undo) that took it out of the counting. */
  withdrawal_id: Generated<number | null>
}

export interface SnapshotRowsTable {
  snapshot_id: number
  province_code: string
  name: string
  status: 'ranked' | 'incomplete' | 'missing'
  rank: number | null
  total: number | null
  ckmb: number | null
  tdgq: number | null
  clgq: number | null
  tttt: number | null
  mdhl: number | null
  mdsh: number | null
  online22: number | null
  band: string | null
  rank_ckmb: number | null
  rank_tdgq: number | null
  rank_clgq: number | null
  rank_tttt: number | null
  rank_mdhl: number | null
  rank_mdsh: number | null
  rank_online22: number | null
}

export interface FindingsTable {
  id: Generated<number>
  run_id: number | null
  source_file_id: number | null
  reading_id: number | null
  snapshot_id: number | null
  kind: string
  severity: 'info' | 'warning' | 'error'
  province_code: string | null
  sheet: string | null
  row_number: number | null
  message: string
  detail: string | null
  at: string
}

/** Provincial one-stop exports (db/migrations/0002-provincial.ts). */
export interface StgUnitsTable {
  id: Generated<number>
  scope: string
  province_code: string
  cohort: number
  name: string
  name_key: string
  eid_code: string | null
  level: string
  first_source_file_id: number
}

export interface StgUnitAliasesTable {
  scope: string
  kind: 'code' | 'name'
  value: string
  unit_id: number
  source_file_id: number
}

export interface StgUnitReadingsTable {
  id: Generated<number>
  source_file_id: number
  sheet: string
  family: string
  table_code: string
  title: string | null
  period: string
  period_type: string
  period_start: string
  period_end: string
  as_of: string | null
  period_source: string
  cohort: number
  province_code: string
  scope: string
  province_source: string
  units: number
  totals_row: number | null
  mangled: number
}

export interface StgUnitRowsTable {
  reading_id: number
  unit_id: number
  row_number: number
  stt: string | null
  name_as_written: string
  eid_code: string | null
  section: string | null
  level: string
}

/** A provincial row's typed cells, one JSON array per row (db/migrations/0011-unit-cells.ts). */
export interface StgUnitCellsTable {
  reading_id: number
  /** null = the table's totals row. */
  unit_id: number | null
  row_number: number
  /** JSON: [[measure, kind, value, raw, column_letter, style, repaired], ...] */
  cells: string
}

/** The view over stg_unit_cells: one row per typed cell (the table it was before 0011). */
export interface StgUnitCountsTable {
  reading_id: number
  /** null = the table's totals row. */
  unit_id: number | null
  row_number: number
  measure: string
  kind: string
  value: number | null
  raw: string | null
  column_letter: string
  style: string
  repaired: number
}

export interface StgUnitFactsTable {
  reading_id: number
  unit_id: number
  family: string
  indicator: string
  metric: string | null
  numerator: number
  denominator: number
  value: number | null
  exported_rate: number | null
  exported_column: string | null
  numerator_columns: string
  denominator_columns: string
  sheet: string
  row_number: number
}

export interface VUnitRollupView {
  reading_id: number
  family: string
  table_code: string
  period: string
  period_type: string
  as_of: string | null
  province_code: string
  scope: string
  cohort: number
  indicator: string
  metric: string | null
  units: number
  numerator: number
  denominator: number
  value: number | null
  file_name: string
}

/**
 * The documented view of every ranked row of every snapshot with its rank change (v_latest_ranking
 * has the same columns). Typed here so report getters read it without casts;
 * VIEW_COLUMNS below lists the same names for the test that checks them against the database.
 */
export interface VRankingHistoryView
  extends Omit<SnapshotRowsTable, 'rank_online22'>,
    Pick<SnapshotsTable, 'period' | 'period_type' | 'as_of' | 'cohort' | 'source_label' | 'form'> {
  previous_rank: number | null
  rank_change: number | null
  previous_snapshot_id: number | null
}

type ColumnsOf<T> = { [K in keyof T]-?: true }

/** The column names of each typed view, checked against the database's own by a test. */
export const VIEW_COLUMNS = {
  v_ranking_history: {
    snapshot_id: true,
    period: true,
    period_type: true,
    as_of: true,
    cohort: true,
    source_label: true,
    form: true,
    province_code: true,
    name: true,
    status: true,
    rank: true,
    total: true,
    ckmb: true,
    tdgq: true,
    clgq: true,
    tttt: true,
    mdhl: true,
    mdsh: true,
    online22: true,
    band: true,
    rank_ckmb: true,
    rank_tdgq: true,
    rank_clgq: true,
    rank_tttt: true,
    rank_mdhl: true,
    rank_mdsh: true,
    previous_rank: true,
    rank_change: true,
    previous_snapshot_id: true,
  } satisfies ColumnsOf<VRankingHistoryView>,
  v_unit_rollup: {
    reading_id: true,
    family: true,
    table_code: true,
    period: true,
    period_type: true,
    as_of: true,
    province_code: true,
    scope: true,
    cohort: true,
    indicator: true,
    metric: true,
    units: true,
    numerator: true,
    denominator: true,
    value: true,
    file_name: true,
  } satisfies ColumnsOf<VUnitRollupView>,
}

/** The columns of stg_unit_facts a load writes and a publish copies, in that order. */
export const STG_UNIT_FACT_COLUMNS = [
  'reading_id',
  'unit_id',
  'family',
  'indicator',
  'metric',
  'numerator',
  'denominator',
  'value',
  'exported_rate',
  'exported_column',
  'numerator_columns',
  'denominator_columns',
  'sheet',
  'row_number',
] as const satisfies ReadonlyArray<keyof StgUnitFactsTable>

export interface Database extends PortalDatabase {
  meta: MetaTable
  schema_migrations: SchemaMigrationsTable
  runs: RunsTable
  source_files: SourceFilesTable
  file_withdrawals: FileWithdrawalsTable
  file_events: FileEventsTable
  parse_attempts: ParseAttemptsTable
  inbox_notes: InboxNotesTable
  raw_rows: RawRowsTable
  raw_texts: RawTextsTable
  raw_documents: RawDocumentsTable
  ref_provinces: RefProvincesTable
  ref_province_aliases: RefProvinceAliasesTable
  ref_groups: RefGroupsTable
  ref_methodologies: RefMethodologiesTable
  ref_metrics: RefMetricsTable
  stg_readings: StgReadingsTable
  stg_province_scores: StgProvinceScoresTable
  snapshots: SnapshotsTable
  snapshot_rows: SnapshotRowsTable
  findings: FindingsTable
  stg_units: StgUnitsTable
  stg_unit_aliases: StgUnitAliasesTable
  stg_unit_readings: StgUnitReadingsTable
  stg_unit_rows: StgUnitRowsTable
  stg_unit_cells: StgUnitCellsTable
  stg_unit_counts: StgUnitCountsTable
  stg_unit_facts: StgUnitFactsTable
  v_unit_rollup: VUnitRollupView
  v_ranking_history: VRankingHistoryView
  v_latest_ranking: VRankingHistoryView
}
