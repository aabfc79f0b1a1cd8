/**
 * Issue 13: a big table's raw rows and units are spooled to files by the parse worker as they are
 * read (CHUNK_ITEMS a chunk) and read back by the load (src/pipeline/spool.ts,
 * src/ingest/parse-stream.ts); lists of at most a chunk travel in the worker's reply. What is stored
 * must be exactly what the parse gave, in order, either way; no spool file outlives the run; and a
 * failure while the rows are read back is not the file's fault.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateProvincialExport } from '../../bench/generate.ts'
import { PIPELINES } from '../../pipelines/index.ts'
import { openApp, runJob } from '../../src/app.ts'
import { readRawRows } from '../../src/db/raw-rows.ts'
import { parseFile } from '../../src/ingest/parse-file.ts'
import { createLogger } from '../../src/log.ts'
import { CHUNK_ITEMS } from '../../src/pipeline/spool.ts'
import { isParsedProvincialTable } from '../../src/provincial/table-types.ts'
import { cli, tempHome } from '../helpers.ts'
import { inWork, ls, query } from './inbox-helpers.ts'

describe('big lists cross from the parse worker as spool files', () => {
  // spooled: 2 full chunks and a partial one, a chunk and one unit; in the reply: exactly one chunk.
  it.each([2 * CHUNK_ITEMS + 123, CHUNK_ITEMS + 1, CHUNK_ITEMS])(
    'a provincial export of %i units is stored exactly as parsed, in order',
    async (units) => {
      const home = tempHome({ province: 'Thanh Hóa' })
      const file = await generateProvincialExport(join(home, 'inbox', `so-hoa-${units}.xls`), units)
      const app = openApp(home)
      try {
        const parsed = await parseFile(
          {
            config: app.config,
            registry: app.registry,
            pipelines: PIPELINES,
            log: createLogger({ level: 'silent' }),
          },
          file,
          `so-hoa-${units}.xls`,
        )
        const [sheet] = parsed.sheets
        if (!sheet || !isParsedProvincialTable(sheet.parsed)) throw new Error('not a provincial table')
        const table = { ...sheet.parsed, units: [...sheet.parsed.units] }
        expect(table.units).toHaveLength(units)

        const result = await runJob(app, { command: 'ingest' })
        expect(result.outcomes.map((o) => [o.status, o.rows])).toEqual([['accepted', units]])
        const db = app.store.raw
        const stored = db
          .prepare(
            'SELECT row_number AS row, name_as_written AS name, stt FROM stg_unit_rows ORDER BY reading_id, rowid',
          )
          .all()
        expect(stored).toEqual(table.units.map((u) => ({ row: u.row, name: u.name, stt: u.stt })))
        const facts = db.prepare('SELECT count(*) AS n FROM stg_unit_facts').get()
        expect(facts).toEqual({ n: table.units.reduce((n, u) => n + u.facts.length, 0) })
        const fileId = db.prepare('SELECT id FROM source_files').pluck().get()
        expect(typeof fileId).toBe('number')
        expect(readRawRows(app.store, Number(fileId), sheet.sheet)).toEqual([...sheet.raw])
        expect(inWork(home)).toEqual([]) // the spool files went with the load
      } finally {
        await app.close()
      }
    },
  )

  it('a failure while the load reads the spooled rows back fails the run and blames no file', async () => {
    const home = tempHome({ province: 'Thanh Hóa' })
    const units = CHUNK_ITEMS + 100 // spooled, so the fault point is reached
    await generateProvincialExport(join(home, 'inbox', 'so-hoa-big.xls'), units)
    const r = cli(home, ['refresh'], { QD766_TEST_FAULT: 'pull:bug:so-hoa' })
    expect(r.code, r.stderr).toBe(4)
    expect(r.stderr).toMatch(/lỗi của chương trình qd766/)
    expect(r.stderr).toMatch(/so-hoa-big\.xls/)
    expect(r.stderr).toMatch(/không bị từ chối/)
    expect(ls(join(home, 'inbox'))).toEqual(['so-hoa-big.xls'])
    expect(ls(join(home, 'rejected'))).toEqual([])
    expect(inWork(home)).toEqual([])
    // nothing of the file was kept: the load's transaction rolled back
    expect(query(home, 'SELECT count(*) AS n FROM source_files')).toEqual([{ n: 0 }])
    expect(query(home, 'SELECT count(*) AS n FROM stg_unit_rows')).toEqual([{ n: 0 }])
    expect(query(home, 'SELECT count(*) AS n FROM raw_rows')).toEqual([{ n: 0 }])
    // and the next run, without the fault, takes it
    const again = cli(home, ['refresh'])
    expect(again.code, again.stderr).toBe(0)
    expect(ls(join(home, 'archive'))).toEqual(['so-hoa-big.xls'])
    expect(query(home, 'SELECT count(*) AS n FROM stg_unit_rows')).toEqual([{ n: units }])
  })
})
