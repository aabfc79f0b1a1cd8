/**
 * The narrow windows of a crash, built exactly rather than hit by chance: a run that recorded a
 * file's outcome (accepted, duplicate, rejected) and died before moving the file leaves the file in
 * work/ and a record pointing at where it should be. The next run must finish the move and record
 * nothing twice. (crash.test.ts kills real processes at random moments; these windows are too
 * short to be hit reliably that way.)
 */
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { basename, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type App, openApp, runJob } from '../../src/app.ts'
import { tempHome } from '../helpers.ts'
import { type BatchFile, canonicalDump, filesIn, hashesUnder, writeNationalBatch } from './ops-helpers.ts'

describe('a run that died between recording a file and moving it', () => {
  let home: string
  let app: App
  let files: BatchFile[]

  beforeEach(async () => {
    home = tempHome()
    files = await writeNationalBatch(join(home, 'inbox'), { files: 2, duplicates: 1, bad: true })
    app = openApp(home)
    const first = await runJob(app, { command: 'refresh' })
    expect(first.outcomes.map((o) => o.status).sort()).toEqual([
      'accepted',
      'accepted',
      'duplicate',
      'rejected',
    ])
  })
  afterEach(async () => {
    await app.close()
    rmSync(home, { recursive: true, force: true })
  })

  /** Puts a stored file back into work/ as the dead run left it. */
  function unmove(storedAs: string): void {
    const dir = join(home, 'work', 'run-999-999')
    mkdirSync(dir, { recursive: true })
    renameSync(storedAs, join(dir, basename(storedAs)))
  }

  const cases: Array<{ status: 'accepted' | 'duplicate' | 'rejected'; where: (f: BatchFile) => string }> = [
    { status: 'accepted', where: (f) => join(home, 'archive', f.name) },
    { status: 'duplicate', where: (f) => join(home, 'archive', 'duplicates', f.name) },
    { status: 'rejected', where: (f) => join(home, 'rejected', f.name) },
  ]
  for (const c of cases) {
    it(`${c.status}: the next run finishes the move and records nothing new`, async () => {
      const before = canonicalDump(app.home.database, home)
      const f = files.find((x) => x.expect === c.status)!
      unmove(c.where(f))
      const again = await runJob(app, { command: 'refresh' })
      expect(again.outcomes).toHaveLength(1)
      expect(again.outcomes[0]).toMatchObject({
        file: f.name,
        status: c.status,
        resumed: true,
        storedAs: c.where(f),
      })
      expect(canonicalDump(app.home.database, home)).toEqual(before)
      expect(filesIn(join(home, 'work'))).toEqual([])
      expect(
        hashesUnder(join(home, 'archive')).size +
          hashesUnder(join(home, 'rejected'), (n) => n.endsWith('.json')).size,
      ).toBe(3)
    })
  }

  it('claimed but never reached: processed normally, first, by the next run', async () => {
    const more = await writeNationalBatch(join(home, 'inbox'), { files: 4, seed: 2 })
    const fresh = more.filter((f) => !files.some((g) => g.sha256 === f.sha256))
    const dir = join(home, 'work', 'run-998-998')
    mkdirSync(dir, { recursive: true })
    renameSync(join(home, 'inbox', fresh[0]!.name), join(dir, fresh[0]!.name))
    const again = await runJob(app, { command: 'refresh' })
    expect(again.outcomes[0]).toMatchObject({ file: fresh[0]!.name, status: 'accepted' })
    expect(again.outcomes[0]!.resumed).toBeUndefined()
    expect(readdirSync(join(home, 'inbox'))).toEqual([])
    expect(again.outcomes.filter((o) => o.status === 'accepted')).toHaveLength(fresh.length)
  })
})
