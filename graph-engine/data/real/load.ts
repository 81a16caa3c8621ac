/**
 * The real data sets shipped with GraphGrad (ATTRIBUTION.md says where each comes from). Their
 * values live in one module each, fetched by a dynamic import() on first use, so the editor's
 * first bundle holds none of them; `ensureDataset(name)` loads and decodes one (the worker, the
 * CLI and tests await it, as they await ensureOpsFor for expression nodes), and `realDataset`
 * then hands it out synchronously, so makeDataset stays synchronous. decode.ts says how each is
 * scaled.
 */
import { DataError, type Dataset } from '../dataset.ts';

const REAL_DATASET_NAMES: readonly string[] = ['iris', 'digits-real', 'breast-cancer', 'diabetes'];

const loaded = new Map<string, Dataset>();
const loading = new Map<string, Promise<void>>();

export function isRealDataset(name: string): boolean {
  return REAL_DATASET_NAMES.includes(name);
}

/** Loads a real data set's module once; anything else (synthetic, CSV, unknown, undefined) is a no-op. */
export function ensureDataset(name: unknown): Promise<void> {
  if (typeof name !== 'string' || !isRealDataset(name) || loaded.has(name)) return Promise.resolve();
  let p = loading.get(name);
  if (!p) {
    p = decode(name).then((ds) => void loaded.set(name, ds));
    loading.set(name, p);
    p.catch(() => loading.delete(name)); // a failed fetch may be retried
  }
  return p;
}

/** A loaded real data set (the arrays are shared: nothing downstream writes to them). */
export function realDataset(name: string): Dataset {
  const ds = loaded.get(name);
  if (!ds) throw new DataError(`The "${name}" data set is not loaded yet: await ensureDataset("${name}") first.`);
  return { ...ds };
}

/** Literal import() specifiers, one per module, so bundlers split each into its own chunk. */
async function decode(name: string): Promise<Dataset> {
  const d = await import('./decode.ts'); // the decoders, also kept out of the first bundle
  switch (name) {
    case 'iris':
      return d.iris((await import('./iris.ts')).IRIS_CSV);
    case 'digits-real':
      return d.digits((await import('./digits.ts')).DIGITS_ROWS);
    case 'breast-cancer':
      return d.breastCancer((await import('./breast-cancer.ts')).BREAST_CANCER_CSV);
    default:
      return d.diabetes((await import('./diabetes.ts')).DIABETES_CSV);
  }
}
