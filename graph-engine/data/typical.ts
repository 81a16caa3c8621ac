/**
 * The row Train mode shows on the canvas before the user picks one: a typical training row, so the
 * first values and gradients a class sees are those of an ordinary sample, not of row 0 by
 * accident (on spiral, row 0 is the origin, where both arms meet: its loss stays high next to a
 * near-perfect accuracy and reads as if the network failed).
 *
 * Typical means, for classification: of the most common class (ties: the smaller class), a row
 * at least as far from every other class as the class's rows are at the median (so not on a
 * boundary, nor where classes meet, as at the spiral's origin), and among those the nearest to the
 * class's per-feature median (central, not an outlier). The median alone is not enough: a spiral
 * arm's median is near the origin; nor is "its nearest neighbours share its class": along a
 * noiseless arm they always do. For regression (or with no target): the row nearest the inputs'
 * per-feature median. Distances are in units of each feature's spread over the rows, so a wide
 * feature does not outweigh a narrow one; constant features (a digit's blank corner pixel) do not
 * count. Ties go to the lower row number: deterministic. Large sets are thinned evenly first.
 */
import type { Dataset, Task } from './dataset.ts';

/** At most this many rows of the class are candidates, and this many others are compared. */
const MAX_CANDIDATES = 512;
const MAX_OTHERS = 4096;

/**
 * A typical row among `rows` (dataset row numbers, e.g. the training split), as a dataset row
 * number. `inputs` and `targets` are column indices; targets with several columns are one-hot
 * (the class is the largest). Returns rows[0] when there is nothing to compare, -1 for no rows.
 */
export function typicalRow(ds: Dataset, rows: ArrayLike<number>, inputs: readonly number[], targets: readonly number[], task?: Task): number {
  if (rows.length === 0) return -1;
  const cols = inputs.map((c) => ds.data[c]);
  const scale = cols.map((col) => spread(col, rows));
  const used = cols.map((_, j) => j).filter((j) => scale[j] > 0);
  if (used.length === 0) return rows[0];
  const dist = (r: number, centre: readonly number[]) => {
    let d = 0;
    for (const j of used) {
      const z = (cols[j][r] - centre[j]) / scale[j];
      d += z * z;
    }
    return d;
  };
  const all = Array.from(rows);
  if (task !== 'classification' || targets.length === 0)
    return nearest(
      all,
      cols.map((col) => median(col, all)),
      dist,
    );

  const classOf = (r: number) => {
    if (targets.length === 1) return ds.data[targets[0]][r];
    let best = 0;
    for (let k = 1; k < targets.length; k++) if (ds.data[targets[k]][r] > ds.data[targets[best]][r]) best = k;
    return best;
  };
  const counts = new Map<number, number>();
  for (const r of all) counts.set(classOf(r), (counts.get(classOf(r)) ?? 0) + 1);
  const common = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
  const members = thin(
    all.filter((r) => classOf(r) === common),
    MAX_CANDIDATES,
  );
  const others = thin(
    all.filter((r) => classOf(r) !== common),
    MAX_OTHERS,
  );
  if (others.length === 0)
    return nearest(
      members,
      cols.map((col) => median(col, members)),
      dist,
    );
  // Distance from each candidate to the nearest row of another class.
  const margin = members.map((r) => {
    const own = cols.map((col) => col[r]);
    let m = Number.POSITIVE_INFINITY;
    for (const o of others) m = Math.min(m, dist(o, own));
    return m;
  });
  const cut = median(
    Float64Array.from(margin),
    margin.map((_, i) => i),
  );
  const clear = members.filter((_, i) => margin[i] >= cut);
  return nearest(
    clear,
    cols.map((col) => median(col, members)),
    dist,
  );
}

/** Every ceil(n/max)-th row, so a large set keeps its shape at a bounded cost. */
function thin(rows: number[], max: number): number[] {
  const step = Math.ceil(rows.length / max);
  return step <= 1 ? rows : rows.filter((_, i) => i % step === 0);
}

function nearest(rows: readonly number[], centre: readonly number[], dist: (r: number, c: readonly number[]) => number): number {
  let best = rows[0];
  let bestD = Number.POSITIVE_INFINITY;
  for (const r of rows) {
    const d = dist(r, centre);
    if (d < bestD) {
      best = r;
      bestD = d;
    }
  }
  return best;
}

function median(col: Float64Array, rows: ArrayLike<number>): number {
  const v = Float64Array.from(rows, (r) => col[r]).sort();
  const h = v.length >> 1;
  return v.length % 2 ? v[h] : (v[h - 1] + v[h]) / 2;
}

/** Standard deviation of a column over the rows (0: the feature is constant there). */
function spread(col: Float64Array, rows: ArrayLike<number>): number {
  let mean = 0;
  for (let i = 0; i < rows.length; i++) mean += col[rows[i]];
  mean /= rows.length;
  let ss = 0;
  for (let i = 0; i < rows.length; i++) ss += (col[rows[i]] - mean) ** 2;
  return Math.sqrt(ss / rows.length);
}
