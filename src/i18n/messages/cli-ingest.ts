import type { Catalog } from '../catalog.ts'

/** `qd766 ingest`, `refresh`, `demo` and `report`: per-file results, summaries, help. */
export const cliIngest = {
  'ingest.summary': {
    vi: 'Xử lý các tệp được nêu, hoặc (không nêu tệp nào) toàn bộ hộp thư, một lần.',
    en: 'Process the given files, or with no file the whole inbox, once.',
  },
  'ingest.details': {
    vi: `
Tệp nêu trên dòng lệnh được sao vào (bản gốc giữ nguyên chỗ cũ); tệp trong hộp thư được chuyển vào
archive/ khi được nhận, hoặc vào rejected/ (nguyên byte, kèm <tên>.error.json) khi bị từ chối.
Cùng một nội dung hai lần được ghi là trùng và không thay đổi gì.
Mã thoát: 0 tất cả được nhận hoặc trùng, 1 có ít nhất một tệp bị từ chối (các tệp khác vẫn được nhận),
2 sai cách dùng/cấu hình, 3 một lượt chạy khác đang làm việc trên thư mục dữ liệu này, 4 lỗi nội bộ.`,
    en: `
Files named on the command line are copied in (the originals stay where they are); inbox files are
moved to archive/ when accepted or to rejected/ (byte-for-byte, with <name>.error.json) when not.
The same bytes twice are recorded as a duplicate and change nothing.
Exit codes: 0 all accepted or duplicate, 1 at least one rejected (the others still landed),
2 usage/configuration error, 3 another run is working on this home, 4 internal error.`,
  },
  'refresh.summary': {
    vi: 'Việc chạy hằng đêm: nhận các tệp trong hộp thư, tính lại điểm, chụp bảng xếp hạng.',
    en: 'The nightly job: ingest the inbox, recompute scores, take ranking snapshots.',
  },
  'refresh.details': {
    vi: `
Đây chính là việc \`qd766 schedule\` chạy. Có thể chạy tay hoặc từ cron bất cứ lúc nào: lượt refresh
thứ hai trên cùng thư mục dữ liệu không chờ mà thoát với mã 3 khi đang có lượt khác chạy.
Mã thoát như \`ingest\`.`,
    en: `
This is exactly what \`qd766 schedule\` runs. Safe to run by hand or from cron at any time: a second
refresh on the same home waits for nothing and exits 3 while one is running.
Exit codes as for \`ingest\`.`,
  },
  'ingest.none': { vi: 'Không có tệp nào cần nhận.', en: 'No files to ingest.' },
  'ingest.h.file': { vi: 'Tệp', en: 'File' },
  'ingest.h.result': { vi: 'Kết quả', en: 'Result' },
  'ingest.h.kind': { vi: 'Loại', en: 'Kind' },
  'ingest.h.rows': { vi: 'Dòng', en: 'Rows' },
  'ingest.h.details': { vi: 'Chi tiết', en: 'Details' },
  'ingest.findings': {
    vi: (p: { n: number; first: string }) => `${p.n} cảnh báo: ${p.first}`,
    en: (p: { n: number; first: string }) => `${p.n} finding(s): ${p.first}`,
  },
  'ingest.province-differs': {
    vi: (p: { province: string; from: 'title' | 'codes'; config: string }) =>
      `Bảng này của ${p.province} (theo ${p.from === 'title' ? 'tiêu đề' : 'mã đơn vị'}), không phải ${p.config} như khai trong qd766.config.json; đã xếp vào ${p.province}.`,
    en: (p: { province: string; from: 'title' | 'codes'; config: string }) =>
      `The table is for ${p.province} (from its ${p.from === 'title' ? 'title' : 'agency codes'}), not ${p.config} as set in qd766.config.json; it is filed under ${p.province}.`,
  },
  'ingest.rejected-detail': {
    vi: (p: { file: string }) => `${p.file} bị từ chối:`,
    en: (p: { file: string }) => `${p.file} was rejected:`,
  },
  'ingest.waiting': {
    vi: (p: { name: string; reason: string }) =>
      `đang chờ: ${p.name} (${p.reason}); sẽ được nhận ở lượt chạy sau`,
    en: (p: { name: string; reason: string }) =>
      `waiting: ${p.name} (${p.reason}); it will be taken on the next run`,
  },
  'ingest.snapshots': {
    vi: (p: { n: number }) => `${p.n} bản chụp bảng xếp hạng mới.`,
    en: (p: { n: number }) => `${p.n} new ranking snapshot(s).`,
  },
  'ingest.rejected-summary': {
    vi: (p: { n: number; dir: string }) =>
      `${p.n} tệp bị từ chối: xem ${p.dir} (mỗi tệp kèm một .error.json).`,
    en: (p: { n: number; dir: string }) => `${p.n} file(s) rejected: see ${p.dir} (each with a .error.json).`,
  },
  'ingest.progress-rows': {
    vi: (p: { rows: string }) => `${p.rows} dòng`,
    en: (p: { rows: string }) => `${p.rows} rows`,
  },
  'demo.summary': {
    vi: 'Tạo một thư mục dữ liệu thử từ các tệp mẫu có sẵn, chạy refresh trên đó, in bảng xếp hạng.',
    en: 'Fill a demo home from the built-in fixtures, run the nightly refresh on it, print the ranking.',
  },
  'demo.details': {
    vi: `
Thư mục dữ liệu thử mặc định là ./demo-data trong thư mục hiện hành (không phải ./data và không theo
$QD766_HOME, để không lẫn với tệp thật); --home THƯ-MỤC chọn chỗ khác. Hộp thư của nó nhận các tệp
xuất được tạo sẵn (bảng 63 tỉnh năm 2024, hai lần số liệu 34 tỉnh năm 2026 có tỉnh bằng điểm và thay
đổi thứ hạng, bảng quý năm nhóm mã Windows-1258, số liệu Cổng của Đắk Lắk, bảng một cửa của Thanh Hóa),
rồi chạy \`refresh\`, \`ranking\` và viết báo cáo cho Đắk Lắk vào reports/.
Sau đó thử: qd766 status --home demo-data, qd766 province "Đắk Lắk" --home demo-data.
  --fresh   xoá thư mục dữ liệu thử trước`,
    en: `
The demo home defaults to ./demo-data in the current directory (not ./data and not $QD766_HOME, so
it never mixes with real files); --home DIR puts it elsewhere. Its inbox gets generated exports (a
63-province 2024 table, two 34-province 2026 readings with a tie and rank changes, a five-group
quarter table in Windows-1258, Đắk Lắk's portal captures, a Thanh Hóa one-stop export), then it runs
\`refresh\`, \`ranking\` and writes Đắk Lắk's reports into reports/.
Afterwards try: qd766 status --home demo-data, qd766 province "Đắk Lắk" --home demo-data.
  --fresh   delete the demo home first`,
  },
  'demo.wrote': {
    vi: (p: { root: string; n: number }) =>
      `Thư mục dữ liệu thử ${p.root}: đã đặt ${p.n} tệp xuất mẫu vào inbox/.`,
    en: (p: { root: string; n: number }) => `Demo home ${p.root}: wrote ${p.n} example exports into inbox/.`,
  },
  'demo.next': {
    vi: (p: { reports: string; root: string }) =>
      `Tiếp theo: mở ${p.reports}, hoặc thử  qd766 province "Đắk Lắk" --home ${p.root}  |  ` +
      `qd766 province "Thanh Hóa" --units --home ${p.root}  |  qd766 status --home ${p.root}`,
    en: (p: { reports: string; root: string }) =>
      `Next: open ${p.reports}, or try  qd766 province "Đắk Lắk" --home ${p.root}  |  ` +
      `qd766 province "Thanh Hóa" --units --home ${p.root}  |  qd766 status --home ${p.root}`,
  },
  'report.summary': {
    vi: 'Báo cáo lãnh đạo cho một tỉnh: bảng tính Excel và/hoặc một trang HTML độc lập.',
    en: 'Leadership reports for one province: an Excel workbook and/or a self-contained HTML page.',
  },
  'report.details': {
    vi: `
  --province TỈNH   tỉnh (tên viết bất kỳ cách nào, hoặc mã 2 chữ số); mặc định: "province"
                    trong qd766.config.json
  --period KỲ       2026 (năm), 2026-Q3 (quý) hoặc 2026-08 (tháng); mặc định: bảng xếp hạng mới nhất
  --as-of NGÀY      ngày số liệu, YYYY-MM-DD
  --out TỆP.xlsx    bảng tính cho lãnh đạo: các sheet Xếp hạng, Tỉnh …, Đơn vị, Lịch sử
  --out TỆP.html    một trang độc lập (biểu đồ nằm sẵn trong trang, không cần mạng), đọc được trên điện thoại
  --out THƯ-MỤC     cả hai, tên bao-cao-766-<tỉnh>-<kỳ>[-<ngày>].xlsx/.html
Có thể nêu --out hai lần. --json in ra các tệp đã ghi và dòng tóm tắt.
Ví dụ:
  qd766 report --province "Đắk Lắk" --out bao-cao.xlsx --out bao-cao.html
  qd766 report --period 2026-Q3 --out reports/`,
    en: `
  --province P      the province (name in any spelling, or its 2-digit code); default: "province"
                    in qd766.config.json
  --period P        2026 (year), 2026-Q3 (quarter) or 2026-08 (month); default: the latest snapshot
  --as-of DATE      the reading date, YYYY-MM-DD
  --out FILE.xlsx   the leadership workbook: sheets Xếp hạng, Tỉnh …, Đơn vị, Lịch sử
  --out FILE.html   one self-contained page (charts inline, no network), readable on a phone
  --out DIR         both, named bao-cao-766-<province>-<period>[-<date>].xlsx/.html
--out may be given twice. --json prints the files written and the headline.
Examples:
  qd766 report --province "Đắk Lắk" --out bao-cao.xlsx --out bao-cao.html
  qd766 report --period 2026-Q3 --out reports/`,
  },
  'report.bad-out': {
    vi: (p: { out: string }) =>
      `--out ${p.out}: hãy cho TỆP.xlsx (bảng tính lãnh đạo), TỆP.html (trang báo cáo) hoặc một thư mục (cả hai)`,
    en: (p: { out: string }) =>
      `--out ${p.out}: give FILE.xlsx (leadership workbook), FILE.html (report page) or a directory (both)`,
  },
  'report.no-out': {
    vi: 'hãy cho biết ghi vào đâu: --out TỆP.xlsx, --out TỆP.html hoặc --out THƯ-MỤC',
    en: 'say where to write: --out FILE.xlsx, --out FILE.html or --out DIR',
  },
  'report.no-province': {
    vi: 'hãy nêu tỉnh: --province "Đắk Lắk" (hoặc đặt "province" trong qd766.config.json)',
    en: 'name the province: --province "Đắk Lắk" (or set "province" in qd766.config.json)',
  },
} satisfies Catalog
