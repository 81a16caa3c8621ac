import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { boxInView, DetailLevel, detailAt, FAR_ZOOM, OVERVIEW_ZOOM } from '../src/canvas/viewDetail.ts';
import { cardHeight, minCardHeight } from '../src/canvas/cardMetrics.ts';

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

describe('bare cards in the overview of a large graph', () => {
  let frames: (() => void)[] = [];
  const runFrame = () => {
    const due = frames;
    frames = [];
    for (const f of due) f();
  };
  beforeEach(() => {
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('start bare only in a large graph zoomed out to the overview', () => {
    const level = new DetailLevel();
    expect(level.bare).toBe(false);
    level.set('overview');
    expect(level.bare).toBe(false);
    level.setLarge(true);
    expect(level.bare).toBe(true);
    level.set('far');
    expect(level.bare).toBe(false);
  });

  it('become full cards a batch per frame once the view leaves the overview, and not before', () => {
    const level = new DetailLevel();
    level.setLarge(true);
    level.set('overview');
    const upgraded: number[] = [];
    const cancels = Array.from({ length: 60 }, (_, i) => level.whenDetailed(() => upgraded.push(i)));
    runFrame();
    expect(upgraded).toEqual([]);
    cancels[59]();
    level.set('far');
    runFrame();
    expect(upgraded).toHaveLength(24);
    // Back in the overview before the rest: they wait again.
    level.set('overview');
    runFrame();
    expect(upgraded).toHaveLength(24);
    level.set('near');
    runFrame();
    runFrame();
    expect(upgraded).toEqual(Array.from({ length: 59 }, (_, i) => i));
    expect(frames).toHaveLength(0);
  });

  it('settle once every waiting card is upgraded', async () => {
    vi.stubGlobal('requestAnimationFrame', (f: () => void) => setTimeout(f, 0));
    const level = new DetailLevel();
    level.setLarge(true);
    level.set('overview');
    let upgraded = 0;
    for (let i = 0; i < 30; i++) level.whenDetailed(() => upgraded++);
    level.set('far');
    await level.settled();
    expect(upgraded).toBe(30);
  });
});

describe('card heights', () => {
  // Measured in Chromium on the samples' cards (the e2e test compares them on a 307-node grid).
  it('match the cards as drawn', () => {
    expect(cardHeight({ rows: 1, outputs: 0, value: true, grad: true, badge: false })).toBe(84); // input, param
    expect(cardHeight({ rows: 3, outputs: 0, value: true, grad: true, badge: false })).toBe(101); // mul of two
    expect(cardHeight({ rows: 6, outputs: 0, value: true, grad: true, badge: false })).toBe(158); // cross_entropy
    expect(cardHeight({ rows: 3, outputs: 3, value: false, grad: false, badge: false })).toBe(103); // dense, 3 outputs
    expect(cardHeight({ rows: 3, outputs: 2, value: false, grad: false, badge: false })).toBe(101); // dense, 2 outputs
    expect(cardHeight({ rows: 1, outputs: 0, value: false, grad: false, badge: true })).toBe(64); // sqrt, no input
    expect(cardHeight({ rows: 2, outputs: 0, value: false, grad: false, badge: true })).toBe(82); // add, no inputs
    expect(minCardHeight(4)).toBe(120);
  });
});
