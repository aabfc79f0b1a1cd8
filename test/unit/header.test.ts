import { describe, expect, it } from 'vitest'
import { findHeader, headerKey } from '../../src/pipeline/header.ts'
import type { Row } from '../../src/read/types.ts'

describe('header texts and their maxima (issue 10 §1)', () => {
  it.each([
    ['Công khai, minh bạch\n(18 điểm)', 'cong khai minh bach', 18],
    ['CKMB (18)', 'ckmb', 18],
    ['TDGQ', 'tdgq', null],
    ['Tổng (100)', 'tong', 100],
    ['Tổng điểm', 'tong diem', null],
    ['Dịch vụ công trực tuyến /22', 'dich vu cong truc tuyen', 22],
    ['Số hóa hồ sơ (tối đa 22 điểm)', 'so hoa ho so', 22],
    // a cell that is only a maximum: the second row of a two-row header
    ['(18 điểm)', '', 18],
    ['18 điểm', '', 18],
    // a bare number in brackets alone is a column number, not a maximum
    ['(3)', '3', null],
    ['Tỷ lệ (%)', 'ty le', null],
  ])('%j -> %s / %s', (text, key, max) => {
    expect(headerKey(text)).toEqual({ key, max })
  })
})

describe('header bands', () => {
  const row = (n: number, cells: Array<string | null>): Row => ({ rowNumber: n, cells })
  const specs = [
    { key: 'province', required: true, headers: ['Tỉnh, thành phố'] },
    { key: 'ckmb', headers: ['Công khai, minh bạch'] },
    { key: 'total', headers: ['Tổng điểm'] },
  ]
  it('takes a "(18 điểm)" row under the names into the header, as the maxima', () => {
    const preview = [
      row(1, ['STT', 'Tỉnh, thành phố', 'Công khai, minh bạch', 'Tổng điểm']),
      row(2, [null, null, '(18 điểm)', '(100 điểm)']),
      row(3, ['1', 'Hà Nội', '15,2', '80']),
    ]
    const h = findHeader(preview, specs)!
    expect([h.firstRow, h.lastRow]).toEqual([1, 2])
    expect(h.mapped.get('ckmb')).toMatchObject({ path: ['Công khai, minh bạch'], declaredMax: 18 })
    expect(h.mapped.get('total')?.declaredMax).toBe(100)
  })
  it('ends a three-row header with groups under a merged "Nhóm chỉ số" band (filled across by the reader)', () => {
    const preview = [
      row(1, ['STT', 'Tỉnh, thành phố', 'Nhóm chỉ số', 'Tổng điểm']),
      row(2, ['STT', 'Tỉnh, thành phố', 'Công khai, minh bạch', 'Tổng điểm']),
      row(3, ['STT', 'Tỉnh, thành phố', '(18 điểm)', '(100 điểm)']),
      row(4, ['1', 'Hà Nội', '15,2', '80']),
    ]
    const h = findHeader(preview, specs)!
    // the band ends on the maxima row, so row 4 is the first data row (the band row above the
    // group names adds nothing to match and may be left as a title line)
    expect(h.lastRow).toBe(3)
    expect(h.mapped.get('ckmb')?.path.at(-1)).toBe('Công khai, minh bạch')
    expect(h.mapped.get('ckmb')?.declaredMax).toBe(18)
  })
})
