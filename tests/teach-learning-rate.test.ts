import { describe, expect, it } from 'vitest';
import { parseLearningRate } from '../src/modes/teach/panel/learningRate.ts';

describe("Teach's learning rate", () => {
  it('reads plain positive decimals', () => {
    expect(parseLearningRate('0.1')).toBe(0.1);
    expect(parseLearningRate(' 2 ')).toBe(2);
    expect(parseLearningRate('.05')).toBe(0.05);
    expect(parseLearningRate('1e-3')).toBe(0.001);
  });
  it('refuses hex, binary, words, zero, negatives and blanks (Number() took "0x10" as 16)', () => {
    for (const t of ['0x10', '0b1', '0o7', 'Infinity', '1e999', 'NaN', '0', '-0.1', '', '  ', '0.1.2', '1,5']) expect(parseLearningRate(t), t).toBeUndefined();
  });
});
