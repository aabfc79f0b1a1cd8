/**
 * T6 — "THEO DÕI TIẾN ĐỘ GIẢI QUYẾT" (docs/provincial-exports.md §3 T6, fixture F5): dossiers received
 * (carried over + this period by channel), processed (before / on / after the deadline) and still in
 * process, per unit; 15 columns under a 3-row header where "Tổng số" appears four times (keyed by
 * path: Tiếp nhận › Tổng số, Tiếp nhận › Trong kỳ › Tổng số, Đã xử lý › Tổng số, Đang xử lý ›
 * Tổng số); the export nests a title table and a data table in one wrapper. Totals row "Tổng số".
 *
 * Invariants: C = D + E, E = F + G + H, I = J + K + L, C = I + M, M = N + O.
 * 766 use: (J + K) / C -> TDGQ (the portal divides on-time dossiers by dossiers received); (J + K) / I,
 * the system's own reading, is kept beside it. F/E is another reading of the online filing rate.
 */
import { makeProvincialPipeline } from '../src/provincial/table.ts'
import type { FamilyDef } from '../src/provincial/table-types.ts'

const IN = 'Tiếp nhận'
const PERIOD = 'Trong kỳ'
const DONE = 'Đã xử lý'
const OPEN = 'Đang xử lý'

export const progressTable: FamilyDef = {
  key: 'provincial-progress',
  table: 'T6',
  title:
    'Provincial processing-progress table "THEO DÕI TIẾN ĐỘ GIẢI QUYẾT" (T6): dossiers received, processed on time/late and in process, per unit',
  label: 'processing-progress table (T6, "Theo dõi tiến độ giải quyết")',
  fileStem: 'tien-do-giai-quyet',
  columns: [
    { key: 'stt', kind: 'stt', headers: ['STT', 'TT'] },
    { key: 'name', kind: 'name', required: true, headers: ['Đơn vị', 'Tên đơn vị'] },
    { key: 'received', kind: 'count', required: true, headers: [[IN, 'Tổng số']] },
    {
      key: 'carriedOver',
      kind: 'count',
      required: true,
      headers: [[IN, 'Kỳ trước chuyển sang'], 'Kỳ trước chuyển sang'],
    },
    { key: 'newTotal', kind: 'count', required: true, headers: [[PERIOD, 'Tổng số']] },
    { key: 'newOnline', kind: 'count', headers: [[PERIOD, 'Trực tuyến'], 'Trực tuyến'] },
    { key: 'newDirect', kind: 'count', headers: [[PERIOD, 'Trực tiếp'], 'Trực tiếp'] },
    { key: 'newPostal', kind: 'count', headers: [[PERIOD, 'BCCI'], 'BCCI'] },
    { key: 'processed', kind: 'count', required: true, headers: [[DONE, 'Tổng số']] },
    { key: 'early', kind: 'count', required: true, headers: [[DONE, 'Trước hạn'], 'Trước hạn'] },
    {
      key: 'onTime',
      kind: 'count',
      required: true,
      headers: [[DONE, 'Trong hạn'], [DONE, 'Đúng hạn'], 'Trong hạn'],
    },
    { key: 'late', kind: 'count', headers: [[DONE, 'Quá hạn'], 'Quá hạn'] },
    { key: 'inProcess', kind: 'count', headers: [[OPEN, 'Tổng số']] },
    { key: 'inProcessOnTime', kind: 'count', headers: [[OPEN, 'Trong hạn'], 'Trong hạn'] },
    { key: 'inProcessLate', kind: 'count', headers: [[OPEN, 'Quá hạn'], 'Quá hạn'] },
  ],
  invariants: [
    { lhs: ['received'], op: '=', rhs: ['carriedOver', 'newTotal'] },
    { lhs: ['newTotal'], op: '=', rhs: ['newOnline', 'newDirect', 'newPostal'] },
    { lhs: ['processed'], op: '=', rhs: ['early', 'onTime', 'late'] },
    { lhs: ['received'], op: '=', rhs: ['processed', 'inProcess'] },
    { lhs: ['inProcess'], op: '=', rhs: ['inProcessOnTime', 'inProcessLate'] },
  ],
  indicators: [
    { code: 'on_time', num: ['early', 'onTime'], den: ['received'] },
    { code: 'on_time_of_processed', num: ['early', 'onTime'], den: ['processed'] },
    { code: 'online_filing', num: ['newOnline'], den: ['newTotal'] },
  ],
  checks: [],
}

export const provincialProgress = makeProvincialPipeline(progressTable)
