import { runJob } from '../../app.ts'
import type { FileOutcome } from '../../ingest/ingest-file.ts'
import { type CommandDef, EXIT } from '../args.ts'
import { appFor, progressLine } from '../context.ts'
import { printJson, renderTable } from '../output.ts'
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
    findings: o.findings.map((f) => ({
      kind: f.kind,
      severity: f.severity,
      message: f.message,
      row: f.row ?? null,
    })),
  }
}

export function printOutcomes(
  outcomes: FileOutcome[],
  waiting: Array<{ name: string; reason: string }>,
): void {
  if (outcomes.length === 0) process.stdout.write('No files to ingest.\n')
  else {
    process.stdout.write(
      `${renderTable(
        ['File', 'Result', 'Kind', 'Rows', 'Details'],
        outcomes.map((o) => [
          o.file,
          o.status === 'accepted' ? 'accepted' : o.status === 'duplicate' ? 'duplicate' : 'REJECTED',
          o.kind,
          o.rows,
          o.error ??
            o.duplicateOf?.message ??
            (o.findings.length ? `${o.findings.length} finding(s): ${o.findings[0]!.message}` : ''),
        ]),
        ['l', 'l', 'l', 'r', 'l'],
      )}\n`,
    )
  }
  for (const w of waiting)
    process.stdout.write(`waiting: ${w.name} (${w.reason}); it will be taken on the next run\n`)
}

export function jobExitCode(outcomes: FileOutcome[]): number {
  return outcomes.some((o) => o.status === 'rejected') ? EXIT.partial : EXIT.ok
}

export async function runIngestLike(
  values: Record<string, unknown>,
  command: 'ingest' | 'refresh',
  files: string[],
): Promise<number> {
  const app = appFor(values)
  const progress = progressLine()
  let current = ''
  try {
    const result = await runJob(app, {
      command,
      files,
      onFile: (i, total, name) => {
        current = `[${i + 1}/${total}] ${name}`
        progress(current)
      },
      onRows: (_file, rows) => progress(`${current}: ${rows.toLocaleString('en-US')} rows`),
    })
    progress.done()
    if (values.json) {
      if (command === 'ingest') printJson(result.outcomes.map(outcomeJson))
      else
        printJson({
          runId: result.runId,
          files: result.outcomes.map(outcomeJson),
          waiting: result.waiting,
          snapshots: result.snapshots.length,
          warehouse: warehouseJson(result.warehouse),
        })
    } else {
      printOutcomes(result.outcomes, result.waiting)
      if (result.snapshots.length > 0)
        process.stdout.write(`${result.snapshots.length} new ranking snapshot(s).\n`)
      printWarehouse(result.warehouse)
      const rejected = result.outcomes.filter((o) => o.status === 'rejected')
      if (rejected.length > 0)
        process.stdout.write(
          `${rejected.length} file(s) rejected: see ${app.home.rejected} (each with a .error.json).\n`,
        )
    }
    return jobExitCode(result.outcomes)
  } finally {
    progress.done()
    await app.close()
  }
}

export const ingestCommand: CommandDef = {
  name: 'ingest',
  summary: 'Process the given files, or with no file the whole inbox, once.',
  usage: 'qd766 ingest [FILE ...] [--json]',
  options: {},
  details: `
Files named on the command line are copied in (the originals stay where they are); inbox files are
moved to archive/ when accepted or to rejected/ (byte-for-byte, with <name>.error.json) when not.
The same bytes twice are recorded as a duplicate and change nothing.
Exit codes: 0 all accepted or duplicate, 1 at least one rejected (the others still landed),
2 usage/configuration error, 3 another run is working on this home, 4 internal error.`,
  run: ({ values, positionals }) => runIngestLike(values, 'ingest', positionals),
}
