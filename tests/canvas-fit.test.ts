// Fit View keeps cards out from under the minimap, and leaves graphs that are clear of it alone.
import { expect, it } from 'vitest';
import { getViewportForBounds, type Node, type Viewport } from '@xyflow/react';
import { BUILD_FIT, clearFitViewport, LEGIBLE_ZOOM, legibleFit, MIN_ZOOM, revealViewport } from '../src/canvas/fitClear.ts';

const card = (id: string, x: number, y: number): Node => ({ id, position: { x, y }, data: {}, measured: { width: 168, height: 80 } });
// A 890 x 812 pane (1400 x 860 window) with the minimap at its bottom right, as in the app.
const W = 890;
const H = 812;
const minimap = { left: W - 215, top: H - 165, right: W - 15, bottom: H - 15 };

const onScreen = (n: Node, v: Viewport) => ({
  left: v.x + n.position.x * v.zoom,
  top: v.y + n.position.y * v.zoom,
  right: v.x + (n.position.x + 168) * v.zoom,
  bottom: v.y + (n.position.y + 80) * v.zoom,
});
const underMinimap = (n: Node, v: Viewport) => {
  const b = onScreen(n, v);
  return b.left < minimap.right && minimap.left < b.right && b.top < minimap.bottom && minimap.top < b.bottom;
};

it('keeps the plain fit when no card would sit under the minimap', () => {
  const nodes = [card('a', 0, 0), card('b', 300, 0), card('c', 0, 400)];
  const v = clearFitViewport(nodes, W, H, minimap)!;
  expect(v).toEqual(getViewportForBounds({ x: 0, y: 0, width: 468, height: 480 }, W, H, 0.05, BUILD_FIT.maxZoom, BUILD_FIT.padding));
  expect(nodes.some((n) => underMinimap(n, v))).toBe(false);
});

it('refits with room beside or below the minimap when a corner card would sit under it', () => {
  for (const nodes of [
    // Wider than the pane: fitted to its width, the corner card low on the right.
    [card('a', 0, 0), card('b', 1232, 0), card('c', 1232, 1020)],
    // Taller than the pane: fitted to its height.
    [card('a', 0, 0), card('b', 0, 1220), card('c', 832, 1220)],
    // Square-ish, like an auto-laid-out layer.
    [card('a', 0, 0), card('b', 800, 0), card('c', 0, 700), card('d', 800, 700)],
  ]) {
    // The plain fit puts the corner card under the minimap...
    const plain = clearFitViewport(nodes, W, H, undefined)!;
    expect(nodes.some((n) => underMinimap(n, plain))).toBe(true);
    // ...the clear fit does not, and still shows every card whole.
    const v = clearFitViewport(nodes, W, H, minimap)!;
    for (const n of nodes) {
      expect(underMinimap(n, v), `${n.id} under the minimap`).toBe(false);
      const b = onScreen(n, v);
      expect(b.left).toBeGreaterThanOrEqual(0);
      expect(b.top).toBeGreaterThanOrEqual(0);
      expect(b.right).toBeLessThanOrEqual(W);
      expect(b.bottom).toBeLessThanOrEqual(H);
    }
  }
});

it('has nothing to fit without measured cards', () => {
  expect(clearFitViewport([{ id: 'a', position: { x: 0, y: 0 }, data: {} }], W, H, minimap)).toBeUndefined();
});

it('reveals pasted cards with the smallest pan, or zooms out when they cannot fit at this zoom', () => {
  const view = { x: 0, y: 0, zoom: 1 };
  // In view already: nothing to do.
  expect(revealViewport({ left: 100, top: 100, right: 300, bottom: 200 }, W, H, view)).toBeUndefined();
  // Past the bottom edge: pan up just enough (24 px of air), same zoom.
  expect(revealViewport({ left: 100, top: 800, right: 300, bottom: 900 }, W, H, view)).toEqual({ x: 0, y: H - 24 - 900, zoom: 1 });
  // Left of the pane: pan right.
  expect(revealViewport({ left: -200, top: 100, right: -20, bottom: 200 }, W, H, view)).toEqual({ x: 224, y: 0, zoom: 1 });
  // Larger than the pane at this zoom: zoomed out to fit, centred on it.
  const big = revealViewport({ left: 0, top: 0, right: 4000, bottom: 1000 }, W, H, view)!;
  expect(big.zoom).toBeCloseTo((W - 48) / 4000, 10);
  expect(big.x + 2000 * big.zoom).toBeCloseTo(W / 2, 6);
  // Never past the canvas's own limit.
  expect(revealViewport({ left: 0, top: 0, right: 1e7, bottom: 10 }, W, H, view)!.zoom).toBe(MIN_ZOOM);
});

it('fits a small graph at the zoom where card text is legible when it fits there with some air', () => {
  // The chain-rule sample's cards, 828 x 433 as laid out, in a 962 x 552 canvas (1024 x 700, side
  // panels folded into drawers). Padding 0.2 would zoom to 962 / (828 × 1.2) = 0.968: 10 px port
  // names at 9.7 px. With 67 px of air per side (padding 0.16) it fits at zoom 1.
  const nodes = [card('a', 0, 0), card('J', 660, 353)];
  const v = clearFitViewport(nodes, 962, 552, undefined)!;
  expect(v.zoom).toBeGreaterThanOrEqual(LEGIBLE_ZOOM);
  for (const n of nodes) {
    const b = onScreen(n, v);
    expect(b.left).toBeGreaterThan(0);
    expect(b.right).toBeLessThan(962);
  }
  // A graph that would need almost no air to reach zoom 1 keeps the usual padding (and its smaller zoom).
  const wide = [card('a', 0, 0), card('J', 780, 353)];
  expect(clearFitViewport(wide, 962, 552, undefined)!.zoom).toBeCloseTo(962 / (948 * 1.2), 2);
  expect(legibleFit(BUILD_FIT, { width: 948, height: 433 }, 962, 552)).toBe(BUILD_FIT);
});
