import type { Migration } from '../../src/db/migrate.ts'

/**
 * Taking a wrong file back (`qd766 withdraw`, docs/withdrawals.md).
 *
 * - `source_files` gets its current state: `withdrawn_at` (ISO timestamp), `withdrawn_by`,
 *   `withdraw_reason`; null = the file counts.
 * - `file_withdrawals` is the append-only audit trail: one row per withdraw and per undo.
 * - Derived rows that can stop counting get a marker: `withdrawn_at` + `withdrawal_id` (the
 *   withdraw/undo that took them out) on `stg_readings`, `snapshots` and `mart_portal_scores`.
 *   Their data stays exactly as it was taken; only the marker changes, so the immutability
 *   triggers now refuse an UPDATE of any other column.
 * - `derived_without` (sorted source file ids) on portal score sets and portal readings made while
 *   files of their reading date were withdrawn: such a re-derived row counts only while it is what
 *   the current files give (src/withdraw/reconcile.ts), so an undo brings the original rows back.
 * - Every documented view leaves out what no longer counts; rank changes skip withdrawn snapshots.
 */
const SNAPSHOT_COLUMNS = [
  'id',
  'reading_id',
  'period',
  'period_type',
  'period_start',
  'period_end',
  'as_of',
  'cohort',
  'ranked',
  'missing',
  'form',
  'source_label',
  'source_file_id',
  'methodology',
  'taken_at',
  'run_id',
]
const SCORE_SET_COLUMNS = [
  'id',
  'province_code',
  'cohort',
  'department_id',
  'name',
  'period',
  'period_type',
  'period_start',
  'period_end',
  'as_of',
  'capture_key',
  'source',
  'methodology',
  'total',
  'computed_total',
  'reported_total',
  'max_total',
  'points_lost',
  'groups_known',
  'complete',
  'findings',
  'latest_source_file_id',
  'created_at',
  'run_id',
  'derived_without',
]

