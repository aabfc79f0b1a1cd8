import type { Catalog } from '../catalog.ts'

/** `qd766 units` and `province --units`: the province's agencies and communes from its one-stop exports. */
export const cliUnits = {
  'units.summary': {
    vi: 'Các sở, ban, ngành và xã, phường của một tỉnh theo bảng xuất hệ thống một cửa: giá trị chỉ tiêu, điểm ước tính, thứ hạng.',
    en: "A province's agencies and communes from its one-stop exports: indicator values, estimated points, rank.",
  },
  'units.details': {
    vi: `
Đọc các bảng theo dõi 766 của chính tỉnh (số hóa, dịch vụ công trực tuyến, thanh toán trực tuyến,
tiến độ giải quyết; xem docs/provincial-tables.md). Đơn vị được xếp hạng trong cùng cấp theo điểm
ƯỚC TÍNH trên các chỉ tiêu bảng có; "điểm có thể tăng" là số điểm ước tính của tỉnh tăng thêm nếu
riêng đơn vị đó đạt mục tiêu của từng chỉ tiêu. Không có --period thì hiện kỳ gần nhất có bảng của tỉnh.
  --level CẤP       agency (sở, ban, ngành), district (quận, huyện) hoặc commune (xã, phường)
  --format F        table (mặc định), csv hoặc json
Ví dụ:
  qd766 units "Thanh Hóa"
  qd766 units 38 --period 2025-10 --level commune --format csv`,
    en: `
Reads the province's own 766 tracking tables (digitisation, online services, online payment,
processing progress; see docs/provincial-tables.md). Units are ranked within their level by their
ESTIMATED points on the metrics the tables cover; "points at stake" is how much the province's
estimated score would rise if that unit alone reached each metric's target. Without --period the
latest period with provincial tables is shown.
  --level LEVEL     agency, district or commune
  --format F        table (default), csv or json
Examples:
  qd766 units "Thanh Hóa"
  qd766 units 38 --period 2025-10 --level commune --format csv`,
  },
  'units.bad-level': {
    vi: (p: { level: string }) => `--level ${p.level}: chọn agency, district hoặc commune`,
    en: (p: { level: string }) => `--level ${p.level}: use agency, district or commune`,
  },
  'units.title': {
    vi: (p: { name: string; period: string; asOf: string; version: string }) =>
      `Đơn vị của ${p.name} — ${p.period}${p.asOf ? `, số liệu đến ngày ${p.asOf}` : ''} (ƯỚC TÍNH từ bảng theo dõi của hệ thống một cửa tỉnh; phương pháp ${p.version})`,
    en: (p: { name: string; period: string; asOf: string; version: string }) =>
      `Units of ${p.name} — ${p.period}${p.asOf ? `, as of ${p.asOf}` : ''} (ESTIMATED from the province's one-stop tracking tables; methodology ${p.version})`,
  },
  'units.note': {
    vi: (p: { text: string }) => `Lưu ý: ${p.text}`,
    en: (p: { text: string }) => `Note: ${p.text}`,
  },
  'units.sources': {
    vi: (p: { list: string; previous: string }) =>
      `Nguồn: ${p.list}${p.previous ? `; so với ${p.previous}` : ''}`,
    en: (p: { list: string; previous: string }) =>
      `Sources: ${p.list}${p.previous ? `; compared with ${p.previous}` : ''}`,
  },
  'units.h.indicator': { vi: 'Chỉ tiêu', en: 'Indicator' },
  'units.h.code': { vi: 'Mã', en: 'Code' },
  'units.h.numerator': { vi: 'Tử số', en: 'Numerator' },
  'units.h.denominator': { vi: 'Mẫu số', en: 'Denominator' },
  'units.h.ratio': { vi: 'Tỷ lệ %', en: 'Ratio %' },
  'units.h.change': { vi: 'Δ kỳ trước', en: 'Δ previous' },
  'units.h.estimate': { vi: 'Điểm ƯT', en: 'Est. score' },
  'units.h.max': { vi: 'Tối đa', en: 'Max' },
  'units.h.table': { vi: 'Bảng', en: 'Table' },
  'units.reference': { vi: '(tham khảo)', en: '(reference)' },
  'units.h.group': { vi: 'Nhóm', en: 'Group' },
  'units.h.group-estimate': { vi: 'Điểm ƯT (chỉ tiêu có số liệu)', en: 'Est. score (metrics with data)' },
  'units.h.covered-max': { vi: 'Trên tối đa', en: 'Of max' },
  'units.h.group-max': { vi: 'Tối đa nhóm', en: 'Group max' },
  'units.h.portal': { vi: 'Điểm Cổng DVCQG', en: 'Portal score' },
  'units.portal-source': {
    vi: (p: { list: string }) => `(Điểm Cổng DVCQG: theo ${p.list}.)`,
    en: (p: { list: string }) => `(Portal score: from the ${p.list}.)`,
  },
  'units.portal-source-dated': {
    vi: (p: { source: string; asOf: string }) => `${p.source} ngày ${p.asOf}`,
    en: (p: { source: string; asOf: string }) => `${p.source} of ${p.asOf}`,
  },
  'units.h.rank': { vi: 'Hạng', en: 'Rank' },
  'units.h.unit': { vi: 'Đơn vị', en: 'Unit' },
  'units.h.level': { vi: 'Cấp', en: 'Level' },
  'units.h.of-max': { vi: '/ tối đa', en: '/ max' },
  'units.h.score-change': { vi: 'Δ điểm', en: 'Δ score' },
  'units.h.at-stake': { vi: 'Có thể tăng', en: 'At stake' },
  'units.legend': {
    vi:
      '(Hạng: trong cùng cấp — sở, ban, ngành; quận, huyện; xã, phường — theo điểm ước tính trên tối đa của các chỉ tiêu có số liệu. ' +
      'Có thể tăng: điểm ước tính của tỉnh tăng thêm nếu riêng đơn vị đó đạt mục tiêu của từng chỉ tiêu.)',
    en:
      '(Rank: within the same level — agencies, districts, communes — by estimated score over the max of the metrics with data. ' +
      "At stake: how much the province's estimated score would rise if that unit alone reached each metric's target.)",
  },
  'units.findings': {
    vi: (p: { n: number }) => `Cảnh báo từ dữ liệu nguồn (${p.n}):`,
    en: (p: { n: number }) => `Findings in the source data (${p.n}):`,
  },
  // CSV headers (the CSV is for spreadsheets and tools: numbers keep a decimal dot)
  'units.csv.rank': { vi: 'Hạng', en: 'rank' },
  'units.csv.unit': { vi: 'Đơn vị', en: 'unit' },
  'units.csv.eid': { vi: 'Mã định danh', en: 'eid_code' },
  'units.csv.level': { vi: 'Cấp', en: 'level' },
  'units.csv.estimate': { vi: 'Điểm ước tính', en: 'estimated_score' },
  'units.csv.covered-max': { vi: 'Tối đa (chỉ tiêu có số liệu)', en: 'covered_max' },
  'units.csv.score-change': { vi: 'Thay đổi điểm', en: 'score_change' },
  'units.csv.at-stake': { vi: 'Điểm có thể tăng', en: 'points_at_stake' },
} satisfies Catalog
