/**
 * Regenerates the README's pictures of the dashboard (docs/img/serve-ranking.png, serve-province.png,
 * serve-phone.png): the dashboard test's home without the hostile names, `qd766 serve` in a child
 * process, headless chromium. Run: `node bin/run-ts.js test/serve/make-serve-screenshot.ts`.
 */
import { mkdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { cli, ROOT, tempHome } from '../helpers.ts'
import { writeReportInbox } from '../report/report-home.ts'
import { startServe } from './serve-home.ts'

const home = tempHome({ province: 'Đắk Lắk' })
await writeReportInbox(join(home, 'inbox'), { hostile: false })
if (cli(home, ['refresh']).code !== 0) throw new Error('refresh failed')
const server = await startServe(home)
const dir = join(ROOT, 'docs', 'img')
mkdirSync(dir, { recursive: true })
const browser = await chromium.launch({
  executablePath: process.env.QD766_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--headless'],
})
const out: string[] = []
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1000 } })
  await page.goto(server.url)
  out.push(join(dir, 'serve-ranking.png'))
  await page.screenshot({ path: out.at(-1)! })
  await page.goto(new URL('/province/66?whatIf=PUBLISH_ON_TIME:90%25#what-if', server.url).href)
  out.push(join(dir, 'serve-province.png'))
  await page.screenshot({ path: out.at(-1)!, fullPage: false })
  const phone = await browser.newPage({
    viewport: { width: 360, height: 760 },
    isMobile: true,
    hasTouch: true,
  })
  await phone.goto(server.url)
  out.push(join(dir, 'serve-phone.png'))
  await phone.screenshot({ path: out.at(-1)! })
} finally {
  await browser.close()
  await server.stop()
}
for (const f of out) process.stdout.write(`${f}: ${Math.round(statSync(f).size / 1024)} KB\n`)
