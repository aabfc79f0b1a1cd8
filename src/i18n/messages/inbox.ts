import type { Catalog } from '../catalog.ts'

type RunFailed = { cause: string; file: string | null; returned: 'inbox' | 'work'; detail: string }

/** The inbox and the run: failures that are not the file's fault, stops, waiting and skipped files. */
export const inbox = {
  'inbox.failure.disk-full': {
    vi: 'hết chỗ trống trên đĩa (hoặc đã dùng hết hạn mức)',
    en: 'the disk is full (or the quota is used up)',
  },
  'inbox.failure.permission': {
    vi: 'qd766 không có quyền ghi vào thư mục hoặc cơ sở dữ liệu của mình',
    en: 'qd766 may not write to its own folders or database',
  },
  'inbox.failure.database-busy': {
    vi: 'cơ sở dữ liệu đang bị khóa bởi một chương trình khác quá lâu',
    en: 'the database was locked by another program for too long',
  },
  'inbox.failure.io': {
    vi: 'lỗi đọc/ghi của ổ đĩa hoặc hệ điều hành',
    en: 'a disk or operating-system read/write error',
  },
  'inbox.failure.bug': {
    vi: 'lỗi của chương trình qd766 (không phải lỗi của tệp)',
    en: 'a bug in qd766 (not a problem with the file)',
  },
  'inbox.run-failed': {
    vi: (p: RunFailed) =>
      `Lần chạy đã dừng vì ${p.cause}` +
      (p.file
        ? ` khi đang xử lý tệp "${p.file}". Tệp này không bị từ chối: nó và các tệp chưa xử lý ` +
          (p.returned === 'inbox'
            ? 'được trả lại thư mục inbox/ để lần chạy sau xử lý.'
            : 'nằm lại trong work/, lần chạy sau sẽ xử lý trước tiên.')
        : '. Không tệp nào bị từ chối; các tệp đã xử lý xong vẫn được giữ.') +
      ` Hãy khắc phục nguyên nhân rồi chạy lại. Chi tiết: ${p.detail}`,
    en: (p: RunFailed) =>
      `The run stopped because ${p.cause}` +
      (p.file
        ? ` while working on "${p.file}". That file was not rejected: it and the files not yet started ` +
          (p.returned === 'inbox'
            ? 'are back in inbox/ for the next run.'
            : 'stay in work/, where the next run takes them first.')
        : '. No file was rejected; the files already done stay done.') +
      ` Fix the cause and run again. Details: ${p.detail}`,
  },
  'inbox.note.cannot-move': {
    vi: (p: { to: string; detail: string }) =>
      `đã ghi nhận nhưng chưa chuyển được vào ${p.to}/ (${p.detail}); tệp nằm lại trong work/, ` +
      'lần chạy sau sẽ chuyển tiếp. Hãy gỡ khóa (phần mềm diệt virus, chattr +i, quyền truy cập).',
    en: (p: { to: string; detail: string }) =>
      `recorded, but could not be moved into ${p.to}/ (${p.detail}); it stays in work/ and the next ` +
      'run finishes the move. Release the lock (antivirus, chattr +i, permissions).',
  },
  'inbox.note.cannot-claim': {
    vi: (p: { detail: string }) =>
      `bỏ qua: không lấy được tệp ra khỏi inbox/ (${p.detail}); tệp nằm nguyên trong inbox/, các tệp khác vẫn được xử lý. ` +
      'Hãy gỡ khóa (phần mềm diệt virus, chattr +i, quyền truy cập) để lần chạy sau xử lý.',
    en: (p: { detail: string }) =>
      `skipped: could not take the file out of inbox/ (${p.detail}); it stays in inbox/ and the other files ` +
      'were taken. Release the lock (antivirus, chattr +i, permissions) for the next run.',
  },
  'inbox.wait.too-young': {
    vi: (p: { seconds: number }) =>
      `đang chờ: tệp vừa được sửa chưa đến ${p.seconds} giây trước (có thể vẫn đang được chép vào)`,
    en: (p: { seconds: number }) =>
      `waiting: modified less than ${p.seconds} s ago (it may still be being copied in)`,
  },
  'inbox.wait.changing': {
    vi: 'đang chờ: kích thước hoặc thời điểm sửa của tệp vẫn đang thay đổi (đang được chép vào?)',
    en: 'waiting: its size or modification time is still changing (still being copied in?)',
  },
  'inbox.skip.symlink': {
    vi: 'bỏ qua: đây là liên kết tượng trưng (symlink); qd766 chỉ nhận tệp thật, hãy chép chính tệp vào inbox/',
    en: 'ignored: a symbolic link; qd766 takes only real files, copy the file itself into inbox/',
  },
  'inbox.skip.directory': {
    vi: 'bỏ qua: đây là thư mục con; qd766 chỉ đọc các tệp nằm ngay trong inbox/, hãy chuyển các tệp ra ngoài',
    en: 'ignored: a sub-folder; qd766 reads only the files directly in inbox/, move the files out of it',
  },
  'inbox.skip.special': {
    vi: (p: { kind: string }) =>
      `bỏ qua: không phải tệp thông thường (${p.kind}); qd766 chỉ đọc tệp dữ liệu thật`,
    en: (p: { kind: string }) => `ignored: not a regular file (${p.kind}); qd766 reads only real data files`,
  },
  'inbox.skip.bad-name': {
    vi: 'bỏ qua: tên tệp không phải UTF-8 hợp lệ (đặt trên máy dùng bảng mã khác?); hãy đổi tên tệp rồi thả lại',
    en: 'ignored: the file name is not valid UTF-8 (named on a machine with another code page?); rename it',
  },
  'inbox.arg.missing': {
    vi: (p: { file: string }) => `không có tệp "${p.file}"`,
    en: (p: { file: string }) => `no such file: "${p.file}"`,
  },
  'inbox.arg.directory': {
    vi: (p: { file: string }) =>
      `"${p.file}" là một thư mục, không phải tệp; hãy nêu từng tệp (ví dụ: qd766 ingest "${p.file}"/*.xlsx)`,
    en: (p: { file: string }) =>
      `"${p.file}" is a folder, not a file; name the files (e.g. qd766 ingest "${p.file}"/*.xlsx)`,
  },
  'inbox.arg.special': {
    vi: (p: { file: string }) =>
      `"${p.file}" không phải tệp thông thường (FIFO, socket hoặc thiết bị); qd766 chỉ đọc tệp dữ liệu thật`,
    en: (p: { file: string }) =>
      `"${p.file}" is not a regular file (a FIFO, socket or device); qd766 reads only real data files`,
  },
  'inbox.run-stopped': {
    vi: (p: { n: number }) =>
      `dừng theo yêu cầu (tín hiệu dừng); ${p.n} tệp chưa xử lý được trả lại để lần chạy sau xử lý`,
    en: (p: { n: number }) =>
      `stopped on request (a signal); ${p.n} file(s) not started were given back for the next run`,
  },
  'inbox.out.waiting': {
    vi: (p: { name: string; reason: string }) => `chưa lấy: ${p.name} (${p.reason}); lần chạy sau sẽ xử lý`,
    en: (p: { name: string; reason: string }) => `not taken: ${p.name} (${p.reason}); the next run takes it`,
  },
  'inbox.out.stopped': {
    vi: (p: { n: number }) =>
      `Đã dừng theo yêu cầu: ${p.n} tệp chưa xử lý được trả lại (tệp của inbox/ về inbox/), lần chạy sau sẽ xử lý.`,
    en: (p: { n: number }) =>
      `Stopped on request: ${p.n} file(s) not started were given back (inbox files to inbox/) for the next run.`,
  },
  'inbox.progress.waiting': {
    vi: (p: { n: number; names: string; seconds: number }) =>
      `Đang chờ ${p.n} tệp vừa thả vào ổn định (tối đa ${p.seconds} giây nữa): ${p.names}`,
    en: (p: { n: number; names: string; seconds: number }) =>
      `Waiting for ${p.n} file(s) dropped a moment ago to settle (at most ${p.seconds} s more): ${p.names}`,
  },
  'inbox.signal.stopping': {
    vi: 'Nhận tín hiệu dừng: tệp đang xử lý sẽ được làm xong, các tệp còn lại được trả lại cho lần chạy sau',
    en: 'stopping: the current file finishes, the files not started are given back for the next run',
  },
  'schedule.signal.stopping': {
    vi: 'Nhận tín hiệu dừng: tệp đang xử lý sẽ được làm xong, không bắt đầu việc gì mới',
    en: 'stopping: the current file finishes, nothing new starts',
  },
  'inbox.signal.abandoning': {
    vi: 'Tín hiệu dừng thứ hai: bỏ dở tệp đang xử lý ngay; lần chạy sau sẽ đọc lại nó',
    en: 'second signal: abandoning the current file now; the next run reads it again',
  },
  'inbox.signal.abandoned': {
    vi: (p: { signal: string }) =>
      `bỏ dở vì tín hiệu ${p.signal} thứ hai; các tệp của nó nằm lại trong work/`,
    en: (p: { signal: string }) => `abandoned by a second ${p.signal}; its files stay in work/`,
  },
  'inbox.status.future-mtime': {
    vi: 'thời điểm sửa của tệp ở tương lai (đồng hồ của máy đã ghi tệp chạy nhanh?); tệp vẫn được nhận khi đã ổn định',
    en: 'its modification time is in the future (the clock of the machine that wrote it runs ahead?); it is taken once stable',
  },
  'inbox.encoding.stray-byte': {
    vi: (p: { line: number; offset: number; byte: string; count: number }) =>
      `Tệp là văn bản UTF-8 nhưng có ${p.count} byte không hợp lệ; byte đầu tiên là ${p.byte} ở dòng ${p.line} ` +
      `(vị trí byte ${p.offset}). Có thể một ô được dán từ chương trình dùng bảng mã khác. ` +
      'Hãy sửa ô đó (hoặc mở tệp bằng Excel rồi lưu lại dạng "CSV UTF-8") và thả lại vào inbox.',
    en: (p: { line: number; offset: number; byte: string; count: number }) =>
      `The file is UTF-8 text but has ${p.count} invalid byte(s); the first is ${p.byte} on line ${p.line} ` +
      `(byte offset ${p.offset}). A cell was probably pasted from a program using another code page. ` +
      'Fix that cell (or open the file in Excel and save it as "CSV UTF-8") and drop it in again.',
  },
} satisfies Catalog
