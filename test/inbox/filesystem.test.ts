/**
 * Issue 9 §4: the inbox and the file system as they really are. One run over an inbox holding what
 * offices' servers really hold: a file the antivirus will not let go, one with `chattr +i`, one
 * whose archive folder refuses it after the commit, a 250-byte Vietnamese name already present in
 * archive/, a name with control characters, a symlink, a sub-folder, a FIFO, a name that is not
 * UTF-8, a file dated in the future and a UTF-8 CSV with one stray byte. The good files land, each
 * other entry is reported with its reason (in the run's output and in `status`), and nothing wedges
 * the next run.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli, cliJson, tempDir, tempHome } from '../helpers.ts'
import { inWork, ls, query, writeNationalCsv } from './inbox-helpers.ts'

interface FileRow {
  file: string
  status: string
  code?: string
  reason?: string
  storedAs?: string | null
  notMoved?: string
  errorDetail?: { code: string; row: number | null; found: string | null } | null
  error?: string | null
}
interface RefreshJson {
  files: FileRow[]
  skipped: Array<{ name: string; code: string; reason: string }>
}
interface StatusJson {
  attention: string[]
  inbox: {
    entries: Array<{ name: string; state: string; code: string | null; reason: string | null }>
    workNotes: Array<{ name: string; reason: string }>
  }
}

const bytes = (s: string) => Buffer.byteLength(s)

/** A Vietnamese file name of exactly `n` bytes before ".csv". */
function longVietnameseName(n: number): string {
  const words = 'Bảng xếp hạng chỉ số phục vụ người dân doanh nghiệp tỉnh Đắk Lắk quý ba năm '
  let stem = ''
  for (const ch of words.repeat(10)) {
    if (bytes(stem + ch) > n) break
    stem += ch
  }
  while (bytes(stem) < n) stem += 'a'
  return `${stem}.csv`
}

const canChattr = (() => {
  if (process.getuid?.() !== 0) return false
  const probe = join(tempDir('chattr-'), 'probe')
  writeFileSync(probe, '')
  const ok = spawnSync('chattr', ['+i', probe]).status === 0
  spawnSync('chattr', ['-i', probe])
  return ok
})()

