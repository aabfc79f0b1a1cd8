import type { Catalog } from '../catalog.ts'

/**
 * The ranking workbook of `qd766 ranking --format xlsx` and the web download (src/report/ranking-xlsx.ts).
 * Its column headers and sheet name are the leadership workbook's (rpt.h.*, rpt.sheet.ranking,
 * rpt.group.*), so the two workbooks name things alike.
 */
export const rankingXlsx = {
  'rxl.title': {
    vi: (p: { period: string; asOf: string }) =>
      `Xếp hạng Chỉ số phục vụ người dân, doanh nghiệp (QĐ 766) — ${p.period}${p.asOf ? `, số liệu đến ngày ${p.asOf}` : ''}`,
    en: (p: { period: string; asOf: string }) =>
      `Ranking on the index of service to citizens and businesses (Decision 766) — ${p.period}${p.asOf ? `, data as of ${p.asOf}` : ''}`,
  },
  'rxl.sub': {
    vi: (p: { ranked: number; cohort: number; by: string; source: string; national: boolean }) =>
      `${p.ranked}/${p.cohort} tỉnh, thành phố được xếp hạng${p.by ? ` theo ${p.by}` : ''}; nguồn: ${p.source}${p.national ? '' : ' — không phải thứ hạng toàn quốc (chỉ vài tỉnh có số liệu)'}`,
    en: (p: { ranked: number; cohort: number; by: string; source: string; national: boolean }) =>
      `${p.ranked}/${p.cohort} provinces ranked${p.by ? ` by ${p.by}` : ''}; source: ${p.source}${p.national ? '' : ' — not a national ranking (only a few provinces have figures)'}`,
  },
  'rxl.missing': {
    vi: (p: { names: string }) => `Không có trong lần số liệu này (không xếp hạng): ${p.names}`,
    en: (p: { names: string }) => `Absent from this reading (not ranked): ${p.names}`,
  },
  // Excel's header/footer codes: &L left, &R right, &P page, &N pages
  'rxl.footer': { vi: '&LQĐ 766 — qd766&RTrang &P/&N', en: '&LDecision 766 — qd766&RPage &P/&N' },
} satisfies Catalog
