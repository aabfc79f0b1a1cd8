/**
 * T5 — "THEO DÕI THANH TOÁN TRỰC TUYẾN" follow-up with money (docs/provincial-exports.md §3 T5, fixture
 * F4b): dossiers with fees paid directly / online and the fees collected, per unit; 9 columns, counts
 * with "." thousands ("1.234") and money with "," thousands ("12,500,000") in the same row, rate
 * "81.04%" or "0", a totals row. Also reads the untitled sibling "THỐNG KÊ THANH TOÁN TRỰC TUYẾN CÁC
 * ĐƠN VỊ" ("Số hồ sơ thu phí", "Tổng số tiền").
 *
 * 766 use: online / dossiers with fees -> TTTT 3.6 (the exported rate is online / (direct + online)).
 */
import { makeProvincialPipeline } from '../src/provincial/table.ts'
import type { FamilyDef } from '../src/provincial/table-types.ts'

export const paymentMoneyTable: FamilyDef = {
  key: 'provincial-payment-money',
  table: 'T5',
  title:
    'Provincial online-payment follow-up with fees in VNĐ (T5): dossiers with fees paid directly/online and amounts, per unit',
  label: 'online-payment follow-up table (T5, with "Phí (VNĐ)" / "Lệ phí (VNĐ)")',
  fileStem: 'thanh-toan-phi',
  columns: [
    { key: 'stt', kind: 'stt', headers: ['STT', 'TT'] },
    { key: 'name', kind: 'name', required: true, headers: ['Tên đơn vị', 'Đơn vị'] },
    { key: 'feeDossiers', kind: 'count', required: true, headers: ['Hồ sơ thu phí', 'Số hồ sơ thu phí'] },
    { key: 'paidDirect', kind: 'count', required: true, headers: [['Thanh toán', 'Trực tiếp'], 'Trực tiếp'] },
    {
      key: 'paidOnline',
      kind: 'count',
      required: true,
      headers: [['Thanh toán', 'Trực tuyến'], 'Trực tuyến'],
    },
    { key: 'onlineRate', kind: 'rate', headers: ['Tỷ lệ thanh toán trực tuyến'] },
    { key: 'fee', kind: 'money', headers: ['Phí (VNĐ)', 'Phí'] },
    { key: 'charge', kind: 'money', headers: ['Lệ phí (VNĐ)', 'Lệ phí'] },
    { key: 'amount', kind: 'money', headers: ['Tổng số (VNĐ)', 'Tổng số tiền', 'Tổng số tiền (VNĐ)'] },
  ],
  invariants: [
    { lhs: ['feeDossiers'], op: '=', rhs: ['paidDirect', 'paidOnline'] },
    { lhs: ['amount'], op: '=', rhs: ['fee', 'charge'] },
  ],
  indicators: [{ code: 'online_payment', num: ['paidOnline'], den: ['feeDossiers'] }],
  checks: [{ kind: 'rate', rate: 'onlineRate', num: ['paidOnline'], den: ['paidDirect', 'paidOnline'] }],
}

export const provincialPaymentMoney = makeProvincialPipeline(paymentMoneyTable)
