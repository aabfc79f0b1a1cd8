/**
 * The leadership workbook (exceljs), in the style of the ranking workbook (ranking-xlsx.ts):
 * "Xếp hạng" (every province, the chosen one highlighted), "Tỉnh …"/"TP …" (groups, metrics by points at
 * stake, what-ifs), "Đơn vị" (agencies and communes), "Lịch sử" (rank and total per snapshot).
 * Headers in the run's language (Vietnamese by default), 0.00 scores, percentages as %, frozen
 * panes, an autofilter, A4 landscape with titles repeated, green/red rank changes. Text from the data goes through safeText, so a name that
 * starts with = + - @ can never become a formula.
 */

import ExcelJS from 'exceljs'
import { fmtDate } from '../../i18n/format.ts'
import { t } from '../../i18n/index.ts'
import { periodName } from '../../i18n/terms.ts'
import { LEVEL_LABELS } from '../../provincial/rows.ts'
import { GROUPS, type GroupCode } from '../../reference/groups.ts'
import { capturesLabel, otherDay, snapshotLabel } from '../figures.ts'
import { unitCohortLabel } from '../portal-units.ts'
import { safeText } from '../xlsx-safe.ts'

import {
  displayGroups,
  headline,
  type LeadershipReport,
  levelLabel,
  rankingGroupColumns,
  sourceLabel,
  type WhatIfRow,
} from './data.ts'

type Value = string | number | Date | null

export const FMT = {
  score: '0.00',
  percent: '0.00%',
  percentWhole: '0%',
  change: '+0;-0;0',
  signed: '+0.00;-0.00;0.00',
  int: '#,##0',
  date: 'dd/mm/yyyy',
} as const

const HEADER_FILL = 'FFDCE6F1'
const HIGHLIGHT_FILL = 'FFFFF2CC'
/** exceljs's default font, named so that every styled cell keeps it (LibreOffice falls back to a serif). */
const FONT = 'Calibri'
const SECTION_FONT = { name: FONT, bold: true, size: 12, color: { argb: 'FF1F4E79' } }

/** Excel sheet names: at most 31 characters, none of []:*?/\ . */
export function sheetName(s: string): string {
  return s
    .replace(/[[\]:*?/\\]/g, ' ')
    .slice(0, 31)
    .trim()
}

/** Percent units (96.34) -> the fraction Excel's % format expects (0.9634), without binary drift. */
export const pct = (p: number | null | undefined) =>
  p === null || p === undefined ? null : Math.round(p * 10_000) / 1_000_000
const round2 = (x: number) => Math.round(x * 100) / 100

interface Col {
  header: string
  width: number
  fmt?: string
  /** Long text: wrapped (the row grows) instead of spilling into the next column. */
  wrap?: boolean
  center?: boolean
  /** Codes: a smaller font so that long ones fit. */
  small?: boolean
}

function newSheet(
  wb: ExcelJS.Workbook,
  name: string,
  frozen: { ySplit: number; xSplit?: number },
  titleRows: string,
) {
  const ws = wb.addWorksheet(sheetName(name), {
    views: [{ state: 'frozen', ySplit: frozen.ySplit, xSplit: frozen.xSplit ?? 0 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: titleRows,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  })
  ws.headerFooter.oddFooter = t('rpt.xlsx.footer')
  return ws
}

function title(ws: ExcelJS.Worksheet, row: number, text: string, sub?: string) {
  ws.getCell(row, 1).value = safeText(text)
  ws.getCell(row, 1).font = { name: FONT, bold: true, size: 13 }
  if (sub !== undefined) {
    ws.getCell(row + 1, 1).value = safeText(sub)
    ws.getCell(row + 1, 1).font = { name: FONT, italic: true, color: { argb: 'FF555555' } }
  }
}

/**
 * Lines a wrapped text takes in a column: about one character per unit of Excel column width (the
 * width of "0"; Vietnamese letters average a little narrower, word breaks waste a little).
 */
export function estimateLines(text: string, width: number, perUnit = 1): number {
  let lines = 0
  for (const para of text.split('\n')) {
    let cur = 0
    lines++
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const n = [...word].length
      if (cur > 0 && cur + 1 + n > width * perUnit) {
        lines++
        cur = n
      } else cur += (cur > 0 ? 1 : 0) + n
    }
  }
  return Math.max(1, lines)
}

function headerRow(ws: ExcelJS.Worksheet, row: number, cols: Col[]) {
  const r = ws.getRow(row)
  r.values = cols.map((c) => c.header)
  r.font = { name: FONT, bold: true }
  r.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' }
  // Explicit heights: LibreOffice does not grow rows with wrapped text when it opens the file.
  const lines = Math.max(2, ...cols.map((c) => estimateLines(c.header, c.width - 1, 0.95)))
  r.height = 6 + 14 * lines
  cols.forEach((_, i) => {
    const c = r.getCell(i + 1)
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } }
    c.border = { bottom: { style: 'thin' } }
  })
}

