/** --lang and QD766_LANG choose the language people read; codes and exit codes do not change. */
import { describe, expect, it } from 'vitest'
import { cli, tempHome } from '../helpers.ts'

describe('--lang', () => {
  const home = tempHome()
  it.each<{ args: string[]; env: Record<string, string>; shows: string }>([
    { args: ['ranking', '--help'], env: {}, shows: 'Tuỳ chọn chung:' },
    { args: ['ranking', '--help', '--lang', 'en'], env: {}, shows: 'Common options:' },
    { args: ['ranking', '--lang=en', '--help'], env: {}, shows: 'Common options:' },
    { args: ['ranking', '--help'], env: { QD766_LANG: 'en' }, shows: 'Common options:' },
    { args: ['ranking', '--help', '--lang', 'vi'], env: { QD766_LANG: 'en' }, shows: 'Tuỳ chọn chung:' },
  ])('$args with $env shows "$shows"', ({ args, env, shows }) => {
    const r = cli(home, args, env)
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain(shows)
  })

  it('refuses a language it does not speak with exit 2', () => {
    const r = cli(home, ['status', '--lang', 'fr'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('--lang "fr"')
  })

  it('puts usage errors in the chosen language', () => {
    expect(cli(home, ['ranking', '--nope']).stderr).toContain('Cách dùng: qd766 ranking')
    expect(cli(home, ['ranking', '--nope', '--lang', 'en']).stderr).toContain('Usage: qd766 ranking')
  })
})
