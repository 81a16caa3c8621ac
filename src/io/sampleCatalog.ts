/**
 * The samples' teaching order, groups and one-line descriptions (the Samples menu). Kept apart
 * from samples.ts, which needs Vite to list the files, so tests read it as it is.
 */
import { t } from '../i18n/i18n.ts';
import type { io } from '../i18n/catalog/en/io.ts';

/** The Samples menu's groups, in the menu's order. */
export const SAMPLE_GROUPS = ['Foundations', 'Networks', 'Data'] as const;
export type SampleGroup = (typeof SAMPLE_GROUPS)[number];

/** The catalogued samples' file names (each has a name and a description in the io catalog). */
type SampleName = keyof typeof io.samples.blurbs & keyof typeof io.samples.labels;

/** A catalogue entry; its name and description are looked up in the current language each time they are read. */
const entry = (name: SampleName, group: SampleGroup) => ({
  name,
  group,
  get label(): string {
    return t(`io.samples.labels.${name}`);
  },
  get blurb(): string {
    return t(`io.samples.blurbs.${name}`);
  },
});

/**
 * The samples in teaching order: derivatives on a graph first, then a neuron, then networks that
 * train on toy data, then real data sets. The group is an id (the menu shows it translated); the
 * one-line descriptions live in the io catalog. A sample file missing here goes last in Networks
 * under its own name (tests/samples-menu.test.ts fails on it, so it is never shipped that way).
 */
export const SAMPLE_CATALOG: readonly { name: string; group: SampleGroup; readonly label: string; readonly blurb: string }[] = [
  entry('chain-rule', 'Foundations'),
  entry('sum-over-paths', 'Foundations'),
  entry('neuron', 'Foundations'),
  entry('perceptron-snack', 'Foundations'),
  entry('km-to-miles', 'Networks'),
  entry('pass-exam', 'Networks'),
  entry('xor-mlp', 'Networks'),
  entry('softmax-classifier', 'Networks'),
  entry('spiral-mlp', 'Networks'),
  entry('overfitting', 'Networks'),
  entry('iris-mlp', 'Data'),
  entry('digits-mlp', 'Data'),
  entry('digits-real-mlp', 'Data'),
];

export function catalogEntry(name: string): (typeof SAMPLE_CATALOG)[number] | undefined {
  return SAMPLE_CATALOG.find((c) => c.name === name);
}

/** The sample's name in the menu, in the current language, when it is catalogued. */
export const sampleLabel = (name: string): string | undefined => catalogEntry(name)?.label;

/** The sample's one-line description in the current language, when it is catalogued. */
export const sampleBlurb = (name: string): string | undefined => catalogEntry(name)?.blurb;

const rank = (name: string) => {
  const at = SAMPLE_CATALOG.findIndex((c) => c.name === name);
  return at < 0 ? SAMPLE_CATALOG.length : at;
};

/** Catalogue order; anything not catalogued after it, by name. */
export const bySampleOrder = (a: { name: string }, b: { name: string }) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name);
