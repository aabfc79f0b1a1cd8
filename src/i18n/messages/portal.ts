import type { Catalog } from '../catalog.ts'

/**
 * Portal captures (src/portal/, pipelines/portal-capture.ts): rejections of a capture file, their
 * `expected` / `found`, and the warnings kept with an accepted capture. JSON keys, endpoint names
 * and paths ("data.evaluation[3]") stay as the portal writes them.
 */
export const portal = {
  'portal.naming-hint': {
    vi: 'Hãy lưu số liệu kèm phần bao {"request": {"endpoint", "payload"}, "capturedAt", "response"}, hoặc đặt tên tệp theo endpoint và kỳ, ví dụ "transparency-2026-Q3-2026-10-05.json" (kỳ 2026-Q3, lấy ngày 2026-10-05).',
    en: 'Save the capture with its envelope {"request": {"endpoint", "payload"}, "capturedAt", "response"}, or name the file with the endpoint and period, e.g. "transparency-2026-Q3-2026-10-05.json" (period 2026-Q3, read on 2026-10-05).',
  },
  'portal.value.missing': { vi: 'không có gì (thiếu khoá)', en: 'nothing (the key is missing)' },
  'portal.value.text': {
    vi: (p: { text: string }) => `"${p.text}" (văn bản)`,
    en: (p: { text: string }) => `"${p.text}" (text)`,
  },
  'portal.value.list': { vi: 'một danh sách', en: 'a list' },
  'portal.value.object': { vi: 'một đối tượng', en: 'an object' },
  'portal.value.number': { vi: 'một số', en: 'a number' },
  'portal.value.string': { vi: 'văn bản', en: 'text' },
  'portal.value.other': {
    vi: (p: { value: string; type: string }) => `${p.value} (kiểu ${p.type})`,
    en: (p: { value: string; type: string }) => `${p.value} (${p.type})`,
  },
  'portal.or-null': { vi: ' hoặc null', en: ' or null' },
  'portal.iso-datetime': {
    vi: 'một thời điểm ISO như 2026-10-10T08:00:00+07:00',
    en: 'an ISO date-time such as 2026-10-10T08:00:00+07:00',
  },
  'portal.captured-at.type': {
    vi: (p: { found: string }) => `capturedAt phải là một thời điểm ISO, nhưng là ${p.found}.`,
    en: (p: { found: string }) => `capturedAt should be an ISO date-time, found ${p.found}.`,
  },
  'portal.captured-at.bad': {
    vi: (p: { value: string }) => `capturedAt "${p.value}" không phải một thời điểm ISO.`,
    en: (p: { value: string }) => `capturedAt "${p.value}" is not an ISO date-time.`,
  },
  'portal.request.type': {
    vi: (p: { found: string }) =>
      `request phải là một đối tượng {"endpoint", "payload"}, nhưng là ${p.found}.`,
    en: (p: { found: string }) => `request should be an object {"endpoint", "payload"}, found ${p.found}.`,
  },
  'portal.payload.type': {
    vi: (p: { found: string }) => `request.payload phải là một đối tượng, nhưng là ${p.found}.`,
    en: (p: { found: string }) => `request.payload should be an object, found ${p.found}.`,
  },
  'portal.endpoint.unknown': {
    vi: (p: { endpoint: string; known: string }) =>
      `request.endpoint "${p.endpoint}" không phải endpoint đánh giá mà qd766 đọc (${p.known}).`,
    en: (p: { endpoint: string; known: string }) =>
      `request.endpoint "${p.endpoint}" is not an evaluation endpoint this pipeline reads (${p.known}).`,
  },
  'portal.response.not': {
    vi: (p: { inEnvelope: boolean; found: string; at: string; hint: string }) =>
      `Không phải câu trả lời đánh giá của Cổng: cần {"code": "OK", "data": {...}, "message": "OK"}${p.inEnvelope ? ' trong "response" của phần bao' : ''}, nhưng có ${p.found} ở ${p.at}. ${p.hint}`,
    en: (p: { inEnvelope: boolean; found: string; at: string; hint: string }) =>
      `Not a portal evaluation response: expected {"code": "OK", "data": {...}, "message": "OK"}${p.inEnvelope ? ' inside the envelope\'s "response"' : ''}, found ${p.found} at ${p.at}. ${p.hint}`,
  },
  'portal.response.expected': { vi: 'một câu trả lời có data', en: 'a response object with data' },
  'portal.response.not-ok': {
    vi: (p: { code: string; message: string }) =>
      `Cổng trả lời "${p.code}"${p.message ? ` (${p.message})` : ''} thay vì OK: bản thu thập này không có số liệu. Hãy thu thập lại.`,
    en: (p: { code: string; message: string }) =>
      `The portal answered "${p.code}"${p.message ? ` (${p.message})` : ''} instead of OK: this capture holds no figures. Capture it again.`,
  },
  'portal.endpoint.mismatch': {
    vi: (p: { envelope: string; shape: string }) =>
      `Phần bao ghi endpoint là ${p.envelope}, nhưng câu trả lời trông như ${p.shape}. Hãy kiểm tra câu trả lời này thuộc yêu cầu nào.`,
    en: (p: { envelope: string; shape: string }) =>
      `The envelope says the endpoint is ${p.envelope}, but the response looks like ${p.shape}. Check which request this response belongs to.`,
  },
  'portal.endpoint.unknowable': {
    vi: (p: { hint: string }) =>
      `Không xác định được câu trả lời này từ endpoint đánh giá nào (không có phần bao, không có mã chỉ tiêu hay tham số cây đã biết, tên tệp không ghi). ${p.hint}`,
    en: (p: { hint: string }) =>
      `Cannot tell which evaluation endpoint this response comes from (no envelope, no known metric codes or tree parameters, nothing in the file name). ${p.hint}`,
  },
  'portal.endpoint.name-differs': {
    vi: (p: { name: string; endpoint: string }) =>
      `Tên tệp gợi ý ${p.name} nhưng nội dung là ${p.endpoint}; theo nội dung.`,
    en: (p: { name: string; endpoint: string }) =>
      `The file name suggests ${p.name} but the content is ${p.endpoint}; the content wins.`,
  },
  'portal.schema': {
    vi: (p: { path: string; expected: string; found: string; endpoint: string }) =>
      `${p.path}: cần ${p.expected}, thực tế: ${p.found}. Câu trả lời ${p.endpoint} phải giữ nguyên kiểu dữ liệu của Cổng; hãy lưu lại nguyên văn câu trả lời, không sửa.`,
    en: (p: { path: string; expected: string; found: string; endpoint: string }) =>
      `${p.path}: expected ${p.expected}, found ${p.found}. A ${p.endpoint} response must keep the portal's types; re-save the raw response body without editing it.`,
  },
  'portal.period.name-differs': {
    vi: (p: { name: string; payload: string }) =>
      `Tên tệp ghi ${p.name} nhưng payload của yêu cầu ghi ${p.payload}; theo payload.`,
    en: (p: { name: string; payload: string }) =>
      `The file name says ${p.name} but the request payload says ${p.payload}; the payload wins.`,
  },
  'portal.period.unknowable': {
    vi: (p: { endpoint: string; hint: string }) =>
      `Không xác định được bản thu thập ${p.endpoint} này thuộc kỳ nào. ${p.hint}`,
    en: (p: { endpoint: string; hint: string }) =>
      `Cannot tell which period this ${p.endpoint} capture is for. ${p.hint}`,
  },
  'portal.period.expected': {
    vi: 'payload có timeType/year (hoặc fromDate/toDate), hoặc kỳ ghi trong tên tệp (2026, 2026-Q3, 2026-08)',
    en: 'a request payload with timeType/year (or fromDate/toDate), or a period in the file name (2026, 2026-Q3, 2026-08)',
  },
  'portal.captured-before-period': {
    vi: (p: { asOf: string; period: string; start: string }) =>
      `Ngày thu thập ${p.asOf} trước ngày bắt đầu kỳ ${p.period} (${p.start}).`,
    en: (p: { asOf: string; period: string; start: string }) =>
      `The capture date ${p.asOf} is before the period ${p.period} starts (${p.start}).`,
  },
  'portal.root-differs': {
    vi: (p: { root: string; overview: string }) =>
      `rootDepartmentId của yêu cầu (${p.root}) khác departmentId của phần tổng quan (${p.overview}).`,
    en: (p: { root: string; overview: string }) =>
      `The request's rootDepartmentId ${p.root} differs from the overview's departmentId ${p.overview}.`,
  },
  // capture-period.ts
  'portal.payload.bad': {
    vi: (p: { key: string; found: string; expected: string }) =>
      `${p.key} trong payload của yêu cầu là ${p.found}; cần ${p.expected}.`,
    en: (p: { key: string; found: string; expected: string }) =>
      `The request payload's ${p.key} is ${p.found}; expected ${p.expected}.`,
  },
  'portal.payload.year': { vi: 'một năm như 2026', en: 'a year such as 2026' },
  'portal.payload.quarter': { vi: 'một quý 1-4', en: 'a quarter 1-4' },
  'portal.payload.month': { vi: 'một tháng 1-12', en: 'a month 1-12' },
  'portal.payload.time-type': { vi: 'year, quarter hoặc month', en: 'year, quarter or month' },
  'portal.payload.date': { vi: 'một ngày YYYY-MM-DD', en: 'a date YYYY-MM-DD' },
  'portal.payload.range': {
    vi: (p: { from: string; to: string }) =>
      `Khoảng ${p.from}..${p.to} không phải một tháng, quý hay năm (phải bắt đầu từ ngày đầu tiên và kết thúc trong kỳ đó).`,
    en: (p: { from: string; to: string }) =>
      `The range ${p.from}..${p.to} is not a month, quarter or year (it must start on the first day of one and end inside it).`,
  },
  'portal.payload.range.expected': {
    vi: 'một khoảng tháng, quý hoặc năm',
    en: 'a month, quarter or year range',
  },
  // scoring-input.ts
  'portal.unit.not-found': {
    vi: (p: { who: string; file: string; noCodes: boolean }) =>
      `Không có đơn vị nào có departmentId hoặc departmentCode "${p.who}" trong ${p.file}.${p.noCodes ? ' Các đơn vị không có departmentCode: hãy tìm theo departmentId.' : ''}`,
    en: (p: { who: string; file: string; noCodes: boolean }) =>
      `No unit with departmentId or departmentCode "${p.who}" in ${p.file}.${p.noCodes ? ' Its units carry no departmentCode: look them up by departmentId.' : ''}`,
  },
  'portal.unit.say-which': {
    vi: 'Bản thu thập kết quả dịch vụ liệt kê mọi tỉnh: hãy nói tỉnh nào (departmentId hoặc departmentCode).',
    en: 'A service-results capture lists every province: say which one (departmentId or departmentCode).',
  },
  'portal.unit.no-overview': {
    vi: (p: { file: string }) => `${p.file} không có đơn vị tổng quan.`,
    en: (p: { file: string }) => `${p.file} has no overview unit.`,
  },
  // pipelines/portal-capture.ts
  'portal.province.not-portal-id': {
    vi: (p: { id: string }) =>
      `"${p.id}" không phải mã trên Cổng của một trong 34 tỉnh, thành phố (rootDepartmentId dạng UUID hoặc mã H như H44). `,
    en: (p: { id: string }) =>
      `"${p.id}" is not the portal id of one of the 34 provinces (rootDepartmentId UUID or H-code such as H44). `,
  },
  'portal.province.overview-type': {
    vi: (p: { type: string }) =>
      `Phần tổng quan là một ${p.type}, không phải một tỉnh: hãy thu thập trang của tỉnh (rootDepartmentId = tỉnh).`,
    en: (p: { type: string }) =>
      `The overview is a ${p.type}, not a province: capture the province's page (rootDepartmentId = the province).`,
  },
  'portal.province.check-page': {
    vi: 'Hãy kiểm tra bản thu thập là trang của một tỉnh trong đánh giá theo QĐ 766.',
    en: 'Check that the capture is of a province page of the 766 evaluation.',
  },
  'portal.province.expected': {
    vi: 'rootDepartmentId hoặc mã H của một tỉnh trong danh sách 34 tỉnh, thành phố',
    en: 'a province rootDepartmentId or H-code from the 34-province list',
  },
  'portal.province.mismatch': {
    vi: (p: { a: string; aName: string; b: string; bName: string }) =>
      `${p.a} ghi ${p.aName} nhưng ${p.b} ghi ${p.bName}: câu trả lời này không thuộc yêu cầu được lưu kèm.`,
    en: (p: { a: string; aName: string; b: string; bName: string }) =>
      `${p.a} names ${p.aName} but ${p.b} names ${p.bName}: this response does not belong to the request it is saved with.`,
  },
  'portal.province.unknowable': {
    vi: (p: { endpoint: string; path: string }) =>
      `Không xác định được bản thu thập ${p.endpoint} này là của tỉnh nào: yêu cầu không có rootDepartmentId và ${p.path} không có departmentId hay departmentCode.`,
    en: (p: { endpoint: string; path: string }) =>
      `Cannot tell which province this ${p.endpoint} capture is about: no rootDepartmentId in the request and no departmentId or departmentCode on ${p.path}.`,
  },
  'portal.province.unknowable.expected': {
    vi: 'rootDepartmentId (UUID) hoặc mã H của một tỉnh',
    en: 'a province rootDepartmentId (UUID) or H-code',
  },
  'portal.metric-twice': {
    vi: (p: { code: string; first: string; path: string }) =>
      `Chỉ tiêu ${p.code} xuất hiện hai lần trong cùng một đơn vị (${p.first} và ${p.path}); câu trả lời của Cổng chỉ liệt kê mỗi chỉ tiêu một lần.`,
    en: (p: { code: string; first: string; path: string }) =>
      `Metric ${p.code} appears twice in the same unit (${p.first} and ${p.path}); a portal response lists each metric once.`,
  },
  'portal.negative-count': {
    vi: (p: { at: string; value: number }) => `${p.at}: số lượng không thể âm, nhưng là ${p.value}.`,
    en: (p: { at: string; value: number }) => `${p.at}: a count cannot be negative, found ${p.value}.`,
  },
  'portal.count-or-null': { vi: 'một số lượng ≥ 0 hoặc null', en: 'a count ≥ 0 or null' },
  'portal.summary.not-province': {
    vi: (p: { path: string; name: string; ids: string }) =>
      `${p.path}: "${p.name}" (${p.ids}) không phải một trong 34 tỉnh, thành phố mà Cổng xếp hạng.`,
    en: (p: { path: string; name: string; ids: string }) =>
      `${p.path}: "${p.name}" (${p.ids}) is not one of the 34 provinces the portal ranks.`,
  },
  'portal.summary.twice': {
    vi: (p: { name: string; first: string; path: string }) =>
      `${p.name} xuất hiện hai lần trong bảng tổng hợp toàn quốc (${p.first} và ${p.path}).`,
    en: (p: { name: string; first: string; path: string }) =>
      `${p.name} appears twice in the national summary (${p.first} and ${p.path}).`,
  },
  'portal.unit-twice': {
    vi: (p: { file: string; unit: string; first: string; path: string }) =>
      `${p.file}: đơn vị ${p.unit} xuất hiện hai lần (${p.first} và ${p.path}); dùng lần đầu cho điểm của đơn vị.`,
    en: (p: { file: string; unit: string; first: string; path: string }) =>
      `${p.file}: unit ${p.unit} appears twice (${p.first} and ${p.path}); the first is used for unit scores.`,
  },
  'portal.before-34': {
    vi: (p: { file: string; period: string }) =>
      `${p.file}: kỳ ${p.period} trước khi có danh sách 34 tỉnh, thành phố (07/2025); mã trên Cổng là mã của 34 tỉnh, thành phố nên bản thu thập này được xếp hạng trong 34 tỉnh, thành phố.`,
    en: (p: { file: string; period: string }) =>
      `${p.file}: period ${p.period} is before the 34-province list (07/2025); the portal's ids are 34-province ids, so this capture is ranked among the 34 provinces.`,
  },
} satisfies Catalog
