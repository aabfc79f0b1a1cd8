/**
 * Load on `qd766 serve` for the benchmark: the real server (the CLI, in its own process) over the
 * benchmark's year of history, on 127.0.0.1 only, driven by autocannon with a bounded number of
 * concurrent clients and requests. For each page and API route it reports the p95 of the server's
 * own time (the Server-Timing header of every response, so the queueing of 20 clients on one Node
 * thread is not counted as server time) and the client-seen p97.5 latency (autocannon's percentiles); and the server's resident
 * memory before and after all the requests (flat means no leak per request).
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import autocannon, { type AutocannonResult } from 'autocannon'

export interface RouteLoad {
  route: string
  requests: number
  non2xx: number
  serverP95Ms: number
  serverP50Ms: number
  clientP975Ms: number
}

export interface ServeLoad {
  connections: number
  requests: number
  routes: RouteLoad[]
  rssStartMb: number
  rssAfterWarmupMb: number
  rssEndMb: number
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return m ? Math.round(Number(m[1]) / 1024) : 0
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

export async function loadServe(
  root: string,
  home: string,
  opts: { routes: string[]; total: number; connections: number },
): Promise<ServeLoad> {
  const child = spawn(
    process.execPath,
    [join(root, 'bin', 'qd766.js'), 'serve', '--home', home, '--host', '127.0.0.1', '--port', '0'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, QD766_LOG_LEVEL: 'error' },
    },
  )
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = ''
      child.stdout!.on('data', (d) => {
        out += d
        const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out)
        if (m) resolve(m[0])
      })
      child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)))
    })
    const pid = child.pid!
    const rssStartMb = rssMb(pid)
    const perRoute = Math.max(20, Math.floor(opts.total / opts.routes.length))
    const run = (route: string, amount: number, collect?: number[]) =>
      new Promise<AutocannonResult>((resolve, reject) => {
        autocannon(
          {
            url: new URL(route, url).href,
            connections: opts.connections,
            amount,
            timeout: 30,
            requests: [
              {
                method: 'GET',
                onResponse: (
                  _status: number,
                  _body: string,
                  _ctx: unknown,
                  headers: Record<string, string>,
                ) => {
                  const m = /dur=([\d.]+)/.exec(headers['server-timing'] ?? '')
                  if (m && collect) collect.push(Number(m[1]))
                },
              },
            ],
          },
          (err: Error | null, result: AutocannonResult) => (err ? reject(err) : resolve(result)),
        )
      })
    // warm-up: first use of each route (module loads, prepared statements, the SQL child)
    for (const route of opts.routes) await run(route, opts.connections * 2)
    const rssAfterWarmupMb = rssMb(pid)
    const routes: RouteLoad[] = []
    for (const route of opts.routes) {
      const times: number[] = []
      const r = await run(route, perRoute, times)
      times.sort((a, b) => a - b)
      routes.push({
        route,
        requests: r.requests.total,
        non2xx: r.non2xx,
        serverP50Ms: percentile(times, 50),
        serverP95Ms: percentile(times, 95),
        clientP975Ms: r.latency.p97_5,
      })
    }
    return {
      connections: opts.connections,
      requests: routes.reduce((n, r) => n + r.requests, 0),
      routes,
      rssStartMb,
      rssAfterWarmupMb,
      rssEndMb: rssMb(pid),
    }
  } finally {
    child.kill('SIGTERM')
  }
}
