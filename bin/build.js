#!/usr/bin/env node
// Bundles the CLI into .build/cli/qd766.js with esbuild (already installed as tsx's compiler) so
// that every command starts in a fraction of the time tsx needs to load ~100 TypeScript modules.
// Runs on `npm ci`/`npm install` (the "prepare" script). The bundle sits two folders deep, like the
// sources under src/<area>/, so `new URL('../../db/seeds/', import.meta.url)` resolves the same.
// bin/qd766.js falls back to running the sources through tsx whenever they are newer than the bundle.
// `node bin/build.js OUTDIR [EXTRA.ts ...]` adds entries beside the CLI's, bundled the same way (the
// benchmark measures bench/task.ts so, as users run the code).
import { basename } from 'node:path'
import { build } from 'esbuild'

const [outdir = '.build/cli', ...extra] = process.argv.slice(2)
const extraEntries = Object.fromEntries(extra.map((file) => [basename(file, '.ts'), file]))

await build({
  // The parse worker (src/ingest/parse-budget.ts) is its own entry, beside the CLI in .build/cli/,
  // where parse-budget's `new URL('./parse-worker.js', import.meta.url)` finds it from any chunk.
  entryPoints: { qd766: 'src/cli/main.ts', 'parse-worker': 'src/ingest/parse-worker.ts', ...extraEntries },
  outdir,
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  // Separate chunks for dynamic imports: exceljs is loaded only by commands that touch a workbook.
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
})
