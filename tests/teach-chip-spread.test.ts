import { describe, expect, it } from 'vitest';
import { type Box, type Shift, spreadBoxes } from '../src/modes/teach/chipSpread.ts';

/** The boxes where spreadBoxes puts them. */
const moved = (boxes: readonly Box[], shifts: readonly Shift[]) => boxes.map((b, i) => ({ ...b, x: b.x + shifts[i].dx, y: b.y + shifts[i].dy }));
/** Whether two boxes overlap (touching edges do not). */
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
/** Pairs that still overlap: chip/chip and chip/card. */
function covered(boxes: readonly Box[], cards: readonly Box[], shifts: readonly Shift[]): string[] {
  const out: string[] = [];
  const m = moved(boxes, shifts);
  m.forEach((a, i) => {
    m.slice(i + 1).forEach((b, j) => overlap(a, b) && out.push(`chip ${i} / chip ${i + j + 1}`));
    cards.forEach((c, k) => overlap(a, c) && out.push(`chip ${i} / card ${k}`));
  });
  return out;
}

describe('edge chips are moved apart, never covering each other or a card', () => {
  it('moves the lower of two overlapping chips just below the upper (2 px gap); apart chips stay put', () => {
    // b → c and b → d on sum-over-paths: same x, 64 px tall, 52 px apart
    expect(
      spreadBoxes([
        { x: 314, y: 371, width: 57, height: 64 },
        { x: 314, y: 423, width: 57, height: 64 },
      ]),
    ).toEqual([
      { dx: 0, dy: 0 },
      { dx: 0, dy: 14 },
    ]);
    expect(
      spreadBoxes([
        { x: 0, y: 0, width: 10, height: 10 },
        { x: 20, y: 0, width: 10, height: 10 },
      ]),
    ).toEqual([
      { dx: 0, dy: 0 },
      { dx: 0, dy: 0 },
    ]);
  });

  it('a pile of three on one spot: the first stays, the others each move by one chip, none covering another', () => {
    const box = { x: 5, y: 100, width: 40, height: 30 };
    const shifts = spreadBoxes([box, box, box]);
    expect(shifts[0]).toEqual({ dx: 0, dy: 0 });
    expect(shifts[1]).toEqual({ dx: 0, dy: 32 }); // below the first
    expect(shifts[2]).toEqual({ dx: 0, dy: -32 }); // above it: as near as below-the-second would be far
    expect(covered([box, box, box], [], shifts)).toEqual([]);
  });

  it('a chip on a card moves off it by the shortest way (here 6 px right, 4 of overlap and the 2 px gap)', () => {
    const card = { x: 0, y: 0, width: 168, height: 84 };
    const chip = { x: 164, y: 30, width: 28, height: 35 };
    expect(spreadBoxes([chip], [card])).toEqual([{ dx: 6, dy: 0 }]);
    // Already clear: stays.
    expect(spreadBoxes([{ ...chip, x: 200 }], [card])).toEqual([{ dx: 0, dy: 0 }]);
  });

  it('two chips in a narrow gap between cards above and below spread sideways (2D), as a vertical-only spread could not', () => {
    // Cards 40 px apart vertically; two 30 px chips on one spot in the gap.
    const cards = [
      { x: 0, y: 0, width: 400, height: 100 },
      { x: 0, y: 140, width: 400, height: 100 },
    ];
    const chip = { x: 180, y: 105, width: 40, height: 30 };
    const shifts = spreadBoxes([chip, chip], cards);
    expect(shifts[0]).toEqual({ dx: 0, dy: 0 });
    expect(shifts[1].dy).toBe(0);
    expect(Math.abs(shifts[1].dx)).toBe(42);
    expect(covered([chip, chip], cards, shifts)).toEqual([]);
  });

  it('a dense graph: 40 chips over a grid of cards end up covering no chip and no card (seeded)', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    // Cards 168 x 84 on a 240 x 140 grid; chips land between and on them, several on one spot.
    const cards: Box[] = [];
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) cards.push({ x: i * 240, y: j * 140, width: 168, height: 84 });
    const chips: Box[] = [];
    for (let k = 0; k < 40; k++) {
      const spot = { x: Math.floor(random() * 10) * 90, y: Math.floor(random() * 6) * 90 };
      chips.push({ ...spot, width: 28 + Math.floor(random() * 30), height: k % 5 ? 30 : 64 });
    }
    const shifts = spreadBoxes(chips, cards);
    expect(covered(chips, cards, shifts)).toEqual([]);
    // Each chip stays near its edge: within 160 px.
    for (const s of shifts) expect(Math.hypot(s.dx, s.dy)).toBeLessThanOrEqual(160);
  });
});
