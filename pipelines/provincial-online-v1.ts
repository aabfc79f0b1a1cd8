/**
 * T3 — "THEO DÕI CHỈ TIÊU DVC TRỰC TUYẾN" v1, legacy (docs/provincial-exports.md §3 T3, fixture F3): dossiers
 * received by channel, online dossiers in process, sync to the national portal and online payment,
 * per unit with its agency e-ID code ("Mã định danh", kept as text); 18 columns, section rows
 * ("I" Sở, ban, ngành; "II" Cấp huyện … with a merge wider than the table), raw integers, "" for zero
 * rates, float noise in "Tỷ lệ TT trực tiếp (%)" (= |100 − online %|), no totals row and no period
 * line (the period must come from the file name).
 *
 * Also read: the older portal payment variant (STT | Mã định danh | Tên đơn vị | Tổng HS có nghĩa vụ tài
 * chính | Thanh toán trực tuyến trên Cổng DVC Quốc gia ×3), which is this table's last four columns.
 *
 * 766 use: D/(D+E+F) -> CLGQ 3.3 (online filing rate); N/(D+E+F) ≈ CKMB DOSSIER_SYNC; P/O -> TTTT 3.6.
 */
import { makeProvincialPipeline } from '../src/provincial/table.ts'
import type { FamilyDef } from '../src/provincial/table-types.ts'

const RECEIVED = 'Số hồ sơ nhận giải quyết'
const RATES = 'Tỷ lệ nộp hồ sơ trực tuyến'
const IN_PROCESS = 'Kết quả xử lý hồ sơ nộp trực tuyến với hồ sơ đang xử lý'
const PAY = 'Thanh toán trực tuyến trên Cổng DVC Quốc gia'

export const onlineV1Table: FamilyDef = {
  key: 'provincial-online-v1',
  table: 'T3',
  title:
    'Provincial online-services table v1 with agency codes (T3): dossiers by channel, sync to the portal and online payment, per unit',
  label: 'online-services table (T3, legacy "Theo dõi chỉ tiêu DVC trực tuyến" with "Mã định danh")',
  fileStem: 'dvc-truc-tuyen-v1',
  columns: [
    { key: 'stt', kind: 'stt', headers: ['STT', 'TT'] },
    { key: 'code', kind: 'code', required: true, headers: ['Mã định danh', 'Mã đơn vị', 'Mã cơ quan'] },
    { key: 'name', kind: 'name', required: true, headers: ['Tên đơn vị', 'Đơn vị'] },
    {
      key: 'online',
      kind: 'count',
      headers: [[RECEIVED, 'Số mới tiếp nhận trực tuyến'], 'Số mới tiếp nhận trực tuyến'],
    },
    {
      key: 'direct',
      kind: 'count',
      headers: [[RECEIVED, 'Số mới tiếp nhận trực tiếp'], 'Số mới tiếp nhận trực tiếp'],
    },
    {
      key: 'postal',
      kind: 'count',
      headers: [[RECEIVED, 'Số mới tiếp nhận qua BCCI'], 'Số mới tiếp nhận qua BCCI'],
    },
    { key: 'onlineRate', kind: 'rate', headers: [[RATES, 'Tỷ lệ trực tuyến (%)'], 'Tỷ lệ trực tuyến (%)'] },
    { key: 'directRate', kind: 'rate', headers: [[RATES, 'Tỷ lệ trực tiếp (%)'], 'Tỷ lệ trực tiếp (%)'] },
    { key: 'postalRate', kind: 'rate', headers: [[RATES, 'Tỷ lệ nộp BCCI (%)'], 'Tỷ lệ nộp BCCI (%)'] },
    {
      key: 'inProcessOnTime',
      kind: 'count',
      headers: [[IN_PROCESS, 'HS xử lý đúng hạn'], 'HS xử lý đúng hạn'],
    },
    {
      key: 'inProcessOverdue',
      kind: 'count',
      headers: [[IN_PROCESS, 'HS xử lý quá hạn'], 'HS xử lý quá hạn'],
    },
    {
      key: 'inProcessOnTimeRate',
      kind: 'rate',
      headers: [[IN_PROCESS, 'Tỷ lệ HS xử lý đúng hạn (%)'], 'Tỷ lệ HS xử lý đúng hạn (%)'],
    },
    {
      key: 'inProcessOverdueRate',
      kind: 'rate',
      headers: [[IN_PROCESS, 'Tỷ lệ HS xử lý quá hạn (%)'], 'Tỷ lệ HS xử lý quá hạn (%)'],
    },
    {
      key: 'synced',
      kind: 'count',
      headers: ['Số lượng hồ sơ Đã đồng bộ về cổng DVC QG', 'Số hồ sơ đã đồng bộ về cổng DVC QG'],
    },
    { key: 'financial', kind: 'count', headers: ['Tổng HS có nghĩa vụ tài chính'] },
    {
      key: 'paidOnline',
      kind: 'count',
      headers: [[PAY, 'Số HS đã TTTT cổng DVC QG'], 'Số HS đã TTTT cổng DVC QG'],
    },
    {
      key: 'paidOnlineRate',
      kind: 'rate',
      headers: [[PAY, 'Tỷ lệ TTTT cổng DVC QG (%)'], 'Tỷ lệ TTTT cổng DVC QG (%)'],
    },
    {
      key: 'paidDirectRate',
      kind: 'rate',
      headers: [[PAY, 'Tỷ lệ TT trực tiếp (%)'], 'Tỷ lệ TT trực tiếp (%)'],
    },
  ],
  invariants: [
    { lhs: ['synced'], op: '<=', rhs: ['online', 'direct', 'postal'] },
    { lhs: ['paidOnline'], op: '<=', rhs: ['financial'] },
  ],
  indicators: [
    {
      code: 'online_filing',
      num: ['online'],
      den: ['online', 'direct', 'postal'],
      exported: 'onlineRate',
    },
    { code: 'sync', num: ['synced'], den: ['online', 'direct', 'postal'] },
    { code: 'online_payment', num: ['paidOnline'], den: ['financial'], exported: 'paidOnlineRate' },
    {
      code: 'online_in_process_on_time',
      num: ['inProcessOnTime'],
      den: ['inProcessOnTime', 'inProcessOverdue'],
      exported: 'inProcessOnTimeRate',
    },
  ],
  checks: [
    { kind: 'rate', rate: 'directRate', num: ['direct'], den: ['online', 'direct', 'postal'] },
    { kind: 'rate', rate: 'postalRate', num: ['postal'], den: ['online', 'direct', 'postal'] },
    {
      kind: 'rate',
      rate: 'inProcessOverdueRate',
      num: ['inProcessOverdue'],
      den: ['inProcessOnTime', 'inProcessOverdue'],
    },
    { kind: 'complement', rate: 'paidDirectRate', of: 'paidOnlineRate' },
  ],
  accept(header) {
    const channels = header.mapped.has('online') && header.mapped.has('direct')
    const payment = header.mapped.has('financial') && header.mapped.has('paidOnline')
    return channels || payment
      ? null
      : 'A "Mã định danh" table without the dossier-channel or online-payment columns of the T3 layout.'
  },
}

export const provincialOnlineV1 = makeProvincialPipeline(onlineV1Table)
