/**
 * Run keys of schedule ticks: `refresh@<tick instant ISO>`, UNIQUE in `runs`, so one tick is one row
 * however many schedulers fire it. A retry of a tick whose run died is `<key>#retry-N`.
 */
export function tickKey(tick: Date): string {
  return `refresh@${tick.toISOString()}`
}

export function retryKey(tick: Date, attempt: number): string {
  return `${tickKey(tick)}#retry-${attempt}`
}
