/**
 * A file's parse: read -> recognise -> validate and map, everything before the database
 * transaction. No database access and no writes, so it can run anywhere: in the ingesting process
 * or inside the parse worker that bounds its memory and time (parse-budget.ts).
 */
import type { Config } from '../config/config.ts'
import { QdError } from '../errors.ts'
import { t } from '../i18n/index.ts'
import type { Logger } from '../log.ts'
import { ReparseSheet } from '../pipeline/reparse.ts'
import { type Spool, SpoolArea } from '../pipeline/spool.ts'
import type { ParsedTable, Pipeline, PipelineContext } from '../pipeline/types.ts'
import { openWorkbook, readJson } from '../read/open.ts'
import { DEFAULT_LIMITS, type ReadLimits, type Row } from '../read/types.ts'
import type { ProvinceRegistry } from '../reference/provinces.ts'
import { injectFault } from '../testing/faults.ts'
import { familiesHelp, PREVIEW_ROWS, recogniseJson, recogniseTable } from './recognise.ts'

/** What a parse needs: no store, no home (a worker has neither). */
export interface ParseEnv {
  config: Config
  registry: ProvinceRegistry
  pipelines: Pipeline[]
  log: Logger
  onRows?: (file: string, rows: number) => void
  /** Where this parse's big lists spill (the home's work/.spool); none: they stay in memory. */
  spools?: SpoolArea
}

const NO_HINTS: ReadonlySet<string> = new Set()

export interface ParsedFile {
  format: string
  encoding: string | null
  sheets: ParsedSheet[]
  /** The JSON document as stored in raw_documents (JSON inputs only). */
  json: string | null
}

export function readLimits(config: Config): ReadLimits {
  return {
    ...DEFAULT_LIMITS,
    maxFileBytes: config.limits.maxFileMegabytes * 1024 * 1024,
    maxRows: config.limits.maxRows,
    maxCellChars: config.limits.maxCellCharacters,
    maxFileTextChars: config.limits.maxFileTextCharacters,
    maxSpanCells: config.limits.maxSpanCells,
    maxNesting: config.limits.maxNesting,
  }
}

export interface ParsedSheet {
  pipeline: Pipeline
  sheet: string
  parsed: ParsedTable
  /** The sheet's rows as read, header band included (spooled: a big export is not held whole). */
  raw: Spool<Row>
}

/**
 * Reads and validates the whole file; throws QdError when it must be rejected. No database writes.
 * A sheet whose pipeline asks to be read again (reparse.ts) is: the whole file from the start, the
 * first reading's lists dropped.
 */
export async function parseFile(env: ParseEnv, path: string, fileName: string): Promise<ParsedFile> {
  const hints = new Map<string, Set<string>>()
  for (;;) {
    const spools = env.spools ?? new SpoolArea(null)
    try {
      return await parseOnce(env, path, fileName, spools, hints)
    } catch (err) {
      spools.dispose()
      if (!(err instanceof ReparseSheet)) throw err
      const seen = hints.get(err.sheet) ?? new Set<string>()
      // (a hint that did not settle the sheet would loop: a bug, never the file's fault)
      if (seen.has(err.hint)) throw new Error(`${err.message}, a second time`)
      hints.set(err.sheet, seen.add(err.hint))
      env.log.debug({ file: fileName, sheet: err.sheet, hint: err.hint }, 'sheet read again')
    }
  }
}

async function parseOnce(
  env: ParseEnv,
  path: string,
  fileName: string,
  spools: SpoolArea,
  hints: ReadonlyMap<string, ReadonlySet<string>>,
): Promise<ParsedFile> {
  const ctx: PipelineContext = { fileName, registry: env.registry, config: env.config, spools }
  const limits = readLimits(env.config)
  injectFault('worker', fileName, 'read')
  const wb = await openWorkbook(path, limits)
  if (wb.format === 'json') {
    const doc = await readJson(path, limits)
    const p = recogniseJson(doc, env.pipelines, ctx)
    if (!p) {
      throw new QdError(
        'unrecognised',
        t('error.unrecognised.json', { families: familiesHelp(env.pipelines) }),
      )
    }
    const parsed = p.parse(doc, ctx)
    return {
      format: 'json',
      encoding: 'utf-8',
      sheets: [{ pipeline: p, sheet: 'json', parsed, raw: spools.spool<Row>() }],
      json: JSON.stringify(doc),
    }
  }
  const sheets: ParsedSheet[] = []
  const seenSheets: string[] = []
  for await (const sheet of wb.sheets) {
    seenSheets.push(sheet.name)
    const iterator = sheet.rows[Symbol.asyncIterator]()
    try {
      const preview: Row[] = []
      while (preview.length < PREVIEW_ROWS) {
        const next = await iterator.next()
        if (next.done) break
        preview.push(next.value)
      }
      const hit = recogniseTable(preview, env.pipelines, ctx)
      if (!hit) {
        // Not ours (a notes sheet, a chart's data): drain so the streaming reader can move on.
        for (let n = await iterator.next(); !n.done; n = await iterator.next()) {}
        env.log.debug({ file: fileName, sheet: sheet.name }, 'sheet not recognised; skipped')
        continue
      }
      const raw = spools.spool<Row>()
      for (const r of preview) raw.push(r)
      const dataStart = preview.findIndex((r) => r.rowNumber > hit.header.lastRow)
      const buffered = dataStart < 0 ? [] : preview.slice(dataStart)
      let count = 0
      const onRows = env.onRows
      async function* dataRows(): AsyncGenerator<Row> {
        for (const r of buffered) yield r
        for (let n = await iterator.next(); !n.done; n = await iterator.next()) {
          raw.push(n.value)
          if (onRows && ++count % 5000 === 0) onRows(fileName, count)
          yield n.value
        }
      }
      const pipeline = hit.pipeline
      const parsed = await pipeline.parse({
        sheet: sheet.name,
        header: hit.header,
        rows: dataRows(),
        ctx,
        hints: hints.get(sheet.name) ?? NO_HINTS,
      })
      sheets.push({ pipeline, sheet: sheet.name, parsed, raw })
    } finally {
      // A sheet left before its end (a row the pipeline refused, a sheet to read again) lets go of
      // its reader now: the HTML reader holds the file open while it streams. (Returning a
      // finished reader does nothing; an error while letting go must not hide the one that stopped.)
      await iterator.return?.().catch(() => {})
    }
  }
  if (sheets.length === 0) {
    throw new QdError(
      'unrecognised',
      t('error.unrecognised.sheets', {
        sheets: seenSheets.map((s) => `"${s}"`).join(', ') || t('common.none'),
        families: familiesHelp(env.pipelines),
      }),
      { expected: t('error.unrecognised.sheets.expected') },
    )
  }
  return { format: wb.format, encoding: wb.encoding ?? null, sheets, json: null }
}
