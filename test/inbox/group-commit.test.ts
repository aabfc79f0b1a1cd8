/**
 * Group commit (src/ingest/group-commit.ts): the files of a run share one durable commit, each file
 * still in its own transaction. For each batch below, the same inputs are ingested twice, in-process
 * on real homes: in groups (small bounds, so a batch spans several groups) and one durable commit
 * per file (a batch without a run, the path without groups). Outcomes, the records and the files in
 * archive/ and rejected/ must be the same; a bad file is rejected alone while its group-mates land.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, utimesSync } from 'node:fs'
import { join, relative } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { type App, openApp } from '../../src/app.ts'
import { ingestBatch } from '../../src/ingest/batch.ts'
import { CommitGroup } from '../../src/ingest/group-commit.ts'
import { ingestFile } from '../../src/ingest/ingest-file.ts'
import { stopParseWorker } from '../../src/ingest/parse-budget.ts'
import { startRun } from '../../src/run/runs.ts'
import { tempDir, tempHome } from '../helpers.ts'
import { inWork, ls, query, writeNationalCsv } from './inbox-helpers.ts'

interface Input {
  name: string
  day: number
  seed?: number
  bad?: boolean
  /** Left in work/ by a run that died before reading it (taken first, before the inbox). */
  leftover?: boolean
}

interface Case {
  name: string
  inputs: Input[]
  /** Files per group (the bound that ends a group here). */
  groupFiles: number
  expect: Record<string, 'accepted' | 'duplicate' | 'rejected'>
}

const CASES: Case[] = [
  {
    name: 'a bad file in the middle of a group',
    inputs: [
      { name: 'a.csv', day: 1 },
      { name: 'b.csv', day: 2, bad: true },
      { name: 'c.csv', day: 3 },
    ],
    groupFiles: 10,
    expect: { 'a.csv': 'accepted', 'b.csv': 'rejected', 'c.csv': 'accepted' },
  },
  {
    name: 'bad files first and last, groups of two',
    inputs: [
      { name: 'a.csv', day: 1, bad: true },
      { name: 'b.csv', day: 2 },
      { name: 'c.csv', day: 3 },
      { name: 'd.csv', day: 4 },
      { name: 'e.csv', day: 5, bad: true },
    ],
    groupFiles: 2,
    expect: {
      'a.csv': 'rejected',
      'b.csv': 'accepted',
      'c.csv': 'accepted',
      'd.csv': 'accepted',
      'e.csv': 'rejected',
    },
  },
  {
    name: 'the same bytes twice in one group',
    inputs: [
      { name: 'a.csv', day: 1, seed: 5 },
      { name: 'b.csv', day: 1, seed: 5 },
      { name: 'c.csv', day: 2 },
    ],
    groupFiles: 10,
    expect: { 'a.csv': 'accepted', 'b.csv': 'duplicate', 'c.csv': 'accepted' },
  },
  {
    name: 'two files of one group named alike (a leftover and an inbox file) get distinct archive names',
    inputs: [
      { name: 'x.csv', day: 1, leftover: true },
      { name: 'x.csv', day: 2 },
      { name: 'y.csv', day: 3, leftover: true, bad: true },
      { name: 'y.csv', day: 4, bad: true },
    ],
    groupFiles: 10,
    expect: { 'x.csv': 'accepted', 'y.csv': 'rejected' },
  },
]

const opened: App[] = []
afterEach(async () => {
  await stopParseWorker()
  for (const app of opened.splice(0)) await app.close()
})

/** Writes the inputs once; both homes get copies with the same bytes and times. */
function writeInputs(inputs: Input[]): Array<Input & { path: string }> {
  const dir = tempDir('group-inputs-')
  return inputs.map((input, i) => {
    const sub = join(dir, String(i))
    mkdirSync(sub)
    writeNationalCsv(sub, input.name, { day: input.day, seed: input.seed ?? input.day, bad: input.bad })
    return { ...input, path: join(sub, input.name) }
  })
}

function homeWith(inputs: Array<Input & { path: string }>): string {
  const home = tempHome()
  for (const input of inputs) {
    const dir = input.leftover ? join(home, 'work', 'run-1-1') : join(home, 'inbox')
    mkdirSync(dir, { recursive: true })
    const to = join(dir, input.name)
    copyFileSync(input.path, to)
    const when = new Date('2026-10-10T00:00:00Z')
    utimesSync(to, when, when)
  }
  return home
}

