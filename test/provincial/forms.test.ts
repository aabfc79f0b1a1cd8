/**
 * Every table family, generated from the fixture designs F1–F5 (docs/provincial-exports.md §7) in every
 * physical form — the exporter's HTML ".xls" (with and without BOM), the .xlsx re-save with merges,
 * the en-US re-save (counts mangled into decimals, rates into fractions), the vi-VN re-save, CSV
 * UTF-8 and ANSI CSV — is read through the real readers and recognised by content (never by the
 * misleading vendor file names), and yields the same unit values. The invariants of the designs and
 * the findings (wrong exported rates, totals that do not add up) are asserted here, in process; the
 * CLI end-to-end path is in e2e.test.ts.
 */
import { mkdirSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Form, writeForm } from '../../fixtures/provincial/forms.ts'
import { f1, f2, f3, f4, f4b, f5, f7, type ProvincialFixture } from '../../fixtures/provincial/tables.ts'
import { PIPELINES } from '../../pipelines/index.ts'
import { type Config, ConfigSchema } from '../../src/config/config.ts'
import { QdError } from '../../src/errors.ts'
import { PREVIEW_ROWS, recogniseTable } from '../../src/ingest/recognise.ts'
import { ReparseSheet } from '../../src/pipeline/reparse.ts'
import type { PipelineContext, TablePipeline } from '../../src/pipeline/types.ts'
import type { ParsedProvincialTable, ParsedUnit } from '../../src/provincial/table-types.ts'
import { openWorkbook } from '../../src/read/open.ts'
import type { Row } from '../../src/read/types.ts'
import { ProvinceRegistry } from '../../src/reference/provinces.ts'
import { tempDir } from '../helpers.ts'

const registry = ProvinceRegistry.fromSeeds()
const FORMS: Form[] = ['html', 'html-bom', 'xlsx', 'xlsx-en', 'xlsx-vi', 'csv', 'csv-1258']

/** A parsed table with its units in an array (the pipeline gives a read-once sequence). */
type Parsed = Omit<ParsedProvincialTable, 'units'> & { units: ParsedUnit[] }

async function parseFile(
  path: string,
  fileName: string,
  config: Config = ConfigSchema.parse({ province: 'Thanh Hóa' }),
): Promise<{ key: string; parsed: Parsed }> {
  // A sheet that shows en-US mangling only after its first units is read again knowing it, as
  // src/ingest/parse-file.ts does.
  let hints = new Set<string>()
  for (;;) {
    try {
      return await parseOnce(path, fileName, config, hints)
    } catch (err) {
      if (!(err instanceof ReparseSheet) || hints.has(err.hint)) throw err
      hints = new Set([...hints, err.hint])
    }
  }
}

async function parseOnce(
  path: string,
  fileName: string,
  config: Config,
  hints: ReadonlySet<string>,
): Promise<{ key: string; parsed: Parsed }> {
  const ctx: PipelineContext = { fileName, registry, config }
  const wb = await openWorkbook(path)
  for await (const sheet of wb.sheets) {
    const it = sheet.rows[Symbol.asyncIterator]()
    const preview: Row[] = []
    while (preview.length < PREVIEW_ROWS) {
      const n = await it.next()
      if (n.done) break
      preview.push(n.value)
    }
    const hit = recogniseTable(preview, PIPELINES, ctx)
    if (!hit) continue
    const rest = preview.filter((r) => r.rowNumber > hit.header.lastRow)
    async function* rows() {
      yield* rest
      for (let n = await it.next(); !n.done; n = await it.next()) yield n.value
    }
    const p = hit.pipeline as unknown as TablePipeline<ParsedProvincialTable>
    const parsed = await p.parse({ sheet: sheet.name, header: hit.header, rows: rows(), ctx, hints })
    return { key: p.key, parsed: { ...parsed, units: [...parsed.units] } }
  }
  throw new Error(`no sheet of ${fileName} was recognised`)
}

