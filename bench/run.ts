/**
 * `npm run bench` (not part of the test suite): generates large realistic inputs, measures ingest
 * against a parse-only baseline of the same files, peak memory as a file grows, a full rescore and
 * re-rank of the whole history, `ranking`/`province` latency on that history, and the web dashboard
 * under 20 concurrent clients (bench/serve-load.ts), and, where Debian's python3-pandas is
 * installed, the same files read by pandas in the same run (bench/pandas-baseline.py; the bench
 * installs nothing and says "skipped" otherwise). Prints a markdown report and writes it to
 * bench/RESULTS.md (with the machine it ran on), and every figure to bench/RESULTS.json.
 *
 *   npm run bench               full size (a year of daily readings, 12 months of portal captures,
 *                               provincial exports of 20k/60k/200k unit rows); ~8-10 min on 2 cores
 *   npm run bench -- --quick    a small slice of each (a minute or two), same report
 *   --keep                      keep bench/.out (inputs are regenerated every run otherwise)
 *
 * Every measurement runs in its own child process, so each peak-memory figure is that step's alone.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, freemem, loadavg, totalmem } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { encodeCsv } from '../fixtures/lib/write-csv.ts'
import { nationalTable, titleLines } from '../fixtures/national.ts'
import {
  generateNationalYear,
  generatePortalYear,
  generateProvincialExport,
  generateProvincialXlsx,
} from './generate.ts'
import { loadServe } from './serve-load.ts'

const ROOT = resolve(import.meta.dirname, '..')
const OUT = join(ROOT, 'bench', '.out')
const argv = new Set(process.argv.slice(2))
const quick = argv.has('--quick')
/** Only the warehouse figures: build the history home (national + portal), publish it, print that. */
const warehouseOnly = argv.has('--warehouse')

const SIZE = quick
  ? { days: 30, portalMonths: 1, portalProvinces: 34, units: 150, provincial: [5_000, 10_000, 20_000] }
  : { days: 365, portalMonths: 12, portalProvinces: 34, units: 150, provincial: [20_000, 60_000, 200_000] }

const log = (s: string) => process.stderr.write(`${s}\n`)

/** Every page and API route of the dashboard, on the benchmark's history (66 = Đắk Lắk, with captures). */
const SERVE_ROUTES = [
  '/',
  '/?by=MDSH',
  '/province/66',
  '/province/66?whatIf=3.3:55%25',
  '/units/66',
  '/data',
  `/sql?q=${encodeURIComponent('SELECT rank, name, total FROM v_latest_ranking ORDER BY rank')}`,
  '/api/ranking',
  '/api/province/66',
  '/api/status',
  `/api/sql?q=${encodeURIComponent('SELECT rank, name, total FROM v_latest_ranking ORDER BY rank')}`,
  '/healthz',
]
const SERVE_REQUESTS = quick ? 2_400 : 12_000

/**
 * The measured code is what users run: `qd766` runs the bundle bin/build.js makes (esbuild, no
 * tsx loader, no keepNames wrappers), so bin/build.js bundles bench/task.ts beside its parse worker
 * with the CLI's own options, two folders below the root like .build/cli.
 * Measuring through tsx instead would charge every run tsx's module loading (in the ingesting
 * thread and again in the parse worker) and every closure esbuild's __name helper.
 */
