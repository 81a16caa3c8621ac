/**
 * Numbers in the current language, worked out by hand: Spanish writes a decimal comma, in plain
 * text and in formula text, and reads one back when typed; English is unchanged.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { decimalSeparator, formatNumber, formatNumberIn, localizeTex, signedNumber } from '../src/i18n/format.ts';
import { setLanguage } from '../src/i18n/i18n.ts';
import { preferredLanguage } from '../src/i18n/languages.ts';
import { parseDecimal } from '../src/ui/numberText.ts';

afterEach(() => setLanguage('en'));

describe('formatNumberIn', () => {
  it.each([
    [0.5, '0.5', '0,5'],
    [-1.25, '-1.25', '-1,25'],
    [33, '33', '33'],
    [123400, '123400', '123400'],
    [2 / 3, '0.6667', '0,6667'],
    [1.5e-7, '1.5e-7', '1,5e-7'],
    [-2.5e8, '-2.5e8', '-2,5e8'],
    [0, '0', '0'],
    [Number.POSITIVE_INFINITY, '∞', '∞'],
    [Number.NaN, 'NaN', 'NaN'],
  ])('%d is "%s" in English and "%s" in Spanish', (v, english, spanish) => {
    expect(formatNumberIn('en', v)).toBe(english);
    expect(formatNumberIn('es', v)).toBe(spanish);
  });

  it('follows the chosen language', () => {
    setLanguage('es');
    expect(formatNumber(0.08923)).toBe('0,08923');
    setLanguage('en');
    expect(formatNumber(0.08923)).toBe('0.08923');
  });
});

describe('signedNumber', () => {
  it('writes a true minus sign in front and leaves an exponent’s minus alone', () => {
    setLanguage('es');
    expect(signedNumber(-1.5e-5)).toBe('−1,5e-5');
    expect(signedNumber(0.25)).toBe('0,25');
  });
});

describe('formula text', () => {
  it('braces a decimal comma so KaTeX does not space it, and leaves other points alone', () => {
    expect(localizeTex('u = 3.5 \\cdot 2 = 7', 'es')).toBe('u = 3{,}5 \\cdot 2 = 7');
    expect(localizeTex('1.5 \\times 10^{-7}', 'es')).toBe('1{,}5 \\times 10^{-7}');
    expect(localizeTex('a. b', 'es')).toBe('a. b');
    expect(localizeTex('u = 3.5', 'en')).toBe('u = 3.5');
    expect(decimalSeparator('es')).toBe(',');
  });
});

describe('typed numbers', () => {
  it('reads a decimal comma in Spanish and a point in either language', () => {
    setLanguage('es');
    expect(parseDecimal('0,5')).toBe(0.5);
    expect(parseDecimal('-1,25')).toBe(-1.25);
    expect(parseDecimal('0.5')).toBe(0.5);
    expect(parseDecimal('1,2,3')).toBeNaN();
    setLanguage('en');
    expect(parseDecimal('0,5')).toBeNaN();
  });
});

describe('the language a first visit gets', () => {
  it('is the first of the browser’s languages the app ships, else English', () => {
    expect(preferredLanguage(['es-MX', 'en'])).toBe('es');
    expect(preferredLanguage(['fr-FR', 'es'])).toBe('es');
    expect(preferredLanguage(['fr-FR', 'de'])).toBe('en');
    expect(preferredLanguage([])).toBe('en');
  });
});
