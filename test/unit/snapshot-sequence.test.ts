/**
 * v_snapshot_sequence (migration 0013) gives the same previous snapshot as the window definition it
 * replaced (0008: LAG over every comparable, non-withdrawn snapshot of the same period type and
 * cohort), and so v_ranking_history the same rank changes, on a history with several period types,
 * cohorts and period starts, two snapshots with the same date, a snapshot without as_of, a reading
 * that arrived late, a withdrawn snapshot and one that ranks too few provinces to compare. And a
 * query for one snapshot no longer scans the history, nor a whole-history query look up the
 * previous snapshot once per ranking row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type App, openApp } from '../../src/app.ts'
import { tempHome } from '../helpers.ts'

const SNAPSHOT_COLUMNS =
  's.id, s.reading_id, s.period, s.period_type, s.period_start, s.period_end, s.as_of, s.cohort, ' +
  's.ranked, s.missing, s.form, s.source_label, s.source_file_id, s.methodology, s.taken_at, s.run_id'

/** The definitions of migration 0008, as TEMP views over the same tables. */
const OLD_VIEWS = [
  `CREATE TEMP VIEW old_sequence AS
    WITH comparable AS (
      SELECT id,
             LAG(id) OVER (PARTITION BY period_type, cohort
                           ORDER BY period_start, COALESCE(as_of, period_end), id) AS previous_snapshot_id
      FROM main.snapshots
      WHERE ranked * 2 >= cohort AND withdrawn_at IS NULL
    )
    SELECT ${SNAPSHOT_COLUMNS}, c.previous_snapshot_id
    FROM main.snapshots s
    LEFT JOIN comparable c ON c.id = s.id
    WHERE s.withdrawn_at IS NULL`,
  `CREATE TEMP VIEW old_history AS
    SELECT s.id AS snapshot_id, s.period, s.period_type, s.as_of, s.cohort, s.source_label, s.form,
           r.province_code, r.name, r.status, r.rank, r.total,
           r.ckmb, r.tdgq, r.clgq, r.tttt, r.mdhl, r.mdsh, r.online22, r.band,
           r.rank_ckmb, r.rank_tdgq, r.rank_clgq, r.rank_tttt, r.rank_mdhl, r.rank_mdsh,
           p.rank AS previous_rank,
           CASE WHEN p.rank IS NOT NULL AND r.rank IS NOT NULL THEN p.rank - r.rank END AS rank_change,
           s.previous_snapshot_id
    FROM old_sequence s
    JOIN main.snapshot_rows r ON r.snapshot_id = s.id
    LEFT JOIN main.snapshot_rows p ON p.snapshot_id = s.previous_snapshot_id AND p.province_code = r.province_code`,
]

interface Snap {
  name: string
  periodType: 'year' | 'quarter' | 'month'
  period: string
  start: string
  end: string
  asOf: string | null
  cohort: 34 | 63
  ranked: number
}

