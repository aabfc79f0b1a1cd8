/**
 * Small helpers for reading portal JSON: object test, JSON paths for messages ("data.evaluation[3]"),
 * and a value described for a person ("\"abc\" (text)", "a list").
 */
import { t } from '../i18n/index.ts'

export { isObj } from '../guards.ts'

export function pathString(prefix: string, path: ReadonlyArray<PropertyKey>): string {
  let s = prefix
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s === '' ? String(p) : `.${String(p)}`
  return s
}

export function describeValue(v: unknown): string {
  if (v === undefined) return t('portal.value.missing')
  if (v === null) return 'null'
  if (typeof v === 'string') return t('portal.value.text', { text: v.length > 40 ? `${v.slice(0, 40)}…` : v })
  if (Array.isArray(v)) return t('portal.value.list')
  if (typeof v === 'object') return t('portal.value.object')
  return t('portal.value.other', { value: String(v), type: typeof v })
}

/** zod's type names in words, for "expected a number, found …" (current language). */
export function typeWord(type: string): string {
  if (type === 'number') return t('portal.value.number')
  if (type === 'string') return t('portal.value.string')
  if (type === 'array') return t('portal.value.list')
  if (type === 'object') return t('portal.value.object')
  return type
}
