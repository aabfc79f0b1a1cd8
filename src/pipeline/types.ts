/**
 * What a pipeline is: a declarative description of one input family (its signature, columns, row
 * schema and target) plus the code that maps validated rows to facts. Adding a family = writing one
 * file under pipelines/ and listing it in pipelines/index.ts; the ingest engine never changes.
 */
import type { Config } from '../config/config.ts'
import type { Store } from '../db/sqlite.ts'
import type { QdError } from '../errors.ts'
import type { Row } from '../read/types.ts'
import type { ProvinceRegistry } from '../reference/provinces.ts'
import type { ColumnSpec, HeaderMatch } from './header.ts'
import type { SpoolArea, SpoolCodec } from './spool.ts'

export interface PipelineContext {
  fileName: string
  registry: ProvinceRegistry
  config: Config
  /** Where a pipeline's big lists go (spool.ts); absent: plain memory. */
  spools?: SpoolArea
}

/** Something worth telling the analyst that does not reject the file (a total that does not add up). */
export interface Finding {
  kind: string
  severity: 'info' | 'warning' | 'error'
  message: string
  provinceCode?: string | null
  sheet?: string | null
  row?: number | null
  detail?: unknown
}

export interface LoadIds {
  sourceFileId: number
  runId: number | null
}

export interface LoadSummary {
  /** Facts written (rows of the target table(s)). */
  rows: number
  period?: string | null
  asOf?: string | null
  readingIds?: number[]
  findings: Finding[]
}

export interface ParsedTable {
  rows: number
  findings: Finding[]
}

export interface TablePipeline<P extends ParsedTable = ParsedTable> {
  key: string
  kind: 'table'
  /** One line for `--help`, README and "unrecognised" messages. */
  title: string
  /** The columns this family has; required ones form its signature. */
  columns: ColumnSpec[]
  /** Extra acceptance check once the header matched (e.g. a title keyword); null = accept. */
  accept?(header: HeaderMatch, ctx: PipelineContext): QdError | null
  /** Validates and maps the data rows (the rows after the header band). Throws QdError to reject. */
  parse(input: {
    sheet: string
    header: HeaderMatch
    rows: AsyncIterable<Row>
    ctx: PipelineContext
    /** What an earlier reading of this sheet learnt too late (reparse.ts); empty the first time. */
    hints: ReadonlySet<string>
  }): Promise<P>
  /**
   * How the parse spools the lists of its result that can be big (spool.ts), by field: the load
   * reads them back through the same codec. A field without one travels as it is.
   */
  spoolCodecs?: Readonly<Partial<Record<keyof P & string, SpoolCodec<unknown>>>>
  /** Writes the facts. Runs inside the file's single BEGIN IMMEDIATE transaction: synchronous only. */
  load(store: Store, parsed: P, ids: LoadIds): LoadSummary
}

/** A list read once, in order, that need not be held whole (a streamed field, a sheet's raw rows). */
export interface Sequence<T> extends Iterable<T> {
  readonly length: number
}

export interface JsonPipeline<P extends ParsedTable = ParsedTable> {
  key: string
  kind: 'json'
  title: string
  /** True when this document is of this family (by shape, not by file name). */
  recognise(doc: unknown, ctx: PipelineContext): boolean
  parse(doc: unknown, ctx: PipelineContext): P
  load(store: Store, parsed: P, ids: LoadIds): LoadSummary
}

/**
 * Any pipeline, whatever its parsed type: the registry holds families whose parse() results differ,
 * and each family's load() only ever receives what its own parse() returned.
 */
// biome-ignore lint/suspicious/noExplicitAny: erasing each family's own parsed type in the registry
export type Pipeline = TablePipeline<any> | JsonPipeline<any>