/** In insertion (id) order; 'late' is older than the two before it but gets a higher id. */
const SNAPS: Snap[] = [
  {
    name: 'y63-a',
    periodType: 'year',
    period: '2024',
    start: '2024-01-01',
    end: '2024-12-31',
    asOf: '2024-03-01',
    cohort: 63,
    ranked: 63,
  },
  {
    name: 'y63-b',
    periodType: 'year',
    period: '2024',
    start: '2024-01-01',
    end: '2024-12-31',
    asOf: '2024-04-01',
    cohort: 63,
    ranked: 63,
  },
  {
    name: 'y63-few',
    periodType: 'year',
    period: '2024',
    start: '2024-01-01',
    end: '2024-12-31',
    asOf: '2024-04-15',
    cohort: 63,
    ranked: 4,
  },
  {
    name: 'y63-withdrawn',
    periodType: 'year',
    period: '2024',
    start: '2024-01-01',
    end: '2024-12-31',
    asOf: '2024-05-01',
    cohort: 63,
    ranked: 63,
  },
  {
    name: 'y63-c',
    periodType: 'year',
    period: '2024',
    start: '2024-01-01',
    end: '2024-12-31',
    asOf: '2024-06-01',
    cohort: 63,
    ranked: 60,
  },
  {
    name: 'y63-c-again',
    periodType: 'year',
    period: '2024',
    start: '2024-01-01',
    end: '2024-12-31',
    asOf: '2024-06-01',
    cohort: 63,
    ranked: 63,
  },
  {
    name: 'y63-late',
    periodType: 'year',
    period: '2024',
    start: '2024-01-01',
    end: '2024-12-31',
    asOf: '2024-03-15',
    cohort: 63,
    ranked: 63,
  },
  {
    name: 'y63-no-as-of',
    periodType: 'year',
    period: '2024',
    start: '2024-01-01',
    end: '2024-12-31',
    asOf: null,
    cohort: 63,
    ranked: 63,
  },
  {
    name: 'y34-a',
    periodType: 'year',
    period: '2026',
    start: '2026-01-01',
    end: '2026-12-31',
    asOf: '2026-02-01',
    cohort: 34,
    ranked: 34,
  },
  {
    name: 'y34-half',
    periodType: 'year',
    period: '2026',
    start: '2026-01-01',
    end: '2026-12-31',
    asOf: '2026-03-01',
    cohort: 34,
    ranked: 17,
  },
  {
    name: 'y34-b',
    periodType: 'year',
    period: '2026',
    start: '2026-01-01',
    end: '2026-12-31',
    asOf: '2026-04-01',
    cohort: 34,
    ranked: 34,
  },
  {
    name: 'q34-q2',
    periodType: 'quarter',
    period: '2026-Q2',
    start: '2026-04-01',
    end: '2026-06-30',
    asOf: '2026-06-30',
    cohort: 34,
    ranked: 34,
  },
  {
    name: 'q34-q1',
    periodType: 'quarter',
    period: '2026-Q1',
    start: '2026-01-01',
    end: '2026-03-31',
    asOf: '2026-03-31',
    cohort: 34,
    ranked: 34,
  },
  {
    name: 'q34-q3-few',
    periodType: 'quarter',
    period: '2026-Q3',
    start: '2026-07-01',
    end: '2026-09-30',
    asOf: '2026-09-30',
    cohort: 34,
    ranked: 3,
  },
  {
    name: 'q34-q4',
    periodType: 'quarter',
    period: '2026-Q4',
    start: '2026-10-01',
    end: '2026-12-31',
    asOf: null,
    cohort: 34,
    ranked: 34,
  },
  {
    name: 'q34-q2-again',
    periodType: 'quarter',
    period: '2026-Q2',
    start: '2026-04-01',
    end: '2026-06-30',
    asOf: '2026-05-15',
    cohort: 34,
    ranked: 34,
  },
  {
    name: 'm34-jan',
    periodType: 'month',
    period: '2026-01',
    start: '2026-01-01',
    end: '2026-01-31',
    asOf: '2026-02-01',
    cohort: 34,
    ranked: 34,
  },
  {
    name: 'm34-feb',
    periodType: 'month',
    period: '2026-02',
    start: '2026-02-01',
    end: '2026-02-28',
    asOf: '2026-03-01',
    cohort: 34,
    ranked: 34,
  },
]
const PROVINCES = ['01', '31', '66']

let app: App
const ids = new Map<string, number>()

function seed(): void {
  const db = app.store.raw
  const file = db
    .prepare(
      `INSERT INTO source_files (sha256, file_name, size, format, kind, rows, accepted_at)
       VALUES ('test-sha', 'xep-hang.csv', 1, 'csv', 'national', 1, '2026-01-01T00:00:00Z')`,
    )
    .run().lastInsertRowid
  const reading = db.prepare(
    `INSERT INTO stg_readings (source_file_id, kind, period, period_type, period_start, period_end, as_of,
       cohort, form, source_label) VALUES (?, 'national', ?, ?, ?, ?, ?, ?, 'table', 'national-table')`,
  )
  const snapshot = db.prepare(
    `INSERT INTO snapshots (reading_id, period, period_type, period_start, period_end, as_of, cohort,
       ranked, missing, form, source_label, source_file_id, taken_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'table', 'national-table', ?, '2026-01-01T00:00:00Z')`,
  )
  const row = db.prepare(
    `INSERT INTO snapshot_rows (snapshot_id, province_code, name, status, rank, total)
     VALUES (?, ?, ?, ?, ?, ?)`,
  )
  for (const [i, s] of SNAPS.entries()) {
    const r = reading.run(file, s.period, s.periodType, s.start, s.end, s.asOf, s.cohort).lastInsertRowid
    const id = Number(
      snapshot.run(
        r,
        s.period,
        s.periodType,
        s.start,
        s.end,
        s.asOf,
        s.cohort,
        s.ranked,
        s.cohort - s.ranked,
        file,
      ).lastInsertRowid,
    )
    ids.set(s.name, id)
    for (const [j, code] of PROVINCES.entries()) {
      // ranks move from one snapshot to the next; the last province is unranked in every third one
      const unranked = j === 2 && i % 3 === 0
      const rank = unranked ? null : ((i + j) % PROVINCES.length) + 1
      row.run(id, code, `Tỉnh ${code}`, unranked ? 'incomplete' : 'ranked', rank, 80 - (rank ?? 0))
    }
  }
  db.prepare(`UPDATE snapshots SET withdrawn_at = '2026-01-02T00:00:00Z' WHERE id = ?`).run(
    ids.get('y63-withdrawn'),
  )
}

