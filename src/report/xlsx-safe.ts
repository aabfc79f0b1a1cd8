/**
 * Text written into workbooks must never be taken for a formula by Excel: a cell whose text starts
 * with = + - @ (or a tab/CR that Excel strips first) gets a leading apostrophe-equivalent, i.e. it is
 * written as a string prefixed with a single quote mark the way OWASP's CSV-injection advice says.
 */
export function safeText(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
}
