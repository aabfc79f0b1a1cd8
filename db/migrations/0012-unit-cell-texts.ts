import type { Migration } from '../../src/db/migrate.ts'

/**
 * The provincial typed cells keep a long raw text once, as the raw rows do (migration 0010): a text
 * over LONG_TEXT_CHARS in stg_unit_cells is `{"sha256":"<hex>"}` at the raw place of its cell, its
 * text in raw_texts. One 30,000-character shared string in the "Lĩnh vực" column of 1,000 units
 * cost 40 MB here (one copy per unit) although the raw rows kept it once.
 *
 * The stg_unit_counts view gives the text back, so its columns and rows are what they were; every
 * other value is read as in 0011. A text missing from raw_texts (only a damaged database) shows as
 * `{"missing_sha256":"<hex>"}`, neither null nor an empty string.
 */
export const m0012UnitCellTexts: Migration = {
  id: '0012-unit-cell-texts',
  up({ exec }) {
    exec('DROP VIEW stg_unit_counts')
    exec(`CREATE VIEW stg_unit_counts AS
      SELECT c.reading_id, c.unit_id, c.row_number,
             j.value ->> 0 AS measure, j.value ->> 1 AS kind, j.value ->> 2 AS value,
             CASE WHEN json_type(j.value, '$[3]') = 'object' THEN coalesce(
               (SELECT t.text FROM raw_texts t WHERE t.sha256 = j.value ->> '$[3].sha256'),
               '{"missing_sha256":"' || (j.value ->> '$[3].sha256') || '"}')
             ELSE j.value ->> 3 END AS raw,
             j.value ->> 4 AS column_letter, j.value ->> 5 AS style, j.value ->> 6 AS repaired
      FROM stg_unit_cells c, json_each(c.cells) j`)
  },
}
