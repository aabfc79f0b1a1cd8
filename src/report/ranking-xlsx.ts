/**
 * The ranking as a clean workbook: Vietnamese headers, frozen header row, 0.00 number formats,
 * autofilter, column widths, A4 landscape with the header repeated on every printed page.
 */
import ExcelJS from 'exceljs'
import { GROUPS } from '../reference/groups.ts'
import type { Ranking } from './ranking.ts'
import { safeText } from './xlsx-safe.ts'

export async function writeRankingXlsx(path: string, r: Ranking): Promise<void> {
  await rankingWorkbook(r).xlsx.writeFile(path)
}

/** The same workbook in memory (the web server sends it without a temporary file). */
export async function rankingXlsxBuffer(r: Ranking): Promise<Buffer> {
  return Buffer.from(await rankingWorkbook(r).xlsx.writeBuffer())
}

function rankingWorkbook(r: Ranking): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'qd766'
  wb.created = new Date(r.takenAt)
  const ws = wb.addWorksheet('Xếp hạng', {
    views: [{ state: 'frozen', ySplit: 3 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '3:3',
    },
  })
  const title = `Xếp hạng Chỉ số phục vụ người dân, doanh nghiệp (QĐ 766) — kỳ ${r.period}${r.asOf ? `, tính đến ngày ${r.asOf.split('-').reverse().join('/')}` : ''}`
  ws.getCell('A1').value = title
  ws.getCell('A1').font = { bold: true, size: 13 }
  ws.getCell('A2').value =
    `${r.ranked}/${r.cohort} tỉnh, thành phố được xếp hạng${r.by !== 'total' ? ` theo ${r.by}` : ''}; nguồn: ${r.source}`
  ws.getCell('A2').font = { italic: true, color: { argb: 'FF555555' } }

  const five = r.form === 'five'
  const groupCols = five
    ? [
        { header: 'Công khai, minh bạch', key: 'CKMB' },
        { header: 'Tiến độ giải quyết', key: 'TDGQ' },
        { header: 'Dịch vụ công trực tuyến (22)', key: 'online22' },
        { header: 'Mức độ hài lòng', key: 'MDHL' },
        { header: 'Số hóa hồ sơ', key: 'MDSH' },
      ]
    : GROUPS.map((g) => ({ header: `${g.name} (${g.max})`, key: g.code }))
  const headers = [
    'Hạng',
    'Mã',
    'Tỉnh, thành phố',
    'Tổng điểm',
    ...groupCols.map((c) => c.header),
    'Xếp loại',
    'Thay đổi hạng',
  ]
  const headerRow = ws.getRow(3)
  headerRow.values = headers
  headerRow.font = { bold: true }
  headerRow.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' }
  headerRow.height = 36
  headerRow.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } }
    c.border = { bottom: { style: 'thin' } }
  })
  for (const row of r.rows) {
    const g = (k: string) => (k === 'online22' ? row.online22 : row.groups[k as keyof typeof row.groups])
    ws.addRow([
      row.rank,
      row.code,
      safeText(row.name),
      row.total,
      ...groupCols.map((c) => g(c.key)),
      safeText(row.band),
      row.rankChange,
    ])
  }
  const widths = [7, 6, 22, 10, ...groupCols.map(() => 13), 12, 10]
  widths.forEach((w, i) => {
    const col = ws.getColumn(i + 1)
    col.width = w
    if (i >= 3 && i < 4 + groupCols.length) col.numFmt = '0.00'
    if (i === headers.length - 1) col.numFmt = '+0;-0;0'
  })
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3 + r.rows.length, column: headers.length } }
  return wb
}
