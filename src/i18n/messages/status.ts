import type { Catalog } from '../catalog.ts'

/** `qd766 status`: what needs a person, runs, inbox, rejected files, findings, freshness. */
export const status = {
  'status.summary': {
    vi: 'Các lượt chạy gần đây, tệp đang chờ trong hộp thư, tệp bị từ chối, cảnh báo, bản chụp mới nhất.',
    en: 'Last runs, files waiting in the inbox, rejected files, findings, latest snapshots.',
  },
  'status.home': {
    vi: (p: { home: string }) => `Thư mục dữ liệu: ${p.home}`,
    en: (p: { home: string }) => `Home: ${p.home}`,
  },
  'status.ingested': {
    vi: (p: { files: string; rows: string }) => `Đã nhận: ${p.files} tệp, ${p.rows} dòng`,
    en: (p: { files: string; rows: string }) => `Ingested: ${p.files} file(s), ${p.rows} row(s)`,
  },
  'status.attention': { vi: 'Cần chú ý:', en: 'Needs attention:' },
  'status.quiet': { vi: '  không có gì: mọi việc bình thường', en: '  nothing: all quiet' },
  'status.schedule': {
    vi: (p: { cron: string; tz: string }) => `Lịch chạy: "${p.cron}" (${p.tz})`,
    en: (p: { cron: string; tz: string }) => `Schedule: "${p.cron}" (${p.tz})`,
  },
  'status.last-tick': {
    vi: (p: { at: string; what: string }) => `; lần gần nhất ${p.at}: ${p.what}`,
    en: (p: { at: string; what: string }) => `; last tick ${p.at}: ${p.what}`,
  },
  'status.tick-run': {
    vi: (p: { id: number; status: string }) => `lượt ${p.id} ${p.status}`,
    en: (p: { id: number; status: string }) => `run ${p.id} ${p.status}`,
  },
  'status.no-tick-run': { vi: 'không có lượt chạy theo lịch', en: 'no scheduled run' },
  'status.next-tick': {
    vi: (p: { at: string }) => `; lần tới ${p.at}`,
    en: (p: { at: string }) => `; next ${p.at}`,
  },
  'status.runs': {
    vi: (p: { tz: string }) => `Các lượt chạy gần đây (giờ ${p.tz}):`,
    en: (p: { tz: string }) => `Last runs (times in ${p.tz}):`,
  },
  'status.h.run': { vi: 'Lượt', en: 'Run' },
  'status.h.trigger': { vi: 'Khởi động', en: 'Trigger' },
  'status.h.command': { vi: 'Lệnh', en: 'Command' },
  'status.h.status': { vi: 'Trạng thái', en: 'Status' },
  'status.h.started': { vi: 'Bắt đầu', en: 'Started' },
  'status.h.took': { vi: 'Mất', en: 'Took' },
  'status.h.files': { vi: 'Tệp', en: 'Files' },
  'status.h.ok': { vi: 'Nhận', en: 'OK' },
  'status.h.dup': { vi: 'Trùng', en: 'Dup' },
  'status.h.rejected': { vi: 'Từ chối', en: 'Rejected' },
  'status.h.snapshots': { vi: 'Bản chụp', en: 'Snaps' },
  'status.h.findings': { vi: 'Cảnh báo', en: 'Findings' },
  'status.none-yet': { vi: '  (chưa có)', en: '  (none yet)' },
  'status.run-error': {
    vi: (p: { id: number; error: string }) => `lượt ${p.id}: ${p.error}`,
    en: (p: { id: number; error: string }) => `run ${p.id}: ${p.error}`,
  },
  'status.inbox': {
    vi: (p: { n: number; hours: string; files: string }) =>
      `Hộp thư: ${p.n} tệp đang chờ${p.n ? ` (lâu nhất ${p.hours} giờ): ${p.files}` : ''}`,
    en: (p: { n: number; hours: string; files: string }) =>
      `Inbox: ${p.n} file(s) waiting${p.n ? ` (oldest ${p.hours} h): ${p.files}` : ''}`,
  },
  'status.in-work': {
    vi: (p: { files: string }) => `Trong work/ (một lượt chạy đã nhận, lượt sau xử lý trước): ${p.files}`,
    en: (p: { files: string }) => `In work/ (claimed by a run, taken first by the next one): ${p.files}`,
  },
  'status.rejected': {
    vi: 'Tệp bị từ chối (trong rejected/, mỗi tệp kèm một .error.json):',
    en: 'Rejected files (in rejected/, each with a .error.json):',
  },
  'status.findings': { vi: 'Cảnh báo gần đây:', en: 'Latest findings:' },
  'status.periods': { vi: 'Bản chụp theo kỳ:', en: 'Snapshots per period:' },
  'status.h.period': { vi: 'Kỳ', en: 'Period' },
  'status.h.type': { vi: 'Loại kỳ', en: 'Type' },
  'status.h.latest': { vi: 'Số liệu mới nhất', en: 'Latest reading' },
  'status.h.age': { vi: 'Cách đây (ngày)', en: 'Age (days)' },
  'status.h.kind': { vi: 'Loại tệp', en: 'Kind' },
  'status.freshness': {
    vi: 'Độ mới của từng nguồn (số liệu mới nhất theo loại tệp và kỳ):',
    en: 'Freshness of every input (newest reading per kind and period):',
  },
  'status.nothing-yet': { vi: '  (chưa nhận tệp nào)', en: '  (nothing ingested yet)' },
  'term.period-type.year': { vi: 'năm', en: 'year' },
  'term.period-type.quarter': { vi: 'quý', en: 'quarter' },
  'term.period-type.month': { vi: 'tháng', en: 'month' },
  'term.run.ok': { vi: 'xong', en: 'ok' },
  'term.run.partial': { vi: 'xong, có tệp bị từ chối', en: 'partial' },
  'term.run.failed': { vi: 'lỗi', en: 'failed' },
  'term.run.running': { vi: 'đang chạy', en: 'running' },
  'term.run.abandoned': { vi: 'bị cắt ngang', en: 'abandoned' },
  'term.run.interrupted': { vi: 'bị dừng', en: 'interrupted' },
  'term.run.missed': { vi: 'bị lỡ', en: 'missed' },
  'term.trigger.manual': { vi: 'chạy tay', en: 'manual' },
  'term.trigger.schedule': { vi: 'theo lịch', en: 'schedule' },
  'term.trigger.demo': { vi: 'thử', en: 'demo' },
  // attention items
  'status.a.schedule-invalid': {
    vi: (p: { error: string }) => `Lịch chạy trong qd766.config.json không hợp lệ: ${p.error}`,
    en: (p: { error: string }) => `The schedule in qd766.config.json is invalid: ${p.error}`,
  },
  'status.a.no-run-since': {
    vi: (p: { at: string }) =>
      `Chưa có lượt refresh nào từ giờ đã lên lịch ${p.at}: \`qd766 schedule\` (hoặc cron) có đang chạy không?`,
    en: (p: { at: string }) =>
      `No refresh has run since the scheduled time ${p.at}: is \`qd766 schedule\` (or the cron job) running?`,
  },
  'status.a.missed': {
    vi: (p: { at: string; error: string }) => `Lượt refresh theo lịch lúc ${p.at} bị lỡ: ${p.error}`,
    en: (p: { at: string; error: string }) => `The scheduled refresh of ${p.at} was missed: ${p.error}`,
  },
  'status.a.failed': {
    vi: (p: { id: number; error: string }) =>
      `Lượt chạy gần nhất (${p.id}) bị lỗi: ${p.error || 'xem nhật ký'}`,
    en: (p: { id: number; error: string }) => `The last run (${p.id}) failed: ${p.error || 'see the log'}`,
  },
  'status.a.abandoned': {
    vi: (p: { id: number; error: string }) =>
      `Lượt chạy gần nhất (${p.id}) bị cắt ngang (${p.error || 'tiến trình đã dừng'}); lượt sau sẽ xử lý nốt các tệp của nó`,
    en: (p: { id: number; error: string }) =>
      `The last run (${p.id}) was cut off (${p.error || 'process died'}); the next run finishes its files`,
  },
  'status.a.interrupted': {
    vi: (p: { id: number; error: string }) => `Lượt chạy gần nhất (${p.id}) bị dừng sớm: ${p.error}`,
    en: (p: { id: number; error: string }) => `The last run (${p.id}) was stopped early: ${p.error}`,
  },
  'status.a.running': {
    vi: (p: { id: number; at: string }) => `Lượt ${p.id} đang chạy (bắt đầu ${p.at})`,
    en: (p: { id: number; at: string }) => `Run ${p.id} is working right now (started ${p.at})`,
  },
  'status.a.rejected': {
    vi: (p: { n: number }) => `${p.n} tệp bị lượt chạy gần nhất từ chối: xem "Tệp bị từ chối" bên dưới`,
    en: (p: { n: number }) => `${p.n} file(s) rejected by the last run: see "Rejected files" below`,
  },
  'status.a.findings': {
    vi: (p: { n: number }) =>
      `${p.n} cảnh báo trong lượt chạy gần nhất (điểm hoặc tổng không khớp): xem "Cảnh báo gần đây"`,
    en: (p: { n: number }) =>
      `${p.n} finding(s) in the last run (scores or totals that do not add up): see "Latest findings"`,
  },
  'status.a.in-work': {
    vi: (p: { n: number }) =>
      `${p.n} tệp đang được một lượt refresh đã dừng hoặc đang chạy giữ (trong work/); lượt sau xử lý chúng trước`,
    en: (p: { n: number }) =>
      `${p.n} file(s) claimed by a stopped or running refresh (in work/); the next run takes them first`,
  },
  'status.a.inbox': {
    vi: (p: { n: number }) => `${p.n} tệp đang chờ trong hộp thư cho lượt refresh tới`,
    en: (p: { n: number }) => `${p.n} file(s) waiting in the inbox for the next refresh`,
  },
} satisfies Catalog
