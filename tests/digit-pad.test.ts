// The digit pad's downsampling, worked by hand: a drawing becomes a NIST-style 32×32 bitmap (ink
// box scaled to fill it, centred, pen 6 cells wide) and then 8×8 counts of ink per 4×4 block.
import { describe, expect, it } from 'vitest';
import { blockCounts, rasterize } from '../src/modes/train/digitPad.ts';

describe('digit pad', () => {
  it('an empty pad is 64 zeros', () => {
    expect(blockCounts(rasterize([]))).toEqual(new Array(64).fill(0));
  });

  it('a vertical stroke fills the height, centred: columns 3 and 4 read 11, 12, …, 12, 11', () => {
    // Scaled by (32 - 6) / 0.8 onto x = 16, y = 3..29; cells within 3 of it: columns 13-18 (centres
    // 13.5-18.5) in rows 1-30 (the caps reach rows 1, 2 and 29, 30 in full: 2.5² + 1.5² <= 9),
    // and rows 0 and 31 only at columns 14-17 (2.5² + 2.5² > 9 >= 2.5² + 1.5²).
    const bitmap = rasterize([
      [
        { x: 0.5, y: 0.1 },
        { x: 0.5, y: 0.9 },
      ],
    ]);
    const ink = (row: number) => [...bitmap.slice(row * 32, row * 32 + 32)].flatMap((v, c) => (v ? [c] : []));
    const full = [13, 14, 15, 16, 17, 18];
    expect([ink(0), ink(1), ink(15), ink(30), ink(31)]).toEqual([[14, 15, 16, 17], full, full, full, [14, 15, 16, 17]]);
    const px = blockCounts(bitmap);
    const column = (c: number) => Array.from({ length: 8 }, (_, r) => px[r * 8 + c]);
    // Block column 3 holds cells 13-15 of each full row, 14-15 of rows 0 and 31: 2 + 3 · 3 = 11 at the ends.
    expect(column(3)).toEqual([11, 12, 12, 12, 12, 12, 12, 11]);
    expect(column(4)).toEqual([11, 12, 12, 12, 12, 12, 12, 11]);
    expect(px.reduce((a, v) => a + v, 0)).toBe(30 * 6 + 2 * 4);
    // The same drawing where the glyph digits' 0-1 scale is in use.
    expect(blockCounts(bitmap, 1)[3]).toBe(11 / 16);
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
