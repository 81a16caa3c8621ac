/**
 * The one way the app reads a number the user typed, in the current language (a decimal comma
 * where it writes one). Plain decimal notation only: `Number()`
 * alone would also take "0x10" (16), "0b1", "Infinity" and "" (0).
 */
import { currentLanguage } from '../i18n/i18n.ts';
import { decimalSeparator, normalizeDecimalIn } from '../i18n/format.ts';

const DECIMAL = /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i;
const WHOLE = /^\s*\d+\s*$/;

/** The number a decimal text means, or NaN for anything else (hex, binary, words, blanks). */
export const parseDecimal = (text: string): number => {
  const plain = normalizeDecimalIn(currentLanguage(), text);
  return DECIMAL.test(plain) ? Number(plain) : Number.NaN;
};

/** A count typed as digits only ("1e1" and "0x10" are NaN), for sizes and epochs. */
export const parseWhole = (text: string): number => (WHOLE.test(text) ? Number(text) : Number.NaN);

/**
 * `v` with every digit, as String() writes it ("0.1", "1e-7"), in the current language's decimal
 * separator ("0,1" in Spanish): for fields and tooltips, where rounding would change the number.
 */
export const numberText = (v: number): string => {
  const s = String(v);
  return decimalSeparator(currentLanguage()) === ',' ? s.replace('.', ',') : s;
};
