/**
 * The indicators the provincial tables yield for each unit, and the Decision 766 metric each one
 * estimates (docs/provincial-exports.md §3 "766 use", docs/methodology.md §3). Several tables can give the same
 * indicator (the online filing rate comes from T2, T3 and T6); `sources` lists the families in order
 * of preference for the province roll-up.
 *
 * Indicators with `metric: null` are kept for information (a second denominator, a vendor-specific
 * ratio) and are never scored.
 */
import { t } from '../i18n/index.ts'
import type { GroupCode } from '../reference/groups.ts'

export type IndicatorCode =
  | 'online_filing'
  | 'online_filing_all_procedures'
  | 'procedures_online'
  | 'online_procedures_used'
  | 'digitised_components'
  | 'reuse'
  | 'reuse_dvcqg'
  | 'electronic_result'
  | 'on_time'
  | 'on_time_of_processed'
  | 'online_in_process_on_time'
  | 'sync'
  | 'online_payment'
  | 'fee_procedures_with_dossiers'
  | 'fee_procedures_paid_online'
  | 'fee_procedures_online'

export interface IndicatorInfo {
  code: IndicatorCode
  /** Vietnamese name, as analysts say it. */
  name: string
  /** Short column label for terminal tables. */
  short: string
  /** The methodology metric this estimates (v2025 codes), or null (information only). */
  metric: string | null
  group: GroupCode | null
  /** True when the table's columns only approximate the portal's metric. */
  approximate: boolean
  /** Table families that give it, preferred first. */
  sources: string[]
}

export const INDICATORS: readonly IndicatorInfo[] = [
  {
    code: 'online_filing',
    name: 'Tỷ lệ hồ sơ nộp trực tuyến',
    short: 'Nộp TT',
    metric: '3.3',
    group: 'CLGQ',
    approximate: false,
    sources: ['provincial-online-v2', 'provincial-online-v1', 'provincial-progress'],
  },
  {
    code: 'online_filing_all_procedures',
    name: 'Tỷ lệ hồ sơ trực tuyến trên tổng hồ sơ phát sinh',
    short: 'Nộp TT/tổng',
    metric: null,
    group: 'CLGQ',
    approximate: false,
    sources: ['provincial-online-v2'],
  },
  {
    code: 'procedures_online',
    name: 'Tỷ lệ TTHC cung cấp DVCTT',
    short: 'TTHC có DVCTT',
    metric: '3.1',
    group: 'CLGQ',
    approximate: false,
    sources: ['provincial-online-v2', 'provincial-catalogue'],
  },
  {
    code: 'online_procedures_used',
    name: 'Tỷ lệ DVCTT có phát sinh hồ sơ',
    short: 'DVCTT có HS',
    metric: '3.2',
    group: 'CLGQ',
    approximate: false,
    sources: ['provincial-online-v2'],
  },
  {
    code: 'digitised_components',
    name: 'Tỷ lệ hồ sơ TTHC thực hiện số hóa hồ sơ',
    short: 'Số hóa TPHS',
    metric: 'SO_HOA_GIAY_TO_GIAI_QUYET',
    group: 'MDSH',
    approximate: false,
    sources: ['provincial-digitisation'],
  },
  {
    code: 'reuse',
    name: 'Tỷ lệ hồ sơ khai thác, sử dụng lại dữ liệu số hóa',
    short: 'Tái sử dụng',
    metric: 'REUSED_DIGITIZED_DATA',
    group: 'MDSH',
    approximate: true,
    sources: ['provincial-digitisation'],
  },
  {
    code: 'reuse_dvcqg',
    name: 'Tỷ lệ hồ sơ tái sử dụng dữ liệu từ Cổng DVCQG',
    short: 'Tái SD DVCQG',
    metric: 'SYNCED_WITH_DVCQG_PERSONAL_STORAGE',
    group: 'MDSH',
    approximate: true,
    sources: ['provincial-digitisation'],
  },
  {
    code: 'electronic_result',
    name: 'Tỷ lệ hồ sơ có kết quả giải quyết điện tử',
    short: 'KQ điện tử',
    metric: 'ORIGINAL_RESULT_AVAILABLE',
    group: 'MDSH',
    approximate: true,
    sources: ['provincial-digitisation'],
  },
  {
    code: 'on_time',
    name: 'Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn',
    short: 'Đúng hạn',
    metric: 'DOSSIER_ON_TIME',
    group: 'TDGQ',
    approximate: false,
    sources: ['provincial-progress'],
  },
  {
    code: 'on_time_of_processed',
    name: 'Tỷ lệ hồ sơ đúng hạn trên số đã xử lý',
    short: 'Đúng hạn/đã XL',
    metric: null,
    group: 'TDGQ',
    approximate: false,
    sources: ['provincial-progress'],
  },
  {
    code: 'online_in_process_on_time',
    name: 'Tỷ lệ hồ sơ trực tuyến đang xử lý còn trong hạn',
    short: 'TT đang XL trong hạn',
    metric: null,
    group: null,
    approximate: false,
    sources: ['provincial-online-v1'],
  },
  {
    code: 'sync',
    name: 'Tỷ lệ hồ sơ đồng bộ lên Cổng DVCQG',
    short: 'Đồng bộ',
    metric: 'DOSSIER_SYNC',
    group: 'CKMB',
    approximate: true,
    sources: ['provincial-online-v1'],
  },
  {
    code: 'online_payment',
    name: 'Tỷ lệ hồ sơ thanh toán trực tuyến',
    short: 'TTTT',
    metric: '3.6',
    group: 'TTTT',
    approximate: false,
    sources: ['provincial-payment', 'provincial-payment-money', 'provincial-online-v1'],
  },
  {
    code: 'fee_procedures_with_dossiers',
    name: 'TTHC có nghĩa vụ tài chính phát sinh hồ sơ',
    short: 'TTHC phí có HS',
    metric: '3.5',
    group: 'TTTT',
    approximate: true,
    sources: ['provincial-payment'],
  },
  {
    code: 'fee_procedures_paid_online',
    name: 'TTHC có giao dịch thanh toán trực tuyến',
    short: 'TTHC có TTTT',
    metric: '3.5b',
    group: 'TTTT',
    approximate: true,
    sources: ['provincial-payment'],
  },
  {
    code: 'fee_procedures_online',
    name: 'Tỷ lệ TTHC có phí, lệ phí cung cấp trực tuyến',
    short: 'TTHC phí có DVCTT',
    metric: null,
    group: 'TTTT',
    approximate: false,
    sources: ['provincial-catalogue'],
  },
]

/**
 * How the indicator is read from the tables (the columns of each table that gives it), for people:
 * from the catalogue (messages/indicators.ts), in the current language. Table codes and column
 * letters (T2, K/J) are the same in both languages.
 */
export function indicatorNote(code: IndicatorCode): string {
  return t(`prov.note.${code}`)
}

export function indicatorInfo(code: string): IndicatorInfo | undefined {
  return INDICATORS.find((i) => i.code === code)
}
