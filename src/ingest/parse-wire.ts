/**
 * What crosses the boundary between the ingesting thread and the parse worker (parse-worker.ts).
 * Everything here is structured-clonable: plain data, Maps and arrays. Pipelines travel by key
 * (their functions stay on each side), errors as their fields.
 *
 * The big lists (a sheet's raw rows, a provincial table's units, when longer than a chunk) do not
 * travel in the reply: they are spool files, handed over by name (parse-stream.ts).
 */

import type { Config } from '../config/config.ts'
import { type ErrorCode, type ErrorLocation, QdError } from '../errors.ts'
import type { Lang } from '../i18n/index.ts'
import type { Row } from '../read/types.ts'
import type { Province } from '../reference/provinces.ts'
import type { StreamRef } from './parse-stream.ts'

export interface ParseJob {
  type: 'parse'
  id: number
  path: string
  fileName: string
  config: Config
  provinces: Province[]
  lang: Lang
  /** pino level of the ingesting process: the worker sends only what would be logged. */
  logLevel: string
  /** Where the parse's big lists spill (the home's work/.spool, src/pipeline/spool.ts). */
  spoolDir: string
}

export interface WireSheet {
  pipelineKey: string
  sheet: string
  /** The parsed table without the fields that stayed in the worker. */
  parsed: Record<string, unknown>
  /** The fields of the parsed table that are in spool files, by name. */
  streamed: Record<string, StreamRef>
  /** The sheet's raw rows, unless they are in a spool file (`rawStream`). */
  raw: Row[]
  rawStream: StreamRef | null
}

export interface WireParsed {
  format: string
  encoding: string | null
  sheets: WireSheet[]
  json: string | null
}

export interface WireError {
  code: ErrorCode
  message: string
  location: ErrorLocation
  expected: string | undefined
  found: string | undefined
}

export type WorkerReply =
  | { type: 'started'; id: number }
  | { type: 'rows'; id: number; file: string; rows: number }
  | { type: 'log'; line: string }
  | { type: 'done'; id: number; result: WireParsed }
  /** The file's content is at fault: reject it (a QdError). */
  | { type: 'rejected'; id: number; error: WireError }
  /** Anything else thrown (a bug, a disk error): not the file's fault. */
  | { type: 'failed'; id: number; message: string; stack: string | undefined }

export function errorToWire(err: QdError): WireError {
  return {
    code: err.code,
    message: err.message,
    location: err.location,
    expected: err.expected,
    found: err.found,
  }
}

export function errorFromWire(w: WireError): QdError {
  return new QdError(w.code, w.message, { location: w.location, expected: w.expected, found: w.found })
}
