/**
 * Colours for heatmaps and points, TensorFlow Playground's scheme: orange for the low class or
 * value, blue for the high one, a pale middle. Only drawing: every value comes from the engine.
 */
import { extent } from '../../trainWorker/extent.ts';

const LOW = [232, 124, 18];
const MID = [246, 246, 240];
const HIGH = [18, 110, 190];

/** RGB for t in [0, 1] (clamped; NaN is grey). */
export function rampRgb(t: number): [number, number, number] {
  if (Number.isNaN(t)) return [150, 150, 150];
  const u = Math.min(1, Math.max(0, t));
  const [a, b, f] = u < 0.5 ? [LOW, MID, u * 2] : [MID, HIGH, (u - 0.5) * 2];
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f];
}

export const LOW_CSS = `rgb(${LOW.join(',')})`;
export const HIGH_CSS = `rgb(${HIGH.join(',')})`;

/** Paints a size x size grid (row-major, top row first) into a canvas of the same pixel size. */
export function paintGrid(canvas: HTMLCanvasElement, values: ArrayLike<number>, size: number, lo: number, hi: number, discretize = false): void {
  if (canvas.width !== size) canvas.width = size;
  if (canvas.height !== size) canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const img = ctx.createImageData(size, size);
  const span = hi - lo || 1;
  for (let i = 0; i < size * size; i++) {
    let t = (values[i] - lo) / span;
    if (discretize && !Number.isNaN(t)) t = t >= 0.5 ? 0.85 : 0.15;
    else if (!discretize) t = 0.5 + (t - 0.5) * 0.85; // keep the ends from going fully saturated under points
    const [r, g, b] = rampRgb(t);
    img.data[i * 4] = r;
    img.data[i * 4 + 1] = g;
    img.data[i * 4 + 2] = b;
    img.data[i * 4 + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
}

/**
 * A range to colour units' values by: [-m, m] around 0, or [0, max] when all are >= 0. One range
 * for all the units given (a card's), so their colours compare and one key reads for all of them.
 */
export function unitRange(...units: (ArrayLike<number> | undefined)[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const values of units) {
    if (!values) continue;
    const [a, b] = extent(values);
    lo = Math.min(lo, a);
    hi = Math.max(hi, b);
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [-1, 1];
  if (lo >= 0) return [0, Math.max(hi, 1e-9)];
  const m = Math.max(Math.abs(lo), Math.abs(hi), 1e-9);
  return [-m, m];
}

/** The smallest and largest value of one unit (NaN-free; [NaN, NaN] when there are none). */
export function valueSpan(values: ArrayLike<number>): [number, number] {
  const [lo, hi] = extent(values);
  return lo <= hi ? [lo, hi] : [Number.NaN, Number.NaN];
}

/** The ramp as paintGrid draws it (its ends kept off full saturation): a CSS gradient, left to right. */
export function rampGradient(discretize = false): string {
  const css = ([r, g, b]: [number, number, number]) => `rgb(${Math.round(r)},${Math.round(g)},${Math.round(b)})`;
  if (discretize) return `linear-gradient(to right, ${css(rampRgb(0.15))} 50%, ${css(rampRgb(0.85))} 50%)`;
  const stops = [0, 0.25, 0.5, 0.75, 1].map((t) => css(rampRgb(0.5 + (t - 0.5) * 0.85)));
  return `linear-gradient(to right, ${stops.join(', ')})`;
}

/** One colour per class: orange and blue first (as in the two-class view), then distinct hues. */
const CLASS_RGB: [number, number, number][] = [
  [232, 124, 18],
  [18, 110, 190],
  [34, 150, 70],
  [150, 70, 180],
  [200, 40, 60],
  [0, 150, 160],
  [140, 90, 40],
  [220, 90, 170],
  [110, 110, 110],
  [150, 150, 20],
];

function classRgb(c: number): [number, number, number] {
  return CLASS_RGB[((c % CLASS_RGB.length) + CLASS_RGB.length) % CLASS_RGB.length];
}

export function classCss(c: number): string {
  return `rgb(${classRgb(c).join(',')})`;
}

/**
 * Paints the predicted class per grid point, its colour blended from the pale middle by the
 * confidence (discretize: every region at one strong intensity).
 */
export function paintClasses(canvas: HTMLCanvasElement, argmax: ArrayLike<number>, confidence: ArrayLike<number>, size: number, discretize = false): void {
  if (canvas.width !== size) canvas.width = size;
  if (canvas.height !== size) canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const img = ctx.createImageData(size, size);
  for (let i = 0; i < size * size; i++) {
    const c = classRgb(argmax[i]);
    const f = discretize ? 0.7 : 0.12 + 0.73 * Math.min(1, Math.max(0, confidence[i] || 0));
    for (let ch = 0; ch < 3; ch++) img.data[i * 4 + ch] = MID[ch] + (c[ch] - MID[ch]) * f;
    img.data[i * 4 + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
}
