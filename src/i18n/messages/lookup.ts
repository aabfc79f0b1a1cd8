import type { Catalog } from '../catalog.ts'

/** What the read-side commands (ranking, province, units) say when the thing asked for is not there. */
export const lookup = {
  'lookup.no-units': {
    vi: (p: { name: string; period: string }) =>
      `chưa có bảng của hệ thống một cửa tỉnh cho ${p.name}${p.period ? ` trong ${p.period}` : ''}: ` +
      'thả các bảng xuất từ hệ thống một cửa của tỉnh (số hóa, dịch vụ công trực tuyến, thanh toán, tiến độ) vào hộp thư rồi chạy `qd766 refresh`.',
    en: (p: { name: string; period: string }) =>
      `no provincial one-stop tables for ${p.name}${p.period ? ` in ${p.period}` : ''}: ` +
      'drop the exports of the province’s one-stop system (digitisation, online services, payment, progress) into the inbox and run `qd766 refresh`.',
  },
  'lookup.other-cohort': {
    vi: (p: { arg: string; other: number; cohort: number }) =>
      `"${p.arg}" là tỉnh trong danh sách ${p.other} tỉnh, nhưng bản chụp này xếp hạng danh sách ${p.cohort} tỉnh; chọn --period cũ hơn hoặc mới hơn.`,
    en: (p: { arg: string; other: number; cohort: number }) =>
      `"${p.arg}" is a province of the ${p.other}-province list, but this snapshot ranks the ${p.cohort}-province list; pick an older/newer --period.`,
  },
  'lookup.not-in-snapshot': {
    vi: (p: { name: string; id: number }) => `${p.name} không có trong bản chụp ${p.id}`,
    en: (p: { name: string; id: number }) => `${p.name} is not in snapshot ${p.id}`,
  },
  'lookup.no-province-data': {
    vi: (p: { arg: string }) => `chưa có bản chụp xếp hạng hay số liệu Cổng DVCQG nào cho ${p.arg}`,
    en: (p: { arg: string }) => `no ranking snapshot or portal capture for ${p.arg}`,
  },
  'lookup.what-if-needs-capture': {
    vi: 'tính thử (what-if) cần số liệu chỉ số: chưa có số liệu Cổng DVCQG của tỉnh này cho kỳ này',
    en: 'a what-if needs metric data: there is no portal capture of this province for the period',
  },
  'lookup.not-a-metric': {
    vi: (p: { by: string }) => `--by ${p.by}: không phải mã chỉ số của phương pháp tính`,
    en: (p: { by: string }) => `--by ${p.by}: not a metric code of the methodology`,
  },
  'lookup.no-metric-scores': {
    vi: (p: { period: string; asOf: string }) =>
      `chưa có điểm theo chỉ số${p.period ? ` cho ${p.period}` : ''}${p.asOf ? ` đến ngày ${p.asOf}` : ''}: ` +
      'điểm chỉ số lấy từ số liệu thu thập qua API của Cổng DVCQG (thả các tệp JSON vào hộp thư rồi chạy `qd766 refresh`).',
    en: (p: { period: string; asOf: string }) =>
      `no metric-level scores${p.period ? ` for ${p.period}` : ''}${p.asOf ? ` as of ${p.asOf}` : ''}: ` +
      'metrics come from portal API captures (drop the JSON captures into the inbox and run `qd766 refresh`).',
  },
  'lookup.metric-not-scored': {
    vi: (p: { code: string; methodology: string; period: string }) =>
      `chỉ số ${p.code} không được chấm theo phương pháp ${p.methodology} (${p.period})`,
    en: (p: { code: string; methodology: string; period: string }) =>
      `metric ${p.code} is not scored by methodology ${p.methodology} (${p.period})`,
  },
  'lookup.no-snapshot-for': {
    vi: (p: { what: string }) =>
      `chưa có bản chụp xếp hạng cho ${p.what}. \`qd766 status\` liệt kê các bản chụp hiện có.`,
    en: (p: { what: string }) =>
      `no ranking snapshot for ${p.what}. \`qd766 status\` lists the snapshots there are.`,
  },
  'lookup.no-snapshot': {
    vi: 'chưa có bản chụp xếp hạng nào: thả các bảng xếp hạng vào hộp thư rồi chạy `qd766 refresh`.',
    en: 'there is no ranking snapshot yet: drop ranking exports into the inbox and run `qd766 refresh`.',
  },
  'lookup.not-a-group': {
    vi: (p: { by: string; codes: string }) =>
      `--by ${p.by}: không phải mã nhóm (${p.codes}, hoặc DVCTT với mẫu năm nhóm)`,
    en: (p: { by: string; codes: string }) =>
      `--by ${p.by}: not a group code (${p.codes}, or DVCTT for the five-group form)`,
  },
  'lookup.province-other-cohort': {
    vi: (p: { arg: string; cohort: number }) =>
      `--province ${p.arg}: không phải tỉnh trong danh sách ${p.cohort} tỉnh`,
    en: (p: { arg: string; cohort: number }) =>
      `--province ${p.arg}: not a province of the ${p.cohort}-province list`,
  },
  'whatif.parse.form': {
    vi: (p: { text: string }) =>
      `--what-if ${p.text}: ghi CHỈ-SỐ=TỶ-LỆ, ví dụ 3.3=0.55, 3.3=55% hoặc 3.3=300000/443565`,
    en: (p: { text: string }) =>
      `--what-if ${p.text}: write METRIC=RATIO, e.g. 3.3=0.55, 3.3=55% or 3.3=300000/443565`,
  },
  'whatif.parse.over-100': {
    vi: (p: { text: string }) => `--what-if ${p.text}: tỷ lệ phần trăm tối đa là 100%`,
    en: (p: { text: string }) => `--what-if ${p.text}: a percentage is at most 100%`,
  },
  'whatif.parse.over-1': {
    vi: (p: { text: string; v: string }) =>
      `--what-if ${p.text}: tỷ lệ là một phân số từ 0 đến 1 (0.55 là 55%); muốn ghi phần trăm thì viết ${p.v}%`,
    en: (p: { text: string; v: string }) =>
      `--what-if ${p.text}: a ratio is a fraction from 0 to 1 (0.55 for 55%); write ${p.v}% for a percentage`,
  },
  'whatif.parse.bad': {
    vi: (p: { text: string; v: string }) =>
      `--what-if ${p.text}: "${p.v}" không phải tỷ lệ (0.55), phần trăm (55%) hay số đếm (300000/443565)`,
    en: (p: { text: string; v: string }) =>
      `--what-if ${p.text}: "${p.v}" is not a ratio (0.55), a percentage (55%) or counts (300000/443565)`,
  },
} satisfies Catalog
