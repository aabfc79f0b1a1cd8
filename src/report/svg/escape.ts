/**
 * Text that goes into SVG or HTML: the five XML specials escaped, and the control characters XML
 * forbids removed, so that a unit named `<b>"A&B"` prints as written and can never open an element
 * or an attribute.
 */
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

export function escapeXml(s: string | number | null | undefined): string {
  if (s === null || s === undefined) return ''
  return String(s)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c) // the class holds exactly ENTITIES' keys
}

/** Coordinates with at most 2 decimals: short, stable output that tests can compare. */
export function n2(x: number): string {
  const r = Math.round(x * 100) / 100
  return String(Object.is(r, -0) ? 0 : r)
}
