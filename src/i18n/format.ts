/**
 * Numbers as the current language writes them, through Intl: "0.5" in English, "0,5" in Spanish.
 * The digits are the engine's (graph-engine/core/number-format.ts: 4 significant digits, an
 * exponent only outside 1e-4..1e6, no thousands grouping, since "12.345" would read as a decimal
 * in English and "12 345" breaks across lines on a card); only the separators follow the language.
 * The same rule applies to formula text, where KaTeX needs a comma braced (`{,}`) or it spaces it
 * as punctuation.
 */
import { currentLanguage } from './i18n.ts';

const plainFormats = new Map<string, Intl.NumberFormat>();
function plainFormat(lang: string, digits: number): Intl.NumberFormat {
  const key = `${lang}/${digits}`;
  let f = plainFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang, { maximumSignificantDigits: digits, useGrouping: false });
    plainFormats.set(key, f);
  }
  return f;
}

/** `v` in `lang`: 4 significant digits, no trailing zeros, an exponent only when it helps. */
export function formatNumberIn(lang: string, v: number, digits = 4): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const abs = Math.abs(v);
  if (abs >= 1e-4 && abs < 1e6) return plainFormat(lang, digits).format(v);
  const [m, e] = v.toExponential(digits - 1).split('e');
  return `${plainFormat(lang, digits).format(Number(m))}e${Number(e)}`;
}

/** `v` in the current language (see formatNumberIn). */
export const formatNumber = (v: number, digits = 4): string => formatNumberIn(currentLanguage(), v, digits);

/** `v` as prose and panels write a signed number: a true minus sign (−0,5), an exponent's left as it is. */
export const signedNumber = (v: number, digits = 4): string => formatNumber(v, digits).replace(/^-/, '−');

const decimalSeparators = new Map<string, string>();
/** The decimal separator `lang` writes: "." or ",". */
export function decimalSeparator(lang: string): string {
  let sep = decimalSeparators.get(lang);
  if (sep === undefined) {
    sep = new Intl.NumberFormat(lang).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
    decimalSeparators.set(lang, sep);
  }
  return sep;
}

/**
 * Formula text (LaTeX from the engine, which always writes "3.5") with `lang`'s decimal separator:
 * a point between two digits becomes `{,}` where the language writes a comma.
 */
export function localizeTex(tex: string, lang: string): string {
  return decimalSeparator(lang) === ',' ? tex.replace(/(\d)\.(?=\d)/g, '$1{,}') : tex;
}

/**
 * A number the user typed in `lang`: where the language writes a decimal comma, "0,5" means 0.5
 * (a point is still read as one too, since lecture notes and pasted data often use it).
 */
export function normalizeDecimalIn(lang: string, text: string): string {
  return decimalSeparator(lang) === ',' ? text.replace(/^(\s*[+-]?\d*),(\d)/, '$1.$2') : text;
}
