/**
 * SIGINT/SIGTERM (Ctrl-C, systemctl stop, kill) for the commands that write (ingest, refresh,
 * schedule): the first asks the work to stop after the current file; a second one abandons the
 * current file at once. Abandoning is safe: a file's data is committed in one synchronous
 * transaction, which a signal cannot interrupt, so the file is either fully in the database (the
 * next run finishes archiving it) or not at all (it stays in work/ and is read again).
 */
import type { App } from '../app.ts'
import { t } from '../i18n/index.ts'
import type { Logger } from '../log.ts'
import { finishRun } from '../run/runs.ts'

/** Installs the handlers; returns the function that removes them. */
export function stopOnSignals(
  app: App,
  log: Logger,
  opts: { stoppingMessage: string; onFirst: () => void },
): () => void {
  let signals = 0
  const onSignal = (signal: NodeJS.Signals) => {
    signals++
    if (signals === 1) {
      log.warn({ signal }, opts.stoppingMessage)
      opts.onFirst()
      return
    }
    log.warn({ signal }, t('inbox.signal.abandoning'))
    try {
      const mine = app.store.all(
        app.store.db
          .selectFrom('runs')
          .select('id')
          .where('status', '=', 'running')
          .where('pid', '=', process.pid),
      )
      for (const r of mine)
        finishRun(app.store, r.id, 'interrupted', {}, t('inbox.signal.abandoned', { signal }))
    } catch {
      // the next run marks it abandoned anyway
    }
    process.exit(signal === 'SIGINT' ? 130 : 143)
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  return () => {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}
