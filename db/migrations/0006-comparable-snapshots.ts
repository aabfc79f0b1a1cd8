import type { Migration } from '../../src/db/migrate.ts'

/**
 * Rank change compares only snapshots that rank at least half of the province list. A reading made
 * from a few provinces' own portal pages ranks "1 of 34" on two provinces: as the "previous"
 * snapshot it produced rank changes like -22; as the current one its changes mean nothing. Such
 * snapshots now have no previous snapshot, and are skipped as anyone's previous.
 * (Dependent views read v_snapshot_sequence by name, so replacing it is enough.)
 */
export const m0006: Migration = {
  id: '0006-comparable-snapshots',
  up({ exec }) {
    exec('DROP VIEW IF EXISTS v_snapshot_sequence')
    exec(`CREATE VIEW v_snapshot_sequence AS
      WITH comparable AS (
        SELECT id,
               LAG(id) OVER (PARTITION BY period_type, cohort
                             ORDER BY period_start, COALESCE(as_of, period_end), id) AS previous_snapshot_id
        FROM snapshots
        WHERE ranked * 2 >= cohort
      )
      SELECT s.*, c.previous_snapshot_id
      FROM snapshots s
      LEFT JOIN comparable c ON c.id = s.id`)
  },
}
