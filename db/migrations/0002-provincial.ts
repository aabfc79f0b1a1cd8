import { sql } from 'kysely'
import type { Migration } from '../../src/db/migrate.ts'

/**
 * Provincial one-stop system exports (issue 4, docs/provincial-exports.md §3): units of a province
 * (agencies, districts, communes) with their identity across files, one reading per table sheet, every
 * typed cell, the indicator facts recomputed from counts, and the province roll-up (sums of counts,
 * never averages of rates).
 *
 * Readings live in their own table, not stg_readings: stg_readings are national ranking readings and
 * every one of them is snapshotted into a 34/63-province ranking.
 */
export const m0002: Migration = {
  id: '0002-provincial',
  up({ schema, run, exec }) {
    run(
      schema
        .createTable('stg_units')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        // The province territory the unit belongs to: the GSO code, or "<code>@<cohort>" for a province
        // that changed in 2025 (src/provincial/units.ts).
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('cohort', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_key', 'text', (c) => c.notNull())
        .addColumn('eid_code', 'text')
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('first_source_file_id', 'integer', (c) => c.notNull().references('source_files.id')),
    )
    run(schema.createIndex('stg_units_scope').on('stg_units').columns(['scope', 'name_key']))
    run(
      schema
        .createTable('stg_unit_aliases')
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('code','name')`))
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('stg_units.id'))
        .addColumn('source_file_id', 'integer', (c) => c.notNull().references('source_files.id'))
        .addPrimaryKeyConstraint('stg_unit_aliases_pk', ['scope', 'kind', 'value']),
    )
    run(schema.createIndex('stg_unit_aliases_unit').on('stg_unit_aliases').columns(['unit_id', 'kind']))
    run(
      schema
        .createTable('stg_unit_readings')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('source_file_id', 'integer', (c) => c.notNull().references('source_files.id'))
        .addColumn('sheet', 'text', (c) => c.notNull())
        .addColumn('family', 'text', (c) => c.notNull())
        .addColumn('table_code', 'text', (c) => c.notNull())
        .addColumn('title', 'text')
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('period_type', 'text', (c) => c.notNull())
        .addColumn('period_start', 'text', (c) => c.notNull())
        .addColumn('period_end', 'text', (c) => c.notNull())
        .addColumn('as_of', 'text')
        .addColumn('period_source', 'text', (c) => c.notNull())
        .addColumn('cohort', 'integer', (c) => c.notNull())
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('province_source', 'text', (c) => c.notNull())
        .addColumn('units', 'integer', (c) => c.notNull())
        .addColumn('totals_row', 'integer')
        .addColumn('mangled', 'integer', (c) => c.notNull()),
    )
    run(
      schema
        .createIndex('stg_unit_readings_scope')
        .on('stg_unit_readings')
        .columns(['scope', 'period_type', 'period_start', 'as_of']),
    )
    run(
      schema
        .createTable('stg_unit_rows')
        .addColumn('reading_id', 'integer', (c) => c.notNull().references('stg_unit_readings.id'))
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('stg_units.id'))
        .addColumn('row_number', 'integer', (c) => c.notNull())
        .addColumn('stt', 'text')
        .addColumn('name_as_written', 'text', (c) => c.notNull())
        .addColumn('eid_code', 'text')
        .addColumn('section', 'text')
        .addColumn('level', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('stg_unit_rows_pk', ['reading_id', 'unit_id']),
    )
    run(
      schema
        .createTable('stg_unit_counts')
        .addColumn('reading_id', 'integer', (c) => c.notNull().references('stg_unit_readings.id'))
        // null = the table's totals row
        .addColumn('unit_id', 'integer', (c) => c.references('stg_units.id'))
        .addColumn('row_number', 'integer', (c) => c.notNull())
        .addColumn('measure', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('value', 'real')
        .addColumn('raw', 'text')
        .addColumn('column_letter', 'text', (c) => c.notNull())
        .addColumn('style', 'text', (c) => c.notNull())
        .addColumn('repaired', 'integer', (c) => c.notNull()),
    )
    run(
      schema
        .createIndex('stg_unit_counts_reading')
        .on('stg_unit_counts')
        .columns(['reading_id', 'unit_id', 'measure']),
    )
    run(
      schema
        .createTable('stg_unit_facts')
        .addColumn('reading_id', 'integer', (c) => c.notNull().references('stg_unit_readings.id'))
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('stg_units.id'))
        .addColumn('family', 'text', (c) => c.notNull())
        .addColumn('indicator', 'text', (c) => c.notNull())
        .addColumn('metric', 'text')
        .addColumn('numerator', 'real', (c) => c.notNull())
        .addColumn('denominator', 'real', (c) => c.notNull())
        .addColumn('value', 'real')
        .addColumn('exported_rate', 'real')
        .addColumn('exported_column', 'text')
        .addColumn('numerator_columns', 'text', (c) => c.notNull())
        .addColumn('denominator_columns', 'text', (c) => c.notNull())
        .addColumn('sheet', 'text', (c) => c.notNull())
        .addColumn('row_number', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('stg_unit_facts_pk', ['reading_id', 'unit_id', 'indicator']),
    )
    run(schema.createIndex('stg_unit_facts_unit').on('stg_unit_facts').columns(['unit_id', 'indicator']))

    // Staged unit data is history like the rest: a later export of the same period is a new reading.
    for (const t of ['stg_unit_readings', 'stg_unit_rows', 'stg_unit_counts', 'stg_unit_facts']) {
      exec(`CREATE TRIGGER ${t}_immutable BEFORE UPDATE ON ${t}
        BEGIN SELECT RAISE(ABORT, '${t} rows are immutable history'); END`)
    }

    // --- Views for analysts ---
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
      JOIN source_files sf ON sf.id = r.source_file_id`)
    // The province roll-up of one reading: counts summed over its units, the rate recomputed from the
    // sums (an average of unit rates would weight a 3-dossier commune like a 3,000-dossier agency).
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
      GROUP BY r.id, f.indicator`)
    exec(`CREATE VIEW v_units AS
      SELECT u.id AS unit_id, u.scope, u.province_code, u.name, u.level,
             (SELECT a.value FROM stg_unit_aliases a WHERE a.unit_id = u.id AND a.kind = 'code' LIMIT 1) AS eid_code,
             (SELECT COUNT(*) FROM stg_unit_rows ur WHERE ur.unit_id = u.id) AS readings
      FROM stg_units u`)
  },
}
