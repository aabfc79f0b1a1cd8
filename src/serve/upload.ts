/**
 * POST /upload (only when config serve.uploads is true): files from the browser go into the inbox
 * exactly as a careful script drops them — written under a hidden temporary name (which the inbox
 * scan ignores) and renamed into place when complete, never over an existing file — so the next
 * refresh treats them like any dropped file (recognised by content, accepted or rejected with a
 * report). The server itself never writes the database: with "refresh now" it starts the CLI's
 * `refresh`, which takes the run lease like any other run (busy -> it says so and does nothing).
 */
import { randomBytes } from 'node:crypto'
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import type { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { t } from '../i18n/index.ts'
import { BadRequest, type Env } from './context.ts'
import { errorPage } from './pages/misc.ts'

/** A browser-given file name made safe for the inbox: no folders, no hidden or control characters. */
export function inboxName(given: string): string {
  const base = (given.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/^[.\s~$]+/, '')
    .trim()
    .slice(0, 180)
  return base || 'tai-len'
}

function freeName(dir: string, name: string): string {
  if (!existsSync(join(dir, name))) return name
  const ext = extname(name)
  const stem = name.slice(0, name.length - ext.length)
  for (let i = 2; ; i++) {
    const candidate = `${stem} (${i})${ext}`
    if (!existsSync(join(dir, candidate))) return candidate
  }
}

export function registerUpload(app: Hono<Env>, maxMegabytes: number): void {
  app.post(
    '/upload',
    bodyLimit({
      maxSize: Math.round(maxMegabytes * 1024 * 1024),
      onError: (c) => errorPage(c, 413, t('serve.upload.too-big', { mb: maxMegabytes })),
    }),
    async (c) => {
      const deps = c.get('deps')
      const form = await c.req.parseBody({ all: true })
      if (!deps.csrf.verify(c, form.csrf)) return errorPage(c, 403, t('serve.csrf'))
      const files = ([] as unknown[]).concat(form.file ?? []).filter((f): f is File => f instanceof File)
      if (files.length === 0) throw new BadRequest(t('serve.upload.none'))
      const inbox = deps.app.home.inbox
      const limit = deps.app.config.limits.maxFileMegabytes * 1024 * 1024
      const names: string[] = []
      for (const file of files) {
        if (file.size > limit)
          throw new BadRequest(t('serve.upload.too-big', { mb: deps.app.config.limits.maxFileMegabytes }))
        const tmp = join(inbox, `.upload-${randomBytes(8).toString('hex')}.part`)
        try {
          writeFileSync(tmp, new Uint8Array(await file.arrayBuffer()))
          const name = freeName(inbox, inboxName(file.name))
          renameSync(tmp, join(inbox, name))
          names.push(name)
        } finally {
          rmSync(tmp, { force: true })
        }
      }
      // Only a count and a state go into the URL: a link must not be able to put words on the page.
      let refresh = ''
      if (form.refresh === '1' && deps.triggerRefresh)
        refresh = (await deps.triggerRefresh()).started ? 'started' : 'busy'
      return c.redirect(`/data?uploaded=${names.length}${refresh ? `&refresh=${refresh}` : ''}#files`, 303)
    },
  )
}
