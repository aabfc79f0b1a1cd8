/**
 * A data home for the dashboard tests and its real server in a child process (`qd766 serve --port 0`,
 * the URL read from its first line of output). The home has five national readings of 2026 and
 * Đắk Lắk's portal captures (the report tests' home, with its hostile portal unit names), Thanh
 * Hóa's real one-stop digitisation export (HTML-.xls) whose unit names carry markup, and a rejected
 * file whose very name is markup. Every one of those strings must reach the browser as text.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { htmlXls } from '../../fixtures/lib/write-html-xls.ts'
import { f1 } from '../../fixtures/provincial/tables.ts'
import { BIN, cli, tempHome } from '../helpers.ts'
import { writeReportInbox } from '../report/report-home.ts'

export const SCRIPT_UNIT = 'Sở Tư pháp <script>alert(1)</script>'
export const IMG_UNIT = 'UBND huyện Nga Sơn "><img src=x onerror=alert(2)>'
export const HOSTILE_FILE = '"><img src=x onerror=alert(3)>.csv'
export const TOKEN = 'test-token-0123456789abcdef'

/** Thanh Hóa's T1 export with two unit names that are markup, as an HTML table named .xls. */
export function hostileProvincialExport(dir: string): string {
  const fx = f1({ period: '(Từ ngày 01/01/2026 đến ngày 30/09/2026 )' })
  const rows = fx.grid.rows.map((r) =>
    r.map((c) => (c === 'Sở Tư pháp' ? SCRIPT_UNIT : c === 'UBND huyện Nga Sơn' ? IMG_UNIT : c)),
  )
  const path = join(dir, 'Bảng thống kê chỉ tiêu số hóa 1_10_2026 9_30.xls')
  writeFileSync(path, htmlXls({ ...fx.grid, rows }, { ...fx.html, sheetTitle: fx.grid.sheetName }), 'utf8')
  return path
}

/** Builds and refreshes the home; config extra keys (e.g. serve) are merged in. */
export async function makeServeHome(config: Record<string, unknown> = {}): Promise<string> {
  const home = tempHome({ province: 'Đắk Lắk', ...config })
  const inbox = join(home, 'inbox')
  await writeReportInbox(inbox)
  hostileProvincialExport(inbox)
  writeFileSync(join(inbox, HOSTILE_FILE), 'this is not a ranking table\n1,2,3\n')
  const r = cli(home, ['refresh'])
  // 1: the hostile file is rejected (by design); everything else lands
  if (r.code !== 1) throw new Error(`refresh exited ${r.code}: ${r.stderr}`)
  return home
}

export interface ServerProcess {
  url: string
  child: ChildProcess
  stop(): Promise<void>
}

/** `qd766 serve --home HOME --port 0 [args]` in a child process; resolves with the URL it prints. */
export function startServe(
  home: string,
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', '--home', home, '--port', '0', ...args], {
    env: { ...process.env, QD766_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}${err}`)), 30_000)
    child.stderr!.on('data', (d) => {
      err += d
    })
    child.stdout!.on('data', (d) => {
      out += d
      const m = /http:\/\/\S+\//.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve({
          url: m[0],
          child,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done()
              child.once('exit', () => done())
              child.kill('SIGTERM')
            }),
        })
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`serve exited ${code} before listening: ${out}${err}`))
    })
  })
}

/** Exit code and output of a serve that must refuse to start. */
export function serveRefusal(home: string, args: string[], env: Record<string, string> = {}) {
  return cli(home, ['serve', ...args], env)
}
