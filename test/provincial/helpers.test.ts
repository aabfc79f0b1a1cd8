/**
 * Table-driven tests of the provincial helpers: number styles, multi-value cells, row classes, unit
 * identity, period and province resolution, repair of en-US-mangled counts, estimates.
 */
import { describe, expect, it } from 'vitest'
import { ConfigSchema } from '../../src/config/config.ts'
import { QdError } from '../../src/errors.ts'
import {
  estimateScore,
  methodologyForEstimates,
  metricDef,
  pointsAtStake,
} from '../../src/provincial/estimate.ts'
import { INDICATORS } from '../../src/provincial/indicators.ts'
import { parseCount, parseMoney, parseRate, splitMultiValue } from '../../src/provincial/numbers.ts'
import { type Invariant, repairMangled } from '../../src/provincial/repair.ts'
import { classifyRow, levelFromName, sectionLevel } from '../../src/provincial/rows.ts'
import { rateAgrees } from '../../src/provincial/table-indicators.ts'
import {
  periodFreeFileName,
  provincialPeriod,
  resolveProvincialProvince,
  tableTitle,
  titleLines,
} from '../../src/provincial/title.ts'
import {
  normaliseEidCode,
  portalCodeOfEid,
  provinceOfEid,
  provinceScope,
  unitNameKey,
} from '../../src/provincial/units.ts'
import { ProvinceRegistry } from '../../src/reference/provinces.ts'

const registry = ProvinceRegistry.fromSeeds()

describe('counts (docs/provincial-exports.md §0.3)', () => {
  it.each([
    ['12.345', 12345, 'dot-thousands'],
    ['1.234.567', 1234567, 'dot-thousands'],
    ['1195', 1195, 'plain'],
    ['0', 0, 'plain'],
    ['', 0, 'empty'],
    [null, 0, 'empty'],
    ['  1.245\t', 1245, 'dot-thousands'],
    ['1,250,000', 1250000, 'comma-thousands'],
    [870, 870, 'number'],
    [1.234, 1234, 'mangled'], // en-US Excel read "1.234" as a decimal
    [1.2, 1200, 'mangled'], // "1.200" -> 1.2
    [12.48, 12480, 'mangled'], // "12.480" -> 12.48
    [3.01, 3010, 'mangled'],
  ] as const)('%j -> %d (%s)', (raw, value, style) => {
    const p = parseCount(raw)
    expect(p).toMatchObject({ ok: true, value, style })
  })
  it('flags integers 1..999 from number cells as possibly mangled "N.000"', () => {
    expect(parseCount(2)).toMatchObject({ ok: true, value: 2, ambiguous: true })
    expect(parseCount(1195)).toMatchObject({ ambiguous: false })
    expect(parseCount(0)).toMatchObject({ ambiguous: false })
    expect(parseCount('2')).toMatchObject({ ambiguous: false })
  })
  it.each([['12.5'], ['1.2345'], ['abc'], [-3], [1.23456], ['12,5']])('rejects %j with advice', (raw) => {
    const p = parseCount(raw)
    expect(p.ok).toBe(false)
    if (!p.ok) expect(p.expected).toMatch(/số nguyên|số lượng/)
  })
})

describe('money', () => {
  it.each([
    ['1,250,000', 1250000],
    ['12,500,000', 12500000],
    ['1.250.000', 1250000],
    ['500', 500],
    ['', 0],
    [15950000, 15950000],
    ['3,450,000 VNĐ', 3450000],
  ] as const)('%j -> %d', (raw, value) => {
    expect(parseMoney(raw)).toMatchObject({ ok: true, value })
  })
  it('rejects text that is not an amount', () => {
    expect(parseMoney('1,2').ok).toBe(false)
  })
})

