/**
 * Issue 4 end to end through the real CLI: the provincial one-stop exports F1–F5 in their physical
 * forms (HTML ".xls", .xlsx re-save with merges, en-US re-save, CSV) dropped into one inbox beside a
 * national ranking of the same period; then `ingest --json`, `query`, `province --units` and `units`.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { writeXlsx } from '../../fixtures/lib/write-xlsx.ts'
import { nationalTable, titleLines } from '../../fixtures/national.ts'
import { ALL_FORMS, writeForm, writeForms } from '../../fixtures/provincial/forms.ts'
import { f1, f2, f3, f4, f4b, f5, f7 } from '../../fixtures/provincial/tables.ts'
import { cli, cliJson, tempHome } from '../helpers.ts'

interface IngestRow {
  file: string
  status: string
  kind: string | null
  rows: number | null
  error: string | null
  errorDetail: { code: string } | null
  findings: Array<{ kind: string; severity: string; message: string; row: number | null }>
}

type Rows = Array<Record<string, unknown>>
const query = (home: string, sql: string) => cliJson<Rows>(home, ['query', sql, '--format', 'json']).json

describe('provincial exports through the CLI', () => {
  let home: string
  let ingest: IngestRow[]
  let code: number

  beforeAll(async () => {
    home = tempHome({ province: 'Thanh Hóa' })
    const inbox = join(home, 'inbox')
    await writeForms(inbox, f1())
    await writeForms(inbox, f2())
    // T3 and T4 carry no period: the analyst named it in the file name (the vendor stamp stays).
    await writeForms(inbox, f3(), ALL_FORMS, 'DVC truc tuyen 2025-Q2 5_8_2025 9_7')
    await writeForms(inbox, f4(), ALL_FORMS, 'Bảng thống kê tiếp nhận hồ sơ trực tuyến 2025-Q3 5_8_2025 9_7')
    await writeForms(inbox, f4b())
    await writeForms(inbox, f5())
    await writeForms(inbox, f7(), ['html', 'csv'], 'thu-tuc-hanh-chinh 2025-Q3')
    // September, with names spelled differently: still the same units.
    const sep = f5({ month: 9 })
    sep.grid.rows[7]![1] = 'Ủy ban nhân dân phường Hạc Thành'
    sep.grid.rows[6]![1] = 'Sở Công thương'
    await writeForm(inbox, sep, 'html', sep.vendorName)
    // The vendor's name without a period: rejected with advice (with a BOM: other bytes than the copy
    // above, which would otherwise be a duplicate).
    await writeForm(inbox, f3(), 'html-bom', f3().vendorName)
    // A totals row that does not add up (a different period so it does not mix with F1).
    await writeForm(
      inbox,
      f1({ totalReceived: '4.265', period: '(Từ ngày 01/01/2025 đến ngày 31/03/2025 )' }),
      'xlsx',
      'so-hoa-q1',
    )
    // The portal's figures for October, to be shown beside the estimates.
    const national = nationalTable({ cohort: 34, seed: 11, title: titleLines('2025-10', '2025-10-31') })
    await writeXlsx(join(inbox, 'xep-hang-2025-10.xlsx'), [national.grid])
    const r = cliJson<IngestRow[]>(home, ['ingest', '--json'])
    ingest = r.json
    code = r.code
  }, 300_000)

  const of = (prefix: string) => ingest.filter((o) => o.file.startsWith(prefix))

  it('recognises every family in every form by content', () => {
    const expected: Array<[string, string]> = [
      ['Bảng thống kê chỉ tiêu số hóa', 'provincial-digitisation'],
      ['Bảng thống kê chỉ tiêu DVC trực tuyến', 'provincial-online-v2'],
      ['DVC truc tuyen 2025-Q2', 'provincial-online-v1'],
      ['Bảng thống kê tiếp nhận hồ sơ trực tuyến 2025-Q3', 'provincial-payment'],
      ['Thống kê thanh toán trực tuyến', 'provincial-payment-money'],
      ['Bảng thống kê tiến độ giải quyết 3_11', 'provincial-progress'],
      ['Bảng thống kê tiến độ giải quyết 3_10', 'provincial-progress'],
      ['so-hoa-q1', 'provincial-digitisation'],
      ['thu-tuc-hanh-chinh', 'provincial-catalogue'],
      ['xep-hang', 'national-ranking'],
    ]
    for (const [prefix, kind] of expected) {
      const files = of(prefix)
      expect(files.length, prefix).toBeGreaterThan(0)
      for (const o of files) expect([o.file, o.status, o.kind]).toEqual([o.file, 'accepted', kind])
    }
    expect(of('Bảng thống kê chỉ tiêu số hóa')).toHaveLength(ALL_FORMS.length)
  })

  it('rejects T3 without a period in its title or name, saying how to name it; exit 1', () => {
    const rej = ingest.filter((o) => o.status === 'rejected')
    expect(rej.map((o) => o.file)).toEqual([`${f3().vendorName}.xls`])
    expect(rej[0]!.errorDetail!.code).toBe('missing-period')
    expect(rej[0]!.error).toMatch(/Hãy ghi kỳ vào tên tệp/)
    expect(code).toBe(1)
    const rejected = readdirSync(join(home, 'rejected'))
    expect(rejected.some((f) => f.endsWith('.error.json'))).toBe(true)
  })

  it('yields identical unit values from every form of the same table', () => {
    const rows = query(
      home,
      `SELECT family, period, unit_id, indicator, COUNT(*) AS files,
              COUNT(DISTINCT numerator || '/' || denominator) AS variants
       FROM v_unit_facts GROUP BY family, period, unit_id, indicator`,
    )
    expect(rows.length).toBeGreaterThan(30)
    for (const r of rows) expect(r.variants, JSON.stringify(r)).toBe(1)
    const f1Rows = rows.filter((r) => r.family === 'provincial-digitisation' && r.period === '2025')
    for (const r of f1Rows) expect(r.files).toBe(ALL_FORMS.length)
  })

  it('matches units across files and periods: by e-ID code, else by normalised name', () => {
    const units = query(home, 'SELECT unit_id, name, level, eid_code, readings FROM v_units ORDER BY unit_id')
    const names = units.map((u) => u.name)
    expect(new Set(names).size).toBe(names.length)
    // Nga Thủy appears in T1, T2, T3 (with its code), T4 and T5: one unit, code attached
    const ngaThuy = units.filter((u) => String(u.name).includes('Nga Thủy'))
    expect(ngaThuy).toHaveLength(1)
    expect(ngaThuy[0]!.eid_code).toBe('000.21.30.H56')
    // "Ủy ban nhân dân phường Hạc Thành" (September) is "UBND phường Hạc Thành" (October)
    expect(units.filter((u) => String(u.name).includes('Hạc Thành'))).toHaveLength(1)
  })

  it('keeps agency codes as text', () => {
    const rows = query(
      home,
      'SELECT DISTINCT eid_code, typeof(eid_code) AS t FROM stg_unit_rows WHERE eid_code IS NOT NULL ORDER BY eid_code',
    )
    expect(rows).toEqual([
      { eid_code: '000.00.12.H56', t: 'text' },
      { eid_code: '000.00.21.H56', t: 'text' },
      { eid_code: '000.21.30.H56', t: 'text' },
    ])
  })

  it('rolls up by summing counts, never averaging rates', () => {
    const r = query(
      home,
      `SELECT numerator, denominator, value, units FROM v_unit_rollup
       WHERE family = 'provincial-digitisation' AND period = '2025' AND indicator = 'digitised_components' LIMIT 1`,
    )[0]!
    // (1200 + 1806 + 0) / (1245 + 3010 + 0) = 70.65%, the export's own totals row; the mean of the
    // unit rates (96.39 and 60) would be 78.2
    expect(r).toEqual({ numerator: 3006, denominator: 4255, value: 70.65, units: 3 })
  })

  it('records mismatches in the source as findings, never hiding them', () => {
    const f = query(
      home,
      `SELECT f.kind, f.severity, f.row_number, f.message, s.file_name FROM findings f
       JOIN source_files s ON s.id = f.source_file_id ORDER BY f.id`,
    )
    const rate = f.filter((x) => x.kind === 'exported-rate-mismatch' && String(x.message).includes('920%'))
    expect(rate).toHaveLength(ALL_FORMS.length)
    expect(rate[0]!.message).toMatch(/1104 \/ 1530 = 72\.16%/)
    const totals = f.filter((x) => x.kind === 'totals-mismatch')
    expect(totals).toHaveLength(1)
    expect(totals[0]).toMatchObject({ severity: 'warning', row_number: 9, file_name: 'so-hoa-q1.xlsx' })
    expect(f.filter((x) => x.kind === 'mangled-count-repaired').length).toBeGreaterThan(0)
    // the clean HTML exports of the correct designs raise nothing
    expect(
      f.filter((x) => /\[html\]/.test(String(x.file_name)) && !/tiếp nhận hồ sơ/.test(String(x.file_name))),
    ).toEqual([])
    // F4's second unit has the same exporter bug (45 dossiers / 10 procedures = 450%)
    expect(f.filter((x) => String(x.message).includes('450%'))).toHaveLength(ALL_FORMS.length)
  })

  it('province --units: unit values, points at stake, change since the previous period, estimates beside the portal', () => {
    const { code: exit, json } = cliJson<{
      code: string
      snapshotId: number | null
      units: Array<{
        name: string
        level: string
        rank: number | null
        pointsAtStake: number
        estimatedScore: number | null
        indicators: Record<
          string,
          { value: number | null; previousValue: number | null; change: number | null }
        >
      }>
      provincial: {
        estimate: boolean
        period: string
        previousPeriod: string | null
        indicators: Array<{
          code: string
          value: number | null
          estimatedScore: number | null
          numerator: number
        }>
        groups: Array<{ code: string; estimatedScore: number; portalScore: number | null }>
      }
    }>(home, ['province', 'Thanh Hóa', '--units', '--period', '2025-10', '--format', 'json'])
    expect(exit).toBe(0)
    expect(json.code).toBe('38')
    expect(json.snapshotId).not.toBeNull() // the national snapshot of 2025-10
    const p = json.provincial
    expect(p.estimate).toBe(true)
    expect(p.period).toBe('2025-10')
    expect(p.previousPeriod).toBe('2025-09')
    const onTime = p.indicators.find((i) => i.code === 'on_time')!
    expect(onTime).toMatchObject({ numerator: 2540, value: 85.52, estimatedScore: 17.1 })
    const tdgq = p.groups.find((g) => g.code === 'TDGQ')!
    expect(tdgq.estimatedScore).toBe(17.1)
    expect(tdgq.portalScore).toEqual(expect.any(Number))
    const sct = json.units.find((u) => u.name === 'Sở Công Thương')!
    expect(sct.indicators.on_time).toEqual(
      expect.objectContaining({ value: 87.91, previousValue: 86.11, change: 1.8 }),
    )
    // if Sở Công Thương alone had every dossier on time: +20 × 260 / 2970 on TDGQ
    expect(sct.pointsAtStake).toBe(1.75)
    expect(json.units[0]!.pointsAtStake).toBeGreaterThanOrEqual(json.units[1]!.pointsAtStake)
    expect(json.units.every((u) => u.rank === 1)).toBe(true) // one agency, one commune: separate cohorts
  })

  it('province --units prints a table', () => {
    const r = cli(home, ['province', '38', '--units', '--period', '2025-Q2'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/ƯỚC TÍNH/)
    expect(r.stdout).toMatch(/Sở Tư pháp/)
    expect(r.stdout).toMatch(/Chưa có bảng xếp hạng quốc gia/)
  })

  it('units lists the units of a level, ranked, as CSV', () => {
    const r = cli(home, ['units', 'Thanh Hóa', '--period', '2025-Q2', '--format', 'csv'])
    expect(r.code).toBe(0)
    const lines = r.stdout.trim().split('\n')
    expect(lines[0]).toMatch(/^Hạng,Đơn vị,Mã định danh,Cấp,/)
    expect(lines.some((l) => l.includes('000.00.12.H56') && l.includes('Sở Tư pháp'))).toBe(true)
    const none = cli(home, ['units', 'Thanh Hóa', '--period', '2024'])
    expect(none.code).toBe(5)
    expect(none.stderr).toMatch(/chưa có bảng của hệ thống một cửa tỉnh/)
  })

  it('units --format json: each indicator says how it is read, in Vietnamese or with --lang en in English', () => {
    type Units = { indicators: Array<{ code: string; note: string; source: { table: string } }> }
    const args = ['units', 'Thanh Hóa', '--period', '2025-10', '--format', 'json']
    const vi = cliJson<Units>(home, args).json
    const en = cliJson<Units>(home, [...args, '--lang', 'en']).json
    expect(vi.indicators.length).toBeGreaterThan(0)
    // the stable keys do not change with the language; the note does
    expect(en.indicators.map((i) => [i.code, i.source.table])).toEqual(
      vi.indicators.map((i) => [i.code, i.source.table]),
    )
    const onTime = (r: Units) => r.indicators.find((i) => i.code === 'on_time')!.note
    expect(onTime(vi)).toBe(
      'T6 (J+K)/C: hồ sơ giải quyết trước hạn + đúng hạn / hồ sơ tiếp nhận (Cổng Dịch vụ công quốc gia chia cho số hồ sơ tiếp nhận).',
    )
    expect(onTime(en)).toMatch(/^T6 \(J\+K\)\/C: before \+ on time \/ received/)
    for (const i of vi.indicators) expect(i.note, i.code).not.toMatch(/\b(?:dossiers|online|the|of)\b/)
  })
})

describe('a provincial table that does not name its province', () => {
  it('is rejected with a message saying to set "province" in qd766.config.json', async () => {
    const home = tempHome()
    await writeForm(join(home, 'inbox'), f2(), 'html', 'f2')
    const r = cliJson<IngestRow[]>(home, ['ingest', '--json'])
    expect(r.code).toBe(1)
    expect(r.json[0]!.errorDetail!.code).toBe('unknown-province')
    expect(r.json[0]!.error).toMatch(/qd766\.config\.json, ví dụ \{ "province": "Thanh Hóa" \}/)
    expect(existsSync(join(home, 'rejected', 'f2.xls'))).toBe(true)
  })
  it('an invalid "province" in the configuration stops the command (exit 2)', () => {
    const home = tempHome({ province: '' })
    writeFileSync(join(home, 'inbox', '.keep'), '')
    expect(cli(home, ['status']).code).toBe(2)
  })
})
