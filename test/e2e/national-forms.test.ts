/**
 * Issue 10 §1: the national tables offices really produce. Each form (signature block under the
 * table, two- and three-row headers, code headers, a rank column before or instead of STT, a
 * totals-only table, and all of it at once) is written as .xlsx and as CSV, ingested in one run of
 * the real CLI, and must give exactly the ranking of the plain one-row table of the same scores.
 * Each file carries its own month in the title so one home holds them all.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { beforeAll, describe, expect, it } from 'vitest'
import { encodeCsv } from '../../fixtures/lib/write-csv.ts'
import { writeXlsx } from '../../fixtures/lib/write-xlsx.ts'
import {
  makeScores,
  type NationalTableOptions,
  nationalTable,
  type ProvinceScores,
  titleLines,
} from '../../fixtures/national.ts'
import { cli, cliJson, tempHome } from '../helpers.ts'

interface RankingRow {
  rank: number | null
  code: string
  name: string
  total: number | null
  groups: Record<string, number | null>
  band: string | null
  rankChange: number | null
  online22?: number | null
}
interface RankingJson {
  period: string
  asOf: string | null
  cohort: number
  rows: RankingRow[]
  [k: string]: unknown
}
interface IngestRow {
  file: string
  status: string
  rows: number | null
  error: string | null
}

type Form = {
  name: string
  /** The plain table this form must rank exactly like. */
  like: 'six' | 'five'
  opts: Partial<NationalTableOptions>
  totalsOnly?: boolean
}

const FORMS: Form[] = [
  { name: 'plain', like: 'six', opts: {} },
  {
    name: 'signature block, notes, blank rows and "Bình quân cả nước" under it',
    like: 'six',
    opts: { signatureBlock: true },
  },
  {
    name: 'two-row header: "(18 điểm)" under the group names',
    like: 'six',
    opts: { header: 'two-row', withRank: true },
  },
  {
    name: 'three-row header: groups under a merged "Nhóm chỉ số" band',
    like: 'six',
    opts: { header: 'three-row', withRank: true },
  },
  { name: 'code headers: "CKMB (18)", "TDGQ", "Tổng (100)"', like: 'six', opts: { header: 'codes' } },
  { name: '"Hạng" before STT', like: 'six', opts: { rankColumn: 'first' } },
  { name: '"Xếp hạng" instead of STT', like: 'six', opts: { rankColumn: 'instead', header: 'codes' } },
  {
    name: 'totals only: "Xếp hạng | Tỉnh, thành phố | Tổng điểm"',
    like: 'six',
    opts: { totalsOnly: true },
    totalsOnly: true,
  },
  {
    name: 'office table: three-row header, column numbers under it, rank first, decimal commas, names as written, signature',
    like: 'six',
    opts: {
      header: 'three-row',
      columnNumbers: true,
      rankColumn: 'first',
      signatureBlock: true,
      decimalComma: true,
      nameVariants: true,
      shuffle: true,
    },
  },
  { name: 'five groups, plain', like: 'five', opts: { form: 'five' } },
  {
    name: 'five groups, two-row header, signature block',
    like: 'five',
    opts: { form: 'five', header: 'two-row', signatureBlock: true, withRank: true },
  },
]

const FORMATS = ['xlsx', 'csv'] as const
const SEED = 11

/** One month per file, from 07/2025 (the 34-province list) on. */
function monthOf(i: number): string {
  const m = 6 + i // 0 -> 2025-07
  return `${2025 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`
}

const cases = FORMS.flatMap((form, f) =>
  FORMATS.map((format, k) => ({ form, format, period: monthOf(f * FORMATS.length + k) })),
)

/** The ranking without what differs by period on purpose (its id, and the change since the last one). */
function comparable(r: RankingJson) {
  const { period: _p, asOf: _a, snapshotId: _s, rows, ...rest } = r
  return { ...rest, rows: rows.map(({ rankChange: _c, ...row }) => row) }
}

describe('national tables as offices make them: every form ranks like the plain table', () => {
  let home: string
  let ingest: IngestRow[]
  let scores: ProvinceScores[]
  const rankings = new Map<string, RankingJson>()

  beforeAll(async () => {
    home = tempHome()
    scores = makeScores(34, SEED)
    for (const c of cases) {
      const { grid } = nationalTable({
        cohort: 34,
        seed: SEED,
        scores,
        title: titleLines(c.period, null),
        ...c.form.opts,
      })
      const file = join(home, 'inbox', `bang-xep-hang-${c.period}.${c.format}`)
      if (c.format === 'xlsx') await writeXlsx(file, [grid])
      else writeFileSync(file, encodeCsv(grid.rows, { encoding: 'utf-8-bom' }))
    }
    const r = cliJson<IngestRow[]>(home, ['ingest', '--json'])
    ingest = r.json
    // a form that was rejected has no ranking: its own test below fails, the others still run
    for (const c of cases) {
      const out = cli(home, ['ranking', '--period', c.period, '--format', 'json'])
      if (out.code === 0) rankings.set(c.period, JSON.parse(out.stdout) as RankingJson)
    }
  }, 600_000)

  it('accepts every file with all 34 provinces', () => {
    expect(ingest).toHaveLength(cases.length)
    for (const r of ingest) expect(r, r.file).toMatchObject({ status: 'accepted', rows: 34, error: null })
  })

  it('ranks the plain table exactly as the generated scores say', () => {
    const plain = rankings.get(cases[0]!.period)!
    for (const s of scores) {
      const row = plain.rows.find((r) => r.code === s.code)!
      expect(row.total).toBe(s.total)
      expect(row.groups).toEqual(s.groups)
      expect(row.rank).toBe(1 + scores.filter((o) => o.total - s.total > 0.005).length)
    }
  })

  const reference = (like: 'six' | 'five') =>
    rankings.get(cases.find((c) => c.form.like === like && c.form.name.includes('plain'))!.period)!

  it.each(cases.map((c) => [`${c.form.name} (${c.format})`, c] as const))('%s', (_name, c) => {
    const ranking = rankings.get(c.period)
    expect(ranking, 'no ranking: the file was not accepted').toBeDefined()
    const got = comparable(ranking!)
    const want = comparable(reference(c.form.like))
    if (!c.form.totalsOnly) {
      expect(got).toEqual(want)
      return
    }
    // totals only: the same ranks and totals, every group null
    const key = (rows: typeof got.rows) => rows.map((r) => ({ code: r.code, rank: r.rank, total: r.total }))
    expect(key(got.rows)).toEqual(key(want.rows))
    for (const r of got.rows) expect(Object.values(r.groups).every((g) => g === null)).toBe(true)
  })

  it('keeps what follows the table in the raw rows', () => {
    const db = new Database(join(home, 'qd766.sqlite'), { readonly: true })
    try {
      const signed = cases.filter((c) => c.form.opts.signatureBlock)
      for (const c of signed) {
        const cells = db
          .prepare(
            `SELECT r.cells FROM v_raw_rows r JOIN source_files f ON f.id = r.source_file_id
             WHERE f.file_name = ? ORDER BY r.row_number`,
          )
          .all(`bang-xep-hang-${c.period}.${c.format}`) as Array<{ cells: string }>
        const text = cells.map((r) => r.cells).join('\n')
        for (const words of [
          'Người lập biểu',
          'Thủ trưởng đơn vị',
          '(Ký tên, đóng dấu)',
          'Lào Cai, ngày 09 tháng 10 năm 2026',
        ])
          expect(text, `${c.period} ${c.format}`).toContain(words)
      }
    } finally {
      db.close()
    }
  })
})
