/**
 * Small typed helpers over lists, instead of casts or `!` repeated at every call site: objects keyed
 * by a fixed list (group codes, score columns) built in one step, and "the one match, if exactly one".
 */

/** The single item of a list of matches, or null when there are none or several. */
export function onlyOne<T>(items: readonly T[]): T | null {
  const [first] = items
  return items.length === 1 && first !== undefined ? first : null
}

/** `{ [k]: value(k) }` for every key, in the keys' order; `keys` must list every key of K (GROUP_CODES does). */
export function recordOf<K extends string, V>(keys: readonly K[], value: (key: K) => V): Record<K, V> {
  const out: Partial<Record<K, V>> = {}
  for (const k of keys) out[k] = value(k)
  // Every key of K was assigned just above; TypeScript cannot follow a loop over a key list.
  return out as Record<K, V>
}

/** `{ [key(item)]: value(item) }` for every item; the items must give every key of K (GROUPS gives each group's code and column once). */
export function recordBy<T, K extends string, V>(
  items: readonly T[],
  key: (item: T) => K,
  value: (item: T) => V,
): Record<K, V> {
  const out: Partial<Record<K, V>> = {}
  for (const item of items) out[key(item)] = value(item)
  // As above: each key of K was assigned by the loop.
  return out as Record<K, V>
}
