import type { Catalog } from '../catalog.ts'
import { fmtInt } from '../format.ts'

/** Per-file budgets and content limits (issue 9 §3): what a person reads when a file blew one. */
type Budget = 'memory' | 'time' | 'crash'
type BudgetParams = { attempts: number; budget: Budget; limit: number | null }

const budgetVi = (b: Budget, limit: number | null) =>
  b === 'memory'
    ? `vượt giới hạn bộ nhớ ${fmtInt(limit)} MB (limits.parseMemoryMegabytes)`
    : b === 'time'
      ? `vượt giới hạn thời gian ${fmtInt(limit)} giây (limits.parseSeconds)`
      : 'tiến trình qd766 bị dừng đột ngột trong lúc đọc tệp (hết bộ nhớ của máy hoặc bị tắt)'
const budgetEn = (b: Budget, limit: number | null) =>
  b === 'memory'
    ? `exceeded the memory budget of ${fmtInt(limit)} MB (limits.parseMemoryMegabytes)`
    : b === 'time'
      ? `exceeded the time budget of ${fmtInt(limit)} seconds (limits.parseSeconds)`
      : 'the qd766 process died while reading the file (out of machine memory, or killed)'

const PREFIX_VI = 'Tệp quá lớn hoặc quá phức tạp để xử lý an toàn'
const PREFIX_EN = 'The file is too large or too complex to process safely'

export const poison = {
  'poison.budget-rejected': {
    vi: (p: BudgetParams) =>
      `${PREFIX_VI}: ${p.attempts} lần đọc đều không xong, lần gần nhất ${budgetVi(p.budget, p.limit)}. ` +
      'Hãy chia tệp thành các tệp nhỏ hơn; nếu tệp đúng là cần đọc, tăng giới hạn đó trong qd766.config.json rồi thả tệp vào inbox lần nữa.',
    en: (p: BudgetParams) =>
      `${PREFIX_EN}: ${p.attempts} attempts to read it did not finish; the last one ${budgetEn(p.budget, p.limit)}. ` +
      'Split the file into smaller ones; if it really must be read, raise that limit in qd766.config.json and drop the file into the inbox again.',
  },
  'poison.budget-expected': {
    vi: (p: { budget: Budget; limit: number | null }) =>
      p.budget === 'memory'
        ? `đọc xong trong ${fmtInt(p.limit)} MB bộ nhớ`
        : p.budget === 'time'
          ? `đọc xong trong ${fmtInt(p.limit)} giây`
          : 'đọc xong mà tiến trình không bị dừng',
    en: (p: { budget: Budget; limit: number | null }) =>
      p.budget === 'memory'
        ? `a parse within ${fmtInt(p.limit)} MB of memory`
        : p.budget === 'time'
          ? `a parse within ${fmtInt(p.limit)} seconds`
          : 'a parse that does not take the process down',
  },
  'poison.budget-found': {
    vi: (p: { attempts: number; budget: Budget }) =>
      `${p.attempts} lần không xong (${p.budget === 'memory' ? 'hết bộ nhớ' : p.budget === 'time' ? 'hết thời gian' : 'tiến trình bị dừng'})`,
    en: (p: { attempts: number; budget: Budget }) =>
      `${p.attempts} failed attempts (${p.budget === 'memory' ? 'out of memory' : p.budget === 'time' ? 'out of time' : 'process died'})`,
  },
  'poison.stack-overflow': {
    vi: `${PREFIX_VI}: cấu trúc lồng nhau quá sâu (bảng trong bảng, hoặc mảng/đối tượng JSON lồng nhau) để đọc.`,
    en: `${PREFIX_EN}: its structure is nested too deeply to read (tables inside tables, or nested JSON arrays/objects).`,
  },
  'poison.nesting': {
    vi: (p: { what: 'html' | 'json'; depth: number; limit: number }) =>
      `${PREFIX_VI}: ${p.what === 'html' ? 'bảng lồng trong bảng' : 'mảng/đối tượng JSON lồng nhau'} sâu hơn ${fmtInt(p.limit)} tầng (limits.maxNesting).`,
    en: (p: { what: 'html' | 'json'; depth: number; limit: number }) =>
      `${PREFIX_EN}: ${p.what === 'html' ? 'tables are nested inside tables' : 'JSON arrays/objects are nested'} more than ${fmtInt(p.limit)} levels deep (limits.maxNesting).`,
  },
  'poison.span-cells': {
    vi: (p: { limit: number }) =>
      `${PREFIX_VI}: các ô gộp (rowspan/colspan hoặc vùng gộp ô) trải ra hơn ${fmtInt(p.limit)} ô (limits.maxSpanCells). Một bảng thật hiếm khi gộp quá vài nghìn ô; có thể tệp bị hỏng.`,
    en: (p: { limit: number }) =>
      `${PREFIX_EN}: its merged cells (rowspan/colspan or merged ranges) spread over more than ${fmtInt(p.limit)} cells (limits.maxSpanCells). A real table rarely merges more than a few thousand cells; the file may be damaged.`,
  },
  'poison.cell-chars': {
    vi: (p: { chars: number; limit: number }) =>
      `Một ô có ${fmtInt(p.chars)} ký tự, quá giới hạn ${fmtInt(p.limit)} ký tự một ô (limits.maxCellCharacters; Excel cũng chỉ chứa được 32.767).`,
    en: (p: { chars: number; limit: number }) =>
      `A cell holds ${fmtInt(p.chars)} characters, over the limit of ${fmtInt(p.limit)} per cell (limits.maxCellCharacters; Excel itself holds at most 32,767).`,
  },
  'poison.file-text': {
    vi: (p: { limit: number }) =>
      `${PREFIX_VI}: tổng số ký tự trong các ô vượt ${fmtInt(p.limit)} (limits.maxFileTextCharacters).`,
    en: (p: { limit: number }) =>
      `${PREFIX_EN}: the cells hold more than ${fmtInt(p.limit)} characters in all (limits.maxFileTextCharacters).`,
  },
  'poison.unclosed-tag': {
    vi: (p: { bytes: number }) =>
      `Tệp bị hỏng: một thẻ XML trong trang tính không được đóng sau ${fmtInt(p.bytes)} byte.`,
    en: (p: { bytes: number }) =>
      `The file is damaged: an XML tag in the worksheet is not closed after ${fmtInt(p.bytes)} bytes.`,
  },
  'poison.lease-lost': {
    vi: (p: { runId: number; why: string }) =>
      `Lượt chạy ${p.runId} đã mất quyền xử lý thư mục dữ liệu (${p.why}) nên dừng lại trước khi ghi hay chuyển tệp nào; các tệp còn lại sẽ được lượt chạy kế tiếp xử lý.`,
    en: (p: { runId: number; why: string }) =>
      `Run ${p.runId} lost its lease on the data home (${p.why}) and stopped before committing or moving anything; the remaining files are left for the next run.`,
  },
} satisfies Catalog
