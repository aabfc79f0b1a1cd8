import type { Catalog } from '../catalog.ts'

/** `qd766 ranking` (total, group and metric rankings) and its `--province` sentence. */
/** Parameters of the metric ranking's title line (both languages). */
interface MetricTitle {
  code: string
  name: string
  group: string
  max: string
  fullAt: string
  estimate: boolean
  period: string
  asOf: string
  ranked: number
  cohort: number
  source: string
  version: string
}

type FocusRanked = {
  name: string
  rank: number
  of: number
  on: string
  value: string
  when: string
  national: boolean
}

export const cliRanking = {
  'ranking.summary': {
    vi: 'Bảng xếp hạng các tỉnh (bản chụp mới nhất, hoặc kỳ/ngày chọn bằng --period/--as-of).',
    en: 'Show the province ranking snapshot (the latest unless --period/--as-of pick another).',
  },
  'ranking.details': {
    vi: `
  --period KỲ       2026 (năm), 2026-Q3 hoặc Q3-2026 (quý), 2026-08 (tháng)
  --as-of NGÀY      ngày số liệu, YYYY-MM-DD
  --by NHÓM         xếp theo một nhóm thay vì tổng điểm: CKMB, TDGQ, CLGQ, TTTT, MDHL, MDSH
                    (DVCTT = nhóm "Dịch vụ công trực tuyến" /22 của mẫu năm nhóm)
  --by CHỈ-SỐ       xếp theo một chỉ số từ số liệu Cổng DVCQG: 3.3, 3.1, 3.6, DOSSIER_SYNC,
                    REUSED_DIGITIZED_DATA, ... (mọi mã chỉ số của phương pháp); cho biết bao nhiêu
                    tỉnh đạt ngưỡng đủ điểm ("17/34 tỉnh có 3.3 từ 50% trở lên")
  --at-least TỶ-LỆ  đi cùng --by CHỈ-SỐ: đếm số tỉnh đạt từ TỶ-LỆ trở lên (0.7 hoặc 70%)
  --province TÊN    cho biết vị trí của một tỉnh ("Đắk Lắk xếp thứ 26/34 tỉnh về MDSH")
  --format F        table (mặc định), csv, json hoặc xlsx (xlsx cần --out)
  --out TỆP         ghi ra TỆP thay vì stdout (csv có BOM để Excel hiện đúng tiếng Việt);
                    không ghi đè tệp đã có, trừ khi thêm --force
  --force           cho phép ghi đè TỆP đã có
Các tỉnh bằng điểm cùng hạng (1, 2, 2, 4; chênh nhau không quá 0,005 điểm là bằng điểm) và xếp theo tên.
Ví dụ:
  qd766 ranking
  qd766 ranking --period 2026-Q3 --format csv --out xep-hang-q3.csv
  qd766 ranking --by MDSH --format json
  qd766 ranking --by 3.3 --province "Đắk Lắk"`,
    en: `
  --period P        2026 (year), 2026-Q3 or Q3-2026 (quarter), 2026-08 (month)
  --as-of DATE      the reading date, YYYY-MM-DD
  --by GROUP        rank by one group instead of the total: CKMB, TDGQ, CLGQ, TTTT, MDHL, MDSH
                    (DVCTT = the five-group "Dịch vụ công trực tuyến" /22)
  --by METRIC       rank by one metric from portal API captures: 3.3, 3.1, 3.6, DOSSIER_SYNC,
                    REUSED_DIGITIZED_DATA, ... (any metric code of the methodology); prints how
                    many provinces are at or above its full-points threshold ("17 of 34 provinces
                    have 3.3 at or above 50%")
  --at-least RATIO  with --by METRIC: count provinces at or above RATIO instead (0.7 or 70%)
  --province NAME   say where one province stands ("Đắk Lắk is 26th of 34 provinces on MDSH")
  --format F        table (default), csv, json or xlsx (xlsx needs --out)
  --out FILE        write to FILE instead of stdout (csv gets a BOM so Excel shows Vietnamese);
                    an existing FILE is not overwritten unless --force is given
  --force           allow overwriting FILE
Ties share a rank (1, 2, 2, 4; scores within 0.005 tie) and are listed alphabetically.
Examples:
  qd766 ranking
  qd766 ranking --period 2026-Q3 --format csv --out xep-hang-q3.csv
  qd766 ranking --by MDSH --format json
  qd766 ranking --by 3.3 --province "Đắk Lắk"`,
  },
  'ranking.bad-format': {
    vi: (p: { format: string }) => `--format ${p.format}: chọn table, csv, json hoặc xlsx`,
    en: (p: { format: string }) => `--format ${p.format}: use table, csv, json or xlsx`,
  },
  'ranking.xlsx-needs-out': {
    vi: '--format xlsx cần --out TỆP.xlsx',
    en: '--format xlsx needs --out FILE.xlsx',
  },
  'ranking.at-least-needs-metric': {
    vi: '--at-least đi cùng --by CHỈ-SỐ (ví dụ --by 3.3 --at-least 70%)',
    en: '--at-least goes with --by METRIC (e.g. --by 3.3 --at-least 70%)',
  },
  'ranking.metric-no-xlsx': {
    vi: '--by CHỈ-SỐ: chọn --format table, csv hoặc json',
    en: '--by METRIC: use --format table, csv or json',
  },
  'ranking.bad-at-least': {
    vi: (p: { value: string }) => `--at-least ${p.value}: viết một tỷ lệ như 0.5 hoặc phần trăm như 50%`,
    en: (p: { value: string }) =>
      `--at-least ${p.value}: write a ratio such as 0.5 or a percentage such as 50%`,
  },
  'ranking.title': {
    vi: (p: { period: string; asOf: string; ranked: number; cohort: number; by: string; source: string }) =>
      `Xếp hạng ${p.period}${p.asOf ? `, số liệu đến ngày ${p.asOf}` : ''} — ${p.ranked}/${p.cohort} tỉnh, thành phố có hạng` +
      `${p.by ? `, theo ${p.by}` : ''} (nguồn: ${p.source})`,
    en: (p: { period: string; asOf: string; ranked: number; cohort: number; by: string; source: string }) =>
      `Ranking ${p.period}${p.asOf ? `, as of ${p.asOf}` : ''} — ${p.ranked}/${p.cohort} provinces ranked` +
      `${p.by ? `, by ${p.by}` : ''} (source: ${p.source})`,
  },
  'ranking.not-national': {
    vi: (p: { ranked: number; cohort: number }) =>
      `Lưu ý: bản này chỉ xếp ${p.ranked}/${p.cohort} tỉnh, thành phố (số liệu tự thu thập của vài tỉnh): ` +
      'thứ tự dưới đây KHÔNG phải thứ hạng toàn quốc.',
    en: (p: { ranked: number; cohort: number }) =>
      `Note: this reading ranks only ${p.ranked} of ${p.cohort} provinces (a few provinces' own captures): ` +
      'the order below is NOT a national rank.',
  },
  'ranking.missing': {
    vi: (p: { n: number; names: string }) => `Không có trong lần số liệu này (${p.n}): ${p.names}`,
    en: (p: { n: number; names: string }) => `Not in this reading (${p.n}): ${p.names}`,
  },
  'ranking.no-capture': {
    vi: (p: { n: number; names: string }) => `Không có số liệu Cổng cho lần này (${p.n}): ${p.names}`,
    en: (p: { n: number; names: string }) => `No capture for this reading (${p.n}): ${p.names}`,
  },
  'ranking.h.rank': { vi: 'Hạng', en: 'Rank' },
  'ranking.h.code': { vi: 'Mã', en: 'Code' },
  'ranking.h.province': { vi: 'Tỉnh, thành phố', en: 'Province' },
  'ranking.h.total': { vi: 'Tổng', en: 'Total' },
  'ranking.h.band': { vi: 'Xếp loại', en: 'Band' },
  'ranking.h.ratio': { vi: 'Tỷ lệ %', en: 'Ratio %' },
  'ranking.h.numerator': { vi: 'Tử số', en: 'Numerator' },
  'ranking.h.denominator': { vi: 'Mẫu số', en: 'Denominator' },
  'ranking.h.score': { vi: 'Điểm', en: 'Score' },
  'ranking.h.max': { vi: 'Tối đa', en: 'Max' },
  'ranking.metric-title': {
    vi: (p: MetricTitle) =>
      `Xếp hạng theo chỉ số ${p.code} — ${p.name} (nhóm ${p.group}, tối đa ${p.max}` +
      `${p.fullAt ? `, đạt tối đa khi ≥ ${p.fullAt}%` : ''}${p.estimate ? ', ước tính' : ''}) — ` +
      `${p.period}${p.asOf ? `, số liệu đến ngày ${p.asOf}` : ''}, ${p.ranked}/${p.cohort} tỉnh (nguồn: ${p.source}, phương pháp ${p.version})`,
    en: (p: MetricTitle) =>
      `Ranking by metric ${p.code} — ${p.name} (group ${p.group}, max ${p.max}` +
      `${p.fullAt ? `, full points at ≥ ${p.fullAt}%` : ''}${p.estimate ? ', estimate' : ''}) — ` +
      `${p.period}${p.asOf ? `, as of ${p.asOf}` : ''}, ${p.ranked}/${p.cohort} provinces (source: ${p.source}, methodology ${p.version})`,
  },
  'ranking.focus.not-in-list': {
    vi: (p: { arg: string; cohort: number }) =>
      `--province ${p.arg}: không phải tỉnh, thành phố trong danh sách ${p.cohort} tỉnh`,
    en: (p: { arg: string; cohort: number }) =>
      `--province ${p.arg}: not a province of the ${p.cohort}-province list`,
  },
  'ranking.focus.on-total': { vi: 'về tổng điểm', en: 'on the total score' },
  'ranking.focus.on': { vi: (p: { by: string }) => `về ${p.by}`, en: (p: { by: string }) => `on ${p.by}` },
  'ranking.focus.ranked': {
    vi: (p: FocusRanked) =>
      p.national
        ? `${p.name} xếp thứ ${p.rank}/${p.of} tỉnh, thành phố ${p.on} (${p.value}), ${p.when}.`
        : `${p.name} đứng thứ ${p.rank} trong ${p.of} tỉnh có số liệu ${p.on} (${p.value}), ${p.when} — không phải thứ hạng toàn quốc.`,
    en: (p: FocusRanked) =>
      p.national
        ? `${p.name} is ${ordinal(p.rank)} of ${p.of} provinces ${p.on} (${p.value}), ${p.when}.`
        : `${p.name} is ${ordinal(p.rank)} of the ${p.of} provinces with data ${p.on} (${p.value}), ${p.when} — not a national rank.`,
  },
  'ranking.focus.unranked': {
    vi: (p: { name: string; on: string; when: string; inReading: boolean }) =>
      `${p.name} không có hạng ${p.on} trong ${p.when}${p.inReading ? ' (chưa có điểm)' : ' (không có trong lần số liệu này)'}.`,
    en: (p: { name: string; on: string; when: string; inReading: boolean }) =>
      `${p.name} has no rank ${p.on} in ${p.when}${p.inReading ? ' (no score)' : ' (not in this reading)'}.`,
  },
  'ranking.focus.when': {
    vi: (p: { period: string; asOf: string }) => `${p.period}${p.asOf ? `, số liệu đến ngày ${p.asOf}` : ''}`,
    en: (p: { period: string; asOf: string }) => `${p.period}${p.asOf ? ` as of ${p.asOf}` : ''}`,
  },
  'ranking.focus.at-or-above': {
    vi: (p: { n: number; ratio: string }) => ` Tỉnh nằm trong ${p.n} tỉnh đạt từ ${p.ratio}% trở lên.`,
    en: (p: { n: number; ratio: string }) => ` It is one of the ${p.n} provinces at or above ${p.ratio}%.`,
  },
  'ranking.focus.below': {
    vi: (p: { n: number; of: number; ratio: string }) =>
      ` Tỉnh dưới ${p.ratio}% (${p.n}/${p.of} tỉnh đạt từ mức này trở lên).`,
    en: (p: { n: number; of: number; ratio: string }) =>
      ` It is below ${p.ratio}% (${p.n} of ${p.of} provinces are at or above).`,
  },
  'metric-ranking.sentence': {
    vi: (p: {
      hits: number
      of: number
      code: string
      name: string
      pct: string
      full: boolean
      when: string
    }) =>
      `${p.hits}/${p.of} tỉnh có ${p.code} (${p.name}) từ ${p.pct}% trở lên${p.full ? ' (đủ điểm)' : ''}, ${p.when}.`,
    en: (p: {
      hits: number
      of: number
      code: string
      name: string
      pct: string
      full: boolean
      when: string
    }) =>
      `${p.hits} of ${p.of} provinces have ${p.code} (${p.name}) at or above ${p.pct}%${p.full ? ' (full points)' : ''}, ${p.when}.`,
  },
} satisfies Catalog

function ordinal(n: number): string {
  const t = n % 100
  if (t >= 11 && t <= 13) return `${n}th`
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`
}
