/**
 * Issue 9 §5: qd766.config.json is checked at start. A BOM (Notepad) is fine; an unknown timezone,
 * bands without a 0 band and absurd numbers stop the command with a message that names the setting
 * (exit 2), instead of a crash in the night.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../src/config/config.ts'
import { setLang } from '../../src/i18n/index.ts'
import { cli, tempDir, tempHome } from '../helpers.ts'

const dir = tempDir('config-')
let n = 0
function configFile(text: string): string {
  const path = join(dir, `c${n++}.json`)
  writeFileSync(path, text)
  return path
}
const json = (v: unknown) => JSON.stringify(v)

beforeAll(() => setLang('en'))
afterAll(() => setLang('vi'))

describe('loadConfig accepts', () => {
  it.each<[string, string, (c: ReturnType<typeof loadConfig>) => unknown, unknown]>([
    [
      'a UTF-8 BOM',
      `\ufeff${json({ inbox: { minFileAgeSeconds: 5 } })}`,
      (c) => c.inbox.minFileAgeSeconds,
      5,
    ],
    ['a BOM with nothing else', '\ufeff{}', (c) => c.schedule.timezone, 'Asia/Ho_Chi_Minh'],
    [
      'another real timezone',
      json({ schedule: { timezone: 'Asia/Bangkok' } }),
      (c) => c.schedule.timezone,
      'Asia/Bangkok',
    ],
    [
      'bands with a 0 band in any order',
      json({
        bands: [
          { label: 'Thấp', min: 0 },
          { label: 'Cao', min: 60 },
        ],
      }),
      (c) => c.bands.length,
      2,
    ],
    [
      'the largest file age allowed',
      json({ inbox: { minFileAgeSeconds: 86_400 } }),
      (c) => c.inbox.minFileAgeSeconds,
      86_400,
    ],
  ])('%s', (_what, text, get, expected) => {
    expect(get(loadConfig(configFile(text)))).toEqual(expected)
  })
})

describe('loadConfig refuses, naming the setting', () => {
  it.each<[string, string, RegExp]>([
    [
      'an unknown timezone',
      json({ schedule: { timezone: 'Asia/Hanoi' } }),
      /schedule\.timezone: the timezone "Asia\/Hanoi" is unknown/,
    ],
    [
      'a timezone that is not a zone',
      json({ schedule: { timezone: 'GMT+7 Hà Nội' } }),
      /schedule\.timezone: the timezone/,
    ],
    [
      'bands without a 0 band',
      json({
        bands: [
          { label: 'A', min: 50 },
          { label: 'B', min: 80 },
        ],
      }),
      /bands: the band list needs a band starting at 0/,
    ],
    ['an empty band list', json({ bands: [] }), /bands: needs at least 1 item/],
    [
      'minFileAgeSeconds: 1e308',
      '{"inbox": {"minFileAgeSeconds": 1e308}}',
      /inbox\.minFileAgeSeconds: too big, at most 86400/,
    ],
    ['a negative wait', json({ inbox: { stableWaitMs: -1 } }), /inbox\.stableWaitMs: too small, at least 0/],
    [
      'catchUpHours: 1e9',
      json({ schedule: { catchUpHours: 1e9 } }),
      /schedule\.catchUpHours: too big, at most 336/,
    ],
    ['totalTolerance: 1e308', '{"totalTolerance": 1e308}', /totalTolerance: too big, at most 5/],
    [
      'maxFileMegabytes: 1e308',
      '{"limits": {"maxFileMegabytes": 1e308}}',
      /limits\.maxFileMegabytes: too big/,
    ],
    ['maxRows: 1e12', json({ limits: { maxRows: 1e12 } }), /limits\.maxRows: too big/],
    [
      'a number as text',
      json({ inbox: { minFileAgeSeconds: '2' } }),
      /inbox\.minFileAgeSeconds: wrong type, expected number/,
    ],
    [
      'a typo in a key',
      json({ inbox: { minFileAgeSecond: 2 } }),
      /inbox: settings qd766 does not have \(a typo\?\): minFileAgeSecond/,
    ],
    [
      'a band above 100',
      json({
        bands: [
          { label: 'A', min: 0 },
          { label: 'B', min: 101 },
        ],
      }),
      /bands\.1\.min: too big, at most 100/,
    ],
    ['not JSON', '{ "inbox": ', /is not valid JSON/],
  ])('%s', (_what, text, message) => {
    const path = configFile(text)
    expect(() => loadConfig(path)).toThrow(ConfigError)
    expect(() => loadConfig(path)).toThrow(message)
  })
})

describe('a bad setting stops every command at start (exit 2, in Vietnamese by default)', () => {
  it.each<[string[]]>([[['status']], [['ranking']], [['refresh']]])('qd766 %s', (args) => {
    const home = tempHome()
    writeFileSync(
      join(home, 'qd766.config.json'),
      '{"inbox": {"minFileAgeSeconds": 1e308}, "bands": [{"label": "A", "min": 50}]}',
    )
    const r = cli(home, args)
    expect(r.code, r.stderr).toBe(2)
    expect(r.stderr).toMatch(/lỗi cấu hình/)
    expect(r.stderr).toMatch(/inbox\.minFileAgeSeconds: giá trị quá lớn, tối đa là 86400/)
    expect(r.stderr).toMatch(/bands: danh sách xếp loại phải có một mức bắt đầu từ 0/)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })
})
