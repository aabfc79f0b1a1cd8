import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { openApp, runJob } from '../../app.ts'
import { ensureHome } from '../../config/home.ts'
import { t } from '../../i18n/index.ts'
import { getRanking } from '../../report/ranking.ts'
import { defineCommand, EXIT } from '../args.ts'
import { loggerFor } from '../context.ts'
import { wrap } from '../output.ts'
import { printOutcomes } from './ingest.ts'
import { rankingCommand } from './ranking.ts'
import { reportCommand } from './report.ts'

/** The demo office's province: its portal captures and leadership reports are Đắk Lắk's. */
export const DEMO_PROVINCE = 'Đắk Lắk'

export const demoCommand = defineCommand({
  name: 'demo',
  summary: () => t('demo.summary'),
  usage: 'qd766 demo [--home DIR] [--fresh]',
  options: { fresh: { type: 'boolean' } },
  details: () => t('demo.details'),
  async run({ values }) {
    const root = resolve(values.home ?? 'demo-data')
    if (values.fresh && existsSync(root)) rmSync(root, { recursive: true, force: true })
    const home = ensureHome(root)
    if (!existsSync(home.config)) {
      // Generated files are complete the moment they are written: no need to wait for them. The
      // office is Đắk Lắk's, the province of the demo's portal captures and leadership reports (the
      // dashboard highlights it; Thanh Hóa's one-stop export is filed under Thanh Hóa with a note).
      writeFileSync(
        home.config,
        `${JSON.stringify({ province: DEMO_PROVINCE, inbox: { minFileAgeSeconds: 0, stableWaitMs: 0 } }, null, 2)}\n`,
      )
    }
    const fresh = readdirSync(home.archive).length === 0 && readdirSync(home.inbox).length === 0
    if (fresh) {
      // the generators (and exceljs) load only for the demo
      const { writeDemoInbox } = await import('../../../fixtures/demo.ts')
      const files = await writeDemoInbox(home.inbox)
      process.stdout.write(`${t('demo.wrote', { root, n: files.length })}\n\n`)
    }
    const app = openApp(root, { log: loggerFor(values) })
    try {
      const job = await runJob(app, { command: 'refresh', trigger: 'demo' })
      printOutcomes(job.outcomes, job.waiting)
      process.stdout.write(`${t('ingest.snapshots', { n: job.snapshots.length })}\n\n`)
      getRanking(app.store) // fail early with a clear message if there is nothing to show
    } finally {
      await app.close()
    }
    const code = await rankingCommand.run({ values: { home: root }, positionals: [] })
    // The leadership reports the nightly job would forward, for the province with portal captures.
    process.stdout.write('\n')
    const reports = join(root, 'reports')
    mkdirSync(reports, { recursive: true })
    await reportCommand.run({
      values: { home: root, province: DEMO_PROVINCE, out: [reports] },
      positionals: [],
    })
    process.stdout.write(`\n${wrap(t('demo.next', { reports, root }))}\n`)
    return code === EXIT.ok ? EXIT.ok : code
  },
})
