/**
 * Parse ahead (src/ingest/parse-ahead.ts): the next file is parsed while the current one loads.
 * The outcomes, records and files must be what one file at a time gives (group-commit.test.ts
 * compares whole homes for the same batches); here: that the parse ahead really happens, that a
 * file parsed ahead whose bytes turn out to be a duplicate of the file before it is still a
 * duplicate (its turn checks what was committed by then), that a bad file parsed ahead is
 * rejected at its own turn, and that no parse attempt outlives the run.
 */
import { copyFileSync, mkdirSync, utimesSync } from 'node:fs'
import { join } from 'node:path'
import pino from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { type App, openApp } from '../../src/app.ts'
import { ingestBatch } from '../../src/ingest/batch.ts'
import { stopParseWorker } from '../../src/ingest/parse-budget.ts'
import { startRun } from '../../src/run/runs.ts'
import { tempDir, tempHome } from '../helpers.ts'
import { query, writeNationalCsv } from './inbox-helpers.ts'

const opened: App[] = []
afterEach(async () => {
  await stopParseWorker()
  for (const app of opened.splice(0)) await app.close()
})

describe('parse ahead', () => {
  it('parses each next file while the current one loads; outcomes are those of one file at a time', async () => {
    const home = tempHome()
    const inbox = join(home, 'inbox')
    writeNationalCsv(inbox, 'a.csv', { day: 1, seed: 1 })
    // b has a's bytes: parsed ahead while a loads, a duplicate at its own turn
    const dir = tempDir('ahead-')
    mkdirSync(dir, { recursive: true })
    writeNationalCsv(dir, 'a.csv', { day: 1, seed: 1 })
    copyFileSync(join(dir, 'a.csv'), join(inbox, 'b.csv'))
    writeNationalCsv(inbox, 'c.csv', { day: 2, seed: 2, bad: true })
    writeNationalCsv(inbox, 'd.csv', { day: 3, seed: 3 })
    // the inbox is taken oldest first: a, b, c, d
    for (const [i, name] of ['a.csv', 'b.csv', 'c.csv', 'd.csv'].entries()) {
      const when = new Date(Date.UTC(2026, 9, 10, 0, 0, i))
      utimesSync(join(inbox, name), when, when)
    }

    const lines: Array<{ msg: string; file?: string }> = []
    const log = pino({ level: 'debug' }, { write: (l: string) => lines.push(JSON.parse(l)) })
    const app = openApp(home, { log })
    opened.push(app)
    const runId = startRun(app.store, { trigger: 'manual', command: 'ingest', runKey: 'test' })
    const result = await ingestBatch({ ...app, runId })

    expect(result.outcomes.map((o) => [o.file, o.status])).toEqual([
      ['a.csv', 'accepted'],
      ['b.csv', 'duplicate'],
      ['c.csv', 'rejected'],
      ['d.csv', 'accepted'],
    ])
    // b was parsed ahead while a loaded (a was not stored yet), then found a duplicate at its turn,
    // which parses nothing (so c is parsed at its own turn); d was parsed ahead while c was rejected
    const ahead = lines.filter((l) => l.msg.startsWith('parsing ahead')).map((l) => l.file)
    expect(ahead).toEqual(['b.csv', 'd.csv'])
    expect(query(home, 'SELECT file_name FROM source_files ORDER BY id')).toEqual([
      { file_name: 'a.csv' },
      { file_name: 'd.csv' },
    ])
    expect(query(home, 'SELECT sha256 FROM parse_attempts')).toEqual([])
    const code = (result.outcomes[2]!.errorDetail as { code?: string } | null)?.code
    expect(code).toBeTruthy()
    expect(code).not.toBe('internal')
  }, 60_000)
})
