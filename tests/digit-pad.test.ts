// The digit pad's downsampling, worked by hand: a drawing becomes a NIST-style 32×32 bitmap (ink
// box scaled to fill it, centred, pen 4 cells wide) and then 8×8 counts of ink per 4×4 block.
import { describe, expect, it } from 'vitest';
import { blockCounts, rasterize } from '../src/modes/train/digitPad.ts';

describe('digit pad', () => {
  it('an empty pad is 64 zeros', () => {
    expect(blockCounts(rasterize([]))).toEqual(new Array(64).fill(0));
  });

  it('a vertical stroke fills the height, centred: columns 3 and 4 read 7, 8, …, 8, 7', () => {
    // Scaled by 28 / 0.8 onto x = 16, y = 2..30; cells within 2 of it: columns 14-17 (centres 14.5-17.5),
    // rows 1-30 in full, and rows 0 and 31 only at columns 15 and 16 (the round caps).
    const bitmap = rasterize([
      [
        { x: 0.5, y: 0.1 },
        { x: 0.5, y: 0.9 },
      ],
    ]);
    const ink = (row: number) => [...bitmap.slice(row * 32, row * 32 + 32)].flatMap((v, c) => (v ? [c] : []));
    expect([ink(0), ink(1), ink(15), ink(31)]).toEqual([
      [15, 16],
      [14, 15, 16, 17],
      [14, 15, 16, 17],
      [15, 16],
    ]);
    const px = blockCounts(bitmap);
    const column = (c: number) => Array.from({ length: 8 }, (_, r) => px[r * 8 + c]);
    expect(column(3)).toEqual([7, 8, 8, 8, 8, 8, 8, 7]);
    expect(column(4)).toEqual([7, 8, 8, 8, 8, 8, 8, 7]);
    expect(px.reduce((a, v) => a + v, 0)).toBe(2 * 62);
    // The same drawing where the glyph digits' 0-1 scale is in use.
    expect(blockCounts(bitmap, 1)[3]).toBe(7 / 16);
  });

  it('where and how large the digit is drawn does not matter', () => {
    const stroke = (x: number, y: number, s: number) => [
      [
        { x, y },
        { x: x + s, y: y + s / 2 },
        { x, y: y + s },
      ],
    ];
    expect(blockCounts(rasterize(stroke(0.1, 0.1, 0.3)))).toEqual(blockCounts(rasterize(stroke(0.4, 0.2, 0.7))));
  });
});
