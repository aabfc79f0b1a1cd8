import type { Catalog } from '../catalog.ts'

/** Labels that say which reading a figure comes from (src/report/figures.ts). */
export const figures = {
  'figures.from-snapshot': {
    vi: (p: { source: string; date: string }) => `theo ${p.source}${p.date ? ` ngày ${p.date}` : ''}`,
    en: (p: { source: string; date: string }) => `per the ${p.source}${p.date ? ` of ${p.date}` : ''}`,
  },
  'figures.from-captures': {
    vi: (p: { date: string }) => `tính lại từ số liệu Cổng${p.date ? ` ngày ${p.date}` : ''}`,
    en: (p: { date: string }) => `recomputed from the portal captures${p.date ? ` of ${p.date}` : ''}`,
  },
  'figures.not-national': {
    vi: (p: { ranked: number; cohort: number }) =>
      `chỉ xếp ${p.ranked}/${p.cohort} tỉnh, không phải thứ hạng toàn quốc`,
    en: (p: { ranked: number; cohort: number }) =>
      `ranks only ${p.ranked} of ${p.cohort} provinces: not a national rank`,
  },
  'whatif.note.gain-on-snapshot': {
    vi: (p: { captures: string; snapshot: string }) =>
      `Điểm tăng thêm tính lại từ số liệu Cổng ngày ${p.captures}, cộng vào tổng điểm theo bảng xếp hạng ngày ${p.snapshot}; ` +
      'thứ hạng giả định so với tổng điểm của các tỉnh khác trong bảng xếp hạng đó.',
    en: (p: { captures: string; snapshot: string }) =>
      `Points gained recomputed from the portal captures of ${p.captures}, added to the total of the ranking of ${p.snapshot}; ` +
      "the rank is among the other provinces' totals in that ranking.",
  },
  'whatif.note.no-snapshot': {
    vi: 'Chưa có bảng xếp hạng của kỳ này: không có thứ hạng để so sánh.',
    en: 'No ranking snapshot for this period: no rank to compare.',
  },
} satisfies Catalog
