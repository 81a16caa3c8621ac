import { describe, expect, it } from 'vitest';
import { makeDataset } from '../graph-engine/index.ts';
import { multiGaussTarget } from '../graph-engine/data/synthetic.ts';

/**
 * The oracle is TensorFlow Playground's own definition, in its own units ([-6, 6], cones of
 * radius 2), scaled by hand: our (x1, x2) is its (6 x1, 6 x2).
 */
function playground(x: number, y: number): number {
  const peaks = [
    [-4, 2.5, 1],
    [0, 2.5, -1],
    [4, 2.5, 1],
    [-4, -2.5, -1],
    [0, -2.5, 1],
    [4, -2.5, -1],
  ];
  let label = 0;
  for (const [cx, cy, sign] of peaks) {
    const d = Math.sqrt((6 * x - cx) ** 2 + (6 * y - cy) ** 2);
    const v = sign * Math.min(1, Math.max(0, 1 - d / 2));
    if (Math.abs(v) > Math.abs(label)) label = v;
  }
  return label;
}

describe('multi-gauss regression set', () => {
  it('peaks at +-1 on its six centres and is 0 between them', () => {
    expect(multiGaussTarget(-2 / 3, 5 / 12)).toBe(1);
    expect(multiGaussTarget(0, 5 / 12)).toBe(-1);
    expect(multiGaussTarget(2 / 3, -5 / 12)).toBe(-1);
    expect(multiGaussTarget(0, -5 / 12)).toBe(1);
    // Half way down a cone: 1/6 from the centre (0, 5/12), 2/3 from every other.
    expect(multiGaussTarget(0, 0.25)).toBeCloseTo(-0.5, 12);
    // The origin is 5/12 from the nearest centres, beyond their radius 1/3.
    expect(multiGaussTarget(0, 0)).toBe(0);
    expect(multiGaussTarget(1, 1)).toBe(0);
  });

  it("without noise every row's y is Playground's label at its point", () => {
    const ds = makeDataset('multi-gauss', { seed: 4 });
    expect(ds.rows).toBe(500);
    expect(ds.task).toBe('regression');
    expect(ds.targets).toEqual(['y']);
    const [x1, x2, y] = ['x1', 'x2', 'y'].map((c) => ds.data[ds.columns.indexOf(c)]);
    let peaks = 0;
    for (let r = 0; r < ds.rows; r++) {
      expect(Math.abs(x1[r])).toBeLessThanOrEqual(1);
      expect(Math.abs(x2[r])).toBeLessThanOrEqual(1);
      expect(y[r]).toBeCloseTo(playground(x1[r], x2[r]), 12);
      if (Math.abs(y[r]) > 0.5) peaks++;
    }
    // Six cones of radius 1/3 over a 2 x 2 square: 6 pi (1/3)^2 / 4 = 52% of rows are non-zero,
    // and a quarter of that (the inner half radius) is above 0.5 in size: about 13%, 65 rows.
    expect(peaks).toBeGreaterThan(40);
    expect(peaks).toBeLessThan(95);
    // Derived features, as on every 2-D set.
    expect(ds.columns).toContain('x1*x2');
  });

  it('noise moves where the target is read', () => {
    const clean = makeDataset('multi-gauss', { seed: 2, points: 200 });
    const noisy = makeDataset('multi-gauss', { seed: 2, points: 200, noise: 0.2 });
    const y = (d: typeof clean) => d.data[d.columns.indexOf('y')];
    expect(y(noisy)).not.toEqual(y(clean));
    for (const v of y(noisy)) expect(Math.abs(v)).toBeLessThanOrEqual(1);
  });
});
