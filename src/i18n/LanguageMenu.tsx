/**
 * The toolbar's language choice: it overrides the browser's language and is remembered. A native
 * select (keyboard and screen readers for free, each language named in its own language) laid
 * invisibly over a compact "🌐 ES" face, since the toolbar has no room for a language's full name.
 */
import { useTranslation } from 'react-i18next';
import { LANGUAGES, isLanguage } from './languages.ts';
import { setLanguage, useLanguage } from './i18n.ts';
import './languageMenu.css';

export function LanguageMenu() {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <span className="language-menu" title={t('toolbar.language')}>
      <span className="language-menu__face" aria-hidden="true">
        <svg viewBox="0 0 16 16" width="14" height="14" fill="none" stroke="currentColor" strokeWidth="1.3">
          <circle cx="8" cy="8" r="6.5" />
          <path d="M1.5 8h13M8 1.5c2 2 2.8 4.2 2.8 6.5S10 12.5 8 14.5M8 1.5C6 3.5 5.2 5.7 5.2 8S6 12.5 8 14.5" />
        </svg>
        {lang.toUpperCase()}
      </span>
      <select
        className="language-menu__select"
        value={lang}
        aria-label={t('toolbar.language')}
        onChange={(e) => {
          if (isLanguage(e.target.value)) setLanguage(e.target.value);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
    </span>
  );
}