describe('rates', () => {
  it.each([
    ['96.39%', 96.39, 'percent-text'],
    ['85.7%', 85.7, 'percent-text'],
    ['100%', 100, 'percent-text'],
    ['0', 0, 'plain-text'],
    ['', null, 'empty'],
    [null, null, 'empty'],
    ['14.299999999999997%', 14.299999999999997, 'percent-text'],
    ['96,39%', 96.39, 'percent-text'],
    [0.9639, 96.39, 'fraction'], // "96.39%" re-saved by Excel: a percent-formatted fraction
    [1, 100, 'fraction'],
    [85.7, 85.7, 'percent-number'],
  ] as const)('%j -> %s', (raw, value, style) => {
    const p = parseRate(raw)
    expect(p.ok).toBe(true)
    if (p.ok) {
      expect(p.style).toBe(style)
      if (value === null) expect(p.value).toBeNull()
      else expect(p.value).toBeCloseTo(value, 9)
    }
  })
  it('rejects words', () => expect(parseRate('Đạt').ok).toBe(false))
  it.each([
    [96.39, 1200, 1245, true],
    [920, 1104, 1530, false],
    [null, 0, 1200, true], // "" for zero
    [0, 0, 0, true], // "0" with no base
    [null, 0, 0, true],
    [14.299999999999997, 143, 1000, true], // float noise
    [50, 1, 3, false],
  ])('exported %s vs %d/%d agrees: %s', (exported, n, d, ok) => {
    expect(rateAgrees(exported, n, d)).toBe(ok)
  })
})

describe('multi-value cells (T4)', () => {
  it.each([
    ['Số lượng: 120', { quantity: '120', rate: null, score: null }],
    ['Số lượng: 48\nTỷ lệ: 40%', { quantity: '48', rate: '40%', score: null }],
    ['Số lượng: 1.104\nTỷ lệ: 920%\nĐiểm số: 6', { quantity: '1.104', rate: '920%', score: '6' }],
    ['Số lượng: 1.234 Tỷ lệ: 45.5% Điểm số: 2', { quantity: '1.234', rate: '45.5%', score: '2' }],
    ['SỐ LƯỢNG:7\r\nTỶ LỆ: 0', { quantity: '7', rate: '0', score: null }],
    ['Số lượng: 12\nTỷ lệ: 33.33 %', { quantity: '12', rate: '33.33%', score: null }],
  ])('%j', (raw, parts) => {
    expect(splitMultiValue(raw)).toEqual(parts)
  })
  it('a plain value is not a multi-value cell', () => {
    expect(splitMultiValue('1.234')).toBeNull()
    expect(splitMultiValue(1234)).toBeNull()
  })
})

describe('row classes (§0.8–0.10)', () => {
  const cols = { stt: 0, name: 1, code: null, values: [2, 3, 4] }
  it.each([
    [['I', 'Sở, ban, ngành', 'Sở, ban, ngành', 'Sở, ban, ngành', 'Sở, ban, ngành'], 'section', 'agency'],
    [
      ['II', 'Cấp huyện (bao gồm các huyện, thị xã, thành phố và xã, phường, thị trấn)'],
      'section',
      'district',
    ],
    [['III', 'Xã, phường, thị trấn', null, null, null], 'section', 'commune'],
    [[null, 'Văn phòng đăng ký đất đai', 'Văn phòng đăng ký đất đai'], 'section', 'land-registry'],
    [[null, 'Tổng số', '4.255', '1.249', '3.006'], 'total', null],
    [['Tổng số', 'Tổng số', '4.255', '1', '2'], 'total', null], // merged over STT and name
    [[null, 'Toàn tỉnh', '1', '2', '3'], 'total', null],
    [[null, 'Cộng', '1', '2', '3'], 'total', null],
    [['1', 'Sở Tư pháp', '1.245', '45', '1.200'], 'unit', null],
    [['4', 'Sở Xây dựng', null, null, null], 'unit', null], // a unit with no data is still a unit
    [['3', 'UBND xã Nga Thủy', '0', '0', '0'], 'unit', null],
    [[null, null, null], 'blank', null],
    [[null, 'Người lập biểu'], 'note', null],
  ] as const)('%j -> %s', (cells, kind, level) => {
    const c = classifyRow([...cells], cols)
    expect(c.kind).toBe(kind)
    if (c.kind === 'section') expect(c.level).toBe(level)
  })
  it.each([
    ['UBND xã Nga Thủy', 'commune'],
    ['Ủy ban nhân dân phường Hạc Thành', 'commune'],
    ['UBND thị trấn Nga Sơn', 'commune'],
    ['UBND huyện Nga Sơn', 'district'],
    ['UBND thành phố Sầm Sơn', 'district'],
    ['UBND thị xã Bỉm Sơn', 'district'],
    ['Chi nhánh Văn phòng đăng ký đất đai huyện Nga Sơn', 'land-registry'],
    ['Sở Tư pháp', 'agency'],
    ['Ban Quản lý Khu kinh tế Nghi Sơn', 'agency'],
    ['Công an tỉnh', 'agency'],
    ['Hội Nông dân', null],
  ] as const)('level of %s', (name, level) => {
    expect(levelFromName(name)).toBe(level)
  })
  it.each([
    ['Sở, ban, ngành', 'agency'],
    ['Sở ban ngành', 'agency'],
    ['Huyện, thành phố, thị xã', 'district'],
    ['Cấp huyện', 'district'],
    ['Xã, phường, thị trấn', 'commune'],
    ['Cấp xã', 'commune'],
    ['Ghi chú', null],
  ] as const)('section %s', (text, level) => {
    expect(sectionLevel(text)).toBe(level)
  })
})

