/**
 * The web server's fences, applied to every request before any page runs:
 * - security headers (a strict Content-Security-Policy: nothing but this server, no inline script or
 *   style, no framing; nosniff; no referrer), so even a string that escaped escaping could not run;
 * - the access token (when one is configured, and always on a non-loopback bind): `Authorization:
 *   Bearer` for API clients, an HttpOnly SameSite=Strict session cookie for people (set by the login
 *   form); compared in constant time on equal-length digests;
 * - CSRF on every POST: a random cookie plus a form field that must equal its HMAC under a
 *   per-process secret, and the Origin (when the browser sends it) must be this server.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Context, MiddlewareHandler } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'

export const CSP =
  "default-src 'none'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

export const SESSION_COOKIE = 'qd766_session'
export const CSRF_COOKIE = 'qd766_csrf'
export const CSRF_FIELD = 'csrf'

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next()
  const h = c.res.headers
  h.set('Content-Security-Policy', CSP)
  h.set('X-Content-Type-Options', 'nosniff')
  h.set('Referrer-Policy', 'no-referrer')
  h.set('X-Frame-Options', 'DENY')
  h.set('Cross-Origin-Opener-Policy', 'same-origin')
  h.set('Cross-Origin-Resource-Policy', 'same-origin')
  if (!h.has('Cache-Control')) h.set('Cache-Control', 'no-store')
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest()

/** Constant-time equality of two strings of any length (compares their SHA-256 digests). */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected))
}

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase()
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)
}

export class TokenAuth {
  /** The cookie value a logged-in browser holds: derived from the token, never the token itself. */
  readonly #session: string
  readonly #token: string

  constructor(token: string) {
    this.#token = token
    this.#session = createHmac('sha256', token).update('qd766 session v1').digest('base64url')
  }

  /** Bearer header or session cookie. */
  allows(c: Context): boolean {
    const header = c.req.header('authorization')
    const bearer = header && /^Bearer\s+(.+)$/i.exec(header.trim())?.[1]
    if (bearer) return sameSecret(bearer, this.#token)
    const cookie = getCookie(c, SESSION_COOKIE)
    return cookie !== undefined && sameSecret(cookie, this.#session)
  }

  checkToken(given: string): boolean {
    return sameSecret(given, this.#token)
  }

  startSession(c: Context): void {
    setCookie(c, SESSION_COOKIE, this.#session, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure: new URL(c.req.url).protocol === 'https:',
      maxAge: 60 * 60 * 24 * 30,
    })
  }

  endSession(c: Context): void {
    setCookie(c, SESSION_COOKIE, '', { httpOnly: true, sameSite: 'Strict', path: '/', maxAge: 0 })
  }
}

/** CSRF tokens: HMAC of a per-browser random cookie under a secret that lives as long as the process. */
export class Csrf {
  readonly #secret = randomBytes(32)
  /** One token per response, however many forms it has (a second cookie would replace the first). */
  readonly #issued = new WeakMap<Context, string>()

  #sign(value: string): string {
    return createHmac('sha256', this.#secret).update(value).digest('base64url')
  }

  /** The field value for forms on this response; sets the cookie when the browser has none. */
  tokenFor(c: Context): string {
    const issued = this.#issued.get(c)
    if (issued) return issued
    let value = getCookie(c, CSRF_COOKIE)
    if (!value || !/^[A-Za-z0-9_-]{20,64}$/.test(value)) {
      value = randomBytes(24).toString('base64url')
      setCookie(c, CSRF_COOKIE, value, { httpOnly: true, sameSite: 'Strict', path: '/' })
    }
    const token = this.#sign(value)
    this.#issued.set(c, token)
    return token
  }

  /** A POST is ours when its Origin (if sent) is this server and its field matches its cookie. */
  verify(c: Context, field: unknown): boolean {
    const origin = c.req.header('origin')
    if (origin && origin !== new URL(c.req.url).origin) return false
    if (c.req.header('sec-fetch-site') === 'cross-site') return false
    const value = getCookie(c, CSRF_COOKIE)
    if (!value || typeof field !== 'string' || field.length === 0) return false
    return sameSecret(field, this.#sign(value))
  }
}
