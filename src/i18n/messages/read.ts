import type { Catalog } from '../catalog.ts'

/**
 * The readers of src/read/: why a file cannot be opened (format, size, damage, password) and the
 * `expected` / `found` of `.error.json`. Numbers come in already formatted by the caller.
 */
export const read = {
  'read.at-most-bytes': {
    vi: (p: { n: string }) => `tối đa ${p.n} byte`,
    en: (p: { n: string }) => `at most ${p.n} bytes`,
  },
  'read.at-most-bytes-unpacked': {
    vi: (p: { n: string }) => `tối đa ${p.n} byte khi giải nén`,
    en: (p: { n: string }) => `at most ${p.n} bytes uncompressed`,
  },
  'read.bytes': { vi: (p: { n: string }) => `${p.n} byte`, en: (p: { n: string }) => `${p.n} bytes` },
  'read.at-most-columns': {
    vi: (p: { n: number }) => `tối đa ${p.n} cột`,
    en: (p: { n: number }) => `at most ${p.n} columns`,
  },
  'read.columns': { vi: (p: { n: number }) => `${p.n} cột`, en: (p: { n: number }) => `${p.n} columns` },
  'read.at-most-rows': {
    vi: (p: { n: number }) => `tối đa ${p.n} dòng`,
    en: (p: { n: number }) => `at most ${p.n} rows`,
  },
  'read.at-most-cells': {
    vi: (p: { n: number }) => `tối đa ${p.n} ô`,
    en: (p: { n: number }) => `at most ${p.n} cells`,
  },
  'read.blank-text': { vi: 'chỉ có khoảng trắng', en: 'blank text' },
  /** `what` is one of read.what.* (the file, the table, the sheet). */
  'read.too-many-rows': {
    vi: (p: { what: string; n: number }) => `${p.what} có hơn ${p.n} dòng, quá giới hạn của một trang tính.`,
    en: (p: { what: string; n: number }) => `${p.what} has more than ${p.n} rows, the limit for one sheet.`,
  },
  'read.too-many-cells': {
    vi: (p: { what: string; n: number }) =>
      `${p.what} có hơn ${p.n} ô có dữ liệu, quá giới hạn của một trang tính.`,
    en: (p: { what: string; n: number }) =>
      `${p.what} has more than ${p.n} filled cells, the limit for one sheet.`,
  },
  'read.what.file': { vi: 'Tệp', en: 'The file' },
  'read.what.table': { vi: 'Bảng', en: 'The table' },
  'read.what.sheet': { vi: 'Trang tính', en: 'The sheet' },
  'read.encrypted': {
    vi: 'Bảng tính có đặt mật khẩu (đã mã hoá). Hãy bỏ mật khẩu trong Excel rồi lưu lại dạng .xlsx.',
    en: 'The workbook is password-protected (encrypted). Remove the password in Excel and save it again as .xlsx.',
  },
  'read.encrypted.found': { vi: 'tài liệu Office đã mã hoá', en: 'encrypted Office document' },
  'read.encrypted-entry.found': {
    vi: (p: { name: string }) => `phần ${p.name} của tệp zip đã mã hoá`,
    en: (p: { name: string }) => `encrypted zip entry ${p.name}`,
  },
  // biff.ts
  'read.biff.no-soffice': {
    vi: 'Đây là tệp .xls nhị phân cũ (Excel 97-2003) và máy chưa cài LibreOffice để chuyển đổi. Hãy mở tệp bằng Excel, lưu lại dạng .xlsx (Excel Workbook) rồi thả lại vào thư mục inbox.',
    en: 'This is an old binary Excel 97-2003 .xls file and LibreOffice is not installed to convert it. Open it in Excel and save it as .xlsx (Excel Workbook), then drop it in the inbox again.',
  },
  'read.biff.failed': {
    vi: 'LibreOffice không chuyển đổi được tệp .xls nhị phân cũ (Excel 97-2003) này. Hãy mở tệp bằng Excel, lưu lại dạng .xlsx (Excel Workbook) rồi thả lại vào thư mục inbox.',
    en: 'LibreOffice could not convert this old binary Excel 97-2003 .xls file. Open it in Excel and save it as .xlsx (Excel Workbook), then drop it in the inbox again.',
  },
  'read.biff.timed-out': {
    vi: (p: { s: number }) => `quá thời gian sau ${p.s} giây`,
    en: (p: { s: number }) => `timed out after ${p.s} s`,
  },
  'read.biff.exited': {
    vi: (p: { code: string; output: string }) => `soffice kết thúc với mã ${p.code}: ${p.output}`,
    en: (p: { code: string; output: string }) => `soffice exited with ${p.code}: ${p.output}`,
  },
  'read.biff.no-output': {
    vi: 'LibreOffice không tạo ra tệp .xlsx nào',
    en: 'LibreOffice produced no .xlsx file',
  },
  'read.biff.found': { vi: 'tệp .xls nhị phân (BIFF)', en: 'binary .xls (BIFF)' },
  // csv.ts
  'read.csv.stray-byte.found': {
    vi: (p: { byte: string; offset: number; count: number }) =>
      `byte ${p.byte} ở vị trí ${p.offset} (${p.count} byte không hợp lệ)`,
    en: (p: { byte: string; offset: number; count: number }) =>
      `byte ${p.byte} at offset ${p.offset} (${p.count} invalid byte(s))`,
  },
  'read.csv.too-many-columns': {
    vi: (p: { line: number; n: number; limit: number }) =>
      `Dòng ${p.line} có ${p.n} cột, quá giới hạn ${p.limit} cột.`,
    en: (p: { line: number; n: number; limit: number }) =>
      `Line ${p.line} has ${p.n} columns, more than the limit of ${p.limit}.`,
  },
  'read.csv.unclosed-quote': {
    vi: 'Tệp CSV có một ô mở dấu ngoặc kép mà không đóng (thừa một ký tự "). Hãy sửa lại hoặc xuất lại tệp.',
    en: 'The CSV file has a quoted field that is never closed (a stray " character). Fix it or export the file again.',
  },
  'read.csv.unparsable': {
    vi: (p: { detail: string }) => `Không đọc được tệp CSV: ${p.detail}`,
    en: (p: { detail: string }) => `The CSV file could not be parsed: ${p.detail}`,
  },
  // html.ts
  'read.html.too-many-columns': {
    vi: (p: { n: number; limit: number }) => `Bảng có ${p.n} cột, quá giới hạn ${p.limit} cột.`,
    en: (p: { n: number; limit: number }) =>
      `The table has ${p.n} columns, more than the limit of ${p.limit}.`,
  },
  // open.ts, sniff.ts
  'read.accepted': {
    vi: 'bảng tính Excel (.xlsx), văn bản CSV (UTF-8, UTF-16 "Unicode text" hoặc Windows-1258), tệp ".xls" dạng HTML xuất từ hệ thống một cửa của tỉnh, JSON, và tệp .xls nhị phân cũ khi máy có cài LibreOffice',
    en: 'Excel workbook (.xlsx), CSV text (UTF-8, UTF-16 "Unicode text" or Windows-1258), the HTML ".xls" exports of the provincial one-stop systems, JSON, and old binary .xls when LibreOffice is installed',
  },
  'read.unknown-format': {
    vi: (p: { what: string; accepted: string }) =>
      `Không đọc được tệp này: đây là ${p.what}. Các loại tệp được nhận: ${p.accepted}.`,
    en: (p: { what: string; accepted: string }) =>
      `This file cannot be read: it is ${p.what}. Accepted: ${p.accepted}.`,
  },
  'read.json.at': {
    vi: (p: { line: number; column: number }) => ` ở dòng ${p.line}, cột ${p.column}`,
    en: (p: { line: number; column: number }) => ` at line ${p.line}, column ${p.column}`,
  },
  'read.json.invalid': {
    vi: (p: { where: string; detail: string }) => `Tệp JSON không đúng cú pháp JSON${p.where}: ${p.detail}`,
    en: (p: { where: string; detail: string }) => `The JSON file is not valid JSON${p.where}: ${p.detail}`,
  },
  'read.content.pdf': { vi: 'một tài liệu PDF', en: 'a PDF document' },
  'read.content.gzip': { vi: 'một tệp nén gzip', en: 'a gzip archive' },
  'read.content.rar': { vi: 'một tệp nén RAR', en: 'a RAR archive' },
  'read.content.7z': { vi: 'một tệp nén 7-Zip', en: 'a 7-Zip archive' },
  'read.content.png': { vi: 'một ảnh PNG', en: 'a PNG image' },
  'read.content.jpeg': { vi: 'một ảnh JPEG', en: 'a JPEG image' },
  'read.content.rtf': { vi: 'một văn bản RTF', en: 'an RTF document' },
  'read.content.zip': { vi: 'một tệp nén zip', en: 'a zip archive' },
  'read.content.spreadsheet-ml': {
    vi: 'một bảng tính XML của Excel 2003',
    en: 'an Excel 2003 XML Spreadsheet',
  },
  'read.content.markup': {
    vi: 'một văn bản XML/HTML không có bảng',
    en: 'an XML/markup document without a table',
  },
  'read.content.binary': { vi: 'dữ liệu nhị phân', en: 'binary data' },
  // xlsx.ts
  'read.xlsx.too-large': {
    vi: (p: { found: string; limit: string }) =>
      `Tệp quá lớn để nhận: dung lượng tệp là ${p.found}, giới hạn là ${p.limit}.`,
    en: (p: { found: string; limit: string }) =>
      `The file is too large to import: the file size is ${p.found}, the limit is ${p.limit}.`,
  },
  'read.at-most': { vi: (p: { n: string }) => `tối đa ${p.n}`, en: (p: { n: string }) => `at most ${p.n}` },
  'read.xlsx.zip-not-workbook': {
    vi: 'một tệp nén zip không phải bảng tính Excel',
    en: 'a zip archive that is not an Excel workbook',
  },
  'read.xlsx.zip-not-workbook.hint': {
    vi: 'Hãy xuất số liệu từ Excel dạng .xlsx (Excel Workbook) rồi thả tệp đó vào thư mục inbox.',
    en: 'Export the data from Excel as .xlsx (Excel Workbook) and drop that file in the inbox.',
  },
  'read.xlsx.xlsb': { vi: 'một bảng tính nhị phân Excel (.xlsb)', en: 'an Excel Binary Workbook (.xlsb)' },
  'read.xlsx.xlsb.hint': {
    vi: 'Hãy mở tệp bằng Excel và lưu lại dạng .xlsx (Excel Workbook).',
    en: 'Open it in Excel and save it as .xlsx (Excel Workbook).',
  },
  'read.xlsx.ods': { vi: 'một tệp OpenDocument (.ods)', en: 'an OpenDocument file (.ods)' },
  'read.xlsx.ods.hint': {
    vi: 'Hãy mở tệp bằng LibreOffice hoặc Excel và lưu lại dạng .xlsx (Excel Workbook).',
    en: 'Open it in LibreOffice or Excel and save it as .xlsx (Excel Workbook).',
  },
  'read.xlsx.word': { vi: 'một văn bản Word', en: 'a Word document' },
  'read.xlsx.powerpoint': { vi: 'một bản trình chiếu PowerPoint', en: 'a PowerPoint presentation' },
  'read.xlsx.not-workbook': {
    vi: (p: { what: string; hint: string }) => `Tệp này là ${p.what}, không phải bảng tính .xlsx. ${p.hint}`,
    en: (p: { what: string; hint: string }) => `This file is ${p.what}, not an .xlsx workbook. ${p.hint}`,
  },
  'read.xlsx.workbook': { vi: 'bảng tính .xlsx', en: '.xlsx workbook' },
  'read.xlsx.zip-bomb': {
    vi: (p: { size: string; limit: string }) =>
      `Bảng tính khi giải nén lên tới ${p.size} byte, quá giới hạn ${p.limit} byte (tệp quá khổ hoặc "bom zip" độc hại). Hãy tách số liệu thành các tệp nhỏ hơn.`,
    en: (p: { size: string; limit: string }) =>
      `The workbook unpacks to ${p.size} bytes, more than the limit of ${p.limit} bytes (an oversized or malicious "zip bomb" file). Split the data into smaller files.`,
  },
  'read.xlsx.part-too-large': {
    vi: (p: { name: string }) => `Phần ${p.name} của bảng tính lớn hơn 4 GB.`,
    en: (p: { name: string }) => `The part ${p.name} is larger than 4 GB.`,
  },
  'read.xlsx.bad-sheet': {
    vi: (p: { sheet: string }) =>
      `Không đọc được trang tính "${p.sheet}" (XML của trang tính bị hỏng). Hãy mở tệp bằng Excel và lưu lại dạng .xlsx.`,
    en: (p: { sheet: string }) =>
      `Sheet "${p.sheet}" could not be read (damaged worksheet XML). Open the file in Excel and save it again as .xlsx.`,
  },
  'read.xlsx.sheet-missing': {
    vi: (p: { sheet: string }) => `thiếu trang tính "${p.sheet}" trong luồng dữ liệu`,
    en: (p: { sheet: string }) => `worksheet "${p.sheet}" missing from the stream`,
  },
  'read.xlsx.column-beyond': {
    vi: (p: { row: number; column: string; limit: number }) =>
      `Dòng ${p.row} có giá trị ở cột ${p.column}, vượt giới hạn ${p.limit} cột.`,
    en: (p: { row: number; column: string; limit: number }) =>
      `Row ${p.row} has a value in column ${p.column}, beyond the limit of ${p.limit} columns.`,
  },
  // xlsx-scan.ts
  'read.scan.closed-tags': {
    vi: 'một trang tính có các thẻ XML được đóng',
    en: 'a worksheet whose tags are closed',
  },
  'read.scan.unclosed.found': {
    vi: (p: { bytes: number }) => `${p.bytes} byte không có dấu '>' đóng thẻ`,
    en: (p: { bytes: number }) => `${p.bytes} bytes without a closing '>'`,
  },
  // limits.ts
  'read.limit.span-cells': {
    vi: (p: { n: number }) => `≤ ${p.n} ô gộp`,
    en: (p: { n: number }) => `≤ ${p.n} span cells`,
  },
  'read.limit.levels': {
    vi: (p: { op: string; n: number }) => `${p.op} ${p.n} cấp lồng nhau`,
    en: (p: { op: string; n: number }) => `${p.op} ${p.n} levels`,
  },
  'read.limit.chars': {
    vi: (p: { op: string; n: number }) => `${p.op}${p.n} ký tự`,
    en: (p: { op: string; n: number }) => `${p.op}${p.n} characters`,
  },
  // zip.ts: the message, then what was wrong (`found`)
  'read.zip.corrupt': {
    vi: 'Tệp không phải bảng tính .xlsx đọc được (tệp zip bị hỏng hoặc bị cắt cụt). Hãy mở tệp bằng Excel và lưu lại dạng .xlsx.',
    en: 'The file is not a readable .xlsx workbook (damaged or truncated zip). Open it in Excel and save it again as .xlsx.',
  },
  'read.zip.eof': {
    vi: (p: { at: number }) => `tệp kết thúc bất ngờ ở byte ${p.at}`,
    en: (p: { at: number }) => `unexpected end of file at byte ${p.at}`,
  },
  'read.zip.too-short': { vi: 'tệp ngắn hơn một tệp zip rỗng', en: 'file shorter than an empty zip' },
  'read.zip.no-eocd': {
    vi: 'không có bản ghi cuối thư mục trung tâm (tệp zip bị cắt cụt)',
    en: 'no end-of-central-directory record (truncated zip)',
  },
  'read.zip.no-zip64-locator': { vi: 'thiếu bộ định vị zip64', en: 'zip64 locator missing' },
  'read.zip.zip64-outside': {
    vi: 'bản ghi cuối zip64 nằm ngoài tệp',
    en: 'zip64 end record outside the file',
  },
  'read.zip.zip64-signature': { vi: 'chữ ký bản ghi cuối zip64 sai', en: 'zip64 end record signature' },
  'read.zip.cd-outside': { vi: 'thư mục trung tâm nằm ngoài tệp', en: 'central directory outside the file' },
  'read.zip.cd-entry': {
    vi: (p: { n: number }) => `mục thứ ${p.n} của thư mục trung tâm`,
    en: (p: { n: number }) => `central directory entry ${p.n}`,
  },
  'read.zip.cd-entry-overruns': {
    vi: (p: { n: number }) => `mục thứ ${p.n} của thư mục trung tâm vượt quá giới hạn`,
    en: (p: { n: number }) => `central directory entry ${p.n} overruns`,
  },
  'read.zip.past-data': {
    vi: (p: { name: string }) => `phần ${p.name} vượt quá vùng dữ liệu`,
    en: (p: { name: string }) => `entry ${p.name} extends past the data area`,
  },
  'read.zip.local-header': {
    vi: (p: { name: string }) => `đầu mục cục bộ của ${p.name}`,
    en: (p: { name: string }) => `local header of ${p.name}`,
  },
  'read.zip.method': {
    vi: (p: { method: number; name: string }) =>
      `phương thức nén ${p.method} không được hỗ trợ cho ${p.name}`,
    en: (p: { method: number; name: string }) => `unsupported compression method ${p.method} for ${p.name}`,
  },
  'read.zip.inflates-past': {
    vi: (p: { name: string; size: number }) => `${p.name} giải nén vượt kích thước khai báo ${p.size} byte`,
    en: (p: { name: string; size: number }) => `${p.name} inflates past its declared size of ${p.size} bytes`,
  },
  'read.zip.size-mismatch': {
    vi: (p: { name: string; got: number; declared: number }) =>
      `${p.name} có ${p.got} byte, khai báo ${p.declared} byte`,
    en: (p: { name: string; got: number; declared: number }) =>
      `${p.name} has ${p.got} bytes, declared ${p.declared}`,
  },
  'read.zip.crc': {
    vi: (p: { name: string }) => `${p.name} sai mã kiểm tra CRC`,
    en: (p: { name: string }) => `${p.name} fails its CRC check`,
  },
  'read.zip.no-data': {
    vi: (p: { name: string }) => `${p.name} không có dữ liệu`,
    en: (p: { name: string }) => `${p.name} has no data`,
  },
} satisfies Catalog
