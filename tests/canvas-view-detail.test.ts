import { describe, expect, it } from 'vitest';
import { boundsOf, boxInView, detailAt, FAR_ZOOM, OVERVIEW_ZOOM } from '../src/canvas/viewDetail.ts';

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
  const nodes = [
    { id: 'a', position: { x: 0, y: 0 } },
    { id: 'b', position: { x: 300, y: 100 } },
  ];
  const measured = new Map([
    ['a', { width: 168, height: 80 }],
    ['b', { width: 210, height: 120 }],
  ]);

  it('bounds use measured sizes, and a generous guess for cards not yet measured', () => {
    expect(boundsOf(nodes, measured)).toEqual({ x0: 0, y0: 0, x1: 510, y1: 220 });
    expect(boundsOf(nodes, new Map())).toEqual({ x0: 0, y0: 0, x1: 510, y1: 260 });
  });

  it('is in view only when every edge of the box is inside the canvas', () => {
    const box = boundsOf(nodes, measured);
    expect(boxInView(box, [0, 0, 1], 510, 220)).toBe(true);
    expect(boxInView(box, [0, 0, 1], 509, 220)).toBe(false);
    expect(boxInView(box, [-1, 0, 1], 600, 400)).toBe(false);
    // Zoomed to 50% and moved right and down: 255 x 110 on screen, from (20, 30).
    expect(boxInView(box, [20, 30, 0.5], 275, 140)).toBe(true);
    expect(boxInView(box, [20, 30, 0.5], 274, 140)).toBe(false);
  });
});
