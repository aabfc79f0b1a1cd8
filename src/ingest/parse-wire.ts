/**
 * What crosses the boundary between the ingesting thread and the parse worker (parse-worker.ts).
 * Everything here is structured-clonable: plain data, Maps and arrays. Pipelines travel by key
 * (their functions stay on each side), errors as their fields.
 *
 * The big lists (a sheet's raw rows, the fields a pipeline declares `streamed`, when longer than a
 * chunk) do not travel in the reply: they stay in the worker and the load pulls them in chunks
 * (parse-stream.ts).
 */

import type { MessagePort } from 'node:worker_threads'
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
  /** The worker's channel and signal for the load's pulls (parse-stream.ts): with its first job. */
  pull: { port: MessagePort; signal: SharedArrayBuffer } | null
}

export interface WireSheet {
  pipelineKey: string
  sheet: string
  /** The parsed table without the fields that stayed in the worker. */
  parsed: Record<string, unknown>
  /** The fields of the parsed table that stayed in the worker, by name. */
  streamed: Record<string, StreamRef>
  /** The sheet's raw rows, unless they stayed in the worker (`rawStream`). */
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
