import { describe, expect, it } from 'vitest'
import { QdError } from '../../src/errors.ts'
import {
  cohortFor,
  factsFromFileName,
  factsFromText,
  parsePeriod,
  periodFromRange,
  resolvePeriod,
} from '../../src/reference/period.ts'

describe('period notation', () => {
  it.each([
    ['2026', '2026', 'year', '2026-01-01', '2026-12-31'],
    ['2026-Q3', '2026-Q3', 'quarter', '2026-07-01', '2026-09-30'],
    ['2026q1', '2026-Q1', 'quarter', '2026-01-01', '2026-03-31'],
    ['2026-08', '2026-08', 'month', '2026-08-01', '2026-08-31'],
    ['2024-2', '2024-02', 'month', '2024-02-01', '2024-02-29'],
    // the forms file names and titles use (issue 10 §6)
    ['Q3-2026', '2026-Q3', 'quarter', '2026-07-01', '2026-09-30'],
    ['q4_2026', '2026-Q4', 'quarter', '2026-10-01', '2026-12-31'],
    ['Q1/2026', '2026-Q1', 'quarter', '2026-01-01', '2026-03-31'],
    ['2026_Q2', '2026-Q2', 'quarter', '2026-04-01', '2026-06-30'],
    ['08/2026', '2026-08', 'month', '2026-08-01', '2026-08-31'],
  ])('%s', (input, id, type, start, end) => {
    expect(parsePeriod(input)).toMatchObject({ id, type, start, end })
  })
  it.each(['26', '2026-Q5', '2026-13', 'Q3', 'Q5-2026', '13/2026'])('rejects %s with advice', (input) => {
    expect(() => parsePeriod(input)).toThrow(/2026-Q3/)
  })
})

describe('title lines (docs/inputs.md §A)', () => {
  it.each([
    ['Năm 2026', '2026', null],
    ['Quý 3/2026', '2026-Q3', null],
    ['QUÝ III NĂM 2026', '2026-Q3', null],
    ['Tháng 8/2026', '2026-08', null],
    ['tháng 08 năm 2026 - tính đến ngày 05/10/2026', '2026-08', '2026-10-05'],
    ['Năm 2026 - Cập nhật: 05/10/2026 08:00', '2026', '2026-10-05'],
    ['(Từ ngày 01/01/2026 đến ngày 05/10/2026)', '2026', '2026-10-05'],
    ['(Từ ngày 01/07/2026 đến ngày 15/08/2026 )', '2026-Q3', '2026-08-15'],
    ['(Từ ngày 01/08/2026 đến ngày 31/08/2026)', '2026-08', '2026-08-31'],
    ['Kết quả xếp hạng', null, null],
  ])('%s', (text, period, asOf) => {
    const f = factsFromText(text)
    expect(f.period?.id ?? null).toBe(period)
    expect(f.asOf).toBe(asOf)
  })
})

describe('file-name tokens', () => {
  it.each([
    ['xep-hang-2026-Q3.xlsx', '2026-Q3', null],
    // a lone date says when, not which period: no guess
    ['xep hang 2026-10-05.csv', null, '2026-10-05'],
    ['ranking_2026-08_2026-09-02.xlsx', '2026-08', '2026-09-02'],
    ['bang diem Q2-2025.xlsx', '2025-Q2', null],
    ['Bảng 2026 5-10-2026.xlsx', '2026', '2026-10-05'],
    ['scores.xlsx', null, null],
  ])('%s', (name, period, asOf) => {
    const f = factsFromFileName(name)
    expect(f.period?.id ?? null).toBe(period)
    expect(f.asOf).toBe(asOf)
  })
})

describe('resolvePeriod', () => {
  it('prefers the title over the file name', () => {
    expect(resolvePeriod('Quý 2/2026', 'x-2026.xlsx').period.id).toBe('2026-Q2')
    expect(resolvePeriod('Tháng 8/2026', 'bxh-2026-Q3.xlsx').period.id).toBe('2026-08')
  })
  it.each([
    ['Quý 3/2026', 'xep-hang-2026-Q4.xlsx', '2026-Q4', '2026-Q3'],
    ['Tháng 8/2026', 'bxh-2026-09.csv', '2026-09', '2026-08'],
    ['Quý 2/2026', 'x-2025.xlsx', '2025', '2026-Q2'],
    ['Năm 2026', 'bang-2025-Q4.xlsx', '2025-Q4', '2026'],
  ])(
    'rejects a title "%s" that contradicts the file name %s, naming both',
    (title, file, fromName, fromTitle) => {
      try {
        resolvePeriod(title, file)
        expect.unreachable()
      } catch (err) {
        expect(err).toBeInstanceOf(QdError)
        expect((err as QdError).code).toBe('bad-period')
        expect((err as QdError).found).toBe(`${fromName} / ${fromTitle}`)
        expect((err as QdError).message).toContain(title)
      }
    },
  )
  it('rejects with naming advice when nothing says the period', () => {
    try {
      resolvePeriod('Bảng xếp hạng', 'bang.xlsx')
      expect.unreachable()
    } catch (err) {
      expect(err).toBeInstanceOf(QdError)
      expect((err as QdError).code).toBe('missing-period')
      expect((err as QdError).message).toMatch(/tên tệp/)
    }
  })
  it('rejects a reading date before the period starts', () => {
    expect(() => resolvePeriod('Quý 3/2026 tính đến ngày 05/05/2026', 'x.xlsx')).toThrow(
      /trước ngày bắt đầu của kỳ/,
    )
  })
  it('rejects a range that is not a whole month/quarter/year start', () => {
    expect(periodFromRange('2026-02-15', '2026-03-01')).toBeNull()
  })
})

describe('cohort (63 before 07/2025, 34 after)', () => {
  it.each([
    ['2024', null, 63],
    ['2025-Q2', null, 63],
    ['2025-Q2', '2025-09-01', 63],
    ['2025', '2025-05-01', 63],
    ['2025', null, 34],
    ['2025-07', null, 34],
    ['2026', '2026-10-05', 34],
  ] as const)('%s read %s -> %i', (p, asOf, cohort) => {
    expect(cohortFor(parsePeriod(p), asOf)).toBe(cohort)
  })
})
