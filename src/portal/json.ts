/**
 * Small helpers for reading portal JSON: object test, JSON paths for messages ("data.evaluation[3]"),
 * and a value described for a person ("\"abc\" (text)", "a list").
 */

export const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

export function pathString(prefix: string, path: ReadonlyArray<PropertyKey>): string {
  let s = prefix
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s === '' ? String(p) : `.${String(p)}`
  return s
}

export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing (the key is missing)'
  if (v === null) return 'null'
  if (typeof v === 'string') return `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}" (text)`
  if (Array.isArray(v)) return 'a list'
  if (typeof v === 'object') return 'an object'
  return `${String(v)} (${typeof v})`
}

/** zod's type names in words, for "expected a number, found …". */
export const TYPE_WORDS: Record<string, string> = {
  number: 'a number',
  string: 'text',
  array: 'a list',
  object: 'an object',
}
