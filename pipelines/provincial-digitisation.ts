/**
 * T1 — "THEO DÕI MỨC ĐỘ SỐ HÓA CÁC ĐƠN VỊ" (docs/provincial-exports.md §3 T1, fixture F1): dossiers received
 * and digitised at receipt, reused, resolved and with a digitised result, per unit; 14 columns A–N
 * (the portal variant has 10: no rate or rating columns). "Tỷ lệ số hóa TPHS" appears under both
 * "Số hóa hồ sơ TTHC khi tiếp nhận" and "Đánh giá": columns are keyed by path, and listed left to
 * right so that a CSV copy without the group row still maps each repeated leaf to the right column.
 *
 * 766 use: E/C -> MDSH SO_HOA_GIAY_TO_GIAI_QUYET; F/C ≈ REUSED_DIGITIZED_DATA; G/C ≈
 * SYNCED_WITH_DVCQG_PERSONAL_STORAGE; K/I ≈ ORIGINAL_RESULT_AVAILABLE. Exported H = E/C and L = K/I
 * are checked; the ratings M/N ("Đạt " from 80%) are checked against the recomputed rates.
 */
import { makeProvincialPipeline } from '../src/provincial/table.ts'
import type { FamilyDef } from '../src/provincial/table-types.ts'

const INPUT = 'Số hóa hồ sơ TTHC khi tiếp nhận'
const RESULT = 'Số hóa kết quả giải quyết'
const RATING = 'Đánh giá'

export const digitisationTable: FamilyDef = {
  key: 'provincial-digitisation',
  table: 'T1',
  title:
    'Provincial digitisation table "THEO DÕI MỨC ĐỘ SỐ HÓA CÁC ĐƠN VỊ" (T1): dossiers received/resolved and digitised, per unit',
  label: 'digitisation table (T1, "Theo dõi mức độ số hóa các đơn vị")',
  fileStem: 'so-hoa',
  columns: [
    { key: 'stt', kind: 'stt', headers: ['STT', 'TT'] },
    { key: 'name', kind: 'name', required: true, headers: ['Đơn vị', 'Tên đơn vị'] },
    { key: 'received', kind: 'count', required: true, headers: ['Tiếp nhận'] },
    {
      key: 'notDigitised',
      kind: 'count',
      required: true,
      headers: [[INPUT, 'Chưa số hóa TPHS'], 'Chưa số hóa TPHS'],
    },
    {
      key: 'digitised',
      kind: 'count',
      required: true,
      headers: [[INPUT, 'Có số hóa TPHS'], 'Có số hóa TPHS'],
    },
    {
      key: 'reused',
      kind: 'count',
      headers: [[INPUT, 'Có tái sử dụng thành phần'], 'Có tái sử dụng thành phần'],
    },
    {
      key: 'reusedDvcqg',
      kind: 'count',
      headers: [
        [INPUT, 'Có tái sử dụng thành phần từ cổng DVC quốc gia'],
        'Có tái sử dụng thành phần từ cổng DVC quốc gia',
      ],
    },
    { key: 'inputRate', kind: 'rate', headers: [[INPUT, 'Tỷ lệ số hóa TPHS'], 'Tỷ lệ số hóa TPHS'] },
    { key: 'resolved', kind: 'count', required: true, headers: ['Đã giải quyết'] },
    { key: 'resultNotDigitised', kind: 'count', headers: [[RESULT, 'Chưa số hóa'], 'Chưa số hóa'] },
    {
      key: 'resultDigitised',
      kind: 'count',
      required: true,
      headers: [[RESULT, 'Đã số hóa'], 'Đã số hóa'],
    },
    { key: 'resultRate', kind: 'rate', headers: [[RESULT, 'Tỷ lệ số hóa kết quả'], 'Tỷ lệ số hóa kết quả'] },
    { key: 'inputRating', kind: 'text', headers: [[RATING, 'Tỷ lệ số hóa TPHS'], 'Tỷ lệ số hóa TPHS'] },
    {
      key: 'resultRating',
      kind: 'text',
      headers: [[RATING, 'Tỷ lệ số hóa kết quả'], 'Tỷ lệ số hóa kết quả'],
    },
  ],
  invariants: [
    { lhs: ['received'], op: '=', rhs: ['notDigitised', 'digitised'] },
    { lhs: ['resolved'], op: '=', rhs: ['resultNotDigitised', 'resultDigitised'] },
    { lhs: ['reused'], op: '<=', rhs: ['received'] },
    { lhs: ['reusedDvcqg'], op: '<=', rhs: ['reused'] },
  ],
  indicators: [
    { code: 'digitised_components', num: ['digitised'], den: ['received'], exported: 'inputRate' },
    { code: 'reuse', num: ['reused'], den: ['received'] },
    { code: 'reuse_dvcqg', num: ['reusedDvcqg'], den: ['received'] },
    { code: 'electronic_result', num: ['resultDigitised'], den: ['resolved'], exported: 'resultRate' },
  ],
  checks: [
    { kind: 'rating', text: 'inputRating', num: ['digitised'], den: ['received'], threshold: 80 },
    { kind: 'rating', text: 'resultRating', num: ['resultDigitised'], den: ['resolved'], threshold: 80 },
  ],
}

export const provincialDigitisation = makeProvincialPipeline(digitisationTable)
