/**
 * T7 — "BẢNG THỐNG KÊ THỦ TỤC HÀNH CHÍNH" (docs/provincial-exports.md §3 T7): the procedure catalogue, per
 * unit and field ("Lĩnh vực"): procedures in total / online (full, partial) / the rest, and the same
 * for procedures with fees. Each unit has a heading row spanning all columns, and its "Đơn vị" cell
 * is rowspanned over its field rows (empty in a CSV copy: forward-filled); a unit's figures are the
 * sum of its field rows. "Tổng số", "Toàn trình" and "Một phần" repeat under both groups: keyed by
 * path, listed left to right.
 *
 * 766 use: (full + partial) / procedures -> CLGQ 3.1 (the portal's denominator source; T2 is preferred
 * when both exist); online fee procedures / fee procedures is kept for information (TTTT 3.5's
 * denominator is the number of fee procedures).
 */
import { makeProvincialPipeline } from '../src/provincial/table.ts'
import type { FamilyDef } from '../src/provincial/table-types.ts'

const ALL = 'Thủ tục hành chính'
const FEE = 'Thủ tục hành chính yêu cầu thu phí, lệ phí'

export const catalogueTable: FamilyDef = {
  key: 'provincial-catalogue',
  table: 'T7',
  title:
    'Provincial procedure catalogue "BẢNG THỐNG KÊ THỦ TỤC HÀNH CHÍNH" (T7): procedures offered online, with and without fees, per unit and field',
  label: 'procedure catalogue (T7, "Bảng thống kê thủ tục hành chính")',
  fileStem: 'thu-tuc-hanh-chinh',
  grouped: true,
  columns: [
    { key: 'stt', kind: 'stt', headers: ['STT', 'TT'] },
    { key: 'name', kind: 'name', required: true, headers: ['Đơn vị', 'Tên đơn vị'] },
    { key: 'field', kind: 'text', required: true, headers: ['Lĩnh vực'] },
    { key: 'procedures', kind: 'count', required: true, headers: [[ALL, 'Tổng số']] },
    {
      key: 'full',
      kind: 'count',
      required: true,
      headers: [[ALL, 'Trực tuyến', 'Toàn trình'], 'Toàn trình'],
    },
    { key: 'partial', kind: 'count', required: true, headers: [[ALL, 'Trực tuyến', 'Một phần'], 'Một phần'] },
    { key: 'rest', kind: 'count', headers: [[ALL, 'Còn lại'], 'Còn lại'] },
    { key: 'feeProcedures', kind: 'count', headers: [[FEE, 'Tổng số']] },
    { key: 'feeFull', kind: 'count', headers: [[FEE, 'Trực tuyến', 'Toàn trình'], 'Toàn trình'] },
    { key: 'feePartial', kind: 'count', headers: [[FEE, 'Trực tuyến', 'Một phần'], 'Một phần'] },
    { key: 'feeRest', kind: 'count', headers: [[FEE, 'Còn lại'], 'Còn lại'] },
  ],
  invariants: [
    { lhs: ['procedures'], op: '=', rhs: ['full', 'partial', 'rest'] },
    { lhs: ['feeProcedures'], op: '=', rhs: ['feeFull', 'feePartial', 'feeRest'] },
    { lhs: ['feeProcedures'], op: '<=', rhs: ['procedures'] },
  ],
  indicators: [
    { code: 'procedures_online', num: ['full', 'partial'], den: ['procedures'] },
    { code: 'fee_procedures_online', num: ['feeFull', 'feePartial'], den: ['feeProcedures'] },
  ],
  checks: [],
}

export const provincialCatalogue = makeProvincialPipeline(catalogueTable)
