import type { Catalog } from '../catalog.ts'

/** `qd766 serve`: every word of the web dashboard. */
export const serve = {
  'serve.brand': { vi: 'QĐ 766 — Bảng theo dõi', en: 'QĐ 766 — Dashboard' },
  'serve.skip': { vi: 'Bỏ qua, đến nội dung chính', en: 'Skip to the main content' },
  'serve.nav': { vi: 'Điều hướng chính', en: 'Main navigation' },
  'serve.nav.ranking': { vi: 'Xếp hạng', en: 'Ranking' },
  'serve.nav.province': { vi: 'Tỉnh của tôi', en: 'My province' },
  'serve.nav.units': { vi: 'Đơn vị', en: 'Units' },
  'serve.nav.data': { vi: 'Dữ liệu', en: 'Data' },
  'serve.nav.sql': { vi: 'SQL', en: 'SQL' },
  'serve.logout': { vi: 'Đăng xuất', en: 'Log out' },
  'serve.footer': {
    vi: 'qd766 — chỉ đọc: trang này không thay đổi dữ liệu. Số liệu từ các tệp xuất đã nạp; điểm "ước tính" là tính lại theo phương pháp, không phải điểm chính thức.',
    en: 'qd766 — read-only: nothing on this site changes the data. Figures come from the ingested exports; "estimate" scores are recomputed with the methodology, not official.',
  },
  'serve.reading': {
    vi: (p: { date: string | number; period: string | number }) => `${p.period}, tính đến ${p.date}`,
    en: (p: { date: string | number; period: string | number }) => `${p.period}, as of ${p.date}`,
  },
  'serve.rank-same': { vi: 'Giữ nguyên thứ hạng', en: 'Rank unchanged' },
  'serve.rank-up': {
    vi: (p: { n: string | number }) => `Tăng ${p.n} bậc`,
    en: (p: { n: string | number }) => `Up ${p.n}`,
  },
  'serve.rank-down': {
    vi: (p: { n: string | number }) => `Giảm ${p.n} bậc`,
    en: (p: { n: string | number }) => `Down ${p.n}`,
  },
  'serve.ranking.title': {
    vi: 'Xếp hạng Chỉ số phục vụ người dân, doanh nghiệp',
    en: 'Ranking of the citizen and business service index',
  },
  'serve.ranking.none': {
    vi: 'Chưa có bảng xếp hạng nào: hãy thả tệp xuất bảng xếp hạng vào hộp thư (inbox) và chạy "qd766 refresh".',
    en: 'There is no ranking snapshot yet: drop ranking exports into the inbox and run "qd766 refresh".',
  },
  'serve.ranking.caption': {
    vi: 'Bấm vào tên cột để xếp hạng theo tổng điểm hoặc theo một nhóm chỉ số.',
    en: 'Click a column heading to rank by the total or by one group.',
  },
  'serve.ranked-of': {
    vi: (p: { cohort: string | number; ranked: string | number }) =>
      `${p.ranked}/${p.cohort} tỉnh, thành phố được xếp hạng`,
    en: (p: { cohort: string | number; ranked: string | number }) =>
      `${p.ranked} of ${p.cohort} provinces ranked`,
  },
  'serve.five-groups': { vi: 'bảng 5 nhóm', en: 'five-group table' },
  'serve.source': {
    vi: (p: { source: string | number }) => `nguồn: ${p.source}`,
    en: (p: { source: string | number }) => `source: ${p.source}`,
  },
  'serve.ranked-by': {
    vi: (p: { what: string | number }) => `xếp theo ${p.what}`,
    en: (p: { what: string | number }) => `ranked by ${p.what}`,
  },
  'serve.pick-reading': { vi: 'Kỳ và ngày cập nhật', en: 'Period and reading date' },
  'serve.show': { vi: 'Xem', en: 'Show' },
  'serve.rank-n': {
    vi: (p: { of: string | number; rank: string | number }) => `hạng ${p.rank}/${p.of}`,
    en: (p: { of: string | number; rank: string | number }) => `rank ${p.rank} of ${p.of}`,
  },
  'serve.total': { vi: 'Tổng điểm', en: 'Total' },
  'serve.sort-by': {
    vi: (p: { what: string | number }) => `Xếp hạng theo ${p.what}`,
    en: (p: { what: string | number }) => `Rank by ${p.what}`,
  },
  'serve.col.rank': { vi: 'Hạng', en: 'Rank' },
  'serve.col.change': { vi: 'Thay đổi', en: 'Change' },
  'serve.col.province': { vi: 'Tỉnh, thành phố', en: 'Province' },
  'serve.col.total': { vi: 'Tổng', en: 'Total' },
  'serve.col.band': { vi: 'Xếp loại', en: 'Band' },
  'serve.col.group': { vi: 'Nhóm', en: 'Group' },
  'serve.col.score': { vi: 'Điểm', en: 'Score' },
  'serve.col.max': { vi: 'Tối đa', en: 'Max' },
  'serve.col.lost': { vi: 'Điểm bị mất', en: 'Points lost' },
  'serve.col.group-rank': { vi: 'Hạng nhóm', en: 'Group rank' },
  'serve.col.reported': { vi: 'Điểm cổng', en: 'Portal score' },
  'serve.col.computed': { vi: 'Điểm tính lại', en: 'Computed' },
  'serve.col.metric': { vi: 'Chỉ số', en: 'Metric' },
  'serve.col.numerator': { vi: 'Tử số', en: 'Numerator' },
  'serve.col.denominator': { vi: 'Mẫu số', en: 'Denominator' },
  'serve.col.ratio': { vi: 'Tỷ lệ %', en: 'Ratio %' },
  'serve.col.period': { vi: 'Kỳ', en: 'Period' },
  'serve.col.date': { vi: 'Ngày', en: 'Date' },
  'serve.col.source': { vi: 'Nguồn', en: 'Source' },
  'serve.col.indicator': { vi: 'Chỉ tiêu', en: 'Indicator' },
  'serve.col.change-prev': { vi: 'Thay đổi so với kỳ trước', en: 'Change since previous period' },
  'serve.col.estimated': { vi: 'Điểm ước tính', en: 'Estimated score' },
  'serve.col.unit': { vi: 'Đơn vị', en: 'Unit' },
  'serve.col.level': { vi: 'Cấp', en: 'Level' },
  'serve.col.at-stake': { vi: 'Điểm có thể tăng', en: 'Points at stake' },
  'serve.col.rows': { vi: 'Dòng gốc', en: 'Source rows' },
  'serve.col.file': { vi: 'Tệp', en: 'File' },
  'serve.col.status': { vi: 'Trạng thái', en: 'Status' },
  'serve.col.kind': { vi: 'Loại', en: 'Kind' },
  'serve.col.rows-n': { vi: 'Số dòng', en: 'Rows' },
  'serve.col.when': { vi: 'Thời điểm', en: 'When' },
  'serve.col.reason': { vi: 'Lý do / ghi chú', en: 'Reason / note' },
  'serve.col.command': { vi: 'Lệnh', en: 'Command' },
  'serve.col.files': { vi: 'Số tệp', en: 'Files' },
  'serve.col.snapshots': { vi: 'Bản chụp', en: 'Snapshots' },
  'serve.col.latest': { vi: 'Ngày cập nhật mới nhất', en: 'Latest reading' },
  'serve.col.age': { vi: 'Số ngày', en: 'Age (days)' },
  'serve.group.online22': { vi: 'Dịch vụ công trực tuyến (gộp)', en: 'Online services (combined)' },
  'serve.missing': {
    vi: (p: { n: string | number }) => `Không có trong lần cập nhật này (${p.n})`,
    en: (p: { n: string | number }) => `Not in this reading (${p.n})`,
  },
  'serve.history-chart': {
    vi: (p: { name: string | number }) => `Diễn biến thứ hạng của ${p.name}`,
    en: (p: { name: string | number }) => `Rank over time: ${p.name}`,
  },
  'serve.downloads': { vi: 'Tải xuống', en: 'Downloads' },
  'serve.dl.ranking-csv': { vi: 'Bảng xếp hạng (CSV)', en: 'Ranking (CSV)' },
  'serve.dl.ranking-xlsx': { vi: 'Bảng xếp hạng (Excel)', en: 'Ranking (Excel)' },
  'serve.dl.report-xlsx': { vi: 'Báo cáo lãnh đạo (Excel)', en: 'Leadership workbook (Excel)' },
  'serve.dl.report-html': { vi: 'Báo cáo lãnh đạo (trang HTML)', en: 'Leadership report (HTML page)' },
  'serve.dl.json': { vi: 'Dữ liệu JSON', en: 'JSON data' },
  'serve.dl.csv': { vi: 'Tải CSV', en: 'Download CSV' },
  'serve.dl.need-province': {
    vi: 'Hãy chọn tỉnh: thêm ?province=MÃ (hoặc đặt "province" trong qd766.config.json).',
    en: 'Name the province: add ?province=CODE (or set "province" in qd766.config.json).',
  },
  'serve.computed-total': { vi: 'Tổng điểm tính lại', en: 'Computed total' },
  'serve.estimate': { vi: 'ước tính', en: 'estimate' },
  'serve.province.no-snapshot': {
    vi: 'chưa có bảng xếp hạng của kỳ này (số liệu từ dữ liệu thu thập của Cổng)',
    en: 'no ranking snapshot for this period (figures from the portal captures)',
  },
  'serve.province.to-units': {
    vi: 'Xem các sở, ngành, xã của tỉnh →',
    en: "See the province's agencies and communes →",
  },
  'serve.province.groups': { vi: 'Các nhóm chỉ số', en: 'Groups' },
  'serve.province.metrics': { vi: 'Các chỉ số, theo số điểm bị mất', en: 'Metrics, by points at stake' },
  'serve.province.no-metrics': {
    vi: 'Chưa có dữ liệu chỉ số thành phần (cần các tệp thu thập từ Cổng Dịch vụ công quốc gia).',
    en: "No metric detail (it comes from the national portal's captures).",
  },
  'serve.province.metrics-source': {
    vi: (p: { methodology: string | number; reading: string | number; source: string | number }) =>
      `Số liệu ${p.reading}, phương pháp ${p.methodology}, nguồn ${p.source}.`,
    en: (p: { methodology: string | number; reading: string | number; source: string | number }) =>
      `Figures of ${p.reading}, methodology ${p.methodology}, source ${p.source}.`,
  },
  'serve.province.metrics-note': {
    vi: '"Điểm cổng" là điểm Cổng công bố; "Điểm tính lại" là điểm tính theo phương pháp từ tử số và mẫu số. "ước tính": công thức suy luận.',
    en: '"Portal score" is the score the portal publishes; "Computed" is recomputed from numerator and denominator with the methodology. "estimate": an inferred formula.',
  },
  'serve.whatif.title': {
    vi: 'Giả định: nếu một chỉ số đạt tỷ lệ khác',
    en: 'What if a metric had another ratio',
  },
  'serve.whatif.help': {
    vi: 'Chọn chỉ số và nhập tỷ lệ mới (%), ví dụ 55 hoặc 55,5. Tổng điểm và thứ hạng được tính lại bằng cùng công cụ với lệnh "qd766 province --what-if".',
    en: 'Pick a metric and enter a new ratio (%), e.g. 55 or 55.5. The total and the rank are recomputed by the same engine as "qd766 province --what-if".',
  },
  'serve.whatif.metric': { vi: 'Chỉ số', en: 'Metric' },
  'serve.whatif.ratio': { vi: 'Tỷ lệ mới (%)', en: 'New ratio (%)' },
  'serve.whatif.run': { vi: 'Tính lại', en: 'Recompute' },
  'serve.whatif.bad': {
    vi: (p: { value: string | number }) => `"${p.value}": hãy viết CHỈ-SỐ:TỶ-LỆ, ví dụ 3.3:0.55 hoặc 3.3:55%`,
    en: (p: { value: string | number }) => `"${p.value}": write METRIC:RATIO, e.g. 3.3:0.55 or 3.3:55%`,
  },
  'serve.whatif.result': {
    vi: (p: { after: string | number; before: string | number; gained: string | number }) =>
      `Tổng điểm ${p.before} → ${p.after} (tăng ${p.gained} điểm)`,
    en: (p: { after: string | number; before: string | number; gained: string | number }) =>
      `Total ${p.before} → ${p.after} (${p.gained} points gained)`,
  },
  'serve.whatif.rank': {
    vi: (p: { after: string | number; before: string | number; of: string | number }) =>
      `Thứ hạng ${p.before} → ${p.after} trên ${p.of}`,
    en: (p: { after: string | number; before: string | number; of: string | number }) =>
      `Rank ${p.before} → ${p.after} of ${p.of}`,
  },
  'serve.whatif.step': {
    vi: (p: { after: string | number; before: string | number; ratio: string | number }) =>
      `tỷ lệ ${p.ratio}%, điểm chỉ số ${p.before} → ${p.after}`,
    en: (p: { after: string | number; before: string | number; ratio: string | number }) =>
      `ratio ${p.ratio}%, metric score ${p.before} → ${p.after}`,
  },
  'serve.findings': {
    vi: (p: { n: string | number }) => `Cảnh báo từ dữ liệu (${p.n})`,
    en: (p: { n: string | number }) => `Findings (${p.n})`,
  },
  'serve.units.title': {
    vi: (p: { name: string | number }) => `Đơn vị của ${p.name}`,
    en: (p: { name: string | number }) => `Units of ${p.name}`,
  },
  'serve.units.estimate-note': {
    vi: (p: { methodology: string | number }) =>
      `tính từ bảng theo dõi của hệ thống một cửa của tỉnh (phương pháp ${p.methodology})`,
    en: (p: { methodology: string | number }) =>
      `from the province's one-stop tracking tables (methodology ${p.methodology})`,
  },
  'serve.units.sources': { vi: 'Nguồn', en: 'Sources' },
  'serve.units.compared': {
    vi: (p: { period: string | number }) => `so với kỳ ${p.period}`,
    en: (p: { period: string | number }) => `compared with ${p.period}`,
  },
  'serve.units.level': { vi: 'Cấp', en: 'Level' },
  'serve.units.all-levels': { vi: 'Tất cả các cấp', en: 'All levels' },
  'serve.units.bad-level': {
    vi: (p: { level: string | number }) =>
      `Cấp "${p.level}" không có: dùng agency, district, commune hoặc land-registry.`,
    en: (p: { level: string | number }) =>
      `Level "${p.level}": use agency, district, commune or land-registry.`,
  },
  'serve.units.indicators': { vi: 'Chỉ tiêu của tỉnh', en: 'Province indicators' },
  'serve.units.info-only': { vi: '(tham khảo)', en: '(information)' },
  'serve.units.ranked': { vi: 'Đơn vị, xếp hạng trong cùng cấp', en: 'Units, ranked within their level' },
  'serve.units.rows-link': { vi: 'xem dòng', en: 'rows' },
  'serve.units.rank-note': {
    vi: 'Hạng: trong cùng cấp (sở/ban/ngành, cấp huyện, cấp xã) theo điểm ước tính trên tối đa của các chỉ số có dữ liệu. Điểm có thể tăng: điểm ước tính của tỉnh tăng thêm nếu riêng đơn vị đó đạt mục tiêu của từng chỉ số.',
    en: "Rank: within the same level (agencies, districts, communes) by estimated score over the maximum of the metrics with data. Points at stake: how much the province's estimate would rise if that unit alone reached every target.",
  },
  'serve.units.portal-note': {
    vi: (p: { methodology: string | number }) =>
      `theo dữ liệu thu thập từ Cổng Dịch vụ công quốc gia (phương pháp ${p.methodology})`,
    en: (p: { methodology: string | number }) =>
      `as the national portal's captures score them (methodology ${p.methodology})`,
  },
  'serve.row-n': {
    vi: (p: { n: string | number }) => `dòng ${p.n}`,
    en: (p: { n: string | number }) => `row ${p.n}`,
  },
  'serve.data.title': { vi: 'Dữ liệu đã nạp', en: 'Data' },
  'serve.data.lead': {
    vi: (p: { files: string | number; rows: string | number }) => `${p.files} tệp đã nhận, ${p.rows} dòng.`,
    en: (p: { files: string | number; rows: string | number }) =>
      `${p.files} files accepted, ${p.rows} rows.`,
  },
  'serve.data.attention': { vi: 'Cần chú ý', en: 'Needs attention' },
  'serve.data.files': { vi: 'Các tệp (mới nhất trước)', en: 'Files (newest first)' },
  'serve.data.error-report': { vi: 'tải báo cáo lỗi', en: 'error report' },
  'serve.data.runs': { vi: 'Các lần chạy', en: 'Runs' },
  'serve.data.freshness': { vi: 'Độ mới của dữ liệu theo kỳ', en: 'Freshness per period' },
  'serve.data.snapshots': { vi: 'Bản chụp xếp hạng theo kỳ', en: 'Ranking snapshots per period' },
  'serve.data.period-line': {
    vi: (p: { latest: string | number; n: string | number }) =>
      `cập nhật mới nhất ${p.latest}, ${p.n} bản chụp`,
    en: (p: { latest: string | number; n: string | number }) =>
      `latest reading ${p.latest}, ${p.n} snapshot(s)`,
  },
  'serve.data.warehouse': { vi: 'Kho dữ liệu PostgreSQL', en: 'PostgreSQL warehouse' },
  'serve.data.warehouse-ok': {
    vi: (p: { when: string | number }) => `đã cập nhật (lần gần nhất ${p.when})`,
    en: (p: { when: string | number }) => `up to date (last published ${p.when})`,
  },
  'serve.data.warehouse-behind': {
    vi: (p: { files: string | number; snapshots: string | number; when: string | number }) =>
      `chậm ${p.files} tệp, ${p.snapshots} bản chụp (lần gần nhất ${p.when})`,
    en: (p: { files: string | number; snapshots: string | number; when: string | number }) =>
      `behind by ${p.files} file(s), ${p.snapshots} snapshot(s) (last published ${p.when})`,
  },
  'serve.data.inbox': { vi: 'Hộp thư (inbox)', en: 'Inbox' },
  'serve.data.inbox-line': {
    vi: (p: { n: string | number }) => `${p.n} tệp đang chờ lần chạy tới`,
    en: (p: { n: string | number }) => `${p.n} file(s) waiting for the next run`,
  },
  'serve.file.accepted': { vi: 'đã nhận', en: 'accepted' },
  'serve.file.duplicate': { vi: 'trùng', en: 'duplicate' },
  'serve.file.rejected': { vi: 'bị từ chối', en: 'rejected' },
  'serve.file.withdrawn': { vi: 'đã rút', en: 'withdrawn' },
  'serve.file.withdrawn-by': {
    vi: (p: { when: string | number; who: string | number; why: string | number }) =>
      `Đã rút bởi ${p.who} ngày ${p.when}: ${p.why}`,
    en: (p: { when: string | number; who: string | number; why: string | number }) =>
      `Withdrawn by ${p.who} on ${p.when}: ${p.why}`,
  },
  'serve.none': { vi: '(không có)', en: '(none)' },
  'serve.upload.title': { vi: 'Tải tệp lên hộp thư', en: 'Upload files into the inbox' },
  'serve.upload.files': { vi: 'Tệp (xlsx, csv, html, json)', en: 'Files (xlsx, csv, html, json)' },
  'serve.upload.refresh': { vi: 'chạy cập nhật ngay sau khi tải', en: 'refresh right after the upload' },
  'serve.upload.send': { vi: 'Tải lên', en: 'Upload' },
  'serve.upload.note': {
    vi: 'Tệp được đưa vào hộp thư như khi thả vào thư mục inbox; kết quả (nhận, trùng, bị từ chối kèm lý do) hiện ở bảng trên sau lần cập nhật tới.',
    en: 'Files go into the inbox as if dropped there; their result (accepted, duplicate, rejected with reasons) shows in the table above after the next refresh.',
  },
  'serve.upload.done': {
    vi: (p: { n: string | number }) => `Đã tải lên ${p.n} tệp vào hộp thư.`,
    en: (p: { n: string | number }) => `Uploaded ${p.n} file(s) into the inbox.`,
  },
  'serve.upload.none': { vi: 'Chưa chọn tệp nào.', en: 'No file chosen.' },
  'serve.upload.too-big': {
    vi: (p: { mb: string | number }) => `Tệp quá lớn: tối đa ${p.mb} MB.`,
    en: (p: { mb: string | number }) => `File too large: at most ${p.mb} MB.`,
  },
  'serve.upload.refresh-started': {
    vi: 'Đã bắt đầu cập nhật; tải lại trang sau ít phút để xem kết quả.',
    en: 'A refresh has started; reload this page in a minute to see the results.',
  },
  'serve.upload.refresh-busy': {
    vi: 'Một lần cập nhật khác đang chạy; tệp sẽ được xử lý ở lần tới.',
    en: 'Another refresh is running; the files will be taken by the next one.',
  },
  'serve.sql.title': { vi: 'Truy vấn SQL (chỉ đọc)', en: 'SQL (read-only)' },
  'serve.sql.lead': {
    vi: (p: { rows: string | number; seconds: string | number }) =>
      `Chỉ cho phép câu lệnh đọc (SELECT, WITH … SELECT, EXPLAIN). Mỗi truy vấn dừng sau ${p.seconds} giây; trang hiển thị tối đa ${p.rows} dòng (tải CSV/JSON để lấy nhiều hơn).`,
    en: (p: { rows: string | number; seconds: string | number }) =>
      `Read-only statements only (SELECT, WITH … SELECT, EXPLAIN). Each query stops after ${p.seconds} s; the page shows at most ${p.rows} rows (download CSV/JSON for more).`,
  },
  'serve.sql.label': { vi: 'Câu lệnh SQL', en: 'SQL statement' },
  'serve.sql.run': { vi: 'Chạy', en: 'Run' },
  'serve.sql.shortcut': { vi: '(Ctrl+Enter)', en: '(Ctrl+Enter)' },
  'serve.sql.canned': {
    vi: 'Truy vấn mẫu trên các view được mô tả',
    en: 'Canned queries over the documented views',
  },
  'serve.sql.canned.latest': { vi: 'Bảng xếp hạng mới nhất', en: 'Latest ranking' },
  'serve.sql.canned.history': { vi: 'Lịch sử xếp hạng', en: 'Ranking history' },
  'serve.sql.canned.scores': { vi: 'Điểm các nhóm theo tỉnh', en: 'Group scores per province' },
  'serve.sql.canned.metrics': { vi: 'Điểm các chỉ số từ Cổng', en: 'Portal metric scores' },
  'serve.sql.canned.units': { vi: 'Các đơn vị', en: 'Units' },
  'serve.sql.canned.unit-facts': {
    vi: 'Số liệu đơn vị kèm dòng gốc',
    en: 'Unit figures with their source rows',
  },
  'serve.sql.canned.files': { vi: 'Các tệp đã nhận', en: 'Accepted files' },
  'serve.sql.canned.objects': { vi: 'Các bảng và view', en: 'Tables and views' },
  'serve.sql.timeout': {
    vi: (p: { seconds: string | number }) =>
      `Truy vấn đã bị dừng vì chạy quá ${p.seconds} giây. Hãy thu hẹp điều kiện hoặc thêm LIMIT.`,
    en: (p: { seconds: string | number }) =>
      `The query was stopped after ${p.seconds} s. Narrow it down or add a LIMIT.`,
  },
  'serve.sql.process-stopped': {
    vi: 'tiến trình chạy truy vấn đã dừng giữa chừng; hãy chạy lại',
    en: 'the query process stopped; run it again',
  },
  'serve.sql.closed': {
    vi: 'máy chủ đang tắt, không nhận thêm truy vấn',
    en: 'the server is shutting down and takes no more queries',
  },
  'serve.sql.blob': {
    vi: (p: { n: number }) => `<dữ liệu nhị phân ${p.n} byte>`,
    en: (p: { n: number }) => `<${p.n} bytes>`,
  },
  'serve.sql.error': {
    vi: (p: { message: string | number }) => `Lỗi SQL: ${p.message}`,
    en: (p: { message: string | number }) => `SQL error: ${p.message}`,
  },
  'serve.sql.too-long': {
    vi: (p: { n: string | number }) => `Câu lệnh quá dài hoặc trống (tối đa ${p.n} ký tự).`,
    en: (p: { n: string | number }) => `The statement is empty or too long (at most ${p.n} characters).`,
  },
  'serve.sql.count': {
    vi: (p: { n: string | number }) => `${p.n} dòng.`,
    en: (p: { n: string | number }) => `${p.n} rows.`,
  },
  'serve.sql.truncated': {
    vi: (p: { n: string | number }) => `Chỉ hiển thị ${p.n} dòng đầu; tải CSV hoặc JSON để lấy thêm.`,
    en: (p: { n: string | number }) => `Showing the first ${p.n} rows; download CSV or JSON for more.`,
  },
  'serve.login.title': { vi: 'Đăng nhập', en: 'Log in' },
  'serve.login.lead': {
    vi: 'Trang này cần mã truy cập (do người quản trị cấp).',
    en: 'This site needs an access token (ask your administrator).',
  },
  'serve.login.token': { vi: 'Mã truy cập', en: 'Access token' },
  'serve.login.submit': { vi: 'Đăng nhập', en: 'Log in' },
  'serve.login.failed': { vi: 'Mã truy cập không đúng.', en: 'Wrong access token.' },
  'serve.login.needed': {
    vi: 'Cần mã truy cập: gửi tiêu đề "Authorization: Bearer <mã>".',
    en: 'Access token required: send "Authorization: Bearer <token>".',
  },
  'serve.csrf': {
    vi: 'Yêu cầu bị từ chối: biểu mẫu đã hết hạn hoặc không gửi từ trang này. Hãy tải lại trang và thử lại.',
    en: 'Request refused: the form expired or did not come from this site. Reload the page and try again.',
  },
  'serve.not-found': { vi: 'Không tìm thấy trang hoặc dữ liệu này.', en: 'Page or data not found.' },
  'serve.error.400': { vi: 'Yêu cầu chưa đúng', en: 'Bad request' },
  'serve.error.403': { vi: 'Không được phép', en: 'Forbidden' },
  'serve.error.404': { vi: 'Không tìm thấy', en: 'Not found' },
  'serve.error.413': { vi: 'Dữ liệu gửi lên quá lớn', en: 'Request too large' },
  'serve.error.500': { vi: 'Lỗi hệ thống', en: 'Server error' },
  'serve.error.503': { vi: 'Cơ sở dữ liệu chưa sẵn sàng', en: 'Database not ready' },
  'serve.error.home': { vi: '← Về trang xếp hạng', en: '← Back to the ranking' },
  'serve.error.internal': {
    vi: 'Đã xảy ra lỗi trong qd766 khi tạo trang này. Lỗi đã được ghi vào nhật ký của máy chủ; hãy báo cho người quản trị.',
    en: "qd766 failed while making this page. The error is in the server's log; tell your administrator.",
  },
  'serve.error.too-big': { vi: 'Biểu mẫu quá lớn.', en: 'Form too large.' },
  'serve.cli.summary': {
    vi: 'Bảng theo dõi trên web (chỉ đọc) trên cùng cơ sở dữ liệu: xếp hạng, tỉnh, đơn vị, dữ liệu, SQL, tải xuống, API JSON.',
    en: 'The read-only web dashboard over the same database: ranking, province, units, data, SQL, downloads, JSON API.',
  },
  'serve.cli.bad-port': {
    vi: (p: { port: string | number }) =>
      `--port ${p.port}: hãy cho một số từ 0 đến 65535 (0: cổng trống bất kỳ)`,
    en: (p: { port: string | number }) =>
      `--port ${p.port}: give a number from 0 to 65535 (0: any free port)`,
  },
  'serve.cli.needs-token': {
    vi: (p: { host: string | number }) =>
      `nghe trên ${p.host} (không phải loopback) cần mã truy cập: đặt "serve": { "token": "…" } trong qd766.config.json hoặc biến môi trường QD766_TOKEN (ít nhất 16 ký tự).`,
    en: (p: { host: string | number }) =>
      `listening on ${p.host} (not loopback) needs an access token: set "serve": { "token": "…" } in qd766.config.json or QD766_TOKEN (at least 16 characters).`,
  },
  'serve.cli.short-token': {
    vi: 'mã truy cập QD766_TOKEN quá ngắn: cần ít nhất 16 ký tự.',
    en: 'the QD766_TOKEN access token is too short: at least 16 characters.',
  },
  'serve.cli.cannot-listen': {
    vi: (p: { code: string | number; host: string | number; port: string | number }) =>
      `không nghe được trên ${p.host}:${p.port} (${p.code}).`,
    en: (p: { code: string | number; host: string | number; port: string | number }) =>
      `cannot listen on ${p.host}:${p.port} (${p.code}).`,
  },
  'serve.cli.listening': {
    vi: (p: { url: string | number }) => `qd766 serve: đang phục vụ tại ${p.url} (Ctrl+C để dừng)`,
    en: (p: { url: string | number }) => `qd766 serve: listening on ${p.url} (Ctrl+C to stop)`,
  },
  'serve.cli.details': {
    vi: `
Mở cơ sở dữ liệu ở chế độ chỉ đọc: không bao giờ chặn hay bị chặn bởi lần cập nhật hằng đêm.
  --host H   địa chỉ nghe (mặc định 127.0.0.1, chỉ máy này). Địa chỉ khác cần mã truy cập
             ("serve": { "token": "…" } trong qd766.config.json, hoặc QD766_TOKEN); thiếu mã thì thoát 2.
  --port N   cổng (mặc định 8766; 0: cổng trống bất kỳ). Địa chỉ được in ra khi bắt đầu.
Trang: / (xếp hạng), /province/<mã>, /units/<mã>, /data, /sql, /download/…; API: /api/ranking,
/api/province/<mã>, /api/units/<mã>, /api/status, /api/sql?q= (cùng JSON với CLI); /healthz.
Ví dụ:
  qd766 serve --home demo-data
  QD766_TOKEN=… qd766 serve --host 0.0.0.0 --port 8766`,
    en: `
Opens the database read-only: it never blocks, or is blocked by, the nightly refresh.
  --host H   address to listen on (default 127.0.0.1, this machine only). Any other address needs an
             access token ("serve": { "token": "…" } in qd766.config.json, or QD766_TOKEN); without one, exit 2.
  --port N   port (default 8766; 0: any free port). The URL is printed on start.
Pages: / (ranking), /province/<code>, /units/<code>, /data, /sql, /download/…; API: /api/ranking,
/api/province/<code>, /api/units/<code>, /api/status, /api/sql?q= (the CLI's JSON); /healthz.
Examples:
  qd766 serve --home demo-data
  QD766_TOKEN=… qd766 serve --host 0.0.0.0 --port 8766`,
  },
} satisfies Catalog
