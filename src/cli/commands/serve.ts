import { resolveHomeDir } from '../../config/home.ts'
import { errnoCode } from '../../errors.ts'
import { t } from '../../i18n/index.ts'
import { ServeConfigError, startServer } from '../../serve/server.ts'
import { defineCommand, EXIT, UsageError } from '../args.ts'
import { loggerFor } from '../context.ts'

export const serveCommand = defineCommand({
  name: 'serve',
  summary: () => t('serve.cli.summary'),
  usage: 'qd766 serve [--home DIR] [--host 127.0.0.1] [--port 8766]',
  options: {
    host: { type: 'string' },
    port: { type: 'string' },
  },
  details: () => t('serve.cli.details'),
  async run({ values }) {
    const host = values.host ?? '127.0.0.1'
    const portText = values.port ?? '8766'
    const port = Number(portText)
    if (!/^\d+$/.test(portText) || port > 65535)
      throw new UsageError(t('serve.cli.bad-port', { port: portText }))
    const log = loggerFor(values)
    let server: Awaited<ReturnType<typeof startServer>>
    try {
      server = await startServer({
        root: resolveHomeDir(values.home),
        host,
        port,
        log,
        envToken: process.env.QD766_TOKEN,
        cliPath: process.argv[1] ?? null,
      })
    } catch (err) {
      if (err instanceof ServeConfigError) {
        process.stderr.write(
          `qd766 serve: ${err.message === 'serve.needs-token' ? t('serve.cli.needs-token', { host }) : t('serve.cli.short-token')}\n`,
        )
        return EXIT.usage
      }
      const code = errnoCode(err)
      if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
        process.stderr.write(`qd766 serve: ${t('serve.cli.cannot-listen', { host, port, code })}\n`)
        return EXIT.usage
      }
      throw err
    }
    process.stdout.write(`${t('serve.cli.listening', { url: server.url })}\n`)
    await new Promise<void>((resolve) => {
      const stop = () => resolve()
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
    await server.close()
    return EXIT.ok
  },
})
