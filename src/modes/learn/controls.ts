/**
 * The controls a lesson step can point at (docs/lessons.md lists the names), found by what the
 * user sees: a panel, a field's label, a button's name. Names the app does not know are ignored,
 * as the format says. "dropout" points at the graph's dropout nodes (useLearnHighlights.ts).
 * The texts matched are the English ones: in another language these finders should read the
 * owning areas' catalog entries instead (until then, a highlight by label finds nothing there).
 */

type Finder = (root: ParentNode) => Element[];

const all =
  (selector: string): Finder =>
  (root) => [...root.querySelectorAll(selector)];
/** Elements matching `selector` whose text starts with `text` (a field's label, a section's title). */
const startingWith =
  (selector: string, text: string): Finder =>
  (root) =>
    [...root.querySelectorAll(selector)].filter((el) => (el.textContent ?? '').trim().startsWith(text));
/** Buttons whose accessible name is `name`. */
const button =
  (name: string): Finder =>
  (root) =>
    [...root.querySelectorAll('button')].filter((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim() === name);

const CONTROLS: Readonly<Record<string, Finder>> = {
  palette: all('.palette'),
  inspector: all('aside[aria-label="Inspector"]'),
  // i18n-exempt: finds a control by the English text another area shows (not shown from here)
  loss: startingWith('aside[aria-label="Inspector"] label', 'Use as loss'),
  // i18n-exempt: finds a control by the English text another area shows (not shown from here)
  'teach-steps': all('[aria-label="Stepping controls"]'),
  paths: startingWith('.teach-details', 'Paths'),
  // i18n-exempt: finds a control by the English text another area shows (not shown from here)
  update: button('Apply update'),
  // i18n-exempt: finds a control by the English text another area shows (not shown from here)
  quiz: button('Quiz me'),
  dataset: startingWith('label.train-field', 'Dataset'),
  // i18n-exempt: finds a control by the English text another area shows (not shown from here)
  'learning-rate': (root) => [...startingWith('label.train-field', 'Learning rate')(root), ...all('.teach-lr')(root)],
  // i18n-exempt: finds a control by the English text another area shows (not shown from here)
  epochs: startingWith('label.train-field', 'Stop at epoch'),
  // i18n-exempt: finds a control by the English text another area shows (not shown from here)
  'batch-size': startingWith('label.train-field', 'Batch size'),
  optimizer: startingWith('label.train-field', 'Optimizer'),
  seed: startingWith('label.train-field', 'Seed'),
  l2: startingWith('label.train-field', 'Regularisation'),
  // i18n-exempt: finds a control by the English text another area shows (not shown from here)
  'early-stopping': startingWith('label', 'Early stopping'),
  train: (root) =>
    // i18n-exempt: finds a control by the English text another area shows (not shown from here)
    [...root.querySelectorAll('[aria-label="Training controls"] button')].filter((b) => /^(▶\s*)?(Play|Train)/.test((b.textContent ?? '').trim())),
  'loss-chart': all('.train-section--loss'),
  boundary: all('figure.train-boundary'),
};

/** The elements on screen for the control names a step lists. */
export function findControls(names: readonly string[], root: ParentNode = document): Element[] {
  return names.flatMap((name) => CONTROLS[name.trim().toLowerCase()]?.(root) ?? []);
}