function dataRow(ws: ExcelJS.Worksheet, row: number, cols: Col[], values: Value[], highlight = false) {
  const r = ws.getRow(row)
  const lines = Math.max(
    1,
    ...values.map((v, i) => {
      const col = cols[i]
      return col?.wrap && typeof v === 'string' ? estimateLines(v, col.width - 1) : 1
    }),
  )
  if (lines > 1) r.height = 15 * lines
  values.forEach((v, i) => {
    const c = r.getCell(i + 1)
    c.value = typeof v === 'string' ? safeText(v) : v
    const col = cols[i]
    if (col?.fmt) c.numFmt = col.fmt
    c.alignment = {
      vertical: 'top',
      ...(col?.wrap ? { wrapText: true } : {}),
      ...(col?.center ? { horizontal: 'center' as const } : {}),
    }
    if (col?.small) c.font = { name: FONT, size: 9 }
    if (highlight) {
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HIGHLIGHT_FILL } }
      c.font = { name: FONT, bold: true }
    }
  })
}

function section(ws: ExcelJS.Worksheet, row: number, text: string) {
  ws.getCell(row, 1).value = safeText(text)
  ws.getCell(row, 1).font = SECTION_FONT
}

function noteRow(ws: ExcelJS.Worksheet, row: number, text: string) {
  ws.getCell(row, 1).value = safeText(text)
  ws.getCell(row, 1).font = { name: FONT, italic: true, color: { argb: 'FF555555' } }
}

/** Green when the rank went up (a positive change), red when it went down. */
function rankChangeColours(ws: ExcelJS.Worksheet, ref: string) {
  ws.addConditionalFormatting({
    ref,
    rules: [
      {
        type: 'cellIs',
        operator: 'greaterThan',
        formulae: ['0'],
        priority: 1,
        style: {
          font: { bold: true, color: { argb: 'FF006100' } },
          fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFC6EFCE' } },
        },
      },
      {
        type: 'cellIs',
        operator: 'lessThan',
        formulae: ['0'],
        priority: 2,
        style: {
          font: { bold: true, color: { argb: 'FF9C0006' } },
          fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } },
        },
      },
    ],
  })
}

const colLetter = (n: number) => {
  let s = ''
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s
  return s
}

function widths(ws: ExcelJS.Worksheet, w: number[]) {
  w.forEach((x, i) => {
    ws.getColumn(i + 1).width = x
  })
}

function subtitle(r: LeadershipReport): string {
  const p = r.province
  return `${periodName(p.period)}${p.asOf ? t('rpt.as-of', { date: fmtDate(p.asOf) }) : ''}`
}

// ---- Xếp hạng --------------------------------------------------------------------------------

export const RANKING_FIRST_ROW = 4

function rankingSheet(wb: ExcelJS.Workbook, r: LeadershipReport) {
  const ws = newSheet(wb, t('rpt.sheet.ranking'), { ySplit: 3, xSplit: 3 }, '3:3')
  const k = r.ranking
  title(
    ws,
    1,
    t('rpt.xlsx.ranking-title', { sub: subtitle(r) }),
    k
      ? t('rpt.xlsx.ranking-sub', {
          ranked: k.ranked,
          n: k.cohort,
          source: sourceLabel(k.source),
          name: r.province.name,
        })
      : t('rpt.no-ranking'),
  )
  const groupCols = rankingGroupColumns(k?.form)
  const cols: Col[] = [
    { header: t('rpt.h.rank'), width: 7, center: true },
    { header: t('rpt.h.code'), width: 6, center: true },
    { header: t('rpt.h.province'), width: 22 },
    { header: t('rpt.h.total'), width: 10, fmt: FMT.score },
    ...groupCols.map((c) => ({ header: c.header, width: 13, fmt: FMT.score })),
    { header: t('rpt.h.band'), width: 12, center: true },
    { header: t('rpt.h.rank-change'), width: 10, fmt: FMT.change, center: true },
  ]
  headerRow(ws, 3, cols)
  widths(
    ws,
    cols.map((c) => c.width),
  )
  if (!k) return
  k.rows.forEach((row, i) => {
    const g = (key: GroupCode | 'online22') => (key === 'online22' ? row.online22 : row.groups[key])
    dataRow(
      ws,
      RANKING_FIRST_ROW + i,
      cols,
      [row.rank, row.code, row.name, row.total, ...groupCols.map((c) => g(c.key)), row.band, row.rankChange],
      row.code === r.province.code,
    )
  })
  const last = RANKING_FIRST_ROW + k.rows.length - 1
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: Math.max(3, last), column: cols.length } }
  if (k.rows.length)
    rankChangeColours(ws, `${colLetter(cols.length)}${RANKING_FIRST_ROW}:${colLetter(cols.length)}${last}`)
  if (k.missing.length) {
    noteRow(ws, last + 2, t('rpt.ranking.missing', { names: k.missing.map((m) => m.name).join(', ') }))
  }
  r.readingWarnings.forEach((w, i) => {
    noteRow(ws, last + 3 + i, `⚠ ${w}`)
  })
}

