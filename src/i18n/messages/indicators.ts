import type { IndicatorCode } from '../../provincial/indicators.ts'
import type { MessageEntry } from '../catalog.ts'

/**
 * How each provincial indicator (src/provincial/indicators.ts) is read from the one-stop tables: the
 * `note` of the units report (`qd766 units --format json`, /api/units, the /units page). Table codes
 * (T1…T7), column letters (K/J) and metric codes (3.3, TDGQ) are the same in both languages; "the
 * portal" is the Cổng Dịch vụ công quốc gia, which computes the Decision 766 scores.
 */
export const indicators = {
  'prov.note.online_filing': {
    vi: 'T2: hồ sơ trực tuyến / tổng hồ sơ của các thủ tục có dịch vụ công trực tuyến (K/J); T3: trực tuyến / (trực tuyến + trực tiếp + bưu chính công ích); T6: Trong kỳ›Trực tuyến / Trong kỳ›Tổng số.',
    en: 'T2: online dossiers / all dossiers of online procedures (K/J); T3: online / (online + direct + BCCI); T6: Trong kỳ›Trực tuyến / Trong kỳ›Tổng số.',
  },
  'prov.note.online_filing_all_procedures': {
    vi: 'T2 K/H: mẫu số khác có thể dùng cho chỉ tiêu 3.3 (toàn bộ hồ sơ phát sinh, không chỉ hồ sơ của các thủ tục có dịch vụ công trực tuyến).',
    en: 'T2 K/H: the other plausible denominator of 3.3 (all dossiers, not only those of online procedures).',
  },
  'prov.note.procedures_online': {
    vi: 'T2 D/C: số thủ tục hành chính có dịch vụ công trực tuyến / tổng số thủ tục hành chính; T7: (toàn trình + một phần) / số thủ tục, cộng dồn theo các lĩnh vực.',
    en: 'T2 D/C: online procedures / all procedures; T7 (full + partial) / procedures, summed over fields.',
  },
  'prov.note.online_procedures_used': {
    vi: 'T2 I/D: số dịch vụ công trực tuyến có phát sinh hồ sơ / số dịch vụ công trực tuyến.',
    en: 'T2 I/D: online procedures with dossiers / online procedures.',
  },
  'prov.note.digitised_components': {
    vi: 'T1 E/C: hồ sơ tiếp nhận có số hóa thành phần hồ sơ / tổng hồ sơ tiếp nhận.',
    en: 'T1 E/C: dossiers received with digitised components / dossiers received.',
  },
  'prov.note.reuse': {
    vi: 'T1 F/C: hồ sơ sử dụng lại thành phần hồ sơ đã số hóa / tổng hồ sơ tiếp nhận (gần đúng với chỉ tiêu của Cổng Dịch vụ công quốc gia).',
    en: 'T1 F/C: dossiers reusing components / dossiers received (≈ the portal metric).',
  },
  'prov.note.reuse_dvcqg': {
    vi: 'T1 G/C: hồ sơ sử dụng lại dữ liệu từ kho dữ liệu của Cổng Dịch vụ công quốc gia / tổng hồ sơ tiếp nhận; là cột gần nhất với chỉ tiêu nhưng chỉ gần đúng.',
    en: 'T1 G/C: reuse from the DVCQG data store / dossiers received; the closest match, approximate.',
  },
  'prov.note.electronic_result': {
    vi: 'T1 K/I: hồ sơ đã giải quyết có kết quả được số hóa / tổng hồ sơ đã giải quyết (gần đúng với chỉ tiêu của Cổng Dịch vụ công quốc gia).',
    en: 'T1 K/I: resolved dossiers with a digitised result / dossiers resolved (≈ the portal metric).',
  },
  'prov.note.on_time': {
    vi: 'T6 (J+K)/C: hồ sơ giải quyết trước hạn + đúng hạn / hồ sơ tiếp nhận (Cổng Dịch vụ công quốc gia chia cho số hồ sơ tiếp nhận).',
    en: 'T6 (J+K)/C: before + on time / received (the portal divides by dossiers received).',
  },
  'prov.note.on_time_of_processed': {
    vi: 'T6 (J+K)/I: hồ sơ giải quyết trước hạn + đúng hạn / hồ sơ đã giải quyết (cách tính riêng của hệ thống một cửa điện tử).',
    en: 'T6 (J+K)/I: before + on time / processed (the one-stop system’s own reading).',
  },
  'prov.note.online_in_process_on_time': {
    vi: 'T3 J/(J+K): hồ sơ trực tuyến đang giải quyết còn trong hạn / tổng hồ sơ đang giải quyết. Không phải tỷ lệ đúng hạn của nhóm TDGQ.',
    en: 'T3 J/(J+K): online dossiers still in process, in time / all in process. Not the TDGQ rate.',
  },
  'prov.note.sync': {
    vi: 'T3 N/(D+E+F): hồ sơ đã đồng bộ lên Cổng Dịch vụ công quốc gia / tổng hồ sơ tiếp nhận.',
    en: 'T3 N/(D+E+F): dossiers synced to the portal / dossiers received.',
  },
  'prov.note.online_payment': {
    vi: 'T4 H/G (không dùng tỷ lệ H/C có sẵn trong tệp xuất); T5: hồ sơ thanh toán trực tuyến / hồ sơ thu phí, lệ phí; T3 P/O.',
    en: 'T4 H/G (not the exported H/C); T5 online / dossiers with fees; T3 P/O.',
  },
  'prov.note.fee_procedures_with_dossiers': {
    vi: 'T4 D/C: thủ tục có phí, lệ phí phát sinh hồ sơ / thủ tục có phí, lệ phí (Cổng Dịch vụ công quốc gia chỉ đếm các thủ tục được cung cấp trên Cổng).',
    en: 'T4 D/C: fee procedures with dossiers / fee procedures (the portal counts those provided on the DVCQG).',
  },
  'prov.note.fee_procedures_paid_online': {
    vi: 'T4 F/D: thủ tục có phí, lệ phí có giao dịch thanh toán trực tuyến / thủ tục có phí, lệ phí phát sinh hồ sơ.',
    en: 'T4 F/D: fee procedures with an online payment / fee procedures with dossiers.',
  },
  'prov.note.fee_procedures_online': {
    vi: 'T7: thủ tục có phí, lệ phí cung cấp trực tuyến toàn trình hoặc một phần / thủ tục có phí, lệ phí; là phía danh mục thủ tục của chỉ tiêu TTTT 3.5.',
    en: 'T7 (fee procedures online in full or in part) / fee procedures: the catalogue side of TTTT 3.5.',
  },
} satisfies Record<`prov.note.${IndicatorCode}`, MessageEntry>
