/**
 * Horizontal bars as a static SVG string, one row per bar: the label above (wrapped to two lines, so
 * long Vietnamese metric names stay readable on a phone), then the bar with its value at the right.
 * A bar with `max` draws a light track up to that maximum (a group's score against its maximum);
 * without, bars share one scale (points lost per metric). Pure; sized by its viewBox.
 */
import { escapeXml, n2 } from './escape.ts'
import { SYSTEM_FONTS, textWidth, wrapText } from './text.ts'

export interface Bar {
  label: string
  value: number | null
  /** Draw a track to this value (e.g. the group maximum). */
  max?: number
  /** Text at the right (default: the value). */
  valueLabel?: string
  /** Tooltip (default: label and value label). */
  title?: string
  color?: string
}

export interface BarChartOptions {
  bars: Bar[]
  /** Accessible name of the chart. */
  title: string
  /** Value at the full bar width (default: the largest max or value). */
  scaleMax?: number
  width?: number
  color?: string
  trackColor?: string
  formatValue?: (v: number) => string
  /** Message shown instead of bars when there are none. */
  empty?: string
}

export const BAR = { fontSize: 14, lineHeight: 17, barHeight: 14, gap: 12, valueWidth: 92, top: 4 } as const

export interface BarRowLayout {
  labelLines: string[]
  /** Top of the bar. */
  y: number
  /** Width of the filled part and of the track. */
  fill: number
  track: number | null
}

/** Row positions and bar widths; exported so tests can check geometry without parsing SVG. */
export function barLayout(o: BarChartOptions): {
  width: number
  height: number
  plotWidth: number
  rows: BarRowLayout[]
} {
  const width = o.width ?? 400
  const plotWidth = width - BAR.valueWidth
  const scaleMax = o.scaleMax ?? Math.max(0, ...o.bars.map((b) => Math.max(b.max ?? 0, b.value ?? 0)))
  const maxChars = Math.max(8, Math.floor(width / (textWidth('x', BAR.fontSize) || 1)))
  const scale = (v: number) => (scaleMax > 0 ? Math.max(0, Math.min(1, v / scaleMax)) * plotWidth : 0)
  let y = BAR.top
  const rows = o.bars.map((b) => {
    const labelLines = wrapText(b.label, maxChars, 2)
    y += labelLines.length * BAR.lineHeight + 3
    const row: BarRowLayout = {
      labelLines,
      y,
      fill: b.value === null || !Number.isFinite(b.value) ? 0 : scale(b.value),
      track: b.max === undefined ? null : scale(b.max),
    }
    y += BAR.barHeight + BAR.gap
    return row
  })
  return { width, height: Math.max(y - BAR.gap + 4, 24), plotWidth, rows }
}

export function barChart(o: BarChartOptions): string {
  const color = o.color ?? '#1f4e79'
  const track = o.trackColor ?? '#e3e7ee'
  const fmt = o.formatValue ?? ((v: number) => String(v))
  const L = barLayout(o)
  const head = `<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-bars" viewBox="0 0 ${L.width} ${n2(o.bars.length ? L.height : 28)}" role="img" aria-label="${escapeXml(o.title)}" font-family="${escapeXml(SYSTEM_FONTS)}" font-size="${BAR.fontSize}"><title>${escapeXml(o.title)}</title>`
  if (o.bars.length === 0) {
    return `${head}<text x="0" y="18" fill="#5b6472">${escapeXml(o.empty ?? 'Không có dữ liệu')}</text></svg>`
  }
  const parts = [head]
  o.bars.forEach((b, i) => {
    const r = L.rows[i]
    if (!r) throw new Error(`internal: bar ${i} has no laid-out row`) // the layout has one row per bar
    const valueLabel = b.valueLabel ?? (b.value === null ? '–' : fmt(b.value))
    const tip = b.title ?? `${b.label}: ${valueLabel}`
    parts.push(`<g class="bar" data-value="${escapeXml(b.value ?? '')}"><title>${escapeXml(tip)}</title>`)
    r.labelLines.forEach((line, k) => {
      const ty = r.y - 3 - (r.labelLines.length - 1 - k) * BAR.lineHeight - 4
      parts.push(`<text class="label" x="0" y="${n2(ty)}" fill="#1d2733">${escapeXml(line)}</text>`)
    })
    if (r.track !== null) {
      parts.push(
        `<rect class="track" x="0" y="${n2(r.y)}" width="${n2(r.track)}" height="${BAR.barHeight}" rx="3" fill="${track}"/>`,
      )
    }
    parts.push(
      `<rect class="fill" x="0" y="${n2(r.y)}" width="${n2(r.fill)}" height="${BAR.barHeight}" rx="3" fill="${b.color ?? color}"/>`,
      `<text class="value" x="${L.width}" y="${n2(r.y + BAR.barHeight / 2)}" dy="0.35em" text-anchor="end" font-weight="600" fill="#1d2733">${escapeXml(valueLabel)}</text></g>`,
    )
  })
  parts.push('</svg>')
  return parts.join('')
}
