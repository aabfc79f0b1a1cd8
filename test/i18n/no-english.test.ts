/**
 * Vietnamese everywhere (issue 10 §4): a full demo run, then every output a person reads — the CLI
 * tables, `status`, the `.error.json` of a rejected file, the HTML report and the workbook's text —
 * is searched for English words. The same run with --lang en shows English.
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli, ROOT, tempDir } from '../helpers.ts'

// Words that only English text contains (codes such as CKMB, file names and Vietnamese never do).
const ENGLISH = [
  'the',
  'and',
  'of',
  'is',
  'not',
  'file',
  'files',
  'rows',
  'rank',
  'ranking',
  'total',
  'score',
  'province',
  'provinces',
  'accepted',
  'rejected',
  'duplicate',
  'waiting',
  'snapshot',
  'snapshots',
  'reading',
  'source',
  'national',
  'portal',
  'metric',
  'group',
  'period',
  'none',
  'wrote',
  'next',
  'run',
  'runs',
  'findings',
  'expected',
  'found',
  'should',
  'must',
  'cannot',
  'unknown',
  'missing',
  // schedule, query and backup help and output; the national pipeline's cell errors
  'between',
  'written',
  'integrity',
  'statement',
  'tick',
  'whole',
  'number',
  'seconds',
]
const WORD = new RegExp(`(?<![\\p{L}\\p{N}_./-])(${ENGLISH.join('|')})(?![\\p{L}\\p{N}_./-])`, 'giu')

/** English words in `text`, ignoring paths, commands people type, codes and JSON keys. */
function englishIn(text: string): string[] {
  const cleaned = text
    .replace(/^(?:Cách dùng|Usage): .*$/gm, ' ') // the synopsis: option names and their placeholders
    .replace(/\b(?:rejected|archive|inbox|work|reports)\//g, ' ') // the home's folders, by name
    .replace(/(?<![\p{L}\p{N}])(?:\/|[A-Z]:\\)[^\s"'<>)]+/gu, ' ') // paths
    .replace(/^ {2}[a-z]+(?= {2})/gm, ' ') // command names in the main help's list
    .replace(/qd766 [a-z-]+[^\n|]*/g, ' ') // commands to type ("qd766 province … --home …")
    .replace(/--[a-z-]+/g, ' ') // options
    .replace(/"[a-zA-Z]+":/g, ' ') // JSON keys
    .replace(/\b[\w-]+\.(?:xlsx|csv|json|html|xls|sqlite)\b/g, ' ') // file names
  return [...cleaned.matchAll(WORD)].map((m) => m[1]!)
}

function xlsxText(path: string): string {
  // The shared strings of the workbook: every text cell (exceljs writes them there).
  return execFileSync('unzip', ['-p', path, 'xl/sharedStrings.xml'], { encoding: 'utf8' })
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;/g, ' ')
}

function htmlText(path: string): string {
  return pageText(readFileSync(path, 'utf8'))
}

function pageText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/g, ' ')
}

