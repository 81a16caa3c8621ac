/**
 * The languages the app ships, each named in its own language (as language menus do), and the
 * choice among them: a stored choice first, then the browser's preferred languages, then English.
 */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Español' },
] as const;

export type Language = (typeof LANGUAGES)[number]['code'];

export const isLanguage = (code: unknown): code is Language => LANGUAGES.some((l) => l.code === code);

/** The first of the browser's languages we ship ("es-MX" counts as "es"), or English. */
export function preferredLanguage(browser: readonly string[]): Language {
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}
