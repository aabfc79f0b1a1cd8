/**
 * `qd766 report` end to end: a home with five 2026 readings (the last one the portal's, with Đắk
 * Lắk's metric captures and units), `refresh`, then both reports in one command. The workbook is
 * re-read with exceljs and checked cell by cell against the fixture's numbers; the HTML page is
 * checked as text here and in a real browser in report-browser.test.ts.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { writeXlsx } from '../../fixtures/lib/write-xlsx.ts'
import { nationalTable, type ProvinceScores, titleLines } from '../../fixtures/national.ts'
import { writeCaptureFiles } from '../../fixtures/portal/build-captures.ts'
import { DAK_LAK_2026, DAK_LAK_2026_REPORTED } from '../../fixtures/portal/provinces.ts'
import { writeForm } from '../../fixtures/provincial/forms.ts'
import { f2 } from '../../fixtures/provincial/tables.ts'
import { GROUPS } from '../../src/reference/groups.ts'
import { CSP } from '../../src/report/leadership/html.ts'
import { compareVietnamese } from '../../src/text/normalize.ts'
import { cli, tempHome } from '../helpers.ts'
import { ARTIFACTS, DAK_LAK_CODE, DATES, FORMULA_UNIT, MARKUP_UNIT, writeReportInbox } from './report-home.ts'

/** exceljs reads conditional formatting back but does not declare it on Worksheet. */
const cfOf = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings

const rankOf = (scores: ProvinceScores[], total: number, exclude?: string) =>
  1 + scores.filter((s) => s.code !== exclude && s.total - total > 0.005).length

function cellsOf(ws: ExcelJS.Worksheet, row: number, from: number, to: number): unknown[] {
  const out: unknown[] = []
  for (let c = from; c <= to; c++) out.push(ws.getCell(row, c).value)
  return out
}

function rowWith(ws: ExcelJS.Worksheet, col: number, value: unknown): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, col).value === value) return r
  throw new Error(`no row with ${String(value)} in column ${col} of ${ws.name}`)
}

