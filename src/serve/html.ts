/**
 * Markup by construction: every page is written with hono's `html` tagged template, which escapes
 * each interpolated value (names from files included) unless it is itself markup made by `html`
 * or deliberately marked `trusted` (our own SVG charts, which escape their text themselves). There
 * is no other way to put a string into a page, so escaping cannot be forgotten.
 */
import { html as honoHtml, raw } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'
import { fmtDate, fmtNumber } from '../i18n/format.ts'
import { getLang, t } from '../i18n/index.ts'
import { formatPeriodVi } from '../report/svg/format.ts'

export type Html = HtmlEscapedString

/** The tagged template; never given promises, so its result is always synchronous. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  return honoHtml(strings, ...values) as Html
}

/** Markup produced by our own code that already escapes what it embeds (the SVG kit). */
export function trusted(markup: string): Html {
  return raw(markup) as Html
}

export const num = (x: number | null | undefined, digits = 2) => fmtNumber(x, digits)
export const date = (iso: string | null | undefined) => fmtDate(iso)

export function periodLabel(period: string): string {
  if (getLang() === 'vi') return formatPeriodVi(period)
  return period
}

/** "Năm 2026, tính đến 05/10/2026". */
export function readingLabel(period: string, asOf: string | null): string {
  return asOf ? t('serve.reading', { period: periodLabel(period), date: date(asOf) }) : periodLabel(period)
}

/** Rank change as an arrow with a class for its colour and an accessible label. */
export function rankChange(change: number | null | undefined): Html {
  if (change === null || change === undefined) return html``
  if (change === 0) return html`<span class="chg same" title="${t('serve.rank-same')}">=</span>`
  const up = change > 0
  return html`<span class="chg ${up ? 'up' : 'down'}" title="${t(up ? 'serve.rank-up' : 'serve.rank-down', { n: Math.abs(change) })}">${up ? '↑' : '↓'}${Math.abs(change)}</span>`
}

/** Query string from pairs, skipping empty values (links that keep the current reading). */
export function qs(params: Record<string, string | number | null | undefined | string[]>): string {
  const u = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) for (const x of v) u.append(k, x)
    else if (v !== null && v !== undefined && v !== '') u.append(k, String(v))
  }
  const s = u.toString()
  return s ? `?${s}` : ''
}