describe('unit identity', () => {
  it.each([
    ['UBND huyện Nga Sơn', 'Ủy ban nhân dân huyện Nga Sơn'],
    ['UBND Huyện Nga Sơn', 'ubnd huyện  nga sơn'],
    ['UBND xã Nga Thủy', 'UBND xã Nga Thuỷ'],
    ['Sở Tài nguyên và Môi trường', 'Sở Tài nguyên & Môi trường'],
    ['UBND TP. Sầm Sơn', 'UBND thành phố Sầm Sơn'],
    ['UBND TX Bỉm Sơn', 'UBND thị xã Bỉm Sơn'],
  ])('%s = %s', (a, b) => {
    expect(unitNameKey(a)).toBe(unitNameKey(b))
  })
  it('keeps different units apart', () => {
    expect(unitNameKey('UBND xã Nga Thủy')).not.toBe(unitNameKey('UBND xã Nga Thái'))
  })
  it.each([
    ['000.00.12.H56', '000.00.12.H56'],
    [' 000.00.12.h56 ', '000.00.12.H56'],
    ['', null],
    [null, null],
  ])('e-ID code %j stays text: %j', (raw, code) => {
    expect(normaliseEidCode(raw)).toBe(code)
  })
  it('an e-ID code names its province by the portal code it ends with', () => {
    expect(portalCodeOfEid('000.00.12.H56')).toBe('H56')
    expect(provinceOfEid(registry, '000.00.12.H56', 34)?.name).toBe('Thanh Hóa')
    // Thanh Hóa was not merged in 2025: the same code holds for the 63-province list.
    expect(provinceOfEid(registry, '000.00.12.H56', 63)?.code).toBe('38')
    expect(portalCodeOfEid('G12.34')).toBeNull()
  })
  it('unit scope: one scope for an unmerged province, one per list for a merged one', () => {
    expect(provinceScope(registry, registry.byCode(63, '38')!)).toBe('38')
    expect(provinceScope(registry, registry.byCode(34, '38')!)).toBe('38')
    expect(provinceScope(registry, registry.byCode(63, '15')!)).toBe('15@63') // Yên Bái
    expect(provinceScope(registry, registry.byCode(34, '15')!)).toBe('15@34') // Lào Cai after the merger
  })
})

