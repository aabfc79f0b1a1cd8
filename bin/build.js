#!/usr/bin/env node
// Bundles the CLI into .build/cli/qd766.js with esbuild (already installed as tsx's compiler) so
// that every command starts in a fraction of the time tsx needs to load ~100 TypeScript modules.
// Runs on `npm ci`/`npm install` (the "prepare" script). The bundle sits two folders deep, like the
// sources under src/<area>/, so `new URL('../../db/seeds/', import.meta.url)` resolves the same.
// bin/qd766.js falls back to running the sources through tsx whenever they are newer than the bundle.
import { build } from 'esbuild'

await build({
  entryPoints: ['src/cli/main.ts'],
  outdir: '.build/cli',
  entryNames: 'qd766',
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
