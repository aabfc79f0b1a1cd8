/**
 * T2 — "THEO DÕI CHỈ TIÊU DVC TRỰC TUYẾN" v2 (docs/provincial-exports.md §3 T2, fixture F2): online public
 * services offered and used, per unit; 20 columns A–T under a 3-row header ("Cung cấp DVC trực tuyến⇥"
 * with a trailing TAB, "Phát sinh hồ sơ" › Tổng / Toàn trình / Một phần / Dịch vụ cung cấp thông tin),
 * the totals row in <tfoot>. Leaves repeat ("Số thủ tục", "Số hồ sơ phát sinh trực tuyến"): columns are
 * keyed by path and listed left to right (a CSV copy keeps the group label only in its first column).
 *
 * 766 use (CLGQ, inferred split): D/C ≈ 3.1 (TTHC cung cấp DVCTT), I/D ≈ 3.2 (DVCTT có phát sinh hồ
 * sơ), K/J ≈ 3.3 (online filing rate; K/H, the other plausible denominator, is kept beside it).
 */
import { makeProvincialPipeline } from '../src/provincial/table.ts'
import type { FamilyDef } from '../src/provincial/table-types.ts'

const TOTAL = 'Tổng'
const FULL = 'Toàn trình'
const PART = 'Một phần'
const INFO = 'Dịch vụ cung cấp thông tin'
const BOTH = 'Số hồ sơ phát sinh cả trực tuyến và trực tiếp'
const ONLINE = 'Số hồ sơ phát sinh trực tuyến'

export const onlineV2Table: FamilyDef = {
  key: 'provincial-online-v2',
  table: 'T2',
  title:
    'Provincial online-services table "THEO DÕI CHỈ TIÊU DVC TRỰC TUYẾN" v2 (T2): procedures offered online and dossiers filed online, per unit',
  label: 'online-services table (T2, "Theo dõi chỉ tiêu DVC trực tuyến")',
  fileStem: 'dvc-truc-tuyen',
  columns: [
    { key: 'stt', kind: 'stt', headers: ['STT', 'TT'] },
    { key: 'name', kind: 'name', required: true, headers: ['Tên đơn vị', 'Đơn vị'] },
    { key: 'procedures', kind: 'count', required: true, headers: ['Tổng số thủ tục'] },
    { key: 'onlineProcedures', kind: 'count', required: true, headers: [['DVC trực tuyến', 'Tổng số']] },
    { key: 'fullOnline', kind: 'count', headers: [['DVC trực tuyến', FULL], FULL] },
    { key: 'partialOnline', kind: 'count', headers: [['DVC trực tuyến', PART], PART] },
    {
      key: 'proceduresWithDossiers',
      kind: 'count',
      headers: [[TOTAL, 'Số thủ tục phát sinh hồ sơ'], 'Số thủ tục phát sinh hồ sơ'],
    },
    { key: 'dossiers', kind: 'count', required: true, headers: [[TOTAL, BOTH], BOTH] },
    {
      key: 'onlineProceduresWithDossiers',
      kind: 'count',
      required: true,
      headers: ['Số thủ tục trực tuyến phát sinh hồ sơ'],
    },
    {
      key: 'dossiersInOnlineProcedures',
      kind: 'count',
      required: true,
      headers: ['Số hồ sơ phát sinh cả trực tuyến và trực tiếp trong các thủ tục trực tuyến'],
    },
    { key: 'onlineDossiers', kind: 'count', required: true, headers: [[TOTAL, ONLINE], ONLINE] },
    { key: 'fullProceduresWithDossiers', kind: 'count', headers: [[FULL, 'Số thủ tục']] },
    { key: 'fullDossiers', kind: 'count', headers: [[FULL, BOTH], BOTH] },
    { key: 'fullOnlineDossiers', kind: 'count', headers: [[FULL, ONLINE], ONLINE] },
    { key: 'partialProceduresWithDossiers', kind: 'count', headers: [[PART, 'Số thủ tục']] },
    { key: 'partialDossiers', kind: 'count', headers: [[PART, BOTH], BOTH] },
    { key: 'partialOnlineDossiers', kind: 'count', headers: [[PART, ONLINE], ONLINE] },
    { key: 'infoProcedures', kind: 'count', headers: [[INFO, 'Số thủ tục']] },
    {
      key: 'infoProceduresWithDossiers',
      kind: 'count',
      headers: [[INFO, 'Số thủ tục phát sinh hồ sơ'], 'Số thủ tục phát sinh hồ sơ'],
    },
    { key: 'infoDossiers', kind: 'count', headers: [[INFO, 'Số hồ sơ phát sinh'], 'Số hồ sơ phát sinh'] },
  ],
  invariants: [
    { lhs: ['onlineProcedures'], op: '=', rhs: ['fullOnline', 'partialOnline'] },
    {
      lhs: ['onlineProceduresWithDossiers'],
      op: '=',
      rhs: ['fullProceduresWithDossiers', 'partialProceduresWithDossiers'],
    },
    { lhs: ['dossiersInOnlineProcedures'], op: '=', rhs: ['fullDossiers', 'partialDossiers'] },
    { lhs: ['onlineDossiers'], op: '=', rhs: ['fullOnlineDossiers', 'partialOnlineDossiers'] },
    { lhs: ['onlineProcedures'], op: '<=', rhs: ['procedures'] },
    { lhs: ['onlineProceduresWithDossiers'], op: '<=', rhs: ['onlineProcedures'] },
    { lhs: ['onlineProceduresWithDossiers'], op: '<=', rhs: ['proceduresWithDossiers'] },
    { lhs: ['dossiersInOnlineProcedures'], op: '<=', rhs: ['dossiers'] },
    { lhs: ['onlineDossiers'], op: '<=', rhs: ['dossiersInOnlineProcedures'] },
  ],
  indicators: [
    { code: 'procedures_online', num: ['onlineProcedures'], den: ['procedures'] },
    { code: 'online_procedures_used', num: ['onlineProceduresWithDossiers'], den: ['onlineProcedures'] },
    { code: 'online_filing', num: ['onlineDossiers'], den: ['dossiersInOnlineProcedures'] },
    { code: 'online_filing_all_procedures', num: ['onlineDossiers'], den: ['dossiers'] },
  ],
  checks: [],
}

export const provincialOnlineV2 = makeProvincialPipeline(onlineV2Table)
