/**
 * The controls a lesson step can point at (docs/lessons.md lists the names), found by what the
 * user sees: a panel, a field's label, a button's name. Names the app does not know are ignored,
 * as the format says. "dropout" points at the graph's dropout nodes (useLearnHighlights.ts).
 * The texts matched are the owning areas' catalog entries, read when a step is shown, so a
 * highlight finds its control in any language.
 */
import { t } from '../../i18n/i18n.ts';

type Finder = (root: ParentNode) => Element[];
/** A text the owning area shows, read from its catalog entry when the finder runs (so in the current language). */
type Text = () => string;

const all =
  (selector: string): Finder =>
  (root) => [...root.querySelectorAll(selector)];
/** Elements matching `selector` whose text starts with `text` (a field's label, a section's title). */
const startingWith =
  (selector: string, text: Text): Finder =>
  (root) =>
    [...root.querySelectorAll(selector)].filter((el) => (el.textContent ?? '').trim().startsWith(text()));
/** Elements matching `selector` inside the element whose accessible name is `name`. */
const within =
  (name: Text, selector: string): Finder =>
  (root) =>
    [...root.querySelectorAll('[aria-label]')].filter((el) => el.getAttribute('aria-label') === name()).flatMap((el) => [...el.querySelectorAll(selector)]);
/** Buttons whose accessible name is `name`. */
const button =
  (name: Text): Finder =>
  (root) =>
    [...root.querySelectorAll('button')].filter((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim() === name());

const CONTROLS: Readonly<Record<string, Finder>> = {
  palette: all('.palette'),
  inspector: (root) => [...root.querySelectorAll('aside[aria-label]')].filter((el) => el.getAttribute('aria-label') === t('inspector.label')),
  loss: (root) => within(() => t('inspector.label'), 'label')(root).filter((el) => (el.textContent ?? '').trim().startsWith(t('inspector.node.useAsLoss'))),
  'teach-steps': (root) => [...root.querySelectorAll('[aria-label]')].filter((el) => el.getAttribute('aria-label') === t('teach.controls.label')),
  paths: startingWith('.teach-details', () => t('teach.paths.summary')),
  update: button(() => t('teach.controls.applyUpdate')),
  quiz: button(() => t('teach.quiz.toggle')),
  dataset: startingWith('label.train-field', () => t('train.dataset.label')),
  'learning-rate': (root) => [...startingWith('label.train-field', () => t('train.settings.learningRate'))(root), ...all('.teach-lr')(root)],
  epochs: startingWith('label.train-field', () => t('train.settings.stopAt')),
  'batch-size': startingWith('label.train-field', () => t('train.settings.batchSize')),
  optimizer: startingWith('label.train-field', () => t('train.settings.optimizer')),
  seed: startingWith('label.train-field', () => t('train.dataset.seed')),
  l2: startingWith('label.train-field', () => t('train.settings.regularisation')),
  'early-stopping': startingWith('label', () => t('train.settings.earlyBefore')),
  train: (root) =>
    within(() => t('train.controls.label'), 'button')(root).filter((b) => (b.textContent ?? '').trim().replace(/^▶\s*/, '') === t('train.controls.play')),
  'loss-chart': all('.train-section--loss'),
  boundary: all('figure.train-boundary'),
};

/** The elements on screen for the control names a step lists. */
export function findControls(names: readonly string[], root: ParentNode = document): Element[] {
  return names.flatMap((name) => CONTROLS[name.trim().toLowerCase()]?.(root) ?? []);
}
