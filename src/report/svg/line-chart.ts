/**
 * A line chart as a static SVG string: one series over categorical x labels (reading dates), gaps
 * where a value is missing, a dot and a value label on every point, a few horizontal grid lines.
 * With `invert` the smallest value is at the top, as a rank chart needs (rank 1 = best = top).
 * Pure: data in, markup out; sized by its viewBox so it scales to a phone's width.
 */
import { escapeXml, n2 } from './escape.ts'
import { SYSTEM_FONTS, textWidth } from './text.ts'

export interface LinePoint {
  /** x-axis label, e.g. "05/10/2026". */
  label: string
  value: number | null
  /** Text on the dot (default: the value); also the tooltip. */
  valueLabel?: string
  /** Tooltip text (default: label and value label). */
  title?: string
}

export interface LineChartOptions {
  points: LinePoint[]
  /** Accessible name of the chart. */
  title: string
  yMin: number
  yMax: number
  /** true: yMin is drawn at the top. */
  invert?: boolean
  /** Grid values (default: computed). */
  yTicks?: number[]
  formatTick?: (v: number) => string
  width?: number
  height?: number
  color?: string
  /** Highlight the last point (the current reading). */
  emphasiseLast?: boolean
}

export interface LineLayout {
  x(i: number): number
  y(v: number): number
  plot: { left: number; right: number; top: number; bottom: number }
}

const M = { left: 34, right: 14, top: 22, bottom: 30 }

/** Above this many points only the first, the last, the lowest and the highest value are labelled. */
export const MAX_VALUE_LABELS = 12

export function lineLayout(
  o: Pick<LineChartOptions, 'yMin' | 'yMax' | 'invert' | 'width' | 'height'> & {
    count: number
    /** Widest x label: the plot is inset by half of it so that centred end labels stay inside. */
    xLabelWidth?: number
  },
): LineLayout {
  const width = o.width ?? 420
  const height = o.height ?? 220
  const half = (o.xLabelWidth ?? 0) / 2 + 2
  const plot = {
    left: Math.max(M.left, half),
    right: width - Math.max(M.right, half),
    top: M.top,
    bottom: height - M.bottom,
  }
  const span = o.yMax - o.yMin || 1
  const y = (v: number) => {
    const t = (v - o.yMin) / span
    return o.invert ? plot.top + t * (plot.bottom - plot.top) : plot.bottom - t * (plot.bottom - plot.top)
  }
  const x = (i: number) =>
    o.count <= 1 ? (plot.left + plot.right) / 2 : plot.left + (i * (plot.right - plot.left)) / (o.count - 1)
  return { x, y, plot }
}

/** About four round steps between min and max, always including both ends. */
export function niceTicks(min: number, max: number, target = 4): number[] {
  if (max <= min) return [min]
  const raw = (max - min) / target
  const pow = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? raw
  const ticks = [min]
  let last = min
  for (let v = Math.ceil(min / step) * step; v < max; v += step) {
    if (v > min && v - last >= step * 0.5) {
      last = Number(v.toFixed(10))
      ticks.push(last)
    }
  }
  if (max - last < step * 0.5 && ticks.length > 1) ticks.pop()
  ticks.push(max)
  return ticks
}

export function lineChart(o: LineChartOptions): string {
  const width = o.width ?? 420
  const height = o.height ?? 220
  const color = o.color ?? '#1f4e79'
  const fmt = o.formatTick ?? ((v: number) => String(v))
  const xFont = 12
  const labelW = Math.max(0, ...o.points.map((p) => textWidth(p.label, xFont)))
  const L = lineLayout({ ...o, width, height, count: o.points.length, xLabelWidth: labelW })
  const { plot } = L
  const parts: string[] = []
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-line" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(o.title)}" font-family="${escapeXml(SYSTEM_FONTS)}" font-size="13">`,
    `<title>${escapeXml(o.title)}</title>`,
  )
  // grid and y labels
  for (const t of o.yTicks ?? niceTicks(o.yMin, o.yMax)) {
    const y = n2(L.y(t))
    parts.push(
      `<line class="grid" x1="${plot.left}" x2="${plot.right}" y1="${y}" y2="${y}" stroke="#e3e7ee" stroke-width="1"/>`,
      `<text class="ytick" x="${plot.left - 6}" y="${y}" dy="0.35em" text-anchor="end" fill="#5b6472">${escapeXml(fmt(t))}</text>`,
    )
  }
  // x labels, thinned so that they never overlap; the first and the last always shown
  const n = o.points.length
  const every = n <= 1 ? 1 : Math.max(1, Math.ceil((labelW + 8) / ((plot.right - plot.left) / (n - 1))))
  const shown = new Set<number>()
  for (let i = 0; i < n; i += every) if (n - 1 - i >= every) shown.add(i)
  if (n > 0) shown.add(n - 1)
  o.points.forEach((p, i) => {
    if (!shown.has(i)) return
    parts.push(
      `<text class="xtick" x="${n2(L.x(i))}" y="${plot.bottom + 18}" text-anchor="middle" font-size="${xFont}" fill="#5b6472">${escapeXml(p.label)}</text>`,
    )
  })
  // the line, broken where a value is missing
  const segments: string[] = []
  let cur: string[] = []
  o.points.forEach((p, i) => {
    if (p.value === null || !Number.isFinite(p.value)) {
      if (cur.length) segments.push(cur.join(' '))
      cur = []
      return
    }
    cur.push(`${cur.length ? 'L' : 'M'}${n2(L.x(i))},${n2(L.y(p.value))}`)
  })
  if (cur.length) segments.push(cur.join(' '))
  for (const d of segments) {
    parts.push(
      `<path class="series" d="${d}" fill="none" stroke="${color}" stroke-width="2.5" stroke-linejoin="round" stroke-linecap="round"/>`,
    )
  }
  // dots and value labels; with many points only the first, the last and the extremes are labelled
  const known = o.points.flatMap((p, i) =>
    p.value !== null && Number.isFinite(p.value) ? [{ v: p.value, i }] : [],
  )
  const labelled = new Set<number>()
  if (known.length <= MAX_VALUE_LABELS) for (const k of known) labelled.add(k.i)
  else {
    const byValue = [...known].sort((a, b) => a.v - b.v)
    for (const k of [known[0], known.at(-1), byValue[0], byValue.at(-1)]) if (k) labelled.add(k.i)
  }
  const radius = known.length > 40 ? 2.5 : 4
  o.points.forEach((p, i) => {
    if (p.value === null || !Number.isFinite(p.value)) return
    const cx = n2(L.x(i))
    const cy = L.y(p.value)
    const label = p.valueLabel ?? fmt(p.value)
    const big = o.emphasiseLast && i === n - 1
    const tip = p.title ?? `${p.label}: ${label}`
    // value above the dot, or below when the dot is at the top edge
    const ly = cy - 9 < plot.top - 4 ? cy + 18 : cy - 9
    parts.push(
      `<g class="point" data-value="${escapeXml(p.value)}"><title>${escapeXml(tip)}</title>` +
        `<circle cx="${cx}" cy="${n2(cy)}" r="${big ? radius + 1.5 : radius}" fill="${big ? color : '#ffffff'}" stroke="${color}" stroke-width="2"/>` +
        (labelled.has(i)
          ? `<text x="${cx}" y="${n2(ly)}" text-anchor="middle" font-weight="${big ? 700 : 400}" fill="#1d2733">${escapeXml(label)}</text>`
          : '') +
        '</g>',
    )
  })
  parts.push('</svg>')
  return parts.join('')
}
