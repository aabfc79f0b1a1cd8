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
import { DEFAULT_LIMITS, type ReadLimits, type SheetSource, type WorkbookSource } from './types.ts'
import { readXlsx } from './xlsx.ts'

export const NO_SOFFICE_MESSAGE =
  'This is an old binary Excel 97-2003 .xls file and LibreOffice is not installed to convert it. Open it in Excel and save it as .xlsx (Excel Workbook), then drop it in the inbox again.'

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
  return new QdError(
    'binary-xls',
    'LibreOffice could not convert this old binary Excel 97-2003 .xls file. Open it in Excel and save it as .xlsx (Excel Workbook), then drop it in the inbox again.',
    { found: detail },
  )
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
      reject(conversionFailed(`timed out after ${CONVERT_TIMEOUT_MS / 1000} s`))
    }, CONVERT_TIMEOUT_MS)
    child.on('error', (err) => {
      clearTimeout(timer)
      reject(conversionFailed(err.message))
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      if (code === 0) resolve()
      else reject(conversionFailed(`soffice exited with ${code}: ${output.trim()}`))
    })
  })
}

export async function readBiff(path: string, limits: Partial<ReadLimits> = {}): Promise<WorkbookSource> {
  const lim: ReadLimits = { ...DEFAULT_LIMITS, ...limits }
  const size = (await stat(path)).size
  if (size > lim.maxFileBytes) {
    throw new QdError(
      'too-large',
      `The file is too large to import: ${size} bytes, the limit is ${lim.maxFileBytes} bytes.`,
      { expected: `at most ${lim.maxFileBytes} bytes`, found: `${size} bytes` },
    )
  }
  if (isEncryptedOoxml(await readFile(path))) {
    throw new QdError(
      'corrupt-file',
      'The workbook is password-protected (encrypted). Remove the password in Excel and save it again as .xlsx.',
      { found: 'encrypted Office document' },
    )
  }
  const soffice = findSoffice()
  if (!soffice)
    throw new QdError('binary-xls', NO_SOFFICE_MESSAGE, { expected: '.xlsx', found: 'binary .xls (BIFF)' })

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
        throw conversionFailed('LibreOffice produced no .xlsx file')
      }
      const wb = await readXlsx(converted, lim)
      yield* wb.sheets
    } finally {
      await rm(work, { recursive: true, force: true })
    }
  }
  return { format: 'xls-biff', sheets: sheets() }
}
