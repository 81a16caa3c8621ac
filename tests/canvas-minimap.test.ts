/**
 * The canvas minimap of a graph over 1,000 nodes (CanvasMiniMap.tsx, maths in minimapBox.ts):
 * where it draws the graph and the view, and how dragging it moves the view.
 *
 * Oracles: React Flow's transform is screen = flow · zoom + (tx, ty), so the pane (w x h screen
 * pixels) shows flow x from -tx / zoom, w / zoom wide. The minimap must place things as React
 * Flow's own minimap does (the one below 1,000 nodes): an <svg width=200 height=150> with
 *   v = max(W / 200, H / 150) for the union (x0, y0, W, H) of the nodes' bounds and the view,
 *   offset = 5·v, viewBox = (x0 - (200v - W)/2 - offset, y0 - (150v - H)/2 - offset, 200v + 2·offset, 150v + 2·offset)
 * (@xyflow/react MiniMap), and SVG's default preserveAspectRatio="xMidYMid meet": one scale
 *   u = max(vbW / 200, vbH / 150) flow units per pixel, the viewBox centred in the 200 x 150 box.
 * Since vbW / 200 = 1.05·v and vbH / 150 = (16/15)·v, u = 16v/15 always, and the minimap's top-left
 * corner is at (vbX - (200u - vbW)/2, vbY - (150u - vbH)/2) = (vbX - 5v/3, vbY).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Node, Rect } from '@xyflow/react';
import { dragViewport, minimapBox, minimapMatrix, nodesBounds, viewRect, type MinimapBox } from '../src/canvas/minimapBox.ts';

/** Minimap pixels of flow point (x, y), through the canvas transform, at `ratio` device pixels per pixel. */
function drawnAt(box: MinimapBox, ratio: number, x: number, y: number) {
  const [a, b, c, d, e, f] = minimapMatrix(box, ratio);
  return { x: (a * x + c * y + e) / ratio, y: (b * x + d * y + f) / ratio };
}

/** React Flow's minimap: its viewBox, then SVG's xMidYMid meet (see the header). */
function reactFlowBox(bounds: Rect | undefined, view: Rect): MinimapBox {
  const x0 = Math.min(bounds?.x ?? Infinity, view.x);
  const y0 = Math.min(bounds?.y ?? Infinity, view.y);
  const x1 = Math.max(bounds ? bounds.x + bounds.width : -Infinity, view.x + view.width);
  const y1 = Math.max(bounds ? bounds.y + bounds.height : -Infinity, view.y + view.height);
  const v = Math.max((x1 - x0) / 200, (y1 - y0) / 150);
  const offset = 5 * v;
  const vb = { x: x0 - (200 * v - (x1 - x0)) / 2 - offset, y: y0 - (150 * v - (y1 - y0)) / 2 - offset, w: 200 * v + 2 * offset, h: 150 * v + 2 * offset };
  const u = Math.max(vb.w / 200, vb.h / 150);
  return { x: vb.x - (200 * u - vb.w) / 2, y: vb.y - (150 * u - vb.h) / 2, scale: u };
}

const node = (x: number, y: number, width?: number, height?: number): Node => ({
  id: `${x},${y}`,
  position: { x, y },
  data: {},
  ...(width ? { measured: { width, height } } : {}),
});