async function ingest(home: string, group: number | null) {
  const app = openApp(home)
  opened.push(app)
  const runId =
    group === null ? null : startRun(app.store, { trigger: 'manual', command: 'ingest', runKey: 'test' })
  const result = await ingestBatch({
    ...app,
    runId,
    group: group === null ? undefined : new CommitGroup({ files: group, bytes: 1e12, ms: 1e12 }),
  })
  const rel = (p: string | null) => (p === null ? null : relative(home, p))
  return {
    outcomes: result.outcomes.map((o) => ({
      file: o.file,
      status: o.status,
      kind: o.kind,
      rows: o.rows,
      storedAs: rel(o.storedAs),
      code: (o.errorDetail as { code?: string } | null)?.code ?? null,
      notMoved: o.notMoved ?? null,
    })),
    events: query<{ file_name: string; status: string; stored_as: string | null; error_code: string | null }>(
      home,
      'SELECT file_name, status, stored_as, error_code FROM file_events ORDER BY id',
    ).map((e) => ({ ...e, stored_as: e.stored_as && rel(e.stored_as) })),
    sources: query<{ file_name: string; sha256: string; rows: number; archived_as: string }>(
      home,
      'SELECT file_name, sha256, rows, archived_as FROM source_files ORDER BY id',
    ).map((s) => ({ ...s, archived_as: rel(s.archived_as) })),
    archive: ls(join(home, 'archive'))
      .filter((n) => n !== 'duplicates')
      .map((n) => [n, readFileSync(join(home, 'archive', n)).length]),
    duplicates: ls(join(home, 'archive', 'duplicates')),
    rejected: ls(join(home, 'rejected')),
    work: inWork(home),
    inbox: ls(join(home, 'inbox')),
    attempts: query(home, 'SELECT sha256 FROM parse_attempts'),
  }
}

describe('group commit: a bad file is rejected alone, and everything is as with one commit per file', () => {
  it.each(CASES)(
    '$name',
    async (c) => {
      const inputs = writeInputs(c.inputs)
      const grouped = await ingest(homeWith(inputs), c.groupFiles)
      const perFile = await ingest(homeWith(inputs), null)

      for (const o of grouped.outcomes) expect(o.status, o.file).toBe(c.expect[o.file])
      expect(grouped.outcomes).toHaveLength(c.inputs.length)
      // a rejected file leaves no data behind; its batch-mates landed with theirs
      const rejected = grouped.outcomes.filter((o) => o.status === 'rejected')
      expect(grouped.sources).toHaveLength(grouped.outcomes.filter((o) => o.status === 'accepted').length)
      expect(grouped.rejected).toHaveLength(rejected.length * 2) // each file beside its .error.json
      expect(grouped.work).toEqual([])
      expect(grouped.inbox).toEqual([])
      expect(grouped.attempts).toEqual([])
      // nothing moved over another file: every input is somewhere, under its own name
      const stored = grouped.archive.length + grouped.duplicates.length + grouped.rejected.length / 2
      expect(stored).toBe(c.inputs.length)

      expect(grouped).toEqual(perFile)
    },
    60_000,
  )
})

describe('group commit: a run that dies before its group is durable', () => {
  it('the next run finishes the moves from the records: nothing lost, nothing twice', async () => {
    // a byte-identical copy whose name sorts first (taken first from work/), a bad file, two good
    const inputs = writeInputs([
      { name: 'b.csv', day: 1, seed: 9, leftover: true },
      { name: 'a-copy-of-b.csv', day: 1, seed: 9, leftover: true },
      { name: 'c.csv', day: 2, bad: true, leftover: true },
      { name: 'd.csv', day: 3, leftover: true },
    ])
    const home = homeWith(inputs)
    const work = join(home, 'work', 'run-1-1')
    // The dead run: b.csv, c.csv and d.csv recorded in its group, never committed; it died before
    // it came to the copy (claimed, in work/, not read).
    const dead = openApp(home)
    opened.push(dead)
    const runId = startRun(dead.store, { trigger: 'manual', command: 'ingest', runKey: 'dead' })
    const env = { ...dead, runId, group: new CommitGroup() }
    for (const name of ['b.csv', 'c.csv', 'd.csv'])
      await ingestFile(env, join(work, name), { recovered: true })
    expect(readdirSync(work).sort()).toEqual(['a-copy-of-b.csv', 'b.csv', 'c.csv', 'd.csv'])
    dead.store.raw.prepare("UPDATE runs SET status = 'abandoned' WHERE id = ?").run(runId)

    const next = await ingest(home, 10)
    const events = (name: string) => next.events.filter((e) => e.file_name === name).map((e) => e.status)
    expect(events('b.csv')).toEqual(['accepted'])
    expect(events('a-copy-of-b.csv')).toEqual(['duplicate'])
    expect(events('c.csv')).toEqual(['rejected'])
    expect(events('d.csv')).toEqual(['accepted'])
    expect(next.sources.map((s) => s.file_name).sort()).toEqual(['b.csv', 'd.csv'])
    expect(next.archive.map(([n]) => n)).toEqual(['b.csv', 'd.csv'])
    expect(next.duplicates).toEqual(['a-copy-of-b.csv'])
    expect(next.rejected).toEqual(['c.csv', 'c.csv.error.json'])
    expect(next.work).toEqual([])
    expect(next.outcomes.every((o) => o.notMoved === null)).toBe(true)
  }, 60_000)
})
