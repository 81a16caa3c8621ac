// Click-to-add places each new node where it overlaps no other card.
import { expect, it } from 'vitest';
import { freeSpot } from '../src/store/modelEdits.ts';
import type { Model } from '../graph-engine/index.ts';

const overlaps = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.abs(a.x - b.x) < 190 && Math.abs(a.y - b.y) < 110;

it('keeps the spot when it is free, and finds the nearest free one when it is not', () => {
  const m: Model = { format: 'graphgrad', version: 1, nodes: [], edges: [] };
  expect(freeSpot(m, { x: 100.4, y: 50 })).toEqual({ x: 100, y: 50 });
  for (let i = 0; i < 4; i++) {
    const p = freeSpot(m, { x: 100, y: 50 });
    for (const n of m.nodes) expect(overlaps(p, n.position!)).toBe(false);
    m.nodes.push({ id: `n${i}`, op: 'input', value: 0, position: { ...p } });
  }
  // The first lands on the spot itself; the others as near as they fit.
  expect(m.nodes[0].position).toEqual({ x: 100, y: 50 });
  expect(Math.hypot(m.nodes[1].position!.x - 100, m.nodes[1].position!.y - 50)).toBeLessThanOrEqual(240);
});
