import type { Catalog } from '../catalog.ts'

/** Periods and dates typed by people (src/reference/period.ts), the warehouse URL, the schedule's state. */
export const misc = {
  'period.year-range': {
    vi: (p: { year: number }) => `năm ${p.year} nằm ngoài khoảng cho phép (2000-2100)`,
    en: (p: { year: number }) => `year ${p.year} is out of range`,
  },
  'period.quarter-range': {
    vi: (p: { part: string }) => `quý ${p.part} không nằm trong 1-4`,
    en: (p: { part: string }) => `quarter ${p.part} is not 1-4`,
  },
  'period.month-range': {
    vi: (p: { part: string }) => `tháng ${p.part} không nằm trong 1-12`,
    en: (p: { part: string }) => `month ${p.part} is not 1-12`,
  },
  'period.not-a-form': {
    vi: 'không có dạng YYYY, YYYY-Qn hoặc YYYY-MM',
    en: 'not of the form YYYY, YYYY-Qn or YYYY-MM',
  },
  'period.not-a-period': {
    vi: (p: { value: string; why: string }) =>
      `"${p.value}" không phải một kỳ (${p.why}): ghi 2026 (năm), 2026-Q3 (quý) hoặc 2026-08 (tháng)`,
    en: (p: { value: string; why: string }) =>
      `"${p.value}" is not a period (${p.why}): write 2026 (year), 2026-Q3 (quarter) or 2026-08 (month)`,
  },
  'period.not-a-date': {
    vi: (p: { value: string }) => `"${p.value}" không phải một ngày: ghi dạng YYYY-MM-DD, ví dụ 2026-10-05`,
    en: (p: { value: string }) => `"${p.value}" is not a date: write it as YYYY-MM-DD, e.g. 2026-10-05`,
  },
  'warehouse.not-a-url': {
    vi: 'địa chỉ kho dữ liệu không phải một URL (postgres://USER@HOST:PORT/DB)',
    en: 'warehouse URL is not a URL (postgres://USER@HOST:PORT/DB)',
  },
  'warehouse.not-postgres': {
    vi: (p: { protocol: string }) =>
      `địa chỉ kho dữ liệu phải bắt đầu bằng postgres:// (đang là ${p.protocol}//)`,
    en: (p: { protocol: string }) => `warehouse URL must start with postgres:// (got ${p.protocol}//)`,
  },
  'warehouse.bad-schema': {
    vi: (p: { schema: string }) =>
      `schema kho dữ liệu "${p.schema}": chỉ dùng chữ thường, chữ số và _ (một tên định danh PostgreSQL)`,
    en: (p: { schema: string }) =>
      `warehouse schema "${p.schema}": use lower-case letters, digits and _ (a PostgreSQL identifier)`,
  },
  'schedule.skipped.no-scheduler': {
    vi: (p: { latest: string }) => `không có bộ lập lịch nào chạy vào lúc này; đã chạy bù mốc ${p.latest}`,
    en: (p: { latest: string }) => `no scheduler was running at this time; the tick of ${p.latest} caught up`,
  },
  'schedule.skipped.superseded': {
    vi: (p: { newest: string }) => `được thay bằng mốc ${p.newest} (lượt chạy trước vẫn chưa xong)`,
    en: (p: { newest: string }) => `superseded by the tick of ${p.newest} (the previous run was still going)`,
  },
  'mart.snapshot-title': {
    vi: (p: {
      source: string
      period: string
      asOf: string
      sets: number
      detailed: number
      complete: number
    }) =>
      `${p.source}, ${p.period}${p.asOf ? ` tính đến ngày ${p.asOf}` : ''}: ${p.sets} tỉnh, thành phố, ${p.detailed} có số liệu chi tiết theo chỉ tiêu, ${p.complete} có đủ sáu nhóm`,
    en: (p: {
      source: string
      period: string
      asOf: string
      sets: number
      detailed: number
      complete: number
    }) =>
      `${p.source}, ${p.period}${p.asOf ? ` as of ${p.asOf}` : ''}: ${p.sets} province(s), ${p.detailed} with metric detail, ${p.complete} with all six groups`,
  },
  'mart.source.portal-metrics': {
    vi: 'số liệu thu thập từ API của Cổng (chi tiết theo chỉ tiêu)',
    en: 'portal API captures (metric detail)',
  },
  'mart.source.portal-service-results': {
    vi: 'bảng tổng hợp toàn quốc của Cổng (service-results)',
    en: 'portal national summary (service-results)',
  },
  'mart.source.portal-metrics+service-results': {
    vi: 'số liệu thu thập từ API của Cổng + bảng tổng hợp toàn quốc',
    en: 'portal API captures + national summary',
  },
  'status.bad-schedule': {
    vi: (p: { error: string }) => `Lịch chạy trong qd766.config.json không hợp lệ: ${p.error}`,
    en: (p: { error: string }) => `The schedule in qd766.config.json is invalid: ${p.error}`,
  },
} satisfies Catalog
