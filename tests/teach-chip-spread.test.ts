import { describe, expect, it } from 'vitest';
import { spreadBoxes } from '../src/modes/teach/chipSpread.ts';

describe('teach: chips are moved apart, never covering each other', () => {
  it('moves the lower of two overlapping chips just below the upper (2 px gap); apart chips stay put', () => {
    // b → c and b → d on sum-over-paths: same x, 64 px tall, 52 px apart
    expect(
      spreadBoxes([
        { x: 314, y: 371, width: 57, height: 64 },
        { x: 314, y: 423, width: 57, height: 64 },
      ]),
    ).toEqual([0, 14]);
    expect(
      spreadBoxes([
        { x: 0, y: 0, width: 10, height: 10 },
        { x: 20, y: 0, width: 10, height: 10 },
      ]),
    ).toEqual([0, 0]);
  });

  it('a pile of three on one spot becomes a column', () => {
    const box = { x: 5, y: 100, width: 40, height: 30 };
    expect(spreadBoxes([box, box, box])).toEqual([0, 32, 64]);
  });
});
