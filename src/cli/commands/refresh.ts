import { t } from '../../i18n/index.ts'
import { defineCommand } from '../args.ts'
import { runIngestLike } from './ingest.ts'

export const refreshCommand = defineCommand({
  name: 'refresh',
  summary: () => t('refresh.summary'),
  usage: 'qd766 refresh [--json]',
  options: {},
  details: () => t('refresh.details'),
  run: ({ values }) => runIngestLike(values, 'refresh', []),
})
