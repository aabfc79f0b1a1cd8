/**
 * `t('area.key', params)` gives the text of one catalogue entry in the current language.
 * Parameters are checked against the entry's own function type.
 */
import { MESSAGES, type MessageKey, type MessageText } from './catalog.ts'
import { getLang, type Lang } from './lang.ts'

export type { MessageKey } from './catalog.ts'
export { getLang, type Lang, langFromEnv, parseLang, setLang } from './lang.ts'

type Params<K extends MessageKey> = (typeof MESSAGES)[K]['vi'] extends (p: infer P) => string
  ? [params: P]
  : []

function render(text: MessageText, params: unknown): string {
  return typeof text === 'function' ? text(params) : text
}

export function t<K extends MessageKey>(key: K, ...params: Params<K>): string {
  return tIn(getLang(), key, ...params)
}

/** The same in a given language (the web server renders per request; .error.json keeps both). */
export function tIn<K extends MessageKey>(lang: Lang, key: K, ...params: Params<K>): string {
  const entry = MESSAGES[key]
  return render(entry[lang], params[0])
}

/** A key built at run time ("term.kind." + a code read from the database) that the catalogue has. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(MESSAGES, key)
}

/**
 * The plain text of a key built at run time, in the current language (or `lang`); undefined when
 * the catalogue has no such key or its entry needs parameters. Callers fall back to the code itself.
 */
export function textOf(key: string, lang: Lang = getLang()): string | undefined {
  if (!isMessageKey(key)) return undefined
  const text = MESSAGES[key][lang]
  return typeof text === 'string' ? text : undefined
}
