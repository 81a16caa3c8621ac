/** Built-in datasets by name, with their default size and noise. */
import { DataError, withDerivedFeatures, type Dataset } from './dataset.ts';
import { MAX_POINTS } from '../core/limits.ts';
import { own } from '../core/records.ts';
import { glyphDigits, kmToMiles, passExam, xorTable } from './examples.ts';
import { isRealDataset, realDataset } from './real/load.ts';
import { synthetic, SYNTHETIC, threeBlobs } from './synthetic.ts';

export interface DatasetOptions {
  /** Number of samples (ignored by xor-table). */
  points?: number;
  noise?: number;
  seed?: number;
  /** Two-class label coding: 0/1 (default, for sigmoid + bce or mse) or -1/+1 (for tanh + mse). */
  labels?: '01' | 'pm1';
}

const DEFAULTS: Record<string, { points: number; noise: number }> = {
  circle: { points: 500, noise: 0 },
  xor: { points: 500, noise: 0 },
  gauss: { points: 500, noise: 0 },
  spiral: { points: 500, noise: 0 },
  moons: { points: 500, noise: 0.05 },
  plane: { points: 500, noise: 0.05 },
  'multi-gauss': { points: 500, noise: 0 },
  'xor-table': { points: 4, noise: 0 },
  'km-to-miles': { points: 50, noise: 0 },
  'pass-exam': { points: 200, noise: 0 },
  blobs3: { points: 300, noise: 0.05 },
  'glyph-digits': { points: 1000, noise: 0.1 },
  // Real data (real/load.ts; load with ensureDataset first): their own rows, so points and noise
  // do not apply; the sizes here are their row counts.
  iris: { points: 150, noise: 0 },
  'digits-real': { points: 1797, noise: 0 },
  'breast-cancer': { points: 569, noise: 0 },
  diabetes: { points: 442, noise: 0 },
};

export const DATASET_NAMES: readonly string[] = Object.keys(DEFAULTS);

/** Old names still read in model files: the glyph digits were "digits" before the real ones came. */
const ALIASES: Record<string, string> = { digits: 'glyph-digits' };

/** The built-in dataset a name means (an old alias gives its new name), or undefined if none. */
export function datasetName(name: string): string | undefined {
  const canonical = own(ALIASES, name) ?? name;
  return own(DEFAULTS, canonical) ? canonical : undefined;
}

export function makeDataset(given: string, options: DatasetOptions = {}): Dataset {
  const name = datasetName(given) ?? given; // a user's name: "toString" is not a dataset (own, above)
  const d = own(DEFAULTS, name);
  if (!d) throw new DataError(`Unknown dataset "${given}". Built-in datasets: ${DATASET_NAMES.join(', ')}; or give a .csv file.`);
  const o = { count: options.points ?? d.points, noise: options.noise ?? d.noise, seed: options.seed ?? 0 };
  if (!(Number.isInteger(o.count) && o.count >= 1 && o.count <= MAX_POINTS))
    throw new DataError(`points must be a whole number from 1 to ${MAX_POINTS.toLocaleString('en')} (got ${options.points}).`);
  if (!(o.noise >= 0)) throw new DataError(`noise must be 0 or more (got ${options.noise}).`);
  let ds: Dataset;
  if (isRealDataset(name)) ds = realDataset(name);
  else if (own(SYNTHETIC, name)) ds = withDerivedFeatures(synthetic(name, o));
  else if (name === 'xor-table') ds = withDerivedFeatures(xorTable());
  else if (name === 'km-to-miles') ds = kmToMiles(o);
  else if (name === 'pass-exam') ds = passExam(o);
  else if (name === 'blobs3') ds = withDerivedFeatures(threeBlobs(o));
  else ds = glyphDigits(o);
  return options.labels === 'pm1' ? toPlusMinusOne(ds) : ds;
}

/** Recodes 0/1 targets of a two-class set as -1/+1. */
function toPlusMinusOne(ds: Dataset): Dataset {
  if (ds.task !== 'classification' || ds.targets.length !== 1) return ds;
  const c = ds.columns.indexOf(ds.targets[0]);
  return { ...ds, data: ds.data.map((col, i) => (i === c ? col.map((v) => 2 * v - 1) : col)) };
}