const all = (sql: string) => app.store.raw.prepare(sql).raw(true).all()

describe('v_snapshot_sequence: previous snapshot by index lookup', () => {
  beforeAll(() => {
    app = openApp(tempHome())
    seed()
    for (const v of OLD_VIEWS) app.store.raw.exec(v)
  })
  afterAll(async () => {
    await app.close()
  })

  it('has the same rows as the window definition', () => {
    const now = all('SELECT * FROM v_snapshot_sequence ORDER BY id')
    const old = all('SELECT * FROM old_sequence ORDER BY id')
    expect(now.length).toBe(SNAPS.length - 1)
    expect(now).toEqual(old)
  })

  it('gives every ranking row the same previous rank and rank change', () => {
    const order = 'ORDER BY snapshot_id, province_code'
    const now = all(`SELECT * FROM v_ranking_history ${order}`)
    expect(now.length).toBe((SNAPS.length - 1) * PROVINCES.length)
    expect(now).toEqual(all(`SELECT * FROM old_history ${order}`))
    expect(all('SELECT * FROM v_latest_ranking ORDER BY province_code')).toEqual(
      all(
        `SELECT * FROM old_history WHERE snapshot_id = (SELECT snapshot_id FROM v_latest_ranking LIMIT 1)
         ORDER BY province_code`,
      ),
    )
  })

  it('follows the comparable rule, withdrawals, the date order and ties by id', () => {
    const previous = new Map(
      app.store.raw
        .prepare('SELECT id, previous_snapshot_id AS p FROM v_snapshot_sequence')
        .all()
        .map((r) => [(r as { id: number }).id, (r as { p: number | null }).p]),
    )
    const prev = (name: string) => previous.get(ids.get(name)!)
    expect(prev('y63-a')).toBeNull()
    expect(prev('y63-late')).toBe(ids.get('y63-a'))
    expect(prev('y63-b')).toBe(ids.get('y63-late'))
    expect(prev('y63-few')).toBeNull()
    expect(previous.has(ids.get('y63-withdrawn')!)).toBe(false)
    expect(prev('y63-c')).toBe(ids.get('y63-b'))
    expect(prev('y63-c-again')).toBe(ids.get('y63-c'))
    expect(prev('y63-no-as-of')).toBe(ids.get('y63-c-again'))
    expect(prev('y34-half')).toBe(ids.get('y34-a'))
    expect(prev('y34-b')).toBe(ids.get('y34-half'))
    expect(prev('q34-q1')).toBeNull()
    expect(prev('q34-q2-again')).toBe(ids.get('q34-q1'))
    expect(prev('q34-q2')).toBe(ids.get('q34-q2-again'))
    expect(prev('q34-q3-few')).toBeNull()
    expect(prev('q34-q4')).toBe(ids.get('q34-q2'))
    expect(prev('m34-feb')).toBe(ids.get('m34-jan'))
  })

  it('reads one snapshot without scanning the history, and looks up each previous snapshot once', () => {
    const plan = (sql: string) =>
      app.store.raw
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...(sql.includes('?') ? [ids.get('y63-c-again')] : []))
        .map((r) => (r as { detail: string }).detail)
        .join('\n')
    const one = plan('SELECT * FROM v_ranking_history WHERE snapshot_id = ?')
    expect(one).not.toMatch(/SCAN (snapshots|snapshot_rows)\b/)
    expect(one).toMatch(/SEARCH s USING INTEGER PRIMARY KEY/)
    expect(one).toMatch(/SEARCH p USING INDEX snapshots_sequence_order/)
    // The three seeks appear once: not copied into the join and the output column (run per row).
    const whole = plan('SELECT * FROM v_ranking_history')
    expect(whole.match(/CORRELATED SCALAR SUBQUERY/g)?.length).toBe(3)
  })
})
