/**
 * Recognition: which pipeline's signature fits a sheet (by its header, never by file name or
 * extension). The family whose declared columns match best wins; a sheet no family fits is skipped,
 * and a file with no recognised sheet is rejected with a message listing what qd766 reads.
 */
import { getLang } from '../i18n/index.ts'
import { kindName } from '../i18n/terms.ts'
import { findHeader, type HeaderMatch } from '../pipeline/header.ts'
import type { JsonPipeline, Pipeline, PipelineContext, TablePipeline } from '../pipeline/types.ts'
import type { Row } from '../read/types.ts'

export const PREVIEW_ROWS = 40

export interface TableRecognition {
  pipeline: TablePipeline
  header: HeaderMatch
}

export function recogniseTable(
  preview: Row[],
  pipelines: Pipeline[],
  ctx: PipelineContext,
): TableRecognition | null {
  let best: (TableRecognition & { score: number }) | null = null
  for (const p of pipelines) {
    if (p.kind !== 'table') continue
    const header = findHeader(preview, p.columns)
    if (!header) continue
    if (p.accept?.(header, ctx)) continue
    const score = header.mapped.size / p.columns.length + header.mapped.size / 100
    if (!best || score > best.score) best = { pipeline: p, header, score }
  }
  return best && { pipeline: best.pipeline, header: best.header }
}

export function recogniseJson(
  doc: unknown,
  pipelines: Pipeline[],
  ctx: PipelineContext,
): JsonPipeline | null {
  for (const p of pipelines) if (p.kind === 'json' && p.recognise(doc, ctx)) return p
  return null
}

export function familiesHelp(pipelines: Pipeline[]): string {
  // The family's name in the current language (the pipeline's own title is its English description).
  return pipelines.map((p) => `  - ${getLang() === 'en' ? p.title : kindName(p.key)}`).join('\n')
}
