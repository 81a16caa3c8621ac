/**
 * Numbers with a fixed count of decimals (like toFixed) in the current language: "1.5" in
 * English, "1,5" in Spanish. For axis ticks and ranges where every label has the same decimals.
 */
import { currentLanguage } from '../../i18n/i18n.ts';

const formats = new Map<string, Intl.NumberFormat>();

/** `v` with exactly `decimals` decimals, no grouping, in the current language. */
export function formatFixed(v: number, decimals: number): string {
  const lang = currentLanguage();
  const key = `${lang}/${decimals}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang, { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: false });
    formats.set(key, f);
  }
  return f.format(v);
}

/** A label the code wrote with "." as its decimal point ("-2.25"), with the current language's separator. */
export function localizeDecimalPoint(text: string): string {
  const sep = formatFixed(1.5, 1).charAt(1);
  return sep === '.' ? text : text.replace('.', sep);
}
