/** The ranking in the formats people open: an Excel workbook and a CSV that Excel reads correctly. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { writeXlsx } from '../../fixtures/lib/write-xlsx.ts'
import { nationalTable, type ProvinceScores, titleLines } from '../../fixtures/national.ts'
import { cli, tempHome } from '../helpers.ts'

describe('ranking outputs', () => {
  let home: string
  let scores: ProvinceScores[]
  beforeAll(async () => {
    home = tempHome()
    const t = nationalTable({ cohort: 34, seed: 21, title: titleLines('2026', '2026-10-05') })
    scores = t.scores
    // A province name that looks like a formula must never become one in the workbook.
    await writeXlsx(join(home, 'inbox', 'r.xlsx'), [t.grid])
    expect(cli(home, ['refresh']).code).toBe(0)
  })

  it('writes a formatted workbook: Vietnamese headers, frozen header, 0.00, autofilter, A4 landscape', async () => {
    const out = join(home, 'xep-hang.xlsx')
    const r = cli(home, ['ranking', '--format', 'xlsx', '--out', out])
    expect(r.code).toBe(0)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out)
    const ws = wb.getWorksheet('Xếp hạng')!
    expect(ws).toBeDefined()
    expect(String(ws.getCell('A1').value)).toMatch(/Năm 2026, số liệu đến ngày 05\/10\/2026/)
    expect(ws.getRow(3).values).toEqual([
      undefined,
      'Hạng',
      'Mã',
      'Tỉnh, thành phố',
      'Tổng điểm',
      'Công khai, minh bạch (18)',
      'Tiến độ giải quyết (20)',
      'Dịch vụ công trực tuyến (12)',
      'Thanh toán trực tuyến (10)',
      'Mức độ hài lòng (18)',
      'Số hóa hồ sơ (22)',
      'Xếp loại',
      'Thay đổi hạng',
    ])
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 })
    expect(ws.pageSetup.orientation).toBe('landscape')
    expect(String(ws.getCell('A2').value)).toMatch(/^34\/34 tỉnh, thành phố được xếp hạng; nguồn: /)
    expect(ws.headerFooter.oddFooter).toBe('&LQĐ 766 — qd766&RTrang &P/&N')
    expect(ws.getColumn(4).numFmt).toBe('0.00')
    expect(ws.autoFilter).toBeTruthy()
    const best = [...scores].sort((a, b) => b.total - a.total)[0]!
    expect(ws.getCell('A4').value).toBe(1)
    expect(ws.getCell('B4').value).toBe(best.code)
    expect(ws.getCell('D4').value).toBe(best.total)
    expect(ws.getCell('E4').value).toBe(best.groups.CKMB)
    expect(ws.rowCount).toBe(3 + 34)
  })

  it('writes the workbook in English with --lang en: sheet name, title, subtitle, headers, footer', async () => {
    const out = join(home, 'ranking-en.xlsx')
    const r = cli(home, ['ranking', '--format', 'xlsx', '--out', out, '--lang', 'en'])
    expect(r.code, r.stderr).toBe(0)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Ranking'])
    const ws = wb.getWorksheet('Ranking')!
    const title = String(ws.getCell('A1').value)
    expect(title).toMatch(/^Ranking on the index of service to citizens and businesses \(Decision 766\) — /)
    expect(title).toMatch(/Year 2026, data as of 2026-10-05$/)
    expect(String(ws.getCell('A2').value)).toMatch(/^34\/34 provinces ranked; source: /)
    expect(ws.getRow(3).values).toEqual([
      undefined,
      'Rank',
      'Code',
      'Province',
      'Total score',
      'Transparency (18)',
      'Processing progress (20)',
      'Online public services (12)',
      'Online payment (10)',
      'Satisfaction (18)',
      'Digitised dossiers (22)',
      'Rating',
      'Rank change',
    ])
    expect(ws.headerFooter.oddFooter).toBe('&LDecision 766 — qd766&RPage &P/&N')
    // no Vietnamese left in the workbook's own words (province names are data and stay as they are)
    const own = [
      ws.name,
      title,
      String(ws.getCell('A2').value),
      ...(ws.getRow(3).values as unknown[]).slice(1),
    ]
    expect(own.join(' | ')).not.toMatch(/Xếp hạng|Tỉnh|Tổng điểm|Hạng|nguồn|số liệu|Trang/)
    // the same figures as the Vietnamese workbook
    expect(ws.getCell('D4').value).toBe([...scores].sort((a, b) => b.total - a.total)[0]!.total)
    expect(ws.rowCount).toBe(3 + 34)
  })

  it('writes CSV for Excel with a BOM and CRLF when --out is given, plain UTF-8 to stdout', () => {
    const out = join(home, 'xep-hang.csv')
    expect(cli(home, ['ranking', '--format', 'csv', '--out', out]).code).toBe(0)
    const bytes = readFileSync(out)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.toString('utf8').slice(1)
    expect(text.split('\r\n')[0]).toBe(
      'Hạng,Mã,"Tỉnh, thành phố",Tổng,CKMB,TDGQ,CLGQ,TTTT,MDHL,MDSH,Xếp loại,±',
    )
    expect(text.split('\r\n')).toHaveLength(34 + 2)
    const stdout = cli(home, ['ranking', '--format', 'csv']).stdout
    expect(stdout.charCodeAt(0)).not.toBe(0xfeff)
  })

  it('ranks by one group with --by', () => {
    const r = JSON.parse(cli(home, ['ranking', '--by', 'MDSH', '--json']).stdout)
    expect(r.by).toBe('MDSH')
    const values = r.rows.map((x: { value: number }) => x.value)
    expect(values).toEqual([...values].sort((a: number, b: number) => b - a))
    expect(r.rows[0].rank).toBe(1)
  })

  it('answers usage errors with exit 2 and the usage line', () => {
    const r = cli(home, ['ranking', '--period', '2026-13'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/2026-Q3/)
    expect(cli(home, ['ranking', '--nonsense']).code).toBe(2)
    expect(cli(home, ['ranking', '--period', '2019']).code).toBe(5)
  })

  it('has --help on every command', () => {
    for (const c of ['ingest', 'refresh', 'ranking', 'province', 'query', 'status', 'demo']) {
      const r = cli(home, [c, '--help'])
      expect(r.code, c).toBe(0)
      expect(r.stdout, c).toMatch(/Cách dùng: qd766/)
    }
  })
})

describe('ranking --by DVCTT on a five-group table', () => {
  it('ranks by the online-services group (CLGQ + TTTT) with the ranks the snapshot stored', async () => {
    const home = tempHome()
    const t = nationalTable({ cohort: 34, seed: 41, form: 'five', title: titleLines('2026', '2026-10-05') })
    await writeXlsx(join(home, 'inbox', 'nam-nhom.xlsx'), [t.grid])
    expect(cli(home, ['refresh']).code).toBe(0)
    const r = JSON.parse(cli(home, ['ranking', '--by', 'DVCTT', '--json']).stdout)
    expect(r.by).toBe('DVCTT')
    expect(r.rows).toHaveLength(34)
    const byCode = new Map(t.scores.map((s) => [s.code, s]))
    for (const row of r.rows as Array<{ code: string; value: number; rank: number | null }>) {
      const s = byCode.get(row.code)!
      expect(row.value).toBeCloseTo(s.groups.CLGQ + s.groups.TTTT, 2)
      expect(row.rank).not.toBeNull()
    }
    const values = r.rows.map((x: { value: number }) => x.value)
    expect(values).toEqual([...values].sort((a: number, b: number) => b - a))
    expect(r.rows[0].rank).toBe(1)
  })
})

describe('the default ranking', () => {
  it('prefers a newer national reading over an even newer reading that ranks only a few provinces', async () => {
    const home = tempHome()
    const full = nationalTable({ cohort: 34, seed: 31, title: titleLines('2026', '2026-10-05') })
    await writeXlsx(join(home, 'inbox', 'full.xlsx'), [full.grid])
    const few = nationalTable({ cohort: 34, seed: 32, title: titleLines('2026', '2026-10-06') })
    few.grid.rows.splice(4 + 3) // keep the header and three provinces
    await writeXlsx(join(home, 'inbox', 'few.xlsx'), [few.grid])
    expect(cli(home, ['refresh']).code).toBe(0)
    const latest = JSON.parse(cli(home, ['ranking', '--json']).stdout)
    expect(latest.asOf).toBe('2026-10-05')
    expect(latest.ranked).toBe(34)
    const partial = JSON.parse(cli(home, ['ranking', '--as-of', '2026-10-06', '--json']).stdout)
    expect(partial.ranked).toBe(3)
    expect(partial.missing).toHaveLength(31)
    // a three-province reading is nobody's "previous" and has no previous itself
    expect(partial.rows.map((r: { rankChange: number | null }) => r.rankChange)).toEqual([null, null, null])
    const view = JSON.parse(
      cli(home, ['query', 'SELECT DISTINCT as_of FROM v_latest_ranking', '--json']).stdout,
    )
    expect(view).toEqual([{ as_of: '2026-10-05' }])
  })
})

describe('rank change skips partial readings', () => {
  it('compares a national reading with the previous national reading, not with a partial one between them', async () => {
    const home = tempHome()
    const d1 = nationalTable({ cohort: 34, seed: 41, title: titleLines('2026', '2026-10-01') })
    await writeXlsx(join(home, 'inbox', 'd1.xlsx'), [d1.grid])
    const few = nationalTable({ cohort: 34, seed: 42, title: titleLines('2026', '2026-10-02') })
    few.grid.rows.splice(4 + 2)
    await writeXlsx(join(home, 'inbox', 'd2-few.xlsx'), [few.grid])
    // day 3: the same scores as day 1, so every rank change must be 0
    const d3 = nationalTable({
      cohort: 34,
      seed: 41,
      scores: d1.scores,
      title: titleLines('2026', '2026-10-03'),
    })
    await writeXlsx(join(home, 'inbox', 'd3.xlsx'), [d3.grid])
    expect(cli(home, ['refresh']).code).toBe(0)
    const r = JSON.parse(cli(home, ['ranking', '--as-of', '2026-10-03', '--json']).stdout)
    expect(new Set(r.rows.map((x: { rankChange: number | null }) => x.rankChange))).toEqual(new Set([0]))
  })
})
