/**
 * `qd766 serve` as a user runs it: the real CLI in a child process on a free loopback port, over a
 * home with national readings, portal captures, a provincial export with markup in its unit names
 * and a rejected file whose name is markup. The API must give the CLI's JSON byte for byte; every
 * response carries the security headers; the SQL page refuses writes and stops a runaway query;
 * downloads open; a non-loopback bind without a token refuses to start; the token, login and CSRF
 * flow; uploads land in the inbox the way a dropped file does and a refresh run meanwhile is not
 * blocked by the server.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodeCsv } from '../../fixtures/lib/write-csv.ts'
import { nationalTable, titleLines } from '../../fixtures/national.ts'
import { cli } from '../helpers.ts'
import {
  HOSTILE_FILE,
  IMG_UNIT,
  makeServeHome,
  SCRIPT_UNIT,
  type ServerProcess,
  serveRefusal,
  startServe,
  TOKEN,
} from './serve-home.ts'

const CSP =
  "default-src 'none'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

/** What a correctly escaped name looks like in the page source. */
const escaped = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')

/** Every file under a folder (relative paths), to prove downloads leave nothing behind. */
function tree(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? tree(join(dir, d.name), `${prefix}${d.name}/`) : [`${prefix}${d.name}`],
  )
}

/**
 * fetch that, like a browser, retries a GET once when a kept-alive connection turned out to be
 * closed under it (a server is free to close idle connections; undici does not retry by itself).
 */
async function fetchRetry(url: URL, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init)
  } catch (err) {
    if ((init?.method ?? 'GET') !== 'GET') throw err
    return fetch(url, init)
  }
}

