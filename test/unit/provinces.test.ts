import { describe, expect, it } from 'vitest'
import { editDistance, ProvinceRegistry, provinceKey } from '../../src/reference/provinces.ts'

const registry = ProvinceRegistry.fromSeeds()

describe('province registries', () => {
  it('has 63 and 34 provinces with unique codes', () => {
    for (const [cohort, n] of [
      [63, 63],
      [34, 34],
    ] as const) {
      const list = registry.cohort(cohort)
      expect(list).toHaveLength(n)
      expect(new Set(list.map((p) => p.code)).size).toBe(n)
    }
  })
  it('gives every 34-province unit its portal H-code and UUID', () => {
    for (const p of registry.cohort(34)) {
      expect(p.dvcqgCode).toMatch(/^H\d{2}$/)
      expect(p.dvcqgUuid).toMatch(/^[0-9a-f-]{36}$/)
    }
  })
})

describe('name resolution (docs/methodology.md §8)', () => {
  it.each([
    ['UBND tỉnh Đồng Tháp', 34, '82'],
    ['Tỉnh Đồng Tháp', 63, '87'],
    ['TP.HCM', 34, '79'],
    ['TP. Hồ Chí Minh', 63, '79'],
    ['Thừa Thiên Huế', 63, '46'],
    ['Huế', 34, '46'],
    ['Khánh Hoà', 34, '56'],
    ['Khánh Hòa', 34, '56'],
    ['Thanh Hoá', 63, '38'],
    ['Bà Rịa-Vũng Tàu', 63, '77'],
    ['Bà Rịa - Vũng Tàu', 63, '77'],
    ['UBND Thành phố Đồng Nai', 34, '75'],
    ['Hà Nội', 34, '01'],
    ['H44', 34, '25'],
    ['Đắk Lắk', 34, '66'],
    // NFD input (Windows-1258 decodes to combining marks)
    ['Đắk Lắk'.normalize('NFD'), 34, '66'],
    // the city's old name, in both lists (issue 10 §6)
    ['Sài Gòn', 34, '79'],
    ['TP. Sài Gòn', 34, '79'],
    ['Saigon', 34, '79'],
    ['Sài Gòn', 63, '79'],
  ] as const)('%s in the %i list is %s', (name, cohort, code) => {
    expect(registry.resolve(cohort, name)?.code).toBe(code)
  })

  it('code 15 is Yên Bái in 2024 and Lào Cai in 2026', () => {
    expect(registry.byCode(63, '15')?.name).toBe('Yên Bái')
    expect(registry.byCode(34, '15')?.name).toBe('Lào Cai')
    expect(registry.resolve(63, 'Lào Cai')?.code).toBe('10')
    expect(registry.resolve(34, 'Lào Cai')?.code).toBe('15')
  })

  it('merged-away provinces do not resolve in the 34 list', () => {
    expect(registry.resolve(34, 'Yên Bái')).toBeUndefined()
    expect(registry.cohortsOf('Yên Bái')).toEqual([63])
    expect(registry.resolve(34, 'Bà Rịa - Vũng Tàu')).toBeUndefined()
  })

  it('strips unit prefixes and punctuation', () => {
    expect(provinceKey('UBND Thành phố Hà Nội')).toBe('ha noi')
    expect(provinceKey('Tp. Hồ Chí Minh')).toBe('ho chi minh')
  })
})

describe('closest names for a province nobody knows (issue 10 §6)', () => {
  it.each([
    ['Lạng Sơm', 34, ['Lạng Sơn']],
    ['Lang Som', 34, ['Lạng Sơn']],
    ['Hà Nọi', 34, ['Hà Nội']],
    ['Đắc Lắc', 34, ['Đắk Lắk']],
    ['Ho Chi Min', 34, ['Hồ Chí Minh']],
    ['Quảng', 34, ['Quảng Ngãi', 'Quảng Ninh', 'Quảng Trị']],
    ['Yen Bai', 63, ['Yên Bái']],
  ] as const)('%s (%i list) -> %j', (written, cohort, names) => {
    expect(registry.suggest(cohort, written).map((p) => p.name)).toEqual(names)
  })
  it.each([
    'Nguyễn Thị Hoa',
    'Người lập biểu',
    'Thủ trưởng đơn vị',
    'Lào Cai, ngày 09 tháng 10 năm 2026',
    'x',
  ])('offers nothing for %s (not a province name gone wrong)', (written) => {
    expect(registry.suggest(34, written)).toEqual([])
  })
  it('counts typing mistakes (insert, delete, change, swap)', () => {
    expect(editDistance('lang son', 'lang som')).toBe(1)
    expect(editDistance('ha noi', 'ha nio')).toBe(1)
    expect(editDistance('hue', 'hue')).toBe(0)
    expect(editDistance('can tho', 'cao bang', 2)).toBe(3)
  })
})