describe('one run over an inbox as servers really hold it', () => {
  const LONG = longVietnameseName(246) // 250 bytes with ".csv"
  const CONTROL = 'bang\nxep\thang\u001b.csv'
  const BAD_NAME = Buffer.from([0x62, 0xe1, 0x6e, 0x67, 0xff, 0x2e, 0x63, 0x73, 0x76]) // "b\xe1ng\xff.csv"
  let home: string
  let first: { code: number; json: RefreshJson; stderr: string }
  let status: StatusJson
  const immutable: string[] = []

  beforeAll(() => {
    home = tempHome()
    const inbox = join(home, 'inbox')
    writeNationalCsv(inbox, 'tot.csv', { day: 1, seed: 1 })
    writeNationalCsv(inbox, 'bi-khoa-boi-antivirus.csv', { day: 2, seed: 2 })
    writeNationalCsv(inbox, 'archive-tu-choi.csv', { day: 3, seed: 3 })
    writeNationalCsv(inbox, LONG, { day: 4, seed: 4 })
    mkdirSync(join(home, 'archive'))
    writeFileSync(join(home, 'archive', LONG), 'an older file of the same name')
    writeNationalCsv(inbox, CONTROL, { day: 6, seed: 6 })
    writeNationalCsv(inbox, 'tuong-lai.csv', { day: 7, seed: 7, old: false })
    const future = new Date(Date.now() + 86_400_000)
    utimesSync(join(inbox, 'tuong-lai.csv'), future, future)
    // UTF-8 (no BOM) with one byte of Windows-1258 typed into a cell of line 9
    const good = writeNationalCsv(tempDir('stray-'), 'x.csv', { day: 8, seed: 8, encoding: 'utf-8' })
    const lines = good.toString('utf8').split('\n')
    const cut = lines[8]!.indexOf(';') + 1
    const line9 = Buffer.concat([
      Buffer.from(lines[8]!.slice(0, cut)),
      Buffer.from([0xf4]), // "ô" in Windows-1258
      Buffer.from(lines[8]!.slice(cut)),
    ])
    const stray = Buffer.concat([
      Buffer.from(`${lines.slice(0, 8).join('\n')}\n`),
      line9,
      Buffer.from(`\n${lines.slice(9).join('\n')}`),
    ])
    writeFileSync(join(inbox, 'mot-byte-la.csv'), stray)
    const hourAgo = new Date(Date.now() - 3_600_000)
    utimesSync(join(inbox, 'mot-byte-la.csv'), hourAgo, hourAgo)
    symlinkSync(join(home, 'archive', LONG), join(inbox, 'lien-ket.csv'))
    mkdirSync(join(inbox, 'thang-10'))
    writeNationalCsv(join(inbox, 'thang-10'), 'trong-thu-muc.csv')
    expect(spawnSync('mkfifo', [join(inbox, 'ong-dan.csv')]).status).toBe(0)
    writeFileSync(Buffer.concat([Buffer.from(`${inbox}/`), BAD_NAME]), 'x')
    if (canChattr) {
      writeNationalCsv(inbox, 'chattr-i.csv', { day: 9, seed: 9 })
      expect(spawnSync('chattr', ['+i', join(inbox, 'chattr-i.csv')]).status).toBe(0)
      immutable.push(join(inbox, 'chattr-i.csv'))
    }
    const r = cli(home, ['refresh', '--json'], {
      QD766_TEST_FAULT: 'claim:ebusy:antivirus,archive:eperm:archive-tu-choi',
    })
    first = { code: r.code, json: JSON.parse(r.stdout) as RefreshJson, stderr: r.stderr }
    status = cliJson<StatusJson>(home, ['status', '--json']).json
  })
  afterAll(() => {
    for (const p of immutable) spawnSync('chattr', ['-i', p])
  })

  it('the run completes: good files land, the rest are reported, not fatal', () => {
    expect(first.code, first.stderr).toBe(1) // the stray-byte file is rejected
    const byName = new Map(first.json.files.map((f) => [f.file, f]))
    expect(byName.get('tot.csv')?.status).toBe('accepted')
    expect(byName.get('tuong-lai.csv')?.status).toBe('accepted') // future mtime: taken once stable
    expect(byName.get(LONG)?.status).toBe('accepted')
  })

  it('a file that cannot be taken out of the inbox is skipped with the reason; the others go on', () => {
    const skipped = new Map(first.json.skipped.map((s) => [s.name, s]))
    expect(skipped.get('bi-khoa-boi-antivirus.csv')).toMatchObject({
      code: 'cannot-claim',
      reason: expect.stringMatching(/không lấy được tệp ra khỏi inbox.*EBUSY/),
    })
    if (canChattr)
      expect(skipped.get('chattr-i.csv')).toMatchObject({
        code: 'cannot-claim',
        reason: expect.stringMatching(/EPERM/),
      })
    expect(ls(join(home, 'inbox'))).toContain('bi-khoa-boi-antivirus.csv')
    const entry = status.inbox.entries.find((e) => e.name === 'bi-khoa-boi-antivirus.csv')
    expect(entry).toMatchObject({ state: 'skipped', code: 'cannot-claim' })
    expect(status.attention.join('\n')).toMatch(/bi-khoa-boi-antivirus\.csv: bỏ qua: không lấy được/)
  })

  it('a file the archive refuses after the commit stays in work/, says why, and the next run moves it', () => {
    const f = first.json.files.find((o) => o.file === 'archive-tu-choi.csv')!
    expect(f.status).toBe('accepted')
    expect(f.notMoved).toMatch(/chưa chuyển được vào archive\/ .*EPERM/)
    expect(inWork(home).map((p) => p.split('/')[1])).toEqual(['archive-tu-choi.csv'])
    expect(status.inbox.workNotes).toEqual([
      { name: 'archive-tu-choi.csv', reason: expect.stringMatching(/EPERM/) },
    ])
    expect(status.attention.join('\n')).toMatch(/work\/archive-tu-choi\.csv: đã ghi nhận nhưng chưa chuyển/)
  })

  it('a 250-byte Vietnamese name already in archive/ gets a shortened unique name that fits', () => {
    const f = first.json.files.find((o) => o.file === LONG)!
    const stored = f.storedAs!.split('/').at(-1)!
    expect(bytes(stored)).toBeLessThanOrEqual(255)
    expect(stored).toMatch(/-[0-9a-f]{8}\.csv$/)
    expect(stored.normalize('NFC')).toBe(stored) // whole characters: valid UTF-8, nothing split
    expect(ls(join(home, 'archive'))).toEqual(expect.arrayContaining([LONG, stored]))
  })

  it('control characters never reach stored names', () => {
    expect(first.json.files.map((f) => f.file)).toContain('bang_xep_hang_.csv')
    const names = query<{ file_name: string }>(home, 'SELECT file_name FROM file_events').map(
      (r) => r.file_name,
    )
    for (const n of names) expect(n).not.toMatch(/[\u0000-\u001f\u007f]/)
    expect(ls(join(home, 'archive'))).toContain('bang_xep_hang_.csv')
  })

  it('symlinks, sub-folders, FIFOs and names that are not UTF-8 are reported, never taken', () => {
    const skipped = new Map(first.json.skipped.map((s) => [s.code, s]))
    expect(skipped.get('symlink')).toMatchObject({
      name: 'lien-ket.csv',
      reason: expect.stringMatching(/symlink/),
    })
    expect(skipped.get('directory')).toMatchObject({
      name: 'thang-10',
      reason: expect.stringMatching(/thư mục con/),
    })
    expect(skipped.get('special')).toMatchObject({
      name: 'ong-dan.csv',
      reason: expect.stringMatching(/FIFO/),
    })
    expect(skipped.get('bad-name')).toMatchObject({
      name: 'b\\xe1ng\\xff.csv',
      reason: expect.stringMatching(/không phải UTF-8/),
    })
    const states = Object.fromEntries(status.inbox.entries.map((e) => [e.name, [e.state, e.code]]))
    expect(states).toMatchObject({
      'lien-ket.csv': ['skipped', 'symlink'],
      'thang-10': ['skipped', 'directory'],
      'ong-dan.csv': ['skipped', 'special'],
      'b\\xe1ng\\xff.csv': ['skipped', 'bad-name'],
    })
  })

  it('a UTF-8 file with one stray byte says which encoding problem it has, and where', () => {
    const f = first.json.files.find((o) => o.file === 'mot-byte-la.csv')!
    expect(f.status).toBe('rejected')
    expect(f.errorDetail).toMatchObject({ code: 'encoding', row: 9, found: expect.stringMatching(/0xF4/) })
    expect(f.error).toMatch(/UTF-8 nhưng có 1 byte không hợp lệ; byte đầu tiên là 0xF4 ở dòng 9/)
  })

  it('the next run, with the locks gone, takes what was skipped and finishes the move', () => {
    for (const p of immutable.splice(0)) spawnSync('chattr', ['-i', p])
    const again = cliJson<RefreshJson>(home, ['refresh', '--json'])
    expect(again.code, again.stderr).toBe(0)
    const got = Object.fromEntries(again.json.files.map((f) => [f.file, f.status]))
    expect(got).toMatchObject({ 'archive-tu-choi.csv': 'accepted', 'bi-khoa-boi-antivirus.csv': 'accepted' })
    if (canChattr) expect(got['chattr-i.csv']).toBe('accepted')
    expect(inWork(home)).toEqual([])
    expect(ls(join(home, 'archive'))).toContain('archive-tu-choi.csv')
    // archive-tu-choi.csv was committed once: the second run only moved it
    expect(
      query(home, "SELECT count(*) AS n FROM source_files WHERE file_name = 'archive-tu-choi.csv'"),
    ).toEqual([{ n: 1 }])
  })
})

