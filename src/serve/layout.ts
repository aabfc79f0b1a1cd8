/**
 * The page shell every HTML page shares: language, viewport, our one stylesheet and one small
 * script (both from this server, as the CSP demands), a skip link, the navigation and the footer.
 */
import type { Config } from '../config/config.ts'
import { getLang, t } from '../i18n/index.ts'
import { type Html, html } from './html.ts'

export type NavKey = 'ranking' | 'province' | 'units' | 'data' | 'sql' | 'none'

export interface Shell {
  title: string
  active: NavKey
  /** The office's own province code in the latest list, for the nav's shortcuts. */
  homeCode: string | null
  /** Show the logout button (token mode). */
  loggedIn: boolean
  csrf: string
}

export function page(s: Shell, body: Html): Html {
  const item = (key: NavKey, href: string, label: string) =>
    html`<li><a href="${href}"${key === s.active ? html` aria-current="page"` : ''}>${label}</a></li>`
  return html`<!doctype html>
<html lang="${getLang()}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${s.title} — qd766</title>
<link rel="stylesheet" href="/static/app.css">
<link rel="icon" href="data:,">
<script src="/static/app.js" defer></script>
</head>
<body>
<a class="skip" href="#main">${t('serve.skip')}</a>
<header class="top">
<a class="brand" href="/">${t('serve.brand')}</a>
<nav aria-label="${t('serve.nav')}"><ul>
${item('ranking', '/', t('serve.nav.ranking'))}
${s.homeCode ? item('province', `/province/${s.homeCode}`, t('serve.nav.province')) : ''}
${s.homeCode ? item('units', `/units/${s.homeCode}`, t('serve.nav.units')) : ''}
${item('data', '/data', t('serve.nav.data'))}
${item('sql', '/sql', t('serve.nav.sql'))}
</ul></nav>
${
  s.loggedIn
    ? html`<form class="logout" method="post" action="/logout"><input type="hidden" name="csrf" value="${s.csrf}"><button type="submit">${t('serve.logout')}</button></form>`
    : ''
}
</header>
<main id="main" tabindex="-1">
${body}
</main>
<footer><p>${t('serve.footer')}</p></footer>
</body>
</html>
`
}

/** CSS class of a rating band: its position in the configured bands, best first. */
export function bandClass(label: string | null, bands: Config['bands']): string {
  if (!label) return 'band-none'
  const i = [...bands].sort((a, b) => b.min - a.min).findIndex((b) => b.label === label)
  return i < 0 ? 'band-none' : `band-${Math.min(i, 4)}`
}
