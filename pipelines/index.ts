import type { Pipeline } from '../src/pipeline/types.ts'
import { nationalRanking } from './national-ranking.ts'

/**
 * Every input family qd766 reads. Recognition tries them all on each sheet/document; adding a family
 * is adding its file here.
 */
export const PIPELINES: Pipeline[] = [nationalRanking as unknown as Pipeline]
