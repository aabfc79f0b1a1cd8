import type { Catalog } from '../catalog.ts'
import { fmtLocalDateTime } from '../format.ts'

/** The single-writer lease (src/run/runs.ts): what a person reads when two runs meet. */
type Holder = { id: number; pid: number | null; startedAt: string; command: string }

export const run = {
  'run.busy': {
    vi: (p: Holder) =>
      `Một lượt chạy qd766 khác đang xử lý thư mục dữ liệu này (lượt ${p.id}, lệnh ${p.command}, tiến trình ${p.pid ?? '?'}, bắt đầu lúc ${fmtLocalDateTime(p.startedAt)}). Hãy đợi lượt đó xong; nếu tiến trình đó không còn, chạy lại sau khi quyền xử lý của nó hết hạn.`,
    en: (p: Holder) =>
      `another qd766 run is already working on this home (run ${p.id}, ${p.command}, pid ${p.pid ?? '?'}, started ${p.startedAt}). Wait for it to finish, or if that process is gone, run again after its lease expires.`,
  },
  'run.lease-why.gone': { vi: 'không còn bản ghi của lượt chạy', en: 'no such run' },
  'run.lease-why.status': {
    vi: (p: { status: string }) => `lượt chạy đã bị đánh dấu "${p.status}"`,
    en: (p: { status: string }) => `marked ${p.status}`,
  },
  'run.lease-why.expired': {
    vi: (p: { until: string }) => `quyền xử lý đã hết hạn lúc ${fmtLocalDateTime(p.until)}`,
    en: (p: { until: string }) => `lease expired at ${p.until}`,
  },
  // Log lines an operator or analyst reads (pino, stderr); the structured fields stay English keys.
  'log.ingest.give-back-failed': {
    vi: 'không trả lại được tệp; tệp nằm lại trong work/, lần chạy sau sẽ xử lý trước tiên',
    en: 'could not give a file back',
  },
  'log.ingest.stopping': {
    vi: 'dừng trước tệp tiếp theo; các tệp còn lại được trả về',
    en: 'stopping before the next file; the rest are given back',
  },
  'log.ingest.group-commit-failed': {
    vi: 'không ghi nhận được các tệp đã xử lý xong trước khi gặp lỗi; chúng nằm lại trong work/ cho lần chạy sau',
    en: 'could not commit the files done before the failure',
  },
  'log.ingest.future-mtime': {
    vi: 'tệp có ngày sửa đổi ở tương lai',
    en: 'file dated in the future',
  },
  'log.ingest.leftovers': {
    vi: 'tiếp nhận các tệp còn lại từ một lần chạy bị gián đoạn',
    en: 'taking up files left by an interrupted run',
  },
  'log.ingest.note-failed': {
    vi: 'không ghi được ghi chú về tệp trong inbox/',
    en: 'could not record an inbox note',
  },
  'log.ingest.resumed-archive': {
    vi: 'đã lưu trữ xong một tệp mà lần chạy bị gián đoạn đã ghi nhận',
    en: 'finished archiving a file committed by an interrupted run',
  },
  'log.ingest.resumed-move': {
    vi: (p: { rejected: boolean }) =>
      `đã chuyển xong một tệp mà lần chạy bị gián đoạn đã ${p.rejected ? 'từ chối' : 'xác định là trùng lặp'}`,
    en: (p: { rejected: boolean }) =>
      `finished moving a file an interrupted run had ${p.rejected ? 'rejected' : 'found to be a duplicate'}`,
  },
  'log.ingest.budget': {
    vi: 'dừng đọc tệp: tệp vượt quá giới hạn cho phép',
    en: 'parse stopped: the file exceeded a budget',
  },
  'log.publish.bad-config': {
    vi: 'cấu hình kho dữ liệu không hợp lệ; chưa đưa dữ liệu lên kho',
    en: 'warehouse configuration is invalid; not published',
  },
  'log.publish.failed': {
    vi: 'đưa dữ liệu lên kho không thành công; lần chạy sau sẽ đưa bù',
    en: 'warehouse publish failed; the next run catches up',
  },
  'log.publish.done': {
    vi: 'đã đưa dữ liệu lên kho',
    en: 'published',
  },
  'log.run.lease-lost': {
    vi: 'đã mất quyền xử lý thư mục dữ liệu; lượt chạy dừng trước lần ghi tiếp theo',
    en: 'lease lost; the run stops before its next commit',
  },
  'log.run.heartbeat-failed': {
    vi: 'không gia hạn được quyền xử lý thư mục dữ liệu; sẽ thử lại',
    en: 'lease heartbeat failed; will retry',
  },
  'log.run.record-failed': {
    vi: 'không ghi lại được lượt chạy bị lỗi; lượt chạy sau sẽ đánh dấu lượt này là bị bỏ dở',
    en: 'could not record the failed run; the next run marks it abandoned',
  },
  'log.schedule.timer': {
    vi: 'bộ hẹn giờ của lịch chạy báo lỗi',
    en: 'the schedule timer reported a problem',
  },
  'log.schedule.missed': {
    vi: 'bỏ lỡ một mốc lịch vì lúc đó không có bộ lập lịch nào chạy',
    en: 'tick missed while no scheduler was running',
  },
  'log.schedule.catching-up': {
    vi: 'chạy bù một mốc lịch bị bỏ lỡ khi không có bộ lập lịch nào chạy',
    en: 'catching up a tick missed while no scheduler was running',
  },
  'log.schedule.retry': {
    vi: 'lần chạy của mốc lịch này đã dừng giữa chừng (bị tắt hoặc mất điện); chạy lại',
    en: 'the run of this tick died (killed or power cut); running it again',
  },
  'log.schedule.late': {
    vi: 'mốc lịch đến muộn; đang chạy bù',
    en: 'tick fired too late; catching up',
  },
  'log.schedule.armed': { vi: 'đã bật lịch chạy tự động', en: 'schedule armed' },
  'log.schedule.finished': {
    vi: 'lần cập nhật theo lịch đã xong',
    en: 'scheduled refresh finished',
  },
  'log.schedule.taken': {
    vi: 'mốc lịch này đã do một bộ lập lịch khác nhận; bỏ qua',
    en: 'tick already claimed by another scheduler; skipped',
  },
  'log.schedule.busy': {
    vi: 'một lần chạy khác đang giữ quyền xử lý thư mục dữ liệu; đang chờ lần chạy đó xong',
    en: 'another run holds the home; waiting for it',
  },
  'log.schedule.failed': {
    vi: 'lần cập nhật theo lịch không thành công',
    en: 'scheduled refresh failed',
  },
  'log.mart.unscored': {
    vi: 'không tính được điểm cho dữ liệu thu thập từ cổng thông tin của kỳ và ngày số liệu này; lần cập nhật sau sẽ thử lại',
    en: 'portal captures of this reading could not be scored',
  },
  'log.serve.refresh-finished': {
    vi: 'lần cập nhật khởi động từ bảng theo dõi đã kết thúc',
    en: 'refresh started from the dashboard finished',
  },
  'log.serve.refresh-failed': {
    vi: 'không khởi động được lần cập nhật',
    en: 'could not start refresh',
  },
  'log.serve.request-failed': {
    vi: 'xử lý yêu cầu không thành công',
    en: 'request failed',
  },
} satisfies Catalog
