import { sql } from 'kysely'
import type { Migration } from '../../src/db/migrate.ts'

/**
 * Portal API captures (issue 3, docs/inputs.md §B) and the metric-level scores computed from them.
 *
 * stg_portal_* hold one capture file each, exactly as the portal answered: every unit (the province
 * overview and its agencies/communes) with code, type and level; every metric with numerator,
 * denominator, ratio, reported score and maximum, data-quality flags and unknown keys; every tree
 * parameter. null stays null.
 *
 * mart_portal_* are what src/score/materialise.ts computes from them: one score set per province and
 * (period, as-of date, set of source captures), with every metric and group reported beside computed,
 * the points lost and the methodology version used. A set of score sets that gives at least one
 * province a total becomes a national reading (stg_readings, kind 'portal-metrics') and is snapshotted
 * like a national table. Everything here is insert-only history: a later capture of the same period
 * is a new capture and a new score set, never an update.
 */
export const m0003: Migration = {
  id: '0003-portal-metrics',
  up({ schema, run, exec }) {
    run(
      schema
        .createTable('stg_portal_captures')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('source_file_id', 'integer', (c) => c.notNull().unique().references('source_files.id'))
        .addColumn('endpoint', 'text', (c) => c.notNull())
        .addColumn('endpoint_from', 'text', (c) => c.notNull())
        .addColumn('form', 'text', (c) => c.notNull().check(sql`form in ('A','B','summary')`))
        // null for service-results (all six groups)
        .addColumn('group_code', 'text')
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('period_type', 'text', (c) => c.notNull())
        .addColumn('period_start', 'text', (c) => c.notNull())
        .addColumn('period_end', 'text', (c) => c.notNull())
        .addColumn('period_from', 'text', (c) => c.notNull())
        .addColumn('as_of', 'text')
        .addColumn('as_of_from', 'text')
        .addColumn('captured_at', 'text')
        .addColumn('root_department_id', 'text')
        // The province the capture is about (34-province codes); null for service-results.
        .addColumn('province_code', 'text')
        .addColumn('cohort', 'integer', (c) => c.notNull())
        .addColumn('methodology', 'text')
        .addColumn('response_code', 'text')
        .addColumn('response_message', 'text')
        .addColumn('request_endpoint', 'text')
        .addColumn('request_payload', 'text')
        .addColumn('extra', 'text')
        .addColumn('warnings', 'text')
        .addColumn('units', 'integer', (c) => c.notNull()),
    )
    run(
      schema
        .createIndex('stg_portal_captures_key')
        .on('stg_portal_captures')
        .columns(['period', 'as_of', 'province_code', 'endpoint']),
    )
    run(
      schema
        .createTable('stg_portal_units')
        .addColumn('capture_id', 'integer', (c) => c.notNull().references('stg_portal_captures.id'))
        // 0 = the overview (data.overview / data.parent), 1.. = data.evaluation[] / data.children[]
        .addColumn('ord', 'integer', (c) => c.notNull())
        .addColumn('source_file_id', 'integer', (c) => c.notNull().references('source_files.id'))
        .addColumn('path', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('overview','unit')`))
        .addColumn('province_code', 'text')
        .addColumn('department_id', 'text')
        .addColumn('department_name', 'text')
        .addColumn('department_code', 'text')
        .addColumn('department_type', 'text')
        .addColumn('department_level', 'text')
        .addColumn('total_score', 'real')
        .addColumn('total_max_score', 'real')
        .addColumn('ratio', 'real')
        .addColumn('score_delta', 'real')
        // service-results only: the six group scores as reported
        .addColumn('ckmb', 'real')
        .addColumn('tdgq', 'real')
        .addColumn('clgq', 'real')
        .addColumn('tttt', 'real')
        .addColumn('mdhl', 'real')
        .addColumn('mdsh', 'real')
        .addColumn('extra', 'text')
        .addPrimaryKeyConstraint('stg_portal_units_pk', ['capture_id', 'ord']),
    )
    run(
      schema
        .createIndex('stg_portal_units_department')
        .on('stg_portal_units')
        .columns(['department_id', 'capture_id']),
    )
    run(
      schema
        .createTable('stg_portal_metrics')
        .addColumn('capture_id', 'integer', (c) => c.notNull().references('stg_portal_captures.id'))
        .addColumn('unit_ord', 'integer', (c) => c.notNull())
        .addColumn('source_file_id', 'integer', (c) => c.notNull().references('source_files.id'))
        .addColumn('path', 'text', (c) => c.notNull())
        .addColumn('department_id', 'text')
        .addColumn('group_code', 'text', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('name', 'text')
        .addColumn('numerator', 'real')
        .addColumn('denominator', 'real')
        .addColumn('ratio', 'real')
        .addColumn('score', 'real')
        .addColumn('max_score', 'real')
        .addColumn('data_quality_status', 'text')
        .addColumn('data_quality_message', 'text')
        .addColumn('extra', 'text')
        .addPrimaryKeyConstraint('stg_portal_metrics_pk', ['capture_id', 'unit_ord', 'code']),
    )
    run(
      schema
        .createTable('stg_portal_params')
        .addColumn('capture_id', 'integer', (c) => c.notNull().references('stg_portal_captures.id'))
        .addColumn('unit_ord', 'integer', (c) => c.notNull())
        .addColumn('source_file_id', 'integer', (c) => c.notNull().references('source_files.id'))
        .addColumn('department_id', 'text')
        .addColumn('group_code', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('value', 'real')
        .addPrimaryKeyConstraint('stg_portal_params_pk', ['capture_id', 'unit_ord', 'name']),
    )

    // --- computed (src/score/materialise.ts) ---
    run(
      schema
        .createTable('mart_portal_scores')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('cohort', 'integer', (c) => c.notNull())
        .addColumn('department_id', 'text')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('period_type', 'text', (c) => c.notNull())
        .addColumn('period_start', 'text', (c) => c.notNull())
        .addColumn('period_end', 'text', (c) => c.notNull())
        .addColumn('as_of', 'text')
        // sorted ids of the captures this set was computed from, e.g. "12,13,14,15,16,17"
        .addColumn('capture_key', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('methodology', 'text', (c) => c.notNull())
        .addColumn('total', 'real')
        .addColumn('computed_total', 'real')
        .addColumn('reported_total', 'real')
        .addColumn('max_total', 'real', (c) => c.notNull())
        .addColumn('points_lost', 'real')
        .addColumn('groups_known', 'integer', (c) => c.notNull())
        .addColumn('complete', 'integer', (c) => c.notNull())
        .addColumn('findings', 'integer', (c) => c.notNull())
        .addColumn('latest_source_file_id', 'integer', (c) => c.notNull().references('source_files.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('run_id', 'integer', (c) => c.references('runs.id')),
    )
    run(
      schema
        .createIndex('mart_portal_scores_key')
        .on('mart_portal_scores')
        .columns(['province_code', 'period', 'capture_key'])
        .unique(),
    )
    run(
      schema
        .createIndex('mart_portal_scores_period')
        .on('mart_portal_scores')
        .columns(['period', 'as_of', 'province_code']),
    )
    run(
      schema
        .createTable('mart_group_scores')
        .addColumn('score_id', 'integer', (c) => c.notNull().references('mart_portal_scores.id'))
        .addColumn('group_code', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('reported_score', 'real')
        .addColumn('computed_score', 'real')
        .addColumn('score', 'real')
        .addColumn('score_source', 'text')
        .addColumn('max_score', 'real', (c) => c.notNull())
        .addColumn('points_lost', 'real')
        .addColumn('estimate', 'integer', (c) => c.notNull())
        .addColumn('methodology', 'text', (c) => c.notNull())
        // the capture the group came from (a group capture, or the service-results capture)
        .addColumn('capture_id', 'integer', (c) => c.references('stg_portal_captures.id'))
        .addColumn('source', 'text')
        .addPrimaryKeyConstraint('mart_group_scores_pk', ['score_id', 'group_code']),
    )
    run(
      schema
        .createTable('mart_metric_scores')
        .addColumn('score_id', 'integer', (c) => c.notNull().references('mart_portal_scores.id'))
        .addColumn('group_code', 'text', (c) => c.notNull())
        .addColumn('metric_code', 'text', (c) => c.notNull())
        .addColumn('ord', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('numerator', 'real')
        .addColumn('denominator', 'real')
        .addColumn('ratio', 'real')
        .addColumn('reported_ratio', 'real')
        .addColumn('reported_score', 'real')
        .addColumn('computed_score', 'real')
        .addColumn('score', 'real')
        .addColumn('max_score', 'real', (c) => c.notNull())
        .addColumn('points_lost', 'real')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('estimate', 'integer', (c) => c.notNull())
        .addColumn('component', 'integer', (c) => c.notNull())
        .addColumn('rule', 'text', (c) => c.notNull())
        // threshold rules: full points at ratio >= threshold (a fraction); linear: 1
        .addColumn('threshold', 'real')
        .addColumn('zero_denominator', 'text', (c) => c.notNull())
        .addColumn('data_quality_status', 'text')
        .addColumn('data_quality_message', 'text')
        .addColumn('note', 'text')
        .addColumn('methodology', 'text', (c) => c.notNull())
        .addColumn('capture_id', 'integer', (c) => c.references('stg_portal_captures.id'))
        .addPrimaryKeyConstraint('mart_metric_scores_pk', ['score_id', 'metric_code']),
    )
    run(
      schema
        .createTable('mart_portal_readings')
        .addColumn('reading_id', 'integer', (c) => c.primaryKey().notNull().references('stg_readings.id'))
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('as_of', 'text')
        // sorted ids of the score sets in the reading: the reading's identity (idempotent refresh)
        .addColumn('score_key', 'text', (c) => c.notNull().unique())
        .addColumn('provinces', 'integer', (c) => c.notNull())
        .addColumn('complete', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull()),
    )
    run(
      schema
        .createTable('mart_portal_reading_scores')
        .addColumn('reading_id', 'integer', (c) => c.notNull().references('stg_readings.id'))
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('score_id', 'integer', (c) => c.notNull().references('mart_portal_scores.id'))
        .addPrimaryKeyConstraint('mart_portal_reading_scores_pk', ['reading_id', 'province_code']),
    )

    for (const t of [
      'stg_portal_captures',
      'stg_portal_units',
      'stg_portal_metrics',
      'stg_portal_params',
      'mart_portal_scores',
      'mart_group_scores',
      'mart_metric_scores',
      'mart_portal_readings',
      'mart_portal_reading_scores',
    ]) {
      exec(`CREATE TRIGGER ${t}_immutable BEFORE UPDATE ON ${t}
        BEGIN SELECT RAISE(ABORT, '${t} rows are immutable history'); END`)
    }

    // --- Views for analysts ---
    exec(`CREATE VIEW v_portal_metrics AS
      SELECT c.id AS capture_id, c.endpoint, c.period, c.period_type, c.as_of, c.captured_at,
             c.province_code, u.department_id, u.department_name, u.department_code, u.department_type,
             u.department_level, u.role, m.group_code, m.code, m.name, m.numerator, m.denominator, m.ratio,
             m.score, m.max_score, m.data_quality_status, m.data_quality_message, m.extra,
             f.file_name, m.path
      FROM stg_portal_metrics m
      JOIN stg_portal_captures c ON c.id = m.capture_id
      JOIN stg_portal_units u ON u.capture_id = m.capture_id AND u.ord = m.unit_ord
      JOIN source_files f ON f.id = m.source_file_id`)
    exec(`CREATE VIEW v_portal_metric_scores AS
      SELECT s.id AS score_id, s.province_code, s.name AS province_name, s.period, s.period_type, s.as_of,
             s.source, s.methodology, m.group_code, m.metric_code, m.name, m.numerator, m.denominator,
             m.ratio, m.reported_score, m.computed_score, m.score, m.max_score, m.points_lost, m.status,
             m.estimate, m.component, m.rule, m.threshold,
             CASE WHEN m.reported_score IS NOT NULL AND m.computed_score IS NOT NULL
                  THEN ROUND(m.reported_score - m.computed_score, 2) END AS difference
      FROM mart_metric_scores m
      JOIN mart_portal_scores s ON s.id = m.score_id`)
    exec(`CREATE VIEW v_portal_group_scores AS
      SELECT s.id AS score_id, s.province_code, s.name AS province_name, s.period, s.period_type, s.as_of,
             s.source, s.methodology, s.total, s.computed_total, s.reported_total, s.complete,
             g.group_code, g.reported_score, g.computed_score, g.score, g.score_source, g.max_score,
             g.points_lost, g.estimate
      FROM mart_group_scores g
      JOIN mart_portal_scores s ON s.id = g.score_id`)
  },
}
