// The network view's picture of a layer macro: one line per weight between the right circles, its
// width proportional to |w| on the card's scale, its colour the sign, ∂L/∂w in gradient mode, and
// only the strongest lines drawn when a layer has too many to draw.
import { describe, expect, it } from 'vitest';
import { MAX_LINES, networkPicture } from '../src/canvas/network/networkLayout.ts';

// 2 inputs -> 3 units -> 1 unit, with gradients.
const layers = [
  {
    W: [
      [1, -2],
      [0.5, 0],
      [-4, 0.25],
    ],
    b: [0, 0, 0],
    gW: [
      [0.1, 0.2],
      [-0.3, 0.4],
      [0.05, -0.8],
    ],
    gb: [0, 0, 0],
  },
  { W: [[2, -1, 0.5]], b: [0], gW: [[0.01, 0.02, -0.04]], gb: [0] },
];

describe('network picture', () => {
  it('draws one line per weight from its input’s circle to its unit’s, named as the grid names it', () => {
    const p = networkPicture(layers, false);
    expect(p.total).toBe(2 * 3 + 3 * 1);
    expect(p.lines.map((l) => l.name)).toEqual(['W1[1,1]', 'W1[1,2]', 'W1[2,1]', 'W1[2,2]', 'W1[3,1]', 'W1[3,2]', 'W2[1,1]', 'W2[1,2]', 'W2[1,3]']);
    expect(p.columns.map((c) => c.length)).toEqual([2, 3, 1]);
    expect(p.columns.map((c) => c.map((u) => u.name))).toEqual([['x1', 'x2'], ['a1[1]', 'a1[2]', 'a1[3]'], ['a2[1]']]);
    const w132 = p.lines.find((l) => l.name === 'W1[3,2]')!;
    expect([w132.x1, w132.y1]).toEqual([p.columns[0][1].x, p.columns[0][1].y]);
    expect([w132.x2, w132.y2]).toEqual([p.columns[1][2].x, p.columns[1][2].y]);
    // Columns left to right, units top to bottom, all inside the picture.
    for (const col of p.columns) for (const u of col) expect(u.x > 0 && u.x < p.width && u.y > 0 && u.y < p.height).toBe(true);
    expect(p.columns[0][0].x).toBeLessThan(p.columns[1][0].x);
  });

  it('scales widths to |w| on the card’s largest, and colours by sign', () => {
    const p = networkPicture(layers, false);
    expect(p.maxAbs).toBe(4);
    const by = (n: string) => p.lines.find((l) => l.name === n)!;
    // width = 0.6 + 4.4 |w| / 4: hand-worked.
    expect(by('W1[3,1]').width).toBeCloseTo(5, 12);
    expect(by('W1[1,2]').width).toBeCloseTo(0.6 + 4.4 * 0.5, 12);
    expect(by('W1[2,2]').width).toBeCloseTo(0.6, 12);
    expect([by('W1[1,1]').sign, by('W1[1,2]').sign, by('W1[2,2]').sign]).toEqual(['pos', 'neg', 'zero']);
  });

  it('draws ∂L/∂w in gradient mode, and keeps w for the tooltip', () => {
    const p = networkPicture(layers, true);
    expect(p.maxAbs).toBe(0.8);
    const w = p.lines.find((l) => l.name === 'W1[3,2]')!;
    expect([w.shown, w.w, w.grad, w.sign]).toEqual([-0.8, 0.25, -0.8, 'neg']);
    expect(w.width).toBeCloseTo(5, 12);
  });

  it('draws only the strongest lines of a large layer, in the weights’ order', () => {
    // 64 inputs -> 32 -> 10: 2,368 weights; w = ±(index) so the strongest are the last ones.
    let n = 0;
    const big = [64, 32, 10].slice(1).map((units, L) => ({
      W: Array.from({ length: units }, () => Array.from({ length: L === 0 ? 64 : 32 }, () => (n++ % 2 ? -n : n))),
      b: Array.from({ length: units }, () => 0),
    }));
    const p = networkPicture(big, false);
    expect(p.total).toBe(2368);
    expect(p.lines).toHaveLength(MAX_LINES);
    const strengths = p.lines.map((l) => Math.abs(l.w));
    expect(Math.min(...strengths)).toBe(2368 - MAX_LINES + 1);
    expect(p.lines[0].name).toBe('W1[31,49]'); // |w| = 1,969 is weight 1,968 (0-based) = 30·64 + 48: unit 31, input 49
    expect(p.maxAbs).toBe(2368);
    // A 64-unit column is squeezed into the picture's height.
    expect(p.height).toBeLessThan(300);
  });
});
