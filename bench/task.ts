/**
 * One measurement, run by bench/run.ts in its own child process so that its peak memory (maxRSS)
 * is its own. Prints one JSON line on stdout.
 *
 *   parse  <file...>   parse-only baseline: the same files read with the same libraries our readers
 *                      use (exceljs streaming for .xlsx, csv-parse for .csv, parse5 for the HTML-.xls
 *                      export, JSON.parse for captures), rows discarded
 *   ingest <home>      `refresh` of the home's inbox, in-process (openApp + runJob), as the CLI does
 *   history <home>     full rescore + re-rank of everything in the database, then `ranking` and
 *                      `province` latency (median of N warm calls)
 *   publish <home> <url> <new-file>
 *                      `qd766 publish` of the whole history into a fresh warehouse schema, a republish
 *                      (nothing changed), then one new national file refreshed and published again
 */
import { copyFileSync, createReadStream, mkdirSync, rmSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { parse as parseCsv } from 'csv-parse'
import ExcelJS from 'exceljs'
import { parse as parseHtml } from 'parse5'
import { openApp, runJob } from '../src/app.ts'
import { materialisePortalScores } from '../src/mart/portal-scores.ts'
import { publishHomeDir } from '../src/publish/publish-home.ts'
import { getProvinceReport } from '../src/report/province.ts'
import { getRanking } from '../src/report/ranking.ts'
import { snapshotPending } from '../src/snapshot/take.ts'

const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024)

async function parseXlsx(path: string): Promise<number> {
  let rows = 0
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(path), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  })
  for await (const ws of reader) for await (const _row of ws) rows++
  return rows
}

async function parseCsvFile(path: string): Promise<number> {
  const bytes = await readFile(path)
  const text = new TextDecoder('utf-8').decode(bytes)
  const parser = parseCsv({
    delimiter: [',', ';', '\t'],
    relax_column_count: true,
    relax_quotes: true,
    bom: true,
  })
  let rows = 0
  const done = (async () => {
    for await (const _r of parser) rows++
  })()
  parser.write(text)
  parser.end()
  await done
  return rows
}

async function parseHtmlFile(path: string): Promise<number> {
  const doc = parseHtml(new TextDecoder('utf-8').decode(await readFile(path)))
  let rows = 0
  const walk = (n: { childNodes?: unknown[]; tagName?: string }) => {
    if (n.tagName === 'tr') rows++
    for (const c of (n.childNodes ?? []) as Array<{ childNodes?: unknown[]; tagName?: string }>) walk(c)
  }
  walk(doc as never)
  return rows
}

async function parseJsonFile(path: string): Promise<number> {
  const doc = JSON.parse(await readFile(path, 'utf8')) as { response?: { data?: Record<string, unknown> } }
  const data = doc.response?.data ?? {}
  const list = (data.evaluation ?? data.children ?? []) as unknown[]
  return list.length + 1
}

async function parseOnly(files: string[]) {
  const start = performance.now()
  let rows = 0
  for (const f of files) {
    const ext = extname(f).toLowerCase()
    rows +=
      ext === '.xlsx'
        ? await parseXlsx(f)
        : ext === '.csv'
          ? await parseCsvFile(f)
          : ext === '.json'
            ? await parseJsonFile(f)
            : await parseHtmlFile(f)
  }
  return { files: files.length, rows, ms: performance.now() - start, peakMb: peakMb() }
}

