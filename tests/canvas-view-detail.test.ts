import { describe, expect, it } from 'vitest';
import { boxInView, detailAt, FAR_ZOOM, OVERVIEW_ZOOM } from '../src/canvas/viewDetail.ts';

describe('canvas level of detail', () => {
  it('full cards up close, no fine print further out, blocks in the overview', () => {
    expect(detailAt(1)).toBe('near');
    expect(detailAt(FAR_ZOOM)).toBe('near');
    expect(detailAt(FAR_ZOOM - 0.01)).toBe('far');
    expect(detailAt(OVERVIEW_ZOOM)).toBe('far');
    expect(detailAt(OVERVIEW_ZOOM - 0.01)).toBe('overview');
    expect(detailAt(0.05)).toBe('overview');
  });
});

describe('whether the whole graph is in view', () => {
  const box = { x: 0, y: 0, width: 510, height: 220 };

  it('is in view only when every edge of the box is inside the canvas', () => {
    expect(boxInView(box, [0, 0, 1], 510, 220)).toBe(true);
    expect(boxInView(box, [0, 0, 1], 509, 220)).toBe(false);
    expect(boxInView(box, [-1, 0, 1], 600, 400)).toBe(false);
    expect(boxInView(box, [0, 1, 1], 510, 220)).toBe(false);
    // Zoomed to 50% and moved right and down: 255 x 110 on screen, from (20, 30).
    expect(boxInView(box, [20, 30, 0.5], 275, 140)).toBe(true);
    expect(boxInView(box, [20, 30, 0.5], 274, 140)).toBe(false);
    expect(boxInView(box, [20, 30, 0.5], 275, 139)).toBe(false);
  });
});