describe('qd766 report (Đắk Lắk, portal captures)', () => {
  let home: string
  let scores: ProvinceScores[][]
  let wb: ExcelJS.Workbook
  let html: string
  let last: ProvinceScores[]
  let prev: ProvinceScores[]
  let rank: number
  let prevRank: number
  let headline: string

  beforeAll(async () => {
    home = tempHome()
    ;({ scores } = await writeReportInbox(join(home, 'inbox')))
    const refresh = cli(home, ['refresh'])
    expect(refresh.code, refresh.stderr).toBe(0)
    const out = join(home, 'out')
    const r = cli(home, [
      'report',
      '--province',
      'Đắk Lắk',
      '--out',
      join(out, 'bao-cao.xlsx'),
      '--out',
      join(out, 'bao-cao.html'),
    ])
    expect(r.code, r.stderr).toBe(0)
    headline = r.stdout.trim()
    wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(join(out, 'bao-cao.xlsx'))
    html = readFileSync(join(out, 'bao-cao.html'), 'utf8')
    // kept as CI artefacts beside the screenshots
    mkdirSync(ARTIFACTS, { recursive: true })
    copyFileSync(join(out, 'bao-cao.xlsx'), join(ARTIFACTS, 'report.xlsx'))
    copyFileSync(join(out, 'bao-cao.html'), join(ARTIFACTS, 'report.html'))
    last = scores.at(-1)!
    prev = scores.at(-2)!
    rank = rankOf(last, DAK_LAK_2026_REPORTED.total, DAK_LAK_CODE)
    prevRank = rankOf(prev, prev.find((s) => s.code === DAK_LAK_CODE)!.total, DAK_LAK_CODE)
  })

  it('prints the headline: rank of 34, total with a decimal comma, change since the previous reading', () => {
    const change = prevRank - rank
    const arrow = change > 0 ? `↑${change}` : change < 0 ? `↓${-change}` : null
    expect(arrow).not.toBeNull() // the fixture moves the rank
    expect(headline).toBe(`Đắk Lắk: hạng ${rank}/34, 65,49 điểm, ${arrow} so với lần trước`)
  })

  it('names the four sheets', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Xếp hạng', 'Tỉnh Đắk Lắk', 'Đơn vị', 'Lịch sử'])
  })

  it('Xếp hạng: every province with rank, change, total, six groups and band; the province highlighted', () => {
    const ws = wb.getWorksheet('Xếp hạng')!
    expect(String(ws.getCell('A1').value)).toBe(
      'Xếp hạng Chỉ số phục vụ người dân, doanh nghiệp (QĐ 766) — Năm 2026, số liệu tính đến ngày 10/10/2026',
    )
    expect(cellsOf(ws, 3, 1, 12)).toEqual([
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
    expect(ws.rowCount).toBe(3 + 34)
    const byCode = new Map(last.map((s) => [s.code, s]))
    const prevBy = new Map(prev.map((s) => [s.code, s]))
    const seen = new Set<string>()
    let lastTotal = Number.POSITIVE_INFINITY
    for (let r = 4; r <= 37; r++) {
      const code = ws.getCell(r, 2).value as string
      const s = byCode.get(code)!
      expect(s, `row ${r}`).toBeDefined()
      seen.add(code)
      const expectedRank = rankOf(last, s.total, code)
      const change = rankOf(prev, prevBy.get(code)!.total, code) - expectedRank
      const band =
        s.total >= 90
          ? 'Xuất sắc'
          : s.total >= 80
            ? 'Tốt'
            : s.total >= 70
              ? 'Khá'
              : s.total >= 50
                ? 'Trung bình'
                : 'Yếu'
      expect(cellsOf(ws, r, 1, 12), `row ${r}`).toEqual([
        expectedRank,
        code,
        expect.any(String),
        s.total,
        s.groups.CKMB,
        s.groups.TDGQ,
        s.groups.CLGQ,
        s.groups.TTTT,
        s.groups.MDHL,
        s.groups.MDSH,
        band,
        change,
      ])
      expect(s.total).toBeLessThanOrEqual(lastTotal)
      lastTotal = s.total
      for (let c = 4; c <= 10; c++) expect(ws.getCell(r, c).numFmt).toBe('0.00')
      expect(ws.getCell(r, 12).numFmt).toBe('+0;-0;0')
      const mine = code === DAK_LAK_CODE
      const fill = ws.getCell(r, 3).fill as ExcelJS.FillPattern | undefined
      expect(fill?.fgColor?.argb === 'FFFFF2CC', `highlight row ${r}`).toBe(mine)
      expect(Boolean(ws.getCell(r, 3).font?.bold)).toBe(mine)
      if (mine) {
        expect(ws.getCell(r, 3).value).toBe('Đắk Lắk')
        expect(ws.getCell(r, 1).value).toBe(rank)
      }
    }
    expect(seen.size).toBe(34)
    // ties are listed alphabetically
    for (let r = 5; r <= 37; r++) {
      if (ws.getCell(r, 1).value === ws.getCell(r - 1, 1).value) {
        expect(
          compareVietnamese(String(ws.getCell(r - 1, 3).value), String(ws.getCell(r, 3).value)),
        ).toBeLessThan(0)
      }
    }
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3, xSplit: 3 })
    expect(ws.autoFilter).toBe('A3:L37')
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '3:3',
    })
    expect(cfOf(ws)).toHaveLength(1)
    const cf = cfOf(ws)[0]!
    expect(cf.ref).toBe('L4:L37')
    expect(
      cf.rules.map((x) => [(x as ExcelJS.CellIsRuleType).operator, (x as ExcelJS.CellIsRuleType).formulae]),
    ).toEqual([
      ['greaterThan', ['0']],
      ['lessThan', ['0']],
    ])
    expect(cf.rules[0]!.style?.font?.color?.argb).toBe('FF006100') // green up
    expect(cf.rules[1]!.style?.font?.color?.argb).toBe('FF9C0006') // red down
  })

  it('Tỉnh Đắk Lắk: key figures, groups and metrics by points lost, what-ifs for the top three', () => {
    const ws = wb.getWorksheet('Tỉnh Đắk Lắk')!
    expect(ws.getCell('A2').value).toBe(headline)
    expect(cellsOf(ws, 4, 1, 2)).toEqual(['Thứ hạng', rank])
    expect(cellsOf(ws, 5, 1, 2)).toEqual(['Số tỉnh, thành phố', 34])
    expect(cellsOf(ws, 6, 1, 2)).toEqual(['Tổng điểm', 65.49])
    expect(ws.getCell('B6').numFmt).toBe('0.00')
    expect(cellsOf(ws, 7, 1, 2)).toEqual(['Điểm bị mất (so với 100)', 34.51])
    expect(cellsOf(ws, 8, 1, 2)).toEqual(['Thay đổi hạng so với lần trước', prevRank - rank])
    expect(ws.getCell('B8').numFmt).toBe('+0;-0;0')
    expect(cellsOf(ws, 9, 1, 2)).toEqual(['Xếp loại', 'Trung bình'])

    // groups, most points lost first
    const gh = rowWith(ws, 1, 'Nhóm tiêu chí')
    expect(cellsOf(ws, gh, 1, 9)).toEqual([
      'Nhóm tiêu chí',
      'Mã nhóm',
      'Điểm',
      'Tối đa',
      'Điểm bị mất',
      'Tỷ lệ đạt',
      'Hạng trong nhóm',
      'Điểm Cổng công bố',
      'Điểm tính lại',
    ])
    const g = DAK_LAK_2026_REPORTED.groups
    const expectedGroups = GROUPS.map((x) => ({
      ...x,
      score: g[x.code],
      lost: Math.round((x.max - g[x.code]) * 100) / 100,
    })).sort((a, b) => b.lost - a.lost)
    expectedGroups.forEach((x, i) => {
      const r = gh + 1 + i
      expect(cellsOf(ws, r, 1, 6), x.code).toEqual([
        x.name,
        x.code,
        x.score,
        x.max,
        x.lost,
        Math.round((x.score / x.max) * 10_000) / 10_000,
      ])
      expect(ws.getCell(r, 6).numFmt).toBe('0.00%')
      expect(ws.getCell(r, 5).numFmt).toBe('0.00')
      expect(ws.getCell(r, 8).value).toBe(x.score) // the portal's score
    })
    expect(ws.getCell(gh + 1, 2).value).toBe('MDSH') // 22 − 9.08 = 12.92 lost

    // metrics, sorted by points at stake
    const mh = rowWith(ws, 1, 'Chỉ tiêu')
    expect(cellsOf(ws, mh, 1, 16)).toEqual([
      'Chỉ tiêu',
      'Mã chỉ tiêu',
      'Nhóm',
      'Tử số',
      'Mẫu số',
      'Tỷ lệ',
      'Đủ điểm khi đạt',
      'Điểm',
      'Tối đa',
      'Điểm bị mất',
      'Điểm Cổng công bố',
      'Điểm tính lại',
      'Chênh lệch (Cổng − tính lại)',
      'Hạng trong các tỉnh có số liệu',
      'Số tỉnh có số liệu',
      'Ghi chú',
    ])
    expect(cellsOf(ws, mh + 1, 1, 13)).toEqual([
      'Tỷ lệ TTHC công bố đúng hạn',
      'PUBLISH_ON_TIME',
      'CKMB',
      0,
      82,
      0,
      1,
      0,
      6,
      6,
      0,
      0,
      0,
    ])
    expect(ws.getCell(mh + 1, 1).alignment?.wrapText).toBe(true)
    let end = mh + 1
    while (ws.getCell(end, 1).value !== null) end++
    const metricRows = end - mh - 1
    expect(metricRows).toBeGreaterThanOrEqual(20) // every metric of the methodology, tracked ones included
    const lost: number[] = []
    for (let r = mh + 1; r < end; r++)
      if (ws.getCell(r, 10).value !== null) lost.push(ws.getCell(r, 10).value as number)
    expect(lost).toEqual([...lost].sort((a, b) => b - a))
    expect(ws.autoFilter).toBe(`A${mh}:P${end - 1}`)
    const upd = rowWith(ws, 2, 'PUBLIC_UPDATE_ON_TIME')
    expect(cellsOf(ws, upd, 4, 12)).toEqual([79, 82, 0.9634, 1, 3.85, 4, 0.15, 3.85, 3.85])
    expect(ws.getCell(upd, 6).numFmt).toBe('0.00%')
    expect(ws.getCell(upd, 7).numFmt).toBe('0%')
    expect(ws.getCell(upd, 4).numFmt).toBe('#,##0')
    const reuse = rowWith(ws, 2, 'REUSED_DIGITIZED_DATA')
    expect(ws.getCell(reuse, 7).value).toBe(0.8) // threshold metric: full points at 80%
    const online = rowWith(ws, 2, '3.3')
    expect(String(ws.getCell(online, 16).value)).toMatch(/ước tính/)

    // what-ifs: three metrics alone, then together
    const wh = findSecond(ws, 'Chỉ tiêu')
    expect(cellsOf(ws, wh, 1, 10)).toEqual([
      'Chỉ tiêu',
      'Mã chỉ tiêu',
      'Tỷ lệ hiện tại',
      'Tỷ lệ giả định',
      'Điểm chỉ tiêu hiện tại',
      'Điểm chỉ tiêu mới',
      'Điểm tăng thêm',
      'Tổng điểm mới',
      'Hạng hiện tại',
      'Hạng mới',
    ])
    const top3 = [ws.getCell(mh + 1, 2).value, ws.getCell(mh + 2, 2).value, ws.getCell(mh + 3, 2).value]
    expect(cellsOf(ws, wh + 1, 1, 11)).toEqual([
      'Tỷ lệ TTHC công bố đúng hạn',
      'PUBLISH_ON_TIME',
      0,
      1,
      0,
      6,
      6,
      71.49,
      rank,
      rankOf(last, 71.49, DAK_LAK_CODE),
      null,
    ])
    expect([1, 2, 3].map((i) => ws.getCell(wh + i, 2).value)).toEqual(top3)
    const gains = [1, 2, 3].map((i) => ws.getCell(wh + i, 7).value as number)
    const together = cellsOf(ws, wh + 4, 1, 10)
    expect(together[1]).toBe('3 chỉ tiêu')
    expect(together[6]).toBeCloseTo(
      gains.reduce((a, b) => a + b, 0),
      6,
    )
    expect(together[7]).toBeCloseTo(65.49 + (together[6] as number), 6)
    expect(together[9]).toBe(rankOf(last, together[7] as number, DAK_LAK_CODE))
    expect(ws.getCell(wh + 1, 7).numFmt).toBe('+0.00;-0.00;0.00')
    expect(ws.getCell(wh + 1, 4).numFmt).toBe('0%')

    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 })
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '1:2' })
  })

  it('Đơn vị: agencies and communes from the portal, names that look like formulas kept as text', () => {
    const ws = wb.getWorksheet('Đơn vị')!
    expect(ws.getCell('A1').value).toBe('Đơn vị trực thuộc — Đắk Lắk')
    const h = rowWith(ws, 1, 'Khối')
    expect(cellsOf(ws, h, 1, 14)).toEqual([
      'Khối',
      'Đơn vị',
      'Mã',
      'Hạng',
      'Số đơn vị được xếp hạng',
      'Tổng điểm',
      ...GROUPS.map((x) => `${x.code} (${x.max})`),
      'Điểm bị mất (so với 100)',
      'Số chênh lệch Cổng/tính lại',
    ])
    const names: string[] = []
    for (let r = h + 1; ws.getCell(r, 2).value !== null; r++) names.push(String(ws.getCell(r, 2).value))
    expect(names).toHaveLength(4)
    expect(names).toContain(`'${FORMULA_UNIT}`)
    expect(names).toContain(MARKUP_UNIT)
    expect(names).toContain('UBND xã Hòa Phú')
    const f = rowWith(ws, 2, `'${FORMULA_UNIT}`)
    expect(ws.getCell(f, 2).type).toBe(ExcelJS.ValueType.String)
    expect(ws.getCell(f, 1).value).toBe('Sở, ban, ngành')
    const commune = rowWith(ws, 2, 'UBND xã Hòa Phú')
    expect(ws.getCell(commune, 1).value).toBe('Xã, phường')
    expect(ws.getCell(commune, 6).value).toBeNull() // three groups only: no total
    expect(ws.getCell(commune, 7).value).toBe(11.85)
    const dept = rowWith(ws, 2, 'Sở Tư pháp - Tỉnh Đắk Lắk')
    const total = ws.getCell(dept, 6).value as number
    expect(ws.getCell(dept, 6).numFmt).toBe('0.00')
    expect(ws.getCell(dept, 13).value).toBeCloseTo(100 - total, 6)
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: h, xSplit: 2 })
    expect(String(ws.autoFilter).startsWith(`A${h}:`)).toBe(true)
    expect(ws.pageSetup.printTitlesRow).toBe(`${h}:${h}`)
  })

  it('Lịch sử: rank and total per snapshot as real dates, the current one highlighted', () => {
    const ws = wb.getWorksheet('Lịch sử')!
    expect(cellsOf(ws, 3, 1, 8)).toEqual([
      'Ngày số liệu',
      'Kỳ',
      'Hạng',
      'Số tỉnh, thành phố',
      'Tổng điểm',
      'Thay đổi hạng',
      'Thay đổi điểm',
      'Nguồn',
    ])
    expect(ws.rowCount).toBe(3 + DATES.length)
    let before: number | null = null
    DATES.forEach((d, i) => {
      const r = 4 + i
      const mine = scores[i]!.find((s) => s.code === DAK_LAK_CODE)!
      const rk = rankOf(scores[i]!, mine.total, DAK_LAK_CODE)
      const date = ws.getCell(r, 1).value as Date
      expect(date).toBeInstanceOf(Date)
      expect(date.toISOString().slice(0, 10)).toBe(d)
      expect(ws.getCell(r, 1).numFmt).toBe('dd/mm/yyyy')
      expect(cellsOf(ws, r, 2, 6)).toEqual([
        'Năm 2026',
        rk,
        34,
        mine.total,
        before === null ? null : before - rk,
      ])
      before = rk
      const fill = ws.getCell(r, 2).fill as ExcelJS.FillPattern | undefined
      expect(fill?.fgColor?.argb === 'FFFFF2CC').toBe(i === DATES.length - 1)
    })
    expect(ws.getCell(4 + DATES.length - 1, 8).value).toMatch(/Cổng Dịch vụ công quốc gia/)
    expect(ws.getCell(4, 8).value).toBe('bảng xếp hạng quốc gia')
    expect(cfOf(ws)[0]!.ref).toBe(`F4:F${3 + DATES.length}`)
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 })
    expect(ws.autoFilter).toBe(`A3:H${3 + DATES.length}`)
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, printTitlesRow: '3:3' })
  })

  it('writes no formula anywhere, and no text cell starts with = + - @ unescaped', () => {
    expect(wb.worksheets.length).toBeGreaterThan(1)
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type, `${ws.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula)
          if (typeof cell.value === 'string')
            expect(cell.value, `${ws.name}!${cell.address}`).not.toMatch(/^[=+\-@]/)
        }),
      )
    }
  })

  it('HTML: one self-contained page that can request nothing', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="vi">')).toBe(true)
    expect(html).toContain('<meta charset="utf-8">')
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="${CSP.replace(/'/g, '&#39;')}">`,
    )
    expect(CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:")
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">')
    expect(html).toMatch(
      /<title>Đắk Lắk — Chỉ số phục vụ người dân, doanh nghiệp \(QĐ 766\), Năm 2026<\/title>/,
    )
    for (const bad of [
      /<script/i,
      /<link/i,
      /<img/i,
      /<iframe/i,
      /\ssrc=/i,
      /\shref=/i,
      /url\(/i,
      /@import/i,
    ]) {
      expect(html).not.toMatch(bad)
    }
    expect(html).toContain(`<h1 id="headline">${headline}</h1>`)
    for (const id of ['lich-su', 'nhom', 'chi-tieu', 'don-vi', 'xep-hang'])
      expect(html).toContain(`<section id="${id}">`)
    expect(html.match(/<svg [^>]*class="chart chart-line"/g)).toHaveLength(1)
    expect(html.match(/<svg [^>]*class="chart chart-bars"/g)).toHaveLength(2)
    expect(html).toContain('&lt;b&gt;Sở &quot;A&amp;B&quot;&lt;/b&gt;')
    expect(html).not.toContain(MARKUP_UNIT)
    expect(html).toContain('=HYPERLINK(&quot;http://example.invalid&quot;,&quot;bấm vào đây&quot;)')
    expect(html).toContain('<tr class="me" aria-current="true" data-code="66">')
    expect(html.match(/class="me"/g)).toHaveLength(2) // ranking row + current history row
    expect(html).toContain('>65,49</td>')
    expect(html).toContain('10/10/2026')
    expect(html).not.toMatch(/\b65\.49\b/)
  })
})

