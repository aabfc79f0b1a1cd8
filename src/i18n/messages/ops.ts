import type { Catalog } from '../catalog.ts'

/** `qd766 schedule`, `query` and `backup`: their full help and what they print. */
export const ops = {
  'schedule.details': {
    vi: `
Mặc định lấy từ mục "schedule" của qd766.config.json ({ "cron": "0 4 * * *", "timezone":
"Asia/Ho_Chi_Minh", "catchUpHours": 36 }); các tuỳ chọn dưới đây ghi đè. Biểu thức cron có 5 trường
(phút giờ ngày tháng thứ) hoặc 6 (giây đứng đầu), như node-cron đọc; múi giờ được ghi rõ nên biến TZ
của máy không ảnh hưởng.

Mỗi lần đến giờ là một dòng trong cơ sở dữ liệu (khoá lượt "refresh@<giờ>"), được giữ chỗ trước khi
chạy: hai bộ lập lịch trên cùng thư mục dữ liệu chỉ chạy mỗi mốc một lần, và một mốc không bao giờ
chạy chồng lên lượt khác (nó chờ đến lượt). Khi khởi động, mốc gần nhất bị lỡ trong --catch-up-hours
được chạy ngay (các mốc lỡ cũ hơn được ghi là bỏ lỡ); mốc có lượt chạy bị ngắt được chạy lại (tối đa
hai lần).

Dừng: SIGINT/SIGTERM (Ctrl-C, systemctl stop) để tệp đang xử lý làm xong, ghi lại lượt chạy và thoát
với mã 0; các tệp đã nhận mà chưa bắt đầu được trả về hộp thư cho lượt sau. Tín hiệu thứ hai bỏ ngay
tệp đang xử lý (không lưu gì của tệp đó; lượt sau đọc lại).

  --cron BIỂU-THỨC       biểu thức cron (mặc định theo cấu hình, nếu không có thì "0 4 * * *")
  --tz MÚI-GIỜ           múi giờ IANA (mặc định theo cấu hình, nếu không có thì Asia/Ho_Chi_Minh)
  --catch-up-hours N     khi khởi động, chạy bù các mốc bị lỡ trong N giờ trước (mặc định 36)
  --once                 chạy bù khi khởi động rồi thoát, không chạy thường trực
  --tick ISO             chạy đúng mốc này (giữ chỗ như mốc theo lịch) rồi thoát
  --now ISO              đồng hồ dùng để quyết định chạy bù (dùng khi kiểm thử)
  --json                 cùng --once/--tick: in các mốc đã xử lý dạng JSON

Chạy dưới systemd hoặc crontab: xem docs/operations.md.`,
    en: `
Defaults come from qd766.config.json "schedule" ({ "cron": "0 4 * * *", "timezone":
"Asia/Ho_Chi_Minh", "catchUpHours": 36 }); the flags override them. Cron has 5 fields (minute hour
day month weekday) or 6 (seconds first), as node-cron reads them; the timezone is explicit, so the
host's TZ never matters.

Every tick is one row in the database (run key "refresh@<tick time>"), claimed before it runs: two
schedulers on the same home run each tick once, and a tick never overlaps another run (it waits for
the home's lease). At start, the newest tick missed within --catch-up-hours is run at once (older
missed ticks are recorded as missed); a tick whose run was killed is run again (at most twice).

Stopping: SIGINT/SIGTERM (Ctrl-C, systemctl stop) lets the current file finish, records the run and
exits 0; claimed files not yet started go back to the inbox for the next run. A second signal
abandons the current file at once (nothing of it is committed; it is taken again next time).

  --cron EXPR            cron expression (default from config, else "0 4 * * *")
  --tz ZONE              IANA timezone (default from config, else Asia/Ho_Chi_Minh)
  --catch-up-hours N     how far back missed ticks are caught up at start (default 36)
  --once                 do the start-up catch-up, then exit instead of staying running
  --tick ISO             run exactly this tick (claimed like a scheduled one), then exit
  --now ISO              the clock used for catch-up decisions (testing)
  --json                 with --once/--tick: print the ticks handled as JSON

Running under systemd or plain crontab: see docs/operations.md.`,
  },
  'schedule.bad-instant': {
    vi: (p: { flag: string; value: string }) =>
      `${p.flag} ${p.value}: ghi ngày giờ theo ISO, ví dụ 2026-10-05T21:00:00Z`,
    en: (p: { flag: string; value: string }) =>
      `${p.flag} ${p.value}: give an ISO date-time such as 2026-10-05T21:00:00Z`,
  },
  'schedule.bad-catch-up': {
    vi: (p: { value: string }) => `--catch-up-hours ${p.value}: ghi số giờ, từ 0 trở lên`,
    en: (p: { value: string }) => `--catch-up-hours ${p.value}: give a number of hours, 0 or more`,
  },
  'schedule.not-a-tick': {
    vi: (p: { tick: string; expression: string; timezone: string }) =>
      `--tick ${p.tick} không phải là một mốc của "${p.expression}" theo múi giờ ${p.timezone}`,
    en: (p: { tick: string; expression: string; timezone: string }) =>
      `--tick ${p.tick} is not a tick of "${p.expression}" in ${p.timezone}`,
  },
  'schedule.bad-timezone': {
    vi: (p: { timezone: string }) =>
      `múi giờ "${p.timezone}" không có (dùng tên IANA, ví dụ Asia/Ho_Chi_Minh)`,
    en: (p: { timezone: string }) =>
      `unknown timezone "${p.timezone}" (use an IANA name such as Asia/Ho_Chi_Minh)`,
  },
  'schedule.no-tick-within': {
    vi: (p: { expression: string; days: number }) =>
      `"${p.expression}" không có mốc nào trong vòng ${p.days} ngày`,
    en: (p: { expression: string; days: number }) => `"${p.expression}" has no tick within ${p.days} days`,
  },
  'schedule.h.tick': { vi: 'Mốc', en: 'Tick' },
  'schedule.h.outcome': { vi: 'Kết quả', en: 'Outcome' },
  'schedule.h.run': { vi: 'Lượt', en: 'Run' },
  'schedule.h.accepted': { vi: 'Nhận', en: 'Accepted' },
  'schedule.h.rejected': { vi: 'Từ chối', en: 'Rejected' },
  'schedule.h.error': { vi: 'Lỗi', en: 'Error' },
  'schedule.no-tick-due': { vi: 'Không có mốc nào đến hạn.', en: 'No tick due.' },
  'schedule.outcome.ran': { vi: 'đã chạy', en: 'ran' },
  'schedule.outcome.failed': { vi: 'lỗi', en: 'failed' },
  'schedule.outcome.taken': { vi: 'đã có lượt khác chạy', en: 'taken by another run' },
  'schedule.outcome.stopped': { vi: 'đã dừng', en: 'stopped' },
  'schedule.bad-cron': {
    vi: (p: { expression: string; detail: string }) =>
      `biểu thức cron "${p.expression}" không hợp lệ: ${p.detail}`,
    en: (p: { expression: string; detail: string }) =>
      `invalid cron expression "${p.expression}": ${p.detail}`,
  },
  'query.details': {
    vi: (p: { timeout: number; maxRows: number }) => `
Câu lệnh chạy trong một tiến trình riêng, trên kết nối chỉ đọc, và phải là một câu lệnh trả về các
dòng (SELECT, WITH ... SELECT, EXPLAIN, PRAGMA chỉ đọc); câu lệnh ghi, ATTACH/DETACH và
load_extension bị từ chối. Các view ổn định cho người phân tích: v_latest_ranking, v_ranking_history,
v_province_scores (xem mục "SQL views" trong README).
  --timeout GIÂY      dừng câu lệnh sau chừng ấy giây (mặc định ${p.timeout})
  --max-rows N        giữ tối đa N dòng (mặc định ${p.maxRows}); kết quả dài hơn bị cắt và
                      có một dòng ghi chú trên stderr
Ví dụ:
  qd766 query "SELECT rank, name, total FROM v_latest_ranking ORDER BY rank LIMIT 5"`,
    en: (p: { timeout: number; maxRows: number }) => `
The statement runs in its own process on a read-only connection and must be one statement that
returns rows (SELECT, WITH ... SELECT, EXPLAIN, read-only PRAGMAs); writes, ATTACH/DETACH and
load_extension are refused. Stable views for analysts: v_latest_ranking, v_ranking_history,
v_province_scores (see README "SQL views").
  --timeout SECONDS   stop the query after this long (default ${p.timeout})
  --max-rows N        keep at most N rows (default ${p.maxRows}); a longer result is cut and
                      a note on stderr says so
Example:
  qd766 query "SELECT rank, name, total FROM v_latest_ranking ORDER BY rank LIMIT 5"`,
  },
  'query.no-sql': {
    vi: 'hãy ghi câu lệnh SQL cần chạy, đặt trong dấu nháy',
    en: 'give the SQL to run, in quotes',
  },
  'query.bad-format': {
    vi: (p: { format: string }) => `--format ${p.format}: chọn table, csv hoặc json`,
    en: (p: { format: string }) => `--format ${p.format}: use table, csv or json`,
  },
  'query.rows': {
    vi: (p: { n: string }) => `(${p.n} dòng)`,
    en: (p: { n: string }) => `(${p.n} rows)`,
  },
  'backup.details': {
    vi: `
Không bao giờ sao chép qd766.sqlite bằng cp khi qd766 có thể đang chạy: cơ sở dữ liệu đang dùng gồm
tệp đó và tệp -wal đi kèm, bản sao chép giữa chừng một giao dịch có thể hỏng. Lệnh này dùng cơ chế sao
lưu trực tuyến của SQLite, cho một bản chụp nhất quán ngay cả khi lượt refresh hằng đêm đang ghi, rồi
mở bản sao và chạy PRAGMA integrity_check trước khi đặt tên chính thức cho nó.

  --out TỆP    nơi ghi (mặc định: backups/qd766-<giờ UTC>.sqlite trong thư mục dữ liệu); tệp đã có
               không bị ghi đè

Khôi phục: dừng bộ lập lịch, chuyển qd766.sqlite, qd766.sqlite-wal và qd766.sqlite-shm đi nơi khác,
rồi chép bản sao lưu thành qd766.sqlite.`,
    en: `
Never copy qd766.sqlite with cp while qd766 may be running: the live database is the file plus its
-wal, and a copy taken mid-transaction can be corrupt. This command uses SQLite's online backup API,
which produces a consistent snapshot even while the nightly refresh writes, then opens the copy and
runs PRAGMA integrity_check on it before giving it its final name.

  --out FILE   where to write (default: backups/qd766-<UTC time>.sqlite in the home); an existing
               file is not overwritten

Restore: stop the scheduler, move qd766.sqlite, qd766.sqlite-wal and qd766.sqlite-shm away, copy the
backup to qd766.sqlite.`,
  },
  'backup.no-database': {
    vi: (p: { path: string }) => `chưa có cơ sở dữ liệu tại ${p.path}; không có gì để sao lưu`,
    en: (p: { path: string }) => `no database at ${p.path}; nothing to back up`,
  },
  'backup.out-exists': {
    vi: (p: { path: string }) => `${p.path} đã có; chọn --out khác`,
    en: (p: { path: string }) => `${p.path} already exists; choose another --out`,
  },
  'backup.progress': {
    vi: (p: { done: number; total: number }) => `sao lưu: ${p.done}/${p.total} trang`,
    en: (p: { done: number; total: number }) => `backup: ${p.done}/${p.total} pages`,
  },
  'backup.integrity-failed': {
    vi: 'bản sao không qua được bước kiểm tra toàn vẹn:',
    en: 'the copy failed its integrity check:',
  },
  'backup.written': {
    vi: (p: { path: string; mb: string }) => `Đã sao lưu: ${p.path} (${p.mb} MB, kiểm tra toàn vẹn đạt)`,
    en: (p: { path: string; mb: string }) => `Backup written: ${p.path} (${p.mb} MB, integrity ok)`,
  },
} satisfies Catalog