// ---- Tỉnh … ----------------------------------------------------------------------------------

function provinceSheet(wb: ExcelJS.Workbook, r: LeadershipReport) {
  const p = r.province
  const ws = newSheet(wb, t('rpt.sheet.province', { kind: r.kind, name: p.name }), { ySplit: 2 }, '1:2')
  title(ws, 1, `${p.name} — ${subtitle(r)}`, headline(r))
  // name, code, then numbers; the last column takes the notes
  widths(ws, [44, 20, 10, 11, 11, 10, 10, 10, 10, 10, 10, 10, 11, 10, 10, 32])

  // key figures
  const lost = p.total === null ? null : round2(100 - p.total)
  const figures: Array<[string, Value, string | undefined]> = [
    [t('rpt.h.standing'), p.nationalRank ? p.rank : t('rpt.not-national-rank'), undefined],
    [t('rpt.h.provinces'), p.cohortSize, undefined],
    [t('rpt.h.total'), p.total, FMT.score],
    [t('rpt.h.lost-100'), lost, FMT.score],
    [t('rpt.h.rank-change-long'), p.rankChange, FMT.change],
    [t('rpt.h.band'), p.band, undefined],
  ]
  let row = 4
  for (const [label, value, fmt] of figures) {
    ws.getCell(row, 1).value = label
    ws.getCell(row, 1).font = { name: FONT, bold: true }
    const c = ws.getCell(row, 2)
    c.value = typeof value === 'string' ? safeText(value) : value
    c.alignment = { horizontal: 'right' }
    if (fmt) c.numFmt = fmt
    if (fmt === FMT.change) rankChangeColours(ws, `B${row}`)
    row++
  }
  row++

  // groups, by points lost
  section(ws, row++, t('rpt.xlsx.groups'))
  const gcols: Col[] = [
    { header: t('rpt.h.group'), width: 44, wrap: true },
    { header: t('rpt.h.group-code'), width: 20 },
    { header: t('rpt.h.score'), width: 10, fmt: FMT.score },
    { header: t('rpt.h.max'), width: 10, fmt: FMT.score },
    { header: t('rpt.h.lost'), width: 10, fmt: FMT.score },
    { header: t('rpt.h.share'), width: 10, fmt: FMT.percent },
    { header: t('rpt.h.group-rank'), width: 10, center: true },
    { header: t('rpt.h.reported'), width: 10, fmt: FMT.score },
    { header: t('rpt.h.computed'), width: 10, fmt: FMT.score },
  ]
  // One answer per question (src/report/figures.ts): say which reading each column is.
  noteRow(
    ws,
    row++,
    (p.source
      ? t('rpt.xlsx.score-col', {
          label: snapshotLabel({ source: p.source, asOf: p.asOf, period: p.period }),
        })
      : '') +
      (p.portal
        ? t('rpt.xlsx.portal-cols', { label: capturesLabel(p.portal.asOf) }) +
          (otherDay(p.asOf, p.portal.asOf) ? t('rpt.xlsx.other-day') : '.')
        : ''),
  )
  headerRow(ws, row++, gcols)
  const groupHead = row - 1
  const groups = displayGroups(r).sort((a, b) => (b.pointsLost ?? -1) - (a.pointsLost ?? -1) || b.max - a.max)
  for (const g of groups) {
    dataRow(ws, row++, gcols, [
      g.name,
      g.code,
      g.score,
      g.max,
      g.pointsLost,
      g.score === null ? null : Math.round((g.score / g.max) * 10_000) / 10_000,
      p.nationalRank ? g.rank : null,
      g.reportedScore,
      g.computedScore,
    ])
  }
  // The autofilter goes on the metric table when there is one (a sheet has one filter), else here.
  ws.autoFilter = { from: { row: groupHead, column: 1 }, to: { row: row - 1, column: gcols.length } }
  row++

  // metrics, by points at stake
  section(ws, row++, t('rpt.xlsx.metrics'))
  const mcols: Col[] = [
    { header: t('rpt.h.metric'), width: 44, wrap: true },
    { header: t('rpt.h.metric-code'), width: 20, small: true },
    { header: t('rpt.h.group-short'), width: 10, center: true },
    { header: t('rpt.h.numerator'), width: 11, fmt: FMT.int },
    { header: t('rpt.h.denominator'), width: 11, fmt: FMT.int },
    { header: t('rpt.h.ratio'), width: 10, fmt: FMT.percent },
    { header: t('rpt.h.full-at'), width: 10, fmt: FMT.percentWhole },
    { header: t('rpt.h.score'), width: 10, fmt: FMT.score },
    { header: t('rpt.h.max'), width: 10, fmt: FMT.score },
    { header: t('rpt.h.lost'), width: 10, fmt: FMT.score },
    { header: t('rpt.h.reported'), width: 10, fmt: FMT.score },
    { header: t('rpt.h.computed'), width: 10, fmt: FMT.score },
    { header: t('rpt.h.difference'), width: 11, fmt: FMT.signed },
    { header: t('rpt.h.rank-with-data'), width: 10, center: true },
    { header: t('rpt.h.provinces-with-data'), width: 10, center: true },
    { header: t('rpt.h.note'), width: 32, wrap: true },
  ]
  if (p.metrics.length === 0) {
    noteRow(ws, row++, t('rpt.xlsx.no-metrics'))
  } else {
    const head = row
    headerRow(ws, row++, mcols)
    for (const m of p.metrics) {
      // The report's own notes (catalogue): the methodology's notes are for analysts (qd766 province).
      const notes = [
        m.estimate ? t('rpt.estimate-note') : null,
        m.rule === 'tracked' ? t('rpt.tracked-note') : null,
        m.component ? t('rpt.component-note') : null,
        m.dataQualityStatus ? t('rpt.data-quality', { status: m.dataQualityStatus }) : null,
      ].filter(Boolean)
      dataRow(ws, row++, mcols, [
        m.name,
        m.code,
        m.group,
        m.numerator,
        m.denominator,
        pct(m.ratio),
        m.fullPointsAt === null ? (m.rule === 'tracked' ? null : 1) : pct(m.fullPointsAt),
        m.score,
        m.maxScore,
        m.pointsLost,
        m.reportedScore,
        m.computedScore,
        m.difference,
        m.rankOf > 1 ? m.rank : null,
        m.rankOf,
        notes.join('; ') || null,
      ])
    }
    ws.autoFilter = { from: { row: head, column: 1 }, to: { row: row - 1, column: mcols.length } }
  }
  row++

  // what-ifs
  section(ws, row++, t('rpt.xlsx.whatif'))
  const wcols: Col[] = [
    { header: t('rpt.h.metric'), width: 44, wrap: true },
    { header: t('rpt.h.metric-code'), width: 20, small: true },
    { header: t('rpt.h.ratio-now'), width: 10, fmt: FMT.percent },
    { header: t('rpt.h.ratio-assumed'), width: 11, fmt: FMT.percentWhole },
    { header: t('rpt.h.metric-before'), width: 11, fmt: FMT.score },
    { header: t('rpt.h.metric-after'), width: 10, fmt: FMT.score },
    { header: t('rpt.h.gain'), width: 10, fmt: FMT.signed },
    { header: t('rpt.h.total-after'), width: 10, fmt: FMT.score },
    { header: t('rpt.h.rank-before'), width: 10, center: true },
    { header: t('rpt.h.rank-after'), width: 10, center: true },
    { header: t('rpt.h.note'), width: 10, wrap: true },
  ]
  const w = r.whatIf
  const list: WhatIfRow[] = [...w.rows, ...(w.combined ? [w.combined] : [])]
  if (list.length) {
    headerRow(ws, row++, wcols)
    for (const x of list) {
      dataRow(ws, row++, wcols, [
        x.name,
        x.code,
        pct(x.ratio),
        pct(x.target),
        x.scoreBefore,
        x.scoreAfter,
        x.pointsGained,
        x.totalAfter,
        x.rankBefore,
        x.rankAfter,
        x.note,
      ])
    }
    noteRow(ws, row++, t('rpt.xlsx.whatif-note'))
  }
  if (w.note) noteRow(ws, row++, w.note)
}

