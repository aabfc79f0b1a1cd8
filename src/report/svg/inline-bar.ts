/**
 * A small bar for a table cell (points at stake of a unit, share of a maximum): a track and a fill,
 * fixed pixel size, with its value as the accessible name. Pure.
 */
import { escapeXml, n2 } from './escape.ts'

export interface InlineBarOptions {
  width?: number
  height?: number
  color?: string
  /** Accessible name / tooltip, e.g. "3,25 điểm". */
  label?: string
}

export function inlineBar(value: number | null, max: number, o: InlineBarOptions = {}): string {
  const width = o.width ?? 110
  const height = o.height ?? 10
  const v = value === null || !Number.isFinite(value) || max <= 0 ? 0 : Math.max(0, Math.min(1, value / max))
  const label = o.label ?? (value === null ? '' : String(value))
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="ibar" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(label)}">` +
    `<rect x="0" y="0" width="${width}" height="${height}" rx="2" fill="#e3e7ee"/>` +
    `<rect class="fill" x="0" y="0" width="${n2(v * width)}" height="${height}" rx="2" fill="${o.color ?? '#c0392b'}"/></svg>`
  )
}
