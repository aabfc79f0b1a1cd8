/**
 * T4 — "THEO DÕI THANH TOÁN TRỰC TUYẾN" (766 scoring view; docs/provincial-exports.md §3 T4, fixture F4):
 * fee procedures and online payment per unit, 8 columns, one header row. Cells hold several values:
 * "Số lượng: 1.234↵Tỷ lệ: 45.5%↵Điểm số: 2" (C only the quantity). Every exported "Tỷ lệ" divides by
 * column C (the number of fee *procedures*) — right for D, E and F, a bug for H, where dossiers are
 * divided by procedures (F4: 1.104 / 120 = 920%). The rates are recomputed; the vendor's "Điểm số"
 * (maxima 4/2/2/6, not the 10-point TTTT group) is kept for the record and never used. The file name
 * ("Bảng thống kê tiếp nhận hồ sơ trực tuyến …") is misleading and plays no part in recognition; the
 * table has no period line and no totals row.
 *
 * 766 use (TTTT): H/G -> 3.6 (online payment rate); D/C ≈ 3.5; F/D ≈ 3.5b.
 */
import { makeProvincialPipeline } from '../src/provincial/table.ts'
import type { FamilyDef } from '../src/provincial/table-types.ts'

export const paymentTable: FamilyDef = {
  key: 'provincial-payment',
  table: 'T4',
  title:
    'Provincial online-payment table "THEO DÕI THANH TOÁN TRỰC TUYẾN" (T4, multi-value cells): fee procedures and dossiers paid online, per unit',
  label:
    'online-payment table (T4, "Theo dõi thanh toán trực tuyến" with "Số lượng / Tỷ lệ / Điểm số" cells)',
  fileStem: 'thanh-toan-truc-tuyen',
  columns: [
    { key: 'stt', kind: 'stt', headers: ['STT', 'TT'] },
    { key: 'name', kind: 'name', required: true, headers: ['Đơn vị', 'Tên đơn vị'] },
    { key: 'feeProcedures', kind: 'multi', required: true, headers: ['Số lượng thủ tục có phí, lệ phí'] },
    {
      key: 'feeProceduresWithDossiers',
      kind: 'multi',
      headers: ['Số lượng thủ tục có phí, lệ phí phát sinh hồ sơ'],
    },
    { key: 'proceduresWithPayment', kind: 'multi', headers: ['Số lượng thủ tục có phát sinh thanh toán'] },
    {
      key: 'proceduresWithOnlinePayment',
      kind: 'multi',
      headers: ['Số lượng thủ tục có phát sinh thanh toán trực tuyến'],
    },
    {
      key: 'feeDossiers',
      kind: 'multi',
      required: true,
      headers: ['Tổng số hồ sơ thuộc các thủ tục có phí, lệ phí'],
    },
    {
      key: 'paidOnlineDossiers',
      kind: 'multi',
      required: true,
      headers: ['Số hồ sơ được thanh toán trực tuyến thuộc các thủ tục có phí, lệ phí'],
    },
  ],
  invariants: [
    { lhs: ['feeProceduresWithDossiers'], op: '<=', rhs: ['feeProcedures'] },
    { lhs: ['proceduresWithPayment'], op: '<=', rhs: ['feeProceduresWithDossiers'] },
    { lhs: ['proceduresWithOnlinePayment'], op: '<=', rhs: ['proceduresWithPayment'] },
    { lhs: ['paidOnlineDossiers'], op: '<=', rhs: ['feeDossiers'] },
  ],
  indicators: [
    {
      code: 'online_payment',
      num: ['paidOnlineDossiers'],
      den: ['feeDossiers'],
      exported: 'paidOnlineDossiers_rate',
      explain: [
        {
          num: ['paidOnlineDossiers'],
          den: ['feeProcedures'],
          note: 'prov.payment.h-over-c',
        },
      ],
    },
    {
      code: 'fee_procedures_with_dossiers',
      num: ['feeProceduresWithDossiers'],
      den: ['feeProcedures'],
      exported: 'feeProceduresWithDossiers_rate',
    },
    {
      code: 'fee_procedures_paid_online',
      num: ['proceduresWithOnlinePayment'],
      den: ['feeProceduresWithDossiers'],
    },
  ],
  checks: [
    {
      kind: 'rate',
      rate: 'proceduresWithPayment_rate',
      num: ['proceduresWithPayment'],
      den: ['feeProcedures'],
    },
    {
      kind: 'rate',
      rate: 'proceduresWithOnlinePayment_rate',
      num: ['proceduresWithOnlinePayment'],
      den: ['feeProcedures'],
    },
    { kind: 'rate', rate: 'feeDossiers_rate', num: ['feeDossiers'], den: ['feeProcedures'] },
  ],
}

export const provincialPayment = makeProvincialPipeline(paymentTable)
