import { describe, expect, it } from 'vitest'
import { competitionRanks, displayOrder } from '../../src/snapshot/rank.ts'

describe('competition ranking with tolerance 0.005 (docs/methodology.md §5)', () => {
  it.each([
    { name: 'distinct', scores: [80, 70, 90], ranks: [2, 3, 1] },
    { name: 'a tie shares the rank and skips the next', scores: [90, 80, 80, 70], ranks: [1, 2, 2, 4] },
    {
      name: 'two ties like 2026-10-05 (ranks 5 and 12 shared)',
      scores: [99, 98, 97, 96, 95, 95, 94, 93, 92, 91, 90, 89, 89, 88],
      ranks: [1, 2, 3, 4, 5, 5, 7, 8, 9, 10, 11, 12, 12, 14],
    },
    { name: 'within 0.005 is a tie', scores: [80.004, 80], ranks: [1, 1] },
    { name: 'a hundredth apart is not a tie', scores: [80.01, 80], ranks: [1, 2] },
    { name: 'null gets no rank and does not count', scores: [null, 50, 60], ranks: [null, 2, 1] },
    { name: 'all equal', scores: [5, 5, 5], ranks: [1, 1, 1] },
  ])('$name', ({ scores, ranks }) => {
    expect(competitionRanks(scores)).toEqual(ranks)
  })

  it('lists ties in Vietnamese alphabetical order and unranked last', () => {
    const rows = [
      { name: 'Đắk Lắk', rank: 2 },
      { name: 'Bắc Ninh', rank: 2 },
      { name: 'An Giang', rank: null },
      { name: 'Hà Nội', rank: 1 },
      { name: 'Cà Mau', rank: 2 },
    ]
    expect(displayOrder(rows).map((r) => r.name)).toEqual([
      'Hà Nội',
      'Bắc Ninh',
      'Cà Mau',
      'Đắk Lắk',
      'An Giang',
    ])
  })
})
