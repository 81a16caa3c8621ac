/**
 * The classic 2-D sets (after TensorFlow Playground), scaled to about [-1, 1]: columns x1, x2 and
 * a label y (1 / 0, or +1 / -1 with labels 'pm1'); plus a regression plane. `noise` is in data
 * units (0 = clean; 0.1-0.5 is a useful range).
 */
import { gaussian, rngFor, type Rng } from '../core/random.ts';
import { fromRows, type Dataset } from './dataset.ts';

export interface SyntheticOptions {
  count: number;
  noise: number;
  seed: number;
}

type Point = [number, number, number];
type Generator = (o: SyntheticOptions, rng: Rng) => Point[];

const uniform = (rng: Rng, a: number, b: number) => a + (b - a) * rng();

const circle: Generator = ({ count, noise }, rng) => {
  const pts: Point[] = [];
  for (let i = 0; i < count; i++) {
    const inside = i < count / 2;
    const r = inside ? uniform(rng, 0, 0.5) : uniform(rng, 0.7, 1);
    const t = uniform(rng, 0, 2 * Math.PI);
    pts.push([r * Math.sin(t) + uniform(rng, -1, 1) * noise, r * Math.cos(t) + uniform(rng, -1, 1) * noise, inside ? 1 : 0]);
  }
  return pts;
};

const xor: Generator = ({ count, noise }, rng) => {
  const pad = 0.05; // keeps clean points off the axes, where the label flips
  const pts: Point[] = [];
  for (let i = 0; i < count; i++) {
    let x = uniform(rng, -1, 1);
    let y = uniform(rng, -1, 1);
    x += x > 0 ? pad : -pad;
    y += y > 0 ? pad : -pad;
    pts.push([x + uniform(rng, -1, 1) * noise, y + uniform(rng, -1, 1) * noise, x * y >= 0 ? 1 : 0]);
  }
  return pts;
};

const gauss: Generator = ({ count, noise }, rng) => {
  const sd = 0.15 + noise;
  const pts: Point[] = [];
  for (let i = 0; i < count; i++) {
    const pos = i < count / 2;
    const c = pos ? 0.4 : -0.4;
    pts.push([c + gaussian(rng) * sd, c + gaussian(rng) * sd, pos ? 1 : 0]);
  }
  return pts;
};

const spiral: Generator = ({ count, noise }, rng) => {
  const pts: Point[] = [];
  const half = Math.ceil(count / 2);
  for (const [delta, label] of [
    [0, 1],
    [Math.PI, 0],
  ] as const) {
    for (let i = 0; i < half && pts.length < count; i++) {
      const r = i / half;
      const t = 1.75 * (i / half) * 2 * Math.PI + delta;
      pts.push([r * Math.sin(t) + uniform(rng, -1, 1) * noise, r * Math.cos(t) + uniform(rng, -1, 1) * noise, label]);
    }
  }
  return pts;
};

const moons: Generator = ({ count, noise }, rng) => {
  const pts: Point[] = [];
  for (let i = 0; i < count; i++) {
    const upper = i < count / 2;
    const t = uniform(rng, 0, Math.PI);
    const [x, y] = upper ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 0.5 - Math.sin(t)];
    // centre the pair of moons on the origin and scale into about [-1, 1]
    pts.push([(x - 0.5) * 0.66 + gaussian(rng) * noise, (y - 0.25) * 0.66 + gaussian(rng) * noise, upper ? 0 : 1]);
  }
  return pts;
};

/** Regression: y = (x1 + 2 x2) / 3 plus Gaussian noise. */
const plane: Generator = ({ count, noise }, rng) => {
  const pts: Point[] = [];
  for (let i = 0; i < count; i++) {
    const x1 = uniform(rng, -1, 1);
    const x2 = uniform(rng, -1, 1);
    pts.push([x1, x2, (x1 + 2 * x2) / 3 + gaussian(rng) * noise]);
  }
  return pts;
};

/**
 * TensorFlow Playground's "multi-Gaussian" regression, scaled from its [-6, 6] to [-1, 1]: six
 * peaks in two rows, signs alternating, each a cone falling from +-1 at its centre to 0 at
 * distance 1/3 (Playground: 2 of 6); a point takes the peak strongest there. Centres at x1 =
 * -2/3, 0, 2/3 and x2 = +-5/12.
 */
const GAUSS_PEAKS: readonly Point[] = [
  [-2 / 3, 5 / 12, 1],
  [0, 5 / 12, -1],
  [2 / 3, 5 / 12, 1],
  [-2 / 3, -5 / 12, -1],
  [0, -5 / 12, 1],
  [2 / 3, -5 / 12, -1],
];
const PEAK_RADIUS = 1 / 3;

/** The multi-Gaussian target at (x1, x2): the signed peak of largest magnitude there. */
export function multiGaussTarget(x1: number, x2: number): number {
  let best = 0;
  for (const [cx, cy, sign] of GAUSS_PEAKS) {
    const v = sign * Math.max(0, 1 - Math.hypot(x1 - cx, x2 - cy) / PEAK_RADIUS);
    if (Math.abs(v) > Math.abs(best)) best = v;
  }
  return best;
}

/** Uniform points; as in the Playground, noise moves where the target is read, not the point. */
const multiGauss: Generator = ({ count, noise }, rng) => {
  const pts: Point[] = [];
  for (let i = 0; i < count; i++) {
    const x1 = uniform(rng, -1, 1);
    const x2 = uniform(rng, -1, 1);
    pts.push([x1, x2, multiGaussTarget(x1 + uniform(rng, -1, 1) * noise, x2 + uniform(rng, -1, 1) * noise)]);
  }
  return pts;
};

/** Three Gaussian blobs at 120° apart: columns x1, x2, one-hot y0..y2 and the class label. */
export function threeBlobs({ count, noise, seed }: SyntheticOptions): Dataset {
  const rng = rngFor(seed, 'data:blobs3');
  const sd = 0.15 + noise;
  const rows = Array.from({ length: count }, (_, i) => {
    const c = i % 3;
    const t = (2 * Math.PI * c) / 3 + Math.PI / 2;
    return [0.55 * Math.cos(t) + gaussian(rng) * sd, 0.55 * Math.sin(t) + gaussian(rng) * sd, ...[0, 1, 2].map((k) => (k === c ? 1 : 0)), c];
  });
  return fromRows('blobs3', ['x1', 'x2', 'y0', 'y1', 'y2', 'label'], rows, { targets: ['y0', 'y1', 'y2'], task: 'classification' });
}

export const SYNTHETIC: Record<string, { make: Generator; task: 'classification' | 'regression' }> = {
  circle: { make: circle, task: 'classification' },
  xor: { make: xor, task: 'classification' },
  gauss: { make: gauss, task: 'classification' },
  spiral: { make: spiral, task: 'classification' },
  moons: { make: moons, task: 'classification' },
  plane: { make: plane, task: 'regression' },
  'multi-gauss': { make: multiGauss, task: 'regression' },
};

export function synthetic(name: string, o: SyntheticOptions): Dataset {
  const spec = SYNTHETIC[name];
  const pts = spec.make(o, rngFor(o.seed, `data:${name}`));
  return fromRows(name, ['x1', 'x2', 'y'], pts, { targets: ['y'], task: spec.task });
}