/** The unit values that must not depend on the physical form. */
function valuesOf(p: Parsed) {
  return p.units.map((u) => ({
    name: u.name,
    code: u.eidCode,
    level: u.level,
    numbers: Object.fromEntries(
      Object.entries(u.numbers)
        .filter(([k]) => !['fee', 'charge', 'amount'].includes(k))
        .map(([k, c]) => [k, c.value]),
    ),
    facts: u.facts.map((f) => [f.indicator, f.numerator, f.denominator, f.value]),
  }))
}

const unit = (p: Parsed, name: string): ParsedUnit => {
  const u = p.units.find((x) => x.name === name)
  if (!u) throw new Error(`no unit ${name}`)
  return u
}
const n = (u: ParsedUnit, k: string) => u.numbers[k]!.value
const fact = (u: ParsedUnit, code: string) => u.facts.find((f) => f.indicator === code)!

interface Case {
  fx: ProvincialFixture
  family: string
  /** A file name carrying the period, when the table has none. */
  name?: string
}

const CASES: Case[] = [
  { fx: f1(), family: 'provincial-digitisation' },
  { fx: f2(), family: 'provincial-online-v2' },
  { fx: f3(), family: 'provincial-online-v1', name: 'f3 export 2025-Q2 5_8_2025 9_7' },
  {
    fx: f4(),
    family: 'provincial-payment',
    name: 'Bảng thống kê tiếp nhận hồ sơ trực tuyến trên địa bàn tỉnh 2025-Q3',
  },
  { fx: f4b(), family: 'provincial-payment-money' },
  { fx: f5(), family: 'provincial-progress' },
  {
    fx: f7(),
    family: 'provincial-catalogue',
    name: 'Bảng thống kê thủ tục hành chính 2025-Q3 2_10_2025 10_5',
  },
]

const results = new Map<string, Map<Form, Parsed>>()
let dir: string

beforeAll(async () => {
  dir = tempDir('provincial-forms-')
  mkdirSync(dir, { recursive: true })
  for (const c of CASES) {
    const byForm = new Map<Form, Parsed>()
    for (const form of FORMS) {
      const stem = `${c.name ?? c.fx.vendorName} ${form}`
      const path = await writeForm(dir, c.fx, form, stem)
      const { key, parsed } = await parseFile(path, path.slice(dir.length + 1))
      expect(key, `${c.fx.id} ${form}`).toBe(c.family)
      byForm.set(form, parsed)
    }
    results.set(c.fx.id, byForm)
  }
}, 120_000)

const get = (id: string, form: Form = 'html') => results.get(id)!.get(form)!

describe.each(CASES.map((c) => [c.fx.id, c.family] as const))('%s (%s)', (id) => {
  it.each(FORMS.filter((f) => f !== 'html'))(
    'the %s form yields the same unit values as the HTML export',
    (form) => {
      expect(valuesOf(get(id, form))).toEqual(valuesOf(get(id)))
    },
  )
  it('is filed under Thanh Hóa with a period', () => {
    const p = get(id)
    expect(p.province.code).toBe('38')
    expect(p.period.id).toMatch(/^2025/)
  })
})