describe('title, period and province (§0.5, §0.11)', () => {
  const family = { key: 'so-hoa', label: 'bảng số hóa (một cửa, T1)' }
  const motto = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc'
  it('reads the title cell with JSX whitespace and the period after a line break', () => {
    const rows = [
      { rowNumber: 1, cells: ['UBND TỈNH THANH HÓA', 'UBND TỈNH THANH HÓA', motto, motto] },
      {
        rowNumber: 2,
        cells: [
          'THEO DÕI MỨC ĐỘ SỐ HÓA CÁC ĐƠN VỊ - THEO QUYẾT ĐỊNH SỐ\n                      766/QĐ-TTg ngày 23/06/2022\n(Từ ngày 01/01/2025 đến ngày 30/06/2025 )',
        ],
      },
    ]
    const lines = titleLines(rows)
    expect(lines).toHaveLength(3)
    expect(tableTitle(lines)).toMatch(/^THEO DÕI MỨC ĐỘ SỐ HÓA/)
    const p = provincialPeriod(lines, 'Bảng thống kê chỉ tiêu số hóa 5_8_2025 9_7.xls', family)
    expect(p).toMatchObject({ source: 'title', asOf: '2025-06-30' })
    expect(p.period.id).toBe('2025') // year to date
  })
  it.each([
    ['(Từ ngày 01/07/2025 đến ngày 31/07/2025)', '2025-07', '2025-07-31'],
    ['(Từ ngày 01/10/2025 đến ngày 31/10/2025 )', '2025-10', '2025-10-31'],
    ['(Từ ngày 01/07/2025 đến ngày 30/09/2025 )', '2025-Q3', '2025-09-30'],
  ])('%s', (line, id, asOf) => {
    const p = provincialPeriod(['THEO DÕI', line], 'x.xls', family)
    expect(p.period.id).toBe(id)
    expect(p.asOf).toBe(asOf)
  })
  it.each([
    [
      'Theo dõi chỉ tiêu DVC trực tuyến các đơn vị - theo quyết định số 766_QĐ-TTG ngày 23_06_2022 5_8_2025 9_7.xls',
    ],
    ['Bảng thống kê tiếp nhận hồ sơ trực tuyến trên địa bàn tỉnh 5_8_2025 9_7.xls'],
    ['Bảng thống kê tiếp nhận hồ sơ trực tuyến trên địa bàn tỉnh 5-8-2025 9-7 (1).xls'],
  ])('the export stamp and the decision date are not a period: %s', (name) => {
    const title = ['THEO DÕI CHỈ TIÊU DVC TRỰC TUYẾN - THEO QUYẾT ĐỊNH SỐ 766/QĐ-TTG NGÀY 23/06/2022']
    let err: unknown
    try {
      provincialPeriod(title, name, family)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(QdError)
    expect((err as QdError).code).toBe('missing-period')
    expect((err as QdError).message).toMatch(/tên tệp.*so-hoa-2025-Q3\.xls/s)
    expect(periodFreeFileName(name)).not.toMatch(/2025|2022/)
  })
  it.each([
    ['tt-2025-Q2 5_8_2025 9_7.xls', '2025-Q2', null],
    ['Theo dõi DVC 766_QĐ-TTG ngày 23_06_2022 2025-08.xls', '2025-08', null],
    ['thanh-toan-2025-Q3-2025-10-05.xlsx', '2025-Q3', '2025-10-05'],
    ['thanh-toan-2025.xls', '2025', null],
  ])('a period the analyst put in the file name: %s', (name, id, asOf) => {
    const p = provincialPeriod(['THEO DÕI THANH TOÁN TRỰC TUYẾN'], name, family)
    expect(p).toMatchObject({ source: 'file-name', asOf })
    expect(p.period.id).toBe(id)
  })
  it('rejects a range that is not a month, quarter or year to date', () => {
    expect(() => provincialPeriod(['(Từ ngày 15/01/2025 đến ngày 20/02/2025)'], 'x.xls', family)).toThrow(
      /không phải một tháng, một quý hay từ đầu năm đến nay/,
    )
  })

  const config = (province?: string) => ConfigSchema.parse(province ? { province } : {})
  it.each([
    [['UBND TỈNH THANH HÓA'], [], undefined, '38', 'title'],
    [['ỦY BAN NHÂN DÂN TỈNH THANH HOÁ'], [], undefined, '38', 'title'],
    [['SỞ TƯ PHÁP'], ['000.00.12.H56'], undefined, '38', 'eid-code'],
    [[], [], 'Thanh Hóa', '38', 'config'],
    [[], [], '38', '38', 'config'],
  ] as const)('province from %j / %j / config %s', (lines, codes, cfg, code, source) => {
    const c = resolveProvincialProvince([...lines], [...codes], 34, registry, config(cfg))
    expect(c.province.code).toBe(code)
    expect(c.source).toBe(source)
  })
  it('says to set "province" when nothing names it', () => {
    expect(() => resolveProvincialProvince(['SỞ TƯ PHÁP'], [], 34, registry, config())).toThrow(
      /"province": "Thanh Hóa"/,
    )
    expect(() => resolveProvincialProvince([], [], 34, registry, config('Atlantis'))).toThrow(
      /không phải một trong 34 tỉnh, thành phố/,
    )
  })
  it('notes when the title names another province than the configuration', () => {
    const c = resolveProvincialProvince(['UBND TỈNH THANH HÓA'], [], 34, registry, config('Nghệ An'))
    expect(c.configDisagrees).toBe('Nghệ An')
  })
})

describe('repair of en-US-mangled counts by row invariants', () => {
  // F5 row 7: "2.000" (Trong kỳ › Tổng số) became 2 in en-US Excel.
  const inv: Invariant[] = [
    { lhs: ['C'], op: '=', rhs: ['D', 'E'] },
    { lhs: ['E'], op: '=', rhs: ['F', 'G', 'H'] },
    { lhs: ['I'], op: '=', rhs: ['J', 'K', 'L'] },
    { lhs: ['C'], op: '=', rhs: ['I', 'M'] },
    { lhs: ['M'], op: '=', rhs: ['N', 'O'] },
  ]
  const row = {
    C: 2150,
    D: 150,
    E: 2,
    F: 1700,
    G: 280,
    H: 20,
    I: 1900,
    J: 1200,
    K: 690,
    L: 10,
    M: 250,
    N: 245,
    O: 5,
  }
  const ambiguous = ['D', 'E', 'G', 'H', 'K', 'L', 'M', 'N', 'O']
  it('finds the one cell whose ×1000 makes every invariant hold', () => {
    const r = repairMangled(row, ambiguous, inv)
    expect(r).toMatchObject({ status: 'repaired', keys: ['E'] })
    if (r.status === 'repaired') expect(r.values.E).toBe(2000)
  })
  it('leaves a row whose invariants hold alone', () => {
    expect(repairMangled({ ...row, E: 2000 }, ambiguous, inv)).toEqual({ status: 'unchanged' })
  })
  it('does not guess between two fixes', () => {
    // 1001 = B + C: either B or C was "1.000"
    const r = repairMangled({ A: 1001, B: 1, C: 1 }, ['B', 'C'], [{ lhs: ['A'], op: '=', rhs: ['B', 'C'] }])
    expect(r.status).toBe('ambiguous')
  })
  it('reports what cannot be fixed', () => {
    expect(repairMangled({ A: 5, B: 3 }, ['A'], [{ lhs: ['A'], op: '=', rhs: ['B'] }]).status).toBe(
      'unresolved',
    )
  })
})

describe('estimates (methodology rules from src/score)', () => {
  const { methodology } = methodologyForEstimates('2025-10-31')
  const def = (code: string) => metricDef(methodology, code)!
  it('every scored indicator names a metric of the methodology', () => {
    for (const i of INDICATORS) if (i.metric) expect(def(i.metric), i.code).toBeDefined()
  })
  it('borrows v2025 rules for a period under the group-level v2022 version, and says so', () => {
    const m = methodologyForEstimates('2025-06-30')
    expect(m.methodology.id).toBe('v2025')
    expect(m.note).toMatch(/v2022-5group/)
  })
  it.each([
    ['3.3', 9920, 12400, 6], // 80% ≥ 50%: full
    ['3.3', 3000, 12000, 3], // 25% / 50% × 6
    ['DOSSIER_ON_TIME', 1890, 2150, 17.58],
    ['3.6', 1104, 1530, 4.33],
    ['SO_HOA_GIAY_TO_GIAI_QUYET', 3006, 4255, 2.83],
  ])('%s %d/%d -> %d', (code, n, d, score) => {
    expect(estimateScore(def(code), n, d)).toBe(score)
  })
  it('points at stake: the province gain if one unit alone reached the target', () => {
    // on time (linear, 20): province 2540/2970; Sở Công Thương 1890/2150 -> 2150/2150
    expect(pointsAtStake(def('DOSSIER_ON_TIME'), { n: 2540, d: 2970 }, { n: 1890, d: 2150 })).toBeCloseTo(
      (20 * 260) / 2970,
      9,
    )
    // threshold metric already full for the province: nothing at stake
    expect(pointsAtStake(def('3.3'), { n: 2300, d: 2800 }, { n: 600, d: 800 })).toBe(0)
    // a unit above target has nothing at stake
    expect(pointsAtStake(def('DOSSIER_ON_TIME'), { n: 90, d: 100 }, { n: 10, d: 10 })).toBe(0)
  })
})
