// The Samples menu lists every bundled sample once, in teaching order and groups, each with a
// one-line description of its own.
import { readdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import { bySampleOrder, SAMPLE_CATALOG, SAMPLE_GROUPS } from '../src/io/sampleCatalog.ts';

const files = readdirSync('samples')
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));
// The menu's list as samples.ts makes it from the files (it needs Vite to list them itself).
const samples = files
  .map((name) => {
    const entry = SAMPLE_CATALOG.find((c) => c.name === name);
    return { name, group: entry?.group, blurb: entry?.blurb ?? '' };
  })
  .sort(bySampleOrder);

it('catalogues every sample file, and nothing else', () => {
  expect(SAMPLE_CATALOG.map((c) => c.name).sort()).toEqual([...files].sort());
  expect(samples.map((s) => s.name)).toEqual(SAMPLE_CATALOG.map((c) => c.name));
});

it('starts with the chain rule and keeps each group together, Foundations, Networks, Data', () => {
  expect(samples[0].name).toBe('chain-rule');
  const groups = samples.map((s) => s.group).filter((g, i, all) => g !== all[i - 1]);
  expect(groups).toEqual([...SAMPLE_GROUPS]);
});

it('gives each sample a distinct one-line description that fits the menu', () => {
  const blurbs = samples.map((s) => s.blurb);
  expect(new Set(blurbs).size).toBe(blurbs.length);
  for (const b of blurbs) {
    expect(b).not.toMatch(/\n/);
    // The menu shows 380 px of 11.5 px text: some 56 characters of the widest.
    expect(b.length, b).toBeLessThanOrEqual(56);
  }
});
