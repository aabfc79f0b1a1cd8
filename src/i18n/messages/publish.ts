import type { Catalog } from '../catalog.ts'

/** `qd766 publish`, the warehouse part of `refresh` and of `status`. */
export const publish = {
  'publish.summary': {
    vi: 'Chép dữ liệu của thư mục này vào kho dữ liệu PostgreSQL (chỉ phần mới, trong một giao dịch).',
    en: 'Copy this home into the PostgreSQL warehouse (incremental, one transaction).',
  },
  'publish.details': {
    vi: `Chép dữ liệu tham chiếu, lịch sử tệp, các lần đọc, ảnh chụp xếp hạng, điểm từ cổng, chỉ tiêu đơn vị,
các phát hiện và các lần chạy vào schema của kho, kèm các view giống hệt cơ sở dữ liệu SQLite
(v_latest_ranking, v_ranking_history, v_province_scores, ...). Địa chỉ lấy từ --to, nếu không có thì
QD766_WAREHOUSE_URL, rồi "warehouse": { "url" } trong qd766.config.json; mật khẩu đặt qua PGPASSWORD
hoặc ~/.pgpass, không ghi trên dòng lệnh. TLS: sslmode=require|verify-full trong địa chỉ, hoặc
"warehouse": { "ssl": { "mode", "rootCert" } }.
Mỗi lần chỉ ghi phần đã thay đổi từ lần đăng trước, trong một giao dịch PostgreSQL: đăng lại không
thay đổi gì; một lần đăng bị ngắt giữa chừng để kho nguyên như trước.
Mã thoát: 0 đã đăng hoặc kho đã đầy đủ, 1 không ghi được vào kho (kho tắt, sai mật khẩu; kho không
thay đổi), 2 chưa cấu hình kho hoặc dùng sai lệnh.`,
    en: `Copies reference data, file history, readings, snapshots with ranks, portal scores, unit indicators,
findings and runs into the warehouse schema, with the same views as the SQLite database
(v_latest_ranking, v_ranking_history, v_province_scores, ...). The URL comes from --to, else
QD766_WAREHOUSE_URL, else "warehouse": { "url" } in qd766.config.json; give the password through
PGPASSWORD or ~/.pgpass, never on the command line. TLS: sslmode=require|verify-full in the URL or
"warehouse": { "ssl": { "mode", "rootCert" } }.
Only what changed since the last publish is written, in one PostgreSQL transaction: republishing
changes nothing; an interrupted publish leaves the warehouse as it was.
Exit codes: 0 published or already up to date, 1 the warehouse could not be written (down, login
refused; nothing changed there), 2 no warehouse configured / usage error.`,
  },
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
