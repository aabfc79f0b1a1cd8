/**
 * The dashboard as a hono application: fences first (headers, request size, token, CSRF), then the
 * pages, the JSON API and the downloads. Pure request -> response over the read-only app, so tests
 * and the bench can call `fetch` on it directly as well as through the real server.
 */
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { DatabaseVersionError, NotFoundError } from '../errors.ts'
import { t } from '../i18n/index.ts'
import { registerApi } from './api.ts'
import { APP_CSS, APP_JS } from './assets.ts'
import { BadRequest, type Ctx, type Env, type ServeDeps } from './context.ts'
import { registerDownloads } from './downloads.ts'
import { dataPage } from './pages/data.ts'
import { errorPage, loginPage, safeNext } from './pages/misc.ts'
import { provincePage } from './pages/province.ts'
import { rankingPage } from './pages/ranking.ts'
import { sqlPage } from './pages/sql.ts'
import { unitsPage } from './pages/units.ts'
import { securityHeaders } from './security.ts'
import { registerUpload } from './upload.ts'

/** Largest body of any POST but an upload (the login and logout forms). */
const FORM_LIMIT = 16 * 1024

export function buildServeApp(deps: ServeDeps, log: { error(obj: unknown, msg: string): void }): Hono<Env> {
  const app = new Hono<Env>()
  app.use('*', async (c, next) => {
    c.set('deps', deps)
    await next()
  })
  app.use('*', securityHeaders)
  // The server's own time for each response (the bench reads it; browsers show it in devtools).
  app.use('*', async (c, next) => {
    const started = performance.now()
    await next()
    c.res.headers.set('Server-Timing', `app;dur=${(performance.now() - started).toFixed(1)}`)
  })

  app.get('/healthz', (c) => c.json({ ok: true }))
  const asset = (body: string, type: string) => (c: Ctx) =>
    c.body(body, 200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=3600' })
  app.get('/static/app.css', asset(APP_CSS, 'text/css; charset=utf-8'))
  app.get('/static/app.js', asset(APP_JS, 'text/javascript; charset=utf-8'))

  // Token mode: everything but the health check, the assets and the login form needs the token.
  app.use('*', async (c, next) => {
    const auth = deps.auth
    const path = c.req.path
    if (!auth || path === '/login' || auth.allows(c)) return next()
    if (path.startsWith('/api/'))
      return c.json({ error: { code: 'unauthorized', message: t('serve.login.needed') } }, 401, {
        'WWW-Authenticate': 'Bearer realm="qd766"',
      })
    const next_ = c.req.method === 'GET' ? c.req.url.slice(new URL(c.req.url).origin.length) : '/'
    return loginPage(c, { next: next_, status: 401 })
  })

  app.on(
    'POST',
    ['/login', '/logout'],
    bodyLimit({ maxSize: FORM_LIMIT, onError: (c) => errorPage(c, 413, t('serve.error.too-big')) }),
  )
  app.get('/login', (c) => (deps.auth ? loginPage(c, { next: c.req.query('next') }) : c.redirect('/', 303)))
  app.post('/login', async (c) => {
    if (!deps.auth) return c.redirect('/', 303)
    const form = await c.req.parseBody()
    if (!deps.csrf.verify(c, form.csrf)) return errorPage(c, 403, t('serve.csrf'))
    const next = safeNext(typeof form.next === 'string' ? form.next : undefined)
    if (typeof form.token !== 'string' || !deps.auth.checkToken(form.token))
      return loginPage(c, { next, failed: true, status: 401 })
    deps.auth.startSession(c)
    return c.redirect(next, 303)
  })
  app.post('/logout', async (c) => {
    const form = await c.req.parseBody()
    if (!deps.csrf.verify(c, form.csrf)) return errorPage(c, 403, t('serve.csrf'))
    deps.auth?.endSession(c)
    return c.redirect('/', 303)
  })

  app.get('/', rankingPage)
  app.get('/province/:code', provincePage)
  app.get('/units/:code', unitsPage)
  app.get('/data', dataPage)
  app.get('/sql', sqlPage)
  registerApi(app)
  registerDownloads(app)
  if (deps.app.config.serve.uploads) registerUpload(app, deps.app.config.serve.maxUploadMegabytes)
  // Any other POST (and uploads when they are off) is refused before reading its body.
  app.post('*', (c) => errorPage(c, 404, t('serve.not-found')))

  app.notFound((c) =>
    c.req.path.startsWith('/api/')
      ? c.json({ error: { code: 'not-found', message: t('serve.not-found') } }, 404)
      : errorPage(c, 404, t('serve.not-found')),
  )
  app.onError((err, c) => {
    const status =
      err instanceof BadRequest
        ? 400
        : err instanceof NotFoundError
          ? 404
          : err instanceof DatabaseVersionError
            ? 503
            : 500
    // The person gets the reason when it is theirs to act on; a fault of ours is logged, not shown.
    const message = status === 500 ? t('serve.error.internal') : err.message
    if (status === 500) log.error({ err, path: c.req.path }, t('log.serve.request-failed'))
    if (c.req.path.startsWith('/api/'))
      return c.json(
        {
          error: {
            code: status === 500 ? 'internal' : status === 404 ? 'not-found' : 'bad-request',
            message,
          },
        },
        status,
      )
    return errorPage(c, status, message)
  })
  return app
}
