/**
 * Issue 2 end to end: realistic national ranking files in every physical form, beside a corpus of
 * bad files, through the real CLI. Good files land; bad ones are rejected with actionable errors,
 * kept byte-for-byte, and leave nothing behind in the database.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { beforeAll, describe, expect, it } from 'vitest'
import { type BadFile, writeBadCorpus } from '../../fixtures/bad-corpus.ts'
import { encodeCsv } from '../../fixtures/lib/write-csv.ts'
import { writeXlsx } from '../../fixtures/lib/write-xlsx.ts'
import { makeScores, nationalTable, type ProvinceScores, titleLines } from '../../fixtures/national.ts'
import { cli, cliJson, tempHome } from '../helpers.ts'

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')

interface IngestRow {
  file: string
  sha256: string
  status: string
  kind: string | null
  rows: number | null
  error: string | null
  errorDetail: { code: string; row: number | null; column: string | null } | null
}
interface RankingJson {
  period: string
  asOf: string | null
  cohort: number
  rows: Array<{
    rank: number | null
    code: string
    name: string
    total: number | null
    groups: Record<string, number | null>
    band: string | null
    rankChange: number | null
  }>
}

describe('national ranking tables: good files beside the bad-file corpus', () => {
  let home: string
  let ingest: { code: number; json: IngestRow[] }
  let bad: BadFile[]
  const original = new Map<string, string>()
  let sixScores: ProvinceScores[]
  let fiveScores: ProvinceScores[]
  let yearScores2024: ProvinceScores[]

  beforeAll(async () => {
    home = tempHome()
    const inbox = join(home, 'inbox')
    // six-group xlsx, merged title, names in many spellings, "(18 điểm)" headers, notes rows
    const six = nationalTable({
      cohort: 34,
      seed: 1,
      title: titleLines('2026', '2026-10-05'),
      nameVariants: true,
      maxSuffix: true,
      extraRows: true,
      withRank: true,
      shuffle: true,
    })
    sixScores = six.scores
    await writeXlsx(join(inbox, 'six-2026.xlsx'), [six.grid])
    // five-group, Windows-1258 CSV without BOM, period only in the file name
    const five = nationalTable({ cohort: 34, seed: 2, form: 'five', title: null, nameVariants: true })
    fiveScores = five.scores
    writeFileSync(
      join(inbox, 'xep-hang-2026-Q2.csv'),
      encodeCsv(five.grid.rows, { encoding: 'windows-1258', delimiter: ';' }),
    )
    // 63 provinces, 2024, UTF-16LE "Unicode text" with tabs and decimal commas
    const y2024 = nationalTable({
      cohort: 63,
      seed: 3,
      title: titleLines('2024', '2024-12-31'),
      decimalComma: true,
      nameVariants: true,
    })
    yearScores2024 = y2024.scores
    writeFileSync(
      join(inbox, 'unicode-2024.txt'),
      encodeCsv(y2024.grid.rows, { encoding: 'utf-16le', delimiter: '\t' }),
    )
    bad = await writeBadCorpus(inbox)
    for (const f of readdirSync(inbox)) original.set(f, sha(readFileSync(join(inbox, f))))
    ingest = cliJson<IngestRow[]>(home, ['ingest', '--json'])
  })

  it('exits 1 because some files were rejected, and reports every file once', () => {
    expect(ingest.code).toBe(1)
    expect(ingest.json.map((r) => r.file).sort()).toEqual([...original.keys()].sort())
    for (const r of ingest.json) expect(r.sha256).toBe(original.get(r.file))
  })

  it('accepts the good files in every physical form', () => {
    const byFile = new Map(ingest.json.map((r) => [r.file, r]))
    expect(byFile.get('six-2026.xlsx')).toMatchObject({
      status: 'accepted',
      kind: 'national-ranking',
      rows: 34,
      error: null,
    })
    expect(byFile.get('xep-hang-2026-Q2.csv')).toMatchObject({ status: 'accepted', rows: 34 })
    expect(byFile.get('unicode-2024.txt')).toMatchObject({ status: 'accepted', rows: 63 })
  })

  it('rejects each bad file with its code, location and an actionable message', () => {
    const byFile = new Map(ingest.json.map((r) => [r.file, r]))
    for (const b of bad) {
      const r = byFile.get(b.name)
      expect(r, b.name).toBeDefined()
      expect(r!.status, b.name).toBe('rejected')
      expect(r!.errorDetail?.code, b.name).toBe(b.code)
      expect(r!.error, b.name).toMatch(b.message)
      if (b.row !== undefined) expect(r!.errorDetail?.row, b.name).toBe(b.row)
      if (b.column !== undefined) expect(r!.errorDetail?.column, b.name).toBe(b.column)
    }
  })

  it('keeps rejected files byte-for-byte with an error report, and archives accepted ones', () => {
    const rejected = join(home, 'rejected')
    for (const b of bad) {
      expect(sha(readFileSync(join(rejected, b.name)))).toBe(original.get(b.name))
      const report = JSON.parse(readFileSync(join(rejected, `${b.name}.error.json`), 'utf8'))
      expect(report).toMatchObject({ code: b.code, file: b.name })
      expect(typeof report.message).toBe('string')
    }
    for (const f of ['six-2026.xlsx', 'xep-hang-2026-Q2.csv', 'unicode-2024.txt']) {
      expect(sha(readFileSync(join(home, 'archive', f)))).toBe(original.get(f))
    }
    expect(readdirSync(join(home, 'inbox'))).toEqual([])
  })

  it('stores nothing from rejected files', () => {
    const db = new Database(join(home, 'qd766.sqlite'), { readonly: true })
    try {
      const files = db.prepare('SELECT file_name FROM source_files ORDER BY file_name').all() as Array<{
        file_name: string
      }>
      expect(files.map((f) => f.file_name)).toEqual([
        'six-2026.xlsx',
        'unicode-2024.txt',
        'xep-hang-2026-Q2.csv',
      ])
      expect(db.prepare('SELECT count(*) n FROM stg_province_scores').get()).toEqual({ n: 34 + 34 + 63 })
      const raw = db.prepare('SELECT count(DISTINCT source_file_id) n FROM raw_rows').get()
      expect(raw).toEqual({ n: 3 })
      expect(db.prepare("SELECT count(*) n FROM file_events WHERE status = 'rejected'").get()).toEqual({
        n: bad.length,
      })
    } finally {
      db.close()
    }
  })

  it('ranks the six-group reading exactly as the generated scores say (contract JSON)', () => {
    const { code, json } = cliJson<RankingJson>(home, ['ranking', '--period', '2026', '--format', 'json'])
    expect(code).toBe(0)
    expect(json).toMatchObject({ period: '2026', asOf: '2026-10-05', cohort: 34 })
    expect(json.rows).toHaveLength(34)
    for (const s of sixScores) {
      const row = json.rows.find((r) => r.code === s.code)!
      expect(row.total).toBe(s.total)
      expect(row.groups).toEqual(s.groups)
      expect(row.rank).toBe(1 + sixScores.filter((o) => o.total - s.total > 0.005).length)
      expect(row.rankChange).toBeNull()
      expect(Object.keys(row).sort()).toEqual([
        'band',
        'code',
        'groups',
        'name',
        'rank',
        'rankChange',
        'total',
      ])
    }
  })

  it('reads the five-group form: CLGQ and TTTT null, "Dịch vụ công trực tuyến" /22 kept', () => {
    const { json } = cliJson<RankingJson & { rows: Array<{ online22: number }> }>(home, [
      'ranking',
      '--period',
      '2026-Q2',
      '--json',
    ])
    const s = fiveScores[0]!
    const row = json.rows.find((r) => r.code === s.code)! as RankingJson['rows'][number] & {
      online22: number
    }
    expect(row.groups.CLGQ).toBeNull()
    expect(row.groups.TTTT).toBeNull()
    expect(row.online22).toBe(Math.round((s.groups.CLGQ + s.groups.TTTT) * 100) / 100)
    expect(row.total).toBe(s.total)
  })

  it('resolves code 15 by era: Yên Bái in 2024, Lào Cai in 2026', () => {
    const y2024 = cliJson<RankingJson>(home, ['ranking', '--period', '2024', '--json']).json
    expect(y2024.cohort).toBe(63)
    expect(y2024.rows.find((r) => r.code === '15')?.name).toBe('Yên Bái')
    expect(y2024.rows.find((r) => r.code === '15')?.total).toBe(
      yearScores2024.find((s) => s.code === '15')?.total,
    )
    const y2026 = cliJson<RankingJson>(home, ['ranking', '--period', '2026', '--json']).json
    expect(y2026.rows.find((r) => r.code === '15')?.name).toBe('Lào Cai')
  })

  it('treats the same bytes again as a duplicate that changes nothing', () => {
    const again = join(home, 'again.xlsx')
    writeFileSync(again, readFileSync(join(home, 'archive', 'six-2026.xlsx')))
    const before = cliJson<RankingJson>(home, ['ranking', '--json']).json
    const r = cliJson<IngestRow[]>(home, ['ingest', again, '--json'])
    expect(r.code).toBe(0)
    expect(r.json[0]).toMatchObject({ status: 'duplicate', kind: 'national-ranking' })
    expect(existsSync(again)).toBe(true) // a file named on the command line is copied, never moved
    const db = new Database(join(home, 'qd766.sqlite'), { readonly: true })
    expect(db.prepare('SELECT count(*) n FROM snapshots').get()).toEqual({ n: 3 })
    db.close()
    expect(cliJson<RankingJson>(home, ['ranking', '--json']).json).toEqual(before)
  })
})

describe('ties, rank change and totals that do not add up', () => {
  it('shares ranks for ties, lists them alphabetically, and derives rank change between readings', async () => {
    const home = tempHome()
    const scores = makeScores(34, 5)
    const sorted = [...scores].sort((a, b) => b.total - a.total)
    // make the 2nd..4th provinces tie exactly with the 2nd
    const tied = scores.map((s) =>
      sorted.slice(2, 4).some((t) => t.code === s.code)
        ? { ...s, groups: { ...sorted[1]!.groups }, total: sorted[1]!.total }
        : s,
    )
    const first = nationalTable({
      cohort: 34,
      seed: 5,
      scores: tied,
      title: titleLines('2026', '2026-10-04'),
    })
    await writeXlsx(join(home, 'inbox', 'a.xlsx'), [first.grid])
    // second reading: the last province jumps to the top
    const last = sorted[sorted.length - 1]!
    const moved = tied.map((s) =>
      s.code === last.code
        ? { ...s, groups: { CKMB: 18, TDGQ: 20, CLGQ: 12, TTTT: 10, MDHL: 18, MDSH: 22 }, total: 100 }
        : s,
    )
    const second = nationalTable({
      cohort: 34,
      seed: 6,
      scores: moved,
      title: titleLines('2026', '2026-10-05'),
    })
    await writeXlsx(join(home, 'inbox', 'b.xlsx'), [second.grid])
    expect(cli(home, ['refresh']).code).toBe(0)

    const r1 = cliJson<RankingJson>(home, ['ranking', '--as-of', '2026-10-04', '--json']).json
    const tiedRows = r1.rows.filter((r) => r.rank === 2)
    expect(tiedRows).toHaveLength(3)
    const names = tiedRows.map((r) => r.name)
    expect(names).toEqual([...names].sort(new Intl.Collator('vi').compare))
    expect(r1.rows.find((r) => r.rank === 3)).toBeUndefined()
    expect(r1.rows[4]!.rank).toBe(5)

    const r2 = cliJson<RankingJson>(home, ['ranking', '--json']).json
    expect(r2.asOf).toBe('2026-10-05')
    const jumper = r2.rows.find((r) => r.code === last.code)!
    expect(jumper.rank).toBe(1)
    expect(jumper.rankChange).toBe(34 - 1)
    expect(r2.rows.find((r) => r.code === sorted[0]!.code)!.rankChange).toBe(-1)
  })

  it('keeps the reported total when it is not the sum of its groups, and records a finding', async () => {
    const home = tempHome()
    const t = nationalTable({ cohort: 34, seed: 8, title: titleLines('2026', '2026-10-05') })
    const row = t.grid.rows[4]!
    const reported = Math.round(((row[8] as number) + 0.5) * 100) / 100
    row[8] = reported
    await writeXlsx(join(home, 'inbox', 'mismatch.xlsx'), [t.grid])
    const r = cliJson<IngestRow[]>(home, ['ingest', '--json'])
    expect(r.code).toBe(0)
    const rk = cliJson<RankingJson>(home, ['ranking', '--json']).json
    expect(rk.rows.find((x) => x.name === row[1])?.total).toBe(reported)
    const q = cliJson<Array<{ kind: string; row_number: number }>>(home, [
      'query',
      'SELECT kind, row_number FROM findings',
      '--format',
      'json',
    ])
    expect(q.json).toEqual([{ kind: 'total-mismatch', row_number: 5 }])
  })

  it('refuses writes through query', () => {
    const home = tempHome()
    const r = cli(home, ['query', 'DELETE FROM runs'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/chỉ đọc/)
  })
})
