/**
 * Issue 9 §5: SIGTERM/SIGINT to a running `refresh` or `ingest` (systemctl stop, Ctrl-C) finishes
 * the current file, gives the claimed files it has not started back to the inbox, records the run
 * as interrupted (never "abandoned") and exits 0. A real child process and a batch of files.
 */
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BIN, cli, tempHome } from '../helpers.ts'
import { inWork, ls, query, writeNationalCsv } from './inbox-helpers.ts'

const FILES = 12

function runAndSignal(home: string, args: string[], signal: NodeJS.Signals) {
  const child = spawn(process.execPath, [BIN, ...args, '--home', home], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, QD766_LOG_LEVEL: 'warn' },
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => {
    stdout += d
  })
  child.stderr.on('data', (d) => {
    stderr += d
  })
  // signal as soon as the run has claimed its files (work/run-* appears)
  const poll = setInterval(() => {
    const work = join(home, 'work')
    if (existsSync(work) && readdirSync(work).some((d) => d.startsWith('run-'))) {
      clearInterval(poll)
      child.kill(signal)
    }
  }, 2)
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
    (resolve) =>
      child.on('exit', (code, sig) => {
        clearInterval(poll)
        resolve({ code, signal: sig, stdout, stderr })
      }),
  )
}

describe('a signal to a running refresh or ingest stops it cleanly', () => {
  it.each([
    { command: 'refresh', signal: 'SIGTERM' as const },
    { command: 'ingest', signal: 'SIGINT' as const },
  ])('$signal to $command: the current file finishes, the rest go back to the inbox, exit 0', async (c) => {
    const home = tempHome()
    const bytes = new Map<string, Buffer>()
    for (let i = 0; i < FILES; i++) {
      const name = `${String(i).padStart(2, '0')}-xep-hang.csv`
      bytes.set(name, writeNationalCsv(join(home, 'inbox'), name, { day: 1 + i, seed: 100 + i }))
    }
    const r = await runAndSignal(home, [c.command], c.signal)
    expect(r.signal, r.stderr).toBeNull()
    expect(r.code, r.stderr).toBe(0)
    const archived = ls(join(home, 'archive'))
    const back = ls(join(home, 'inbox'))
    expect(archived.length).toBeLessThan(FILES) // it really stopped early
    expect([...archived, ...back].sort()).toEqual([...bytes.keys()]) // nothing lost, nothing doubled
    for (const name of back) expect(readFileSync(join(home, 'inbox', name))).toEqual(bytes.get(name))
    expect(inWork(home)).toEqual([])
    expect(ls(join(home, 'rejected'))).toEqual([])
    const [run] = query<{ status: string; error: string; accepted: number }>(
      home,
      'SELECT status, error, accepted FROM runs',
    )
    expect(run).toMatchObject({ status: 'interrupted', accepted: archived.length })
    expect(run!.error).toMatch(new RegExp(`${back.length} tệp chưa xử lý được trả lại`))
    // the next run takes the rest, and no run is ever "abandoned"
    expect(cli(home, ['refresh']).code).toBe(0)
    expect(ls(join(home, 'archive'))).toEqual([...bytes.keys()])
    expect(query(home, "SELECT id FROM runs WHERE status = 'abandoned'")).toEqual([])
  })
})
