import type { Catalog } from '../catalog.ts'

/** `qd766 publish`, the warehouse part of `refresh` and of `status`. */
export const publish = {
  'publish.no-target': {
    vi: 'Chưa cấu hình kho dữ liệu: dùng --to postgres://NGƯỜI_DÙNG@MÁY:CỔNG/CSDL, biến QD766_WAREHOUSE_URL hoặc "warehouse": { "url": … } trong qd766.config.json.',
    en: 'No warehouse configured: use --to postgres://USER@HOST:PORT/DB, QD766_WAREHOUSE_URL or "warehouse": { "url": … } in qd766.config.json.',
  },
  'publish.done': {
    vi: (p: { target: string; schema: string; rows: string; seconds: string }) =>
      `Đã đăng lên kho dữ liệu ${p.target} (schema ${p.schema}): ghi ${p.rows} dòng trong ${p.seconds} giây.`,
    en: (p: { target: string; schema: string; rows: string; seconds: string }) =>
      `Published to the warehouse ${p.target} (schema ${p.schema}): ${p.rows} rows written in ${p.seconds} s.`,
  },
  'publish.up-to-date': {
    vi: (p: { target: string; schema: string }) =>
      `Kho dữ liệu ${p.target} (schema ${p.schema}) đã cập nhật đầy đủ: không có gì mới để đăng.`,
    en: (p: { target: string; schema: string }) =>
      `The warehouse ${p.target} (schema ${p.schema}) is up to date: nothing new to publish.`,
  },
  'publish.failed': {
    vi: (p: { target: string; code: string; message: string }) =>
      `Không đăng được lên kho dữ liệu ${p.target} (${p.code}): ${p.message}. Dữ liệu trên máy này vẫn đầy đủ; lần đăng sau sẽ đăng bù phần còn thiếu.`,
    en: (p: { target: string; code: string; message: string }) =>
      `Could not publish to the warehouse ${p.target} (${p.code}): ${p.message}. This home's data is intact; the next publish catches up.`,
  },
  'publish.status-title': { vi: 'Kho dữ liệu PostgreSQL:', en: 'PostgreSQL warehouse:' },
  'publish.status-none': { vi: '  (chưa cấu hình)', en: '  (not configured)' },
  'publish.status-up-to-date': {
    vi: (p: { target: string; schema: string; at: string }) =>
      `  ${p.target} (schema ${p.schema}): đã cập nhật đầy đủ, lần đăng cuối ${p.at}`,
    en: (p: { target: string; schema: string; at: string }) =>
      `  ${p.target} (schema ${p.schema}): up to date, last published ${p.at}`,
  },
  'publish.status-behind': {
    vi: (p: { target: string; schema: string; at: string; files: string; snapshots: string; runs: string }) =>
      `  ${p.target} (schema ${p.schema}): chậm hơn máy này ${p.files} tệp, ${p.snapshots} ảnh chụp xếp hạng, ${p.runs} lần chạy; lần đăng thành công cuối: ${p.at}`,
    en: (p: { target: string; schema: string; at: string; files: string; snapshots: string; runs: string }) =>
      `  ${p.target} (schema ${p.schema}): behind this home by ${p.files} file(s), ${p.snapshots} snapshot(s), ${p.runs} run(s); last successful publish: ${p.at}`,
  },
  'publish.status-never': { vi: 'chưa bao giờ', en: 'never' },
  'publish.status-error': {
    vi: (p: { at: string; message: string }) => `  lần thử cuối ${p.at} thất bại: ${p.message}`,
    en: (p: { at: string; message: string }) => `  last attempt ${p.at} failed: ${p.message}`,
  },
  'publish.attention-behind': {
    vi: (p: { files: string; snapshots: string }) =>
      `kho dữ liệu PostgreSQL chưa có ${p.files} tệp và ${p.snapshots} ảnh chụp xếp hạng mới nhất (lần chạy sau sẽ đăng bù)`,
    en: (p: { files: string; snapshots: string }) =>
      `the PostgreSQL warehouse lacks the latest ${p.files} file(s) and ${p.snapshots} snapshot(s) (the next run catches up)`,
  },
} satisfies Catalog
