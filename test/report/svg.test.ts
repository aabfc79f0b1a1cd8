/** The chart kit: Vietnamese number/date display, escaping, wrapping, and chart geometry. */
import { describe, expect, it } from 'vitest'
import { BAR, barChart, barLayout } from '../../src/report/svg/bar-chart.ts'
import { escapeXml, n2 } from '../../src/report/svg/escape.ts'
import {
  formatDateVi,
  formatIntVi,
  formatNumberVi,
  formatPercentVi,
  formatPeriodVi,
  formatRankChange,
  formatSignedVi,
} from '../../src/report/svg/format.ts'
import { inlineBar } from '../../src/report/svg/inline-bar.ts'
import { lineChart, lineLayout, niceTicks } from '../../src/report/svg/line-chart.ts'
import { wrapText } from '../../src/report/svg/text.ts'

const HOSTILE = '<script>alert("x")</script> & \'q\''

/** Attribute values of every element of a tag, in order. */
function attrs(svg: string, tag: string, name: string): string[] {
  return [...svg.matchAll(new RegExp(`<${tag}\\b[^>]*\\s${name}="([^"]*)"`, 'g'))].map((m) => m[1]!)
}

function assertWellFormedText(svg: string) {
  // no raw specials in text nodes: every & starts an entity, no stray < inside text
  expect(svg).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#39;)/)
  expect(svg).not.toContain('<script')
  expect(svg).not.toMatch(/\s(?:href|src)=/)
}

describe('Vietnamese display', () => {
  it.each([
    [70.41, 2, '70,41'],
    [1234.5, 2, '1.234,50'],
    [0, 2, '0,00'],
    [-0.001, 2, '0,00'],
    [-3.5, 1, '-3,5'],
    [65.49, 0, '65'],
    [null, 2, '–'],
    [Number.NaN, 2, '–'],
  ])('formatNumberVi(%s, %s) = %s', (x, d, s) => {
    expect(formatNumberVi(x as number | null, d)).toBe(s)
  })

  it('formats counts, percentages, signed values, dates, periods and rank changes', () => {
    expect(formatIntVi(443565)).toBe('443.565')
    expect(formatPercentVi(96.34)).toBe('96,34%')
    expect(formatPercentVi(null)).toBe('–')
    expect(formatSignedVi(3.03)).toBe('+3,03')
    expect(formatSignedVi(-1.5)).toBe('−1,50')
    expect(formatSignedVi(0)).toBe('0,00')
    expect(formatDateVi('2026-10-05')).toBe('05/10/2026')
    expect(formatDateVi('2026-10-05T08:00:00Z')).toBe('05/10/2026')
    expect(formatDateVi(null)).toBe('–')
    expect(formatPeriodVi('2026')).toBe('Năm 2026')
    expect(formatPeriodVi('2026-Q3')).toBe('Quý 3/2026')
    expect(formatPeriodVi('2026-08')).toBe('Tháng 8/2026')
    expect(formatRankChange(2)).toBe('↑2')
    expect(formatRankChange(-1)).toBe('↓1')
    expect(formatRankChange(0)).toBe('=')
    expect(formatRankChange(null)).toBe('')
  })
})

describe('escaping and text', () => {
  it('escapes the XML specials and drops forbidden control characters', () => {
    expect(escapeXml('<a href="x">Sở "A&B"</a>')).toBe(
      '&lt;a href=&quot;x&quot;&gt;Sở &quot;A&amp;B&quot;&lt;/a&gt;',
    )
    expect(escapeXml("it's")).toBe('it&#39;s')
    expect(escapeXml('a\u0000b\u0007c\td')).toBe('abc\td')
    expect(escapeXml(null)).toBe('')
    expect(escapeXml(3.5)).toBe('3.5')
    expect(n2(1 / 3)).toBe('0.33')
    expect(n2(-0.001)).toBe('0')
  })

  it('wraps words into at most two lines and marks what was cut', () => {
    expect(wrapText('Tỷ lệ hồ sơ nộp trực tuyến', 40)).toEqual(['Tỷ lệ hồ sơ nộp trực tuyến'])
    expect(wrapText('Tỷ lệ hồ sơ TTHC được số hóa có kết nối, chia sẻ dữ liệu', 24)).toEqual([
      'Tỷ lệ hồ sơ TTHC được số',
      'hóa có kết nối, chia sẻ…',
    ])
    const lines = wrapText('một hai ba bốn năm sáu bảy tám chín mười', 8, 2)
    expect(lines).toHaveLength(2)
    expect(lines[1]!.endsWith('…')).toBe(true)
    expect(wrapText('Siêudàimộttừkhôngcókhoảngtrắng', 10, 1)).toEqual(['Siêudàimộ…'])
    for (const l of wrapText('a '.repeat(100), 12, 3)) expect([...l].length).toBeLessThanOrEqual(12)
  })

  it('picks round ticks including both ends', () => {
    expect(niceTicks(1, 34)).toEqual([1, 10, 20, 34])
    expect(niceTicks(1, 63)).toEqual([1, 20, 40, 63])
    expect(niceTicks(1, 5)).toEqual([1, 2, 3, 4, 5])
    expect(niceTicks(1, 1)).toEqual([1])
  })
})

