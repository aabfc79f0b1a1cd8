import type { Catalog } from '../catalog.ts'

/** The core's limits: read-only SQL (src/query/run-sql.ts) and configuration validation. */
export const core = {
  'query.empty': {
    vi: 'Chưa có câu lệnh SQL: hãy viết một câu SELECT trong dấu nháy.',
    en: 'No SQL given: write one SELECT statement, in quotes.',
  },
  'query.refused-write': {
    vi: 'Bị từ chối: chỉ được chạy câu lệnh chỉ đọc (SELECT, WITH … SELECT, EXPLAIN, PRAGMA chỉ đọc); câu lệnh này sẽ ghi vào cơ sở dữ liệu.',
    en: 'Refused: only read-only statements may run (SELECT, WITH … SELECT, EXPLAIN, read-only PRAGMAs); this one would write to the database.',
  },
  'query.refused-no-rows': {
    vi: 'Bị từ chối: chỉ chạy câu lệnh trả về dòng dữ liệu (SELECT, WITH … SELECT, EXPLAIN, PRAGMA chỉ đọc).',
    en: 'Refused: only statements that return rows may run (SELECT, WITH … SELECT, EXPLAIN, read-only PRAGMAs).',
  },
  'query.refused-attach': {
    vi: 'Bị từ chối: không được dùng ATTACH/DETACH; truy vấn chỉ đọc cơ sở dữ liệu của qd766.',
    en: 'Refused: ATTACH/DETACH is not allowed; queries read only the qd766 database.',
  },
  'query.refused-extension': {
    vi: 'Bị từ chối: không được nạp phần mở rộng của SQLite (load_extension).',
    en: 'Refused: loading SQLite extensions (load_extension) is not allowed.',
  },
  'query.refused-several': {
    vi: 'Bị từ chối: mỗi lần chỉ chạy một câu lệnh SQL.',
    en: 'Refused: run one SQL statement at a time.',
  },
  'query.sql-error': {
    vi: (p: { message: string }) => `SQLite không chạy được câu lệnh: ${p.message}`,
    en: (p: { message: string }) => `SQLite could not run the statement: ${p.message}`,
  },
  'query.timeout': {
    vi: (p: { seconds: number }) =>
      `Truy vấn chạy quá ${String(p.seconds).replace('.', ',')} giây nên đã bị dừng. Hãy thu hẹp truy vấn (WHERE, LIMIT) hoặc cho thêm thời gian bằng --timeout GIÂY.`,
    en: (p: { seconds: number }) =>
      `The query ran longer than ${p.seconds} s and was stopped. Narrow it (WHERE, LIMIT) or allow more time with --timeout SECONDS.`,
  },
  'query.too-many-rows': {
    vi: (p: { maxRows: number }) =>
      `Kết quả có nhiều hơn ${p.maxRows} dòng. Hãy thêm LIMIT hoặc tăng --max-rows.`,
    en: (p: { maxRows: number }) =>
      `The result has more than ${p.maxRows} rows. Add a LIMIT or raise --max-rows.`,
  },
  'query.too-large': {
    vi: 'Kết quả quá lớn để giữ trong bộ nhớ nên đã bị dừng. Hãy chọn ít cột hoặc ít dòng hơn.',
    en: 'The result was too large to hold in memory and was stopped. Select fewer columns or rows.',
  },
  'query.truncated': {
    vi: (p: { rows: number }) =>
      `Kết quả đã bị cắt ở ${p.rows} dòng (giới hạn --max-rows hoặc dung lượng); hãy thêm LIMIT/WHERE hoặc tăng --max-rows.`,
    en: (p: { rows: number }) =>
      `The result was cut at ${p.rows} rows (the --max-rows or size limit); add LIMIT/WHERE or raise --max-rows.`,
  },
  'query.bad-timeout': {
    vi: (p: { value: string; max: number }) =>
      `--timeout ${p.value}: hãy ghi số giây lớn hơn 0 và không quá ${p.max}.`,
    en: (p: { value: string; max: number }) =>
      `--timeout ${p.value}: give seconds, more than 0 and at most ${p.max}.`,
  },
  'query.bad-max-rows': {
    vi: (p: { value: string; max: number }) =>
      `--max-rows ${p.value}: hãy ghi một số nguyên từ 1 đến ${p.max}.`,
    en: (p: { value: string; max: number }) =>
      `--max-rows ${p.value}: give a whole number from 1 to ${p.max}.`,
  },
  'config.not-json': {
    vi: (p: { path: string; message: string }) =>
      `${p.path} không phải JSON hợp lệ: ${p.message}. Hãy sửa tệp (có thể kiểm tra bằng một trình xem JSON) rồi chạy lại.`,
    en: (p: { path: string; message: string }) => `${p.path} is not valid JSON: ${p.message}`,
  },
  'config.invalid': {
    vi: (p: { path: string; issues: string }) => `${p.path} có thiết lập không hợp lệ:\n${p.issues}`,
    en: (p: { path: string; issues: string }) => `${p.path} has invalid settings:\n${p.issues}`,
  },
  'config.top-level': { vi: '(cấp ngoài cùng)', en: '(top level)' },
  'config.too-big': {
    vi: (p: { where: string; max: string }) => `${p.where}: giá trị quá lớn, tối đa là ${p.max}`,
    en: (p: { where: string; max: string }) => `${p.where}: too big, at most ${p.max}`,
  },
  'config.too-small': {
    vi: (p: { where: string; min: string }) => `${p.where}: giá trị quá nhỏ, tối thiểu là ${p.min}`,
    en: (p: { where: string; min: string }) => `${p.where}: too small, at least ${p.min}`,
  },
  'config.too-few': {
    vi: (p: { where: string; min: string }) => `${p.where}: cần ít nhất ${p.min} mục`,
    en: (p: { where: string; min: string }) => `${p.where}: needs at least ${p.min} item(s)`,
  },
  'config.wrong-type': {
    vi: (p: { where: string; expected: string }) => `${p.where}: sai kiểu dữ liệu, cần ${p.expected}`,
    en: (p: { where: string; expected: string }) => `${p.where}: wrong type, expected ${p.expected}`,
  },
  'config.unknown-keys': {
    vi: (p: { where: string; keys: string }) =>
      `${p.where}: thiết lập không có trong qd766 (gõ nhầm?): ${p.keys}`,
    en: (p: { where: string; keys: string }) =>
      `${p.where}: settings qd766 does not have (a typo?): ${p.keys}`,
  },
  'config.one-of': {
    vi: (p: { where: string; values: string }) => `${p.where}: hãy chọn một trong: ${p.values}`,
    en: (p: { where: string; values: string }) => `${p.where}: use one of: ${p.values}`,
  },
  'config.bad-timezone': {
    vi: (p: { zone: string }) =>
      `múi giờ "${p.zone}" không có trong hệ thống; hãy ghi tên IANA, ví dụ "Asia/Ho_Chi_Minh"`,
    en: (p: { zone: string }) =>
      `the timezone "${p.zone}" is unknown; give an IANA name such as "Asia/Ho_Chi_Minh"`,
  },
  'config.bands-need-zero': {
    vi: 'danh sách xếp loại phải có một mức bắt đầu từ 0 (min: 0), nếu không tổng điểm thấp sẽ không có xếp loại',
    en: 'the band list needs a band starting at 0 (min: 0), or low totals would get no band',
  },
} satisfies Catalog
