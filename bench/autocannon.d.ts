/** The part of autocannon 9's programmatic API the benchmark uses (the package ships no types). */
declare module 'autocannon' {
  export interface AutocannonResult {
    requests: { total: number }
    non2xx: number
    latency: { p50: number; p97_5: number; p99: number }
  }
  export interface AutocannonOptions {
    url: string
    connections: number
    amount: number
    timeout?: number
    requests?: Array<{
      method?: string
      onResponse?: (status: number, body: string, context: unknown, headers: Record<string, string>) => void
    }>
  }
  export default function autocannon(
    opts: AutocannonOptions,
    done: (err: Error | null, result: AutocannonResult) => void,
  ): unknown
}