describe('line chart', () => {
  const points = [
    { label: '06/07/2026', value: 24 },
    { label: '05/08/2026', value: 23 },
    { label: '07/09/2026', value: null },
    { label: '05/10/2026', value: 1 },
    { label: '10/10/2026', value: 34 },
  ]

  it('puts rank 1 at the top when inverted, the cohort size at the bottom', () => {
    const L = lineLayout({ yMin: 1, yMax: 34, invert: true, count: 5, width: 420, height: 220 })
    expect(L.y(1)).toBe(L.plot.top)
    expect(L.y(34)).toBe(L.plot.bottom)
    expect(L.y(10)).toBeLessThan(L.y(20))
    const up = lineLayout({ yMin: 0, yMax: 100, count: 2 })
    expect(up.y(100)).toBe(up.plot.top)
    expect(up.x(0)).toBe(up.plot.left)
    expect(up.x(1)).toBe(up.plot.right)
    expect(lineLayout({ yMin: 0, yMax: 1, count: 1, width: 400 }).x(0)).toBe(
      (lineLayout({ yMin: 0, yMax: 1, count: 1, width: 400 }).plot.left +
        lineLayout({ yMin: 0, yMax: 1, count: 1, width: 400 }).plot.right) /
        2,
    )
  })

  it('draws one dot per known value, breaks the line at a gap, and labels the dots', () => {
    const svg = lineChart({ title: 'Thứ hạng', points, yMin: 1, yMax: 34, invert: true })
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect(svg).toMatch(/viewBox="0 0 420 220"/)
    expect(svg).toMatch(/role="img" aria-label="Thứ hạng"/)
    expect(attrs(svg, 'circle', 'cy')).toHaveLength(4)
    // two segments: before and after the missing reading
    const paths = attrs(svg, 'path', 'd')
    expect(paths).toHaveLength(2)
    expect(paths[0]!.match(/[ML]/g)).toEqual(['M', 'L'])
    expect(paths[1]!.match(/[ML]/g)).toEqual(['M', 'L'])
    const L = lineLayout({ yMin: 1, yMax: 34, invert: true, count: 5, xLabelWidth: 0 })
    const cys = attrs(svg, 'circle', 'cy').map(Number)
    // rank 1 (4th point) highest on screen, rank 34 lowest
    expect(Math.min(...cys)).toBe(cys[2])
    expect(Math.max(...cys)).toBe(cys[3])
    expect(cys[2]).toBeCloseTo(L.y(1), 1)
    expect(svg).toContain('>24</text>')
    expect(svg).toContain('>05/10/2026</text>')
    assertWellFormedText(svg)
  })

  it('thins x labels that would overlap, keeping the last', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      label: `${String(i + 1).padStart(2, '0')}/10/2026`,
      value: i + 1,
    }))
    const svg = lineChart({ title: 't', points: many, yMin: 1, yMax: 34, invert: true })
    const xs = [...svg.matchAll(/<text class="xtick" x="([\d.]+)"[^>]*>([^<]*)</g)]
    expect(xs.length).toBeLessThan(10)
    expect(xs.at(-1)![2]).toBe('30/10/2026')
    const pos = xs.map((m) => Number(m[1]))
    for (let i = 1; i < pos.length; i++) expect(pos[i]! - pos[i - 1]!).toBeGreaterThan(60)
  })

  it('labels every dot up to twelve points, then only the ends and the extremes', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ label: `d${i}`, value: 10 + ((i * 7) % 13) }))
    many[20]!.value = 1
    many[40]!.value = 30
    const svg = lineChart({ title: 't', points: many, yMin: 1, yMax: 34, invert: true })
    expect(svg.match(/<circle /g)).toHaveLength(60)
    const labels = [
      ...svg.matchAll(
        /<g class="point"[^>]*><title>[^<]*<\/title><circle [^>]*\/><text [^>]*>([^<]*)<\/text>/g,
      ),
    ].map((m) => m[1])
    expect(labels).toEqual([String(many[0]!.value), '1', '30', String(many[59]!.value)])
    expect(attrs(svg, 'circle', 'r')[0]).toBe('2.5')
    const few = lineChart({ title: 't', points: many.slice(0, 12), yMin: 1, yMax: 34, invert: true })
    expect(few.match(/<g class="point"[^>]*><title>[^<]*<\/title><circle [^>]*\/><text /g)).toHaveLength(12)
  })

  it('escapes labels, titles and tooltips', () => {
    const svg = lineChart({
      title: HOSTILE,
      points: [{ label: HOSTILE, value: 3, title: HOSTILE, valueLabel: HOSTILE }],
      yMin: 1,
      yMax: 34,
    })
    expect(svg).not.toContain('<script>')
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;')
    assertWellFormedText(svg)
  })
})