// ---- Đơn vị ----------------------------------------------------------------------------------

function unitsSheet(wb: ExcelJS.Workbook, r: LeadershipReport) {
  const u = r.units
  const pu = r.portalUnits
  let row = 4
  let frozen = 3
  let firstHead: number | null = null
  let firstWidth = 0
  // Frozen pane and print titles follow the first table, which is known only after it is laid out.
  const plan: Array<(ws: ExcelJS.Worksheet) => void> = []
  if (u) {
    const indicators = u.indicators
    const cols: Col[] = [
      { header: t('rpt.h.level'), width: 16 },
      { header: t('rpt.h.unit'), width: 36, wrap: true },
      { header: t('rpt.h.code'), width: 10 },
      { header: t('rpt.h.level-rank'), width: 9, center: true },
      { header: t('rpt.h.estimated'), width: 10, fmt: FMT.score },
      { header: t('rpt.h.max-with-data'), width: 10, fmt: FMT.score },
      { header: t('rpt.h.share'), width: 10, fmt: FMT.percent },
      { header: t('rpt.h.score-change-period'), width: 10, fmt: FMT.signed },
      { header: t('rpt.h.province-gain'), width: 10, fmt: FMT.score },
      ...indicators.flatMap((i) => [
        { header: `${i.short} (%)`, width: 10, fmt: FMT.percent },
        ...(i.metric
          ? [{ header: t('rpt.h.indicator-gain', { short: i.short }), width: 10, fmt: FMT.score }]
          : []),
      ]),
    ]
    const head = row + 1
    firstHead = head
    firstWidth = cols.length
    frozen = head
    const start = row
    plan.push((ws) => {
      section(
        ws,
        start,
        t('rpt.xlsx.units-title', {
          period: periodName(u.period),
          to: u.asOf ? t('rpt.to-date', { date: fmtDate(u.asOf) }) : '',
        }),
      )
      headerRow(ws, head, cols)
      let rr = head + 1
      for (const x of u.units) {
        dataRow(ws, rr++, cols, [
          levelLabel(x.level, LEVEL_LABELS[x.level]),
          x.name,
          x.eidCode,
          x.rank,
          x.estimatedScore,
          x.coveredMax,
          pct(x.scorePercent),
          x.scoreChange,
          x.pointsAtStake,
          ...indicators.flatMap((i) => {
            const v = x.indicators[i.code]
            return [pct(v?.value ?? null), ...(i.metric ? [v?.pointsAtStake ?? null] : [])]
          }),
        ])
      }
      ws.autoFilter = {
        from: { row: head, column: 1 },
        to: { row: Math.max(head, rr - 1), column: cols.length },
      }
      if (r.unitsNote) noteRow(ws, rr++, r.unitsNote)
      noteRow(ws, rr, t('rpt.units.gain-note'))
    })
    row = head + u.units.length + 4
  }
  if (pu) {
    const cols: Col[] = [
      { header: t('rpt.h.cohort'), width: 16 },
      { header: t('rpt.h.unit'), width: 36, wrap: true },
      { header: t('rpt.h.code'), width: 10 },
      { header: t('rpt.h.rank'), width: 9, center: true },
      { header: t('rpt.h.units-ranked'), width: 10, center: true },
      { header: t('rpt.h.total'), width: 10, fmt: FMT.score },
      ...GROUPS.map((g) => ({ header: `${g.code} (${g.max})`, width: 10, fmt: FMT.score })),
      { header: t('rpt.h.lost-100'), width: 10, fmt: FMT.score },
      { header: t('rpt.h.mismatches'), width: 10 },
    ]
    const start = row
    const head = row + 1
    if (firstHead === null) {
      firstHead = head
      firstWidth = cols.length
      frozen = head
    }
    const isFirst = firstHead === head
    plan.push((ws) => {
      section(
        ws,
        start,
        t('rpt.xlsx.portal-units-title', {
          period: periodName(pu.period),
          day: pu.asOf ? t('rpt.on-day', { date: fmtDate(pu.asOf) }) : '',
        }),
      )
      headerRow(ws, head, cols)
      let rr = head + 1
      for (const x of pu.units) {
        dataRow(ws, rr++, cols, [
          levelLabel(x.type, unitCohortLabel(x.type)),
          x.name,
          x.code,
          x.rank,
          x.rankOf,
          x.total,
          ...GROUPS.map((g) => x.groups[g.code]),
          x.total === null ? null : round2(100 - x.total),
          x.mismatches,
        ])
      }
      if (isFirst) {
        ws.autoFilter = {
          from: { row: head, column: 1 },
          to: { row: Math.max(head, rr - 1), column: cols.length },
        }
      }
    })
  }
  const ws = newSheet(
    wb,
    t('rpt.sheet.units'),
    { ySplit: frozen, xSplit: firstHead === null ? 0 : 2 },
    `${frozen}:${frozen}`,
  )
  title(ws, 1, t('rpt.xlsx.units-sheet-title', { name: r.province.name }), subtitle(r))
  widths(ws, [16, 36, 10, 9, ...Array.from({ length: Math.max(0, firstWidth - 4) }, () => 10)])
  if (firstHead === null) {
    ws.getCell(4, 1).value = t('rpt.units.none')
    ws.getCell(4, 1).font = { name: FONT, bold: true }
    let rr = 5
    for (const n of [r.unitsNote, r.portalUnitsNote]) if (n) noteRow(ws, rr++, n)
    return
  }
  for (const f of plan) f(ws)
}

