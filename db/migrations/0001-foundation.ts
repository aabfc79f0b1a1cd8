import { sql } from 'kysely'
import type { Migration } from '../../src/db/migrate.ts'

/** Control tables, raw and staged national readings, immutable ranking snapshots, reference data. */
export const m0001: Migration = {
  id: '0001-foundation',
  up({ schema, run, exec }) {
    run(
      schema
        .createTable('meta')
        .addColumn('key', 'text', (c) => c.primaryKey().notNull())
        .addColumn('value', 'text', (c) => c.notNull()),
    )

    run(
      schema
        .createTable('runs')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('run_key', 'text', (c) => c.notNull().unique())
        .addColumn('trigger', 'text', (c) => c.notNull())
        .addColumn('command', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .addColumn('heartbeat_at', 'text')
        .addColumn('lease_until', 'text')
        .addColumn('pid', 'integer')
        .addColumn('host', 'text')
        .addColumn('scheduled_for', 'text')
        .addColumn('files_seen', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('accepted', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('duplicate', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('waiting', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('snapshots', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('findings', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('error', 'text'),
    )

    run(
      schema
        .createTable('source_files')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('sha256', 'text', (c) => c.notNull().unique())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('mtime', 'text')
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('encoding', 'text')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('rows', 'integer', (c) => c.notNull())
        .addColumn('period', 'text')
        .addColumn('as_of', 'text')
        .addColumn('accepted_at', 'text', (c) => c.notNull())
        .addColumn('run_id', 'integer', (c) => c.references('runs.id'))
        .addColumn('archived_as', 'text'),
    )

    run(
      schema
        .createTable('file_events')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('run_id', 'integer', (c) => c.references('runs.id'))
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sql`status in ('accepted','duplicate','rejected')`),
        )
        .addColumn('kind', 'text')
        .addColumn('rows', 'integer')
        .addColumn('error_code', 'text')
        .addColumn('message', 'text')
        .addColumn('error_json', 'text')
        .addColumn('stored_as', 'text')
        .addColumn('at', 'text', (c) => c.notNull()),
    )
    run(schema.createIndex('file_events_sha256').on('file_events').column('sha256'))

    run(
      schema
        .createTable('raw_rows')
        .addColumn('source_file_id', 'integer', (c) => c.notNull().references('source_files.id'))
        .addColumn('sheet', 'text', (c) => c.notNull())
        .addColumn('row_number', 'integer', (c) => c.notNull())
        .addColumn('cells', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('raw_rows_pk', ['source_file_id', 'sheet', 'row_number'])
        .modifyEnd(sql`without rowid`),
    )
    run(
      schema
        .createTable('raw_documents')
        .addColumn('source_file_id', 'integer', (c) => c.primaryKey().notNull().references('source_files.id'))
        .addColumn('body', 'text', (c) => c.notNull()),
    )

    run(
      schema
        .createTable('ref_provinces')
        .addColumn('cohort', 'integer', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('official_name', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('region', 'text')
        .addColumn('valid_from', 'text', (c) => c.notNull())
        .addColumn('valid_to', 'text')
        .addColumn('dvcqg_code', 'text')
        .addColumn('dvcqg_uuid', 'text')
        .addColumn('merged_from', 'text')
        .addPrimaryKeyConstraint('ref_provinces_pk', ['cohort', 'code']),
    )
    run(
      schema
        .createTable('ref_province_aliases')
        .addColumn('cohort', 'integer', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('alias', 'text', (c) => c.notNull())
        .addColumn('alias_key', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('ref_province_aliases_pk', ['cohort', 'alias_key', 'code']),
    )
    run(
      schema
        .createTable('ref_groups')
        .addColumn('methodology', 'text', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('max_score', 'real', (c) => c.notNull())
        .addColumn('ord', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('ref_groups_pk', ['methodology', 'code']),
    )

    run(
      schema
        .createTable('stg_readings')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('source_file_id', 'integer', (c) => c.notNull().references('source_files.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('period_type', 'text', (c) => c.notNull())
        .addColumn('period_start', 'text', (c) => c.notNull())
        .addColumn('period_end', 'text', (c) => c.notNull())
        .addColumn('as_of', 'text')
        .addColumn('cohort', 'integer', (c) => c.notNull())
        .addColumn('form', 'text', (c) => c.notNull())
        .addColumn('title', 'text')
        .addColumn('source_label', 'text', (c) => c.notNull())
        .addColumn('methodology', 'text'),
    )
    run(
      schema
        .createTable('stg_province_scores')
        .addColumn('reading_id', 'integer', (c) => c.notNull().references('stg_readings.id'))
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('name_as_written', 'text', (c) => c.notNull())
        .addColumn('sheet', 'text')
        .addColumn('row_number', 'integer')
        .addColumn('ckmb', 'real')
        .addColumn('tdgq', 'real')
        .addColumn('clgq', 'real')
        .addColumn('tttt', 'real')
        .addColumn('mdhl', 'real')
        .addColumn('mdsh', 'real')
        .addColumn('online22', 'real')
        .addColumn('total_reported', 'real')
        .addColumn('total_computed', 'real')
        .addColumn('reported_rank', 'integer')
        .addPrimaryKeyConstraint('stg_province_scores_pk', ['reading_id', 'province_code']),
    )

    run(
      schema
        .createTable('snapshots')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('reading_id', 'integer', (c) => c.notNull().unique().references('stg_readings.id'))
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('period_type', 'text', (c) => c.notNull())
        .addColumn('period_start', 'text', (c) => c.notNull())
        .addColumn('period_end', 'text', (c) => c.notNull())
        .addColumn('as_of', 'text')
        .addColumn('cohort', 'integer', (c) => c.notNull())
        .addColumn('ranked', 'integer', (c) => c.notNull())
        .addColumn('missing', 'integer', (c) => c.notNull())
        .addColumn('form', 'text', (c) => c.notNull())
        .addColumn('source_label', 'text', (c) => c.notNull())
        .addColumn('source_file_id', 'integer', (c) => c.notNull().references('source_files.id'))
        .addColumn('methodology', 'text')
        .addColumn('taken_at', 'text', (c) => c.notNull())
        .addColumn('run_id', 'integer', (c) => c.references('runs.id')),
    )
    run(
      schema
        .createIndex('snapshots_seq')
        .on('snapshots')
        .columns(['period_type', 'cohort', 'period_start', 'as_of']),
    )
    run(
      schema
        .createTable('snapshot_rows')
        .addColumn('snapshot_id', 'integer', (c) => c.notNull().references('snapshots.id'))
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sql`status in ('ranked','incomplete','missing')`),
        )
        .addColumn('rank', 'integer')
        .addColumn('total', 'real')
        .addColumn('ckmb', 'real')
        .addColumn('tdgq', 'real')
        .addColumn('clgq', 'real')
        .addColumn('tttt', 'real')
        .addColumn('mdhl', 'real')
        .addColumn('mdsh', 'real')
        .addColumn('online22', 'real')
        .addColumn('band', 'text')
        .addColumn('rank_ckmb', 'integer')
        .addColumn('rank_tdgq', 'integer')
        .addColumn('rank_clgq', 'integer')
        .addColumn('rank_tttt', 'integer')
        .addColumn('rank_mdhl', 'integer')
        .addColumn('rank_mdsh', 'integer')
        .addColumn('rank_online22', 'integer')
        .addPrimaryKeyConstraint('snapshot_rows_pk', ['snapshot_id', 'province_code']),
    )
    run(
      schema
        .createIndex('snapshot_rows_province')
        .on('snapshot_rows')
        .columns(['province_code', 'snapshot_id']),
    )

    run(
      schema
        .createTable('findings')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('run_id', 'integer', (c) => c.references('runs.id'))
        .addColumn('source_file_id', 'integer', (c) => c.references('source_files.id'))
        .addColumn('reading_id', 'integer', (c) => c.references('stg_readings.id'))
        .addColumn('snapshot_id', 'integer', (c) => c.references('snapshots.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('severity', 'text', (c) => c.notNull())
        .addColumn('province_code', 'text')
        .addColumn('sheet', 'text')
        .addColumn('row_number', 'integer')
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('detail', 'text')
        .addColumn('at', 'text', (c) => c.notNull()),
    )

    // Snapshots are immutable; history is never rewritten. Enforced in the database so that no
    // code path (or analyst with a SQL tool) can silently change a published ranking.
    exec(`CREATE TRIGGER snapshot_rows_immutable BEFORE UPDATE ON snapshot_rows
      BEGIN SELECT RAISE(ABORT, 'snapshot rows are immutable history'); END`)
    exec(`CREATE TRIGGER snapshots_immutable BEFORE UPDATE ON snapshots
      BEGIN SELECT RAISE(ABORT, 'snapshots are immutable history'); END`)

    // --- Stable views for analysts (documented in README "SQL views") ---
    // Ordering of comparable snapshots: same period type and province set, by period start, then
    // reading date, then arrival. rank_change = previous rank - this rank (positive = moved up).
    exec(`CREATE VIEW v_snapshot_sequence AS
      SELECT s.*,
        LAG(s.id) OVER (PARTITION BY s.period_type, s.cohort
                        ORDER BY s.period_start, COALESCE(s.as_of, s.period_end), s.id) AS previous_snapshot_id
      FROM snapshots s`)
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
                             ORDER BY period_end DESC, COALESCE(as_of, period_end) DESC, id DESC LIMIT 1)`)
    exec(`CREATE VIEW v_province_scores AS
      SELECT rd.id AS reading_id, rd.period, rd.period_type, rd.as_of, rd.cohort, rd.source_label, rd.form,
             f.file_name, f.sha256, ps.sheet, ps.row_number,
             ps.province_code, ps.name_as_written,
             ps.ckmb, ps.tdgq, ps.clgq, ps.tttt, ps.mdhl, ps.mdsh, ps.online22,
             ps.total_reported, ps.total_computed, ps.reported_rank
      FROM stg_province_scores ps
      JOIN stg_readings rd ON rd.id = ps.reading_id
      JOIN source_files f ON f.id = rd.source_file_id`)
  },
}