describe('qd766 serve (loopback, no token)', () => {
  let home: string
  let server: ServerProcess
  const get = (path: string, init?: RequestInit) => fetchRetry(new URL(path, server.url), init)

  beforeAll(async () => {
    home = await makeServeHome({ serve: { sqlTimeoutMs: 1500 } })
    server = await startServe(home)
  })
  afterAll(async () => {
    await server?.stop()
  })

  it('prints its URL on a loopback address and answers /healthz', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    const r = await get('/healthz')
    expect(r.status).toBe(200)
    expect(await r.text()).toBe('{"ok":true}')
  })

  it.each([
    ['/api/ranking', ['ranking', '--format', 'json']],
    [
      '/api/ranking?period=2026&asOf=2026-08-05',
      ['ranking', '--period', '2026', '--as-of', '2026-08-05', '--format', 'json'],
    ],
    ['/api/ranking?by=MDSH', ['ranking', '--by', 'MDSH', '--format', 'json']],
    ['/api/ranking?by=3.3', ['ranking', '--by', '3.3', '--format', 'json']],
    ['/api/province/66', ['province', '66', '--format', 'json']],
    [
      '/api/province/66?whatIf=3.3:0.55&whatIf=DOSSIER_SYNC:80%25',
      ['province', '66', '--what-if', '3.3=0.55', '--what-if', 'DOSSIER_SYNC=80%', '--format', 'json'],
    ],
    [
      '/api/province/66?period=2026&asOf=2026-07-06',
      ['province', '66', '--period', '2026', '--as-of', '2026-07-06', '--json'],
    ],
    ['/api/province/38?units=1', ['province', '38', '--units', '--format', 'json']],
    ['/api/province/66?units=1', ['province', '66', '--units', '--format', 'json']],
    ['/api/units/38', ['units', '38', '--format', 'json']],
    ['/api/units/38?level=commune', ['units', '38', '--level', 'commune', '--format', 'json']],
    [
      `/api/sql?q=${encodeURIComponent('SELECT rank, name, total FROM v_latest_ranking ORDER BY rank LIMIT 5')}`,
      ['query', 'SELECT rank, name, total FROM v_latest_ranking ORDER BY rank LIMIT 5', '--format', 'json'],
    ],
  ])('%s gives the bytes of the CLI’s JSON', async (path, args) => {
    const r = await get(path)
    expect(r.status).toBe(200)
    expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8')
    const body = await r.text()
    const c = cli(home, args)
    expect(c.code, c.stderr).toBe(0)
    expect(body).toBe(c.stdout)
  })

  it('/api/status is the JSON of `status --json`', async () => {
    const body = await (await get('/api/status')).text()
    const c = cli(home, ['status', '--json'])
    expect(c.code).toBe(0)
    // the day can turn between the two reads; everything else must be identical
    const strip = (s: string) => s.replace(/"(ageDays|oldestHours)": \d+/g, '"$1": 0')
    expect(strip(body)).toBe(strip(c.stdout))
  })

  it('API errors are JSON with a code; the CLI’s not-found is a 404', async () => {
    const r = await get('/api/province/99')
    expect(r.status).toBe(404)
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('not-found')
    const bad = await get('/api/ranking?period=2026-13')
    expect(bad.status).toBe(400)
  })

  it.each([
    '/',
    '/province/66',
    '/units/38',
    '/units/66',
    '/data',
    '/sql',
    '/nope',
    '/api/ranking',
    '/healthz',
  ])('security headers on %s', async (path) => {
    const r = await get(path)
    expect(r.headers.get('content-security-policy')).toBe(CSP)
    expect(r.headers.get('x-content-type-options')).toBe('nosniff')
    expect(r.headers.get('referrer-policy')).toBe('no-referrer')
    expect(r.headers.get('x-frame-options')).toBe('DENY')
  })

  it('pages are Vietnamese and escape every name that came from a file', async () => {
    const units = await (await get('/units/38')).text()
    expect(units).toContain('<html lang="vi">')
    expect(units).toContain(escaped(SCRIPT_UNIT))
    expect(escaped(SCRIPT_UNIT)).toBe('Sở Tư pháp &lt;script&gt;alert(1)&lt;/script&gt;')
    expect(units).toContain(escaped(IMG_UNIT))
    expect(units).not.toContain('<script>alert')
    expect(units).not.toContain('<img src=x')
    const data = await (await get('/data')).text()
    expect(data).toContain(escaped(HOSTILE_FILE))
    expect(data).not.toContain('<img src=x')
    // the portal's own hostile unit names on Đắk Lắk's units page
    const portal = await (await get('/units/66')).text()
    expect(portal).toContain('&lt;b&gt;Sở &quot;A&amp;B&quot;&lt;/b&gt;')
    expect(portal).not.toMatch(/<b>Sở/)
    // the only <script> of any page is our own file
    for (const page of [units, data, portal])
      expect(page.match(/<script\b[^>]*>/g)).toEqual(['<script src="/static/app.js" defer>'])
    // decimal commas and dd/mm/yyyy
    const ranking = await (await get('/')).text()
    expect(ranking).toMatch(/Năm 2026, tính đến 10\/10\/2026/)
    expect(ranking).toMatch(/<td class="n total">\d+,\d\d<\/td>/)
    expect(ranking).toContain('class="me" aria-current="true"')
  })

  it('an error page says what happened in Vietnamese, never a stack trace', async () => {
    const r = await get('/province/66?whatIf=nonsense')
    expect(r.status).toBe(400)
    const text = await r.text()
    expect(text).toContain('Yêu cầu chưa đúng')
    expect(text).not.toMatch(/at .*\.ts:\d+/)
    const nf = await get('/province/99')
    expect(nf.status).toBe(404)
  })

  it('the SQL page refuses a write and stops a runaway query; the server answers right after', async () => {
    const write = await get(`/sql?q=${encodeURIComponent('DELETE FROM runs')}`)
    expect(write.status).toBe(400)
    expect(await write.text()).toContain('Bị từ chối: chỉ được chạy câu lệnh chỉ đọc')
    // ATTACH would read another file; BEGIN would leave the warm connection in a transaction
    for (const q of [
      `ATTACH DATABASE '${join(home, 'qd766.sqlite')}' AS other`,
      'BEGIN',
      'SELECT load_extension(1)',
    ]) {
      const r = await get(`/api/sql?q=${encodeURIComponent(q)}`)
      expect(r.status, q).toBe(400)
      expect(((await r.json()) as { error: { code: string } }).error.code, q).toBe('sql-refused')
    }
    const api = await get(`/api/sql?q=${encodeURIComponent("UPDATE runs SET status = 'x'")}`)
    expect(api.status).toBe(400)
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('sql-refused')
    const slow = await get(
      `/sql?q=${encodeURIComponent('WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c')}`,
    )
    expect(slow.status).toBe(400)
    expect(await slow.text()).toContain('Truy vấn đã bị dừng vì chạy quá 1,5 giây')
    const after = await get(`/api/sql?q=${encodeURIComponent('SELECT count(*) AS n FROM snapshots')}`)
    expect(after.status).toBe(200)
    expect(((await after.json()) as Array<{ n: number }>)[0]!.n).toBeGreaterThan(0)
    // the runs table was not touched
    expect(
      cli(home, ['query', "SELECT count(*) AS n FROM runs WHERE status = 'x'", '--format', 'json']).stdout,
    ).toContain('"n": 0')
  })

  it('downloads: ranking CSV and xlsx, leadership workbook and HTML report, SQL CSV, error report; nothing left behind', async () => {
    const before = tree(home)
    const csv = await get('/download/ranking.csv')
    expect(csv.headers.get('content-disposition')).toMatch(
      /^attachment; filename="xep-hang-2026-2026-10-10\.csv"/,
    )
    const csvBytes = Buffer.from(await csv.arrayBuffer())
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const csvText = csvBytes.toString('utf8')
    expect(csvText.split('\r\n')[0]).toBe(
      '\ufeffHạng,Mã,Tỉnh, thành phố,Tổng,CKMB,TDGQ,CLGQ,TTTT,MDHL,MDSH,Xếp loại,±'.replace(
        'Tỉnh, thành phố',
        '"Tỉnh, thành phố"',
      ),
    )
    expect(csvText.split('\r\n').length).toBe(34 + 2)

    const xlsx = await get('/download/ranking.xlsx?period=2026&asOf=2026-09-07')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never)
    const sheet = wb.getWorksheet('Xếp hạng')!
    expect(String(sheet.getCell('A1').value)).toContain('số liệu đến ngày 07/09/2026')
    expect(sheet.rowCount).toBe(3 + 34)

    const report = await get('/download/report.xlsx?province=66')
    const rw = new ExcelJS.Workbook()
    await rw.xlsx.load(Buffer.from(await report.arrayBuffer()) as never)
    expect(rw.worksheets.map((w) => w.name)).toEqual(['Xếp hạng', 'Tỉnh Đắk Lắk', 'Đơn vị', 'Lịch sử'])

    const page = await get('/download/report.html?province=38')
    expect(page.headers.get('content-disposition')).toMatch(/^attachment;/)
    expect(await page.text()).toContain('<title>Thanh Hóa — Chỉ số phục vụ người dân, doanh nghiệp (QĐ 766)')

    const sql = Buffer.from(
      await (await get(`/download/sql.csv?q=${encodeURIComponent('SELECT 1 AS a, 2 AS b')}`)).arrayBuffer(),
    )
    expect(sql.toString('utf8')).toBe('\ufeffa,b\r\n1,2\r\n')

    const data = await (await get('/data')).text()
    const link = /href="(\/download\/rejected\/[^"]+)"/.exec(data)?.[1]
    expect(link).toBeDefined()
    const er = await get(link!.replace(/&amp;/g, '&'))
    expect(er.status).toBe(200)
    const json = (await er.json()) as { file?: string }
    expect(JSON.stringify(json)).toContain('onerror=alert(3)')
    expect((await get('/download/rejected/..%2Fqd766.sqlite')).status).toBe(404)
    expect((await get('/download/rejected/x.error.json')).status).toBe(404)

    expect(tree(home)).toEqual(before)
  })

  it('exits 2 on 0.0.0.0 without a token, and with a token under 16 characters', () => {
    const r = serveRefusal(home, ['--host', '0.0.0.0', '--port', '0'], { QD766_TOKEN: '' })
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('cần mã truy cập')
    expect(r.stderr).toContain('QD766_TOKEN')
    const short = serveRefusal(home, ['--host', '127.0.0.1', '--port', '0'], { QD766_TOKEN: 'short' })
    expect(short.code).toBe(2)
    expect(short.stderr).toContain('16')
  })

  it('POST is refused when uploads are off', async () => {
    const r = await get('/upload', { method: 'POST', body: 'x', headers: { 'Content-Type': 'text/plain' } })
    expect(r.status).toBe(404)
  })

  it('/data and /api/status show a file dropped and then refreshed while the server runs (no stale cache)', async () => {
    const name = 'xep-hang-2027-2027-01-05.csv'
    const before = await (await get('/data')).text()
    expect(before).not.toContain(name)
    await get('/api/status')
    const t = nationalTable({ cohort: 34, seed: 4242, title: titleLines('2027', '2027-01-05') })
    writeFileSync(
      join(home, 'inbox', name),
      encodeCsv(t.grid.rows, { encoding: 'utf-8-bom', delimiter: ',' }),
    )
    const waiting = await (await get('/data')).text()
    expect(waiting).toContain(`1 tệp đang chờ lần chạy tới: ${name}`)
    expect(waiting).not.toContain(`<td class="name">${name}</td>`)
    const r = cli(home, ['refresh', '--json'])
    expect(r.code, r.stderr).toBe(0)
    const after = await (await get('/data')).text()
    expect(after).toMatch(
      new RegExp(`<td class="name">${name.replace(/\./g, '\\.')}</td><td><span class="band band-1">`),
    )
    expect(after).toContain('0 tệp đang chờ lần chạy tới')
    const status = (await (await get('/api/status')).json()) as {
      inbox: { waiting: number }
      runs: Array<{ accepted: number }>
    }
    expect(status.inbox.waiting).toBe(0)
    expect(status.runs[0]!.accepted).toBe(1)
  })
})

