/**
 * The bundled samples (samples/*.json at the repo root). The Samples menu and `/?sample=<name>`
 * deep links share this one list; each file is its own lazily loaded chunk.
 */
import { bySampleOrder, catalogEntry, type SampleGroup } from './sampleCatalog.ts';

const loaders = import.meta.glob<string>('/samples/*.json', { query: '?raw', import: 'default' });
// Only each file's "name" field, bundled up front (a few bytes each) for the menu's titles.
const titles = import.meta.glob<string>('/samples/*.json', { import: 'name', eager: true });

export interface SampleEntry {
  /** File name without .json: what `/?sample=<name>` takes. */
  name: string;
  /** The model's own name, as the menu shows it. */
  title: string;
  /** The Samples menu's group (SAMPLE_GROUPS). */
  group: SampleGroup;
  load: () => Promise<string>;
}

const stem = (path: string) => path.replace(/^.*\/(.*)\.json$/, '$1');

/** Every bundled sample, in teaching order (sampleCatalog.ts). */
export const samples: readonly SampleEntry[] = Object.entries(loaders)
  .map(([path, load]) => {
    const name = stem(path);
    const entry = catalogEntry(name);
    return { name, title: titles[path] ?? name, group: entry?.group ?? 'Networks', load };
  })
  .sort(bySampleOrder);

export const DEFAULT_SAMPLE = 'chain-rule';

function findSample(name: string): SampleEntry | undefined {
  return samples.find((s) => s.name === name);
}

/** Loads a sample's text, or undefined when there is no such sample. */
export async function sampleText(name: string): Promise<string | undefined> {
  return findSample(name)?.load();
}
