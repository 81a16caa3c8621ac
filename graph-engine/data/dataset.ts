/**
 * A dataset is a table of named numeric columns (stored column by column) plus what it is for:
 * which columns are targets by default and whether the task is classification or regression.
 * Columns bind to the model's `input` nodes by name (see bind.ts).
 */
import { rngFor, shuffle } from '../core/random.ts';
import { InputError } from '../core/errors.ts';

export type Task = 'classification' | 'regression';

export interface Dataset {
  name: string;
  columns: string[];
  /** data[c][r]: column c, row r. */
  data: Float64Array[];
  rows: number;
  /** Columns that are targets by default (labels, one-hot classes, regression values). */
  targets: string[];
  /** Known for built-in sets; inferred from the target values for CSV files. */
  task?: Task;
  /** Test share to use when the settings give none (0 for the four-row XOR table). */
  defaultTestRatio?: number;
}

/** A data set that cannot be made, read or bound to the model. */
export class DataError extends InputError {
  constructor(message: string) {
    super(message);
    this.name = 'DataError';
  }
}

/** Builds a dataset from rows of values in column order. */
export function fromRows(name: string, columns: string[], rows: readonly (readonly number[])[], extra: Pick<Dataset, 'targets'> & Partial<Dataset>): Dataset {
  const data = columns.map((_, c) => Float64Array.from(rows, (r) => r[c]));
  return { name, columns, data, rows: rows.length, ...extra };
}

function columnIndex(ds: Dataset, name: string): number {
  return ds.columns.indexOf(name);
}

/** The derived features, each a column name and its value from x1 and x2 (the Train panel's toggles too). */
export const DERIVED_FEATURES: readonly { column: string; of: (x1: number, x2: number) => number }[] = [
  { column: 'x1^2', of: (a) => a * a },
  { column: 'x2^2', of: (_a, b) => b * b },
  { column: 'x1*x2', of: (a, b) => a * b },
  { column: 'sin(x1)', of: (a) => Math.sin(a) },
  { column: 'sin(x2)', of: (_a, b) => Math.sin(b) },
];

/**
 * Playground-style derived features for 2-D sets (columns x1, x2): x1^2, x2^2, x1*x2, sin(x1),
 * sin(x2), added as columns so input nodes with those names or labels bind to them.
 */
export function withDerivedFeatures(ds: Dataset): Dataset {
  const x1 = ds.data[columnIndex(ds, 'x1')];
  const x2 = ds.data[columnIndex(ds, 'x2')];
  if (!x1 || !x2) return ds;
  const fresh = DERIVED_FEATURES.filter(({ column }) => !ds.columns.includes(column));
  return {
    ...ds,
    columns: [...ds.columns, ...fresh.map((d) => d.column)],
    data: [...ds.data, ...fresh.map(({ of }) => Float64Array.from(x1, (a, r) => of(a, x2[r])))],
  };
}

export interface Split {
  train: Int32Array;
  test: Int32Array;
  /** Rows held out of the training rows for early stopping to watch (none without it). */
  validation?: Int32Array;
}

/** A seeded train/test split of row indices: shuffle, then the first round(ratio * rows) are test. */
/** 1 for each test row of a split over `rows` rows, 0 for the rest: a mask to draw or look rows up by. */
export function testMask(rows: number, split: Pick<Split, 'test'>): Uint8Array {
  const mask = new Uint8Array(rows);
  for (const r of split.test) mask[r] = 1;
  return mask;
}

export function splitRows(rows: number, testRatio: number, seed: number): Split {
  if (!(testRatio >= 0 && testRatio < 1)) throw new DataError(`test ratio must be at least 0 and below 1 (got ${testRatio}).`);
  const idx = Int32Array.from({ length: rows }, (_, i) => i);
  shuffle(idx, rngFor(seed, 'split'));
  const nTest = Math.min(Math.round(testRatio * rows), rows - 1);
  return { test: idx.slice(0, nTest).sort(), train: idx.slice(nTest).sort() };
}

/**
 * Holds out a seeded round(ratio * rows) of the training rows (at least 1, and never all of them)
 * as a validation set, apart from the test set: what early stopping watches, so the test loss
 * stays a fair measure of the finished model.
 */
export function holdOutValidation(split: Split, ratio: number, seed: number): Split {
  const idx = split.train.slice();
  if (idx.length < 2) return { train: idx, test: split.test, validation: new Int32Array(0) };
  shuffle(idx, rngFor(seed, 'validation'));
  const n = Math.min(Math.max(Math.round(ratio * idx.length), 1), idx.length - 1);
  return { train: idx.slice(n).sort(), test: split.test, validation: idx.slice(0, n).sort() };
}
