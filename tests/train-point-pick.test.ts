/** Clicking the decision boundary: which data row a click at a pixel means (hand-placed points). */
import { describe, expect, it } from 'vitest';
import { pickPoint, pointPx } from '../src/modes/train/pointPick.ts';
import type { PlaneInfo, PointsInfo } from '../src/trainWorker/protocol.ts';

// The plane x in [-2, 2] across, y in [0, 4] up, drawn 200 px square: 50 px per unit.
const plane: PlaneInfo = {
  axes: ['x1', 'x2'],
  range: [
    [-2, 2],
    [0, 4],
  ],
  size: 40,
  thumbStep: 4,
  thumbnails: {},
  valueRange: [0, 1],
};
// Row 0 at the centre (100, 100); row 1 at (150, 50); row 2 (a test row) at (104, 100), 4 px right of row 0.
const points: PointsInfo = {
  x: Float32Array.from([0, 1, 0.08]),
  y: Float32Array.from([2, 3, 2]),
  label: Float32Array.from([0, 1, 1]),
  test: Uint8Array.from([0, 0, 1]),
};

describe('pickPoint', () => {
  it('places rows with x across and y up', () => {
    expect(pointPx(plane, points, 0, 200)).toEqual([100, 100]);
    const [x, y] = pointPx(plane, points, 1, 200);
    expect(x).toBeCloseTo(150, 4);
    expect(y).toBeCloseTo(50, 4);
  });

  it('picks the nearest shown row within 8 px, and nothing further away', () => {
    expect(pickPoint(plane, points, 200, 103, 101, false)).toBe(0);
    expect(pickPoint(plane, points, 200, 146, 55, false)).toBe(1); // 6.4 px away
    expect(pickPoint(plane, points, 200, 160, 50, false)).toBeUndefined(); // 10 px away
  });

  it('skips test rows unless they are shown', () => {
    expect(pickPoint(plane, points, 200, 105, 100, false)).toBe(0);
    expect(pickPoint(plane, points, 200, 105, 100, true)).toBe(2);
  });
});