describe('F1 digitisation (T1)', () => {
  it('keys the repeated "Tỷ lệ số hóa TPHS" by path, trims "Đạt ", reads "0" rates and the title period', () => {
    const p = get('f1')
    expect(p.period.id).toBe('2025')
    expect(p.asOf).toBe('2025-06-30')
    expect(p.provinceSource).toBe('title')
    const tp = unit(p, 'Sở Tư pháp')
    expect(tp.rates.inputRate!.column).toBe('H')
    expect(tp.texts.inputRating).toEqual({ value: 'Đạt', column: 'M' })
    expect(tp.texts.resultRating!.column).toBe('N')
    expect(unit(p, 'UBND xã Nga Thủy').rates.inputRate!.value).toBe(0)
    expect(p.findings.filter((f) => f.kind !== 'locale-mangled-counts')).toEqual([])
  })
  it('C = D + E and I = J + K for every unit; the totals row equals the sum and is not a unit', () => {
    const p = get('f1')
    expect(p.units.map((u) => u.name)).toEqual(['Sở Tư pháp', 'UBND huyện Nga Sơn', 'UBND xã Nga Thủy'])
    for (const u of p.units) {
      expect(n(u, 'received')).toBe(n(u, 'notDigitised') + n(u, 'digitised'))
      expect(n(u, 'resolved')).toBe(n(u, 'resultNotDigitised') + n(u, 'resultDigitised'))
    }
    expect(Object.keys(p.totals!.numbers)).toEqual(expect.arrayContaining(['received', 'digitised']))
    for (const k of Object.keys(p.totals!.numbers)) {
      expect(p.totals!.numbers[k]!.value, k).toBe(p.units.reduce((s, u) => s + n(u, k), 0))
    }
    expect(fact(unit(p, 'Sở Tư pháp'), 'digitised_components')).toMatchObject({
      numerator: 1200,
      denominator: 1245,
      value: 96.39,
      exportedRate: 96.39,
    })
    expect(fact(unit(p, 'UBND huyện Nga Sơn'), 'electronic_result').value).toBe(50)
  })
  it('levels come from the unit names (no section rows in T1)', () => {
    expect(get('f1').units.map((u) => u.level)).toEqual(['agency', 'district', 'commune'])
  })
  it('reports a totals row that is not the sum of the units, in every form', async () => {
    const bad = f1({ totalReceived: '4.265' })
    for (const form of ['html', 'xlsx-en', 'csv'] as Form[]) {
      const path = await writeForm(dir, bad, form, `f1-bad ${form}`)
      const { parsed } = await parseFile(path, `f1-bad ${form}`)
      const f = parsed.findings.find((x) => x.kind === 'totals-mismatch')
      expect(f, form).toBeDefined()
      // CSV rows are numbered by the line the record starts on (multi-line cells shift them)
      expect(f!.row).toBe(form === 'csv' ? parsed.totals!.row : 9)
      expect(f!.message).toMatch(/cột C .*4265 .*tổng của 3 đơn vị \(4255\)/)
      expect(f!.detail).toMatchObject({ column: 'C', reported: 4265, sumOfUnits: 4255 })
      // the rate of the totals row was computed on the right total: 3006/4265 is no longer 70.65%
      expect(
        parsed.findings.some((x) => x.kind === 'exported-rate-mismatch' && x.row === parsed.totals!.row),
      ).toBe(true)
    }
  })
})

describe('F2 online services v2 (T2)', () => {
  it('reads the 3-row header with TAB-trimmed labels; online rate K/J = 80%', () => {
    const p = get('f2')
    const u = unit(p, 'Sở Xây dựng')
    expect(fact(u, 'online_filing')).toMatchObject({ numerator: 9920, denominator: 12400, value: 80 })
    expect(fact(u, 'online_filing_all_procedures').value).toBe(79.49)
    expect(fact(u, 'procedures_online').value).toBe(93.55)
    expect(u.numbers.fullOnlineDossiers!.column).toBe('N')
    expect(u.numbers.partialOnlineDossiers!.column).toBe('Q')
    expect(u.numbers.infoProceduresWithDossiers!.column).toBe('S')
    expect(p.period.id).toBe('2025-07')
    expect(p.provinceSource).toBe('config') // the parent-unit row is blank
  })
  it('takes the <tfoot> totals row as totals (equal to the sum)', () => {
    const p = get('f2')
    expect(p.totals!.row).toBe(10)
    expect(p.findings.filter((f) => f.kind === 'totals-mismatch')).toEqual([])
  })
  it('repairs "9.000" that en-US Excel turned into 9, by J = M + P, and says so', () => {
    const p = get('f2', 'xlsx-en')
    expect(p.mangled).toBe(true)
    const u = unit(p, 'Sở Xây dựng')
    expect(u.numbers.fullDossiers).toMatchObject({ value: 9000, repaired: true, column: 'M' })
    const f = p.findings.find((x) => x.kind === 'mangled-count-repaired')
    expect(f?.message).toMatch(/M đọc được 9/)
  })
  it('refuses to guess a province: without "province" in the config it says to set it', async () => {
    const path = await writeForm(dir, f2(), 'html', 'f2-noprov')
    await expect(parseFile(path, 'f2.xls', ConfigSchema.parse({}))).rejects.toThrow(/"province"/)
  })
})

