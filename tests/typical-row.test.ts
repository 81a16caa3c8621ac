/**
 * The row Train mode shows first (graph-engine/data/typical.ts), on data sets small enough to
 * work out by hand, and on the built-in spiral, whose row 0 is the origin where the arms meet.
 */
import { describe, expect, it } from 'vitest';
import { fromRows, makeDataset, splitRows, typicalRow } from '../graph-engine/index.ts';

describe('typicalRow', () => {
  it('regression: the row nearest the per-feature median', () => {
    // x: 0, 10, 4, 5, 100 -> median 5 (row 3); the constant column c does not count.
    const ds = fromRows(
      'r',
      ['x', 'c', 'y'],
      [
        [0, 7, 1],
        [10, 7, 2],
        [4, 7, 3],
        [5, 7, 4],
        [100, 7, 5],
      ],
      { targets: ['y'], task: 'regression' },
    );
    expect(typicalRow(ds, [0, 1, 2, 3, 4], [0, 1], [2], 'regression')).toBe(3);
    // Only among the rows given (a training split): rows 0, 1, 4 have median 10 -> row 1.
    expect(typicalRow(ds, [0, 1, 4], [0], [2], 'regression')).toBe(1);
    expect(typicalRow(ds, [], [0], [2], 'regression')).toBe(-1);
  });

  it('classification: the most common class, clear of the others, nearest its median', () => {
    // Class 0 (21 rows): x = 0..11, 53, 100..107; class 1 (10 rows): 48..52, 54..58.
    // Distance of each class-0 row to the nearest class-1 row: 0..11 -> 48..37, 53 -> 1,
    // 100..107 -> 42..49; their median (11th of 21) is 44, so x <= 4 and x >= 102 are clear.
    // Class 0's median is 10 (11th of 0..11, 53, 100..107): the nearest clear row is x = 4.
    const rows: number[][] = [];
    for (const x of [48, 49, 50, 51, 52, 54, 55, 56, 57, 58]) rows.push([x, 1]);
    for (const x of [53, ...Array.from({ length: 12 }, (_, i) => i), ...Array.from({ length: 8 }, (_, i) => 100 + i)]) rows.push([x, 0]);
    const ds = fromRows('c', ['x', 'y'], rows, { targets: ['y'], task: 'classification' });
    const got = typicalRow(
      ds,
      rows.map((_, i) => i),
      [0],
      [1],
      'classification',
    );
    expect(rows[got]).toEqual([4, 0]);
  });

  it('one-hot targets: the class is the largest target column', () => {
    // Classes by one-hot (a, b): class 1 three times, class 0 twice; class 1's x: 5, 6, 9 -> median 6.
    const ds = fromRows(
      'h',
      ['x', 'a', 'b'],
      [
        [0, 1, 0],
        [5, 0, 1],
        [1, 1, 0],
        [9, 0, 1],
        [6, 0, 1],
      ],
      { targets: ['a', 'b'], task: 'classification' },
    );
    expect(typicalRow(ds, [0, 1, 2, 3, 4], [0], [1, 2], 'classification')).toBe(4);
  });

  it('spiral: a training row on its arm, not the origin where the arms meet', () => {
    const ds = makeDataset('spiral', { seed: 0 });
    const split = splitRows(ds.rows, 0.2, 0);
    const x1 = ds.columns.indexOf('x1');
    const x2 = ds.columns.indexOf('x2');
    const y = ds.columns.indexOf('y');
    const r = typicalRow(ds, split.train, [x1, x2], [y], 'classification');
    expect(split.train).toContain(r);
    expect(Math.hypot(ds.data[x1][r], ds.data[x2][r])).toBeGreaterThan(0.25);
    // Its ten nearest training rows, found by brute force here, are of its own class.
    const d = (o: number) => Math.hypot(ds.data[x1][o] - ds.data[x1][r], ds.data[x2][o] - ds.data[x2][r]);
    const near = Array.from(split.train)
      .filter((o) => o !== r)
      .sort((a, b) => d(a) - d(b))
      .slice(0, 10);
    for (const o of near) expect(ds.data[y][o]).toBe(ds.data[y][r]);
  });
});
