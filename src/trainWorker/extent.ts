/** Value ranges, for the worker's plane and the page's colour keys alike. */

/** The smallest and largest value ([Infinity, -Infinity] when there are none; NaNs are skipped). */
export function extent(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/** The values' range widened by `share` of its span on each side (by `share` when all are equal). */
export function paddedRange(values: ArrayLike<number>, share: number): [number, number] {
  const [lo, hi] = extent(values);
  const pad = (hi - lo || 1) * share;
  return [lo - pad, hi + pad];
}
