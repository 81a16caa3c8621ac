// Numbers as cards and formulas show them: 4 significant digits, exponents past 1e6 and below 1e-4.
import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { formatNumber } from '../graph-engine/core/number-format.ts';
import { numberTex } from '../graph-engine/autodiff/stepper.ts';

describe('formatNumber', () => {
  it('keeps 4 significant digits and drops trailing zeros', () => {
    expect(formatNumber(33)).toBe('33');
    expect(formatNumber(Math.PI)).toBe('3.142');
    expect(formatNumber(-0.000123456)).toBe('-0.0001235');
    expect(formatNumber(123456.7)).toBe('123500');
    expect(formatNumber(0.5)).toBe('0.5');
    expect(formatNumber(0)).toBe('0');
  });

  it('writes very large and very small numbers with an exponent', () => {
    expect(formatNumber(1234567)).toBe('1.235e6');
    expect(formatNumber(1.5e-7)).toBe('1.5e-7');
    expect(formatNumber(-2e-9)).toBe('-2e-9');
  });

  it('names the values that are not finite', () => {
    expect(formatNumber(NaN)).toBe('NaN');
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatNumber(-Infinity)).toBe('−∞');
  });
});

describe('numberTex', () => {
  it('writes exponents as powers of ten, and NaN and infinities as words and symbols', () => {
    expect(numberTex(1.5e-7)).toBe('1.5 \\times 10^{-7}');
    expect(numberTex(6)).toBe('6');
    expect(numberTex(NaN)).toBe('\\text{NaN}');
    expect(numberTex(Infinity)).toBe('\\infty');
    expect(numberTex(-Infinity)).toBe('-\\infty');
  });

  it('renders in KaTeX in strict mode without warnings', () => {
    for (const v of [NaN, Infinity, -Infinity, 1.5e-7, -3.25]) {
      expect(() => katex.renderToString(`x = ${numberTex(v)}`, { strict: 'error', trust: false, throwOnError: true })).not.toThrow();
    }
  });
});