describe('ingest of something that is not a file', () => {
  it.each([
    { what: 'a FIFO', make: (p: string) => spawnSync('mkfifo', [p]), says: /không phải tệp thông thường/ },
    { what: 'a folder', make: (p: string) => mkdirSync(p), says: /là một thư mục/ },
  ])('$what: a usage error (exit 2), no hang, no stack trace, no run holding the lease', (c) => {
    const home = tempHome()
    const path = join(tempDir('arg-'), 'x.csv')
    c.make(path)
    const r = cli(home, ['ingest', path])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(c.says)
    expect(r.stderr).not.toMatch(/^\s+at /m)
    const db = join(home, 'qd766.sqlite')
    expect(existsSync(db) ? query(home, 'SELECT id FROM runs') : []).toEqual([])
  })
})

describe('a 250-byte name rejected: the error report fits beside it', () => {
  it('rejected/<name>.error.json exists and every name is within 255 bytes', () => {
    const home = tempHome()
    const name = longVietnameseName(246)
    writeNationalCsv(join(home, 'inbox'), name, { bad: true })
    const r = cli(home, ['refresh'])
    expect(r.code, r.stderr).toBe(1)
    const files = ls(join(home, 'rejected'))
    expect(files).toHaveLength(2)
    for (const f of files) expect(bytes(f)).toBeLessThanOrEqual(255)
    expect(files.find((f) => f.endsWith('.error.json'))).toBe(
      `${files.find((f) => f.endsWith('.csv'))}.error.json`,
    )
  })
})
