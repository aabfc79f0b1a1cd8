import { sql } from 'kysely'
import type { Migration } from '../../src/db/migrate.ts'

/**
 * Long texts stored once (issue 9 §3: one long shared string used in thousands of cells of an
 * xlsx, or a merged note filling a whole range, wrote its bytes into every raw row that showed it).
 *
 * - `raw_texts` holds each text longer than LONG_TEXT_CHARS (src/db/raw-rows.ts) once, keyed by the
 *   sha256 of its UTF-8 bytes, whichever file and cell brought it.
 * - In `raw_rows.cells` such a cell is written as the JSON object `{"sha256":"<hex>"}` instead of the
 *   string. Every other cell is a string, a number or null, so the object cannot be mistaken for
 *   data; and inside a JSON string a `"` is always escaped, so the text `{"sha256":"` occurs in a
 *   row's JSON only where such an object starts.
 * - `v_raw_rows` gives every raw row with those texts put back: `cells` is then byte for byte the
 *   JSON the row had before (json_quote escapes exactly as JSON.stringify does). Rows without a
 *   long text are passed through untouched. A text missing from raw_texts (never written so; only a
 *   damaged database) shows as `{"missing_sha256":"<hex>"}`, neither null nor an empty string.
 */
export const m0010RawTexts: Migration = {
  id: '0010-raw-texts',
  up({ schema, run, exec }) {
    run(
      schema
        .createTable('raw_texts')
        .addColumn('sha256', 'text', (c) => c.primaryKey().notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .modifyEnd(sql`without rowid`),
    )
    // One step per distinct long text of the row: replace every object naming the first one left
    // by the text as a JSON string, until no object is left.
    exec(`CREATE VIEW v_raw_rows AS
      SELECT r.source_file_id, r.sheet, r.row_number,
        CASE WHEN instr(r.cells, '{"sha256":"') = 0 THEN r.cells ELSE (
          WITH RECURSIVE step(cells) AS (
            SELECT r.cells
            UNION ALL
            SELECT replace(
              step.cells,
              substr(step.cells, instr(step.cells, '{"sha256":"'), 77),
              coalesce(
                (SELECT json_quote(t.text) FROM raw_texts t
                  WHERE t.sha256 = substr(step.cells, instr(step.cells, '{"sha256":"') + 11, 64)),
                '{"missing_sha256":"' || substr(step.cells, instr(step.cells, '{"sha256":"') + 11, 64) || '"}'))
            FROM step WHERE instr(step.cells, '{"sha256":"') > 0
          )
          SELECT cells FROM step WHERE instr(cells, '{"sha256":"') = 0
        ) END AS cells
      FROM raw_rows r`)
  },
}