describe('qd766 serve access rules', () => {
  let home: string
  let server: ServerProcess
  const get = (path: string, init?: RequestInit) =>
    fetchRetry(new URL(path, server.url), { redirect: 'manual', ...init })

  beforeAll(async () => {
    home = await makeServeHome({ serve: { token: TOKEN, uploads: true, maxUploadMegabytes: 1 } })
    server = await startServe(home)
  })
  afterAll(async () => {
    await server?.stop()
  })

  it('with a token, API clients need the Bearer header and people get the login form', async () => {
    const none = await get('/api/ranking')
    expect(none.status).toBe(401)
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="qd766"')
    expect(
      (await get('/api/ranking', { headers: { Authorization: 'Bearer wrong-token-0123456789' } })).status,
    ).toBe(401)
    const ok = await get('/api/ranking', { headers: { Authorization: `Bearer ${TOKEN}` } })
    expect(ok.status).toBe(200)
    expect(await ok.text()).toBe(cli(home, ['ranking', '--format', 'json']).stdout)
    const page = await get('/province/66')
    expect(page.status).toBe(401)
    const text = await page.text()
    expect(text).toContain('Mã truy cập')
    expect(text).toContain('name="next" value="/province/66"')
    expect((await get('/healthz')).status).toBe(200)
  })

  it('login sets an HttpOnly SameSite cookie only with the right token and a valid CSRF field', async () => {
    const form = await get('/login')
    const csrfCookie = /qd766_csrf=([^;]+)/.exec(form.headers.get('set-cookie') ?? '')?.[1]
    const field = /name="csrf" value="([^"]+)"/.exec(await form.text())?.[1]
    expect(csrfCookie && field).toBeTruthy()
    const post = (body: Record<string, string>, cookie = `qd766_csrf=${csrfCookie}`) =>
      get('/login', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Cookie: cookie,
          Origin: new URL(server.url).origin,
        },
        body: new URLSearchParams(body),
      })
    expect((await post({ token: TOKEN, next: '/data' }, '')).status).toBe(403) // no CSRF cookie/field
    expect((await post({ token: TOKEN, csrf: 'forged', next: '/data' })).status).toBe(403)
    const wrong = await post({ token: 'not-the-token-at-all', csrf: field!, next: '/data' })
    expect(wrong.status).toBe(401)
    expect(wrong.headers.get('set-cookie') ?? '').not.toContain('qd766_session=')
    const cross = await get('/login', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Cookie: `qd766_csrf=${csrfCookie}`,
        Origin: 'http://evil.example',
      },
      body: new URLSearchParams({ token: TOKEN, csrf: field!, next: '/' }),
    })
    expect(cross.status).toBe(403)
    const good = await post({ token: TOKEN, csrf: field!, next: '//evil.example/' })
    expect(good.status).toBe(303)
    expect(good.headers.get('location')).toBe('/') // no open redirect
    const setCookie = good.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/qd766_session=[^;]+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Strict/)
    const session = /qd766_session=([^;]+)/.exec(setCookie)![1]!
    expect(session).not.toContain(TOKEN)
    const page = await get('/province/66', { headers: { Cookie: `qd766_session=${session}` } })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Đắk Lắk')
  })

  it('upload: CSRF-checked, written under a hidden name then renamed into the inbox; the next refresh takes it while the server runs', async () => {
    const auth = { Authorization: `Bearer ${TOKEN}` }
    const dataPage = await get('/data', { headers: auth })
    const cookie = /qd766_csrf=([^;]+)/.exec(dataPage.headers.get('set-cookie') ?? '')![1]!
    const field = /name="csrf" value="([^"]+)"/.exec(await dataPage.text())![1]!
    const body = () => {
      const fd = new FormData()
      const csv = readFileSync(
        join(home, 'archive', readdirSync(join(home, 'archive')).find((f) => f.endsWith('.xlsx'))!),
      )
      fd.append('csrf', field)
      fd.append('file', new Blob([new Uint8Array(csv)]), '../../x/.hidden ranking.xlsx')
      return fd
    }
    const noCsrf = new FormData()
    noCsrf.append('file', new Blob(['a']), 'a.csv')
    expect(
      (
        await get('/upload', {
          method: 'POST',
          body: noCsrf,
          headers: { ...auth, Cookie: `qd766_csrf=${cookie}` },
        })
      ).status,
    ).toBe(403)
    const big = new FormData()
    big.append('csrf', field)
    big.append('file', new Blob([new Uint8Array(2 * 1024 * 1024)]), 'big.csv')
    // over the limit: 413, or the connection closed before the client finished sending it
    const tooBig = await get('/upload', {
      method: 'POST',
      body: big,
      headers: { ...auth, Cookie: `qd766_csrf=${cookie}` },
    }).then(
      (r) => r.status,
      (err: Error & { cause?: { code?: string } }) => err.cause?.code ?? err.message,
    )
    expect([413, 'EPIPE', 'ECONNRESET', 'UND_ERR_SOCKET']).toContain(tooBig)
    expect(readdirSync(join(home, 'inbox'))).toEqual([])
    const up = await get('/upload', {
      method: 'POST',
      body: body(),
      headers: { ...auth, Cookie: `qd766_csrf=${cookie}` },
    })
    expect(up.status).toBe(303)
    expect(up.headers.get('location')).toBe('/data?uploaded=1#files')
    expect(readdirSync(join(home, 'inbox'))).toEqual(['hidden ranking.xlsx'])
    // a refresh while the server is up is neither blocked nor blocking
    const r = cli(home, ['refresh', '--json'])
    expect(r.code, r.stderr).toBe(0)
    expect(readdirSync(join(home, 'inbox'))).toEqual([])
    const after = await (await get('/data', { headers: auth })).text()
    expect(after).toMatch(
      /<td class="name">hidden ranking\.xlsx<\/td><td><span class="band band-none">trùng<\/span>/,
    )
  })
})