async function ingest(home: string) {
  const app = openApp(home)
  try {
    const start = performance.now()
    const r = await runJob(app, { command: 'refresh' })
    const ms = performance.now() - start
    const bad = r.outcomes.filter((o) => o.status !== 'accepted')
    return {
      files: r.outcomes.length,
      rows: r.outcomes.reduce((n, o) => n + (o.rows ?? 0), 0),
      rejected: bad.map((o) => `${o.file}: ${o.status} ${o.error ?? ''}`.slice(0, 300)),
      snapshots: r.snapshots.length,
      ms,
      peakMb: peakMb(),
    }
  } finally {
    await app.close()
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

async function history(home: string, scratch: string) {
  // Rescore on a copy: the measured home keeps its history for the latency part.
  rmSync(scratch, { recursive: true, force: true })
  mkdirSync(scratch, { recursive: true })
  const src = openApp(home)
  const counts = src.store.raw
    .prepare(
      `SELECT (SELECT count(*) FROM stg_readings) AS readings, (SELECT count(*) FROM snapshots) AS snapshots,
              (SELECT count(*) FROM snapshot_rows) AS snapshotRows, (SELECT count(*) FROM stg_portal_captures) AS captures,
              (SELECT count(*) FROM source_files) AS files, (SELECT sum(rows) FROM source_files) AS sourceRows`,
    )
    .get() as Record<string, number>
  await src.store.backup(join(scratch, 'qd766.sqlite.tmp'))
  await src.close()
  copyFileSync(join(scratch, 'qd766.sqlite.tmp'), join(scratch, 'qd766.sqlite'))
  const app = openApp(scratch)
  let rescoreMs: number
  let rescored: { scoreSets: number; readings: number; snapshots: number }
  try {
    const db = app.store.raw
    // Everything derived goes: portal score sets and the readings made from them, every snapshot.
    db.pragma('foreign_keys = OFF')
    db.exec(`
      DELETE FROM findings WHERE snapshot_id IS NOT NULL OR kind = 'score-mismatch';
      DELETE FROM snapshot_rows; DELETE FROM snapshots;
      DELETE FROM stg_province_scores WHERE reading_id IN (SELECT id FROM stg_readings WHERE kind LIKE 'portal%');
      DELETE FROM mart_portal_reading_scores; DELETE FROM mart_portal_readings;
      DELETE FROM stg_readings WHERE kind LIKE 'portal%';
      DELETE FROM mart_metric_scores; DELETE FROM mart_group_scores; DELETE FROM mart_portal_scores;`)
    db.pragma('foreign_keys = ON')
    const start = performance.now()
    const mart = materialisePortalScores(app.store, app.registry, { runId: null })
    const snaps = snapshotPending(app.store, app.registry, app.config, null)
    rescoreMs = performance.now() - start
    rescored = { scoreSets: mart.scoreSets.length, readings: mart.readings.length, snapshots: snaps.length }
  } finally {
    await app.close()
    rmSync(scratch, { recursive: true, force: true })
  }

  const live = openApp(home)
  try {
    const { store, registry } = live
    const N = 25
    const time = (fn: () => unknown) => {
      fn() // warm: prepared statements, page cache
      const xs: number[] = []
      for (let i = 0; i < N; i++) {
        const t = performance.now()
        fn()
        xs.push(performance.now() - t)
      }
      return { medianMs: median(xs), maxMs: Math.max(...xs) }
    }
    const latestPeriod = store.raw
      .prepare(
        "SELECT period, max(as_of) AS asOf FROM snapshots WHERE period_type = 'year' GROUP BY period ORDER BY period LIMIT 1",
      )
      .get() as { period: string; asOf: string } | undefined
    const queries: Record<string, { medianMs: number; maxMs: number }> = {
      'ranking (latest)': time(() => getRanking(store)),
      'ranking --by MDSH': time(() => getRanking(store, { by: 'MDSH' })),
      'province "Đắk Lắk" (latest)': time(() => getProvinceReport(store, registry, 'Đắk Lắk')),
    }
    if (latestPeriod) {
      queries[`ranking --period ${latestPeriod.period} --as-of ${latestPeriod.asOf}`] = time(() =>
        getRanking(store, { period: latestPeriod.period, asOf: latestPeriod.asOf }),
      )
      queries[`province "Hà Nội" --period ${latestPeriod.period}`] = time(() =>
        getProvinceReport(store, registry, 'Hà Nội', { period: latestPeriod.period }),
      )
    }
    return { counts, rescoreMs, rescored, queries, peakMb: peakMb() }
  } finally {
    await live.close()
  }
}

async function publishBench(home: string, url: string, newFile: string) {
  const schema = `bench_${Date.now().toString(36)}`
  const timed = async () => {
    const start = performance.now()
    const o = await publishHomeDir(home, { to: url, schema })
    const ms = performance.now() - start
    if (!o?.ok) throw new Error(`publish failed: ${o ? o.error.message : 'no target'}`)
    return { ms, rows: o.result.rowsWritten, upToDate: o.result.upToDate }
  }
  const full = await timed()
  const noop = await timed()
  copyFileSync(newFile, join(home, 'inbox', newFile.split('/').at(-1)!))
  const app = openApp(home)
  try {
    await runJob(app, { command: 'refresh' })
  } finally {
    await app.close()
  }
  const incremental = await timed()
  return { full, noop, incremental, peakMb: peakMb() }
}

const [mode, ...args] = process.argv.slice(2)
let result: unknown
if (mode === 'parse') result = await parseOnly(args)
else if (mode === 'ingest') result = await ingest(args[0]!)
else if (mode === 'history') result = await history(args[0]!, args[1]!)
else if (mode === 'publish') result = await publishBench(args[0]!, args[1]!, args[2]!)
else throw new Error(`bench/task.ts: unknown mode ${mode}`)
process.stdout.write(`${JSON.stringify(result)}\n`)
