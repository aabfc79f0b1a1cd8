/**
 * The small pages: the login form (token mode), and the error pages — in Vietnamese, with what to
 * do, never a stack trace (the details go to the server's log).
 */
import { t } from '../../i18n/index.ts'
import { type Ctx, render } from '../context.ts'
import { html } from '../html.ts'
import { page } from '../layout.ts'

/** Only a path on this server may be the page to return to after login (no open redirect). */
export function safeNext(next: string | undefined): string {
  return next && /^\/(?![/\\])[^\s]*$/.test(next) ? next : '/'
}

export function loginPage(c: Ctx, opts: { next?: string; failed?: boolean; status?: 200 | 401 } = {}) {
  const deps = c.get('deps')
  return c.html(
    page(
      {
        title: t('serve.login.title'),
        active: 'none',
        homeCode: null,
        loggedIn: false,
        csrf: deps.csrf.tokenFor(c),
      },
      html`<h1>${t('serve.login.title')}</h1>
<p class="lead">${t('serve.login.lead')}</p>
${opts.failed ? html`<p class="error-box" role="alert">${t('serve.login.failed')}</p>` : ''}
<form method="post" action="/login" class="inline" id="login-form">
<input type="hidden" name="csrf" value="${deps.csrf.tokenFor(c)}">
<input type="hidden" name="next" value="${safeNext(opts.next)}">
<label>${t('serve.login.token')}<input type="password" name="token" autocomplete="current-password" required autofocus></label>
<button type="submit">${t('serve.login.submit')}</button>
</form>`,
    ),
    opts.status ?? 200,
  )
}

export function errorPage(c: Ctx, status: 400 | 403 | 404 | 413 | 500 | 503, message: string) {
  const title = t(`serve.error.${status}`)
  return Promise.resolve(
    render(
      c,
      { title, active: 'none' },
      html`<h1>${title}</h1><p class="error-box" role="alert">${message}</p><p><a href="/">${t('serve.error.home')}</a></p>`,
    ),
  ).then((res) => new Response(res.body, { status, headers: res.headers }))
}
