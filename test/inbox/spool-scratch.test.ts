/**
 * The parse's scratch (work/.spool, src/pipeline/spool.ts) is nobody's file: a crash can leave spool
 * files behind, and the next run removes them instead of taking them up as leftovers to ingest, and
 * `status` does not list them as files waiting in work/.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cliJson, tempHome } from '../helpers.ts'
import { inWork, ls, writeNationalCsv } from './inbox-helpers.ts'

interface StatusJson {
  inbox: { entries: Array<{ name: string; state: string }> }
}
interface RefreshJson {
  files: Array<{ file: string; status: string }>
}

describe("a crashed run's parse scratch", () => {
  it('is removed by the next run, never ingested, never listed as waiting', () => {
    const home = tempHome()
    const spool = join(home, 'work', '.spool')
    mkdirSync(spool, { recursive: true })
    writeFileSync(join(spool, '4242-1-1.spool'), Buffer.from([0xff, 0x0d, 0x00, 0x01]))
    const before = cliJson<StatusJson>(home, ['status', '--json'])
    expect(before.code).toBe(0)
    expect(JSON.stringify(before.json)).not.toContain('4242-1-1.spool')

    writeNationalCsv(join(home, 'inbox'), 'bxh.csv')
    const run = cliJson<RefreshJson>(home, ['refresh', '--json'])
    expect(run.code).toBe(0)
    expect(run.json.files.map((f) => [f.file, f.status])).toEqual([['bxh.csv', 'accepted']])
    expect(ls(join(home, 'work'))).not.toContain('.spool')
    expect(inWork(home)).toEqual([])
    expect(ls(join(home, 'rejected'))).toEqual([])
  })
})
