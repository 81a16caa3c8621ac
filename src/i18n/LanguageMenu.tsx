/** The toolbar's language choice: it overrides the browser's language and is remembered. */
import { useTranslation } from 'react-i18next';
import { LANGUAGES, isLanguage } from './languages.ts';
import { setLanguage, useLanguage } from './i18n.ts';
import './languageMenu.css';

export function LanguageMenu() {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <select
      className="language-menu"
      value={lang}
      aria-label={t('toolbar.language')}
      title={t('toolbar.language')}
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
  );
}
