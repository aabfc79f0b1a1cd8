/** Charts as static SVG strings (no script, no external font or file): the report's drawing kit. */
export { type Bar, type BarChartOptions, barChart, barLayout } from './bar-chart.ts'
export { escapeXml } from './escape.ts'
export * from './format.ts'
export { type InlineBarOptions, inlineBar } from './inline-bar.ts'
export { type LineChartOptions, type LinePoint, lineChart, lineLayout, niceTicks } from './line-chart.ts'
export { SYSTEM_FONTS, wrapText } from './text.ts'
