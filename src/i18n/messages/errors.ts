import type { Catalog } from '../catalog.ts'

/**
 * Errors about a file's content (QdError): where it is, and per code what to do about it — the
 * `hint` of `.error.json`. Throw sites give their own message (from this catalogue where translated);
 * a site that knows better gives its own hint.
 */
export const errors = {
  'error.where.sheet': {
    vi: (p: { sheet: string }) => `trang tính "${p.sheet}"`,
    en: (p: { sheet: string }) => `sheet "${p.sheet}"`,
  },
  'error.where.row': {
    vi: (p: { row: number }) => `dòng ${p.row}`,
    en: (p: { row: number }) => `row ${p.row}`,
  },
  'error.where.column': {
    vi: (p: { column: string }) => `cột ${p.column}`,
    en: (p: { column: string }) => `column ${p.column}`,
  },
  'error.hint.default': {
    vi: 'Sửa tệp (hoặc tên tệp) rồi thả lại vào hộp thư; chưa có gì từ tệp này được lưu.',
    en: 'Fix the file (or its name) and drop it into the inbox again; nothing from it was stored.',
  },
  'error.hint.empty-file': {
    vi: 'Tệp trống: xuất lại từ hệ thống rồi thả tệp mới vào hộp thư.',
    en: 'The file is empty: export it again and drop the new file into the inbox.',
  },
  'error.hint.unknown-format': {
    vi: 'Lưu tệp dưới dạng .xlsx (Excel Workbook), CSV hoặc JSON rồi thả lại vào hộp thư.',
    en: 'Save it as .xlsx (Excel Workbook), CSV or JSON and drop it into the inbox again.',
  },
  'error.hint.not-a-workbook': {
    vi: 'Mở tệp bằng Excel hoặc LibreOffice, lưu lại dạng .xlsx (Excel Workbook) rồi thả vào hộp thư.',
    en: 'Open it in Excel or LibreOffice, save it as .xlsx (Excel Workbook) and drop that file in the inbox.',
  },
  'error.hint.corrupt-file': {
    vi: 'Tệp bị hỏng hoặc chưa tải xong: tải hoặc xuất lại rồi thả tệp mới vào hộp thư.',
    en: 'The file is damaged or incomplete: download or export it again and drop the new file in.',
  },
  'error.hint.too-large': {
    vi: 'Tách tệp thành các tệp nhỏ hơn, hoặc tăng "limits" trong qd766.config.json nếu tệp là thật.',
    en: 'Split the file, or raise "limits" in qd766.config.json if the file is genuine.',
  },
  'error.hint.encoding': {
    vi: 'Lưu lại tệp với mã UTF-8 (Excel: "CSV UTF-8") rồi thả vào hộp thư.',
    en: 'Save the file again as UTF-8 (Excel: "CSV UTF-8") and drop it in.',
  },
  'error.hint.binary-xls': {
    vi: 'Mở tệp bằng Excel và lưu lại dạng .xlsx (Excel Workbook), hoặc cài LibreOffice để qd766 tự chuyển.',
    en: 'Open it in Excel and save it as .xlsx (Excel Workbook), or install LibreOffice so qd766 converts it.',
  },
  'error.hint.unrecognised': {
    vi: 'Kiểm tra đúng là bảng xuất từ hệ thống (dòng tiêu đề cột còn nguyên), rồi thả lại vào hộp thư.',
    en: 'Check that this is an export qd766 reads (its header row intact) and drop it in again.',
  },
  'error.hint.missing-column': {
    vi: 'Thêm cột còn thiếu (hoặc xuất lại bảng đầy đủ cột) rồi thả lại vào hộp thư.',
    en: 'Add the missing column (or export the full table again) and drop it in again.',
  },
  'error.hint.unknown-column': {
    vi: 'Sửa tiêu đề cột cho đúng với bộ chỉ số (tên nhóm và điểm tối đa) rồi thả lại vào hộp thư.',
    en: 'Correct the column header to match the index (group name and maximum) and drop it in again.',
  },
  'error.hint.bad-value': {
    vi: 'Sửa ô được nêu (số, dùng dấu phẩy thập phân như 15,82) rồi thả lại vào hộp thư.',
    en: 'Correct the cell named (a number such as 15,82 or 15.82) and drop the file in again.',
  },
  'error.hint.out-of-range': {
    vi: 'Sửa điểm ở ô được nêu cho nằm trong khoảng 0 đến điểm tối đa của nhóm rồi thả lại vào hộp thư.',
    en: "Correct the score in the cell named to lie between 0 and the group's maximum and drop it in again.",
  },
  'error.hint.unknown-province': {
    vi: 'Sửa tên tỉnh cho đúng chính tả (hoặc kiểm tra kỳ của bảng: danh sách 63 hay 34 tỉnh) rồi thả lại vào hộp thư.',
    en: 'Correct the province name (or check the period: the 63- or 34-province list) and drop it in again.',
  },
  'error.hint.duplicate-province': {
    vi: 'Xoá dòng trùng (mỗi tỉnh chỉ một dòng) rồi thả lại vào hộp thư.',
    en: 'Remove the duplicated row (one row per province) and drop the file in again.',
  },
  'error.hint.missing-period': {
    vi: 'Thêm kỳ vào tên tệp, ví dụ "xep-hang-2026-Q3-2026-10-05.xlsx", hoặc dòng tiêu đề "Quý 3/2026", rồi thả lại vào hộp thư.',
    en: 'Put the period in the file name, e.g. "xep-hang-2026-Q3-2026-10-05.xlsx", or a title "Quý 3/2026", and drop it in again.',
  },
  'error.hint.bad-period': {
    vi: 'Sửa kỳ hoặc ngày số liệu trong tiêu đề hoặc tên tệp cho khớp nhau rồi thả lại vào hộp thư.',
    en: 'Make the period and the reading date in the title or file name agree and drop it in again.',
  },
  'error.hint.inconsistent': {
    vi: 'Các số trong tệp không khớp nhau: kiểm tra với đơn vị xuất bảng, sửa rồi thả lại vào hộp thư.',
    en: 'Figures in the file contradict each other: check with whoever exported it, fix and drop it in again.',
  },
  'error.hint.formula-cell': {
    vi: 'Thay công thức bằng giá trị (Dán đặc biệt → Giá trị) rồi thả lại vào hộp thư.',
    en: 'Replace the formula with its value (Paste Special → Values) and drop it in again.',
  },
  'error.hint.internal': {
    vi: 'Đây là lỗi của qd766, không phải của tệp: báo cho người quản trị kèm tệp .error.json này.',
    en: 'This is a fault in qd766, not in the file: report it with this .error.json.',
  },
  // messages of the common rejections
  'error.period.missing': {
    vi:
      'Không xác định được số liệu thuộc kỳ nào: các dòng tiêu đề không nêu năm, quý hay tháng. ' +
      'Thêm tiêu đề như "Năm 2026", "Quý 3/2026" hoặc "Tháng 8/2026 - tính đến ngày 05/10/2026", hoặc ghi kỳ vào tên tệp, ' +
      'ví dụ "xep-hang-2026-Q3-2026-10-05.xlsx" (kỳ Quý 3/2026, số liệu ngày 05/10/2026).',
    en:
      'Cannot tell which period these figures are for: the title rows name no year, quarter or month. ' +
      'Add a title such as "Năm 2026", "Quý 3/2026" or "Tháng 8/2026 - tính đến ngày 05/10/2026", or put the ' +
      'period in the file name, e.g. "xep-hang-2026-Q3-2026-10-05.xlsx" (period 2026-Q3, read on 2026-10-05).',
  },
  'error.period.missing.expected': {
    vi: 'kỳ trong tiêu đề hoặc tên tệp (2026, 2026-Q3, 2026-08)',
    en: 'a period in the title or file name (2026, 2026-Q3, 2026-08)',
  },
  'error.period.before-start': {
    vi: (p: { asOf: string; period: string; start: string }) =>
      `Ngày số liệu ${p.asOf} trước ngày bắt đầu của kỳ ${p.period} (${p.start}).`,
    en: (p: { asOf: string; period: string; start: string }) =>
      `The reading date ${p.asOf} is before the period ${p.period} starts (${p.start}).`,
  },
  'error.period.before-start.expected': {
    vi: (p: { start: string }) => `một ngày từ ${p.start} trở đi`,
    en: (p: { start: string }) => `a date on or after ${p.start}`,
  },
  'error.province.unknown': {
    vi: (p: { written: string; cohort: number; period: string }) =>
      `Không có tỉnh "${p.written}" trong danh sách ${p.cohort} tỉnh, thành phố của kỳ ${p.period}; kiểm tra lại chính tả.`,
    en: (p: { written: string; cohort: number; period: string }) =>
      `Unknown province "${p.written}". It is not one of the ${p.cohort} provinces of ${p.period}; check the spelling.`,
  },
  'error.province.other-list': {
    vi: (p: { written: string; other: number; period: string; asOf: string; cohort: number }) =>
      `"${p.written}" là tỉnh của danh sách ${p.other} tỉnh, nhưng tệp này thuộc kỳ ${p.period}${p.asOf ? ` (số liệu ngày ${p.asOf})` : ''}, ` +
      `khi áp dụng danh sách ${p.cohort} tỉnh. Kiểm tra kỳ trong tiêu đề hoặc tên tệp.`,
    en: (p: { written: string; other: number; period: string; asOf: string; cohort: number }) =>
      `Unknown province "${p.written}". "${p.written}" is a province of the ${p.other}-province list, but this file is for ${p.period}` +
      `${p.asOf ? ` (read on ${p.asOf})` : ''}, when the ${p.cohort}-province list applies. Check the period in the title or file name.`,
  },
  'error.province.expected': {
    vi: (p: { cohort: number; period: string }) => `một trong ${p.cohort} tỉnh, thành phố của kỳ ${p.period}`,
    en: (p: { cohort: number; period: string }) =>
      `one of the ${p.cohort} provinces in force for ${p.period}`,
  },
  'error.province.no-name': {
    vi: 'Dòng này có điểm nhưng không có tên tỉnh.',
    en: 'This row has scores but no province name.',
  },
  'error.province.no-name.expected': {
    vi: 'tên tỉnh, ví dụ "Hà Nội" hoặc "UBND tỉnh Lào Cai"',
    en: 'a province name such as "Hà Nội" or "UBND tỉnh Lào Cai"',
  },
  'error.province.twice': {
    vi: (p: { name: string; code: string; first: number; row: number }) =>
      `${p.name} (mã ${p.code}) xuất hiện hai lần: dòng ${p.first} và dòng ${p.row}. Mỗi tỉnh chỉ có một dòng trong bảng.`,
    en: (p: { name: string; code: string; first: number; row: number }) =>
      `${p.name} (code ${p.code}) appears twice: rows ${p.first} and ${p.row}. Each province must appear once per table.`,
  },
  'error.table.no-rows': {
    vi: 'Bảng xếp hạng có dòng tiêu đề nhưng không có dòng tỉnh nào bên dưới.',
    en: 'The ranking table has a header but no province rows under it.',
  },
  'error.table.no-rows.expected': { vi: 'mỗi tỉnh một dòng', en: 'one row per province' },
  'error.file.empty': { vi: 'Tệp trống (0 byte).', en: 'The file is empty (0 bytes).' },
  'error.file.blank': {
    vi: 'Tệp không có nội dung (chỉ có khoảng trắng).',
    en: 'The file has no content (only blank space).',
  },
  'error.file.too-large': {
    vi: (p: { size: string; limit: string }) =>
      `Tệp quá lớn để nhận: ${p.size} byte, giới hạn là ${p.limit} byte.`,
    en: (p: { size: string; limit: string }) =>
      `The file is too large to import: ${p.size} bytes, the limit is ${p.limit} bytes.`,
  },
  'error.json.not-utf8': {
    vi: 'Tệp JSON không phải văn bản UTF-8. Hãy lưu lại dạng UTF-8.',
    en: 'The JSON file is not valid UTF-8 text. Save it again as UTF-8.',
  },
  'error.json.empty': { vi: 'Tệp JSON không có nội dung.', en: 'The JSON file has no content.' },
  'error.unrecognised.sheets': {
    vi: (p: { sheets: string; families: string }) =>
      `Không trang tính nào của tệp giống một bảng qd766 đọc được (các trang: ${p.sheets}). ` +
      `qd766 nhận ra bảng qua dòng tiêu đề cột; các loại bảng qd766 đọc:\n${p.families}`,
    en: (p: { sheets: string; families: string }) =>
      `No sheet of this file looks like a table qd766 reads (sheets: ${p.sheets}). ` +
      `qd766 recognises tables by their header row; it reads:\n${p.families}`,
  },
  'error.unrecognised.sheets.expected': {
    vi: 'một dòng tiêu đề cột ghi cột tỉnh/đơn vị và các cột điểm hoặc cột số liệu',
    en: 'a header row naming the province/unit column and score or count columns',
  },
  'error.unrecognised.json': {
    vi: (p: { families: string }) =>
      `Tệp JSON này không phải số liệu Cổng mà qd766 biết. qd766 đọc:\n${p.families}`,
    en: (p: { families: string }) =>
      `This JSON is not a portal capture qd766 knows. qd766 reads:\n${p.families}`,
  },
} satisfies Catalog
