import type { Migration } from '../../src/db/migrate.ts'

/**
 * A provincial row's typed cells stored as one row per table row instead of one row per cell.
 *
 * Why: a provincial export stores, per unit, its row, its facts and every typed cell (about 12 per
 * unit for T1). The cells were ~12 inserts per unit, half of a 200,000-row export's load time, for a
 * table no view, report or publish reads (it is provenance: which cell held what, and how it was
 * read). Now each row's cells are one JSON array of
 * `[measure, kind, value, raw, column_letter, style, repaired]`, and `stg_unit_counts` becomes a view
 * with exactly its old columns and rows, so a query written for the table still runs.
 *
 * Nothing is dropped: every cell is kept, null stays JSON null (SQL NULL through the view), numbers
 * are written by JSON.stringify (the shortest text that reads back as the same double) and read back
 * by SQLite's JSON parser (test/unit/unit-cells.test.ts checks the round trip). Existing rows move
 * into the new table in this migration's transaction.
 */
export const m0011UnitCells: Migration = {
  id: '0011-unit-cells',
  up({ exec }) {
    exec(`CREATE TABLE stg_unit_cells (
      reading_id integer NOT NULL REFERENCES stg_unit_readings(id),
      -- null = the table's totals row
      unit_id integer REFERENCES stg_units(id),
      row_number integer NOT NULL,
      cells text NOT NULL
    )`)
    exec('CREATE INDEX stg_unit_cells_reading ON stg_unit_cells (reading_id, unit_id)')
    exec(`INSERT INTO stg_unit_cells (reading_id, unit_id, row_number, cells)
      SELECT reading_id, unit_id, row_number,
             json_group_array(json_array(measure, kind, value, raw, column_letter, style, repaired))
      FROM (SELECT rowid AS rid, * FROM stg_unit_counts ORDER BY rowid)
      GROUP BY reading_id, unit_id, row_number
      ORDER BY MIN(rid)`)
    exec('DROP TRIGGER stg_unit_counts_immutable')
    exec('DROP INDEX stg_unit_counts_reading')
    exec('DROP TABLE stg_unit_counts')
    exec(`CREATE TRIGGER stg_unit_cells_immutable BEFORE UPDATE ON stg_unit_cells
      BEGIN SELECT RAISE(ABORT, 'stg_unit_cells rows are immutable history'); END`)
    exec(`CREATE VIEW stg_unit_counts AS
      SELECT c.reading_id, c.unit_id, c.row_number,
             j.value ->> 0 AS measure, j.value ->> 1 AS kind, j.value ->> 2 AS value, j.value ->> 3 AS raw,
             j.value ->> 4 AS column_letter, j.value ->> 5 AS style, j.value ->> 6 AS repaired
      FROM stg_unit_cells c, json_each(c.cells) j`)
  },
}
