/**
 * The app's translations: one i18next instance, set up when this module is first imported, with
 * every catalog bundled (two small languages do not justify a network round trip). Modules import
 * `t` from here rather than from i18next so the set-up has always run before the first lookup.
 *
 * Strings rendered by React are escaped by React, so interpolation does not escape again; never
 * pass a translation to dangerouslySetInnerHTML (labels from files are text, never HTML).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { create } from 'zustand';
import { en } from './catalog/en/index.ts';
import { es } from './catalog/es/index.ts';
import { isLanguage, preferredLanguage, type Language } from './languages.ts';
import { readChoice, writeChoice } from '../store/preferences.ts';

const PREFERENCE = 'language';

function initialLanguage(): Language {
  const stored = readChoice(PREFERENCE);
  if (isLanguage(stored)) return stored;
  return preferredLanguage(typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]));
}

const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, es: { translation: es } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** The current language, for components that show numbers but no catalog text. */
export const useLanguage = create<Language>(() => i18n.language as Language);

function showLanguage(lang: Language) {
  useLanguage.setState(lang, true);
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}
showLanguage(i18n.language as Language);

/** Switches every string and number on screen to `lang`, and remembers the choice. */
export function setLanguage(lang: Language): void {
  writeChoice(PREFERENCE, lang);
  void i18n.changeLanguage(lang);
  showLanguage(lang);
}

export const currentLanguage = (): Language => i18n.language as Language;

/** Looks up a catalog key (checked by the type checker) in the current language. */
export const t = i18n.t.bind(i18n) as typeof i18n.t;
