/** `ranking --out FILE` never replaces an existing file unless --force is given (issue 10 §6). */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli, tempDir, tempHome } from '../helpers.ts'

describe('ranking --out', () => {
  it('refuses to overwrite an existing file (exit 2, file untouched) and names --force', () => {
    const home = tempHome()
    const out = join(tempDir('out-'), 'xep-hang.csv')
    writeFileSync(out, 'keep me')
    const r = cli(home, ['ranking', '--format', 'csv', '--out', out])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('--force')
    expect(readFileSync(out, 'utf8')).toBe('keep me')
    // with --force the command goes on (here: no snapshot yet, so "not found", exit 5)
    expect(cli(home, ['ranking', '--format', 'csv', '--out', out, '--force']).code).toBe(5)
  })
})
