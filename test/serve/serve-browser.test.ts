/**
 * The dashboard in Debian's chromium (playwright-core, headless), against the real `qd766 serve` in a
 * child process: a person goes ranking -> province -> units, sorts by a group, runs a what-if,
 * downloads every file and opens it, is refused a write and stopped on a runaway query on the SQL
 * page, and reads it all on a 360 px phone. Every request is checked to stay on this server
 * (page.route), and the console must stay clean (a CSP violation is reported there).
 *
 * Skipped without /usr/bin/chromium unless QD766_REQUIRE_BROWSER=1 (CI), as the report's browser test.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARTIFACTS } from '../report/report-home.ts'
import { IMG_UNIT, makeServeHome, SCRIPT_UNIT, type ServerProcess, startServe } from './serve-home.ts'

declare const document: {
  documentElement: { scrollWidth: number }
  activeElement: { textContent: string | null; tagName: string } | null
}
declare const window: { innerWidth: number }

const CHROMIUM = process.env.QD766_CHROMIUM ?? '/usr/bin/chromium'
const HAVE_BROWSER = existsSync(CHROMIUM)
const REQUIRED = process.env.QD766_REQUIRE_BROWSER === '1'
if (!HAVE_BROWSER && !REQUIRED) {
  process.stderr.write(
    `\n[serve-browser] SKIPPED: no ${CHROMIUM} (apt-get install chromium); CI requires it.\n\n`,
  )
}
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--headless',
  '--disable-background-networking',
  '--no-first-run',
]

describe.skipIf(!HAVE_BROWSER && !REQUIRED)('the dashboard in headless chromium', () => {
  let browser: Browser | undefined
  let server: ServerProcess
  let home: string
  const outside: string[] = []
  const problems: string[] = []

  /** A page that may talk to this server only, and whose console errors are collected. */
  async function open(
    viewport = { width: 1200, height: 900 },
    extra: Record<string, unknown> = {},
  ): Promise<Page> {
    const context = await browser!.newContext({ viewport, acceptDownloads: true, ...extra })
    await context.route('**/*', (route) => {
      const url = route.request().url()
      if (url.startsWith(server.url) || url.startsWith('data:') || url.startsWith(`file://${ARTIFACTS}/`))
        return route.continue()
      outside.push(url)
      return route.abort()
    })
    const page = await context.newPage()
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${page.url()}: ${m.text()}`)
    })
    page.on('pageerror', (e) => problems.push(e.message))
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`)
      void d.dismiss()
    })
    return page
  }

  beforeAll(async () => {
    if (!HAVE_BROWSER) throw new Error(`QD766_REQUIRE_BROWSER=1 but there is no browser at ${CHROMIUM}`)
    home = await makeServeHome({ serve: { sqlTimeoutMs: 1000 } })
    server = await startServe(home)
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS })
    mkdirSync(ARTIFACTS, { recursive: true })
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('no request left this server and the console stayed clean (no CSP violation, no script error)', () => {
    expect(outside).toEqual([])
    expect(problems).toEqual([])
  })

  it('ranking -> sort -> province -> what-if -> units, by keyboard and by mouse', async () => {
    const page = await open()
    await page.goto(server.url)
    expect(await page.title()).toBe('Xếp hạng Chỉ số phục vụ người dân, doanh nghiệp — qd766')
    // keyboard: the first Tab lands on the skip link, which moves focus to the content
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bỏ qua, đến nội dung chính')
    expect(await page.locator('#ranking tbody tr').count()).toBe(34)
    const me = page.locator('#ranking tr.me')
    expect(await me.locator('td.name').textContent()).toBe('Đắk Lắk')
    expect(await page.locator('#history svg.chart-line g.point').count()).toBe(5)

    // sort by a group: the header link ranks by MDSH, the first row has the largest MDSH
    await page.locator('#ranking thead a', { hasText: 'MDSH' }).click()
    await page.waitForURL(/by=MDSH/)
    const mdsh = await page.locator('#ranking tbody tr td:nth-child(10)').allTextContents()
    const values = mdsh.map((v) => Number(v.replace(',', '.')))
    expect(values).toEqual([...values].sort((a, b) => b - a))

    // the picker lists the readings; choosing one (auto-submit) shows it
    const options = await page.locator('select[name=reading] option').allTextContents()
    expect(options.length).toBe(5)
    await page.selectOption('select[name=reading]', { index: 4 })
    await page.waitForURL(/reading=2026%402026-07-06/)
    expect(await page.locator('.lead').first().textContent()).toContain('tính đến 06/07/2026')

    // to the province, then a what-if
    await page.goto(server.url)
    await page.locator('#ranking tr.me td.name a').click()
    await page.waitForURL(/\/province\/66/)
    expect(await page.locator('h1').textContent()).toBe('Đắk Lắk')
    expect(await page.locator('#metric-table tbody tr').count()).toBeGreaterThan(10)
    await page.selectOption('#wm-0', '3.3')
    await page.fill('#wr-0', '55')
    await page.locator('form.whatif button[type=submit]').click()
    await page.waitForURL(/whatIf=3\.3%3A55%25/)
    const result = await page.locator('#what-if-result').textContent()
    expect(result).toMatch(/Tổng điểm 65,49 → \d+,\d\d \(tăng \d+,\d\d điểm\)/)
    expect(result).toMatch(/Thứ hạng \d+ → \d+ trên 34/)
    await page.screenshot({ path: join(ARTIFACTS, 'serve-province.png'), fullPage: true })

    // units: Đắk Lắk's portal units, hostile names as text
    await page.locator('a', { hasText: 'Xem các sở, ngành, xã của tỉnh' }).click()
    await page.waitForURL(/\/units\/66/)
    expect(await page.locator('table.portal-units').first().textContent()).toContain('<b>Sở "A&B"</b>')
    expect(await page.locator('main b').count()).toBe(0)
    // Thanh Hóa's own export: ranked within level, markup in names stays text
    await page.goto(new URL('/units/38', server.url).href)
    const names = await page.locator('#unit-table td.name').allTextContents()
    expect(names).toEqual(expect.arrayContaining([SCRIPT_UNIT, IMG_UNIT]))
    expect(await page.locator('main img').count()).toBe(0)
    expect(await page.locator('script').count()).toBe(1)
    await page.locator('#unit-table a', { hasText: 'xem dòng' }).first().click()
    await page.waitForURL(/\/sql\?q=/)
    expect(await page.locator('#sql-result tbody tr').count()).toBeGreaterThan(0)
    await page.context().close()
  })

  it('downloads every file and opens it', async () => {
    const page = await open()
    await page.goto(server.url)
    const got: string[] = []
    for (const link of await page.locator('ul.downloads a[download]').all()) {
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
      const path = join(ARTIFACTS, `serve-${download.suggestedFilename()}`)
      await download.saveAs(path)
      got.push(path)
    }
    const named = (re: RegExp) => got.find((p) => re.test(p))!
    expect(got.map((p) => p.slice(ARTIFACTS.length + 1))).toEqual([
      'serve-xep-hang-2026-2026-10-10.csv',
      'serve-xep-hang-2026-2026-10-10.xlsx',
      expect.stringMatching(/^serve-bao-cao-766-dak-lak-2026.*\.xlsx$/),
      expect.stringMatching(/^serve-bao-cao-766-dak-lak-2026.*\.html$/),
    ])
    expect(readFileSync(named(/\.csv$/), 'utf8').split('\r\n')[1]).toMatch(/^1,\d\d,/)
    const ranking = new ExcelJS.Workbook()
    await ranking.xlsx.readFile(named(/xep-hang.*\.xlsx$/))
    expect(ranking.getWorksheet('Xếp hạng')!.rowCount).toBe(3 + 34)
    const leadership = new ExcelJS.Workbook()
    await leadership.xlsx.readFile(named(/bao-cao.*\.xlsx$/))
    expect(leadership.worksheets.map((w) => w.name)).toContain('Tỉnh Đắk Lắk')
    // the HTML report opens as a page of its own
    const report = await open()
    await report.goto(`file://${named(/\.html$/)}`)
    expect(await report.title()).toMatch(/^Đắk Lắk — Chỉ số phục vụ người dân, doanh nghiệp \(QĐ 766\)/)
    await report.context().close()
    await page.context().close()
  })

  it('the SQL page refuses a write, stops a runaway query, and then answers', async () => {
    const page = await open()
    await page.goto(new URL('/sql', server.url).href)
    await page.fill('#q', 'DROP TABLE runs')
    await page.locator('#sql-form button').click()
    await page.waitForLoadState()
    expect(await page.locator('#sql-error').textContent()).toContain('Bị từ chối')
    await page.fill(
      '#q',
      'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c',
    )
    await page.locator('#q').press('Control+Enter')
    await page.waitForURL(/RECURSIVE/)
    expect(await page.locator('#sql-error').textContent()).toContain('đã bị dừng vì chạy quá 1 giây')
    await page.locator('#canned a').first().click()
    await page.waitForURL(/v_latest_ranking/)
    expect(await page.locator('#sql-result tbody tr').count()).toBe(34)
    await page.context().close()
  })

  it('fits a 360 px phone and every page opens', async () => {
    const page = await open(
      { width: 360, height: 780 },
      { isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
    )
    for (const path of ['/', '/province/66', '/units/38', '/data', '/sql']) {
      const r = await page.goto(new URL(path, server.url).href)
      expect(r?.status(), path).toBe(200)
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }))
      expect(scrollWidth, path).toBeLessThanOrEqual(innerWidth)
    }
    await page.goto(server.url)
    await page.screenshot({ path: join(ARTIFACTS, 'serve-phone.png') })
    await page.context().close()
  })
})
