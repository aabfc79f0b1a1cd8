/**
 * Issue 10 §1, §3 and §6 around national tables: what is still an error *inside* a table (scores
 * without a province, a misspelt province, even as the last row before the signature block, text in
 * a score column), a file whose name and title name different periods, province names that suggest
 * the closest ones, "Sài Gòn", `--period Q3-2026`, and a duplicate that names the file it repeats.
 * Through the real CLI in one home: one good reading, the bad files beside it.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { encodeCsv } from '../../fixtures/lib/write-csv.ts'
import { writeXlsx } from '../../fixtures/lib/write-xlsx.ts'
import { nationalTable, titleLines } from '../../fixtures/national.ts'
import { cli, cliJson, tempHome } from '../helpers.ts'

interface IngestRow {
  file: string
  status: string
  error: string | null
  errorDetail: {
    code: string
    file: string | null
    sheet: string | null
    row: number | null
    column: string | null
    found: string | null
  } | null
  duplicateOf?: { file: string; ingestedAt: string; message: string }
}

// two title lines + a blank row, the header on row 4: the first province is on row 5
const FIRST_PROVINCE_ROW = 5
const table = (opts: { signatureBlock?: boolean } = {}) =>
  nationalTable({ cohort: 34, seed: 21, title: titleLines('2026-Q3', '2026-10-05'), ...opts }).grid

type Bad = { file: string; code: string; message: RegExp[]; row?: number; column?: string; found?: string }

describe('national tables: errors inside the table, periods, province names, duplicates', () => {
  let home: string
  let outcomes: Map<string, IngestRow>
  const bad: Bad[] = []

  beforeAll(async () => {
    home = tempHome()
    const inbox = join(home, 'inbox')
    await writeXlsx(join(inbox, 'xep-hang-2026-Q3.xlsx'), [table({ signatureBlock: true })])

    // a row with scores but no province name between two province rows
    const gap = table()
    gap.rows.splice(9, 0, [null, null, 10, 11, 8, 7, 12, 13, 61])
    await writeXlsx(join(inbox, 'scores-without-province.xlsx'), [gap])
    bad.push({
      file: 'scores-without-province.xlsx',
      code: 'unknown-province',
      message: [/không có tên tỉnh/],
      row: 10,
      column: 'B',
    })

    // a misspelt province inside the table (CSV)
    const typo = table()
    const at = typo.rows.findIndex((r) => r[1] === 'Lạng Sơn')
    typo.rows[at]![1] = 'Lạng Sơm'
    expect(at).toBeGreaterThanOrEqual(FIRST_PROVINCE_ROW - 1)
    writeFileSync(join(inbox, 'lang-som.csv'), encodeCsv(typo.rows, { encoding: 'utf-8-bom' }))
    bad.push({
      file: 'lang-som.csv',
      code: 'unknown-province',
      message: [/"Lạng Sơm"/, /Có phải "Lạng Sơn"\?/],
      row: at + 1,
      column: 'B',
    })

    // the same misspelling as the *last* province row, right above the signature block: not a footer
    const last = table({ signatureBlock: true })
    const lastRow = last.rows.findLastIndex((r) => typeof r[0] === 'number')
    const lastName = String(last.rows[lastRow]![1])
    last.rows[lastRow]![1] = `${lastName.slice(0, -1)}x`
    await writeXlsx(join(inbox, 'typo-last-row.xlsx'), [last])
    bad.push({
      file: 'typo-last-row.xlsx',
      code: 'unknown-province',
      message: [new RegExp(`Có phải [^?]*"${lastName}"`)],
      row: lastRow + 1,
      column: 'B',
    })

    // signature text inside the table (between province rows) is still text in a score column
    const inside = table()
    inside.rows.splice(12, 0, [
      null,
      'Người lập biểu',
      null,
      null,
      null,
      null,
      'Thủ trưởng đơn vị',
      null,
      null,
    ])
    await writeXlsx(join(inbox, 'signature-inside.xlsx'), [inside])
    bad.push({
      file: 'signature-inside.xlsx',
      code: 'bad-value',
      message: [/Mức độ hài lòng/],
      row: 13,
      column: 'G',
      found: 'Thủ trưởng đơn vị',
    })

    // file name says Q4, title says Q3
    await writeXlsx(join(inbox, 'xep-hang-2026-Q4.xlsx'), [table()])
    bad.push({
      file: 'xep-hang-2026-Q4.xlsx',
      code: 'bad-period',
      message: [/Tên tệp ghi kỳ Quý 4\/2026/, /Quý 3\/2026/, /đổi tên tệp/],
    })

    outcomes = new Map(cliJson<IngestRow[]>(home, ['ingest', '--json']).json.map((r) => [r.file, r]))
  }, 300_000)

  it('takes the good reading with its signature block', () => {
    expect(outcomes.get('xep-hang-2026-Q3.xlsx')).toMatchObject({ status: 'accepted' })
  })

  it('rejects each bad file with its code, place and a Vietnamese message that says how to fix it', () => {
    for (const b of bad) {
      const r = outcomes.get(b.file)
      expect(r?.status, b.file).toBe('rejected')
      expect(r!.errorDetail?.code, b.file).toBe(b.code)
      for (const m of b.message) expect(r!.error, b.file).toMatch(m)
      if (b.row !== undefined) {
        expect(r!.errorDetail?.row, b.file).toBe(b.row)
        // a CSV's one sheet is named after the file
        const sheet = b.file.endsWith('.csv') ? b.file.replace(/\.csv$/, '') : 'Xếp hạng'
        expect(r!.errorDetail, b.file).toMatchObject({ file: b.file, sheet })
      }
      if (b.column !== undefined) expect(r!.errorDetail?.column, b.file).toBe(b.column)
      if (b.found !== undefined) expect(r!.errorDetail?.found, b.file).toBe(b.found)
    }
    const report = JSON.parse(
      readFileSync(join(home, 'rejected', 'xep-hang-2026-Q4.xlsx.error.json'), 'utf8'),
    )
    expect(report).toMatchObject({ code: 'bad-period', found: '2026-Q4 / 2026-Q3' })
  })

  it('suggests the closest province names in province, ranking --province and units', () => {
    for (const args of [
      ['province', 'Lạng Sơm'],
      ['ranking', '--province', 'Lạng Sơm'],
      ['ranking', '--by', '3.3', '--province', 'Lạng Sơm'],
      ['units', 'Lạng Sơm'],
    ]) {
      const r = cli(home, args)
      expect(r.code, args.join(' ')).toBe(5)
      expect(r.stderr, args.join(' ')).toMatch(
        /Không tìm thấy tỉnh, thành phố "Lạng Sơm"\. Có phải "Lạng Sơn"\?/,
      )
    }
  })

  it('reads "Sài Gòn" as Hồ Chí Minh', () => {
    const saigon = cli(home, ['province', 'Sài Gòn', '--json'])
    const hcm = cli(home, ['province', 'Hồ Chí Minh', '--json'])
    expect(saigon.code).toBe(0)
    expect(JSON.parse(saigon.stdout)).toEqual(JSON.parse(hcm.stdout))
    expect(JSON.parse(saigon.stdout)).toMatchObject({ code: '79' })
  })

  it('takes --period Q3-2026 like 2026-Q3', () => {
    const a = cli(home, ['ranking', '--period', 'Q3-2026', '--format', 'json'])
    const b = cli(home, ['ranking', '--period', '2026-Q3', '--format', 'json'])
    expect(a.code).toBe(0)
    expect(JSON.parse(a.stdout)).toEqual(JSON.parse(b.stdout))
    expect(JSON.parse(a.stdout)).toMatchObject({ period: '2026-Q3' })
  })

  it('names the file a duplicate repeats and when that one was ingested', () => {
    copyFileSync(join(home, 'archive', 'xep-hang-2026-Q3.xlsx'), join(home, 'inbox', 'ban-sao.xlsx'))
    const r = cliJson<IngestRow[]>(home, ['ingest', '--json'])
    expect(r.code).toBe(0)
    const dup = r.json.find((o) => o.file === 'ban-sao.xlsx')!
    expect(dup.status).toBe('duplicate')
    expect(dup.duplicateOf).toMatchObject({ file: 'xep-hang-2026-Q3.xlsx' })
    expect(Number.isNaN(Date.parse(dup.duplicateOf!.ingestedAt))).toBe(false)
    expect(dup.duplicateOf!.message).toMatch(
      /^trùng từng byte với tệp "xep-hang-2026-Q3\.xlsx" đã được nhận lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/,
    )
  })
})
