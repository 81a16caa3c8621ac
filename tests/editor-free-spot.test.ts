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

it('pastes below the copied nodes, clear of the originals and of every other card', async () => {
  const { pasteOffset } = await import('../src/store/modelEdits.ts');
  const a = { id: 'a', op: 'input', position: { x: 0, y: 100 } };
  const b = { id: 'b', op: 'input', position: { x: 200, y: 300 } };
  const m: Model = { format: 'graphgrad', version: 1, nodes: [a, b], edges: [] };
  const clip = { nodes: [a, b] };
  const o = pasteOffset(m, clip);
  // Nothing below: straight down, just under the lowest original and its air.
  expect(o).toEqual({ x: 0, y: 300 - 100 + 110 });

  // A card right where that would land pushes the copy on, and so do earlier pastes.
  m.nodes.push({ id: 'in_the_way', op: 'input', position: { x: 100, y: 100 + o.y + 50 } });
  for (let paste = 0; paste < 3; paste++) {
    const shift = pasteOffset(m, clip);
    const copies = clip.nodes.map((n, i) => ({ id: `${n.id}${paste}_${i}`, op: 'input', position: { x: n.position.x + shift.x, y: n.position.y + shift.y } }));
    for (const c of copies) for (const n of m.nodes) expect(overlaps(c.position, n.position!), `${c.id} over ${n.id}`).toBe(false);
    m.nodes.push(...copies);
  }
});

it('pastes a block too large for the rings around it below every card, not on top of the last copy', async () => {
  const { pasteOffset } = await import('../src/store/modelEdits.ts');
  // A 12 x 12 grid of cards 200 apart: about 2,400 px each way.
  const grid = Array.from({ length: 144 }, (_, i) => ({ id: `n${i}`, op: 'input', position: { x: (i % 12) * 200, y: Math.floor(i / 12) * 200 } }));
  const m: Model = { format: 'graphgrad', version: 1, nodes: [...grid], edges: [] };
  for (let paste = 0; paste < 2; paste++) {
    const shift = pasteOffset(m, { nodes: grid });
    const copies = grid.map((n) => ({ ...n, id: `${n.id}_${paste}`, position: { x: n.position.x + shift.x, y: n.position.y + shift.y } }));
    const taken = m.nodes.map((n) => n.position!);
    for (const c of copies)
      expect(
        taken.some((p) => overlaps(p, c.position)),
        c.id,
      ).toBe(false);
    m.nodes.push(...copies);
  }
});

it('pastes clear of tall cards (a layer, a loss with many ports) by their drawn size', async () => {
  const { pasteOffset } = await import('../src/store/modelEdits.ts');
  const tall = { id: 'L', op: 'mse', position: { x: 0, y: 0 } };
  const m: Model = { format: 'graphgrad', version: 1, nodes: [tall], edges: [] };
  const sizeOf = (id: string) => (id === 'L' || id.startsWith('copy') ? { width: 168, height: 400 } : undefined);
  for (let paste = 0; paste < 2; paste++) {
    const o = pasteOffset(m, { nodes: [tall] }, sizeOf);
    // Below every card drawn so far, each 400 px tall.
    for (const n of m.nodes) expect(Math.abs(n.position!.y - o.y) >= 400 || Math.abs(n.position!.x - o.x) >= 168, `copy ${paste} over ${n.id}`).toBe(true);
    m.nodes.push({ id: `copy${paste}`, op: 'mse', position: { x: o.x, y: o.y } });
  }
});

it('with `within` (the canvas in view, clear of an open drawer), picks a free spot inside it over a nearer one outside', () => {
  const m: Model = { format: 'graphgrad', version: 1, nodes: [], edges: [] };
  // The view: x 0..600, y 0..400; the spot asked for is taken, and the ring's first free spots
  // (below, then right) leave the view, so a spot further round the ring wins.
  m.nodes.push({ id: 'taken', op: 'input', position: { x: 200, y: 280 } });
  const within = { x: 0, y: 0, width: 600, height: 400 };
  const inside = (p: { x: number; y: number }) => p.x >= 0 && p.y >= 0 && p.x + 190 <= 600 && p.y + 110 <= 400;
  const free = freeSpot(m, { x: 200, y: 280 });
  expect(inside(free)).toBe(false); // without `within`: straight below, out of view
  const seen = freeSpot(m, { x: 200, y: 280 }, { within });
  expect(inside(seen)).toBe(true);
  expect(overlaps(seen, m.nodes[0].position!)).toBe(false);
  // Four more: each in view, none over another.
  for (let i = 0; i < 4; i++) {
    const p = freeSpot(m, { x: 200, y: 150 }, { within });
    expect(inside(p), `card ${i} in view`).toBe(true);
    for (const n of m.nodes) expect(overlaps(p, n.position!)).toBe(false);
    m.nodes.push({ id: `n${i}`, op: 'input', value: 0, position: { ...p } });
  }
  // No room left in view: the spot found without `within`.
  const full = { x: 200, y: 280, width: 100, height: 100 };
  expect(freeSpot(m, { x: 200, y: 280 }, { within: full })).toEqual(freeSpot(m, { x: 200, y: 280 }));
});

it('keeps clear of the boxes in `avoid` (the minimap over the canvas) as of cards', () => {
  const m: Model = { format: 'graphgrad', version: 1, nodes: [], edges: [] };
  const minimap = { x: 400, y: 250, width: 200, height: 150 };
  const p = freeSpot(m, { x: 420, y: 260 }, { avoid: [minimap] });
  expect(p.x + 190 <= minimap.x || p.x >= minimap.x + minimap.width || p.y + 110 <= minimap.y || p.y >= minimap.y + minimap.height).toBe(true);
  expect(freeSpot(m, { x: 100, y: 50 }, { avoid: [minimap] })).toEqual({ x: 100, y: 50 });
});
