/**
 * Regenerates docs/img/report.png (and report-phone.png), the README's pictures of the HTML report: the report test's home
 * (without the hostile unit names), `refresh`, `report`, then the top of the page in headless
 * chromium at 1000 px. Run: `node bin/run-ts.js test/report/make-doc-screenshot.ts`.
 */
import { mkdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'
import { cli, ROOT, tempHome } from '../helpers.ts'
import { writeReportInbox } from './report-home.ts'

const home = tempHome()
await writeReportInbox(join(home, 'inbox'), { hostile: false })
if (cli(home, ['refresh']).code !== 0) throw new Error('refresh failed')
const html = join(home, 'bao-cao.html')
const r = cli(home, ['report', '--province', 'Đắk Lắk', '--out', html])
if (r.code !== 0) throw new Error(r.stderr)
const out = join(ROOT, 'docs', 'img', 'report.png')
mkdirSync(join(ROOT, 'docs', 'img'), { recursive: true })
const browser = await chromium.launch({
  executablePath: process.env.QD766_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--headless'],
})
const page = await browser.newPage({ viewport: { width: 1000, height: 1300 } })
await page.goto(pathToFileURL(html).href)
await page.screenshot({ path: out, clip: { x: 0, y: 0, width: 1000, height: 1300 } })
// and the first screen on a phone
const phoneOut = join(ROOT, 'docs', 'img', 'report-phone.png')
const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
await phone.goto(pathToFileURL(html).href)
await phone.screenshot({ path: phoneOut })
await browser.close()
for (const f of [out, phoneOut]) process.stdout.write(`${f}: ${Math.round(statSync(f).size / 1024)} KB\n`)
