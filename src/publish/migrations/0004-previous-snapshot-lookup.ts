/**
 * v_snapshot_sequence finds each snapshot's previous comparable snapshot by an index lookup, as
 * SQLite's does since its migration 0013, instead of a LAG window over every snapshot of the
 * warehouse on every query: a query for one snapshot (v_latest_ranking, v_latest_national_ranking)
 * now looks up only that snapshot's previous one. Same columns (and types), same rows: the latest
 * snapshot with ranked * 2 >= cohort of the same period_type and cohort ordered before this one by
 * (period_start, COALESCE(as_of, period_end), seq); none for a snapshot that is not comparable
 * itself. (Withdrawn snapshots are never published.) The dependent views keep reading it by name.
 */
export const WAREHOUSE_0004 = `
CREATE INDEX snapshots_sequence_order
  ON snapshots (period_type, cohort, period_start, (COALESCE(as_of, period_end)), seq)
  WHERE ranked * 2 >= cohort;
CREATE OR REPLACE VIEW v_snapshot_sequence AS
  SELECT s.id, s.reading_id, s.period, s.period_type, s.period_start, s.period_end, s.as_of, s.cohort,
         s.ranked, s.missing, s.form, s.source_label, s.source_file_id, s.methodology, s.taken_at,
         s.run_id, prev.id AS previous_snapshot_id
  FROM snapshots s
  LEFT JOIN LATERAL (
    SELECT p.id FROM snapshots p
    WHERE s.ranked * 2 >= s.cohort
      AND p.period_type = s.period_type AND p.cohort = s.cohort AND p.ranked * 2 >= p.cohort
      AND (p.period_start, COALESCE(p.as_of, p.period_end), p.seq)
          < (s.period_start, COALESCE(s.as_of, s.period_end), s.seq)
    ORDER BY p.period_start DESC, COALESCE(p.as_of, p.period_end) DESC, p.seq DESC
    LIMIT 1
  ) prev ON true;
`
