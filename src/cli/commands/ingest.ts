import { runJob } from '../../app.ts'
import { fmtInt } from '../../i18n/format.ts'
import { t } from '../../i18n/index.ts'
import { kindName, statusName } from '../../i18n/terms.ts'
import { unreadableArguments } from '../../ingest/batch.ts'
import type { FileOutcome } from '../../ingest/ingest-file.ts'
import { defineCommand, EXIT, UsageError } from '../args.ts'
import { appFor, progressLine } from '../context.ts'
import { printJson, renderTable, TERMINAL_WIDTH, truncate, wrap } from '../output.ts'
import { stopOnSignals } from '../signals.ts'
import { printWarehouse, warehouseJson } from './publish-output.ts'

/** The contract's per-file JSON object (cli-contract.md `ingest --json`), plus extension fields. */
export function outcomeJson(o: FileOutcome) {
  return {
    file: o.file,
    sha256: o.sha256,
    status: o.status,
    kind: o.kind,
    rows: o.rows,
    error: o.error,
    errorDetail: o.errorDetail,
    storedAs: o.storedAs,
    ...(o.duplicateOf ? { duplicateOf: o.duplicateOf } : {}),
    ...(o.notMoved ? { notMoved: o.notMoved } : {}),
    findings: o.findings.map((f) => ({
      kind: f.kind,
      severity: f.severity,
      message: f.message,
      row: f.row ?? null,
    })),
  }
}

/** A file the run did not take, in the same shape as an outcome (contract: "status": "waiting"). */
export function notTakenJson(
  w: { name: string; code: string; reason: string },
  status: 'waiting' | 'skipped',
) {
  return {
    file: w.name,
    sha256: null,
    status,
    kind: null,
    rows: null,
    error: null,
    code: w.code,
    reason: w.reason,
  }
}

export function printOutcomes(
  outcomes: FileOutcome[],
  waiting: Array<{ name: string; reason: string }>,
  skipped: Array<{ name: string; reason: string }> = [],
): void {
  if (outcomes.length === 0) process.stdout.write(`${t('ingest.none')}\n`)
  else {
    process.stdout.write(
      `${renderTable(
        [
          t('ingest.h.file'),
          t('ingest.h.result'),
          t('ingest.h.kind'),
          t('ingest.h.rows'),
          t('ingest.h.details'),
        ],
        outcomes.map((o) => [
          truncate(o.file, 40),
          statusName(o.status),
          kindName(o.kind),
          o.rows,
          [
            o.error ??
              o.duplicateOf?.message ??
              (o.findings[0]
                ? t('ingest.findings', { n: o.findings.length, first: o.findings[0].message })
                : ''),
            o.notMoved ?? '',
          ]
            .filter(Boolean)
            .join('; '),
        ]),
        ['l', 'l', 'l', 'r', 'l'],
        { shrink: 4, minWidth: 16 },
      )}\n`,
    )
    // The table cuts long messages to fit the terminal; a rejection is told in full underneath.
    for (const o of outcomes) {
      if (o.status !== 'rejected' || !o.error) continue
      process.stdout.write(
        `\n${wrap(t('ingest.rejected-detail', { file: o.file }))}\n${wrap(o.error, TERMINAL_WIDTH, '  ')}\n`,
      )
    }
  }
  for (const w of waiting)
    process.stdout.write(`${t('inbox.out.waiting', { name: w.name, reason: w.reason })}\n`)
  // the reason reads "bỏ qua: …" / "ignored: …" in the current language
  for (const k of skipped) process.stdout.write(`${k.name}: ${k.reason}\n`)
}

export function jobExitCode(outcomes: FileOutcome[]): number {
  return outcomes.some((o) => o.status === 'rejected') ? EXIT.partial : EXIT.ok
}

export async function runIngestLike(
  values: Record<string, unknown>,
  command: 'ingest' | 'refresh',
  files: string[],
): Promise<number> {
  // Before the lease: a folder or a FIFO on the command line is a usage error, never a hang.
  const bad = await unreadableArguments(files)
  if (bad.length > 0) throw new UsageError(bad.map((b) => b.reason).join('\n'))
  const app = appFor(values)
  const progress = progressLine()
  let current = ''
  let stopping = false
  const release = stopOnSignals(app, app.log, {
    stoppingMessage: t('inbox.signal.stopping'),
    onFirst: () => {
      stopping = true
    },
  })
  try {
    const result = await runJob(app, {
      command,
      files,
      shouldStop: () => stopping,
      onWait: (waiting, msLeft) =>
        progress(
          t('inbox.progress.waiting', {
            n: waiting.length,
            names: waiting.map((w) => w.name).join(', '),
            seconds: Math.ceil(msLeft / 1000),
          }),
        ),
      onFile: (i, total, name) => {
        current = `[${i + 1}/${total}] ${name}`
        progress(current)
      },
      onRows: (_file, rows) => progress(`${current}: ${t('ingest.progress-rows', { rows: fmtInt(rows) })}`),
    })
    progress.done()
    if (values.json) {
      if (command === 'ingest')
        printJson([
          ...result.outcomes.map(outcomeJson),
          ...result.waiting.map((w) => notTakenJson(w, 'waiting')),
          ...result.skipped.map((k) => notTakenJson(k, 'skipped')),
        ])
      else
        printJson({
          runId: result.runId,
          files: result.outcomes.map(outcomeJson),
          waiting: result.waiting.map((w) => ({ ...w, file: w.name, status: 'waiting' })),
          skipped: result.skipped.map((k) => ({ ...k, file: k.name, status: 'skipped' })),
          stopped: result.stopped ?? 0,
          snapshots: result.snapshots.length,
          warehouse: warehouseJson(result.warehouse),
        })
    } else {
      printOutcomes(result.outcomes, result.waiting, result.skipped)
      if (result.stopped) process.stdout.write(`${t('inbox.out.stopped', { n: result.stopped })}\n`)
      if (result.snapshots.length > 0)
        process.stdout.write(`${t('ingest.snapshots', { n: result.snapshots.length })}\n`)
      printWarehouse(result.warehouse)
      const rejected = result.outcomes.filter((o) => o.status === 'rejected')
      if (rejected.length > 0)
        process.stdout.write(
          `${wrap(t('ingest.rejected-summary', { n: rejected.length, dir: app.home.rejected }))}\n`,
        )
    }
    return jobExitCode(result.outcomes)
  } finally {
    release()
    progress.done()
    await app.close()
  }
}

export const ingestCommand = defineCommand({
  name: 'ingest',
  summary: () => t('ingest.summary'),
  usage: 'qd766 ingest [FILE ...] [--json]',
  options: {},
  details: () => t('ingest.details'),
  run: ({ values, positionals }) => runIngestLike(values, 'ingest', positionals),
})
