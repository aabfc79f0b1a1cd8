/**
 * Type guards for values that come from outside the type system (JSON.parse, worker messages,
 * library results typed `unknown`): checks instead of casts.
 */

/** A plain object (not null, not an array): its fields can be read as unknowns. */
export const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
