import type { Catalog } from '../catalog.ts'

/** "Quý 3/2026", "Tháng 8/2026", "Năm 2026" from a period id ("2026-Q3", "2026-08", "2026"). */
export function periodLabelVi(id: string): string {
  const [y, part] = id.split('-')
  if (!part) return `Năm ${y}`
  if (part.startsWith('Q')) return `Quý ${part.slice(1)}/${y}`
  return `Tháng ${Number(part)}/${y}`
}

/** National ranking tables and province names: rejections, suggestions, duplicates. */
export const national = {
  'national.or': { vi: 'hoặc', en: 'or' },
  /** `names` is already a quoted list ("Lạng Sơn" hoặc "Lâm Đồng"): see src/reference/suggest.ts. */
  'national.did-you-mean': {
    vi: (p: { names: string }) => ` Có phải ${p.names}?`,
    en: (p: { names: string }) => ` Did you mean ${p.names}?`,
  },
  'national.unknown-province-row': {
    vi: (p: { written: string; cohort: number; period: string; suggestions: string }) =>
      `Không có tỉnh, thành phố "${p.written}" trong danh sách ${p.cohort} tỉnh, thành phố áp dụng cho ` +
      `${periodLabelVi(p.period)}.${p.suggestions} Hãy sửa tên ở ô này (ghi đúng chính tả, có dấu) rồi thả lại tệp vào thư mục inbox.`,
    en: (p: { written: string; cohort: number; period: string; suggestions: string }) =>
      `Unknown province "${p.written}": it is not one of the ${p.cohort} provinces of ${p.period}.` +
      `${p.suggestions} Correct the name in this cell and drop the file into the inbox again.`,
  },
  'national.unknown-province-expected': {
    vi: (p: { cohort: number; period: string }) =>
      `một trong ${p.cohort} tỉnh, thành phố áp dụng cho ${periodLabelVi(p.period)}`,
    en: (p: { cohort: number; period: string }) =>
      `one of the ${p.cohort} provinces in force for ${p.period}`,
  },
  'national.unknown-province-arg': {
    vi: (p: { arg: string; suggestions: string; example: string; code: string }) =>
      `Không tìm thấy tỉnh, thành phố "${p.arg}".${p.suggestions} Hãy ghi tên tỉnh, thành phố ` +
      `(ví dụ "${p.example}", "UBND tỉnh ${p.example}") hoặc mã 2 chữ số ("${p.code}").`,
    en: (p: { arg: string; suggestions: string; example: string; code: string }) =>
      `unknown province "${p.arg}".${p.suggestions} Give its name ("${p.example}", "UBND tỉnh ${p.example}") ` +
      `or its 2-digit code ("${p.code}").`,
  },
  'national.period-conflict': {
    vi: (p: { fromName: string; fromTitle: string; title: string }) =>
      `Tên tệp ghi kỳ ${periodLabelVi(p.fromName)} nhưng dòng tiêu đề ("${p.title}") ghi ` +
      `${periodLabelVi(p.fromTitle)}: không rõ số liệu thuộc kỳ nào nên tệp không được nhận. ` +
      `Nếu số liệu là của ${periodLabelVi(p.fromTitle)}, hãy đổi tên tệp cho khớp (ghi ${p.fromTitle} thay cho ${p.fromName}); ` +
      `nếu là của ${periodLabelVi(p.fromName)}, hãy sửa dòng tiêu đề. Sau đó thả lại tệp vào thư mục inbox.`,
    en: (p: { fromName: string; fromTitle: string; title: string }) =>
      `The file name says ${p.fromName} but the title ("${p.title}") says ${p.fromTitle}: it is not clear ` +
      `which period the figures are for, so the file was not taken. If they are for ${p.fromTitle}, rename ` +
      `the file (${p.fromTitle} instead of ${p.fromName}); if they are for ${p.fromName}, correct the title. ` +
      'Then drop the file into the inbox again.',
  },
  'national.period-conflict-expected': {
    vi: 'tên tệp và dòng tiêu đề ghi cùng một kỳ',
    en: 'the file name and the title naming the same period',
  },
  /** The same in file_events: no time in it, so a re-run after a crash records the same text. */
  'national.duplicate-of-record': {
    vi: (p: { file: string; id: number }) =>
      `trùng từng byte với tệp "${p.file}" đã được nhận (tệp nguồn số ${p.id})`,
    en: (p: { file: string; id: number }) =>
      `same bytes as "${p.file}", already ingested (source file ${p.id})`,
  },
  'national.duplicate-of': {
    vi: (p: { file: string; at: string }) =>
      `trùng từng byte với tệp "${p.file}" đã được nhận lúc ${p.at}; tệp này không được nhận lại`,
    en: (p: { file: string; at: string }) =>
      `same bytes as "${p.file}", ingested at ${p.at}; this copy was not taken again`,
  },
} satisfies Catalog
