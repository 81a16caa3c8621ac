/** The colour scale of the unit heatmaps on the canvas cards: one range per card, hand-worked. */
import { describe, expect, it } from 'vitest';
import { unitRange, valueSpan } from '../src/modes/train/colors.ts';

describe('unitRange', () => {
  it('spans all the units given, symmetric about 0 when any value is negative', () => {
    expect(unitRange(Float32Array.from([-0.5, 0.25]), Float32Array.from([0.1, 0.75]))).toEqual([-0.75, 0.75]);
    expect(unitRange([0.2, -2], [1])).toEqual([-2, 2]);
  });
  it('runs from 0 when every value is at least 0 (ReLU units)', () => {
    expect(unitRange([0, 3], [1.5, 0.5])).toEqual([0, 3]);
  });
  it('falls back to [-1, 1] with no values, and skips missing units', () => {
    expect(unitRange()).toEqual([-1, 1]);
    expect(unitRange(undefined, [-0.5])).toEqual([-0.5, 0.5]);
  });
});

describe('valueSpan', () => {
  it("is one unit's own smallest and largest value", () => {
    expect(valueSpan([0.5, -0.25, 2])).toEqual([-0.25, 2]);
    expect(valueSpan([])).toEqual([Number.NaN, Number.NaN]);
  });
});
