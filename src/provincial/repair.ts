/**
 * Invariants of a table row (C = D + E, I = J + K + L, F ≤ C, …) and the repair of en-US-mangled
 * counts they make possible (docs/provincial-exports.md §0.3).
 *
 * When Excel with en-US settings opens an HTML export, "1.234" becomes 1.234 (recovered as 1234 by
 * parseCount) but "2.000" becomes 2: indistinguishable from a real 2. In a sheet that shows mangling
 * every integer count 1..999 is therefore *ambiguous* (v or v·1000). If the row's invariants hold as
 * read, nothing changes. Otherwise the smallest set of ambiguous cells whose ×1000 makes every
 * invariant hold is adopted, but only when it is the unique smallest such set; anything else is left as
 * read and reported. Rows without invariants are never changed.
 */

export interface Invariant {
  /** Sum of these measures … */
  lhs: string[]
  op: '=' | '<='
  /** … compared with the sum of these. */
  rhs: string[]
  /** Human wording with column letters, e.g. "C = D + E". Filled in by the table from its header. */
  label?: string
}

export type Values = Record<string, number>

/** Sum of the measures, left to right (as a reduce would add them). */
function sum(v: Values, keys: string[]): number {
  let s = 0
  for (const k of keys) s += v[k] ?? 0
  return s
}

/** Only invariants whose measures are all present in this table. */
export function applicable(invariants: Invariant[], present: Set<string>): Invariant[] {
  return invariants.filter((i) => [...i.lhs, ...i.rhs].every((k) => present.has(k)))
}

export function holds(inv: Invariant, v: Values): boolean {
  const a = sum(v, inv.lhs)
  const b = sum(v, inv.rhs)
  return inv.op === '=' ? Math.abs(a - b) < 1e-9 : a <= b + 1e-9
}

export function failing(invariants: Invariant[], v: Values): Invariant[] {
  const out: Invariant[] = []
  for (const i of invariants) if (!holds(i, v)) out.push(i)
  return out
}

function* combinations<T>(items: T[], k: number, start = 0, acc: T[] = []): Generator<T[]> {
  if (acc.length === k) {
    yield acc
    return
  }
  for (let i = start; i <= items.length - (k - acc.length); i++)
    yield* combinations(items, k, i + 1, [...acc, items[i]!])
}

export type RepairResult =
  | { status: 'unchanged' }
  | { status: 'repaired'; keys: string[]; values: Values }
  | { status: 'ambiguous'; candidates: string[][] }
  | { status: 'unresolved' }

/** At most this many cells are scaled at once (C(20,4) = 4845 candidate sets per row at worst). */
const MAX_CHANGES = 4

export function repairMangled(values: Values, ambiguous: string[], invariants: Invariant[]): RepairResult {
  if (invariants.length === 0 || failing(invariants, values).length === 0) return { status: 'unchanged' }
  const relevant = new Set(invariants.flatMap((i) => [...i.lhs, ...i.rhs]))
  const cells = ambiguous.filter((k) => relevant.has(k))
  for (let k = 1; k <= Math.min(MAX_CHANGES, cells.length); k++) {
    const found: string[][] = []
    for (const set of combinations(cells, k)) {
      const trial = { ...values }
      for (const key of set) trial[key] = (trial[key] ?? 0) * 1000
      if (failing(invariants, trial).length === 0) found.push(set)
      if (found.length > 1) break
    }
    if (found.length === 1) {
      const keys = found[0]!
      const out = { ...values }
      for (const key of keys) out[key] = (out[key] ?? 0) * 1000
      return { status: 'repaired', keys, values: out }
    }
    if (found.length > 1) return { status: 'ambiguous', candidates: found }
  }
  return { status: 'unresolved' }
}
