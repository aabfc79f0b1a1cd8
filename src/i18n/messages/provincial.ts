import type { Catalog } from '../catalog.ts'

/**
 * The provincial one-stop tables (src/provincial/): rejections, the `expected` of a bad cell, and
 * the findings stored with an accepted table. Column letters, figures and unit names come in as
 * parameters; "Đạt" is the exporter's own word.
 */
export const provincial = {
  'prov.who.unit': {
    vi: (p: { row: number; name: string }) => `Dòng ${p.row} (${p.name})`,
    en: (p: { row: number; name: string }) => `Row ${p.row} (${p.name})`,
  },
  'prov.who.totals': {
    vi: (p: { row: number }) => `Dòng tổng cộng ${p.row}`,
    en: (p: { row: number }) => `Totals row ${p.row}`,
  },
  'prov.bad-cell': {
    vi: (p: { who: string; column: string; expected: string }) =>
      `${p.who}: ô "${p.column}" phải là ${p.expected}.`,
    en: (p: { who: string; column: string; expected: string }) =>
      `${p.who}: "${p.column}" should hold ${p.expected}.`,
  },
  // numbers.ts
  'prov.count.negative': {
    vi: 'một số lượng (số nguyên ≥ 0)',
    en: 'a count (a whole number ≥ 0)',
  },
  'prov.count.fraction': {
    vi: 'một số lượng (số nguyên, ví dụ 1.234 = một nghìn hai trăm ba mươi tư)',
    en: 'a count (a whole number such as 1.234 = one thousand two hundred thirty-four)',
  },
  'prov.count.text': {
    vi: 'một số lượng viết như 1.234 hoặc 1234 (số nguyên; dấu "." ngăn cách hàng nghìn)',
    en: 'a count written like 1.234 or 1234 (a whole number; "." separates thousands)',
  },
  'prov.money.negative': { vi: 'một số tiền VNĐ ≥ 0', en: 'an amount in VNĐ ≥ 0' },
  'prov.money.fraction': { vi: 'một số tiền VNĐ chẵn đồng', en: 'an amount in whole VNĐ' },
  'prov.money.text': {
    vi: 'một số tiền VNĐ viết như 1,250,000',
    en: 'an amount in VNĐ written like 1,250,000',
  },
  'prov.rate.number': { vi: 'một tỷ lệ như 96,39%', en: 'a rate such as 96.39%' },
  'prov.rate.text': {
    vi: 'một tỷ lệ như 96,39%, số 0 hoặc để trống',
    en: 'a rate such as 96.39%, 0 or empty',
  },
  // table-body.ts
  'prov.extra-totals-row': {
    vi: (p: { row: number; label: string; first: number }) =>
      `Dòng ${p.row} là dòng tổng cộng thứ hai ("${p.label}"); chỉ dòng đầu tiên (dòng ${p.first}) được kiểm tra.`,
    en: (p: { row: number; label: string; first: number }) =>
      `Row ${p.row} is a second totals row ("${p.label}"); only the first (row ${p.first}) is checked.`,
  },
  'prov.no-unit-name': {
    vi: (p: { row: number; column: string; header: string }) =>
      `Dòng ${p.row} có số liệu nhưng không có tên đơn vị ở cột ${p.column} "${p.header}".`,
    en: (p: { row: number; column: string; header: string }) =>
      `Row ${p.row} has figures but no unit name in column ${p.column} "${p.header}".`,
  },
  'prov.no-unit-name.expected': {
    vi: 'tên của sở, ngành hoặc xã, phường',
    en: 'the name of the agency or commune',
  },
  'prov.no-unit-rows': {
    vi: (p: { table: string }) =>
      `Tệp ${p.table} có dòng tiêu đề cột nhưng không có dòng đơn vị nào bên dưới.`,
    en: (p: { table: string }) => `The ${p.table} has a header but no unit rows under it.`,
  },
  'prov.no-unit-rows.expected': {
    vi: 'mỗi sở, ngành, huyện hoặc xã, phường một dòng',
    en: 'one row per agency, district or commune',
  },
  // table-unit-identity.ts
  'prov.code-twice': {
    vi: (p: { code: string; first: number; row: number }) =>
      `Mã định danh ${p.code} xuất hiện hai lần (dòng ${p.first} và ${p.row}); mỗi đơn vị chỉ được có một dòng trong bảng.`,
    en: (p: { code: string; first: number; row: number }) =>
      `The agency code ${p.code} appears twice (rows ${p.first} and ${p.row}); each unit must appear once per table.`,
  },
  'prov.name-twice': {
    vi: (p: { row: number; name: string; first: number; n: number }) =>
      `Dòng ${p.row}: "${p.name}" trùng tên với dòng ${p.first} và không có mã định danh để phân biệt; được giữ thành một đơn vị riêng "${p.name} #${p.n}". Hãy thêm cột "Mã định danh" khi xuất bảng để ghép đơn vị cho chắc chắn.`,
    en: (p: { row: number; name: string; first: number; n: number }) =>
      `Row ${p.row}: "${p.name}" has the same name as row ${p.first} and there is no agency code to tell them apart; it is kept as a separate unit "${p.name} #${p.n}". Add the "Mã định danh" column to the export to match units reliably.`,
  },
  // table-counts.ts
  'prov.mangled': {
    vi: 'Bảng tính này đã được Excel lưu lại với cách ghi số kiểu Anh (Mỹ): các số lượng như "1.234" đã thành số thập phân (1,234); qd766 đọc lại thành hàng nghìn (1234). Một số lượng như "2.000" bị Excel đổi thành 2 chỉ khôi phục được khi các tổng của chính dòng đó cho thấy; hãy xem các phát hiện bên dưới.',
    en: 'This workbook was re-saved by Excel with English (US) number settings: counts such as "1.234" had become decimals (1.234); qd766 read them back as thousands (1234). A count like "2.000" that Excel turned into 2 can only be recovered where the row\'s own sums show it; check any finding below.',
  },
  'prov.mangled.read-as': {
    vi: (p: { column: string; read: string; was: string }) =>
      `${p.column} đọc được ${p.read}, vốn là "${p.was}.000"`,
    en: (p: { column: string; read: string; was: string }) =>
      `${p.column} read as ${p.read} was "${p.was}.000"`,
  },
  'prov.mangled.repaired': {
    vi: (p: { who: string; cells: string; invariants: string }) =>
      `${p.who}: ${p.cells} (Excel kiểu Mỹ làm mất hàng nghìn); qd766 đã nhân 1000, cách đọc duy nhất để ${p.invariants} đúng.`,
    en: (p: { who: string; cells: string; invariants: string }) =>
      `${p.who}: ${p.cells} (en-US Excel dropped the thousands); qd766 used ×1000, the only reading for which ${p.invariants} hold.`,
  },
  'prov.mangled.ambiguous': {
    vi: (p: { who: string; candidates: string }) =>
      `${p.who}: một số số lượng có thể đã mất hàng nghìn khi Excel kiểu Mỹ lưu lại, và có hơn một cách sửa khớp (${p.candidates}); giữ nguyên giá trị như đã đọc. Hãy xuất lại bảng dạng HTML/.xls, hoặc lưu lại với cách ghi số kiểu Việt Nam.`,
    en: (p: { who: string; candidates: string }) =>
      `${p.who}: some counts may have lost their thousands in an en-US Excel re-save, and more than one correction fits (${p.candidates}); the values are kept as read. Re-export the table as HTML/.xls, or re-save it with Vietnamese number settings.`,
  },
  'prov.or': { vi: ' hoặc ', en: ' or ' },
  'prov.invariant-failed': {
    vi: (p: { who: string; invariant: string; lhs: string; rhs: string; mangled: boolean }) =>
      `${p.who}: ${p.invariant} không đúng (${p.lhs}; ${p.rhs}). Số liệu được giữ nguyên như bảng xuất.${p.mangled ? ' (Bảng tính có dấu hiệu bị Excel kiểu Mỹ đổi số; một số lượng như "2.000" có thể đã thành 2.)' : ''}`,
    en: (p: { who: string; invariant: string; lhs: string; rhs: string; mangled: boolean }) =>
      `${p.who}: ${p.invariant} does not hold (${p.lhs}; ${p.rhs}). The figures are kept as exported.${p.mangled ? ' (The workbook shows en-US number mangling; a count like "2.000" may have become 2.)' : ''}`,
  },
  // table-indicators.ts
  'prov.rate-mismatch': {
    vi: (p: { who: string; column: string; exported: string; what: string; formula: string }) =>
      `${p.who}, cột ${p.column}: bảng xuất ghi ${p.exported} cho ${p.what}, nhưng ${p.formula}; qd766 dùng tỷ lệ tính lại.`,
    en: (p: { who: string; column: string; exported: string; what: string; formula: string }) =>
      `${p.who}, column ${p.column}: the export says ${p.exported} for ${p.what}, but ${p.formula}; qd766 uses the recomputed rate.`,
  },
  'prov.empty': { vi: '(trống)', en: '(empty)' },
  'prov.no-base': { vi: ' (mẫu số bằng 0)', en: ' (no base)' },
  'prov.complement-mismatch': {
    vi: (p: { who: string; column: string; a: string; b: string; of: string }) =>
      `${p.who}, cột ${p.column}: ${p.a}% không bằng 100 − ${p.b}% (cột ${p.of}).`,
    en: (p: { who: string; column: string; a: string; b: string; of: string }) =>
      `${p.who}, column ${p.column}: ${p.a}% is not 100 − ${p.b}% (column ${p.of}).`,
  },
  'prov.rating-mismatch': {
    vi: (p: {
      who: string
      column: string
      what: string
      value: string
      formula: string
      expected: string
      threshold: number
    }) =>
      `${p.who}, cột ${p.column}: bảng xuất xếp ${p.what} là "${p.value}", nhưng ${p.formula} cho "${p.expected}" (Đạt từ ${p.threshold}%).`,
    en: (p: {
      who: string
      column: string
      what: string
      value: string
      formula: string
      expected: string
      threshold: number
    }) =>
      `${p.who}, column ${p.column}: the export rates ${p.what} "${p.value}", but ${p.formula} gives "${p.expected}" (Đạt from ${p.threshold}%).`,
  },
  'prov.totals-mismatch': {
    vi: (p: { row: number; column: string; header: string; reported: number; units: number; sum: number }) =>
      `Dòng tổng cộng ${p.row}, cột ${p.column} "${p.header}": tổng của bảng xuất ${p.reported} không bằng tổng của ${p.units} đơn vị (${p.sum}); dùng số liệu của các đơn vị và tính lại tổng của tỉnh từ đó.`,
    en: (p: { row: number; column: string; header: string; reported: number; units: number; sum: number }) =>
      `Totals row ${p.row}, column ${p.column} "${p.header}": the export's total ${p.reported} is not the sum of the ${p.units} units (${p.sum}); unit figures are used and the province total is recomputed from them.`,
  },
  'prov.payment.h-over-c': {
    vi: 'Tỷ lệ trong bảng xuất là H / C: hệ thống một cửa chia số hồ sơ cho số thủ tục có phí (lỗi đã biết của phần mềm xuất).',
    en: 'The exported rate is H / C: the one-stop system divides dossiers by the number of fee procedures (a known exporter bug).',
  },
  // title.ts
  'prov.as-of-before-period': {
    vi: (p: { period: string; asOf: string }) =>
      `Tên tệp ghi kỳ ${p.period} nhưng ngày lấy số liệu ${p.asOf} lại trước ngày bắt đầu kỳ.`,
    en: (p: { period: string; asOf: string }) =>
      `The file name gives the period ${p.period} but a reading date ${p.asOf} before it starts.`,
  },
  'prov.date-on-or-after': {
    vi: (p: { date: string }) => `một ngày từ ${p.date} trở đi`,
    en: (p: { date: string }) => `a date on or after ${p.date}`,
  },
  'prov.range-not-period': {
    vi: (p: { range: string; from: string; to: string }) =>
      `Khoảng ngày ở tiêu đề "${p.range}" (${p.from} đến ${p.to}) không phải một tháng, một quý hay từ đầu năm đến nay, nên không so sánh được với số liệu của Cổng. Hãy xuất lại từ ngày 1 của một tháng, quý hoặc năm, hoặc ghi kỳ vào tên tệp (ví dụ "…-2025-Q3.xls").`,
    en: (p: { range: string; from: string; to: string }) =>
      `The title's range "${p.range}" (${p.from} to ${p.to}) is not a month, a quarter or a year-to-date, so its figures cannot be compared with the portal's. Export again from the 1st day of a month, quarter or year, or name the period in the file name (e.g. "…-2025-Q3.xls").`,
  },
  'prov.range-not-period.expected': {
    vi: 'một khoảng ngày bắt đầu từ ngày 1 của tháng/quý/năm',
    en: 'a range starting on the 1st of a month/quarter/year',
  },
  'prov.no-period': {
    vi: (p: { table: string; key: string }) =>
      `Tệp ${p.table} không có dòng kỳ "(Từ ngày … đến ngày …)": hệ thống một cửa xuất bảng mà không kèm các ngày đã chọn trên màn hình, còn ngày trong tên tệp xuất ra chỉ là ngày lưu tệp. ` +
      `Hãy ghi kỳ vào tên tệp rồi thả lại vào thư mục inbox, ví dụ "${p.key}-2025-Q3.xls" (một quý), "${p.key}-2025-08.xls" (một tháng) hoặc ` +
      `"${p.key}-2025.xls" (từ đầu năm đến nay); thêm ngày lấy số liệu dạng "…-2025-Q3-2025-10-05.xls" nếu kỳ chưa kết thúc.`,
    en: (p: { table: string; key: string }) =>
      `This ${p.table} has no period line "(Từ ngày … đến ngày …)": the one-stop system exports it without ` +
      'the dates you picked on screen, and the date in the exported file name is only when it was saved. ' +
      'Put the period into the file name and drop it into the inbox again, e.g. ' +
      `"${p.key}-2025-Q3.xls" (a quarter), "${p.key}-2025-08.xls" (a month) or ` +
      `"${p.key}-2025.xls" (the year to date); add the reading date as "…-2025-Q3-2025-10-05.xls" if ` +
      'the period was still open.',
  },
  'prov.no-period.expected': {
    vi: 'một kỳ ghi ở tiêu đề hoặc tên tệp (2025, 2025-Q3, 2025-08)',
    en: 'a period in the title or the file name (2025, 2025-Q3, 2025-08)',
  },
  'prov.config-province-unknown': {
    vi: (p: { value: string; cohort: number }) =>
      `qd766.config.json ghi "province": "${p.value}", không phải một trong ${p.cohort} tỉnh, thành phố áp dụng cho kỳ của tệp này. ` +
      'Hãy ghi tên ("Thanh Hóa") hoặc mã 2 chữ số của Tổng cục Thống kê ("38") của tỉnh mình.',
    en: (p: { value: string; cohort: number }) =>
      `qd766.config.json sets "province": "${p.value}", which is not one of the ${p.cohort} provinces in force for this file's period. ` +
      'Write the name ("Thanh Hóa") or the 2-digit GSO code ("38") of your province.',
  },
  'prov.config-province-unknown.expected': {
    vi: (p: { cohort: number }) => `một tỉnh, thành phố trong danh sách ${p.cohort} tỉnh`,
    en: (p: { cohort: number }) => `a province of the ${p.cohort}-province list`,
  },
  'prov.no-province': {
    vi:
      'Bảng của tỉnh này không cho biết là của tỉnh nào: không có dòng "UBND TỈNH …" phía trên tiêu đề và không có mã định danh nào chỉ ra tỉnh. ' +
      'Hãy ghi tỉnh của văn phòng một lần trong qd766.config.json, ví dụ { "province": "Thanh Hóa" } (tên hoặc mã 2 chữ số của Tổng cục Thống kê), rồi thả lại tệp vào thư mục inbox.',
    en:
      'This provincial table does not say which province it is for: there is no "UBND TỈNH …" line above ' +
      "the title and no agency code that names the province. Set your office's province once in " +
      'qd766.config.json, e.g. { "province": "Thanh Hóa" } (a name or the 2-digit GSO code), then drop the ' +
      'file into the inbox again.',
  },
  'prov.no-province.expected': {
    vi: 'một dòng tiêu đề "UBND TỈNH …" hoặc "province" trong qd766.config.json',
    en: 'a "UBND TỈNH …" title row or "province" in qd766.config.json',
  },
  // estimate.ts
  'prov.estimate.no-rules': {
    vi: 'không phiên bản phương pháp tính nào có quy tắc theo chỉ tiêu',
    en: 'no methodology version has metric rules',
  },
  'prov.estimate.approx': {
    vi: (p: { id: string; date: string; other: string }) =>
      `${p.id} (áp dụng ngày ${p.date}) không có quy tắc theo chỉ tiêu; dùng tạm quy tắc của ${p.other} để ước tính.`,
    en: (p: { id: string; date: string; other: string }) =>
      `${p.id} (in force on ${p.date}) has no metric-level rules; ${p.other}'s rules are applied as an approximation.`,
  },
} satisfies Catalog
