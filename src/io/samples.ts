/**
 * The bundled samples (samples/*.json at the repo root). The Samples menu and `/?sample=<name>`
 * deep links share this one list; each file is its own lazily loaded chunk.
 */
const loaders = import.meta.glob<string>('/samples/*.json', { query: '?raw', import: 'default' });

export interface SampleEntry {
  name: string;
  load: () => Promise<string>;
}

export const samples: readonly SampleEntry[] = Object.entries(loaders)
  .map(([path, load]) => ({ name: path.replace(/^.*\/(.*)\.json$/, '$1'), load }))
  .sort((a, b) => a.name.localeCompare(b.name));

export const DEFAULT_SAMPLE = 'chain-rule';

export function findSample(name: string): SampleEntry | undefined {
  return samples.find((s) => s.name === name);
}

/** Loads a sample's text, or undefined when there is no such sample. */
export async function sampleText(name: string): Promise<string | undefined> {
  return findSample(name)?.load();
}