describe('F3 online services v1 legacy (T3)', () => {
  it('keeps agency codes as text and finds the province from them', () => {
    const p = get('f3')
    expect(p.units.map((u) => u.eidCode)).toEqual(['000.00.12.H56', '000.00.21.H56', '000.21.30.H56'])
    expect(p.provinceSource).toBe('eid-code')
    expect(p.period.id).toBe('2025-Q2')
    expect(p.periodSource).toBe('file-name')
  })
  it('section rows set the level and are not data (the over-wide merge is clipped)', () => {
    const p = get('f3')
    expect(p.units.map((u) => [u.name, u.section, u.level])).toEqual([
      ['Sở Tư pháp', 'Sở, ban, ngành', 'agency'],
      [
        'UBND huyện Nga Sơn',
        'Cấp huyện (bao gồm các huyện, thị xã, thành phố và xã, phường, thị trấn)',
        'district',
      ],
      [
        'UBND xã Nga Thủy',
        'Cấp huyện (bao gồm các huyện, thị xã, thành phố và xã, phường, thị trấn)',
        'commune',
      ],
    ])
    expect(p.totals).toBeNull()
  })
  it('"" is zero, float-noise rates parse and agree, recomputed rates', () => {
    const p = get('f3')
    const tp = unit(p, 'Sở Tư pháp')
    expect(tp.rates.postalRate!.value).toBeNull()
    expect(tp.rates.paidDirectRate!.value).toBeCloseTo(14.33, 9)
    expect(fact(tp, 'online_filing')).toMatchObject({ numerator: 870, denominator: 1200, value: 72.5 })
    expect(fact(tp, 'sync')).toMatchObject({ numerator: 1195, denominator: 1200, value: 99.58 })
    expect(fact(tp, 'online_payment')).toMatchObject({ numerator: 257, denominator: 300, value: 85.67 })
    expect(fact(unit(p, 'UBND huyện Nga Sơn'), 'online_filing').value).toBeNull()
    expect(p.findings).toEqual([])
  })
  it("is rejected without a period, with advice, when the file name is the vendor's", async () => {
    const path = await writeForm(dir, f3(), 'html', f3().vendorName)
    const err = await parseFile(path, `${f3().vendorName}.xls`).catch((e) => e)
    expect(err).toBeInstanceOf(QdError)
    expect(err.code).toBe('missing-period')
    expect(err.message).toMatch(/T3.*tên tệp.*2025-Q3/s)
  })
})

