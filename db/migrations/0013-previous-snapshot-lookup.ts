import type { Migration } from '../../src/db/migrate.ts'

/**
 * v_snapshot_sequence finds each snapshot's previous comparable snapshot by an index lookup instead
 * of a window function. The LAG(...) OVER (PARTITION BY period_type, cohort ...) of 0006/0008 ran
 * over every comparable snapshot of the history on every query, even one that asks for a single
 * snapshot (v_latest_ranking, the ranking page): with a year of daily readings (742 snapshots) that
 * was about 1.4 ms of the SQL page query's 2 ms. Now the previous snapshot is computed only for the
 * snapshots a query reads, once per snapshot (v_ranking_history below).
 *
 * Same columns, same rows: the previous snapshot is still the latest comparable (ranked * 2 >=
 * cohort), non-withdrawn snapshot of the same period_type and cohort ordered before this one by
 * (period_start, COALESCE(as_of, period_end), id); a snapshot that is not comparable itself has none.
 * The lookup is written as three seeks, nearest first, because SQLite uses only the first term of a
 * row-value comparison over an expression index (checked: EXPLAIN QUERY PLAN showed the range
 * `period_start<?` and a scan of the whole period): the same sort key with a smaller id; else the
 * same period_start with an earlier COALESCE(as_of, period_end); else an earlier period_start.
 * test/unit/snapshot-sequence.test.ts compares it with the window definition.
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

const SAME_SEQUENCE = `p.period_type = s.period_type AND p.cohort = s.cohort
              AND p.ranked * 2 >= p.cohort AND p.withdrawn_at IS NULL`

export const m0013PreviousSnapshotLookup: Migration = {
  id: '0013-previous-snapshot-lookup',
  up({ exec }) {
    exec(`CREATE INDEX snapshots_sequence_order
      ON snapshots (period_type, cohort, period_start, COALESCE(as_of, period_end))`)
    exec('DROP VIEW IF EXISTS v_snapshot_sequence')
    exec(`CREATE VIEW v_snapshot_sequence AS
      SELECT ${SNAPSHOT_COLUMNS.map((c) => `s.${c}`).join(', ')},
             CASE WHEN s.ranked * 2 >= s.cohort THEN COALESCE(
               (SELECT max(p.id) FROM snapshots p
                WHERE ${SAME_SEQUENCE}
                  AND p.period_start = s.period_start
                  AND COALESCE(p.as_of, p.period_end) = COALESCE(s.as_of, s.period_end)
                  AND p.id < s.id),
               (SELECT p.id FROM snapshots p
                WHERE ${SAME_SEQUENCE}
                  AND p.period_start = s.period_start
                  AND COALESCE(p.as_of, p.period_end) < COALESCE(s.as_of, s.period_end)
                ORDER BY COALESCE(p.as_of, p.period_end) DESC, p.id DESC LIMIT 1),
               (SELECT p.id FROM snapshots p
                WHERE ${SAME_SEQUENCE}
                  AND p.period_start < s.period_start
                ORDER BY p.period_start DESC, COALESCE(p.as_of, p.period_end) DESC, p.id DESC LIMIT 1))
             END AS previous_snapshot_id
      FROM snapshots s
      WHERE s.withdrawn_at IS NULL`)
    // The same body as 0008's, over SELECT DISTINCT * of the sequence: its id is unique, so DISTINCT
    // changes no row, but it keeps SQLite from flattening the sequence into this join. Flattened,
    // the lookup above is copied into the join and into the output column and runs twice per
    // ranking row (35,813 rows for a year: a whole-history scan took 3x the window's time) instead of
    // once per snapshot. A WHERE on snapshot_id is still pushed down into it (EXPLAIN QUERY PLAN:
    // SEARCH s USING INTEGER PRIMARY KEY inside the co-routine). v_latest_ranking reads this by name.
    exec('DROP VIEW IF EXISTS v_ranking_history')
    exec(`CREATE VIEW v_ranking_history AS
      SELECT s.id AS snapshot_id, s.period, s.period_type, s.as_of, s.cohort, s.source_label, s.form,
             r.province_code, r.name, r.status, r.rank, r.total,
             r.ckmb, r.tdgq, r.clgq, r.tttt, r.mdhl, r.mdsh, r.online22, r.band,
             r.rank_ckmb, r.rank_tdgq, r.rank_clgq, r.rank_tttt, r.rank_mdhl, r.rank_mdsh,
             p.rank AS previous_rank,
             CASE WHEN p.rank IS NOT NULL AND r.rank IS NOT NULL THEN p.rank - r.rank END AS rank_change,
             s.previous_snapshot_id
      FROM (SELECT DISTINCT * FROM v_snapshot_sequence) s
      JOIN snapshot_rows r ON r.snapshot_id = s.id
      LEFT JOIN snapshot_rows p ON p.snapshot_id = s.previous_snapshot_id AND p.province_code = r.province_code`)
  },
}
