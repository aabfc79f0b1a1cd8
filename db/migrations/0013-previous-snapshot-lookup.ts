import type { Migration } from '../../src/db/migrate.ts'

/**
 * v_snapshot_sequence finds each snapshot's previous comparable snapshot by an index lookup instead
 * of a window function. The LAG(...) OVER (PARTITION BY period_type, cohort ...) of 0006/0008 ran
 * over every comparable snapshot of the history on every query, even one that asks for a single
 * snapshot (v_latest_ranking, the ranking page): with a year of daily readings (742 snapshots) that
 * was about 1.4 ms of the SQL page query's 2 ms. Now the previous snapshot is computed only for the
 * rows a query reads (none at all when it reads no rank change: the join is then left out).
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
    // Dependent views (v_ranking_history, v_latest_ranking) read v_snapshot_sequence by name.
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
  },
}
