/**
 * Log lines an operator reads (info, warn, error, fatal) come from the catalogue (issue 10 §4):
 * src/ is scanned for logger calls at those levels whose message is written in as a string. Debug
 * lines are for developers and may stay English; structured fields are English keys in any case.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers.ts'

const SRC = join(ROOT, 'src')
const CALL = /\b(?:log|logger|#log|\.log)\??\.(?:info|warn|error|fatal)\(/g

/** The argument text of the call whose "(" is at `open` (quotes and nesting respected). */
function argsAt(text: string, open: number): string {
  let depth = 0
  let quote: string | null = null
  for (let i = open; i < text.length; i++) {
    const c = text[i]!
    if (quote) {
      if (c === '\\') i++
      else if (c === quote) quote = null
      continue
    }
    if (c === "'" || c === '"' || c === '`') quote = c
    else if (c === '(' || c === '{' || c === '[') depth++
    else if (c === ')' || c === '}' || c === ']') {
      depth--
      if (depth === 0) return text.slice(open + 1, i)
    }
  }
  return text.slice(open + 1)
}

/** Calls whose message (the last argument) is a string literal: `log.warn({ x }, 'text')`. */
function literalLogLines(file: string, text: string): string[] {
  const found: string[] = []
  for (const m of text.matchAll(CALL)) {
    const args = argsAt(text, (m.index ?? 0) + m[0].length - 1)
      .trim()
      .replace(/,$/, '')
      .trim()
    if (/(?:^|,)\s*(['"`])(?:(?!\1)[^\\]|\\.)*\1$/.test(args)) {
      const line = text.slice(0, m.index).split('\n').length
      found.push(`${relative(ROOT, file)}:${line}: ${m[0]}${args.slice(-60)})`)
    }
  }
  return found
}

describe('operator log lines', () => {
  it('finds a literal message when there is one (the scan can fail)', () => {
    expect(literalLogLines('x.ts', "app.log.warn({ runId }, 'lease lost')")).toHaveLength(1)
    expect(literalLogLines('x.ts', 'this.#log.error(`failed`)')).toHaveLength(1)
    expect(literalLogLines('x.ts', "log.info({ a: 'b' }, t('log.schedule.armed'))")).toEqual([])
    expect(literalLogLines('x.ts', "log.debug({ ms }, 'publish: committed')")).toEqual([])
  })
  it('at info, warn, error and fatal come from the catalogue', () => {
    const files = readdirSync(SRC, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(SRC, f))
    expect(files.length).toBeGreaterThan(50)
    const found = files.flatMap((f) => literalLogLines(f, readFileSync(f, 'utf8')))
    expect(found).toEqual([])
  })
})