describe('the canvas minimap', () => {
  it("the view is the pane's rectangle in flow coordinates", () => {
    // transform (-200, -100, 0.5) on an 800 x 600 pane: flow x from 200/0.5 = 400, 800/0.5 = 1600 wide.
    expect(viewRect([-200, -100, 0.5], 800, 600)).toEqual({ x: 400, y: 200, width: 1600, height: 1200 });
    expect(viewRect([30, -20, 2], 800, 600)).toEqual({ x: -15, y: 10, width: 400, height: 300 });
  });

  it("the graph's bounds cover every card, measured or not", () => {
    // x from -20 to max(0 + 168, 300 + 210, -20) = 510; y from -50 to max(84, -50 + 103, 400) = 400.
    expect(nodesBounds([node(0, 0, 168, 84), node(300, -50, 210, 103), node(-20, 400)])).toEqual({ x: -20, y: -50, width: 530, height: 450 });
    expect(nodesBounds([])).toBeUndefined();
  });

  it('a wide graph and view: centred, 16/15 of the wider side per pixel, as React Flow draws it', () => {
    // Graph 0..1000 x 0..600, view -100..300 x -50..250: union -100..1000 x -50..600 (1100 x 650).
    // v = max(1100/200, 650/150) = 5.5; viewBox (-127.5, -165, 1155, 880); u = 5.5·16/15 = 88/15;
    // corner (-127.5 - 5.5·5/3, -165) = (-136.667, -165).
    const b = minimapBox({ x: 0, y: 0, width: 1000, height: 600 }, { x: -100, y: -50, width: 400, height: 300 });
    expect(b.scale).toBeCloseTo(88 / 15, 12);
    expect(b.x).toBeCloseTo(-127.5 - 27.5 / 3, 9);
    expect(b.y).toBeCloseTo(-165, 9);
    // The union's centre (450, 275) at the minimap's centre; its 1100 = 200v wide side is
    // 200v/u = 187.5 px wide, 6.25 px in from the minimap's left and right.
    const c = drawnAt(b, 2, 450, 275);
    expect(c.x).toBeCloseTo(100, 9);
    expect(c.y).toBeCloseTo(75, 9);
    expect(drawnAt(b, 2, -100, 0).x).toBeCloseTo(6.25, 9);
    expect(drawnAt(b, 2, 1000, 0).x).toBeCloseTo(200 - 6.25, 9);
  });

  it('a tall graph: the same margin above and below', () => {
    // Graph 0..300 x 0..900, view inside it. v = max(1.5, 6) = 6; viewBox (-480, -30, 1260, 960);
    // u = 6.4; corner (-490, -30). Top 30/6.4 = 4.6875 px down, bottom 930/6.4 = 145.3125.
    const b = minimapBox({ x: 0, y: 0, width: 300, height: 900 }, { x: 0, y: 0, width: 300, height: 225 });
    expect(b).toEqual({ x: expect.closeTo(-490, 9), y: expect.closeTo(-30, 9), scale: expect.closeTo(6.4, 12) });
    expect(drawnAt(b, 1, 150, 0)).toEqual({ x: expect.closeTo(100, 9), y: expect.closeTo(4.6875, 9) });
    expect(drawnAt(b, 1, 150, 900)).toEqual({ x: expect.closeTo(100, 9), y: expect.closeTo(150 - 4.6875, 9) });
  });

  it('an empty graph: the view alone', () => {
    // View 10..810 x 20..620: v = 4, viewBox (-10, 0, 840, 640), u = 64/15, corner (-10 - 20/3, 0).
    const b = minimapBox(undefined, { x: 10, y: 20, width: 800, height: 600 });
    expect(b).toEqual({ x: expect.closeTo(-10 - 20 / 3, 9), y: expect.closeTo(0, 9), scale: expect.closeTo(64 / 15, 12) });
  });

  it("any graph and view: placed as React Flow's minimap places them, everything inside the minimap", () => {
    const rect = fc.record({
      x: fc.integer({ min: -100_000, max: 100_000 }),
      y: fc.integer({ min: -100_000, max: 100_000 }),
      width: fc.integer({ min: 1, max: 200_000 }),
      height: fc.integer({ min: 1, max: 200_000 }),
    });
    fc.assert(
      fc.property(fc.option(rect, { nil: undefined }), rect, fc.constantFrom(1, 1.25, 2, 3), (bounds, view, ratio) => {
        const b = minimapBox(bounds, view);
        const rf = reactFlowBox(bounds, view);
        expect(b.scale / rf.scale).toBeCloseTo(1, 12);
        expect((b.x - rf.x) / rf.scale).toBeCloseTo(0, 6);
        expect((b.y - rf.y) / rf.scale).toBeCloseTo(0, 6);
        // The graph and the view, drawn, lie inside the 200 x 150 minimap, with at least 4.6 px of air.
        for (const r of bounds ? [bounds, view] : [view]) {
          const p0 = drawnAt(b, ratio, r.x, r.y);
          const p1 = drawnAt(b, ratio, r.x + r.width, r.y + r.height);
          expect(Math.min(p0.x, p0.y)).toBeGreaterThan(4.6);
          expect(p1.x).toBeLessThan(200 - 4.6);
          expect(p1.y).toBeLessThan(150 - 4.6);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('minimap pixels and flow coordinates map back and forth', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000, max: 10_000 }),
        fc.integer({ min: -10_000, max: 10_000 }),
        fc.double({ min: 0.01, max: 1000, noNaN: true }),
        fc.constantFrom(1, 1.5, 2),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 150 }),
        (x, y, scale, ratio, mx, my) => {
          const box = { x, y, scale };
          // Minimap pixel (mx, my) shows flow point box + m·scale; drawn back, it is at (mx, my).
          const p = drawnAt(box, ratio, x + mx * scale, y + my * scale);
          expect(p.x).toBeCloseTo(mx, 6);
          expect(p.y).toBeCloseTo(my, 6);
        },
      ),
    );
  });

  it('dragging the minimap moves the view with the pointer, and dragging back undoes it', () => {
    // A graph 0..20000 x 0..12000 (v = 100, u = 320/3 flow units a pixel), the pane 1000 x 700
    // showing flow from (5000, 3000), at most 10000 x 7000 (zoom 0.1): a drag of up to 20 x 10 px
    // (2133 x 1067 flow units) keeps the view inside the graph, so the minimap's box stays put.
    const bounds = { x: 0, y: 0, width: 20_000, height: 12_000 };
    fc.assert(
      fc.property(fc.integer({ min: -20, max: 20 }), fc.integer({ min: -10, max: 10 }), fc.constantFrom(0.1, 0.5, 1, 2), (dx, dy, zoom) => {
        const pane = { width: 1000, height: 700 };
        const start = { x: -5000 * zoom, y: -3000 * zoom, zoom };
        const view = viewRect([start.x, start.y, zoom], pane.width, pane.height);
        const box = minimapBox(bounds, view);
        const moved = dragViewport(start, dx, dy, box);
        expect(moved.zoom).toBe(zoom);
        const after = viewRect([moved.x, moved.y, zoom], pane.width, pane.height);
        const newBox = minimapBox(bounds, after);
        expect(newBox).toEqual(box);
        // The view's window on the minimap moved by exactly the pointer's (dx, dy).
        const w0 = drawnAt(box, 1, view.x, view.y);
        const w1 = drawnAt(newBox, 1, after.x, after.y);
        expect(w1.x - w0.x).toBeCloseTo(dx, 9);
        expect(w1.y - w0.y).toBeCloseTo(dy, 9);
        // Dragging back returns the viewport where it was.
        const back = dragViewport(moved, -dx, -dy, newBox);
        expect(back.x).toBeCloseTo(start.x, 9);
        expect(back.y).toBeCloseTo(start.y, 9);
      }),
    );
  });
});
