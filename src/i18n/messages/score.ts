import type { Catalog } from '../catalog.ts'

/**
 * Scoring (src/score/) and the portal score sets (src/mart/portal-scores.ts): what-if errors, the
 * reported-versus-computed notes kept as findings, methodology files and versions. Metric and group
 * codes (MDSH, 3.3) stay as they are.
 */
export const score = {
  'score.finite': {
    vi: (p: { value: string }) => `Cần một số hữu hạn, nhưng là ${p.value}.`,
    en: (p: { value: string }) => `Expected a finite number, found ${p.value}.`,
  },
  'score.not-decimal': {
    vi: (p: { value: string }) => `Không đọc được ${p.value} thành số thập phân.`,
    en: (p: { value: string }) => `Cannot read ${p.value} as a decimal.`,
  },
  'score.div-zero': { vi: 'Chia cho 0 khi tính chính xác.', en: 'Division by zero in exact arithmetic.' },
  'score.numerator': { vi: 'tử số', en: 'numerator' },
  'score.denominator': { vi: 'mẫu số', en: 'denominator' },
  'score.count-negative': {
    vi: (p: { label: string; value: string }) => `${p.label} phải là một số ≥ 0, nhưng là ${p.value}.`,
    en: (p: { label: string; value: string }) => `The ${p.label} must be a number ≥ 0, found ${p.value}.`,
  },
  'score.count-expected': { vi: 'một số lượng ≥ 0', en: 'a count ≥ 0' },
  'score.ratio-negative': { vi: 'Tỷ lệ không thể âm.', en: 'A ratio cannot be negative.' },
  'score.data-quality': {
    vi: (p: { status: string; message: string }) =>
      `Chất lượng dữ liệu trên Cổng: ${p.status}${p.message ? ` – ${p.message}` : ''}`,
    en: (p: { status: string; message: string }) =>
      `Portal data quality: ${p.status}${p.message ? ` – ${p.message}` : ''}`,
  },
  'score.unknown-group': {
    vi: (p: { code: string; id: string; known: string }) =>
      `Không có nhóm "${p.code}" (phương pháp ${p.id} có ${p.known}).`,
    en: (p: { code: string; id: string; known: string }) =>
      `Unknown group "${p.code}" (methodology ${p.id} has ${p.known}).`,
  },
  'score.group-twice': {
    vi: (p: { code: string }) =>
      `Nhóm ${p.code} được đưa vào hai lần cho cùng một đơn vị; hãy gộp số liệu trước.`,
    en: (p: { code: string }) => `Group ${p.code} is given twice for the same unit; merge the inputs first.`,
  },
  'score.metric-twice': {
    vi: (p: { code: string; group: string }) =>
      `Chỉ tiêu ${p.code} của nhóm ${p.group} được đưa vào hai lần.`,
    en: (p: { code: string; group: string }) => `Metric ${p.code} of group ${p.group} is given twice.`,
  },
  'score.zero-den': {
    vi: (p: { policy: string; reported: string; sync: boolean; quality: string }) =>
      `d = 0: phương pháp không cho điểm (quy tắc "${p.policy}") nhưng nguồn ghi ${p.reported}${p.sync ? ' (Cổng dùng điểm trung bình của năm trước)' : ''}.${p.quality}`,
    en: (p: { policy: string; reported: string; sync: boolean; quality: string }) =>
      `d = 0: the methodology gives no score (policy "${p.policy}") but the source reports ${p.reported}${p.sync ? ' (the portal substitutes last year’s average)' : ''}.${p.quality}`,
  },
  'score.quality-sentence': {
    vi: (p: { status: string }) => ` Chất lượng dữ liệu: ${p.status}.`,
    en: (p: { status: string }) => ` Data quality: ${p.status}.`,
  },
  'score.not-computable': {
    vi: (p: { code: string; reported: string; n: string; d: string }) =>
      `${p.code}: nguồn ghi ${p.reported} nhưng ${p.n}/${p.d} không tính được điểm (số liệu không khớp hoặc thiếu).`,
    en: (p: { code: string; reported: string; n: string; d: string }) =>
      `${p.code}: the source reports ${p.reported} but ${p.n}/${p.d} cannot be scored (inconsistent or incomplete counts).`,
  },
  'score.metric-differs': {
    vi: (p: { code: string; reported: string; computed: string; n: string; d: string }) =>
      `${p.code}: nguồn ghi ${p.reported}, tính lại được ${p.computed} từ ${p.n}/${p.d}.`,
    en: (p: { code: string; reported: string; computed: string; n: string; d: string }) =>
      `${p.code}: reported ${p.reported}, computed ${p.computed} from ${p.n}/${p.d}.`,
  },
  'score.inferred-formula': {
    vi: 'Giá trị tính lại dùng công thức suy ra (chưa được công bố); điểm của Cổng là điểm chính thức.',
    en: 'The computed value uses the inferred (unpublished) formula; the portal’s score is authoritative.',
  },
  'score.group-differs': {
    vi: (p: { code: string; reported: string; computed: string }) =>
      `${p.code}: nguồn ghi ${p.reported}, tính lại được ${p.computed} (tổng điểm các chỉ tiêu đã làm tròn).`,
    en: (p: { code: string; reported: string; computed: string }) =>
      `${p.code}: reported ${p.reported}, computed ${p.computed} (sum of rounded metric scores).`,
  },
  'score.differing-metrics': {
    vi: (p: { codes: string }) => `Các chỉ tiêu lệch: ${p.codes}.`,
    en: (p: { codes: string }) => `Differing metrics: ${p.codes}.`,
  },
  'score.estimate-split': {
    vi: 'Giá trị tính lại là ước tính (cách chia điểm suy ra); điểm của Cổng là điểm chính thức.',
    en: 'The computed value is an estimate (inferred split); the portal’s score is authoritative.',
  },
  'score.total-differs-computed': {
    vi: 'Tổng điểm nguồn ghi khác tổng điểm các nhóm tính lại.',
    en: 'The reported total differs from the sum of the computed group scores.',
  },
  'score.total-differs': {
    vi: 'Tổng điểm nguồn ghi khác tổng điểm các nhóm (theo điểm nguồn ghi nếu có).',
    en: 'The reported total differs from the sum of the group scores (reported where given).',
  },
  'score.whatif.unknown-metric': {
    vi: (p: { metric: string; known: string }) =>
      `Không có chỉ tiêu "${p.metric}" (các chỉ tiêu: ${p.known}).`,
    en: (p: { metric: string; known: string }) => `Unknown metric "${p.metric}" (known: ${p.known}).`,
  },
  'score.whatif.tracked': {
    vi: (p: { code: string }) =>
      `Chỉ tiêu ${p.code} chỉ để theo dõi, không tính điểm: kịch bản "nếu" không làm thay đổi điểm.`,
    en: (p: { code: string }) =>
      `Metric ${p.code} is tracked, never scored: a what-if cannot change the score.`,
  },
  'score.whatif.ratio': {
    vi: (p: { value: string }) =>
      `Tỷ lệ giả định là một phân số từ 0 đến 1 (0.55 là 55%), nhưng là ${p.value}.`,
    en: (p: { value: string }) =>
      `A what-if ratio is a fraction from 0 to 1 (0.55 for 55%), found ${p.value}.`,
  },
  'score.whatif.no-factor': {
    vi: (p: { code: string }) =>
      `${p.code} không tính được điểm với thay đổi này (chỉ tiêu hệ số của nó không có tỷ lệ).`,
    en: (p: { code: string }) =>
      `${p.code} cannot be scored with this change (its factor metric has no ratio).`,
  },
  'score.whatif.cannot-recompute': {
    vi: (p: { group: string; codes: string }) =>
      `Không tính lại được ${p.group}: chưa có điểm của ${p.codes}.`,
    en: (p: { group: string; codes: string }) => `Cannot recompute ${p.group}: no score for ${p.codes}.`,
  },
  'score.whatif.group-sum': {
    vi: (p: { group: string; score: string; sum: string }) =>
      `Điểm ${p.score} của ${p.group} khác tổng điểm các chỉ tiêu ${p.sum}; kịch bản tính lại nhóm từ các chỉ tiêu.`,
    en: (p: { group: string; score: string; sum: string }) =>
      `${p.group}'s score ${p.score} differs from the sum of its metric scores ${p.sum}; the what-if recomputes the group from its metrics.`,
  },
  'score.whatif.no-total': {
    vi: 'Không có tổng điểm: chưa phải nhóm nào cũng có điểm.',
    en: 'No total: not every group has a score.',
  },
  'score.merge.group': {
    vi: (p: { code: string; a: string; b: string }) =>
      `Nhóm ${p.code} đến từ hai nguồn không khớp (ghi ${p.a} và ${p.b}) hoặc cả hai đều có chi tiết; hãy giữ một bản số liệu.`,
    en: (p: { code: string; a: string; b: string }) =>
      `Group ${p.code} comes from two inputs that disagree (reported ${p.a} vs ${p.b}) or both carry details; keep one reading.`,
  },
  'score.merge.total': {
    vi: (p: { a: string; b: string }) =>
      `Hai tổng điểm khác nhau được ghi cho cùng một đơn vị: ${p.a} và ${p.b}.`,
    en: (p: { a: string; b: string }) =>
      `Two different reported totals for the same unit: ${p.a} and ${p.b}.`,
  },
  // methodology.ts (files shipped in db/seeds/methodology)
  'score.methodology.invalid': {
    vi: (p: { path: string; why: string }) => `Tệp phương pháp tính không hợp lệ tại ${p.path}: ${p.why}`,
    en: (p: { path: string; why: string }) => `Methodology file is invalid at ${p.path}: ${p.why}`,
  },
  'score.methodology.invalid.expected': {
    vi: 'một tài liệu phương pháp tính như mô tả trong src/score/methodology.ts',
    en: 'a methodology document as described in src/score/methodology.ts',
  },
  // Why a seed file is invalid (the part after "tại <đường dẫn JSON>:"); numbers as people read them.
  'score.methodology.why.date': {
    vi: 'ngày phải viết dạng YYYY-MM-DD, ví dụ 2025-07-01',
    en: 'expected a date written YYYY-MM-DD',
  },
  'score.methodology.why.id': {
    vi: 'mã phiên bản viết bằng chữ thường và chữ số, ví dụ v2025',
    en: 'expected a lower-case id such as v2025',
  },
  'score.methodology.why.dates': {
    vi: (p: { to: string; from: string }) =>
      `ngày kết thúc effective_to ${p.to} đứng trước ngày bắt đầu effective_from ${p.from}`,
    en: (p: { to: string; from: string }) => `effective_to ${p.to} is before effective_from ${p.from}`,
  },
  'score.methodology.why.group-twice': {
    vi: (p: { code: string }) => `nhóm tiêu chí ${p.code} xuất hiện hai lần`,
    en: (p: { code: string }) => `group ${p.code} appears twice`,
  },
  'score.methodology.why.group-sum': {
    vi: (p: { sum: string }) => `điểm tối đa của các nhóm cộng lại là ${p.sum}, phải bằng 100`,
    en: (p: { sum: string }) => `group maxima sum to ${p.sum}, expected 100`,
  },
  'score.methodology.why.group-orders': {
    vi: 'thứ tự hiển thị (order) của các nhóm phải khác nhau',
    en: 'group orders must be distinct',
  },
  'score.methodology.why.five-twice': {
    vi: (p: { code: string }) => `${p.code} thuộc hai nhóm của cách trình bày năm nhóm`,
    en: (p: { code: string }) => `${p.code} is in two five-group groups`,
  },
  'score.methodology.why.five-max': {
    vi: (p: { code: string; max: string; sum: string }) =>
      `điểm tối đa ${p.max} của ${p.code} không bằng tổng điểm tối đa các nhóm thành phần (${p.sum})`,
    en: (p: { code: string; max: string; sum: string }) =>
      `${p.code} max ${p.max} is not the sum of its members (${p.sum})`,
  },
  'score.methodology.why.five-cover': {
    vi: 'cách trình bày năm nhóm phải bao gồm đủ sáu nhóm tiêu chí',
    en: 'the five-group form must cover all six groups',
  },
  'score.methodology.why.five-member': {
    vi: (p: { code: string; five: string; form: string }) =>
      `${p.code}.fiveGroup ghi ${p.five} nhưng cách trình bày năm nhóm xếp nhóm này vào ${p.form}`,
    en: (p: { code: string; five: string; form: string }) =>
      `${p.code}.fiveGroup is ${p.five} but the five-group form puts it in ${p.form}`,
  },
  'score.methodology.why.none': { vi: '(không nhóm nào)', en: '(none)' },
  'score.methodology.why.metric-twice': {
    vi: (p: { code: string }) => `chỉ tiêu ${p.code} xuất hiện hai lần`,
    en: (p: { code: string }) => `metric ${p.code} appears twice`,
  },
  'score.methodology.why.tracked-max': {
    vi: (p: { code: string }) => `chỉ tiêu ${p.code} chỉ để theo dõi nên điểm tối đa (max) phải là 0`,
    en: (p: { code: string }) => `tracked metric ${p.code} must have max 0`,
  },
  'score.methodology.why.scored-max': {
    vi: (p: { code: string }) => `chỉ tiêu ${p.code} có tính điểm nên điểm tối đa (max) phải lớn hơn 0`,
    en: (p: { code: string }) => `scored metric ${p.code} needs a max > 0`,
  },
  'score.methodology.why.metric-sum': {
    vi: (p: { group: string; sum: string; max: string }) =>
      `điểm tối đa các chỉ tiêu của ${p.group} cộng lại là ${p.sum}, phải bằng điểm tối đa của nhóm (${p.max})`,
    en: (p: { group: string; sum: string; max: string }) =>
      `metric maxima of ${p.group} sum to ${p.sum}, expected the group max ${p.max}`,
  },
  'score.methodology.why.factor': {
    vi: (p: { metric: string }) =>
      `chỉ tiêu hệ số ${p.metric} phải là một chỉ tiêu khác có tính điểm trong cùng phiên bản`,
    en: (p: { metric: string }) => `factor metric ${p.metric} must be another scored metric of this version`,
  },
  'score.methodology.why.missing': { vi: 'thiếu trường bắt buộc này', en: 'this field is required' },
  'score.methodology.why.type': {
    vi: (p: { expected: string }) => `sai kiểu dữ liệu, cần ${p.expected}`,
    en: (p: { expected: string }) => `wrong type, expected ${p.expected}`,
  },
  'score.methodology.type.number': { vi: 'một số', en: 'a number' },
  'score.methodology.type.int': { vi: 'một số nguyên', en: 'a whole number' },
  'score.methodology.type.string': { vi: 'một chuỗi văn bản', en: 'a text string' },
  'score.methodology.type.boolean': { vi: 'true hoặc false', en: 'true or false' },
  'score.methodology.type.array': { vi: 'một danh sách [...]', en: 'a list [...]' },
  'score.methodology.type.object': { vi: 'một đối tượng {...}', en: 'an object {...}' },
  'score.methodology.why.unknown-keys': {
    vi: (p: { keys: string }) => `trường không có trong định dạng tệp (gõ nhầm?): ${p.keys}`,
    en: (p: { keys: string }) => `keys the format does not have (a typo?): ${p.keys}`,
  },
  'score.methodology.why.one-of': {
    vi: (p: { values: string }) => `hãy dùng một trong các giá trị: ${p.values}`,
    en: (p: { values: string }) => `use one of: ${p.values}`,
  },
  'score.methodology.why.items-exactly': {
    vi: (p: { n: string }) => `cần đúng ${p.n} mục`,
    en: (p: { n: string }) => `needs exactly ${p.n} items`,
  },
  'score.methodology.why.items-at-least': {
    vi: (p: { n: string }) => `cần ít nhất ${p.n} mục`,
    en: (p: { n: string }) => `needs at least ${p.n} item(s)`,
  },
  'score.methodology.why.items-at-most': {
    vi: (p: { n: string }) => `có nhiều nhất ${p.n} mục`,
    en: (p: { n: string }) => `has at most ${p.n} items`,
  },
  'score.methodology.why.empty': { vi: 'không được để trống', en: 'must not be empty' },
  'score.methodology.why.at-least': {
    vi: (p: { n: string }) => `giá trị phải từ ${p.n} trở lên`,
    en: (p: { n: string }) => `must be at least ${p.n}`,
  },
  'score.methodology.why.above': {
    vi: (p: { n: string }) => `giá trị phải lớn hơn ${p.n}`,
    en: (p: { n: string }) => `must be greater than ${p.n}`,
  },
  'score.methodology.why.at-most': {
    vi: (p: { n: string }) => `giá trị phải từ ${p.n} trở xuống`,
    en: (p: { n: string }) => `must be at most ${p.n}`,
  },
  'score.methodology.why.below': {
    vi: (p: { n: string }) => `giá trị phải nhỏ hơn ${p.n}`,
    en: (p: { n: string }) => `must be less than ${p.n}`,
  },
  'score.methodology.not-json': {
    vi: (p: { name: string; why: string }) =>
      `Tệp phương pháp tính ${p.name} không đúng cú pháp JSON: ${p.why}`,
    en: (p: { name: string; why: string }) => `Methodology file ${p.name} is not valid JSON: ${p.why}`,
  },
  'score.methodology.same-id': {
    vi: (p: { id: string }) => `Hai tệp phương pháp tính cùng mã ${p.id}.`,
    en: (p: { id: string }) => `Two methodology files have the id ${p.id}.`,
  },
  'score.methodology.overlap': {
    vi: (p: { id: string; from: string; to: string; next: string; nextFrom: string }) =>
      `Phương pháp ${p.id} (${p.from}..${p.to}) trùng thời gian với ${p.next} (từ ${p.nextFrom}): hãy cho ${p.id} kết thúc trước đó một ngày.`,
    en: (p: { id: string; from: string; to: string; next: string; nextFrom: string }) =>
      `Methodology ${p.id} (${p.from}..${p.to}) overlaps ${p.next} (from ${p.nextFrom}): end ${p.id} the day before.`,
  },
  'score.methodology.open': { vi: 'chưa kết thúc', en: 'open' },
  'score.methodology.none': {
    vi: (p: { dir: string }) => `Không có tệp phương pháp tính nào trong ${p.dir}.`,
    en: (p: { dir: string }) => `No methodology files in ${p.dir}.`,
  },
  'score.methodology.not-a-date': {
    vi: (p: { value: string }) => `"${p.value}" không phải một ngày: ghi dạng YYYY-MM-DD, ví dụ 2026-10-05.`,
    en: (p: { value: string }) => `"${p.value}" is not a date: write it as YYYY-MM-DD, e.g. 2026-10-05.`,
  },
  'score.methodology.not-in-force': {
    vi: (p: { day: string; known: string }) =>
      `Không có phương pháp tính nào áp dụng cho ngày ${p.day} (các phiên bản: ${p.known}).`,
    en: (p: { day: string; known: string }) =>
      `No methodology is in force on ${p.day} (versions: ${p.known}).`,
  },
  'score.methodology.not-in-force.expected': {
    vi: 'một ngày nằm trong thời gian áp dụng của một phiên bản phương pháp tính',
    en: 'a date inside a methodology version',
  },
  'score.methodology.unknown': {
    vi: (p: { id: string; known: string }) =>
      `Không có phiên bản phương pháp tính "${p.id}" (các phiên bản: ${p.known}).`,
    en: (p: { id: string; known: string }) => `Unknown methodology version "${p.id}" (known: ${p.known}).`,
  },
  // mart/portal-scores.ts
  'score.mart.where': {
    vi: (p: { name: string; code: string; period: string; asOf: string }) =>
      `${p.name} (${p.code}), ${p.period}${p.asOf ? ` tính đến ngày ${p.asOf}` : ''}`,
    en: (p: { name: string; code: string; period: string; asOf: string }) =>
      `${p.name} (${p.code}), ${p.period}${p.asOf ? ` as of ${p.asOf}` : ''}`,
  },
  'score.mart.diff': {
    vi: (p: { diff: string }) => ` (nguồn ghi − tính lại = ${p.diff})`,
    en: (p: { diff: string }) => ` (reported − computed = ${p.diff})`,
  },
  'score.mart.conflict': {
    vi: (p: { where: string; group: string; capture: string; summary: string }) =>
      `${p.where}: ${p.group} là ${p.capture} trong bản thu thập của nhóm nhưng là ${p.summary} trong bảng tổng hợp toàn quốc cùng ngày; dùng bản thu thập của nhóm, không dùng tổng điểm của bảng tổng hợp.`,
    en: (p: { where: string; group: string; capture: string; summary: string }) =>
      `${p.where}: ${p.group} is ${p.capture} in its group capture but ${p.summary} in the national summary of the same date; the group capture is used and the summary's total is not.`,
  },
  'score.mart.unknown-metric': {
    vi: (p: { where: string; code: string; group: string; methodology: string }) =>
      `${p.where}: chỉ tiêu ${p.code} của ${p.group} không có trong phương pháp ${p.methodology}; được lưu nhưng không tính điểm.`,
    en: (p: { where: string; code: string; group: string; methodology: string }) =>
      `${p.where}: metric ${p.code} of ${p.group} is not in methodology ${p.methodology}; it is stored but not scored.`,
  },
} satisfies Catalog
