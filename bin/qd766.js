#!/usr/bin/env node
// Entry point for `npx qd766`. Uses the bundle built at install time (bin/build.js) when it is newer
// than every source file; otherwise runs the TypeScript sources directly through tsx, so a fresh
// clone needs no build step and a developer's edits take effect at once (cli-contract.md).
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bundle = join(root, '.build', 'cli', 'qd766.js')

function newestSource(dir, newest = 0) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    if (entry.isDirectory()) newest = newestSource(p, newest)
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs)
  }
  return newest
}

function bundleIsFresh() {
  if (process.env.QD766_NO_BUNDLE || !existsSync(bundle)) return false
  const built = statSync(bundle).mtimeMs
  return ['src', 'pipelines', 'db', 'fixtures'].every(
    (d) => !existsSync(join(root, d)) || newestSource(join(root, d)) <= built,
  )
}

if (bundleIsFresh()) {
  await import(pathToFileURL(bundle).href)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  await import('../src/cli/main.ts')
}
