/**
 * Old binary Excel 97-2003 files (OLE2/BIFF). We do not parse BIFF ourselves (SheetJS is excluded,
 * see engineering notes §0); when LibreOffice is installed it converts the file to .xlsx in a private
 * temp dir and the .xlsx reader does the rest. Without it the user gets a clear instruction.
 */
import { spawn } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { copyFile, mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { QdError } from '../errors.ts'
import { fmtInt } from '../i18n/format.ts'
import { t } from '../i18n/index.ts'
import { DEFAULT_LIMITS, type ReadLimits, type SheetSource, type WorkbookSource } from './types.ts'
import { readXlsx } from './xlsx.ts'

/** What people read when an old .xls arrives and LibreOffice is missing (in the current language). */
export const noSofficeMessage = (): string => t('read.biff.no-soffice')

export const CONVERT_TIMEOUT_MS = 120_000

/** Absolute path of `soffice` on PATH, if any (looked up at call time). */
export function findSoffice(pathVar: string | undefined = process.env.PATH): string | undefined {
  for (const dir of (pathVar ?? '').split(delimiter)) {
    if (!dir) continue
    const candidate = join(dir, process.platform === 'win32' ? 'soffice.exe' : 'soffice')
    try {
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {
      // not here
    }
  }
  return undefined
}

/**
 * An OLE2 file can also be a password-protected .xlsx (the encrypted package lives in an OLE2
 * container). LibreOffice would stall on the password prompt, so say what it is instead.
 */
function isEncryptedOoxml(bytes: Buffer): boolean {
  return bytes.indexOf(Buffer.from('EncryptedPackage', 'utf16le')) !== -1
}

function conversionFailed(detail: string): QdError {
  return new QdError('binary-xls', t('read.biff.failed'), { found: detail })
}

async function convert(soffice: string, input: string, outDir: string, profileDir: string): Promise<void> {
  const args = [
    `-env:UserInstallation=${pathToFileURL(profileDir).href}`,
    '--headless',
    '--norestore',
    '--convert-to',
    'xlsx',
    '--outdir',
    outDir,
    input,
  ]
  await new Promise<void>((resolve, reject) => {
    // Own process group so a timeout can kill soffice.bin too.
    const child = spawn(soffice, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
    })
    let output = ''
    const collect = (b: Buffer) => {
      if (output.length < 4000) output += b.toString('utf8')
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    const timer = setTimeout(() => {
      try {
        if (child.pid !== undefined)
          process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGKILL')
      } catch {
        child.kill('SIGKILL')
      }
      reject(conversionFailed(t('read.biff.timed-out', { s: CONVERT_TIMEOUT_MS / 1000 })))
    }, CONVERT_TIMEOUT_MS)
    child.on('error', (err) => {
      clearTimeout(timer)
      reject(conversionFailed(err.message))
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      if (code === 0) resolve()
      else reject(conversionFailed(t('read.biff.exited', { code: String(code), output: output.trim() })))
    })
  })
}

export async function readBiff(path: string, limits: Partial<ReadLimits> = {}): Promise<WorkbookSource> {
  const lim: ReadLimits = { ...DEFAULT_LIMITS, ...limits }
  const size = (await stat(path)).size
  if (size > lim.maxFileBytes) {
    throw new QdError(
      'too-large',
      t('error.file.too-large', { size: fmtInt(size), limit: fmtInt(lim.maxFileBytes) }),
      {
        expected: t('read.at-most-bytes', { n: String(lim.maxFileBytes) }),
        found: t('read.bytes', { n: String(size) }),
      },
    )
  }
  if (isEncryptedOoxml(await readFile(path))) {
    throw new QdError('corrupt-file', t('read.encrypted'), { found: t('read.encrypted.found') })
  }
  const soffice = findSoffice()
  if (!soffice)
    throw new QdError('binary-xls', noSofficeMessage(), { expected: '.xlsx', found: t('read.biff.found') })

  // Conversion happens when the sheets are first asked for, so an unread source leaves no temp dir;
  // the dir is removed when iteration ends, fails or is abandoned with return().
  async function* sheets(): AsyncGenerator<SheetSource> {
    const work = await mkdtemp(join(tmpdir(), 'qd766-xls-'))
    try {
      const input = join(work, 'input.xls')
      const outDir = join(work, 'out')
      await mkdir(outDir)
      await copyFile(path, input)
      await convert(soffice!, input, outDir, join(work, 'profile'))
      const converted = join(outDir, 'input.xlsx')
      try {
        await stat(converted)
      } catch {
        throw conversionFailed(t('read.biff.no-output'))
      }
      const wb = await readXlsx(converted, lim)
      yield* wb.sheets
    } finally {
      await rm(work, { recursive: true, force: true })
    }
  }
  return { format: 'xls-biff', sheets: sheets() }
}
