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
} satisfies Catalog
