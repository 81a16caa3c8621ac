import { describe, expect, it } from 'vitest';
import { isControl, isTyping } from '../src/ui/isTyping.ts';
import { parseDecimal, parseWhole } from '../src/ui/numberText.ts';

describe('parseDecimal', () => {
  it('reads plain decimals, signs and exponents', () => {
    expect(parseDecimal('0.5')).toBe(0.5);
    expect(parseDecimal(' -3 ')).toBe(-3);
    expect(parseDecimal('.25')).toBe(0.25);
    expect(parseDecimal('1e-3')).toBe(0.001);
    expect(parseDecimal('2.')).toBe(2);
  });
  it('refuses what Number() would quietly take', () => {
    for (const t of ['0x10', '0b1', '0o7', 'Infinity', '', '  ', '1,5', 'NaN', '--1']) expect(parseDecimal(t)).toBeNaN();
  });
});

describe('parseWhole', () => {
  it('reads digits only', () => {
    expect(parseWhole('128')).toBe(128);
    for (const t of ['1e1', '0x10', '-1', '1.5', '']) expect(parseWhole(t)).toBeNaN();
  });
});

describe('isTyping / isControl', () => {
  const el = (tagName: string, extra: Record<string, unknown> = {}) =>
    ({ tagName, isContentEditable: false, getAttribute: () => null, ...extra }) as unknown as EventTarget;
  it('text fields take keys; checkboxes and buttons do not', () => {
    expect(isTyping(el('INPUT', { type: 'text' }))).toBe(true);
    expect(isTyping(el('INPUT', { type: 'number' }))).toBe(true);
    expect(isTyping(el('TEXTAREA'))).toBe(true);
    expect(isTyping(el('SELECT'))).toBe(true);
    expect(isTyping(el('DIV', { isContentEditable: true }))).toBe(true);
    expect(isTyping(el('INPUT', { type: 'checkbox' }))).toBe(false);
    expect(isTyping(el('BUTTON'))).toBe(false);
    expect(isTyping(null)).toBe(false);
  });
  it('Space and Enter belong to buttons and checkboxes', () => {
    expect(isControl(el('BUTTON'))).toBe(true);
    expect(isControl(el('INPUT', { type: 'checkbox' }))).toBe(true);
    expect(isControl(el('INPUT', { type: 'text' }))).toBe(false);
    expect(isControl(el('DIV'))).toBe(false);
  });
});
