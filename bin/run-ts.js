#!/usr/bin/env node
import { resolve } from 'node:path'
// Runs one TypeScript script (fixtures generator, benchmark) through tsx: `node bin/run-ts.js FILE [args]`.
import { pathToFileURL } from 'node:url'
import { register } from 'tsx/esm/api'

register()
const [script, ...rest] = process.argv.slice(2)
if (!script) {
  console.error('usage: node bin/run-ts.js FILE.ts [args]')
  process.exit(2)
}
process.argv = [process.argv[0], resolve(script), ...rest]
await import(pathToFileURL(resolve(script)).href)
