/**
 * The HTML report in a real browser: Debian's chromium driven by playwright-core, headless. Checks
 * what a reader sees (headline, highlighted row, charts drawn, nothing wider than a phone) and that
 * the page asks the network for nothing; saves screenshots under test/artifacts/ for CI.
 *
 * Without /usr/bin/chromium (a developer machine) the test is skipped with a message; CI sets
 * QD766_REQUIRE_BROWSER=1 (.ci/run, which installs chromium), which turns the skip into a failure.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { type Browser, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli, tempHome } from '../helpers.ts'
import { ARTIFACTS, DATES, MARKUP_UNIT, writeReportInbox } from './report-home.ts'

// Browser globals used inside page.evaluate callbacks (they run in the page, not in Node; the
// project compiles without the DOM library, so they are declared here just for the type checker).
declare const document: {
  documentElement: { lang: string; scrollWidth: number }
  characterSet: string
}
declare const window: { innerWidth: number }
declare function getComputedStyle(el: unknown): { backgroundColor: string; overflowX: string }

const CHROMIUM = process.env.QD766_CHROMIUM ?? '/usr/bin/chromium'
const HAVE_BROWSER = existsSync(CHROMIUM)
const REQUIRED = process.env.QD766_REQUIRE_BROWSER === '1'
if (!HAVE_BROWSER && !REQUIRED) {
  process.stderr.write(
    `\n[report-browser] SKIPPED: no ${CHROMIUM}. Install Debian's chromium (apt-get install chromium) ` +
      'or set QD766_CHROMIUM to run the HTML report in a browser; CI requires it (QD766_REQUIRE_BROWSER=1).\n\n',
  )
}

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--headless',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

describe.skipIf(!HAVE_BROWSER && !REQUIRED)('HTML report in headless chromium', () => {
  let browser: Browser | undefined
  let file: string
  let headline: string

  beforeAll(async () => {
    if (!HAVE_BROWSER) {
      throw new Error(
        `QD766_REQUIRE_BROWSER=1 but there is no browser at ${CHROMIUM} (apt-get install chromium)`,
      )
    }
    const home = tempHome()
    await writeReportInbox(join(home, 'inbox'))
    expect(cli(home, ['refresh']).code).toBe(0)
    file = join(home, 'bao-cao.html')
    const r = cli(home, ['report', '--province', 'Đắk Lắk', '--out', file])
    expect(r.code, r.stderr).toBe(0)
    headline = r.stdout.trim()
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS })
    mkdirSync(ARTIFACTS, { recursive: true })
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('shows the headline, the highlighted province, the charts; requests nothing but the file', async () => {
    const context = await browser!.newContext({ viewport: { width: 1200, height: 900 } })
    const page = await context.newPage()
    const requests: string[] = []
    const problems: string[] = []
    page.on('request', (req) => requests.push(req.url()))
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text())
    })
    page.on('pageerror', (e) => problems.push(e.message))
    const url = pathToFileURL(file).href
    await page.goto(url, { waitUntil: 'load' })

    expect(await page.title()).toBe('Đắk Lắk — Chỉ số phục vụ người dân, doanh nghiệp (QĐ 766), Năm 2026')
    expect(await page.evaluate(() => [document.documentElement.lang, document.characterSet])).toEqual([
      'vi',
      'UTF-8',
    ])
    expect(await page.locator('#headline').textContent()).toBe(headline)
    expect(headline).toMatch(/^Đắk Lắk: hạng \d+\/34, 65,49 điểm, [↑↓]\d+ so với lần trước$/)

    // the province's row in the full ranking, highlighted
    const me = page.locator('#xep-hang tr.me')
    expect(await me.count()).toBe(1)
    expect(await me.getAttribute('aria-current')).toBe('true')
    expect(await me.locator('td.name').textContent()).toBe('Đắk Lắk')
    expect(await me.locator('td.total').textContent()).toBe('65,49')
    expect(
      await me
        .locator('td')
        .first()
        .evaluate((td) => getComputedStyle(td).backgroundColor),
    ).toBe('rgb(255, 243, 191)')
    expect(await page.locator('#xep-hang tbody tr').count()).toBe(34)

    // charts drawn from the data: rank over time, groups, points lost; inline bars in the unit table
    const charts = page.locator('svg.chart')
    expect(await charts.count()).toBe(3)
    for (let i = 0; i < 3; i++) {
      const box = await charts.nth(i).boundingBox()
      expect(box!.width).toBeGreaterThan(300)
      expect(box!.height).toBeGreaterThan(100)
    }
    expect(await page.locator('#lich-su svg.chart-line g.point').count()).toBe(DATES.length)
    expect(await page.locator('#nhom svg.chart-bars rect.track').count()).toBe(6)
    expect(await page.locator('#chi-tieu svg.chart-bars rect.fill').count()).toBe(10)
    expect(await page.locator('#chi-tieu .push li').count()).toBe(4)
    expect(await page.locator('#don-vi svg.ibar').count()).toBeGreaterThanOrEqual(3)
    // hostile names are text, not markup
    expect(await page.locator('#don-vi').textContent()).toContain(MARKUP_UNIT)
    expect(await page.locator('#don-vi b').count()).toBe(0)
    expect(await page.locator('script').count()).toBe(0)

    expect(requests).toEqual([url])
    expect(problems).toEqual([])
    await page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: true })
    await context.close()
  })

  it('fits a phone: nothing wider than the screen except tables that scroll inside their box', async () => {
    const context = await browser!.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    })
    const page = await context.newPage()
    const requests: string[] = []
    page.on('request', (req) => requests.push(req.url()))
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' })
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }))
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth)
    // the ranking table is wider than the phone, so its box scrolls horizontally
    const wrap = page.locator('#xep-hang .table-wrap')
    expect(
      await wrap.evaluate((el) => [getComputedStyle(el).overflowX, el.scrollWidth > el.clientWidth]),
    ).toEqual(['auto', true])
    // charts scale down to the screen
    for (const box of await page
      .locator('svg.chart')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width))) {
      expect(box).toBeLessThanOrEqual(innerWidth)
    }
    expect(requests).toHaveLength(1)
    await page.screenshot({ path: join(ARTIFACTS, 'report-phone.png'), fullPage: true })
    await context.close()
  })
})
