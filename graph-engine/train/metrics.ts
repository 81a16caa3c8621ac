/**
 * Per-epoch metrics from predictions and targets (row-major, k outputs per row).
 * Classification: one output is thresholded (at 0 for -1/+1 labels or a logit, else 0.5); several outputs use
 * the argmax. Precision and recall are for class 1 with two classes, macro-averaged otherwise; a
 * class never predicted has precision 0. Regression: MSE over every output and R² = 1 - SSres/SStot.
 */
import type { Task } from '../data/dataset.ts';

export interface Metrics {
  loss: number;
  accuracy?: number;
  precision?: number;
  recall?: number;
  /** confusion[actual][predicted] counts. */
  confusion?: number[][];
  mse?: number;
  r2?: number;
}

function argmax(a: Float64Array, from: number, k: number): number {
  let best = 0;
  for (let j = 1; j < k; j++) if (a[from + j] > a[from + best]) best = j;
  return best;
}

/** `logits`: the one output is a logit (bce_with_logits), so it predicts class 1 above 0. */
export function computeMetrics(
  task: Task | undefined,
  loss: number,
  preds: Float64Array,
  targets: Float64Array,
  rows: number,
  k: number,
  logits = false,
): Metrics {
  if (!task || rows === 0 || k === 0) return { loss };
  if (task === 'regression') {
    let sse = 0;
    let sst = 0;
    for (let j = 0; j < k; j++) {
      let mean = 0;
      for (let r = 0; r < rows; r++) mean += targets[r * k + j];
      mean /= rows;
      for (let r = 0; r < rows; r++) {
        const t = targets[r * k + j];
        sse += (preds[r * k + j] - t) ** 2;
        sst += (t - mean) ** 2;
      }
    }
    return { loss, mse: sse / (rows * k), r2: sst > 0 ? 1 - sse / sst : sse === 0 ? 1 : 0 };
  }
  const classes = k === 1 ? 2 : k;
  let threshold = 0.5;
  if (k === 1)
    for (let r = 0; r < rows; r++)
      if (targets[r] < 0) {
        threshold = 0;
        break;
      }
  const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let r = 0; r < rows; r++) {
    const actual = k === 1 ? (targets[r] > threshold ? 1 : 0) : argmax(targets, r * k, k);
    const predicted = k === 1 ? (preds[r] > (logits ? 0 : threshold) ? 1 : 0) : argmax(preds, r * k, k);
    confusion[actual][predicted]++;
  }
  let correct = 0;
  for (let c = 0; c < classes; c++) correct += confusion[c][c];
  const precisionOf = (c: number) => {
    let col = 0;
    for (let a = 0; a < classes; a++) col += confusion[a][c];
    return col ? confusion[c][c] / col : 0;
  };
  const recallOf = (c: number) => {
    const row = confusion[c].reduce((x, y) => x + y, 0);
    return row ? confusion[c][c] / row : 0;
  };
  const avg = (f: (c: number) => number) => (classes === 2 ? f(1) : Array.from({ length: classes }, (_, c) => f(c)).reduce((x, y) => x + y) / classes);
  return { loss, accuracy: correct / rows, precision: avg(precisionOf), recall: avg(recallOf), confusion };
}
