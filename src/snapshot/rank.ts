/**
 * Standard competition ranking ("1, 2, 2, 4") with a tolerance (docs/methodology.md §5):
 * rank = 1 + number of entries whose score exceeds this one's by more than `tolerance`.
 * Ties are listed in Vietnamese alphabetical order of the name. Entries without a score get no rank.
 */
import { compareVietnamese } from '../text/normalize.ts'

export const RANK_TOLERANCE = 0.005

export interface Rankable {
  name: string
  score: number | null
}

/** Returns ranks aligned with the input (null for a null score). O(n log n). */
export function competitionRanks(
  scores: Array<number | null>,
  tolerance = RANK_TOLERANCE,
): Array<number | null> {
  const present = scores.filter((s): s is number => s !== null).sort((a, b) => b - a)
  return scores.map((s) => {
    if (s === null) return null
    // count of scores > s + tolerance: binary search in the descending list
    let lo = 0
    let hi = present.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((present[mid] ?? Number.NEGATIVE_INFINITY) - s > tolerance + 1e-9)
        lo = mid + 1 // mid < present.length
      else hi = mid
    }
    return lo + 1
  })
}

/** Sorts ranked entries for display: by rank, ties alphabetically (Vietnamese), unranked last. */
export function displayOrder<T extends { rank: number | null; name: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => {
    if (a.rank === null && b.rank === null) return compareVietnamese(a.name, b.name)
    if (a.rank === null) return 1
    if (b.rank === null) return -1
    return a.rank - b.rank || compareVietnamese(a.name, b.name)
  })
}
