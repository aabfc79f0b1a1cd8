/** The README's first command: `npm run demo` fills a demo home from the fixtures and prints a ranking. */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli, tempDir } from '../helpers.ts'
import { startServe } from '../serve/serve-home.ts'

describe('qd766 demo', () => {
  it('ingests every example export, prints the latest ranking and writes the leadership reports', () => {
    const home = join(tempDir('demo-'), 'demo-data')
    const r = cli(home, ['demo'])
    expect(r.code, r.stderr).toBe(0)
    // every family of input is in the demo and accepted
    for (const kind of ['bảng xếp hạng quốc gia', 'số liệu Cổng DVCQG', 'bảng số hóa (một cửa)'])
      expect(r.stdout).toContain(kind)
    expect(r.stdout).not.toMatch(/BỊ TỪ CHỐI/)
    expect(r.stdout).toMatch(/Xếp hạng Năm 2026, số liệu đến ngày 05\/10\/2026 — 34\/34 tỉnh/)
    // a tie is shown as a shared rank
    expect(r.stdout).toMatch(/\n\s+5 {2}\d\d .*\n\s+5 {2}\d\d /)
    expect(readdirSync(join(home, 'reports')).sort()).toEqual([
      'bao-cao-766-dak-lak-2026-2026-10-05.html',
      'bao-cao-766-dak-lak-2026-2026-10-05.xlsx',
    ])
    expect(readdirSync(join(home, 'inbox'))).toEqual([])
    expect(existsSync(join(home, 'qd766.sqlite'))).toBe(true)
    // a second run finds nothing new and still prints the ranking
    const again = cli(home, ['demo'])
    expect(again.code, again.stderr).toBe(0)
    expect(again.stdout).toMatch(/Không có tệp nào cần nhận/)
  })

  it('is Đắk Lắk’s office: the dashboard highlights its row and shows its card', async () => {
    const home = join(tempDir('demo-'), 'demo-data')
    expect(cli(home, ['demo']).code).toBe(0)
    expect(JSON.parse(readFileSync(join(home, 'qd766.config.json'), 'utf8')).province).toBe('Đắk Lắk')
    const server = await startServe(home)
    try {
      const page = await (await fetch(new URL('/', server.url))).text()
      expect(page).toMatch(/<tr data-code="66" class="me" aria-current="true">/)
      expect(page).toMatch(/<div class="cards" id="home-card">\s*<div class="card">Đắk Lắk<b>/)
    } finally {
      await server.stop()
    }
  })
})