export const m0008: Migration = {
  id: '0008-withdrawals',
  up({ exec }) {
    exec('ALTER TABLE source_files ADD COLUMN withdrawn_at TEXT NULL')
    exec('ALTER TABLE source_files ADD COLUMN withdrawn_by TEXT NULL')
    exec('ALTER TABLE source_files ADD COLUMN withdraw_reason TEXT NULL')
    exec(`CREATE TABLE file_withdrawals (
      id INTEGER PRIMARY KEY,
      source_file_id INTEGER NOT NULL REFERENCES source_files(id),
      action TEXT NOT NULL CHECK (action IN ('withdraw','undo')),
      reason TEXT,
      by_user TEXT NOT NULL,
      at TEXT NOT NULL,
      run_id INTEGER NULL REFERENCES runs(id))`)
    exec('CREATE INDEX file_withdrawals_file ON file_withdrawals (source_file_id, id)')
    exec(`CREATE TRIGGER file_withdrawals_append_only BEFORE UPDATE ON file_withdrawals
      BEGIN SELECT RAISE(ABORT, 'file_withdrawals is an append-only audit trail'); END`)
    exec(`CREATE TRIGGER file_withdrawals_no_delete BEFORE DELETE ON file_withdrawals
      BEGIN SELECT RAISE(ABORT, 'file_withdrawals is an append-only audit trail'); END`)

    for (const t of ['stg_readings', 'snapshots', 'mart_portal_scores']) {
      exec(`ALTER TABLE ${t} ADD COLUMN withdrawn_at TEXT NULL`)
      exec(`ALTER TABLE ${t} ADD COLUMN withdrawal_id INTEGER NULL REFERENCES file_withdrawals(id)`)
    }
    exec('ALTER TABLE mart_portal_scores ADD COLUMN derived_without TEXT NULL')
    exec('ALTER TABLE mart_portal_readings ADD COLUMN derived_without TEXT NULL')

    // Only the marker may change; the ranking history itself stays immutable.
    exec('DROP TRIGGER snapshots_immutable')
    exec(`CREATE TRIGGER snapshots_immutable BEFORE UPDATE OF ${SNAPSHOT_COLUMNS.join(', ')} ON snapshots
      BEGIN SELECT RAISE(ABORT, 'snapshots are immutable history'); END`)
    exec('DROP TRIGGER mart_portal_scores_immutable')
    exec(`CREATE TRIGGER mart_portal_scores_immutable BEFORE UPDATE OF ${SCORE_SET_COLUMNS.join(', ')} ON mart_portal_scores
      BEGIN SELECT RAISE(ABORT, 'mart_portal_scores rows are immutable history'); END`)

    exec('DROP VIEW IF EXISTS v_latest_ranking')
    exec('DROP VIEW IF EXISTS v_ranking_history')
    exec('DROP VIEW IF EXISTS v_snapshot_sequence')
    // The same columns as before (the marker is bookkeeping: every row here counts).
    exec(`CREATE VIEW v_snapshot_sequence AS
      WITH comparable AS (
        SELECT id,
               LAG(id) OVER (PARTITION BY period_type, cohort
                             ORDER BY period_start, COALESCE(as_of, period_end), id) AS previous_snapshot_id
        FROM snapshots
        WHERE ranked * 2 >= cohort AND withdrawn_at IS NULL
      )
      SELECT ${SNAPSHOT_COLUMNS.map((c) => `s.${c}`).join(', ')}, c.previous_snapshot_id
      FROM snapshots s
      LEFT JOIN comparable c ON c.id = s.id
      WHERE s.withdrawn_at IS NULL`)
    exec(`CREATE VIEW v_ranking_history AS
      SELECT s.id AS snapshot_id, s.period, s.period_type, s.as_of, s.cohort, s.source_label, s.form,
             r.province_code, r.name, r.status, r.rank, r.total,
             r.ckmb, r.tdgq, r.clgq, r.tttt, r.mdhl, r.mdsh, r.online22, r.band,
             r.rank_ckmb, r.rank_tdgq, r.rank_clgq, r.rank_tttt, r.rank_mdhl, r.rank_mdsh,
             p.rank AS previous_rank,
             CASE WHEN p.rank IS NOT NULL AND r.rank IS NOT NULL THEN p.rank - r.rank END AS rank_change,
             s.previous_snapshot_id
      FROM v_snapshot_sequence s
      JOIN snapshot_rows r ON r.snapshot_id = s.id
      LEFT JOIN snapshot_rows p ON p.snapshot_id = s.previous_snapshot_id AND p.province_code = r.province_code`)
    exec(`CREATE VIEW v_latest_ranking AS
      SELECT h.* FROM v_ranking_history h
      WHERE h.snapshot_id = (SELECT id FROM snapshots
                             WHERE withdrawn_at IS NULL
                             ORDER BY CASE WHEN ranked * 2 >= cohort THEN 0 ELSE 1 END,
                                      COALESCE(as_of, period_end) DESC,
                                      CASE period_type WHEN 'year' THEN 0 WHEN 'quarter' THEN 1 ELSE 2 END,
                                      id DESC LIMIT 1)`)

    exec('DROP VIEW IF EXISTS v_province_scores')
    exec(`CREATE VIEW v_province_scores AS
      SELECT rd.id AS reading_id, rd.period, rd.period_type, rd.as_of, rd.cohort, rd.source_label, rd.form,
             f.file_name, f.sha256, ps.sheet, ps.row_number,
             ps.province_code, ps.name_as_written,
             ps.ckmb, ps.tdgq, ps.clgq, ps.tttt, ps.mdhl, ps.mdsh, ps.online22,
             ps.total_reported, ps.total_computed, ps.reported_rank
      FROM stg_province_scores ps
      JOIN stg_readings rd ON rd.id = ps.reading_id
      JOIN source_files f ON f.id = rd.source_file_id
      WHERE rd.withdrawn_at IS NULL`)

    exec('DROP VIEW IF EXISTS v_portal_metrics')
    exec(`CREATE VIEW v_portal_metrics AS
      SELECT c.id AS capture_id, c.endpoint, c.period, c.period_type, c.as_of, c.captured_at,
             c.province_code, u.department_id, u.department_name, u.department_code, u.department_type,
             u.department_level, u.role, m.group_code, m.code, m.name, m.numerator, m.denominator, m.ratio,
             m.score, m.max_score, m.data_quality_status, m.data_quality_message, m.extra,
             f.file_name, m.path
      FROM stg_portal_metrics m
      JOIN stg_portal_captures c ON c.id = m.capture_id
      JOIN stg_portal_units u ON u.capture_id = m.capture_id AND u.ord = m.unit_ord
      JOIN source_files f ON f.id = m.source_file_id
      WHERE f.withdrawn_at IS NULL`)
    exec('DROP VIEW IF EXISTS v_portal_metric_scores')
    exec(`CREATE VIEW v_portal_metric_scores AS
      SELECT s.id AS score_id, s.province_code, s.name AS province_name, s.period, s.period_type, s.as_of,
             s.source, s.methodology, m.group_code, m.metric_code, m.name, m.numerator, m.denominator,
             m.ratio, m.reported_score, m.computed_score, m.score, m.max_score, m.points_lost, m.status,
             m.estimate, m.component, m.rule, m.threshold,
             CASE WHEN m.reported_score IS NOT NULL AND m.computed_score IS NOT NULL
                  THEN ROUND(m.reported_score - m.computed_score, 2) END AS difference
      FROM mart_metric_scores m
      JOIN mart_portal_scores s ON s.id = m.score_id
      WHERE s.withdrawn_at IS NULL`)
    exec('DROP VIEW IF EXISTS v_portal_group_scores')
    exec(`CREATE VIEW v_portal_group_scores AS
      SELECT s.id AS score_id, s.province_code, s.name AS province_name, s.period, s.period_type, s.as_of,
             s.source, s.methodology, s.total, s.computed_total, s.reported_total, s.complete,
             g.group_code, g.reported_score, g.computed_score, g.score, g.score_source, g.max_score,
             g.points_lost, g.estimate
      FROM mart_group_scores g
      JOIN mart_portal_scores s ON s.id = g.score_id
      WHERE s.withdrawn_at IS NULL`)

    exec('DROP VIEW IF EXISTS v_unit_facts')
    exec(`CREATE VIEW v_unit_facts AS
      SELECT f.reading_id, r.family, r.table_code, r.period, r.period_type, r.period_start, r.period_end, r.as_of,
             r.province_code, r.scope, r.cohort,
             f.unit_id, u.name AS unit_name, COALESCE(ur.eid_code, u.eid_code) AS eid_code, ur.level, ur.section,
             f.indicator, f.metric, f.numerator, f.denominator, f.value, f.exported_rate, f.exported_column,
             f.numerator_columns, f.denominator_columns,
             sf.file_name, sf.sha256, f.sheet, f.row_number
      FROM stg_unit_facts f
      JOIN stg_unit_readings r ON r.id = f.reading_id
      JOIN stg_units u ON u.id = f.unit_id
      JOIN stg_unit_rows ur ON ur.reading_id = f.reading_id AND ur.unit_id = f.unit_id
      JOIN source_files sf ON sf.id = r.source_file_id
      WHERE sf.withdrawn_at IS NULL`)
    exec('DROP VIEW IF EXISTS v_unit_rollup')
    exec(`CREATE VIEW v_unit_rollup AS
      SELECT r.id AS reading_id, r.family, r.table_code, r.period, r.period_type, r.as_of,
             r.province_code, r.scope, r.cohort, f.indicator, f.metric,
             COUNT(*) AS units, SUM(f.numerator) AS numerator, SUM(f.denominator) AS denominator,
             CASE WHEN SUM(f.denominator) > 0
                  THEN ROUND(100.0 * SUM(f.numerator) / SUM(f.denominator), 2) END AS value,
             sf.file_name
      FROM stg_unit_facts f
      JOIN stg_unit_readings r ON r.id = f.reading_id
      JOIN source_files sf ON sf.id = r.source_file_id
      WHERE sf.withdrawn_at IS NULL
      GROUP BY r.id, f.indicator`)
    // A unit seen only in withdrawn files is not listed (its identity row stays, for the audit).
    exec('DROP VIEW IF EXISTS v_units')
    exec(`CREATE VIEW v_units AS
      SELECT * FROM (
        SELECT u.id AS unit_id, u.scope, u.province_code, u.name, u.level,
               (SELECT a.value FROM stg_unit_aliases a WHERE a.unit_id = u.id AND a.kind = 'code' LIMIT 1) AS eid_code,
               (SELECT COUNT(*) FROM stg_unit_rows ur
                  JOIN stg_unit_readings r ON r.id = ur.reading_id
                  JOIN source_files sf ON sf.id = r.source_file_id
                WHERE ur.unit_id = u.id AND sf.withdrawn_at IS NULL) AS readings
        FROM stg_units u)
      WHERE readings > 0`)

    // The audit trail, one row per withdraw/undo, with the file it was about.
    exec(`CREATE VIEW v_file_withdrawals AS
      SELECT w.id, w.action, w.at, w.by_user, w.reason, w.run_id,
             f.id AS source_file_id, f.file_name, f.sha256, f.kind, f.period, f.as_of, f.accepted_at,
             f.archived_as, f.withdrawn_at AS file_withdrawn_at
      FROM file_withdrawals w
      JOIN source_files f ON f.id = w.source_file_id`)
  },
}