describe('F4 online payment (T4, multi-value cells)', () => {
  it('splits Số lượng / Tỷ lệ / Điểm số and recomputes 1104/1530 = 72.16% instead of 920%', () => {
    const p = get('f4')
    const u = unit(p, 'Sở Tài nguyên và Môi trường')
    expect(n(u, 'feeProcedures')).toBe(120)
    expect(n(u, 'feeDossiers')).toBe(1530)
    expect(u.rates.paidOnlineDossiers_rate!.value).toBe(920)
    expect(u.vendorScores.paidOnlineDossiers_vendor_score!.value).toBe(6)
    expect(fact(u, 'online_payment')).toMatchObject({
      numerator: 1104,
      denominator: 1530,
      value: 72.16,
      exportedRate: 920,
    })
    expect(fact(u, 'fee_procedures_with_dossiers').value).toBe(40)
  })
  it('reports the wrong exported rate and explains it, for each unit', () => {
    for (const form of FORMS) {
      const p = get('f4', form)
      const mism = p.findings.filter((f) => f.kind === 'exported-rate-mismatch')
      expect(
        mism.map((f) => f.row),
        form,
      ).toEqual(p.units.map((u) => u.row))
      expect(p.units[0]!.row).toBe(4)
      expect(mism[0]!.message).toMatch(/920%.*1104 \/ 1530 = 72\.16%.*chia số hồ sơ cho số thủ tục có phí/)
    }
  })
  it('the misleading vendor file name plays no part: recognised by content, rejected for its missing period', async () => {
    const fx = f4()
    const path = await writeForm(dir, fx, 'html', fx.vendorName)
    const err = await parseFile(path, `${fx.vendorName}.xls`).catch((e) => e)
    expect(err.code).toBe('missing-period')
    expect(err.message).toMatch(/bảng thanh toán trực tuyến \(một cửa, T4\)/)
  })
})

describe('F4b payment with money (T5)', () => {
  it('counts "1.234" and money "12,500,000" in one row', () => {
    const u = unit(get('f4b'), 'Sở Tài nguyên và Môi trường')
    expect([n(u, 'feeDossiers'), n(u, 'paidDirect'), n(u, 'paidOnline')]).toEqual([1234, 234, 1000])
    expect([n(u, 'fee'), n(u, 'charge'), n(u, 'amount')]).toEqual([12500000, 3450000, 15950000])
    expect(fact(u, 'online_payment').value).toBe(81.04)
    expect(get('f4b').findings).toEqual([])
  })
  it('money survives the en-US re-save ("1,250,000" read as 1250000)', () => {
    const u = unit(get('f4b', 'xlsx-en'), 'Sở Tài nguyên và Môi trường')
    expect(n(u, 'amount')).toBe(15950000)
    expect(n(u, 'paidOnline')).toBe(1000) // "1.000" -> 1 repaired by C = D + E
  })
})

describe('F5 processing progress (T6)', () => {
  it('keys the four "Tổng số" by path; C = D + E, E = F + G + H, I = J + K + L, C = I + M, M = N + O', () => {
    const p = get('f5')
    const u = unit(p, 'Sở Công Thương')
    expect(u.numbers.received!.column).toBe('C')
    expect(u.numbers.newTotal!.column).toBe('E')
    expect(u.numbers.processed!.column).toBe('I')
    expect(u.numbers.inProcess!.column).toBe('M')
    for (const x of p.units) {
      expect(n(x, 'received')).toBe(n(x, 'carriedOver') + n(x, 'newTotal'))
      expect(n(x, 'newTotal')).toBe(n(x, 'newOnline') + n(x, 'newDirect') + n(x, 'newPostal'))
      expect(n(x, 'processed')).toBe(n(x, 'early') + n(x, 'onTime') + n(x, 'late'))
      expect(n(x, 'received')).toBe(n(x, 'processed') + n(x, 'inProcess'))
      expect(n(x, 'inProcess')).toBe(n(x, 'inProcessOnTime') + n(x, 'inProcessLate'))
    }
    expect(p.findings).toEqual([])
  })
  it('on-time rate both ways: (J+K)/I = 99.47% and (J+K)/C = 87.91%', () => {
    const u = unit(get('f5'), 'Sở Công Thương')
    expect(fact(u, 'on_time_of_processed').value).toBe(99.47)
    expect(fact(u, 'on_time').value).toBe(87.91)
  })
  it('reads the title from the first of two nested tables (HTML) and the period from its title cell', () => {
    const p = get('f5')
    expect(p.period.id).toBe('2025-10')
    expect(p.title).toMatch(/^THEO DÕI TIẾN ĐỘ GIẢI QUYẾT/)
  })
  it('repairs "2.000" read as 2 by en-US Excel from the row invariants', () => {
    const u = unit(get('f5', 'xlsx-en'), 'Sở Công Thương')
    expect(u.numbers.newTotal).toMatchObject({ value: 2000, repaired: true })
  })
})

