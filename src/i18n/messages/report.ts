import type { Catalog } from '../catalog.ts'

/**
 * The leadership reports (`qd766 report`: the workbook and the HTML page, src/report/leadership/):
 * headings, column headers, notes and sentences. Figures come in already formatted for the language.
 */
export const report = {
  'rpt.h.total': { vi: 'Tổng điểm', en: 'Total score' },
  'rpt.h.rank': { vi: 'Hạng', en: 'Rank' },
  'rpt.h.unit': { vi: 'Đơn vị', en: 'Unit' },
  'rpt.h.lost': { vi: 'Điểm bị mất', en: 'Points lost' },
  'rpt.h.band': { vi: 'Xếp loại', en: 'Rating' },
  'rpt.h.share': { vi: 'Tỷ lệ đạt', en: 'Share achieved' },
  'rpt.h.rank-change-long': {
    vi: 'Thay đổi hạng so với lần trước',
    en: 'Rank change since the previous update',
  },
  'rpt.h.code': { vi: 'Mã', en: 'Code' },
  'rpt.h.province-gain': { vi: 'Điểm tỉnh có thể tăng', en: 'Possible gain for the province' },
  'rpt.h.computed': { vi: 'Điểm tính lại', en: 'Recomputed score' },
  'rpt.h.lost-100': { vi: 'Điểm bị mất (so với 100)', en: 'Points lost (of 100)' },
  'rpt.h.reported': { vi: 'Điểm Cổng công bố', en: 'Score published by the portal' },
  'rpt.h.score': { vi: 'Điểm', en: 'Score' },
  'rpt.h.max': { vi: 'Tối đa', en: 'Maximum' },
  'rpt.h.province': { vi: 'Tỉnh, thành phố', en: 'Province' },
  'rpt.h.standing': { vi: 'Thứ hạng', en: 'Rank' },
  'rpt.h.rank-change': { vi: 'Thay đổi hạng', en: 'Rank change' },
  'rpt.h.provinces': { vi: 'Số tỉnh, thành phố', en: 'Provinces' },
  'rpt.h.group': { vi: 'Nhóm tiêu chí', en: 'Indicator group' },
  'rpt.h.date': { vi: 'Ngày số liệu', en: 'Data date' },
  'rpt.h.metric-code': { vi: 'Mã chỉ tiêu', en: 'Metric code' },
  'rpt.no-ranking': {
    vi: 'Kỳ này chưa có bảng xếp hạng các tỉnh.',
    en: 'No ranking of the provinces for this period yet.',
  },
  'rpt.h.cohort': { vi: 'Khối', en: 'Unit type' },
  'rpt.h.note': { vi: 'Ghi chú', en: 'Note' },
  'rpt.group.DVCTT': { vi: 'Dịch vụ công trực tuyến (gộp)', en: 'Online public services (combined)' },
  'rpt.h.level': { vi: 'Cấp', en: 'Level' },
  'rpt.h.metric': { vi: 'Chỉ tiêu', en: 'Metric' },
  'rpt.estimate-note': {
    vi: 'ước tính (cách chia điểm nhóm chưa được công bố)',
    en: 'estimate (how the group score is split is not published)',
  },
  'rpt.h.full-at': { vi: 'Đủ điểm khi đạt', en: 'Full points at' },
  'rpt.h.share-title': {
    vi: 'Điểm ước tính / điểm tối đa của các chỉ tiêu có số liệu',
    en: 'Estimated score / maximum of the metrics with data',
  },
  'rpt.h.estimated': { vi: 'Điểm ước tính', en: 'Estimated score' },
  'rpt.units.gain-note': {
    vi: 'Điểm tỉnh có thể tăng: điểm ước tính của tỉnh tăng thêm nếu riêng đơn vị đạt mục tiêu (ngưỡng đủ điểm, hoặc 100%).',
    en: "Possible gain for the province: how much the province's estimated score rises if this unit alone reaches the target (the full-points threshold, or 100%).",
  },
  'rpt.h.gain': { vi: 'Điểm tăng thêm', en: 'Points gained' },
  'rpt.xlsx.groups': {
    vi: 'Điểm theo nhóm tiêu chí (nhiều điểm bị mất nhất ở trên)',
    en: 'Scores by indicator group (most points lost first)',
  },
  'rpt.h.metric-after': { vi: 'Điểm chỉ tiêu mới', en: 'New metric score' },
  'rpt.h.metric-before': { vi: 'Điểm chỉ tiêu hiện tại', en: 'Current metric score' },
  'rpt.not-computable': { vi: 'không tính được', en: 'cannot be computed' },
  'rpt.not-national-rank': { vi: 'không phải thứ hạng toàn quốc', en: 'not a national rank' },
  'rpt.same-as-before': { vi: 'giữ nguyên so với lần trước', en: 'unchanged since the previous update' },
  'rpt.unchanged': { vi: 'giữ nguyên', en: 'unchanged' },
  'rpt.tracked-note': { vi: 'chỉ theo dõi, không tính điểm', en: 'tracked only, not scored' },
  'rpt.incomplete-total': { vi: 'chưa đủ điểm các nhóm', en: 'not every group has a score' },
  'rpt.no-comparison': {
    vi: 'chưa so sánh được với lần trước',
    en: 'cannot be compared with the previous update',
  },
  'rpt.no-previous': { vi: 'chưa có lần trước để so sánh', en: 'no previous update to compare with' },
  'rpt.sheet.ranking': { vi: 'Xếp hạng', en: 'Ranking' },
  'rpt.h.ratio-now': { vi: 'Tỷ lệ hiện tại', en: 'Current ratio' },
  'rpt.h.ratio-assumed': { vi: 'Tỷ lệ giả định', en: 'Assumed ratio' },
  'rpt.h.ratio': { vi: 'Tỷ lệ', en: 'Ratio' },
  'rpt.h.numerator': { vi: 'Tử số', en: 'Numerator' },
  'rpt.h.total-after': { vi: 'Tổng điểm mới', en: 'New total score' },
  'rpt.h.total-short': { vi: 'Tổng', en: 'Total' },
  'rpt.h.max-with-data': { vi: 'Tối đa các chỉ tiêu có số liệu', en: 'Maximum of the metrics with data' },
  'rpt.whatif.nothing-lost': {
    vi: 'Tỉnh không mất điểm ở chỉ tiêu nào: không có kịch bản cần tính.',
    en: 'The province loses no points on any metric: there is no scenario to compute.',
  },
  'rpt.not-ranked': {
    vi: 'Tỉnh chưa được xếp hạng trong lần cập nhật này.',
    en: 'The province is not ranked in this update.',
  },
  'rpt.incomplete': {
    vi: 'Tỉnh chưa có đủ điểm sáu nhóm trong lần cập nhật này nên chưa có tổng điểm và thứ hạng.',
    en: 'The province does not have all six group scores in this update, so it has no total and no rank.',
  },
  'rpt.h.by-portal': { vi: 'Theo Cổng', en: 'Per the portal' },
  'rpt.h.score-change-period': {
    vi: 'Thay đổi điểm so với kỳ trước',
    en: 'Score change since the previous period',
  },
  'rpt.h.score-change': { vi: 'Thay đổi điểm', en: 'Score change' },
  'rpt.h.units-ranked': { vi: 'Số đơn vị được xếp hạng', en: 'Units ranked' },
  'rpt.h.provinces-with-data': { vi: 'Số tỉnh có số liệu', en: 'Provinces with data' },
  'rpt.portal-units.none': {
    vi: 'Số liệu thu thập từ Cổng không có đơn vị trực thuộc.',
    en: 'The portal captures list no units of the province.',
  },
  'rpt.h.mismatches': { vi: 'Số chênh lệch Cổng/tính lại', en: 'Portal/recomputed differences' },
  'rpt.h.vs-previous': { vi: 'So với lần trước', en: 'Since the previous update' },
  'rpt.xlsx.whatif': {
    vi: 'Nếu cải thiện: ba chỉ tiêu mất nhiều điểm nhất đạt mức đủ điểm',
    en: 'What if: the three metrics losing the most points reach full points',
  },
  'rpt.h.group-short': { vi: 'Nhóm', en: 'Group' },
  'rpt.h.source': { vi: 'Nguồn', en: 'Source' },
  'rpt.history.one': {
    vi: 'Mới có một lần cập nhật; đường diễn biến sẽ hiện khi có thêm bảng xếp hạng.',
    en: 'Only one update so far; the line appears when more rankings arrive.',
  },
  'rpt.xlsx.whatif-note': {
    vi: 'Mỗi dòng tính riêng một chỉ tiêu; dòng cuối tính cả ba cùng lúc. Điểm các tỉnh khác giữ nguyên.',
    en: "Each row changes one metric alone; the last row changes all three at once. The other provinces' scores stay as they are.",
  },
  'rpt.h.denominator': { vi: 'Mẫu số', en: 'Denominator' },
  'rpt.h.group-code': { vi: 'Mã nhóm', en: 'Group code' },
  'rpt.sheet.history': { vi: 'Lịch sử', en: 'Rank history' },
  'rpt.h.period': { vi: 'Kỳ', en: 'Period' },
  'rpt.units.none-losing': {
    vi: 'Không đơn vị nào làm tỉnh mất điểm theo các bảng hiện có.',
    en: 'No unit costs the province points according to the tables at hand.',
  },
  'rpt.whatif.group-incomplete': {
    vi: 'Không tính được: nhóm của chỉ tiêu này thiếu điểm của chỉ tiêu khác.',
    en: "Cannot be computed: this metric's group lacks the score of another metric.",
  },
  'rpt.metrics.none-lost': { vi: 'Không mất điểm ở chỉ tiêu nào.', en: 'No points lost on any metric.' },
  'rpt.units.none': { vi: 'Không có số liệu đơn vị.', en: 'No unit figures.' },
  'rpt.h.group-rank-title': { vi: 'Hạng trong nhóm tiêu chí', en: 'Rank on this indicator group' },
  'rpt.h.group-rank': { vi: 'Hạng trong nhóm', en: 'Rank in group' },
  'rpt.h.level-rank': { vi: 'Hạng trong cấp', en: 'Rank in level' },
  'rpt.h.rank-with-data': { vi: 'Hạng trong các tỉnh có số liệu', en: 'Rank among provinces with data' },
  'rpt.h.rank-after': { vi: 'Hạng mới', en: 'New rank' },
  'rpt.h.rank-before': { vi: 'Hạng hiện tại', en: 'Current rank' },
  'rpt.unchanged-cap': { vi: 'Giữ nguyên', en: 'Unchanged' },
  'rpt.component-note': {
    vi: 'Cổng chỉ công bố điểm cả nhóm',
    en: 'the portal publishes only the whole group score',
  },
  'rpt.h.weakest': { vi: 'Chỉ tiêu yếu nhất', en: 'Weakest metric' },
  'rpt.portal-units.none-complete': {
    vi: 'Chưa đơn vị nào có đủ điểm sáu nhóm.',
    en: 'No unit has all six group scores yet.',
  },
  'rpt.groups.none': { vi: 'Chưa có điểm nhóm.', en: 'No group scores yet.' },
  'rpt.xlsx.no-metrics': {
    vi: 'Chưa có số liệu chi tiết theo chỉ tiêu: cần dữ liệu thu thập từ Cổng Dịch vụ công quốc gia cho kỳ này.',
    en: 'No metric-level figures: this period needs captures from the National Public Service Portal.',
  },
  'rpt.metrics.by-group': {
    vi: 'Chưa có số liệu chi tiết theo chỉ tiêu (cần dữ liệu thu thập từ Cổng Dịch vụ công quốc gia); dưới đây là điểm bị mất theo nhóm.',
    en: 'No metric-level figures (they need captures from the National Public Service Portal); below are the points lost by group.',
  },
  'rpt.history.none-short': { vi: 'Chưa có bảng xếp hạng nào.', en: 'No ranking yet.' },
  'rpt.history.none': {
    vi: 'Chưa có bảng xếp hạng nào để vẽ diễn biến thứ hạng.',
    en: 'No ranking yet to draw the rank over time.',
  },
  'rpt.h.difference': { vi: 'Chênh lệch (Cổng − tính lại)', en: 'Difference (portal − recomputed)' },
  'rpt.xlsx.metrics': {
    vi: 'Chi tiết chỉ tiêu (sắp xếp theo điểm bị mất)',
    en: 'Metric detail (sorted by points lost)',
  },
  'rpt.portal-units.no-captures': {
    vi: 'Chưa có số liệu đơn vị thu thập từ Cổng Dịch vụ công quốc gia cho kỳ này.',
    en: 'No unit figures captured from the National Public Service Portal for this period.',
  },
  'rpt.units.no-tables': {
    vi: 'Chưa có số liệu đơn vị: chưa có bảng xuất từ hệ thống một cửa của tỉnh (số hóa, dịch vụ công trực tuyến, thanh toán, tiến độ) trong kho dữ liệu.',
    en: "No unit figures: the home has no exports from the province's one-stop system (digitisation, online services, payment, progress).",
  },
  'rpt.group.CKMB': { vi: 'Công khai, minh bạch', en: 'Transparency' },
  'rpt.group.TDGQ': { vi: 'Tiến độ giải quyết', en: 'Processing progress' },
  'rpt.group.CLGQ': { vi: 'Dịch vụ công trực tuyến', en: 'Online public services' },
  'rpt.group.TTTT': { vi: 'Thanh toán trực tuyến', en: 'Online payment' },
  'rpt.group.MDHL': { vi: 'Mức độ hài lòng', en: 'Satisfaction' },
  'rpt.group.MDSH': { vi: 'Số hóa hồ sơ', en: 'Digitised dossiers' },
  'rpt.points': { vi: (p: { n: string }) => `${p.n} điểm`, en: (p: { n: string }) => `${p.n} points` },
  'rpt.rank-up': { vi: (p: { n: number }) => `tăng ${p.n} bậc`, en: (p: { n: number }) => `up ${p.n}` },
  'rpt.rank-down': { vi: (p: { n: number }) => `giảm ${p.n} bậc`, en: (p: { n: number }) => `down ${p.n}` },
  'rpt.change.up': {
    vi: (p: { n: number }) => `↑${p.n} so với lần trước`,
    en: (p: { n: number }) => `↑${p.n} since the previous update`,
  },
  'rpt.change.down': {
    vi: (p: { n: number }) => `↓${p.n} so với lần trước`,
    en: (p: { n: number }) => `↓${p.n} since the previous update`,
  },
  'rpt.headline': {
    vi: (p: { name: string; rank: number; n: number; total: string; change: string }) =>
      `${p.name}: hạng ${p.rank}/${p.n}, ${p.total}, ${p.change}`,
    en: (p: { name: string; rank: number; n: number; total: string; change: string }) =>
      `${p.name}: rank ${p.rank}/${p.n}, ${p.total}, ${p.change}`,
  },
  'rpt.headline.unranked': {
    vi: (p: { name: string; total: string }) => `${p.name}: chưa được xếp hạng, ${p.total}`,
    en: (p: { name: string; total: string }) => `${p.name}: not ranked, ${p.total}`,
  },
  'rpt.headline.partial': {
    vi: (p: { name: string; total: string; ranked: number; n: number }) =>
      `${p.name}: ${p.total}; bản số liệu này chỉ xếp ${p.ranked}/${p.n} tỉnh, không phải thứ hạng toàn quốc`,
    en: (p: { name: string; total: string; ranked: number; n: number }) =>
      `${p.name}: ${p.total}; this reading ranks only ${p.ranked}/${p.n} provinces, not a national rank`,
  },
  'rpt.history.left-out': {
    vi: (p: { n: number }) =>
      `${p.n} lần cập nhật chỉ xếp hạng dưới một nửa số tỉnh, thành phố (số liệu tự thu thập của vài tỉnh) không được đưa vào diễn biến thứ hạng.`,
    en: (p: { n: number }) =>
      `${p.n} update(s) ranking under half of the provinces (a few provinces' own captures) are left out of the rank over time.`,
  },
  'rpt.whatif.no-metrics': {
    vi: 'Chưa có số liệu chi tiết theo chỉ tiêu (dữ liệu thu thập từ Cổng Dịch vụ công quốc gia) cho kỳ này, nên chưa tính được kịch bản "nếu cải thiện".',
    en: 'No metric-level figures (captures from the National Public Service Portal) for this period, so the "what if" scenarios cannot be computed.',
  },
  'rpt.whatif.failed': {
    vi: (p: { error: string }) => `Không tính được (${p.error}).`,
    en: (p: { error: string }) => `Cannot be computed (${p.error}).`,
  },
  'rpt.whatif.n-metrics': {
    vi: (p: { n: number }) => `${p.n} chỉ tiêu`,
    en: (p: { n: number }) => `${p.n} metrics`,
  },
  'rpt.whatif.all': {
    vi: (p: { n: number }) => `Cả ${p.n} chỉ tiêu trên cùng đạt mức đủ điểm`,
    en: (p: { n: number }) => `All ${p.n} metrics above at full points`,
  },
  'rpt.whatif.other-day': {
    vi: (p: { portal: string; total: string; date: string }) =>
      `Điểm tăng thêm tính lại từ số liệu Cổng ngày ${p.portal}, cộng vào tổng điểm ${p.total} theo bảng xếp hạng ngày ${p.date}; thứ hạng giả định so với tổng điểm của các tỉnh khác trong bảng xếp hạng đó.`,
    en: (p: { portal: string; total: string; date: string }) =>
      `The points gained are recomputed from the portal captures of ${p.portal} and added to the total ${p.total} of the ranking of ${p.date}; the assumed rank compares with the other provinces' totals in that ranking.`,
  },
  'rpt.units.latest': {
    vi: (p: { period: string; latest: string }) =>
      `Chưa có bảng số liệu của các đơn vị cho kỳ ${p.period}; dưới đây là kỳ gần nhất có số liệu (${p.latest}).`,
    en: (p: { period: string; latest: string }) =>
      `No unit tables for ${p.period} yet; below is the latest period with figures (${p.latest}).`,
  },
  'rpt.sheet.province': {
    vi: (p: { kind: string; name: string }) => `${p.kind} ${p.name}`,
    en: (p: { kind: string; name: string }) => p.name,
  },
  'rpt.sheet.units': { vi: 'Đơn vị', en: 'Units' },
  'rpt.s1': { vi: '1. Thứ hạng qua thời gian', en: '1. Rank over time' },
  'rpt.s2': { vi: '2. Điểm theo nhóm tiêu chí', en: '2. Scores by indicator group' },
  'rpt.s3': { vi: '3. Điểm bị mất theo chỉ tiêu', en: '3. Points lost by metric' },
  'rpt.s4': { vi: '4. Đơn vị làm mất nhiều điểm nhất', en: '4. Units losing the most points' },
  'rpt.s5': { vi: '5. Bảng xếp hạng', en: '5. Ranking' },
  'rpt.s5-n': {
    vi: (p: { n: number }) => `5. Bảng xếp hạng ${p.n} tỉnh, thành phố`,
    en: (p: { n: number }) => `5. Ranking of the ${p.n} provinces`,
  },
  'rpt.history.chart-title': {
    vi: (p: { name: string; n: number }) =>
      `Thứ hạng của ${p.name} qua các lần cập nhật (trong ${p.n} tỉnh, thành phố)`,
    en: (p: { name: string; n: number }) => `Rank of ${p.name} over the updates (among ${p.n} provinces)`,
  },
  'rpt.history.point': {
    vi: (p: { label: string; period: string; rank: string; total: string }) =>
      `${p.label} (${p.period}): hạng ${p.rank}, ${p.total} điểm`,
    en: (p: { label: string; period: string; rank: string; total: string }) =>
      `${p.label} (${p.period}): rank ${p.rank}, ${p.total} points`,
  },
  'rpt.history.row-title': {
    vi: (p: { period: string; source: string }) => `${p.period}; nguồn: ${p.source}`,
    en: (p: { period: string; source: string }) => `${p.period}; source: ${p.source}`,
  },
  'rpt.history.lead': {
    vi: (p: { n: number }) =>
      `Hạng 1 ở trên cùng. Mỗi điểm là một lần cập nhật bảng xếp hạng ${p.n} tỉnh, thành phố.`,
    en: (p: { n: number }) =>
      `Rank 1 at the top. Each point is one update of the ranking of ${p.n} provinces.`,
  },
  'rpt.history.more': {
    vi: (p: { shown: number; n: number; sheet: string }) =>
      `${p.shown} lần cập nhật gần nhất; đủ ${p.n} lần trong sheet “${p.sheet}” của bảng tính.`,
    en: (p: { shown: number; n: number; sheet: string }) =>
      `The latest ${p.shown} updates; all ${p.n} are in the workbook's “${p.sheet}” sheet.`,
  },
  'rpt.groups.chart-title': {
    vi: (p: { name: string }) => `Điểm từng nhóm tiêu chí so với điểm tối đa — ${p.name}`,
    en: (p: { name: string }) => `Score of each indicator group against its maximum — ${p.name}`,
  },
  'rpt.groups.bar-title': {
    vi: (p: { name: string; score: string; max: string; share: string; rank: string }) =>
      `${p.name}: ${p.score}/${p.max} điểm (${p.share})${p.rank}`,
    en: (p: { name: string; score: string; max: string; share: string; rank: string }) =>
      `${p.name}: ${p.score}/${p.max} points (${p.share})${p.rank}`,
  },
  'rpt.groups.bar-rank': {
    vi: (p: { rank: number; n: number }) => `, hạng ${p.rank}/${p.n} trong nhóm`,
    en: (p: { rank: number; n: number }) => `, rank ${p.rank}/${p.n} on the group`,
  },
  'rpt.groups.source': {
    vi: (p: { label: string }) => `Điểm nhóm ${p.label}.`,
    en: (p: { label: string }) => `Group scores ${p.label}.`,
  },
  'rpt.groups.source-portal': {
    vi: (p: { label: string }) =>
      ` Cột “Theo Cổng”: điểm nhóm ${p.label} (khác ngày nên có thể khác điểm nhóm của bảng xếp hạng; phần 3 dùng số liệu này).`,
    en: (p: { label: string }) =>
      ` Column “Per the portal”: group scores ${p.label} (another day, so they may differ from the ranking's; part 3 uses these figures).`,
  },
  'rpt.groups.lead': {
    vi: 'Thanh màu là điểm đạt được, phần xám là điểm còn thiếu so với tối đa. Xanh lá: đạt từ 80% điểm tối đa; đỏ: dưới 60%. Bảng xếp theo điểm bị mất.',
    en: 'The coloured bar is the score achieved, the grey part what is missing to the maximum. Green: 80% of the maximum or more; red: under 60%. The table is sorted by points lost.',
  },
  'rpt.whatif.up-to': {
    vi: (p: { rank: number; n: number }) => `, lên hạng ${p.rank}/${p.n}`,
    en: (p: { rank: number; n: number }) => `, up to rank ${p.rank}/${p.n}`,
  },
  'rpt.whatif.still': {
    vi: (p: { rank: number; n: number }) => `, vẫn hạng ${p.rank}/${p.n}`,
    en: (p: { rank: number; n: number }) => `, still rank ${p.rank}/${p.n}`,
  },
  'rpt.whatif.sentence': {
    vi: (p: { gain: string; total: string; rank: string }) => `${p.gain} điểm, tổng ${p.total}${p.rank}`,
    en: (p: { gain: string; total: string; rank: string }) => `${p.gain} points, total ${p.total}${p.rank}`,
  },
  'rpt.metrics.lead': {
    vi: (p: { date: string; other: string }) =>
      `Điểm bị mất ở từng chỉ tiêu (điểm tối đa trừ điểm đạt), nhiều nhất ở trên. Số liệu chi tiết từ Cổng Dịch vụ công quốc gia${p.date}.${p.other}`,
    en: (p: { date: string; other: string }) =>
      `Points lost on each metric (maximum minus score), most first. Detailed figures from the National Public Service Portal${p.date}.${p.other}`,
  },
  'rpt.on-day': {
    vi: (p: { date: string }) => `, ngày ${p.date}`,
    en: (p: { date: string }) => `, ${p.date}`,
  },
  'rpt.metrics.other-day': {
    vi: (p: { date: string }) =>
      ` Số liệu này khác ngày với bảng xếp hạng (${p.date}), nên điểm nhóm cộng từ các chỉ tiêu có thể khác điểm nhóm ở phần 2.`,
    en: (p: { date: string }) =>
      ` These figures are of another day than the ranking (${p.date}), so group scores summed from the metrics may differ from part 2.`,
  },
  'rpt.metrics.chart-title': {
    vi: (p: { name: string }) => `Điểm bị mất theo chỉ tiêu — ${p.name}`,
    en: (p: { name: string }) => `Points lost by metric — ${p.name}`,
  },
  'rpt.metrics.group-chart-title': {
    vi: (p: { name: string }) => `Điểm bị mất theo nhóm — ${p.name}`,
    en: (p: { name: string }) => `Points lost by group — ${p.name}`,
  },
  'rpt.estimate-suffix': { vi: ' (ước tính)', en: ' (estimate)' },
  'rpt.metrics.bar-title': {
    vi: (p: {
      name: string
      group: string
      ratio: string
      score: string
      max: string
      lost: string
      full: string
    }) => `${p.name} [${p.group}]: tỷ lệ ${p.ratio}, đạt ${p.score}/${p.max}, mất ${p.lost} điểm${p.full}`,
    en: (p: {
      name: string
      group: string
      ratio: string
      score: string
      max: string
      lost: string
      full: string
    }) =>
      `${p.name} [${p.group}]: ratio ${p.ratio}, score ${p.score}/${p.max}, ${p.lost} points lost${p.full}`,
  },
  'rpt.metrics.bar-full': {
    vi: (p: { at: string }) => `; đủ điểm khi đạt ${p.at}`,
    en: (p: { at: string }) => `; full points at ${p.at}`,
  },
  /** `name` is HTML-escaped by the caller; the <strong> is markup of the page. */
  'rpt.whatif.raise': {
    vi: (p: { name: string; from: string; to: string }) =>
      `Đưa <strong>${p.name}</strong> từ ${p.from} lên ${p.to}`,
    en: (p: { name: string; from: string; to: string }) =>
      `Raise <strong>${p.name}</strong> from ${p.from} to ${p.to}`,
  },
  'rpt.whatif.title': { vi: 'Ưu tiên cải thiện', en: 'Priorities' },
  'rpt.whatif.lead': {
    vi: 'Ba chỉ tiêu mất nhiều điểm nhất, nếu đạt mức đủ điểm (mỗi dòng tính riêng; dòng cuối: cả ba cùng lúc; các tỉnh khác giữ nguyên điểm).',
    en: "The three metrics losing the most points, if they reach full points (each row alone; the last row: all three at once; the other provinces' scores unchanged).",
  },
  'rpt.metrics.more': {
    vi: (p: { n: number; sheet: string }) =>
      `Và ${p.n} chỉ tiêu khác mất ít điểm hơn (xem sheet “${p.sheet}” của bảng tính).`,
    en: (p: { n: number; sheet: string }) =>
      `And ${p.n} other metrics losing fewer points (see the workbook's “${p.sheet}” sheet).`,
  },
  'rpt.units.title': {
    vi: (p: { period: string; to: string }) => `Theo số liệu hệ thống một cửa của tỉnh (${p.period}${p.to})`,
    en: (p: { period: string; to: string }) => `From the province's one-stop system (${p.period}${p.to})`,
  },
  'rpt.to': { vi: (p: { date: string }) => `, đến ${p.date}`, en: (p: { date: string }) => `, to ${p.date}` },
  'rpt.to-date': {
    vi: (p: { date: string }) => `, đến ngày ${p.date}`,
    en: (p: { date: string }) => `, to ${p.date}`,
  },
  'rpt.units.lead': {
    vi: 'Điểm có thể tăng: điểm ước tính của tỉnh tăng thêm nếu riêng đơn vị đó đạt mục tiêu ở mọi chỉ tiêu. Số liệu ước tính từ bảng xuất của tỉnh, không phải điểm chính thức của Cổng.',
    en: "Possible gain: how much the province's estimated score rises if that unit alone reaches the target on every metric. Estimates from the province's exports, not the portal's official scores.",
  },
  'rpt.portal-units.title': {
    vi: (p: { period: string; day: string }) => `Theo Cổng Dịch vụ công quốc gia (${p.period}${p.day})`,
    en: (p: { period: string; day: string }) =>
      `Per the National Public Service Portal (${p.period}${p.day})`,
  },
  'rpt.portal-units.lead': {
    vi: 'Các đơn vị có tổng điểm thấp nhất; sở, ban, ngành và xã, phường được xếp hạng riêng.',
    en: 'The units with the lowest totals; agencies and communes are ranked separately.',
  },
  'rpt.portal-units.incomplete': {
    vi: (p: { n: number }) => ` ${p.n} đơn vị chưa đủ điểm sáu nhóm nên chưa có tổng.`,
    en: (p: { n: number }) => ` ${p.n} unit(s) lack some of the six group scores, so they have no total.`,
  },
  'rpt.ranking.missing': {
    vi: (p: { names: string }) => `Không có trong lần cập nhật này (không xếp hạng): ${p.names}.`,
    en: (p: { names: string }) => `Absent from this update (not ranked): ${p.names}.`,
  },
  'rpt.as-of': {
    vi: (p: { date: string }) => `, số liệu tính đến ngày ${p.date}`,
    en: (p: { date: string }) => `, figures as of ${p.date}`,
  },
  'rpt.ranking.lead': {
    vi: (p: { period: string; asOf: string; ranked: number; n: number }) =>
      `${p.period}${p.asOf}; ${p.ranked}/${p.n} tỉnh, thành phố được xếp hạng. Các tỉnh bằng điểm cùng hạng.`,
    en: (p: { period: string; asOf: string; ranked: number; n: number }) =>
      `${p.period}${p.asOf}; ${p.ranked}/${p.n} provinces ranked. Provinces with equal scores share a rank.`,
  },
  'rpt.ranking.col-title': {
    vi: (p: { name: string; max: number }) => `${p.name} (tối đa ${p.max})`,
    en: (p: { name: string; max: number }) => `${p.name} (maximum ${p.max})`,
  },
  'rpt.title': {
    vi: (p: { name: string; period: string }) =>
      `${p.name} — Chỉ số phục vụ người dân, doanh nghiệp (QĐ 766), ${p.period}`,
    en: (p: { name: string; period: string }) =>
      `${p.name} — Index of service to citizens and businesses (Decision 766), ${p.period}`,
  },
  'rpt.meta.as-of': {
    vi: (p: { date: string }) => `số liệu tính đến ngày ${p.date}`,
    en: (p: { date: string }) => `figures as of ${p.date}`,
  },
  'rpt.meta.source': {
    vi: (p: { source: string }) => `nguồn: ${p.source}`,
    en: (p: { source: string }) => `source: ${p.source}`,
  },
  'rpt.kicker': {
    vi: 'Chỉ số phục vụ người dân, doanh nghiệp · QĐ 766/QĐ-TTg',
    en: 'Index of service to citizens and businesses · Decision 766/QĐ-TTg',
  },
  'rpt.footer': {
    vi: (p: { at: string; version: string }) =>
      `Lập bởi qd766 lúc ${p.at}. Điểm công bố của Cổng Dịch vụ công quốc gia là số liệu chính thức; số “ước tính” tính lại theo phương pháp${p.version} để chỉ ra chỗ mất điểm. Xếp hạng: các tỉnh bằng điểm cùng hạng (1, 2, 2, 4).`,
    en: (p: { at: string; version: string }) =>
      `Made by qd766 at ${p.at}. The scores published by the National Public Service Portal are the official figures; the “estimates” are recomputed with the methodology${p.version} to show where points are lost. Ranking: provinces with equal scores share a rank (1, 2, 2, 4).`,
  },
  'rpt.xlsx.footer': {
    vi: '&L&8qd766 — QĐ 766&R&8Trang &P/&N',
    en: '&L&8qd766 — Decision 766&R&8Page &P/&N',
  },
  'rpt.xlsx.ranking-title': {
    vi: (p: { sub: string }) => `Xếp hạng Chỉ số phục vụ người dân, doanh nghiệp (QĐ 766) — ${p.sub}`,
    en: (p: { sub: string }) =>
      `Ranking on the index of service to citizens and businesses (Decision 766) — ${p.sub}`,
  },
  'rpt.xlsx.ranking-sub': {
    vi: (p: { ranked: number; n: number; source: string; name: string }) =>
      `${p.ranked}/${p.n} tỉnh, thành phố được xếp hạng; nguồn: ${p.source}; dòng tô vàng: ${p.name}`,
    en: (p: { ranked: number; n: number; source: string; name: string }) =>
      `${p.ranked}/${p.n} provinces ranked; source: ${p.source}; highlighted row: ${p.name}`,
  },
  'rpt.xlsx.score-col': {
    vi: (p: { label: string }) => `Cột “Điểm” ${p.label}. `,
    en: (p: { label: string }) => `Column “Score” ${p.label}. `,
  },
  'rpt.xlsx.portal-cols': {
    vi: (p: { label: string }) => `“Điểm Cổng công bố” và “Điểm tính lại”: ${p.label}`,
    en: (p: { label: string }) => `“Score published by the portal” and “Recomputed score”: ${p.label}`,
  },
  'rpt.xlsx.other-day': {
    vi: ' (khác ngày nên có thể khác cột “Điểm”).',
    en: ' (another day, so they may differ from the “Score” column).',
  },
  'rpt.data-quality': {
    vi: (p: { status: string }) => `chất lượng dữ liệu: ${p.status}`,
    en: (p: { status: string }) => `data quality: ${p.status}`,
  },
  'rpt.h.indicator-gain': {
    vi: (p: { short: string }) => `${p.short}: điểm có thể tăng`,
    en: (p: { short: string }) => `${p.short}: possible gain`,
  },
  'rpt.xlsx.units-title': {
    vi: (p: { period: string; to: string }) =>
      `Theo bảng xuất từ hệ thống một cửa của tỉnh — ${p.period}${p.to} (ước tính)`,
    en: (p: { period: string; to: string }) =>
      `From the exports of the province's one-stop system — ${p.period}${p.to} (estimates)`,
  },
  'rpt.xlsx.portal-units-title': {
    vi: (p: { period: string; day: string }) => `Theo Cổng Dịch vụ công quốc gia — ${p.period}${p.day}`,
    en: (p: { period: string; day: string }) =>
      `Per the National Public Service Portal — ${p.period}${p.day}`,
  },
  'rpt.xlsx.units-sheet-title': {
    vi: (p: { name: string }) => `Đơn vị trực thuộc — ${p.name}`,
    en: (p: { name: string }) => `Units — ${p.name}`,
  },
  'rpt.xlsx.history-title': {
    vi: (p: { name: string }) => `Thứ hạng và tổng điểm của ${p.name} qua các lần cập nhật`,
    en: (p: { name: string }) => `Rank and total score of ${p.name} over the updates`,
  },
  'rpt.xlsx.history-sub': {
    vi: (p: { type: string; n: number }) =>
      `Các bảng xếp hạng cùng loại kỳ (${p.type}) và cùng danh sách ${p.n} tỉnh, thành phố`,
    en: (p: { type: string; n: number }) =>
      `The rankings of the same kind of period (${p.type}) and the same ${p.n}-province list`,
  },
  'rpt.period-type.year': { vi: 'năm', en: 'year' },
  'rpt.period-type.quarter': { vi: 'quý', en: 'quarter' },
  'rpt.period-type.month': { vi: 'tháng', en: 'month' },
  'rpt.xlsx.wb-title': {
    vi: (p: { name: string }) => `${p.name} — Chỉ số phục vụ người dân, doanh nghiệp (QĐ 766)`,
    en: (p: { name: string }) => `${p.name} — Index of service to citizens and businesses (Decision 766)`,
  },
} satisfies Catalog
