#!/usr/bin/env node
// Entry point for `npx qd766`: runs the TypeScript sources directly through tsx's loader,
// so a fresh `npm ci` needs no build step (cli-contract.md "Install and run").
import { register } from 'tsx/esm/api'

register()
await import('../src/cli/main.ts')
