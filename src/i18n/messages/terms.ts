import type { Catalog } from '../catalog.ts'

/**
 * Names of things that appear as codes in JSON and the database (input families, ranking sources,
 * unit levels, statuses, severities) as a person reads them. JSON keeps the codes.
 */
export const terms = {
  // input families (pipeline keys)
  'term.kind.national-ranking': { vi: 'bảng xếp hạng quốc gia', en: 'national ranking table' },
  'term.kind.portal-capture': { vi: 'số liệu Cổng DVCQG', en: 'portal capture' },
  'term.kind.provincial-digitisation': { vi: 'bảng số hóa (một cửa)', en: 'one-stop digitisation table' },
  'term.kind.provincial-online-v2': {
    vi: 'bảng DVC trực tuyến (một cửa)',
    en: 'one-stop online services table',
  },
  'term.kind.provincial-online-v1': {
    vi: 'bảng DVC trực tuyến, mẫu cũ (một cửa)',
    en: 'one-stop online services table (legacy)',
  },
  'term.kind.provincial-payment': {
    vi: 'bảng thanh toán trực tuyến (một cửa)',
    en: 'one-stop payment table',
  },
  'term.kind.provincial-payment-money': {
    vi: 'bảng thanh toán phí, lệ phí (một cửa)',
    en: 'one-stop fees paid table',
  },
  'term.kind.provincial-progress': { vi: 'bảng tiến độ giải quyết (một cửa)', en: 'one-stop progress table' },
  'term.kind.provincial-catalogue': {
    vi: 'bảng thống kê TTHC (một cửa)',
    en: 'one-stop procedure catalogue',
  },
  // where a ranking snapshot's totals come from (snapshots.source_label)
  'term.source.national-table': { vi: 'bảng xếp hạng quốc gia', en: 'national ranking table' },
  'term.source.portal-metrics': {
    vi: 'số liệu chi tiết thu thập từ Cổng Dịch vụ công quốc gia',
    en: 'portal captures (metric detail)',
  },
  'term.source.portal-service-results': {
    vi: 'bảng tổng hợp của Cổng Dịch vụ công quốc gia',
    en: 'portal summary (service results)',
  },
  'term.source.portal-metrics+service-results': {
    vi: 'số liệu chi tiết và bảng tổng hợp của Cổng Dịch vụ công quốc gia',
    en: 'portal captures and summary',
  },
  // unit levels
  'term.level.agency': { vi: 'sở, ban, ngành', en: 'agency' },
  'term.level.land-registry': { vi: 'văn phòng đăng ký đất đai', en: 'land registry' },
  'term.level.district': { vi: 'quận, huyện', en: 'district' },
  'term.level.commune': { vi: 'xã, phường', en: 'commune' },
  'term.level.unknown': { vi: 'chưa rõ cấp', en: 'unknown level' },
  'term.level.PROVINCIAL_DEPARTMENT': { vi: 'sở, ban, ngành', en: 'provincial agencies' },
  'term.level.COMMUNE_PEOPLE_COMMITTEE': { vi: 'xã, phường', en: 'communes' },
  // file outcomes
  'term.status.accepted': { vi: 'đã nhận', en: 'accepted' },
  'term.status.duplicate': { vi: 'trùng', en: 'duplicate' },
  'term.status.rejected': { vi: 'BỊ TỪ CHỐI', en: 'REJECTED' },
  'term.status.waiting': { vi: 'đang chờ', en: 'waiting' },
  // snapshot row status
  'term.row.ranked': { vi: 'có hạng', en: 'ranked' },
  'term.row.incomplete': { vi: 'thiếu nhóm', en: 'incomplete' },
  'term.row.missing': { vi: 'không có trong bảng', en: 'missing' },
  'term.row.not-ranked': { vi: 'chưa xếp hạng', en: 'not ranked' },
  // finding severities
  'term.severity.info': { vi: 'thông tin', en: 'info' },
  'term.severity.warning': { vi: 'cảnh báo', en: 'warning' },
  'term.severity.error': { vi: 'lỗi', en: 'error' },
  // periods
  'term.period.year': { vi: (p: { y: string }) => `Năm ${p.y}`, en: (p: { y: string }) => `Year ${p.y}` },
  'term.period.quarter': {
    vi: (p: { y: string; n: string }) => `Quý ${p.n}/${p.y}`,
    en: (p: { y: string; n: string }) => `Q${p.n} ${p.y}`,
  },
  'term.period.month': {
    vi: (p: { y: string; n: string }) => `Tháng ${p.n}/${p.y}`,
    en: (p: { y: string; n: string }) => `${p.y}-${String(p.n).padStart(2, '0')}`,
  },
} satisfies Catalog
