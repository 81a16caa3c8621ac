/**
 * Seeded randomness, identical in every runtime. The generator is mulberry32 (32-bit state, period
 * 2^32, fast, good enough for initialisation, shuffles and synthetic data). Seeds for independent
 * streams (init of macro "h1", the epoch shuffle, the dataset) are derived by hashing the user's seed
 * with a name (FNV-1a then a murmur3 finaliser), so adding a node never changes another's init.
 */

export type Rng = () => number;

/** mulberry32: uniform in [0, 1). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit seed for the stream `name` under the user seed `seed`. */
function deriveSeed(seed: number, name: string): number {
  let h = 0x811c9dc5 ^ (Math.floor(seed) >>> 0) ^ Math.floor(seed / 4294967296);
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix(h);
}

export const rngFor = (seed: number, name: string): Rng => mulberry32(deriveSeed(seed, name));

/** Standard normal by Box-Muller (one draw per call; the second value is dropped for simplicity). */
export function gaussian(rng: Rng): number {
  const u = 1 - rng(); // (0, 1]: log never sees 0
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** Fisher-Yates shuffle in place. */
export function shuffle(a: Int32Array | number[], rng: Rng): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}

/**
 * The key of one training step's dropout masks: every mask of step `step` (counted from 0 since
 * the trainer started or was reset) under the user's seed derives from it, so a run is bit-for-bit
 * reproducible and two steps never share a mask.
 */
export const dropoutStepKey = (seed: number, step: number): number => deriveSeed(seed, `dropout ${step}`);

/**
 * A uniform draw in [0, 1) for one node and one sample of a step: counter based (a hash of the step
 * key, node index and sample index, murmur3's finaliser), so the trainer's kernels and a teaching
 * Session draw the same mask node by node, in any order, and backward redraws it instead of storing it.
 */
export function maskDraw(key: number, node: number, sample: number): number {
  return fmix(fmix(key ^ Math.imul(node + 1, 0x9e3779b1)) ^ Math.imul(sample + 1, 0x85ebca77)) / 4294967296;
}

/** murmur3's 32-bit finaliser: every input bit flips about half the output bits. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
