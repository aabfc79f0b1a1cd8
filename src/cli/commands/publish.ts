import { resolveHomeDir } from '../../config/home.ts'
import { t } from '../../i18n/index.ts'
import { publishHomeDir } from '../../publish/publish-home.ts'
import { WarehouseConfigError } from '../../publish/target.ts'
import { defineCommand, EXIT, UsageError } from '../args.ts'
import { loggerFor } from '../context.ts'
import { printJson } from '../output.ts'
import { printWarehouse } from './publish-output.ts'

/** Exit code when the warehouse could not be written (down, login refused): "partial", like a rejected file. */
const EXIT_WAREHOUSE = EXIT.partial

export const publishCommand = defineCommand({
  name: 'publish',
  summary: () => t('publish.summary'),
  usage: 'qd766 publish [--to postgres://USER@HOST:PORT/DB] [--schema qd766] [--json]',
  options: { to: { type: 'string' }, schema: { type: 'string' } },
  details: () => t('publish.details'),
  async run({ values }) {
    const root = resolveHomeDir(values.home)
    let outcome: Awaited<ReturnType<typeof publishHomeDir>>
    try {
      outcome = await publishHomeDir(root, {
        to: values.to,
        schema: values.schema,
        log: loggerFor(values),
      })
    } catch (err) {
      if (err instanceof WarehouseConfigError) throw new UsageError(err.message)
      throw err
    }
    if (!outcome) throw new UsageError(t('publish.no-target'))
    if (values.json) {
      printJson(
        outcome.ok
          ? {
              ok: true,
              officeId: outcome.result.officeId,
              target: outcome.result.target,
              schema: outcome.result.schema,
              upToDate: outcome.result.upToDate,
              rowsWritten: outcome.result.rowsWritten,
              changes: outcome.result.changes,
              ms: outcome.result.ms,
            }
          : {
              ok: false,
              target: outcome.target,
              schema: outcome.schema,
              error: { code: outcome.error.code, message: outcome.error.message },
            },
      )
    } else printWarehouse(outcome, 'publish')
    return outcome.ok ? EXIT.ok : EXIT_WAREHOUSE
  },
})