describe('no English in the default language', () => {
  const home = join(tempDir('vi-'), 'demo')
  const outputs: Record<string, string> = {}
  const enOutputs: Record<string, string> = {}
  const reportOutputs: Record<string, string> = {}

  // ~15 CLI runs; generous on a loaded 2-core machine (no timing is asserted)
  it('runs the demo and the commands people use', { timeout: 600_000 }, () => {
    const demo = cli(home, ['demo'])
    expect(demo.code, demo.stderr).toBe(0)
    outputs.demo = demo.stdout
    // a rejected file: a table with an unknown province
    const bad = join(tempDir('bad-'), 'xep-hang-2026-10-06.csv')
    copyFileSync(join(ROOT, 'test', 'i18n', 'bad-ranking.csv'), bad)
    const ingest = cli(home, ['ingest', bad])
    expect(ingest.code).toBe(1)
    outputs.ingest = ingest.stdout
    const rejected = join(home, 'rejected')
    const errorJson = readdirSync(rejected).find((f) => f.endsWith('.error.json'))!
    const err = JSON.parse(readFileSync(join(rejected, errorJson), 'utf8')) as Record<string, unknown>
    outputs.errorJson = [err.message, err.hint, err.expected, err.found].filter(Boolean).join('\n')
    expect(err.code).toBeTypeOf('string')
    for (const args of [
      ['status'],
      ['ranking'],
      ['ranking', '--by', 'MDSH', '--province', 'Đắk Lắk'],
      ['province', 'Đắk Lắk', '--what-if', 'PUBLISH_ON_TIME=1'],
      ['province', 'Thanh Hóa', '--units'],
      ['units', 'Thanh Hóa'],
      ['--help'],
      ['ranking', '--help'],
      ['schedule', '--help'],
      ['query', '--help'],
      ['backup', '--help'],
      ['units', '--help'],
      ['query', 'SELECT 1 AS x'],
      ['backup'],
    ]) {
      const r = cli(home, args)
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0)
      outputs[args.join(' ')] = r.stdout
    }
    for (const args of [['status'], ['ranking'], ['ranking', '--help'], ['units', 'Thanh Hóa']])
      enOutputs[args.join(' ')] = cli(home, [...args, '--lang', 'en']).stdout
    // the leadership report written again, in each language, into folders of its own
    for (const lang of ['vi', 'en']) {
      const dir = tempDir(`report-${lang}-`)
      const r = cli(home, ['report', '--province', 'Đắk Lắk', '--out', dir, '--lang', lang])
      expect(r.code, r.stderr).toBe(0)
      const files = readdirSync(dir)
      const html = files.find((f) => f.endsWith('.html'))!
      const xlsx = files.find((f) => f.endsWith('.xlsx'))!
      reportOutputs[`${lang}.html`] = readFileSync(join(dir, html), 'utf8')
      reportOutputs[`${lang}.xlsx`] = xlsxText(join(dir, xlsx))
      const sheets = execFileSync('unzip', ['-p', join(dir, xlsx), 'xl/workbook.xml'], { encoding: 'utf8' })
      reportOutputs[`${lang}.sheets`] = [...sheets.matchAll(/<sheet [^>]*name="([^"]+)"/g)]
        .map((m) => m[1])
        .join('|')
    }
    const reports = join(home, 'reports')
    const written = readdirSync(reports)
    // both report formats, so the test below reads them and cannot pass on an empty folder
    expect(written.some((f) => f.endsWith('.html')) && written.some((f) => f.endsWith('.xlsx'))).toBe(true)
    for (const f of written) {
      outputs[f] = f.endsWith('.html') ? htmlText(join(reports, f)) : xlsxText(join(reports, f))
    }
  })

  it('finds no English word in any of them', () => {
    const found = Object.entries(outputs)
      .map(([name, text]) => ({ name, words: [...new Set(englishIn(text))] }))
      .filter((x) => x.words.length > 0)
    expect(found).toEqual([])
  })

  // Issue 10 §6: a 100-column terminal. Display width counts letters, not combining marks.
  it('fits every line of the terminal output in 100 columns', () => {
    const width = (line: string) => [...line.normalize('NFC')].filter((ch) => !/\p{M}/u.test(ch)).length
    const wide = Object.entries({
      ...outputs,
      ...Object.fromEntries(Object.entries(enOutputs).map(([k, v]) => [`${k} --lang en`, v])),
    })
      .filter(([name]) => !/\.(?:xlsx|html)$/.test(name) && !['errorJson', 'backup'].includes(name)) // backup: one line naming a file path
      .flatMap(([name, text]) =>
        text
          // the home's path is wherever the clone lives: measured as a short path, not as its length here
          .split(home)
          .join('~/qd766')
          .split('\n')
          .filter((line) => width(line) > 100 && !/^(?:Cách dùng|Usage): /.test(line))
          .map((line) => `${name}: ${line}`),
      )
    expect(wide).toEqual([])
  })

  it('writes the leadership report in Vietnamese by default and in English with --lang en', () => {
    const vi = reportOutputs['vi.html']!
    const en = reportOutputs['en.html']!
    expect(vi).toMatch(/<html lang="vi">/)
    expect(vi).toMatch(/<h2>1\. Thứ hạng qua thời gian<\/h2>/)
    expect(vi).toMatch(/<h2>5\. Bảng xếp hạng 34 tỉnh, thành phố<\/h2>/)
    expect(englishIn(pageText(vi))).toEqual([])
    expect(en).toMatch(/<html lang="en">/)
    expect(en).toMatch(/<h2>1\. Rank over time<\/h2>/)
    expect(en).toMatch(/<h2>2\. Scores by indicator group<\/h2>/)
    expect(en).toMatch(/<h2>5\. Ranking of the 34 provinces<\/h2>/)
    expect(en).toMatch(/Đắk Lắk: rank \d+\/34/)
    expect(en).not.toMatch(/Thứ hạng qua thời gian|Bảng xếp hạng|Điểm bị mất/)
    // the workbook: sheet names and its headers
    expect(reportOutputs['vi.sheets']).toMatch(/^Xếp hạng\|Tỉnh Đắk Lắk\|/)
    expect(reportOutputs['en.sheets']).toMatch(/^Ranking\|Đắk Lắk\|/)
    expect(englishIn(reportOutputs['vi.xlsx']!)).toEqual([])
    expect(reportOutputs['en.xlsx']).toMatch(/Total score/)
    expect(reportOutputs['en.xlsx']).toMatch(/Points lost/)
    expect(reportOutputs['en.xlsx']).not.toMatch(/Tổng điểm|Điểm bị mất|Tỉnh, thành phố/)
  })

  it('shows English with --lang en', () => {
    expect(enOutputs.status).toMatch(/Needs attention:/)
    expect(enOutputs.ranking).toMatch(/provinces ranked \(source: national ranking table\)/)
    expect(enOutputs['ranking --help']).toMatch(/Common options:/)
    for (const [name, text] of Object.entries(enOutputs))
      expect(englishIn(text).length, name).toBeGreaterThan(0)
  })
})
