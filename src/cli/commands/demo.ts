import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { openApp, runJob } from '../../app.ts'
import { ensureHome } from '../../config/home.ts'
import { getRanking } from '../../report/ranking.ts'
import { type CommandDef, EXIT } from '../args.ts'
import { loggerFor } from '../context.ts'
import { printOutcomes } from './ingest.ts'
import { rankingCommand } from './ranking.ts'
import { reportCommand } from './report.ts'

export const demoCommand: CommandDef = {
  name: 'demo',
  summary: 'Fill a demo home from the built-in fixtures, run the nightly refresh on it, print the ranking.',
  usage: 'qd766 demo [--home DIR] [--fresh]',
  options: { fresh: { type: 'boolean' } },
  details: `
The demo home defaults to ./demo-data (not ./data, so it never mixes with real files). It gets
generated exports (a 63-province 2024 table, two 34-province 2026 readings with a tie and rank
changes, a five-group quarter table in Windows-1258) in its inbox, then runs \`refresh\` and
\`ranking\`. Afterwards try: qd766 status --home demo-data, qd766 province "Đắk Lắk" --home demo-data.
  --fresh   delete the demo home first`,
  async run({ values }) {
    const root = resolve((values.home as string | undefined) ?? 'demo-data')
    if (values.fresh && existsSync(root)) rmSync(root, { recursive: true, force: true })
    const home = ensureHome(root)
    if (!existsSync(home.config)) {
      // Generated files are complete the moment they are written: no need to wait for them.
      writeFileSync(
        home.config,
        `${JSON.stringify({ inbox: { minFileAgeSeconds: 0, stableWaitMs: 0 } }, null, 2)}\n`,
      )
    }
    const fresh = readdirSync(home.archive).length === 0 && readdirSync(home.inbox).length === 0
    if (fresh) {
      // the generators (and exceljs) load only for the demo
      const { writeDemoInbox } = await import('../../../fixtures/demo.ts')
      const files = await writeDemoInbox(home.inbox)
      process.stdout.write(`Demo home ${root}: wrote ${files.length} example exports into inbox/.\n\n`)
    }
    const app = openApp(root, { log: loggerFor(values) })
    try {
      const job = await runJob(app, { command: 'refresh', trigger: 'demo' })
      printOutcomes(job.outcomes, job.waiting)
      process.stdout.write(`${job.snapshots.length} new ranking snapshot(s).\n\n`)
      getRanking(app.store) // fail early with a clear message if there is nothing to show
    } finally {
      await app.close()
    }
    const code = await rankingCommand.run({ values: { home: root }, positionals: [] })
    // The leadership reports the nightly job would forward, for the province with portal captures.
    process.stdout.write('\n')
    const reports = join(root, 'reports')
    mkdirSync(reports, { recursive: true })
    await reportCommand.run({ values: { home: root, province: 'Đắk Lắk', out: [reports] }, positionals: [] })
    process.stdout.write(
      `\nNext: open ${reports}, or try  qd766 province "Đắk Lắk" --home ${root}  |  qd766 province "Thanh Hóa" --units --home ${root}  |  qd766 status --home ${root}\n`,
    )
    return code === EXIT.ok ? EXIT.ok : code
  },
}
