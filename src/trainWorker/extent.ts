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