describe('F7 procedure catalogue (T7, units over several rows)', () => {
  it('forward-fills the unit over its field rows and sums them; heading rows are not data', () => {
    const p = get('f7')
    expect(p.units.map((u) => [u.name, u.row, u.level])).toEqual([
      ['Sở Tư pháp', 7, 'agency'],
      ['UBND xã Nga Thủy', 11, 'commune'],
    ])
    const tp = unit(p, 'Sở Tư pháp')
    expect([n(tp, 'procedures'), n(tp, 'full'), n(tp, 'partial'), n(tp, 'rest')]).toEqual([28, 16, 7, 5])
    expect(fact(tp, 'procedures_online')).toMatchObject({ numerator: 23, denominator: 28, value: 82.14 })
    expect(fact(unit(p, 'UBND xã Nga Thủy'), 'procedures_online').value).toBe(80)
    expect(fact(tp, 'fee_procedures_online')).toMatchObject({ numerator: 7, denominator: 9 })
    expect(p.totals!.row).toBe(13)
    expect(p.findings).toEqual([])
  })
  it('keys "Tổng số" / "Toàn trình" / "Một phần" of the fee group by path', () => {
    const tp = unit(get('f7'), 'Sở Tư pháp')
    expect(tp.numbers.feeProcedures!.column).toBe('G')
    expect(tp.numbers.feeFull!.column).toBe('H')
    expect(tp.numbers.feePartial!.column).toBe('I')
  })
  it('reports a field row whose parts do not add up, at that row', async () => {
    const fx = f7()
    fx.grid.rows[7]![2] = '11' // Chứng thực: 11 ≠ 6 + 2 + 2
    const path = await writeForm(dir, fx, 'html', 'f7-bad 2025-Q3')
    const { parsed } = await parseFile(path, 'f7-bad 2025-Q3.xls')
    const inv = parsed.findings.filter((f) => f.kind === 'invariant-failed')
    expect(inv.map((f) => f.row)).toEqual([8])
    expect(parsed.findings.some((f) => f.kind === 'totals-mismatch')).toBe(true)
  })
})

describe('bad cells and repeated names', () => {
  it('rejects a count that is not a number with its sheet, row, column and what was expected', async () => {
    const fx = f5()
    fx.grid.rows[6]![9] = '1.2OO' // letter O typed for zero, "Đã xử lý › Trước hạn"
    const path = await writeForm(dir, fx, 'xlsx', 'f5-badcell')
    const err = await parseFile(path, 'f5-badcell.xlsx').catch((e) => e)
    expect(err).toBeInstanceOf(QdError)
    expect(err.code).toBe('bad-value')
    expect(err.location).toMatchObject({ row: 7, column: 'J' })
    expect(err.message).toMatch(/Sở Công Thương.*Đã xử lý › Trước hạn/)
    expect(err.found).toBe('1.2OO')
  })
  it('keeps two units of the same name apart when there is no code, and says so', async () => {
    const fx = f1()
    fx.grid.rows[7]![1] = 'UBND huyện Nga Sơn' // row 8 repeats row 7's name
    const path = await writeForm(dir, fx, 'html', 'f1-dup')
    const { parsed } = await parseFile(path, 'f1-dup.xls')
    expect(parsed.units.map((u) => u.nameKey)).toEqual([
      'so tu phap',
      'ubnd huyen nga son',
      'ubnd huyen nga son #2',
    ])
    expect(parsed.findings.find((f) => f.kind === 'duplicate-unit-name')?.row).toBe(8)
  })
})
