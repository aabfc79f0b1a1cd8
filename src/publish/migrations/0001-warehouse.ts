/**
 * The warehouse's first schema: the published copy of each home's marts, reference data and file
 * history, and the analysts' views with the same names and columns as in SQLite
 * (db/migrations/000{1,2,3,4,6}), so that a query written for one database runs on the other.
 *
 * Identity: every `id` here is derived from a natural key (src/publish/ids.ts), never a home's
 * autoincrement id, so two homes that publish the same national table produce the same reading and
 * republishing writes the same rows. `office_id` says which home a row came from; shared national
 * readings have none and list their contributing offices in reading_sources. `seq` keeps the order
 * of arrival, which the SQLite views get from their autoincrement ids (ties in the ranking history).
 * `row_hash` is what the publisher compares to find what changed.
 *
 * Dates stay ISO text, exactly as in SQLite (a query comparing `as_of >= '2026-01-01'` works in both).
 */
export const WAREHOUSE_0001 = `
CREATE TABLE offices (
  office_id text PRIMARY KEY,
  province_code text,
  watermark jsonb NOT NULL,
  first_published_at timestamptz NOT NULL DEFAULT now(),
  last_published_at timestamptz NOT NULL DEFAULT now(),
  publishes integer NOT NULL DEFAULT 0
);
-- One row per committed publish (dlt's _dlt_loads): what changed, when.
CREATE TABLE publishes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  office_id text NOT NULL REFERENCES offices(office_id),
  started_at timestamptz NOT NULL,
  committed_at timestamptz NOT NULL DEFAULT now(),
  watermark jsonb NOT NULL,
  changes jsonb NOT NULL
);

CREATE TABLE ref_provinces (
  cohort integer NOT NULL, code text NOT NULL, name text NOT NULL, official_name text NOT NULL,
  type text NOT NULL, region text, valid_from text NOT NULL, valid_to text, dvcqg_code text,
  dvcqg_uuid text, merged_from text,
  PRIMARY KEY (cohort, code)
);
CREATE TABLE ref_methodologies (
  id text PRIMARY KEY, title text NOT NULL, effective_from text NOT NULL, effective_to text,
  presentation text NOT NULL, definition text NOT NULL
);
CREATE TABLE ref_groups (
  methodology text NOT NULL, code text NOT NULL, name text NOT NULL, max_score double precision NOT NULL,
  ord integer NOT NULL,
  PRIMARY KEY (methodology, code)
);
CREATE TABLE ref_metrics (
  methodology text NOT NULL, group_code text NOT NULL, code text NOT NULL, name text NOT NULL,
  max_score double precision NOT NULL, rule text NOT NULL, threshold double precision,
  zero_denominator text NOT NULL, estimate integer NOT NULL, ord integer NOT NULL, note text,
  PRIMARY KEY (methodology, code)
);

-- Every file a home has seen: accepted (and perhaps withdrawn since) or rejected, with the reason.
CREATE TABLE source_files (
  id bigint PRIMARY KEY, office_id text NOT NULL, sha256 text NOT NULL, file_name text NOT NULL,
  size bigint, mtime text, format text, encoding text, kind text, rows integer, period text,
  as_of text, accepted_at text, run_id bigint, archived_as text,
  status text NOT NULL, error_code text, error text,
  withdrawn_at text, withdrawn_by text, withdraw_reason text,
  row_hash text NOT NULL,
  UNIQUE (office_id, sha256)
);
CREATE TABLE runs (
  id bigint PRIMARY KEY, office_id text NOT NULL, run_key text NOT NULL, trigger text NOT NULL,
  command text NOT NULL, status text NOT NULL, started_at text NOT NULL, finished_at text,
  pid integer, host text, scheduled_for text,
  files_seen integer NOT NULL, accepted integer NOT NULL, duplicate integer NOT NULL,
  rejected integer NOT NULL, waiting integer NOT NULL, snapshots integer NOT NULL,
  findings integer NOT NULL, error text, row_hash text NOT NULL,
  UNIQUE (office_id, run_key)
);

CREATE TABLE stg_readings (
  id bigint PRIMARY KEY, source_file_id bigint NOT NULL, kind text NOT NULL, period text NOT NULL,
  period_type text NOT NULL, period_start text NOT NULL, period_end text NOT NULL, as_of text,
  cohort integer NOT NULL, form text NOT NULL, title text, source_label text NOT NULL,
  methodology text,
  office_id text,
  seq bigint GENERATED ALWAYS AS IDENTITY
);
-- Which offices publish a reading (a national table ingested by two offices is one reading). A
-- reading that no office publishes any more (withdrawn everywhere) is deleted.
CREATE TABLE reading_sources (
  reading_id bigint NOT NULL REFERENCES stg_readings(id) ON DELETE CASCADE,
  office_id text NOT NULL, source_file_id bigint NOT NULL, row_hash text NOT NULL,
  PRIMARY KEY (reading_id, office_id)
);
CREATE INDEX reading_sources_office ON reading_sources (office_id);
CREATE TABLE stg_province_scores (
  reading_id bigint NOT NULL REFERENCES stg_readings(id) ON DELETE CASCADE,
  province_code text NOT NULL, name_as_written text NOT NULL, sheet text, row_number integer,
  ckmb double precision, tdgq double precision, clgq double precision, tttt double precision,
  mdhl double precision, mdsh double precision, online22 double precision,
  total_reported double precision, total_computed double precision, reported_rank integer,
  PRIMARY KEY (reading_id, province_code)
);
CREATE TABLE snapshots (
  id bigint PRIMARY KEY,
  reading_id bigint NOT NULL UNIQUE REFERENCES stg_readings(id) ON DELETE CASCADE,
  period text NOT NULL, period_type text NOT NULL, period_start text NOT NULL, period_end text NOT NULL,
  as_of text, cohort integer NOT NULL, ranked integer NOT NULL, missing integer NOT NULL,
  form text NOT NULL, source_label text NOT NULL, source_file_id bigint NOT NULL, methodology text,
  taken_at text NOT NULL, run_id bigint,
  seq bigint GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX snapshots_seq ON snapshots (period_type, cohort, period_start, as_of);
CREATE TABLE snapshot_rows (
  snapshot_id bigint NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  province_code text NOT NULL, name text NOT NULL, status text NOT NULL, rank integer,
  total double precision, ckmb double precision, tdgq double precision, clgq double precision,
  tttt double precision, mdhl double precision, mdsh double precision, online22 double precision,
  band text, rank_ckmb integer, rank_tdgq integer, rank_clgq integer, rank_tttt integer,
  rank_mdhl integer, rank_mdsh integer, rank_online22 integer,
  PRIMARY KEY (snapshot_id, province_code)
);
CREATE INDEX snapshot_rows_province ON snapshot_rows (province_code, snapshot_id);
CREATE TABLE findings (
  id bigint PRIMARY KEY, office_id text NOT NULL, run_id bigint, source_file_id bigint,
  reading_id bigint, snapshot_id bigint, kind text NOT NULL, severity text NOT NULL,
  province_code text, sheet text, row_number integer, message text NOT NULL, detail text,
  at text NOT NULL
);
CREATE INDEX findings_office ON findings (office_id);

CREATE TABLE stg_portal_captures (
  id bigint PRIMARY KEY, office_id text NOT NULL, source_file_id bigint NOT NULL,
  endpoint text NOT NULL, endpoint_from text NOT NULL, form text NOT NULL, group_code text,
  period text NOT NULL, period_type text NOT NULL, period_start text NOT NULL,
  period_end text NOT NULL, period_from text NOT NULL, as_of text, as_of_from text,
  captured_at text, root_department_id text, province_code text, cohort integer NOT NULL,
  methodology text, response_code text, response_message text, request_endpoint text,
  request_payload text, extra text, warnings text, units integer NOT NULL, row_hash text NOT NULL
);
CREATE INDEX stg_portal_captures_office ON stg_portal_captures (office_id);
CREATE TABLE stg_portal_units (
  capture_id bigint NOT NULL REFERENCES stg_portal_captures(id) ON DELETE CASCADE,
  ord integer NOT NULL, source_file_id bigint NOT NULL, path text NOT NULL, role text NOT NULL,
  province_code text, department_id text, department_name text, department_code text,
  department_type text, department_level text, total_score double precision,
  total_max_score double precision, ratio double precision, score_delta double precision,
  ckmb double precision, tdgq double precision, clgq double precision, tttt double precision,
  mdhl double precision, mdsh double precision, extra text,
  PRIMARY KEY (capture_id, ord)
);
CREATE TABLE stg_portal_metrics (
  capture_id bigint NOT NULL REFERENCES stg_portal_captures(id) ON DELETE CASCADE,
  unit_ord integer NOT NULL, source_file_id bigint NOT NULL, path text NOT NULL,
  department_id text, group_code text NOT NULL, code text NOT NULL, name text,
  numerator double precision, denominator double precision, ratio double precision,
  score double precision, max_score double precision, data_quality_status text,
  data_quality_message text, extra text,
  PRIMARY KEY (capture_id, unit_ord, code)
);
CREATE TABLE mart_portal_scores (
  id bigint PRIMARY KEY, office_id text NOT NULL, province_code text NOT NULL, cohort integer NOT NULL,
  department_id text, name text NOT NULL, period text NOT NULL, period_type text NOT NULL,
  period_start text NOT NULL, period_end text NOT NULL, as_of text,
  -- the sha256 of the captures the set was computed from (SQLite keeps its local capture ids)
  capture_key text NOT NULL, source text NOT NULL, methodology text NOT NULL,
  total double precision, computed_total double precision, reported_total double precision,
  max_total double precision NOT NULL, points_lost double precision, groups_known integer NOT NULL,
  complete integer NOT NULL, findings integer NOT NULL, latest_source_file_id bigint NOT NULL,
  created_at text NOT NULL, run_id bigint, row_hash text NOT NULL
);
CREATE INDEX mart_portal_scores_office ON mart_portal_scores (office_id);
CREATE INDEX mart_portal_scores_period ON mart_portal_scores (period, as_of, province_code);
CREATE TABLE mart_group_scores (
  score_id bigint NOT NULL REFERENCES mart_portal_scores(id) ON DELETE CASCADE,
  group_code text NOT NULL, name text NOT NULL, reported_score double precision,
  computed_score double precision, score double precision, score_source text,
  max_score double precision NOT NULL, points_lost double precision, estimate integer NOT NULL,
  methodology text NOT NULL, capture_id bigint, source text,
  PRIMARY KEY (score_id, group_code)
);
CREATE TABLE mart_metric_scores (
  score_id bigint NOT NULL REFERENCES mart_portal_scores(id) ON DELETE CASCADE,
  group_code text NOT NULL, metric_code text NOT NULL, ord integer NOT NULL, name text NOT NULL,
  numerator double precision, denominator double precision, ratio double precision,
  reported_ratio double precision, reported_score double precision, computed_score double precision,
  score double precision, max_score double precision NOT NULL, points_lost double precision,
  status text NOT NULL, estimate integer NOT NULL, component integer NOT NULL, rule text NOT NULL,
  threshold double precision, zero_denominator text NOT NULL, data_quality_status text,
  data_quality_message text, note text, methodology text NOT NULL, capture_id bigint,
  PRIMARY KEY (score_id, metric_code)
);

CREATE TABLE stg_units (
  id bigint PRIMARY KEY, office_id text NOT NULL, scope text NOT NULL, province_code text NOT NULL,
  cohort integer NOT NULL, name text NOT NULL, name_key text NOT NULL, eid_code text,
  level text NOT NULL, first_source_file_id bigint NOT NULL, row_hash text NOT NULL
);
CREATE INDEX stg_units_office ON stg_units (office_id);
CREATE TABLE stg_unit_aliases (
  id bigint PRIMARY KEY, office_id text NOT NULL, scope text NOT NULL, kind text NOT NULL,
  value text NOT NULL, unit_id bigint NOT NULL, source_file_id bigint NOT NULL, row_hash text NOT NULL
);
CREATE INDEX stg_unit_aliases_unit ON stg_unit_aliases (unit_id, kind);
CREATE TABLE stg_unit_readings (
  id bigint PRIMARY KEY, office_id text NOT NULL, source_file_id bigint NOT NULL, sheet text NOT NULL,
  family text NOT NULL, table_code text NOT NULL, title text, period text NOT NULL,
  period_type text NOT NULL, period_start text NOT NULL, period_end text NOT NULL, as_of text,
  period_source text NOT NULL, cohort integer NOT NULL, province_code text NOT NULL,
  scope text NOT NULL, province_source text NOT NULL, units integer NOT NULL, totals_row integer,
  mangled integer NOT NULL, row_hash text NOT NULL
);
CREATE TABLE stg_unit_rows (
  reading_id bigint NOT NULL REFERENCES stg_unit_readings(id) ON DELETE CASCADE,
  unit_id bigint NOT NULL, row_number integer NOT NULL, stt text, name_as_written text NOT NULL,
  eid_code text, section text, level text NOT NULL,
  PRIMARY KEY (reading_id, unit_id)
);
CREATE INDEX stg_unit_rows_unit ON stg_unit_rows (unit_id);
CREATE TABLE stg_unit_facts (
  reading_id bigint NOT NULL REFERENCES stg_unit_readings(id) ON DELETE CASCADE,
  unit_id bigint NOT NULL, family text NOT NULL, indicator text NOT NULL, metric text,
  numerator double precision NOT NULL, denominator double precision NOT NULL,
  value double precision, exported_rate double precision, exported_column text,
  numerator_columns text NOT NULL, denominator_columns text NOT NULL, sheet text NOT NULL,
  row_number integer NOT NULL,
  PRIMARY KEY (reading_id, unit_id, indicator)
);

-- ---- The analysts' views: same names, same columns as in SQLite (README "SQL views") ----
CREATE VIEW v_snapshot_sequence AS
  WITH comparable AS (
    SELECT id,
           LAG(id) OVER (PARTITION BY period_type, cohort
                         ORDER BY period_start, COALESCE(as_of, period_end), seq) AS previous_snapshot_id
    FROM snapshots
    WHERE ranked * 2 >= cohort
  )
  SELECT s.id, s.reading_id, s.period, s.period_type, s.period_start, s.period_end, s.as_of, s.cohort,
         s.ranked, s.missing, s.form, s.source_label, s.source_file_id, s.methodology, s.taken_at,
         s.run_id, c.previous_snapshot_id
  FROM snapshots s
  LEFT JOIN comparable c ON c.id = s.id;
CREATE VIEW v_ranking_history AS
  SELECT s.id AS snapshot_id, s.period, s.period_type, s.as_of, s.cohort, s.source_label, s.form,
         r.province_code, r.name, r.status, r.rank, r.total,
         r.ckmb, r.tdgq, r.clgq, r.tttt, r.mdhl, r.mdsh, r.online22, r.band,
         r.rank_ckmb, r.rank_tdgq, r.rank_clgq, r.rank_tttt, r.rank_mdhl, r.rank_mdsh,
         p.rank AS previous_rank,
         CASE WHEN p.rank IS NOT NULL AND r.rank IS NOT NULL THEN p.rank - r.rank END AS rank_change,
         s.previous_snapshot_id
  FROM v_snapshot_sequence s
  JOIN snapshot_rows r ON r.snapshot_id = s.id
  LEFT JOIN snapshot_rows p ON p.snapshot_id = s.previous_snapshot_id AND p.province_code = r.province_code;
CREATE VIEW v_latest_ranking AS
  SELECT h.* FROM v_ranking_history h
  WHERE h.snapshot_id = (SELECT id FROM snapshots
                         ORDER BY CASE WHEN ranked * 2 >= cohort THEN 0 ELSE 1 END,
                                  COALESCE(as_of, period_end) DESC,
                                  CASE period_type WHEN 'year' THEN 0 WHEN 'quarter' THEN 1 ELSE 2 END,
                                  seq DESC LIMIT 1);
-- Warehouse only: the latest national table of all the offices (portal-derived readings left out).
CREATE VIEW v_latest_national_ranking AS
  SELECT h.* FROM v_ranking_history h
  WHERE h.snapshot_id = (SELECT id FROM snapshots
                         WHERE source_label = 'national-table'
                         ORDER BY CASE WHEN ranked * 2 >= cohort THEN 0 ELSE 1 END,
                                  COALESCE(as_of, period_end) DESC,
                                  CASE period_type WHEN 'year' THEN 0 WHEN 'quarter' THEN 1 ELSE 2 END,
                                  seq DESC LIMIT 1);
CREATE VIEW v_province_scores AS
  SELECT rd.id AS reading_id, rd.period, rd.period_type, rd.as_of, rd.cohort, rd.source_label, rd.form,
         f.file_name, f.sha256, ps.sheet, ps.row_number,
         ps.province_code, ps.name_as_written,
         ps.ckmb, ps.tdgq, ps.clgq, ps.tttt, ps.mdhl, ps.mdsh, ps.online22,
         ps.total_reported, ps.total_computed, ps.reported_rank
  FROM stg_province_scores ps
  JOIN stg_readings rd ON rd.id = ps.reading_id
  JOIN source_files f ON f.id = rd.source_file_id;
CREATE VIEW v_portal_metrics AS
  SELECT c.id AS capture_id, c.endpoint, c.period, c.period_type, c.as_of, c.captured_at,
         c.province_code, u.department_id, u.department_name, u.department_code, u.department_type,
         u.department_level, u.role, m.group_code, m.code, m.name, m.numerator, m.denominator, m.ratio,
         m.score, m.max_score, m.data_quality_status, m.data_quality_message, m.extra,
         f.file_name, m.path
  FROM stg_portal_metrics m
  JOIN stg_portal_captures c ON c.id = m.capture_id
  JOIN stg_portal_units u ON u.capture_id = m.capture_id AND u.ord = m.unit_ord
  JOIN source_files f ON f.id = m.source_file_id;
CREATE VIEW v_portal_metric_scores AS
  SELECT s.id AS score_id, s.province_code, s.name AS province_name, s.period, s.period_type, s.as_of,
         s.source, s.methodology, m.group_code, m.metric_code, m.name, m.numerator, m.denominator,
         m.ratio, m.reported_score, m.computed_score, m.score, m.max_score, m.points_lost, m.status,
         m.estimate, m.component, m.rule, m.threshold,
         CASE WHEN m.reported_score IS NOT NULL AND m.computed_score IS NOT NULL
              THEN ROUND((m.reported_score - m.computed_score)::numeric, 2)::double precision END AS difference
  FROM mart_metric_scores m
  JOIN mart_portal_scores s ON s.id = m.score_id;
CREATE VIEW v_portal_group_scores AS
  SELECT s.id AS score_id, s.province_code, s.name AS province_name, s.period, s.period_type, s.as_of,
         s.source, s.methodology, s.total, s.computed_total, s.reported_total, s.complete,
         g.group_code, g.reported_score, g.computed_score, g.score, g.score_source, g.max_score,
         g.points_lost, g.estimate
  FROM mart_group_scores g
  JOIN mart_portal_scores s ON s.id = g.score_id;
CREATE VIEW v_unit_facts AS
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
  JOIN source_files sf ON sf.id = r.source_file_id;
CREATE VIEW v_unit_rollup AS
  SELECT r.id AS reading_id, r.family, r.table_code, r.period, r.period_type, r.as_of,
         r.province_code, r.scope, r.cohort, f.indicator, f.metric,
         COUNT(*)::integer AS units, SUM(f.numerator) AS numerator, SUM(f.denominator) AS denominator,
         CASE WHEN SUM(f.denominator) > 0
              THEN ROUND((100.0 * SUM(f.numerator) / SUM(f.denominator))::numeric, 2)::double precision END AS value,
         sf.file_name
  FROM stg_unit_facts f
  JOIN stg_unit_readings r ON r.id = f.reading_id
  JOIN source_files sf ON sf.id = r.source_file_id
  GROUP BY r.id, f.indicator, f.metric, sf.file_name;
CREATE VIEW v_units AS
  SELECT u.id AS unit_id, u.scope, u.province_code, u.name, u.level,
         (SELECT a.value FROM stg_unit_aliases a WHERE a.unit_id = u.id AND a.kind = 'code' ORDER BY a.value LIMIT 1) AS eid_code,
         (SELECT COUNT(*)::integer FROM stg_unit_rows ur WHERE ur.unit_id = u.id) AS readings
  FROM stg_units u;
-- Warehouse only: how far each office's last publish is (for the dashboard's data page and BI).
CREATE VIEW v_offices AS
  SELECT office_id, province_code, first_published_at, last_published_at, publishes, watermark
  FROM offices;
`
