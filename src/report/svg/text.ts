/**
 * SVG has no text layout: labels are wrapped and cut here, by an estimate of their width. The
 * estimate (0.56 em per character, a little wide for the system sans-serif fonts at Vietnamese text)
 * errs on the side of wrapping early, so a label never runs into its bar.
 */

export const SYSTEM_FONTS =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif'

export const CHAR_EM = 0.56
/** Digits and the date/number punctuation are wider in the common sans fonts (DejaVu: 0.64 em). */
export const DIGIT_EM = 0.64

export function textWidth(s: string, fontSize: number): number {
  let em = 0
  for (const ch of s) em += /[0-9/]/.test(ch) ? DIGIT_EM : CHAR_EM
  return em * fontSize
}

/**
 * Words into at most `maxLines` lines of at most `maxChars` characters; what does not fit ends with
 * "…". A single word longer than a line is cut.
 */
export function wrapText(s: string, maxChars: number, maxLines = 2): string[] {
  const words = s.trim().split(/\s+/).filter(Boolean)
  const lines: string[] = []
  let cur = ''
  let i = 0
  for (; i < words.length; i++) {
    const w = words[i]
    if (w === undefined) break // i < words.length
    const next = cur ? `${cur} ${w}` : w
    if ([...next].length <= maxChars) {
      cur = next
      continue
    }
    if (cur) {
      lines.push(cur)
      cur = ''
      if (lines.length === maxLines) break
      i--
      continue
    }
    // one word longer than the line
    lines.push(`${[...w].slice(0, maxChars - 1).join('')}…`)
    if (lines.length === maxLines) {
      i++
      break
    }
  }
  if (cur && lines.length < maxLines) {
    lines.push(cur)
    cur = ''
  }
  const truncated = i < words.length || cur !== ''
  const lastLine = lines.at(-1)
  if (truncated && lastLine !== undefined) {
    const last = [...lastLine]
    const cut = last.length >= maxChars ? last.slice(0, maxChars - 1) : last
    lines[lines.length - 1] = `${cut.join('').replace(/[\s,;:.…]+$/, '')}…`
  }
  return lines
}
