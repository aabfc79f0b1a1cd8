import type { Catalog } from '../catalog.ts'

/** The command framework: main help, common options, usage errors, exit codes. */
export const cli = {
  'cli.main.title': {
    vi: 'qd766 — xử lý bộ chỉ số Quyết định 766: hộp thư tệp xuất -> SQLite -> điểm, xếp hạng, bản chụp',
    en: 'qd766 — Decision 766 scorecard pipeline: inbox of exports -> SQLite -> scores, rankings, snapshots',
  },
  'cli.main.usage': {
    vi: 'Cách dùng: qd766 <lệnh> [tuỳ chọn]     (qd766 <lệnh> --help để xem chi tiết)',
    en: 'Usage: qd766 <command> [options]     (qd766 <command> --help for details)',
  },
  'cli.main.commands': { vi: 'Các lệnh:', en: 'Commands:' },
  'cli.main.home-note': {
    vi: 'Mọi lệnh nhận --home THƯ-MỤC (mặc định: $QD766_HOME, nếu không có thì ./data) và --lang vi|en.',
    en: 'Every command takes --home DIR (default: $QD766_HOME, else ./data) and --lang vi|en.',
  },
  'cli.main.exit-codes': {
    vi:
      'Mã thoát: 0 thành công, 1 có tệp bị từ chối, 2 sai cách dùng/cấu hình, 3 thư mục dữ liệu đang bận, ' +
      '4 lỗi nội bộ, 5 không tìm thấy.',
    en: 'Exit codes: 0 ok, 1 some files rejected, 2 usage/config error, 3 home busy, 4 internal error, 5 not found.',
  },
  'cli.usage': {
    vi: (p: { usage: string }) => `Cách dùng: ${p.usage}`,
    en: (p: { usage: string }) => `Usage: ${p.usage}`,
  },
  'cli.see-help': {
    vi: (p: { name: string }) => `(qd766 ${p.name} --help để xem chi tiết)`,
    en: (p: { name: string }) => `(qd766 ${p.name} --help for details)`,
  },
  'cli.unknown-command': {
    vi: (p: { name: string }) => `qd766: không có lệnh "${p.name}"`,
    en: (p: { name: string }) => `qd766: unknown command "${p.name}"`,
  },
  'cli.bad-lang': {
    vi: (p: { value: string }) => `--lang "${p.value}" không hợp lệ: chỉ nhận vi hoặc en`,
    en: (p: { value: string }) => `--lang "${p.value}" is not a language qd766 speaks: use vi or en`,
  },
  'cli.config-error': {
    vi: (p: { message: string }) => `qd766: lỗi cấu hình: ${p.message}`,
    en: (p: { message: string }) => `qd766: configuration error: ${p.message}`,
  },
  'cli.internal-error': {
    vi: (p: { name: string; detail: string }) => `qd766 ${p.name}: lỗi nội bộ: ${p.detail}`,
    en: (p: { name: string; detail: string }) => `qd766 ${p.name}: internal error: ${p.detail}`,
  },
  'cli.out-exists': {
    vi: (p: { path: string }) => `--out ${p.path}: tệp đã có; thêm --force để ghi đè`,
    en: (p: { path: string }) => `--out ${p.path}: the file exists; add --force to overwrite it`,
  },
  'cli.wrote': {
    vi: (p: { path: string }) => `đã ghi ${p.path}`,
    en: (p: { path: string }) => `wrote ${p.path}`,
  },
  'schedule.summary': {
    vi: 'Chạy thường trực và chạy `refresh` theo lịch (mặc định 04:00 giờ Asia/Ho_Chi_Minh).',
    en: 'Stay running and run `refresh` on the schedule (default 04:00 Asia/Ho_Chi_Minh).',
  },
  'query.summary': {
    vi: 'Chạy câu lệnh SQL chỉ đọc trên cơ sở dữ liệu; câu lệnh ghi dữ liệu bị từ chối.',
    en: 'Run read-only SQL over the database; statements that would write are refused.',
  },
  'backup.summary': {
    vi: 'Sao lưu cơ sở dữ liệu bằng cơ chế sao lưu trực tuyến của SQLite (an toàn cả khi refresh đang chạy).',
    en: "Copy the database with SQLite's online backup (safe while a refresh is running).",
  },
  'cli.common-help': {
    vi: `Tuỳ chọn chung:
  --home THƯ-MỤC  thư mục dữ liệu (mặc định: $QD766_HOME, nếu không có thì ./data)
  --lang vi|en    ngôn ngữ hiển thị (mặc định: $QD766_LANG, nếu không có thì vi)
  --json          kết quả dạng máy đọc (JSON) trên stdout
  -v, --verbose   ghi nhật ký gỡ lỗi ra stderr
  -q, --quiet     chỉ ghi lỗi ra stderr
  -h, --help      trợ giúp này`,
    en: `Common options:
  --home DIR      data home (default: $QD766_HOME, else ./data)
  --lang vi|en    language people read (default: $QD766_LANG, else vi)
  --json          machine-readable output on stdout
  -v, --verbose   debug logging on stderr
  -q, --quiet     errors only on stderr
  -h, --help      this help`,
  },
} satisfies Catalog
