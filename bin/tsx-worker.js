// Runs a TypeScript worker_threads entry through tsx: `new Worker(this file, { workerData: { entry } })`
// where entry is the file: URL of the .ts module. Used when qd766 runs from its sources (the bundle
// built by bin/build.js has plain .js worker entries and needs no loader).
import { workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
await import(workerData.entry)
