/**
 * The ranking as a clean workbook: headers in the run's language (Vietnamese, English with --lang en),
 * frozen header row, 0.00 number formats, autofilter, column widths, A4 landscape with the header
 * repeated on every printed page. Numbers stay numbers (Excel shows them in the reader's locale).
 */
import ExcelJS from 'exceljs'
import { fmtDate } from '../i18n/format.ts'
import { t } from '../i18n/index.ts'
import { periodName } from '../i18n/terms.ts'
import { isNationalRanking } from './figures.ts'
import { rankingGroupColumns, sourceLabel } from './leadership/data.ts'
import type { Ranking } from './ranking.ts'
import { safeText } from './xlsx-safe.ts'

export async function writeRankingXlsx(path: string, r: Ranking): Promise<void> {
  await rankingWorkbook(r).xlsx.writeFile(path)
}

/** The same workbook in memory (the web server sends it without a temporary file). */
export async function rankingXlsxBuffer(r: Ranking): Promise<Buffer> {
  return Buffer.from(await rankingWorkbook(r).xlsx.writeBuffer())
}

const FONT = 'Calibri'
const THIN = { style: 'thin' as const, color: { argb: 'FFB7C3D0' } }
/** Fill of each rating band (the config's labels, as configured; an unknown label stays white). */
const BAND_FILL: Record<string, string> = {
  'Xuất sắc': 'FFC6EFCE',
  Tốt: 'FFE2F0D9',
  Khá: 'FFFFF2CC',
  'Trung bình': 'FFFCE4D6',
  'Trung bình khá': 'FFFCE4D6',
  Yếu: 'FFFFC7CE',
}

function rankingWorkbook(r: Ranking): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'qd766'
  wb.created = new Date(r.takenAt)
  const ws = wb.addWorksheet(t('rpt.sheet.ranking'), {
    views: [{ state: 'frozen', ySplit: 3 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '3:3',
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: t('rxl.footer') },
  })
  const groupCols = rankingGroupColumns(r.form)
  const headers = [
    t('rpt.h.rank'),
    t('rpt.h.code'),
    t('rpt.h.province'),
    t('rpt.h.total'),
    ...groupCols.map((c) => c.header),
    t('rpt.h.band'),
    t('rpt.h.rank-change'),
  ]
  const last = headers.length
  // Title and subtitle merged across the table so they never spill into or hide other cells.
  const title = t('rxl.title', { period: periodName(r.period), asOf: r.asOf ? fmtDate(r.asOf) : '' })
  ws.mergeCells(1, 1, 1, last)
  ws.getCell('A1').value = title
  ws.getCell('A1').font = { name: FONT, bold: true, size: 13 }
  ws.getRow(1).height = 22
  ws.mergeCells(2, 1, 2, last)
  ws.getCell('A2').value = t('rxl.sub', {
    ranked: r.ranked,
    cohort: r.cohort,
    by: r.by !== 'total' ? r.by : '',
    source: sourceLabel(r.source),
    national: isNationalRanking(r),
  })
  ws.getCell('A2').font = { name: FONT, italic: true, color: { argb: 'FF555555' } }

  const headerRow = ws.getRow(3)
  headerRow.values = headers
  headerRow.height = 45
  headerRow.eachCell((c) => {
    c.font = { name: FONT, bold: true }
    c.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' }
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } }
    c.border = { top: THIN, left: THIN, right: THIN, bottom: { style: 'medium' } }
  })
  r.rows.forEach((row, i) => {
    const g = (k: string) => (k === 'online22' ? row.online22 : row.groups[k as keyof typeof row.groups])
    const xr = ws.addRow([
      row.rank,
      row.code,
      safeText(row.name),
      row.total,
      ...groupCols.map((c) => g(c.key)),
      safeText(row.band),
      row.rankChange,
    ])
    xr.height = 18
    xr.eachCell({ includeEmpty: true }, (c, col) => {
      c.font = { name: FONT }
      c.border = { top: THIN, left: THIN, right: THIN, bottom: THIN }
      c.alignment = {
        vertical: 'middle',
        horizontal:
          col === 1 || col === 2 || col === last
            ? 'center'
            : col === 3 || col === last - 1
              ? 'left'
              : 'right',
      }
      // every other row lightly shaded, so a printed row is easy to follow across the page
      if (i % 2 === 1) c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF5F7FA' } }
    })
    const bandFill = row.band ? BAND_FILL[row.band] : undefined
    if (bandFill)
      xr.getCell(last - 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: bandFill } }
  })
  const widths = [7, 6, 22, 10, ...groupCols.map(() => 13), 12, 10]
  widths.forEach((w, i) => {
    const col = ws.getColumn(i + 1)
    col.width = w
    if (i >= 3 && i < 4 + groupCols.length) col.numFmt = '0.00'
    if (i === headers.length - 1) col.numFmt = '+0;-0;0'
  })
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3 + r.rows.length, column: headers.length } }
  if (r.rows.length) {
    const ref = `${ws.getColumn(last).letter}4:${ws.getColumn(last).letter}${3 + r.rows.length}`
    ws.addConditionalFormatting({
      ref,
      rules: [
        {
          type: 'cellIs',
          operator: 'greaterThan',
          formulae: ['0'],
          priority: 1,
          style: { font: { bold: true, color: { argb: 'FF006100' } } },
        },
        {
          type: 'cellIs',
          operator: 'lessThan',
          formulae: ['0'],
          priority: 2,
          style: { font: { bold: true, color: { argb: 'FF9C0006' } } },
        },
      ],
    })
  }
  if (r.missing.length) {
    const at = 3 + r.rows.length + 2
    ws.mergeCells(at, 1, at, last)
    const c = ws.getCell(at, 1)
    c.value = safeText(t('rxl.missing', { names: r.missing.map((m) => m.name).join(', ') }))
    c.alignment = { wrapText: true, vertical: 'top' }
    c.font = { name: FONT, italic: true }
    ws.getRow(at).height = 15 * Math.ceil((c.value as string).length / 150)
  }
  return wb
}
