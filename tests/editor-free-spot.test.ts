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

it('pastes below the copied nodes, so the copy never covers the original', async () => {
  const { pasteOffset } = await import('../src/store/modelEdits.ts');
  const clip = { nodes: [{ id: 'a', op: 'input', position: { x: 0, y: 100 } }, { id: 'b', op: 'input', position: { x: 200, y: 300 } }] };
  const o = pasteOffset(clip, 1);
  expect(o.y).toBeGreaterThanOrEqual(300 - 100 + 110);
  expect(pasteOffset(clip, 2).y).toBe(2 * o.y);
  for (const c of clip.nodes) for (const d of clip.nodes) {
    const moved = { x: d.position.x + o.x, y: d.position.y + o.y };
    expect(overlaps(c.position, moved)).toBe(false);
  }
});
