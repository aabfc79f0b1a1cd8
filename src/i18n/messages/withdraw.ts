import type { Catalog } from '../catalog.ts'

interface FileText {
  name: string
  sha: string
}
interface Effects {
  withdrawn: number
  restored: number
  taken: number
}

/** `qd766 withdraw`, the reading warnings (future date, missing provinces) and the status items. */
export const withdraw = {
  'withdraw.summary': {
    vi: 'Rút lại một tệp đã nhận (số liệu của nó thôi được tính); --undo để khôi phục.',
    en: 'Take back an accepted file (its readings stop counting); --undo restores it.',
  },
  'withdraw.details': {
    vi: `
Tệp được chỉ bằng tên (như khi nhận, hoặc tên trong archive/) hay bằng vài ký tự đầu của mã SHA-256
(xem "qd766 status" hoặc "qd766 query \\"SELECT file_name, sha256 FROM source_files\\"").
Số liệu của tệp bị rút thôi được tính ở mọi nơi: bảng xếp hạng, thay đổi thứ hạng, điểm, đơn vị,
báo cáo và các view SQL; các bản chụp xếp hạng bị ảnh hưởng được lập lại. Tệp, các dòng gốc của nó
và lịch sử rút (ai, khi nào, vì sao: bảng file_withdrawals, view v_file_withdrawals) vẫn được giữ.
  --reason TEXT   lý do (ghi vào lịch sử)
  --by NAME       người rút (mặc định: người dùng của hệ điều hành)
  --undo          khôi phục một tệp đã rút
Mã thoát: 0 xong (hoặc không có gì thay đổi), 2 tiền tố SHA-256 hay tên khớp nhiều tệp,
3 một lượt chạy khác đang làm việc trên thư mục này, 5 không có tệp đã nhận nào khớp.`,
    en: `
Name the file as it was received (or as it is named in archive/) or give the first characters of its
SHA-256 ("qd766 status", or qd766 query "SELECT file_name, sha256 FROM source_files").
A withdrawn file's readings stop counting everywhere: rankings, rank changes, scores, units,
reports and the SQL views; every affected ranking snapshot is re-derived. The file, its raw rows and
the withdrawal (who, when, why: table file_withdrawals, view v_file_withdrawals) are kept.
  --reason TEXT   why (kept in the audit trail)
  --by NAME       who (default: the operating-system user)
  --undo          restore a withdrawn file
Exit codes: 0 done (or nothing to change), 2 the SHA-256 prefix or name matches several files,
3 another run is working on this home, 5 no accepted file matches.`,
  },
  'withdraw.need-arg': {
    vi: 'hãy cho biết tên tệp hoặc vài ký tự đầu của mã SHA-256 của tệp cần rút',
    en: 'give the file name or the first characters of the SHA-256 of the file to withdraw',
  },
  'withdraw.done': {
    vi: (p: FileText & { at: string; by: string }) =>
      `Đã rút tệp "${p.name}" (SHA-256 ${p.sha}) lúc ${p.at}, người rút: ${p.by}.`,
    en: (p: FileText & { at: string; by: string }) =>
      `Withdrew "${p.name}" (SHA-256 ${p.sha}) at ${p.at}, by ${p.by}.`,
  },
  'withdraw.undone': {
    vi: (p: FileText & { at: string; by: string }) =>
      `Đã khôi phục tệp "${p.name}" (SHA-256 ${p.sha}) lúc ${p.at}, người khôi phục: ${p.by}.`,
    en: (p: FileText & { at: string; by: string }) =>
      `Restored "${p.name}" (SHA-256 ${p.sha}) at ${p.at}, by ${p.by}.`,
  },
  'withdraw.reason': {
    vi: (p: { reason: string }) => `Lý do: ${p.reason}`,
    en: (p: { reason: string }) => `Reason: ${p.reason}`,
  },
  'withdraw.effects': {
    vi: (p: Effects) =>
      `Bản chụp xếp hạng: ${p.withdrawn} thôi được tính, ${p.restored} được tính lại, ${p.taken} được lập mới.`,
    en: (p: Effects) =>
      `Ranking snapshots: ${p.withdrawn} no longer counted, ${p.restored} counted again, ${p.taken} newly derived.`,
  },
  'withdraw.kept': {
    vi: (p: { sha: string }) =>
      'Tệp, các dòng gốc và lịch sử rút vẫn được giữ (view v_file_withdrawals). ' +
      `Khôi phục bằng: qd766 withdraw --undo ${p.sha}`,
    en: (p: { sha: string }) =>
      'The file, its raw rows and the audit trail are kept (view v_file_withdrawals). ' +
      `Restore it with: qd766 withdraw --undo ${p.sha}`,
  },
  'withdraw.already': {
    vi: (p: FileText & { at: string; by: string }) =>
      `Tệp "${p.name}" (SHA-256 ${p.sha}) đã được rút từ trước (lúc ${p.at}, người rút: ${p.by}); không có gì thay đổi.`,
    en: (p: FileText & { at: string; by: string }) =>
      `"${p.name}" (SHA-256 ${p.sha}) was already withdrawn (at ${p.at}, by ${p.by}); nothing changed.`,
  },
  'withdraw.not-withdrawn': {
    vi: (p: FileText) => `Tệp "${p.name}" (SHA-256 ${p.sha}) chưa bị rút; không có gì để khôi phục.`,
    en: (p: FileText) => `"${p.name}" (SHA-256 ${p.sha}) is not withdrawn; there is nothing to restore.`,
  },
  'withdraw.no-match': {
    vi: (p: { arg: string }) =>
      `Không có tệp đã nhận nào có tên hoặc mã SHA-256 bắt đầu bằng "${p.arg}". ` +
      '"qd766 status" liệt kê các tệp; qd766 query "SELECT file_name, sha256 FROM source_files" cho mã của chúng.',
    en: (p: { arg: string }) =>
      `No accepted file is named "${p.arg}" or has a SHA-256 starting with it. ` +
      '"qd766 status" lists the files; qd766 query "SELECT file_name, sha256 FROM source_files" gives their hashes.',
  },
  'withdraw.ambiguous': {
    vi: (p: { arg: string; n: number }) =>
      `"${p.arg}" khớp với ${p.n} tệp; hãy cho thêm ký tự của mã SHA-256 để chọn một tệp:`,
    en: (p: { arg: string; n: number }) =>
      `"${p.arg}" matches ${p.n} files; give more characters of the SHA-256 to pick one:`,
  },
  'withdraw.candidate': {
    vi: (p: FileText & { kind: string; at: string; state: string }) =>
      `  ${p.sha}  ${p.name}  (${p.kind}, nhận lúc ${p.at}${p.state})`,
    en: (p: FileText & { kind: string; at: string; state: string }) =>
      `  ${p.sha}  ${p.name}  (${p.kind}, accepted ${p.at}${p.state})`,
  },
  'withdraw.candidate-withdrawn': { vi: ', đã rút', en: ', withdrawn' },
  'withdraw.duplicate': {
    vi: (p: { name: string; original: string; sha: string; at: string }) =>
      `Tệp "${p.name}" là bản trùng (cùng nội dung) của "${p.original}" đã nhận lúc ${p.at}; nó không thêm số liệu nào nên không có gì để rút. ` +
      `Muốn rút số liệu đó thì rút tệp gốc: qd766 withdraw ${p.sha}`,
    en: (p: { name: string; original: string; sha: string; at: string }) =>
      `"${p.name}" was an exact duplicate of "${p.original}", accepted ${p.at}; it added nothing, so there is nothing to withdraw. ` +
      `To take that data back, withdraw the original: qd766 withdraw ${p.sha}`,
  },
  'withdraw.rejected': {
    vi: (p: { name: string; at: string; reason: string }) =>
      `Tệp "${p.name}" đã bị từ chối lúc ${p.at} (${p.reason}); không có số liệu nào của nó được lưu nên không có gì để rút.`,
    en: (p: { name: string; at: string; reason: string }) =>
      `"${p.name}" was rejected at ${p.at} (${p.reason}); nothing from it was stored, so there is nothing to withdraw.`,
  },

  // ---- warnings about a reading (findings at ingest; status; the leadership report)
  'withdraw.warn-future': {
    vi: (p: { what: string; date: string; today: string }) =>
      `${p.what} ghi ngày ${p.date}, sau hôm nay (${p.today}): kiểm tra lại ngày trong tệp; nếu sai, rút tệp bằng "qd766 withdraw".`,
    en: (p: { what: string; date: string; today: string }) =>
      `${p.what} is dated ${p.date}, after today (${p.today}): check the date in the file; if it is wrong, take the file back with "qd766 withdraw".`,
  },
  'withdraw.warn-coverage': {
    vi: (p: { what: string; n: number; cohort: number; missing: string }) =>
      `${p.what} chỉ có ${p.n} trong ${p.cohort} tỉnh, thành phố (thiếu: ${p.missing}): kiểm tra xem tệp có bị cắt mất dòng không.`,
    en: (p: { what: string; n: number; cohort: number; missing: string }) =>
      `${p.what} covers only ${p.n} of the ${p.cohort} provinces (missing: ${p.missing}): check whether rows were cut off.`,
  },
  'withdraw.what-national': {
    vi: (p: { period: string }) => `Bảng xếp hạng quốc gia ${p.period}`,
    en: (p: { period: string }) => `The national ranking table of ${p.period}`,
  },
  'withdraw.what-capture': {
    vi: (p: { period: string }) => `Dữ liệu Cổng DVCQG ${p.period}`,
    en: (p: { period: string }) => `The portal capture of ${p.period}`,
  },
  'withdraw.what-units': {
    vi: (p: { period: string }) => `Bảng theo dõi của tỉnh ${p.period}`,
    en: (p: { period: string }) => `The provincial table of ${p.period}`,
  },
  'withdraw.what-snapshot': {
    vi: (p: { period: string }) => `Bản xếp hạng mới nhất (${p.period})`,
    en: (p: { period: string }) => `The latest ranking (${p.period})`,
  },
  'withdraw.more': {
    vi: (p: { n: number }) => `và ${p.n} tỉnh khác`,
    en: (p: { n: number }) => `and ${p.n} more`,
  },

  // ---- status
  'withdraw.status-withdrawn': {
    vi: (p: { name: string; at: string; by: string; reason: string }) =>
      `  ${p.name}: rút lúc ${p.at}, người rút ${p.by}${p.reason ? ` (${p.reason})` : ''}`,
    en: (p: { name: string; at: string; by: string; reason: string }) =>
      `  ${p.name}: withdrawn ${p.at} by ${p.by}${p.reason ? ` (${p.reason})` : ''}`,
  },
  'withdraw.status-withdrawn-title': {
    vi: 'Tệp đã rút (số liệu không còn được tính; "qd766 withdraw --undo" để khôi phục):',
    en: 'Withdrawn files (their readings no longer count; "qd766 withdraw --undo" restores one):',
  },
  'withdraw.status-resolved': {
    vi: (p: { by: string; at: string }) => `đã khắc phục: ${p.by} được nhận lúc ${p.at}`,
    en: (p: { by: string; at: string }) => `resolved: ${p.by} accepted ${p.at}`,
  },
  'withdraw.status-rejected-at': {
    vi: (p: { at: string }) => `từ chối lúc ${p.at}`,
    en: (p: { at: string }) => `rejected ${p.at}`,
  },
} satisfies Catalog
