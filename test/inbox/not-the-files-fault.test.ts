/**
 * Issue 9 §2: a failure that is not the file's fault never blames the file. A bug, a busy or full
 * database, a full disk: the run fails with a clear message (exit 4), the file is not rejected, it
 * (and every file the run had not started) goes back to the inbox for the next run, and `status`
 * says why. The faults come from the test-only hook (QD766_TEST_FAULT, src/testing/faults.ts) and,
 * where this machine allows it (root), from a real full tmpfs.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { cli, cliJson, tempHome } from '../helpers.ts'
import { inWork, ls, query, writeNationalCsv } from './inbox-helpers.ts'

interface Case {
  name: string
  fault: string
  bad?: boolean
  /** What the message must say about the cause. */
  says: RegExp
  /** Also check that the next run, without the fault, takes the files (kept to a few cases: time). */
  again?: boolean
}

const CASES: Case[] = [
  {
    name: 'a bug (TypeError) while reading',
    fault: 'parse:bug:b.csv',
    says: /lỗi của chương trình qd766/,
    again: true,
  },
  {
    name: 'the database is busy (SQLITE_BUSY) while loading',
    fault: 'load:busy:b.csv',
    says: /cơ sở dữ liệu đang bị khóa/,
  },
  { name: 'the disk is full (ENOSPC) while loading', fault: 'load:enospc:b.csv', says: /hết chỗ trống/ },
  {
    name: 'the disk is full while writing the error report of a bad file',
    fault: 'report:enospc:b.csv',
    bad: true,
    says: /hết chỗ trống/,
    again: true,
  },
]

function threeFiles(home: string, badMiddle = false) {
  const inbox = join(home, 'inbox')
  return {
    a: writeNationalCsv(inbox, 'a.csv', { day: 1, seed: 1 }),
    b: writeNationalCsv(inbox, 'b.csv', { day: 2, seed: 2, bad: badMiddle }),
    c: writeNationalCsv(inbox, 'c.csv', { day: 3, seed: 3 }),
  }
}

describe('a failure that is not the file’s fault never rejects the file', () => {
  it.each(CASES)('$name: exit 4, the file goes back to the inbox, status says why', (c) => {
    const home = tempHome()
    const bytes = threeFiles(home, c.bad)
    const r = cli(home, ['refresh'], { QD766_TEST_FAULT: c.fault })
    expect(r.code, r.stderr).toBe(4)
    expect(r.stderr).toMatch(c.says)
    expect(r.stderr).toMatch(/b\.csv/)
    expect(r.stderr).toMatch(/không bị từ chối/)
    expect(r.stderr).not.toMatch(/^\s+at /m) // a message, not a stack trace
    // a.csv landed before the failure; b.csv and the unstarted c.csv are back, byte for byte
    expect(ls(join(home, 'archive'))).toEqual(['a.csv'])
    expect(ls(join(home, 'inbox'))).toEqual(['b.csv', 'c.csv'])
    expect(readFileSync(join(home, 'inbox', 'b.csv'))).toEqual(bytes.b)
    expect(readFileSync(join(home, 'inbox', 'c.csv'))).toEqual(bytes.c)
    expect(ls(join(home, 'rejected'))).toEqual([]) // no file, no report, no 0-byte .tmp
    expect(inWork(home)).toEqual([])
    expect(query(home, "SELECT file_name FROM file_events WHERE status = 'rejected'")).toEqual([])
    const [run] = query<{ status: string; error: string }>(home, 'SELECT status, error FROM runs')
    expect(run!.status).toBe('failed')
    expect(run!.error).toMatch(/b\.csv/)
    const s = cliJson<{ attention: string[] }>(home, ['status', '--json'])
    expect(s.json.attention.join('\n')).toMatch(c.says)
    expect(s.json.attention.join('\n')).toMatch(/b\.csv/)
    if (!c.again) return
    // The next run (the fault gone) takes the files as if nothing had happened.
    const again = cliJson<Array<{ file: string; status: string }>>(home, ['ingest', '--json'])
    expect(again.json.map((o) => [o.file, o.status])).toEqual([
      ['b.csv', c.bad ? 'rejected' : 'accepted'],
      ['c.csv', 'accepted'],
    ])
  })

  // A real full disk under rejected/ (a 4 KB tmpfs filled to the brim): needs root and tmpfs.
  const mountPoint = { path: '' }
  const canMount = (() => {
    if (process.getuid?.() !== 0) return false
    const probe = join(tempHome(), 'probe')
    mkdirSync(probe)
    const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4k', 'tmpfs', probe]).status === 0
    if (ok) spawnSync('umount', [probe])
    return ok
  })()
  afterAll(() => {
    if (mountPoint.path) spawnSync('umount', [mountPoint.path])
  })

  it.runIf(canMount)('a real full disk under rejected/: no 0-byte .error.json.tmp, nothing rejected', () => {
    const home = tempHome()
    const rejected = join(home, 'rejected')
    mkdirSync(rejected)
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4k', 'tmpfs', rejected]).status).toBe(0)
    mountPoint.path = rejected
    // fill it: tmpfs counts whole pages, so one 4 KB file leaves no room for anything
    writeFileSync(join(rejected, 'filler'), Buffer.alloc(4096))
    writeNationalCsv(join(home, 'inbox'), 'bad.csv', { bad: true })
    const r = cli(home, ['refresh'])
    expect(r.code, r.stderr).toBe(4)
    expect(r.stderr).toMatch(/hết chỗ trống/)
    expect(ls(rejected)).toEqual(['filler'])
    expect(ls(join(home, 'inbox'))).toEqual(['bad.csv'])
    spawnSync('umount', [rejected])
    mountPoint.path = ''
    const again = cli(home, ['refresh'])
    expect(again.code).toBe(1)
    expect(ls(rejected)).toEqual(['bad.csv', 'bad.csv.error.json'])
  })
})
