import type { Catalog } from '../catalog.ts'

/** Opening a home: database versions. */
export const app = {
  'app.db-needs-migration': {
    vi: (p: { path: string; pending: string }) =>
      `Cơ sở dữ liệu ${p.path} cần được nâng cấp lên phiên bản mới của qd766 (còn thiếu: ${p.pending}). ` +
      'Hãy chạy "qd766 refresh" (hoặc "qd766 ingest") một lần để nâng cấp, rồi chạy lại lệnh này.',
    en: (p: { path: string; pending: string }) =>
      `The database ${p.path} needs upgrading to this version of qd766 (pending: ${p.pending}). ` +
      'Run "qd766 refresh" (or "qd766 ingest") once to upgrade it, then run this command again.',
  },
  'app.db-newer-than-code': {
    vi: (p: { path: string; unknown: string }) =>
      `Cơ sở dữ liệu ${p.path} được tạo bởi một phiên bản qd766 mới hơn phiên bản đang chạy ` +
      `(có các bước nâng cấp lạ: ${p.unknown}). Hãy cập nhật qd766 rồi chạy lại.`,
    en: (p: { path: string; unknown: string }) =>
      `The database ${p.path} was written by a newer qd766 than this one ` +
      `(unknown migrations: ${p.unknown}). Update qd766 and run again.`,
  },
} satisfies Catalog
