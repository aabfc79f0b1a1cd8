import type { Catalog } from '../catalog.ts'

/** `qd766 province`: the province's figures, metric detail from the portal, what-if, units. */
type WhatIfStep = {
  metric: string
  ratio: string
  from: string
  to: string
  group: string
  gFrom: string
  gTo: string
}

export const cliProvince = {
  'province.summary': {
    vi: 'Một tỉnh: điểm các nhóm, điểm bị mất, thứ hạng, xếp loại và diễn biến thứ hạng.',
    en: 'One province: group scores, points lost, rank, band and rank history.',
  },
  'province.details': {
    vi: `
TÊN viết theo bất kỳ cách nào các bảng xuất viết ("Đắk Lắk", "Dak Lak", "UBND tỉnh Đắk Lắk"),
hoặc mã tỉnh 2 chữ số (GSO) của danh sách tỉnh áp dụng cho kỳ ("66").
Ví dụ:
  qd766 province "Lào Cai"
  qd766 province 15 --period 2024      (mã 15 là Yên Bái trước 07/2025)
  qd766 province "Thanh Hóa" --units   (các sở, ban, ngành và xã, phường theo bảng xuất của hệ thống một cửa:
                                        giá trị chỉ tiêu, điểm có thể tăng, thay đổi so với kỳ trước)
  qd766 province 66 --period 2026 --what-if 3.3=0.55 --what-if PUBLISH_ON_TIME=80%
                                       (từ số liệu Cổng: mọi chỉ số với điểm của Cổng và điểm tính lại,
                                        theo số điểm bị mất; tổng điểm và thứ hạng nếu 3.3 đạt 55%;
                                        TỶ-LỆ là 0.55, 55% hoặc số đếm N/D)
Tổng điểm, thứ hạng và điểm nhóm lấy theo bảng xếp hạng đã chọn; chi tiết chỉ số lấy từ số liệu Cổng
(ghi rõ ngày của từng nguồn khi khác nhau).`,
    en: `
NAME may be written any way the exports write it ("Đắk Lắk", "Dak Lak", "UBND tỉnh Đắk Lắk"),
or give the 2-digit GSO code of the province list in force for the period ("66").
Examples:
  qd766 province "Lào Cai"
  qd766 province 15 --period 2024      (15 was Yên Bái before 07/2025)
  qd766 province "Thanh Hóa" --units   (its agencies and communes from the province's one-stop exports:
                                        indicator values, points at stake, change since the previous period)
  qd766 province 66 --period 2026 --what-if 3.3=0.55 --what-if PUBLISH_ON_TIME=80%
                                       (from portal captures: every metric with the portal's and the
                                        computed score, sorted by points lost; the total and the rank it
                                        would have had with 3.3 at 55%; RATIO is 0.55, 55% or counts N/D)
Total, rank and group scores come from the chosen ranking snapshot; metric detail from the portal
captures (each labelled with its date when they differ).`,
  },
  'province.name-it': {
    vi: (p: { cmd: string; example: string }) => `hãy nêu tên tỉnh: qd766 ${p.cmd} "${p.example}"`,
    en: (p: { cmd: string; example: string }) => `name the province: qd766 ${p.cmd} "${p.example}"`,
  },
  'province.bad-format': {
    vi: (p: { format: string; allowed: string }) => `--format ${p.format}: chọn ${p.allowed}`,
    en: (p: { format: string; allowed: string }) => `--format ${p.format}: use ${p.allowed}`,
  },
  'province.no-snapshot-units': {
    vi: '(Chưa có bảng xếp hạng quốc gia cho tỉnh và kỳ này: chỉ hiện các bảng của tỉnh.)',
    en: '(No national ranking snapshot for this province and period: only the provincial tables are shown.)',
  },
  'province.title': {
    vi: (p: { name: string; code: string; period: string; asOf: string; source: string }) =>
      `${p.name} (mã ${p.code}) — ${p.period}${p.asOf ? `, số liệu đến ngày ${p.asOf}` : ''} (nguồn: ${p.source})`,
    en: (p: { name: string; code: string; period: string; asOf: string; source: string }) =>
      `${p.name} (code ${p.code}) — ${p.period}${p.asOf ? `, as of ${p.asOf}` : ''} (source: ${p.source})`,
  },
  'province.headline': {
    vi: (p: { total: string; rank: string; change: string; band: string }) =>
      `Tổng điểm ${p.total}/100, hạng ${p.rank}${p.change}, xếp loại ${p.band}`,
    en: (p: { total: string; rank: string; change: string; band: string }) =>
      `Total ${p.total}/100, rank ${p.rank}${p.change}, band ${p.band}`,
  },
  'province.not-ranked': { vi: 'chưa xếp hạng', en: 'not ranked' },
  'province.h.group': { vi: 'Nhóm', en: 'Group' },
  'province.h.name': { vi: 'Tên', en: 'Name' },
  'province.h.score': { vi: 'Điểm', en: 'Score' },
  'province.h.max': { vi: 'Tối đa', en: 'Max' },
  'province.h.lost': { vi: 'Mất', en: 'Lost' },
  'province.h.group-rank': { vi: 'Hạng nhóm', en: 'Group rank' },
  'province.h.portal-group': { vi: 'Theo Cổng*', en: 'Portal*' },
  'province.portal-group-note': {
    vi: (p: { snapshot: string; captures: string }) =>
      `* ${p.captures}. Các cột khác ${p.snapshot}. Hai nguồn khác ngày nên có thể khác nhau.`,
    en: (p: { snapshot: string; captures: string }) =>
      `* ${p.captures}. The other columns are ${p.snapshot}. The two readings are of different days and may differ.`,
  },
  'province.history': { vi: 'Diễn biến thứ hạng:', en: 'Rank history:' },
  'province.history-note': {
    vi: '(–: lần số liệu chỉ xếp dưới một nửa số tỉnh, không phải thứ hạng toàn quốc)',
    en: '(–: a reading that ranks fewer than half of the provinces: not a national rank)',
  },
  'province.h.period': { vi: 'Kỳ', en: 'Period' },
  'province.h.date': { vi: 'Ngày', en: 'Date' },
  'province.h.rank': { vi: 'Hạng', en: 'Rank' },
  'province.h.total': { vi: 'Tổng', en: 'Total' },
  'province.h.source': { vi: 'Nguồn', en: 'Source' },
  'province.metrics-title': {
    vi: (p: { period: string; asOf: string; version: string }) =>
      `Chỉ số theo số liệu Cổng DVCQG (${p.period}${p.asOf ? `, ngày ${p.asOf}` : ''}, phương pháp ${p.version}), ` +
      'từng nhóm theo số điểm bị mất:',
    en: (p: { period: string; asOf: string; version: string }) =>
      `Metrics from the portal captures (${p.period}${p.asOf ? `, ${p.asOf}` : ''}, methodology ${p.version}), ` +
      'each group by points lost:',
  },
  'province.metrics-group': {
    vi: (p: { code: string; name: string; score: string; max: string; headline: string }) =>
      `${p.code} — ${p.name}: ${p.score}/${p.max} tính lại từ số liệu Cổng${p.headline ? ` (bảng xếp hạng: ${p.headline})` : ''}`,
    en: (p: { code: string; name: string; score: string; max: string; headline: string }) =>
      `${p.code} — ${p.name}: ${p.score}/${p.max} from the portal captures${p.headline ? ` (ranking: ${p.headline})` : ''}`,
  },
  'province.h.metric': { vi: 'Chỉ số', en: 'Metric' },
  'province.h.counts': { vi: 'Tử số/Mẫu số', en: 'Num./Den.' },
  'province.h.ratio': { vi: 'Tỷ lệ %', en: 'Ratio %' },
  'province.h.portal-score': { vi: 'Cổng', en: 'Portal' },
  'province.h.computed': { vi: 'Tính', en: 'Computed' },
  'province.metric-rank-note': {
    vi: (p: { n: number; national: boolean }) =>
      `(Hạng chỉ số: trong ${p.n} tỉnh có số liệu Cổng cùng ngày${p.national ? '' : ' — không phải thứ hạng toàn quốc, nên không hiện'}.)`,
    en: (p: { n: number; national: boolean }) =>
      `(Metric rank: among the ${p.n} provinces captured that day${p.national ? '' : ' — not a national rank, so not shown'}.)`,
  },
  'province.estimate-note': {
    vi: '* ước tính: cách chia điểm CLGQ (2 + 4 + 6) là suy luận, điểm của Cổng là điểm chính thức.',
    en: "* estimate: CLGQ's split (2 + 4 + 6) is inferred; the portal's score is authoritative.",
  },
  'province.portal-totals': {
    vi: (p: { total: string; computed: string; reported: string; incomplete: boolean }) =>
      `Tổng theo số liệu Cổng ${p.total}, tổng tính lại ${p.computed}` +
      (p.reported ? `, tổng Cổng công bố ${p.reported}` : '') +
      (p.incomplete ? ' (thiếu nhóm: không có tổng, không xếp hạng)' : ''),
    en: (p: { total: string; computed: string; reported: string; incomplete: boolean }) =>
      `Total per the portal captures ${p.total}, recomputed ${p.computed}` +
      (p.reported ? `, portal's published total ${p.reported}` : '') +
      (p.incomplete ? ' (groups missing: no total, no rank)' : ''),
  },
  'province.differences': {
    vi: 'Chênh lệch điểm Cổng / điểm tính lại (> 0,01):',
    en: 'Portal score vs computed score differences (> 0.01):',
  },
  'province.whatif': { vi: 'Giả định (nếu cải thiện):', en: 'What-if:' },
  'province.whatif.step': {
    vi: (p: WhatIfStep) =>
      `  ${p.metric} → ${p.ratio}%: điểm ${p.from} → ${p.to}, nhóm ${p.group} theo Cổng ${p.gFrom} → ${p.gTo}`,
    en: (p: WhatIfStep) =>
      `  ${p.metric} → ${p.ratio}%: score ${p.from} → ${p.to}, group ${p.group} per portal ${p.gFrom} → ${p.gTo}`,
  },
  'province.whatif.total': {
    vi: (p: { from: string; to: string; gained: string }) =>
      `Tổng ${p.from} → ${p.to}${p.gained ? ` (${p.gained})` : ''}`,
    en: (p: { from: string; to: string; gained: string }) =>
      `Total ${p.from} → ${p.to}${p.gained ? ` (${p.gained})` : ''}`,
  },
  'province.whatif.rank': {
    vi: (p: { from: string; to: string; of: string; date: string }) =>
      `, hạng ${p.from} → ${p.to} trên ${p.of} tỉnh có tổng điểm (bảng xếp hạng${p.date ? ` ngày ${p.date}` : ''})`,
    en: (p: { from: string; to: string; of: string; date: string }) =>
      `, rank ${p.from} → ${p.to} of ${p.of} provinces with a total (ranking${p.date ? ` of ${p.date}` : ''})`,
  },
  'province.note': {
    vi: (p: { text: string }) => `Ghi chú: ${p.text}`,
    en: (p: { text: string }) => `Note: ${p.text}`,
  },
  'province.portal-units': {
    vi: (p: { period: string; asOf: string }) =>
      `Đơn vị theo số liệu Cổng DVCQG (${p.period}${p.asOf ? `, ngày ${p.asOf}` : ''}; xếp hạng riêng từng khối):`,
    en: (p: { period: string; asOf: string }) =>
      `Units per the portal captures (${p.period}${p.asOf ? `, ${p.asOf}` : ''}; ranked within each cohort):`,
  },
  'province.portal-cohort': {
    vi: (p: { label: string; units: number; ranked: number }) =>
      `${p.label} (${p.units} đơn vị, ${p.ranked} có tổng điểm):`,
    en: (p: { label: string; units: number; ranked: number }) =>
      `${p.label} (${p.units} units, ${p.ranked} with a total):`,
  },
  'province.h.unit': { vi: 'Đơn vị', en: 'Unit' },
} satisfies Catalog
