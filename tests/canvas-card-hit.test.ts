/**
 * In the overview of a graph over 1,000 nodes the cards are drawn on the edge canvas, and the
 * card under the pointer (edgeCurves.ts: cardAt, used by EdgeCanvas.tsx) is the one React Flow mounts, to be clicked and
 * dragged. A screen point (sx, sy) under the view transform [tx, ty, zoom] is the flow point
 * ((sx - tx) / zoom, (sy - ty) / zoom) (React Flow's viewport: screen = flow · zoom + t); a card
 * covers its position to position + measured size, borders included.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { InternalNode } from '@xyflow/react';
import { cardAt, type View } from '../src/canvas/edgeCurves.ts';

/** A node as React Flow keeps it: position and measured size. */
function internal(id: string, x: number, y: number, width = 168, height = 84, type = 'op'): InternalNode {
  return {
    id,
    type,
    position: { x, y },
    data: {},
    measured: { width, height },
    internals: { positionAbsolute: { x, y }, z: 0, userNode: {} as never },
  } as unknown as InternalNode;
}

const view = (transform: [number, number, number], ...nodes: InternalNode[]): View => ({ transform, nodeLookup: new Map(nodes.map((n) => [n.id, n])) });
const hit = (v: View, x: number, y: number) => cardAt(v, x, y)?.id;

describe('the card under the pointer on the canvas overview', () => {
  it('at zoom 1 without panning: inside, on each edge and corner, and just outside', () => {
    // A card at flow (100, 50), 168 x 84: it covers x 100..268, y 50..134.
    const v = view([0, 0, 1], internal('a', 100, 50));
    expect(hit(v, 184, 92)).toBe('a');
    for (const [x, y] of [
      [100, 50],
      [268, 50],
      [100, 134],
      [268, 134],
      [100, 92],
      [268, 92],
      [184, 50],
      [184, 134],
    ])
      expect(hit(v, x, y), `${x},${y}`).toBe('a');
    for (const [x, y] of [
      [99.5, 92],
      [268.5, 92],
      [184, 49.5],
      [184, 134.5],
      [99.5, 49.5],
      [0, 0],
      [400, 300],
    ])
      expect(hit(v, x, y), `${x},${y}`).toBeUndefined();
  });

  it('zoomed out and panned: the card covers its flow box times the zoom, moved by the pan', () => {
    // zoom 0.25, pan (30, -20): the card at (400, 100), 168 x 84, is on screen at
    // x 400·0.25 + 30 = 130 .. 130 + 42 = 172, y 100·0.25 - 20 = 5 .. 5 + 21 = 26.
    const v = view([30, -20, 0.25], internal('a', 400, 100));
    expect(hit(v, 151, 15.5)).toBe('a');
    expect(hit(v, 130, 5)).toBe('a');
    expect(hit(v, 172, 26)).toBe('a');
    expect(hit(v, 129.9, 15)).toBeUndefined();
    expect(hit(v, 172.1, 15)).toBeUndefined();
    expect(hit(v, 150, 4.9)).toBeUndefined();
    expect(hit(v, 150, 26.1)).toBeUndefined();
    // Where the card would be unpanned (flow 400, 100 at zoom 1) is empty.
    expect(hit(v, 450, 120)).toBeUndefined();
  });

  it('zoomed in with a negative position: x 2·(-50) + 10 = -90 .. 246, y 2·30 + 0 = 60 .. 228', () => {
    const v = view([10, 0, 2], internal('a', -50, 30));
    expect(hit(v, 0, 100)).toBe('a');
    expect(hit(v, -90, 60)).toBe('a');
    expect(hit(v, 246, 228)).toBe('a');
    expect(hit(v, -90.5, 100)).toBeUndefined();
    expect(hit(v, 246.5, 100)).toBeUndefined();
    expect(hit(v, 100, 228.5)).toBeUndefined();
  });

  it("overlapping cards: the later one in React Flow's order wins where they overlap", () => {
    // As React Flow stacks mounted cards, and as the canvas draws cards of one colour (one path,
    // filled in node order). (Cards of different colours are filled a colour at a time.)
    // a covers 0..168 x 0..84, b covers 100..268 x 50..134; they overlap on 100..168 x 50..84.
    const a = internal('a', 0, 0);
    const b = internal('b', 100, 50);
    const v = view([0, 0, 1], a, b);
    expect(hit(v, 120, 60)).toBe('b');
    expect(hit(v, 100, 84)).toBe('b'); // the overlap's corner
    expect(hit(v, 50, 40)).toBe('a');
    expect(hit(v, 250, 120)).toBe('b');
    // In the other order a is drawn last, so a is on top.
    expect(hit(view([0, 0, 1], b, a), 120, 60)).toBe('a');
    // Three cards stacked at one spot: the last.
    expect(hit(view([0, 0, 0.5], a, b, internal('c', 110, 60)), 60, 35)).toBe('c');
  });

  it("a macro group's frame around cards is not a card", () => {
    const v = view([0, 0, 1], internal('g', -20, -20, 400, 300, 'macroGroup'), internal('a', 0, 0));
    expect(hit(v, 300, 200)).toBeUndefined();
    expect(hit(v, 10, 10)).toBe('a');
  });

  it('any view: a point well inside a card hits it, a point well outside every card hits none', () => {
    const box = fc.record({
      x: fc.integer({ min: -5000, max: 5000 }),
      y: fc.integer({ min: -5000, max: 5000 }),
      w: fc.integer({ min: 20, max: 400 }),
      h: fc.integer({ min: 20, max: 400 }),
    });
    fc.assert(
      fc.property(
        box,
        fc.double({ min: 0.05, max: 2.5, noNaN: true }),
        fc.integer({ min: -3000, max: 3000 }),
        fc.integer({ min: -3000, max: 3000 }),
        // Where in the card, in hundredths of its width and height (-0.5..1.5), never on an edge.
        fc.integer({ min: -50, max: 150 }).filter((k) => k !== 0 && k !== 100),
        fc.integer({ min: -50, max: 150 }).filter((k) => k !== 0 && k !== 100),
        ({ x, y, w, h }, zoom, tx, ty, ku, kv) => {
          const [u, v] = [ku / 100, kv / 100];
          const fx = x + u * w;
          const fy = y + v * h;
          const inside = u > 0 && u < 1 && v > 0 && v < 1;
          const found = hit(view([tx, ty, zoom], internal('a', x, y, w, h)), fx * zoom + tx, fy * zoom + ty);
          expect(found).toBe(inside ? 'a' : undefined);
        },
      ),
      { numRuns: 500 },
    );
  });
});