const TASK_BUNDLE = join(ROOT, '.build', 'bench', 'task.js')
function buildTaskBundle(): void {
  execFileSync(
    process.execPath,
    [join(ROOT, 'bin', 'build.js'), dirname(TASK_BUNDLE), join('bench', 'task.ts')],
    {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  )
}

function task<T>(mode: string, args: string[]): T {
  const t = Date.now()
  const out = execFileSync(process.execPath, [TASK_BUNDLE, mode, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, QD766_LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  log(`  ${mode}: ${sec(Date.now() - t)}`)
  return JSON.parse(out.trim().split('\n').at(-1)!) as T
}

interface Measured {
  files: number
  rows: number
  ms: number
  peakMb: number
}
interface Ingested extends Measured {
  rejected: string[]
  snapshots: number
}

function newHome(dir: string, config: Record<string, unknown> = {}): string {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(join(dir, 'inbox'), { recursive: true })
  writeFileSync(
    join(dir, 'qd766.config.json'),
    JSON.stringify({ inbox: { minFileAgeSeconds: 0, stableWaitMs: 0 }, ...config }, null, 2),
  )
  return dir
}

function bytes(files: string[]): number {
  return files.reduce((n, f) => n + statSync(f).size, 0)
}

/** Targets (issue 13): ingest within 1.5× of parsing alone; queries and the full rescore. */
const TARGET = {
  ingestRatio: 1.5,
  queryMs: 50,
  rescoreMs: 2_000,
  pandasProvincial: 0.5,
  pandasCsv: 1.5,
  memoryGrowth: 1.3,
  memoryMb: 400,
}

interface PandasRun {
  files: number
  rows: number
  ms: number
}

/** Which pandas readers this machine has (Debian's python3-pandas, -lxml, -openpyxl), or why not. */
function pandasReaders(): { html: boolean; excel: boolean; csv: boolean; note: string } {
  const has = (mods: string) =>
    spawnSync('python3', ['-c', `import ${mods}`], { stdio: 'ignore' }).status === 0
  if (!has('pandas'))
    return { html: false, excel: false, csv: false, note: 'python3-pandas is not installed' }
  const lxml = has('lxml')
  const openpyxl = has('openpyxl')
  const missing = [lxml ? null : 'python3-lxml', openpyxl ? null : 'python3-openpyxl'].filter(Boolean)
  return {
    html: lxml,
    excel: openpyxl,
    csv: true,
    note: missing.length ? `${missing.join(', ')} not installed` : '',
  }
}

function pandasTask(mode: 'html' | 'excel' | 'csv', files: string[]): PandasRun | null {
  const t = Date.now()
  const r = spawnSync('python3', [join(ROOT, 'bench', 'pandas-baseline.py'), mode, ...files], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  })
  log(`  pandas ${mode}: ${sec(Date.now() - t)}${r.status === 0 ? '' : ' (failed)'}`)
  if (r.status !== 0) {
    log(`  ${(r.stderr ?? '').trim().split('\n').slice(-3).join('\n  ')}`)
    return null
  }
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as PandasRun
}

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`
const num = (n: number) => Math.round(n).toLocaleString('en-US')
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`

async function main() {
  const started = Date.now()
  const freeAtStart = freemem()
  const loadAtStart = loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')
  rmSync(OUT, { recursive: true, force: true })
  mkdirSync(OUT, { recursive: true })
  buildTaskBundle()

  // ---- inputs ------------------------------------------------------------------------------------
  log(`generating inputs (${quick ? 'quick' : 'full'} size)...`)
  const inputs = {
    'national-63': await generateNationalYear(join(OUT, 'in', 'national-63'), {
      cohort: 63,
      days: SIZE.days,
      format: 'xlsx',
    }),
    'national-34': await generateNationalYear(join(OUT, 'in', 'national-34'), {
      cohort: 34,
      days: SIZE.days,
      format: 'csv',
    }),
    portal: generatePortalYear(join(OUT, 'in', 'portal'), {
      months: SIZE.portalMonths,
      units: SIZE.units,
      provinces: SIZE.portalProvinces,
    }),
  }
  const provincial: Array<{ rows: number; file: string }> = []
  for (const rows of warehouseOnly ? [] : SIZE.provincial) {
    mkdirSync(join(OUT, 'in', 'provincial'), { recursive: true })
    provincial.push({
      rows,
      file: await generateProvincialExport(join(OUT, 'in', 'provincial', `so-hoa-${rows}.xls`), rows),
    })
  }
  // The largest export also re-saved as .xlsx: the same table through the streaming xlsx reader.
  const provincialXlsx = warehouseOnly
    ? undefined
    : await generateProvincialXlsx(
        join(OUT, 'in', 'provincial', `so-hoa-${SIZE.provincial.at(-1)}.xlsx`),
        SIZE.provincial.at(-1)!,
      )
  log(`  done in ${sec(Date.now() - started)}`)

  // ---- ingest vs parse-only, per family; national + portal accumulate into one history home --------
  const historyHome = newHome(join(OUT, 'history-home'))
  const families: Array<{
    name: string
    what: string
    files: string[]
    parse: Measured
    ingest: Ingested
  }> = []
  const describe: Record<string, string> = {
    'national-63': `national table, 63 provinces, .xlsx (${SIZE.days} daily readings of 2024)`,
    'national-34': `national table, 34 provinces, CSV UTF-8 (${SIZE.days} daily readings of 2026)`,
    portal: `portal API captures, ${SIZE.portalProvinces} provinces × ${SIZE.portalMonths} months × 6 endpoints, ${SIZE.units} units each`,
  }
  for (const [name, files] of Object.entries(inputs)) {
    log(`${name}: parse-only baseline (${files.length} files, ${mb(bytes(files))})...`)
    const parse = warehouseOnly ? { files: 0, rows: 0, ms: 1, peakMb: 0 } : task<Measured>('parse', files)
    log(`${name}: ingest...`)
    for (const f of files) copyFileSync(f, join(historyHome, 'inbox', basename(f)))
    const ingest = task<Ingested>('ingest', [historyHome])
    if (ingest.rejected.length) log(`  NOT ACCEPTED: ${ingest.rejected.slice(0, 5).join('\n  ')}`)
    families.push({ name, what: describe[name]!, files, parse, ingest })
  }
  const growth: Array<{ rows: number; bytes: number; parse: Measured; ingest: Ingested }> = []
  for (const p of warehouseOnly ? [] : provincial) {
    log(`provincial export ${num(p.rows)} rows (${mb(statSync(p.file).size)}): parse-only, then ingest...`)
    const parse = task<Measured>('parse', [p.file])
    const home = newHome(join(OUT, `provincial-home-${p.rows}`), { province: 'Thanh Hóa' })
    copyFileSync(p.file, join(home, 'inbox', basename(p.file)))
    const ingest = task<Ingested>('ingest', [home])
    if (ingest.rejected.length) log(`  NOT ACCEPTED: ${ingest.rejected.join('\n  ')}`)
    growth.push({ rows: p.rows, bytes: statSync(p.file).size, parse, ingest })
    rmSync(home, { recursive: true, force: true })
  }
  const largest = growth.at(-1)!
  if (!warehouseOnly)
    families.push({
      name: `provincial-${largest.rows}`,
      what: `provincial one-stop export (T1 digitisation, HTML-.xls), ${num(largest.rows)} unit rows, one file`,
      files: [provincial.at(-1)!.file],
      parse: largest.parse,
      ingest: largest.ingest,
    })
  if (provincialXlsx) {
    log(`provincial export ${num(largest.rows)} rows as .xlsx: parse-only, then ingest...`)
    const parse = task<Measured>('parse', [provincialXlsx])
    const home = newHome(join(OUT, 'provincial-home-xlsx'), { province: 'Thanh Hóa' })
    copyFileSync(provincialXlsx, join(home, 'inbox', basename(provincialXlsx)))
    const ingest = task<Ingested>('ingest', [home])
    if (ingest.rejected.length) log(`  NOT ACCEPTED: ${ingest.rejected.join('\n  ')}`)
    families.push({
      name: `provincial-xlsx-${largest.rows}`,
      what: `provincial one-stop export re-saved as .xlsx, ${num(largest.rows)} unit rows, one file`,
      files: [provincialXlsx],
      parse,
      ingest,
    })
    rmSync(home, { recursive: true, force: true })
  }

  // ---- pandas on the same files, same run ---------------------------------------------------------------
  const readers = warehouseOnly ? { html: false, excel: false, csv: false, note: '' } : pandasReaders()
  const pandasRows: Array<{
    name: string
    what: string
    reader: string
    files: number
    ingestMs: number
    pandas: PandasRun | null
    skipped: string | null
    target: number | null
  }> = []
  if (!warehouseOnly) {
    const family = (name: string) => families.find((f) => f.name === name)!
    const plan: Array<{
      name: string
      mode: 'html' | 'excel' | 'csv'
      reader: string
      target: number | null
    }> = [
      {
        name: `provincial-${largest.rows}`,
        mode: 'html',
        reader: 'read_html (lxml)',
        target: TARGET.pandasProvincial,
      },
      { name: 'national-34', mode: 'csv', reader: 'read_csv, one call per file', target: TARGET.pandasCsv },
      { name: 'national-63', mode: 'excel', reader: 'read_excel (openpyxl)', target: null },
    ]
    for (const p of plan) {
      const f = family(p.name)
      const available = readers[p.mode]
      log(`pandas ${p.reader} on ${f.name}${available ? '...' : `: skipped (${readers.note})`}`)
      const run = available ? pandasTask(p.mode, f.files) : null
      pandasRows.push({
        name: f.name,
        what: f.what,
        reader: p.reader,
        files: f.files.length,
        ingestMs: f.ingest.ms,
        pandas: run,
        skipped: available ? (run ? null : 'pandas failed on these files (see the log)') : readers.note,
        target: p.target,
      })
    }
  }

  // ---- history ---------------------------------------------------------------------------------------
  log('history: full rescore + re-rank, then query latency...')
  const history = (
    warehouseOnly
      ? null
      : task<{
          counts: Record<string, number>
          rescoreMs: number
          rescored: { scoreSets: number; readings: number; snapshots: number }
          queries: Record<string, { medianMs: number; maxMs: number }>
          peakMb: number
        }>('history', [historyHome, join(OUT, 'rescore-scratch')])
  )!

  // ---- web dashboard under load ---------------------------------------------------------------------
  if (!warehouseOnly) log(`serve: ${SERVE_REQUESTS} requests from 20 concurrent clients on 127.0.0.1...`)
  const serveStarted = Date.now()
  const served = (
    warehouseOnly
      ? null
      : await loadServe(ROOT, historyHome, {
          routes: SERVE_ROUTES,
          total: SERVE_REQUESTS,
          connections: 20,
        })
  )!
  if (!warehouseOnly) log(`  serve: ${sec(Date.now() - serveStarted)}`)

  // ---- warehouse: publish the history to PostgreSQL ---------------------------------------------------
  // A server from QD766_BENCH_PG_URL / QD766_TEST_PG_URL, else a throwaway one (bin/test-postgres.sh).
  type Timed = { ms: number; rows: number; upToDate: boolean }
  let warehouse: { full: Timed; noop: Timed; incremental: Timed; peakMb: number } | null = null
  let warehouseNote = ''
  let pgUrl = process.env.QD766_BENCH_PG_URL ?? process.env.QD766_TEST_PG_URL ?? ''
  let pgDir = ''
  if (!pgUrl) {
    try {
      const out = execFileSync(join(ROOT, 'bin', 'test-postgres.sh'), ['start'], { encoding: 'utf8' })
      pgUrl = /QD766_TEST_PG_URL='([^']+)'/.exec(out)?.[1] ?? ''
      pgDir = /QD766_TEST_PG_DIR='([^']+)'/.exec(out)?.[1] ?? ''
    } catch (err) {
      warehouseNote = `no PostgreSQL server to publish to (${(err as Error).message.split('\n')[0]})`
    }
  }
  if (pgUrl) {
    log('warehouse: full publish, republish, one new national file...')
    const t = nationalTable({ cohort: 34, seed: 4242, title: titleLines('2027', '2027-01-05') })
    const newFile = join(OUT, 'in', 'xep-hang-2027-2027-01-05.csv')
    writeFileSync(newFile, encodeCsv(t.grid.rows, { encoding: 'utf-8-bom', delimiter: ',' }))
    try {
      warehouse = task('publish', [historyHome, pgUrl, newFile])
    } finally {
      if (pgDir) execFileSync(join(ROOT, 'bin', 'test-postgres.sh'), ['stop', pgDir])
    }
  }

  // ---- report --------------------------------------------------------------------------------------
  const cpu = cpus()
  const gb = (b: number) => `${(b / 1024 ** 3).toFixed(1)} GB`
  const machine = `${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${gb(totalmem())} RAM (${gb(freeAtStart)} free at start), Node ${process.version}, ${process.platform} ${process.arch}, load average at start ${loadAtStart}`
  const lines: string[] = []
  if (warehouseOnly) {
    process.stdout.write(`${warehouseLines().join('\n')}\n`)
    process.stdout.write(`(${machine}; history home: ${historyHome})\n`)
    return
  }
  lines.push(`## Performance`, '')
  lines.push(
    `Measured by \`npm run bench${quick ? ' -- --quick' : ''}\` on ${new Date().toISOString().slice(0, 10)}: ${machine}. ` +
      `Inputs are generated (bench/generate.ts) from the same fixture builders the tests use. Each step runs in its own process, from a bundle built the way \`npm ci\` builds the CLI's (esbuild; the ingest code as users run it, not through tsx); ` +
      `"parse-only" reads the same files with the same libraries (exceljs streaming, csv-parse, parse5, JSON.parse) and discards ` +
      `the rows, so the ratio is the cost of our own work (cell normalisation, recognition, validation, the SQLite writes of ` +
      `raw rows and facts with one durable commit per group of files, archive moves, scoring and snapshots) on top of parsing.`,
    '',
  )
  lines.push('### Ingest per input family', '')
  lines.push(
    '| input | files | size | rows stored | parse-only | ingest | ingest rows/s | ingest ÷ parse-only | peak RSS parse / ingest |',
  )
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|')
  for (const f of families) {
    const ratio = f.ingest.ms / f.parse.ms
    lines.push(
      `| ${f.what} | ${num(f.files.length)} | ${mb(bytes(f.files))} | ${num(f.ingest.rows)} | ${sec(f.parse.ms)} | ${sec(f.ingest.ms)} | ${num((f.ingest.rows / f.ingest.ms) * 1000)} | **${ratio.toFixed(1)}×** ${ratio <= TARGET.ingestRatio ? '✓' : '✗'} (target ≤ ${TARGET.ingestRatio}×) | ${f.parse.peakMb} / ${f.ingest.peakMb} MB |`,
    )
  }
  lines.push('', '### Peak memory as one file grows (provincial export, HTML-.xls)', '')
  lines.push(
    '| unit rows | file size | parse-only peak RSS | ingest peak RSS | ingest time | ingest ÷ parse-only |',
  )
  lines.push('|---:|---:|---:|---:|---:|---:|')
  for (const g of growth)
    lines.push(
      `| ${num(g.rows)} | ${mb(g.bytes)} | ${g.parse.peakMb} MB | ${g.ingest.peakMb} MB | ${sec(g.ingest.ms)} | ${(g.ingest.ms / g.parse.ms).toFixed(1)}× |`,
    )
  const first = growth[0]!
  const flat = largest.ingest.peakMb / first.ingest.peakMb
  const flatOk = flat <= TARGET.memoryGrowth && largest.ingest.peakMb <= TARGET.memoryMb
  lines.push(
    '',
    `Peak RSS grows ${flat.toFixed(2)}× for ${(largest.rows / first.rows).toFixed(0)}× the rows, to ${largest.ingest.peakMb} MB; target ≤ ${TARGET.memoryGrowth}× and ≤ ${TARGET.memoryMb} MB ${flatOk ? '✓' : '✗ (see notes)'}.`,
  )
  lines.push('', '### Against pandas, same files, same run', '')
  if (pandasRows.every((p) => p.pandas === null)) {
    lines.push(`pandas: skipped (${readers.note || 'not run'}; the bench installs nothing).`)
  } else {
    lines.push('| input | pandas reader | files | pandas | ingest | ingest ÷ pandas | target |')
    lines.push('|---|---|---:|---:|---:|---:|---:|')
    for (const p of pandasRows) {
      const ratio = p.pandas ? p.ingestMs / p.pandas.ms : null
      lines.push(
        `| ${p.what} | \`${p.reader}\` | ${num(p.files)} | ${p.pandas ? sec(p.pandas.ms) : `skipped (${p.skipped})`} | ${sec(p.ingestMs)} | ${ratio === null ? '–' : `**${ratio.toFixed(2)}×**`} | ${p.target === null ? '' : `≤ ${p.target}× ${ratio === null ? '' : ratio <= p.target ? '✓' : '✗'}`} |`,
      )
    }
    lines.push(
      '',
      'pandas only reads the tables into data frames; ingest also validates, stores every raw row and fact with its provenance, archives the files and ranks.',
    )
  }
  lines.push('', '### History: rescore, re-rank and queries', '')
  const c = history.counts
  lines.push(
    `History in the database: ${num(c.files!)} source files, ${num(c.sourceRows!)} source rows, ${num(c.readings!)} readings, ` +
      `${num(c.snapshots!)} snapshots (${num(c.snapshotRows!)} ranked rows), ${num(c.captures!)} portal captures.`,
    '',
  )
  lines.push(
    `Full rescore + re-rank of all history (every portal score set, every portal reading, every snapshot): **${sec(history.rescoreMs)}** ` +
      `(${num(history.rescored.scoreSets)} score sets, ${num(history.rescored.readings)} portal readings, ${num(history.rescored.snapshots)} snapshots); ` +
      `target ≤ ${sec(TARGET.rescoreMs)} ${history.rescoreMs <= TARGET.rescoreMs ? '✓' : '✗'}.`,
    '',
  )
  lines.push('| query (in-process, warm, 25 runs) | median | max | target |')
  lines.push('|---|---:|---:|---:|')
  for (const [q, t] of Object.entries(history.queries))
    lines.push(
      `| \`${q}\` | ${t.medianMs.toFixed(1)} ms | ${t.maxMs.toFixed(1)} ms | < ${TARGET.queryMs} ms ${t.medianMs < TARGET.queryMs ? '✓' : '✗'} |`,
    )
  lines.push('')
  lines.push('### Web dashboard (`qd766 serve`) under load', '')
  lines.push(
    `The real server (its own process) over that history, ${served.connections} concurrent clients (autocannon) on 127.0.0.1, ` +
      `${num(served.requests)} requests after a warm-up. Server time is each response's Server-Timing (the server's own work); ` +
      `client p97.5 includes waiting behind the other ${served.connections - 1} clients on the one Node thread.`,
    '',
  )
  lines.push('| route | requests | non-2xx | server p50 | server p95 | client p97.5 | target (server p95) |')
  lines.push('|---|---:|---:|---:|---:|---:|---:|')
  for (const r of served.routes)
    lines.push(
      `| \`${r.route.length > 60 ? `${r.route.slice(0, 57)}…` : r.route}\` | ${num(r.requests)} | ${r.non2xx} | ${r.serverP50Ms.toFixed(1)} ms | ${r.serverP95Ms.toFixed(1)} ms | ${r.clientP975Ms} ms | ≤ 50 ms ${r.serverP95Ms <= 50 ? '✓' : '✗'} |`,
    )
  lines.push(
    '',
    `Server memory (RSS): ${served.rssStartMb} MB at start, ${served.rssAfterWarmupMb} MB after the warm-up, ${served.rssEndMb} MB after ${num(served.requests)} requests` +
      ` (${served.rssEndMb - served.rssAfterWarmupMb <= Math.max(15, served.rssAfterWarmupMb * 0.15) ? 'flat' : 'growing — see notes'}).`,
    '',
  )
  lines.push(...warehouseLines())
  function warehouseLines(): string[] {
    const lines: string[] = []
    lines.push('### Warehouse: `qd766 publish` of that history to PostgreSQL', '')
    if (warehouse) {
      const w = warehouse
      lines.push(
        '| publish (in its own process, to a PostgreSQL on this machine) | rows written | time | target |',
      )
      lines.push('|---|---:|---:|---:|')
      lines.push(
        `| full: the whole history into an empty schema | ${num(w.full.rows)} | ${sec(w.full.ms)} | ≤ 10 s ${w.full.ms <= 10_000 ? '✓' : '✗'} |`,
      )
      lines.push(`| republish, nothing changed | ${num(w.noop.rows)} | ${sec(w.noop.ms)} | |`)
      lines.push(
        `| incremental: one new national file (refreshed first, not timed) | ${num(w.incremental.rows)} | ${sec(w.incremental.ms)} | ≤ 0.5 s ${w.incremental.ms <= 500 ? '✓' : '✗'} |`,
      )
      lines.push(
        '',
        `Peak RSS of the publishing process: ${w.peakMb} MB. Times include connecting and checking the warehouse's migrations.`,
        '',
      )
    } else lines.push(`Not measured: ${warehouseNote}.`, '')
    return lines
  }
  // Notes: what the figures mean, from profiling this code; each only when its figures call for it.
  const notes: string[] = []
  const small = families.filter((f) => f.name.startsWith('national') || f.name === 'portal')
  if (small.some((f) => f.ingest.ms / f.parse.ms > TARGET.ingestRatio)) {
    const perFile = small
      .map((f) => `${f.name} ${((f.ingest.ms - f.parse.ms) / f.files.length).toFixed(0)} ms`)
      .join(', ')
    notes.push(
      `Small files miss the ${TARGET.ingestRatio}× target because of a fixed cost per file and per run, not per row (ingest − parse-only per file: ${perFile}): ` +
        'handing each file to the parse worker that bounds its memory and time and its reply back, hashing, the records ' +
        'of each file (its own transaction; one fsync per group of files, not per file), the raw rows or document as ' +
        'received (for the portal captures, 0.7 MB of JSON a file) and the archive rename. Profile of 204 captures: ' +
        "the ingesting thread's ~10 ms a file is mostly the file's transaction (~6 ms: SQLite inserting its ~150 units, " +
        '~1,000 metrics and their parameters ~2.5 ms, the commit that writes them and the document to the WAL ~2.5 ms), ' +
        "then the hand-off and the parse-attempt record; the worker's ~7 ms is reading, validating (zod) and the reply. " +
        'The parse-only baseline is JSON.parse alone (~1.6 ms a capture): storing what a capture holds costs more than ' +
        'that by itself, so this target is out of reach while every unit, metric and the document as received are kept. ' +
        'The worker and the ingesting thread take turns (the worker parses a file while the thread waits, then the ' +
        'thread loads it); handing the next file to the worker before the current one loads was tried (120 daily CSVs, ' +
        '408 captures) and gained nothing measurable. Parsing a 34-row CSV takes a few milliseconds, so any per-file ' +
        'work multiplies the ratio; rows/s is the figure to watch for these families.',
    )
  }
  if (!flatOk) {
    notes.push(
      'Memory no longer holds the file: the HTML-.xls reader reads it a megabyte at a time, each row is checked as ' +
        'it streams and each unit and raw row goes to a spool file in work/.spool as it is settled ' +
        '(src/pipeline/spool.ts); the load reads the files back a chunk at a time, and the parse worker is stopped ' +
        "before the load, so the parse's heap and the load's are never added up. What still grows with the rows is " +
        'small but multiplied: one key per unit for duplicate names and codes (~20 MB at 200,000 units) lives in the ' +
        'worker, and V8 lets a heap reach several times what survives a collection before it collects again (the ' +
        "worker's live set is 30-50 MB, its heap ~200 MB, garbage waiting). The parse-only column builds the whole " +
        'DOM and grows with the file by design.',
    )
  }
  if (largest.ingest.ms / largest.parse.ms > TARGET.ingestRatio)
    notes.push(
      'On large provincial exports (profile of a 60,000-row export, the bundle, quiet machine) the worker spends ' +
        "~6 s of CPU: parse5's tokeniser and tree builder ~1.5 s (the parse-only baseline is that alone), reading, " +
        'classifying and checking the rows ~2 s, serialising the spooled units and raw rows ~0.5 s (units in a flat ' +
        'form, src/provincial/unit-codec.ts: half of what objects cost), garbage ~0.9 s. The ingesting thread then ' +
        'spends ~8.5 s: SQLite inserting ~360,000 rows (units, typed cells, four facts a unit, raw rows, with their ' +
        'keys, indexes and foreign keys) ~3.4 s, the commit ~1.1 s, reading the spool back ~0.7 s, typed cells as ' +
        'JSON ~0.6 s, resolving units ~0.6 s, garbage ~0.8 s. The two run one after the other: the load starts when ' +
        'the parse has ended, because the province and the table-wide checks are known only then. Overlapping them ' +
        "(writing raw rows and units as the parse spools them, inside the file's transaction, and the reading's " +
        'header last) is the step that would take this ratio down next; the store itself costs more than parse5.',
    )
  if (notes.length) lines.push('### Notes', '', ...notes.map((n) => `- ${n}`), '')
  lines.push(`Whole benchmark: ${sec(Date.now() - started)}.`, '')
  const report = lines.join('\n')
  process.stdout.write(`${report}\n`)
  writeFileSync(join(ROOT, 'bench', 'RESULTS.md'), `${report}\n`)
  // Every figure, machine-readable (times in ms, memory in MB, sizes in bytes).
  const json = {
    date: new Date().toISOString(),
    size: quick ? 'quick' : 'full',
    machine: {
      cpu: cpu[0]?.model.trim() ?? null,
      cores: cpu.length,
      totalMemBytes: totalmem(),
      freeMemBytesAtStart: freeAtStart,
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      loadAverageAtStart: loadAtStart.split(' / ').map(Number),
    },
    targets: TARGET,
    families: families.map((f) => ({
      name: f.name,
      what: f.what,
      files: f.files.length,
      bytes: bytes(f.files),
      rowsStored: f.ingest.rows,
      parseMs: f.parse.ms,
      ingestMs: f.ingest.ms,
      ingestRowsPerSecond: (f.ingest.rows / f.ingest.ms) * 1000,
      ingestOverParse: f.ingest.ms / f.parse.ms,
      meetsTarget: f.ingest.ms / f.parse.ms <= TARGET.ingestRatio,
      parsePeakMb: f.parse.peakMb,
      ingestPeakMb: f.ingest.peakMb,
      rejected: f.ingest.rejected,
      snapshots: f.ingest.snapshots,
    })),
    growth: growth.map((g) => ({
      unitRows: g.rows,
      bytes: g.bytes,
      parseMs: g.parse.ms,
      ingestMs: g.ingest.ms,
      parsePeakMb: g.parse.peakMb,
      ingestPeakMb: g.ingest.peakMb,
    })),
    pandas: pandasRows.map((p) => ({
      name: p.name,
      reader: p.reader,
      files: p.files,
      pandasMs: p.pandas?.ms ?? null,
      pandasRows: p.pandas?.rows ?? null,
      ingestMs: p.ingestMs,
      ingestOverPandas: p.pandas ? p.ingestMs / p.pandas.ms : null,
      target: p.target,
      skipped: p.skipped,
    })),
    history: {
      counts: history.counts,
      rescoreMs: history.rescoreMs,
      rescored: history.rescored,
      queries: history.queries,
      peakMb: history.peakMb,
    },
    serve: served,
    warehouse: warehouse ?? { skipped: warehouseNote },
    wholeMs: Date.now() - started,
  }
  writeFileSync(join(ROOT, 'bench', 'RESULTS.json'), `${JSON.stringify(json, null, 2)}\n`)
  log(`written: bench/RESULTS.md, bench/RESULTS.json${argv.has('--keep') ? ` (inputs kept in ${OUT})` : ''}`)
  if (!argv.has('--keep')) rmSync(OUT, { recursive: true, force: true })
}

await main()