describe('bar chart', () => {
  const groups = [
    { label: 'Công khai, minh bạch (CKMB)', value: 11.85, max: 18 },
    { label: 'Tiến độ giải quyết (TDGQ)', value: 17.72, max: 20 },
    { label: 'Số hóa hồ sơ (MDSH)', value: 9.08, max: 22 },
  ]

  it('scales fills and tracks to one maximum, rows top to bottom', () => {
    const L = barLayout({ title: 't', bars: groups, scaleMax: 22, width: 400 })
    expect(L.plotWidth).toBe(400 - BAR.valueWidth)
    expect(L.rows[2]!.track).toBeCloseTo(L.plotWidth, 6)
    expect(L.rows[0]!.track).toBeCloseTo((18 / 22) * L.plotWidth, 6)
    expect(L.rows[0]!.fill).toBeCloseTo((11.85 / 22) * L.plotWidth, 6)
    expect(L.rows[1]!.y).toBeGreaterThan(L.rows[0]!.y)
    expect(L.rows[2]!.y).toBeGreaterThan(L.rows[1]!.y)
    expect(L.height).toBeGreaterThan(L.rows[2]!.y + BAR.barHeight)
  })

  it('draws a track per maximum and one fill per bar, with value labels', () => {
    const svg = barChart({
      title: 'Nhóm',
      bars: groups.map((g) => ({ ...g, valueLabel: `${formatNumberVi(g.value)} / ${g.max}` })),
      scaleMax: 22,
    })
    expect(svg.match(/class="track"/g)).toHaveLength(3)
    expect(svg.match(/class="fill"/g)).toHaveLength(3)
    expect(svg).toContain('>11,85 / 18</text>')
    const widths = attrs(svg, 'rect', 'width').map(Number)
    // track, fill, track, fill, ...: every fill within its track
    for (let i = 0; i < widths.length; i += 2) expect(widths[i + 1]!).toBeLessThanOrEqual(widths[i]!)
    assertWellFormedText(svg)
  })

  it('without maxima, the largest value spans the plot; missing and negative values draw nothing', () => {
    const L = barLayout({
      title: 't',
      bars: [
        { label: 'a', value: 6 },
        { label: 'b', value: 3 },
        { label: 'c', value: null },
        { label: 'd', value: -2 },
      ],
    })
    expect(L.rows[0]!.fill).toBeCloseTo(L.plotWidth, 6)
    expect(L.rows[1]!.fill).toBeCloseTo(L.plotWidth / 2, 6)
    expect(L.rows[2]!.fill).toBe(0)
    expect(L.rows[3]!.fill).toBe(0)
    expect(L.rows[0]!.track).toBeNull()
  })

  it('wraps long labels onto two lines and escapes them', () => {
    const long =
      'Tỷ lệ hồ sơ TTHC được số hóa có kết nối, chia sẻ dữ liệu phục vụ tái sử dụng <b>"A&B"</b> rất dài dài dài'
    const svg = barChart({ title: HOSTILE, bars: [{ label: long, value: 3.91, title: HOSTILE }] })
    expect(svg.match(/class="label"/g)).toHaveLength(2)
    expect(svg).not.toContain('<b>')
    expect(svg).not.toContain('<script>')
    assertWellFormedText(svg)
  })

  it('says so when there is nothing to draw', () => {
    const svg = barChart({ title: 't', bars: [], empty: 'Không mất điểm' })
    expect(svg).toContain('>Không mất điểm</text>')
    expect(svg).not.toContain('<rect')
  })
})

describe('inline bar', () => {
  it('is a fixed-size track with a proportional, clamped fill', () => {
    const svg = inlineBar(3, 12, { width: 120, height: 10, label: '3,00 điểm' })
    expect(svg).toMatch(/width="120" height="10"/)
    expect(attrs(svg, 'rect', 'width')).toEqual(['120', '30'])
    expect(svg).toContain('aria-label="3,00 điểm"')
    expect(attrs(inlineBar(20, 12, { width: 100 }), 'rect', 'width')[1]).toBe('100')
    expect(attrs(inlineBar(null, 12, { width: 100 }), 'rect', 'width')[1]).toBe('0')
    expect(attrs(inlineBar(5, 0, { width: 100 }), 'rect', 'width')[1]).toBe('0')
    expect(inlineBar(1, 2, { label: HOSTILE })).not.toContain('<script>')
  })
})
