import { t } from '../../i18n/index.ts'
import { localTimeText } from '../../report/status.ts'
import type { FileRow } from '../../withdraw/find.ts'
import { WithdrawTargetError, withdrawFile } from '../../withdraw/withdraw.ts'
import { defineCommand, EXIT, UsageError } from '../args.ts'
import { appFor } from '../context.ts'
import { printJson } from '../output.ts'

const shortSha = (sha: string) => sha.slice(0, 12)

function fileJson(f: FileRow) {
  return {
    id: f.id,
    file: f.file_name,
    sha256: f.sha256,
    kind: f.kind,
    period: f.period,
    asOf: f.as_of,
    acceptedAt: f.accepted_at,
    archivedAs: f.archived_as,
    withdrawnAt: f.withdrawn_at,
    withdrawnBy: f.withdrawn_by,
    withdrawReason: f.withdraw_reason,
  }
}

export const withdrawCommand = defineCommand({
  name: 'withdraw',
  summary: () => t('withdraw.summary'),
  usage: 'qd766 withdraw <FILE-NAME|SHA256-PREFIX> [--reason TEXT] [--by NAME] [--undo] [--json]',
  options: { reason: { type: 'string' }, by: { type: 'string' }, undo: { type: 'boolean' } },
  details: () => t('withdraw.details'),
  async run({ values, positionals }) {
    const arg = positionals.join(' ').trim()
    if (!arg) throw new UsageError(t('withdraw.need-arg'))
    const app = appFor(values)
    const tz = app.config.schedule.timezone
    const when = (iso: string) => localTimeText(iso, tz)
    try {
      let r: ReturnType<typeof withdrawFile>
      try {
        r = withdrawFile(app, arg, {
          undo: Boolean(values.undo),
          reason: values.reason ?? null,
          by: values.by ?? null,
        })
      } catch (err) {
        if (!(err instanceof WithdrawTargetError)) throw err
        return explainTarget(err, arg, values.json === true, when)
      }
      if (values.json) {
        printJson({
          action: r.action,
          changed: r.changed,
          file: fileJson(r.file),
          by: r.by,
          reason: r.reason,
          at: r.at || null,
          withdrawalId: r.withdrawalId,
          runId: r.runId,
          snapshots: r.snapshots,
          scoreSets: r.scoreSets,
        })
        return EXIT.ok
      }
      const name = r.file.file_name
      const sha = shortSha(r.file.sha256)
      const lines: string[] = []
      if (!r.changed) {
        lines.push(
          r.action === 'withdraw' && r.file.withdrawn_at !== null
            ? t('withdraw.already', { name, sha, at: when(r.file.withdrawn_at), by: r.by })
            : t('withdraw.not-withdrawn', { name, sha }),
        )
      } else {
        const who = { name, sha, at: when(r.at), by: r.by }
        lines.push(r.action === 'withdraw' ? t('withdraw.done', who) : t('withdraw.undone', who))
        if (r.reason) lines.push(t('withdraw.reason', { reason: r.reason }))
        lines.push(
          t('withdraw.effects', {
            withdrawn: r.snapshots.withdrawn.length,
            restored: r.snapshots.restored.length,
            taken: r.snapshots.taken.length,
          }),
        )
        if (r.action === 'withdraw') lines.push(t('withdraw.kept', { sha }))
      }
      process.stdout.write(`${lines.join('\n')}\n`)
      return EXIT.ok
    } finally {
      await app.close()
    }
  },
})

/** Nothing, several files, a duplicate or a rejected file: say which, with the exit code of each. */
function explainTarget(
  err: WithdrawTargetError,
  arg: string,
  json: boolean,
  when: (iso: string) => string,
): number {
  const tg = err.target
  let message: string
  let code: number = EXIT.notFound
  let candidates: FileRow[] = []
  if (tg.kind === 'ambiguous') {
    code = EXIT.usage
    candidates = tg.candidates
    message = [
      t('withdraw.ambiguous', { arg, n: tg.candidates.length }),
      ...tg.candidates.map((f) =>
        t('withdraw.candidate', {
          sha: shortSha(f.sha256),
          name: f.file_name,
          kind: f.kind,
          at: when(f.accepted_at),
          state: f.withdrawn_at ? t('withdraw.candidate-withdrawn') : '',
        }),
      ),
    ].join('\n')
  } else if (tg.kind === 'duplicate') {
    message = t('withdraw.duplicate', {
      name: tg.name,
      original: tg.original.file_name,
      sha: shortSha(tg.original.sha256),
      at: when(tg.original.accepted_at),
    })
  } else if (tg.kind === 'rejected') {
    message = t('withdraw.rejected', { name: tg.name, at: when(tg.at), reason: tg.reason })
  } else {
    message = t('withdraw.no-match', { arg })
  }
  if (json)
    printJson({
      error: tg.kind === 'none' ? 'no-match' : tg.kind,
      message,
      candidates: candidates.map(fileJson),
    })
  process.stderr.write(`qd766 withdraw: ${message}\n`)
  return code
}
