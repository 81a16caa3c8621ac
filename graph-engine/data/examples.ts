/**
 * The worked examples: the four-row XOR truth table, kilometres to miles, "will I pass the exam",
 * and synthetic 8x8 digits drawn from glyph bitmaps with noise (`glyph-digits`).
 */
import { gaussian, rngFor } from '../core/random.ts';
import { sigmoid } from '../ops/registry.ts';
import { fromRows, type Dataset } from './dataset.ts';
import type { SyntheticOptions } from './synthetic.ts';

export function xorTable(): Dataset {
  return fromRows(
    'xor-table',
    ['x1', 'x2', 'y'],
    [
      [0, 0, 0],
      [0, 1, 1],
      [1, 0, 1],
      [1, 1, 0],
    ],
    { targets: ['y'], task: 'classification', defaultTestRatio: 0 },
  );
}

const MILES_PER_KM = 0.621371;

/** km uniform in [0, 10], miles = 0.621371 km (+ noise in miles). */
export function kmToMiles({ count, noise, seed }: SyntheticOptions): Dataset {
  const rng = rngFor(seed, 'data:km-to-miles');
  const rows = Array.from({ length: count }, () => {
    const km = Math.round(rng() * 1000) / 100;
    return [km, MILES_PER_KM * km + gaussian(rng) * noise];
  });
  return fromRows('km-to-miles', ['km', 'miles'], rows, { targets: ['miles'], task: 'regression' });
}

/**
 * Lectures attended (0..10) and hours on the final project (0..10); passed with probability
 * sigmoid(0.8 (lectures - 5) + 0.6 (hours - 5)), so the data is learnable but not separable.
 */
export function passExam({ count, seed }: SyntheticOptions): Dataset {
  const rng = rngFor(seed, 'data:pass-exam');
  const rows = Array.from({ length: count }, () => {
    const lectures = Math.floor(rng() * 11);
    const hours = Math.round(rng() * 20) / 2;
    const p = sigmoid(0.8 * (lectures - 5) + 0.6 * (hours - 5));
    return [lectures, hours, rng() < p ? 1 : 0];
  });
  return fromRows('pass-exam', ['lectures', 'hours', 'pass'], rows, { targets: ['pass'], task: 'classification' });
}

const GLYPHS = [
  ['..####..', '.##..##.', '.##..##.', '.##..##.', '.##..##.', '.##..##.', '..####..', '........'],
  ['...##...', '..###...', '...##...', '...##...', '...##...', '...##...', '.######.', '........'],
  ['..####..', '.##..##.', '.....##.', '....##..', '...##...', '..##....', '.######.', '........'],
  ['..####..', '.##..##.', '.....##.', '...###..', '.....##.', '.##..##.', '..####..', '........'],
  ['....##..', '...###..', '..#.##..', '.#..##..', '.######.', '....##..', '....##..', '........'],
  ['.######.', '.##.....', '.#####..', '.....##.', '.....##.', '.##..##.', '..####..', '........'],
  ['..####..', '.##.....', '.#####..', '.##..##.', '.##..##.', '.##..##.', '..####..', '........'],
  ['.######.', '.....##.', '....##..', '...##...', '...##...', '...##...', '...##...', '........'],
  ['..####..', '.##..##.', '.##..##.', '..####..', '.##..##.', '.##..##.', '..####..', '........'],
  ['..####..', '.##..##.', '.##..##.', '..#####.', '.....##.', '....##..', '..###...', '........'],
].map((rows) => rows.map((r) => [...r].map((c) => (c === '#' ? 1 : 0))));

const DIGIT_PIXELS = 64;

/**
 * 8x8 digits: each sample is a glyph shifted by up to one pixel, ink intensity 0.6-1, and with
 * probability `noise` per pixel (default 0.1 from the registry) a pixel is replaced by a random
 * value. Columns p0..p63 (row-major, 0..1), y0..y9 one-hot, label 0..9.
 */
export function glyphDigits({ count, noise, seed }: SyntheticOptions): Dataset {
  // The tag from when the set was called "digits": the same seed still draws the same samples.
  const rng = rngFor(seed, 'data:digits');
  const rows: number[][] = [];
  for (let s = 0; s < count; s++) {
    const label = s % 10;
    const dx = Math.floor(rng() * 3) - 1;
    const dy = Math.floor(rng() * 3) - 1;
    const ink = 0.6 + 0.4 * rng();
    const row: number[] = [];
    for (let r = 0; r < 8; r++) {
      for (let c = 0; c < 8; c++) {
        const on = GLYPHS[label][r - dy]?.[c - dx] ?? 0;
        row.push(rng() < noise ? rng() : on * ink);
      }
    }
    for (let k = 0; k < 10; k++) row.push(k === label ? 1 : 0);
    row.push(label);
    rows.push(row);
  }
  const columns = [...Array.from({ length: DIGIT_PIXELS }, (_, i) => `p${i}`), ...Array.from({ length: 10 }, (_, k) => `y${k}`), 'label'];
  return fromRows('glyph-digits', columns, rows, { targets: Array.from({ length: 10 }, (_, k) => `y${k}`), task: 'classification' });
}
