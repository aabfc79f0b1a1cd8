import type { Migration } from '../../src/db/migrate.ts'

/**
 * v_latest_ranking: prefer snapshots that rank at least half of the province list, so that a
 * reading built from a few provinces' own portal captures never hides the latest national table.
 * Same order as findSnapshotId in src/report/ranking.ts.
 */
export const m0004: Migration = {
  id: '0004-latest-ranking-coverage',
  up({ exec }) {
    exec('DROP VIEW IF EXISTS v_latest_ranking')
    exec(`CREATE VIEW v_latest_ranking AS
      SELECT h.* FROM v_ranking_history h
      WHERE h.snapshot_id = (SELECT id FROM snapshots
                             ORDER BY CASE WHEN ranked * 2 >= cohort THEN 0 ELSE 1 END,
                                      COALESCE(as_of, period_end) DESC,
                                      CASE period_type WHEN 'year' THEN 0 WHEN 'quarter' THEN 1 ELSE 2 END,
                                      id DESC LIMIT 1)`)
  },
}
