/**
 * The samples' teaching order, groups and one-line descriptions (the Samples menu). Kept apart
 * from samples.ts, which needs Vite to list the files, so tests read it as it is.
 */
/** The Samples menu's groups, in the menu's order. */
export const SAMPLE_GROUPS = ['Foundations', 'Networks', 'Data'] as const;
export type SampleGroup = (typeof SAMPLE_GROUPS)[number];

/**
 * The samples in teaching order: derivatives on a graph first, then a neuron, then networks that
 * train on toy data, then real data sets. User-facing text, kept together for a later catalog.
 * A sample file missing here goes last in Networks under its own name (tests/samples-menu.test.ts
 * fails on it, so it is never shipped that way).
 */
export const SAMPLE_CATALOG: readonly { name: string; group: SampleGroup; blurb: string }[] = [
  { name: 'chain-rule', group: 'Foundations', blurb: 'The chain rule on J = 3(a + bc), one step at a time' },
  { name: 'sum-over-paths', group: 'Foundations', blurb: 'A value reaching the result by two paths: gradients add' },
  { name: 'neuron', group: 'Foundations', blurb: 'One sigmoid neuron: step its forward and backward pass' },
  { name: 'perceptron-snack', group: 'Foundations', blurb: 'A perceptron, and why no gradient passes a step' },
  { name: 'km-to-miles', group: 'Networks', blurb: 'Training at its smallest: one weight learns km → miles' },
  { name: 'pass-exam', group: 'Networks', blurb: 'Train logistic regression on who passed the exam' },
  { name: 'xor-mlp', group: 'Networks', blurb: 'A hidden layer learns XOR, which no single neuron can' },
  { name: 'softmax-classifier', group: 'Networks', blurb: 'Three classes: a dense layer, softmax and cross-entropy' },
  { name: 'spiral-mlp', group: 'Networks', blurb: 'Two interleaved spirals and a 2-8-8-1 tanh network' },
  { name: 'overfitting', group: 'Networks', blurb: 'A big network on little noisy data, and three cures' },
  { name: 'iris-mlp', group: 'Data', blurb: "Fisher's iris: three species from four measurements" },
  { name: 'digits-mlp', group: 'Data', blurb: 'Synthetic 8×8 digits: a 64-16-10 network, quick to train' },
  { name: 'digits-real-mlp', group: 'Data', blurb: 'Real handwritten digits: train, then draw your own' },
];

export function catalogEntry(name: string): (typeof SAMPLE_CATALOG)[number] | undefined {
  return SAMPLE_CATALOG.find((c) => c.name === name);
}

const rank = (name: string) => {
  const at = SAMPLE_CATALOG.findIndex((c) => c.name === name);
  return at < 0 ? SAMPLE_CATALOG.length : at;
};

/** Catalogue order; anything not catalogued after it, by name. */
export const bySampleOrder = (a: { name: string }, b: { name: string }) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name);
