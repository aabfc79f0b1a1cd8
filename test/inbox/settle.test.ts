/**
 * Issue 10 §2: `cp FILE inbox/ && qd766 ingest` takes the file in the same run. Files dropped a
 * moment ago are waited for (bounded by inbox.settleWaitSeconds) until they are minFileAgeSeconds
 * old and unchanged across stableWaitMs; one still not settled when the wait ends is listed by
 * `ingest --json` as "status": "waiting" with the reason, and stays in the inbox for the next run.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cliJson, tempHome } from '../helpers.ts'
import { ls, writeNationalCsv } from './inbox-helpers.ts'

interface Row {
  file: string
  status: string
  reason?: string
  code?: string
}

function homeWith(inbox: Record<string, number>) {
  const home = tempHome()
  writeFileSync(join(home, 'qd766.config.json'), JSON.stringify({ inbox }))
  return home
}

describe('files dropped a moment ago', () => {
  it('a file copied in just now is taken by the same run (default settle rules)', () => {
    const home = homeWith({}) // minFileAgeSeconds 2, stableWaitMs 300, settleWaitSeconds 10
    writeNationalCsv(join(home, 'inbox'), 'vua-chep.csv', { old: false })
    const r = cliJson<Row[]>(home, ['ingest', '--json'])
    expect(r.code, r.stderr).toBe(0)
    expect(r.json.map((o) => [o.file, o.status])).toEqual([['vua-chep.csv', 'accepted']])
    expect(ls(join(home, 'inbox'))).toEqual([])
  })

  it('a file that cannot settle within the bound is listed as waiting, with the reason', () => {
    // 60 s of required age cannot be reached in a 1 s wait: the file is left for the next run
    const home = homeWith({ minFileAgeSeconds: 60, settleWaitSeconds: 1 })
    writeNationalCsv(join(home, 'inbox'), 'cu.csv')
    writeNationalCsv(join(home, 'inbox'), 'moi.csv', { old: false, seed: 9, day: 6 })
    const r = cliJson<Row[]>(home, ['ingest', '--json'])
    expect(r.code, r.stderr).toBe(0)
    expect(r.json.map((o) => [o.file, o.status])).toEqual([
      ['cu.csv', 'accepted'],
      ['moi.csv', 'waiting'],
    ])
    expect(r.json[1]).toMatchObject({ code: 'too-young', reason: expect.stringMatching(/60 giây/) })
    expect(ls(join(home, 'inbox'))).toEqual(['moi.csv'])
  })

  it('settleWaitSeconds 0 keeps the old behaviour: a fresh file waits for the next run', () => {
    const home = homeWith({ minFileAgeSeconds: 60, settleWaitSeconds: 0 })
    writeNationalCsv(join(home, 'inbox'), 'vua-chep.csv', { old: false })
    const r = cliJson<Row[]>(home, ['ingest', '--json'])
    expect(r.json.map((o) => [o.file, o.status])).toEqual([['vua-chep.csv', 'waiting']])
  })
})
