/**
 * The language people read. Vietnamese by default (the users are Vietnamese civil servants);
 * `--lang en` or `QD766_LANG=en` switches to English. JSON keys, error codes and exit codes never
 * change with the language: only text meant for people does.
 */
export type Lang = 'vi' | 'en'

export const LANGS: readonly Lang[] = ['vi', 'en']

let current: Lang = langFromEnv(process.env.QD766_LANG)

/** `QD766_LANG` values: "en", "en_US.UTF-8", "vi", "vi-VN"; anything else is Vietnamese. */
export function langFromEnv(value: string | undefined): Lang {
  return value && /^en\b|^en[_-]/i.test(value.trim()) ? 'en' : 'vi'
}

export function getLang(): Lang {
  return current
}

export function setLang(lang: Lang): void {
  current = lang
}

/** Parses a `--lang` value; undefined when it is not a language we speak. */
export function parseLang(value: string): Lang | undefined {
  const v = value.trim().toLowerCase()
  if (v === 'vi' || v === 'vn' || v.startsWith('vi-') || v.startsWith('vi_')) return 'vi'
  if (v === 'en' || v.startsWith('en-') || v.startsWith('en_')) return 'en'
  return undefined
}