function findSecond(ws: ExcelJS.Worksheet, value: string): number {
  let seen = 0
  for (let r = 1; r <= ws.rowCount; r++) {
    if (ws.getCell(r, 1).value === value && ++seen === 2) return r
  }
  throw new Error(`no second "${value}" in ${ws.name}`)
}

describe('qd766 report (province from the config, one-stop exports, a directory)', () => {
  it('writes both reports into a directory, with the units of the province one-stop tables', async () => {
    const home = tempHome({ province: 'Thanh Hóa' })
    const inbox = join(home, 'inbox')
    const t = nationalTable({ cohort: 34, seed: 7, title: titleLines('2025-07', '2025-07-31') })
    await writeXlsx(join(inbox, 'xep-hang-thang-7.xlsx'), [t.grid])
    const fx = f2()
    fx.grid.rows[7]![1] = '=SUM(1;2) Sở Xây dựng' // a unit name that looks like a formula
    await writeForm(inbox, fx, 'xlsx', 'dvc-truc-tuyen-thang-7')
    expect(cli(home, ['refresh']).code).toBe(0)
    const dir = join(home, 'bao-cao')
    const r = cli(home, ['report', '--json', '--out', `${dir}/`])
    expect(r.code, r.stderr).toBe(0)
    const j = JSON.parse(r.stdout)
    const stem = 'bao-cao-766-thanh-hoa-2025-07-2025-07-31'
    expect(j).toMatchObject({
      province: { code: '38', name: 'Thanh Hóa' },
      period: '2025-07',
      asOf: '2025-07-31',
      cohort: 34,
      files: [
        { format: 'xlsx', path: join(dir, `${stem}.xlsx`) },
        { format: 'html', path: join(dir, `${stem}.html`) },
      ],
    })
    expect(readdirSync(dir).sort()).toEqual([`${stem}.html`, `${stem}.xlsx`]) // no temporary left behind
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(join(dir, `${stem}.xlsx`))
    const ws = wb.getWorksheet('Đơn vị')!
    const h = rowWith(ws, 1, 'Cấp')
    expect(cellsOf(ws, h, 1, 11)).toEqual([
      'Cấp',
      'Đơn vị',
      'Mã',
      'Hạng trong cấp',
      'Điểm ước tính',
      'Tối đa các chỉ tiêu có số liệu',
      'Tỷ lệ đạt',
      'Thay đổi điểm so với kỳ trước',
      'Điểm tỉnh có thể tăng',
      'Nộp TT (%)',
      'Nộp TT: điểm có thể tăng',
    ])
    const bad = rowWith(ws, 2, "'=SUM(1;2) Sở Xây dựng")
    expect(ws.getCell(bad, 2).type).toBe(ExcelJS.ValueType.String)
    const commune = rowWith(ws, 2, 'UBND xã Nga Thủy')
    expect(ws.getCell(commune, 1).value).toBe('Cấp xã')
    expect(ws.getCell(commune, 10).value).toBe(0.25) // 30/120 online
    expect(ws.getCell(commune, 10).numFmt).toBe('0.00%')
    expect(ws.getCell(commune, 9).numFmt).toBe('0.00')
    expect(String(ws.autoFilter).startsWith(`A${h}:`)).toBe(true)
    // no metric detail for this province: the what-if says why instead
    const p = wb.getWorksheet('Tỉnh Thanh Hóa')!
    const notes: string[] = []
    p.eachRow((row) => notes.push(String(row.getCell(1).value)))
    expect(notes.some((n) => n.startsWith('Chưa có số liệu chi tiết theo chỉ tiêu'))).toBe(true)
    const html = readFileSync(join(dir, `${stem}.html`), 'utf8')
    expect(html).toContain('<h1 id="headline">Thanh Hóa: hạng ')
    expect(html).toContain('chưa có lần trước để so sánh')
    expect(html).toContain('UBND xã Nga Thủy')
    expect(html).toContain('=SUM(1;2) Sở Xây dựng')
    expect(html).toContain('Chưa có số liệu chi tiết theo chỉ tiêu')
  })

  it("leaves a reading of one province's own captures out of the rank history, and says so", async () => {
    const home = tempHome()
    const inbox = join(home, 'inbox')
    for (const [date, seed] of [
      ['2026-10-05', 31],
      ['2026-10-12', 32],
    ] as const) {
      const t = nationalTable({ cohort: 34, seed, title: titleLines('2026', date) })
      await writeXlsx(join(inbox, `xep-hang-${date}.xlsx`), [t.grid])
    }
    // Đắk Lắk's captures alone on 08/10: a snapshot that ranks 1 province of 34
    const own = join(home, 'own')
    writeCaptureFiles(own, DAK_LAK_2026, [], { period: '2026', capturedAt: '2026-10-08T08:00:00+07:00' })
    for (const f of readdirSync(own)) renameSync(join(own, f), join(inbox, f))
    expect(cli(home, ['refresh']).code).toBe(0)
    const snaps = JSON.parse(
      cli(home, ['query', 'SELECT as_of, ranked FROM snapshots ORDER BY as_of', '--json']).stdout,
    )
    expect(snaps).toEqual([
      { as_of: '2026-10-05', ranked: 34 },
      { as_of: '2026-10-08', ranked: 1 },
      { as_of: '2026-10-12', ranked: 34 },
    ])
    const xlsx = join(home, 'r.xlsx')
    const html = join(home, 'r.html')
    const r = cli(home, ['report', '--province', 'Đắk Lắk', '--out', xlsx, '--out', html])
    expect(r.code, r.stderr).toBe(0)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(xlsx)
    const ws = wb.getWorksheet('Lịch sử')!
    const dates = [4, 5].map((row) => (ws.getCell(row, 1).value as Date).toISOString().slice(0, 10))
    expect(dates).toEqual(['2026-10-05', '2026-10-12'])
    expect(ws.getCell(6, 1).value).toBeNull()
    expect(String(ws.getCell(7, 1).value)).toMatch(/^1 lần cập nhật chỉ xếp hạng dưới một nửa/)
    const page = readFileSync(html, 'utf8')
    expect(page.match(/<g class="point"/g)).toHaveLength(2)
    expect(page).toContain('1 lần cập nhật chỉ xếp hạng dưới một nửa số tỉnh, thành phố')
  })

  it('answers usage errors with exit 2 and an unknown province with exit 5', () => {
    const home = tempHome()
    const t = nationalTable({ cohort: 34, seed: 9, title: titleLines('2026', '2026-10-05') })
    return writeXlsx(join(home, 'inbox', 'x.xlsx'), [t.grid]).then(() => {
      expect(cli(home, ['refresh']).code).toBe(0)
      const out = join(home, 'r.html')
      let r = cli(home, ['report', '--province', 'Huế'])
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(/--out/)
      r = cli(home, ['report', '--out', out])
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(/--province/)
      expect(r.stderr).toMatch(/qd766\.config\.json/)
      r = cli(home, ['report', '--province', 'Huế', '--out', join(home, 'r.pdf')])
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(/FILE\.xlsx/)
      expect(cli(home, ['report', '--province', 'Huế', '--period', '2026-13', '--out', out]).code).toBe(2)
      r = cli(home, ['report', '--province', 'Atlantis', '--out', out])
      expect(r.code).toBe(5)
      expect(cli(home, ['report', '--province', 'Huế', '--period', '2019', '--out', out]).code).toBe(5)
      expect(existsSync(out)).toBe(false)
      r = cli(home, ['report', '--help'])
      expect(r.code).toBe(0)
      expect(r.stdout).toMatch(/Cách dùng: qd766 report/)
      // a province without portal captures or units still gets a full report; a city's sheet says TP
      const xlsx = join(home, 'r.xlsx')
      r = cli(home, ['report', '--province', '46', '--out', out, '--out', xlsx])
      expect(r.code, r.stderr).toBe(0)
      const html = readFileSync(out, 'utf8')
      expect(html).toContain('<h1 id="headline">Huế: hạng ')
      expect(html).toContain('Không có số liệu đơn vị.')
      const wb = new ExcelJS.Workbook()
      return wb.xlsx.readFile(xlsx).then(() => {
        expect(wb.worksheets.map((w) => w.name)).toEqual(['Xếp hạng', 'TP Huế', 'Đơn vị', 'Lịch sử'])
        expect(wb.getWorksheet('Đơn vị')!.getCell('A4').value).toBe('Không có số liệu đơn vị.')
      })
    })
  })
})
