/**
 * Test harness: a fresh data home per test under test/.tmp, and the real CLI run as a child process
 * (the same `node bin/qd766.js` a user runs), so tests exercise argument parsing, exit codes and
 * stdout exactly as cron and scripts see them.
 */
import { type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const ROOT = resolve(import.meta.dirname, '..')
export const BIN = join(ROOT, 'bin', 'qd766.js')

export function tempDir(prefix = 'qd766-'): string {
  const base = join(ROOT, 'test', '.tmp')
  mkdirSync(base, { recursive: true })
  return mkdtempSync(join(base, prefix))
}

/** A home whose inbox takes files immediately (tests do not wait for the "still being written" guard). */
export function tempHome(config: Record<string, unknown> = {}): string {
  const home = tempDir('home-')
  writeFileSync(
    join(home, 'qd766.config.json'),
    JSON.stringify({ inbox: { minFileAgeSeconds: 0, stableWaitMs: 0 }, ...config }, null, 2),
  )
  mkdirSync(join(home, 'inbox'), { recursive: true })
  return home
}

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

export function cli(home: string, args: string[], env: Record<string, string> = {}): CliResult {
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [BIN, ...args, '--home', home], {
    encoding: 'utf8',
    env: { ...process.env, QD766_LOG_LEVEL: 'warn', ...env },
    timeout: 120_000,
  })
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }
}

export function cliJson<T = unknown>(
  home: string,
  args: string[],
): { code: number; json: T; stderr: string } {
  const r = cli(home, args)
  let json: T
  try {
    json = JSON.parse(r.stdout) as T
  } catch {
    throw new Error(`not JSON (exit ${r.code}):\n${r.stdout}\n${r.stderr}`)
  }
  return { code: r.code, json, stderr: r.stderr }
}

export { spawn }