// ---- Lịch sử ---------------------------------------------------------------------------------

function historySheet(wb: ExcelJS.Workbook, r: LeadershipReport) {
  const ws = newSheet(wb, t('rpt.sheet.history'), { ySplit: 3 }, '3:3')
  const p = r.province
  title(
    ws,
    1,
    t('rpt.xlsx.history-title', { name: p.name }),
    t('rpt.xlsx.history-sub', {
      type: t(
        /Q/.test(p.period)
          ? 'rpt.period-type.quarter'
          : /-/.test(p.period)
            ? 'rpt.period-type.month'
            : 'rpt.period-type.year',
      ),
      n: p.cohortSize,
    }),
  )
  const cols: Col[] = [
    { header: t('rpt.h.date'), width: 13, fmt: FMT.date, center: true },
    { header: t('rpt.h.period'), width: 12, center: true },
    { header: t('rpt.h.rank'), width: 8, center: true },
    { header: t('rpt.h.provinces'), width: 10, center: true },
    { header: t('rpt.h.total'), width: 11, fmt: FMT.score },
    { header: t('rpt.h.rank-change'), width: 10, fmt: FMT.change, center: true },
    { header: t('rpt.h.score-change'), width: 10, fmt: FMT.signed },
    { header: t('rpt.h.source'), width: 58, wrap: true },
  ]
  headerRow(ws, 3, cols)
  widths(
    ws,
    cols.map((c) => c.width),
  )
  const history = r.history
  history.forEach((h, i) => {
    const prev = history[i - 1] ?? null // undefined for the first row
    const date = h.asOf ? new Date(`${h.asOf}T00:00:00Z`) : null
    dataRow(
      ws,
      4 + i,
      cols,
      [
        date,
        periodName(h.period),
        h.rank,
        p.cohortSize,
        h.total,
        prev && prev.rank !== null && h.rank !== null ? prev.rank - h.rank : null,
        prev && prev.total !== null && h.total !== null ? round2(h.total - prev.total) : null,
        sourceLabel(h.source),
      ],
      h.snapshotId === p.snapshotId,
    )
  })
  const last = 3 + history.length
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: Math.max(3, last), column: cols.length } }
  if (history.length) rankChangeColours(ws, `F4:F${last}`)
  if (history.length === 0) noteRow(ws, 4, t('rpt.history.none-short'))
  if (r.historyNote) noteRow(ws, last + 2, r.historyNote)
}

export async function writeLeadershipXlsx(path: string, r: LeadershipReport): Promise<void> {
  await leadershipWorkbook(r).xlsx.writeFile(path)
}

/** The same workbook in memory (the web server sends it without a temporary file). */
export async function leadershipXlsxBuffer(r: LeadershipReport): Promise<Buffer> {
  return Buffer.from(await leadershipWorkbook(r).xlsx.writeBuffer())
}

function leadershipWorkbook(r: LeadershipReport): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'qd766'
  wb.created = new Date(r.generatedAt)
  wb.title = t('rpt.xlsx.wb-title', { name: r.province.name })
  rankingSheet(wb, r)
  provinceSheet(wb, r)
  unitsSheet(wb, r)
  historySheet(wb, r)
  return wb
}
