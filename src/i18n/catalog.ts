/**
 * One message catalogue for every word a person reads. Each area of the code keeps its messages in
 * `messages/<area>.ts` (so parallel work on different areas never edits the same file) and this file
 * joins them. A message is a string or a function of its parameters, in both languages; the test
 * test/i18n/catalog.test.ts walks every entry and fails when one has no Vietnamese text.
 *
 * Keys are `area.what` ("query.timeout"). Keep the Vietnamese with full diacritics; numbers and
 * dates inside messages go through src/i18n/format.ts so they read "70,41" and "05/10/2026" in
 * Vietnamese and "70.41" and "2026-10-05" in English.
 */
import { app } from './messages/app.ts'
import { cli } from './messages/cli.ts'
import { cliIngest } from './messages/cli-ingest.ts'
import { cliProvince } from './messages/cli-province.ts'
import { cliRanking } from './messages/cli-ranking.ts'
import { cliUnits } from './messages/cli-units.ts'
import { common } from './messages/common.ts'
import { core } from './messages/core.ts'
import { errors } from './messages/errors.ts'
import { figures } from './messages/figures.ts'
import { inbox } from './messages/inbox.ts'
import { indicators } from './messages/indicators.ts'
import { lookup } from './messages/lookup.ts'
import { misc } from './messages/misc.ts'
import { national } from './messages/national.ts'
import { ops } from './messages/ops.ts'
import { pipeline } from './messages/pipeline.ts'
import { poison } from './messages/poison.ts'
import { portal } from './messages/portal.ts'
import { provincial } from './messages/provincial.ts'
import { publish } from './messages/publish.ts'
import { rankingXlsx } from './messages/ranking-xlsx.ts'
import { read } from './messages/read.ts'
import { report } from './messages/report.ts'
import { run } from './messages/run.ts'
import { score } from './messages/score.ts'
import { serve } from './messages/serve.ts'
import { status } from './messages/status.ts'
import { terms } from './messages/terms.ts'
import { withdraw } from './messages/withdraw.ts'

// biome-ignore lint/suspicious/noExplicitAny: message parameters are typed per entry below.
export type MessageText = string | ((p: any) => string)

export interface MessageEntry {
  vi: MessageText
  en: MessageText
}

export type Catalog = Record<string, MessageEntry>

/** Add each area's catalogue here (spread order does not matter: keys are unique by prefix). */
export const MESSAGES = {
  ...common,
  ...core,
  ...app,
  ...cli,
  ...errors,
  ...publish,
  ...serve,
  ...national,
  ...poison,
  ...withdraw,
  ...inbox,
  ...terms,
  ...figures,
  ...cliRanking,
  ...rankingXlsx,
  ...cliProvince,
  ...cliIngest,
  ...cliUnits,
  ...status,
  ...run,
  ...ops,
  ...lookup,
  ...pipeline,
  ...read,
  ...provincial,
  ...indicators,
  ...misc,
  ...report,
  ...portal,
  ...score,
} satisfies Catalog

export type MessageKey = keyof typeof MESSAGES
