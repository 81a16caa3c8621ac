/** One call from a model (+ optional dataset and overrides) to a ready Trainer. */
import type { Model } from '../core/model.ts';
import { ModelError } from '../core/model.ts';
import { DataError, type Dataset } from '../data/dataset.ts';
import { makeDataset } from '../data/registry.ts';
import { resolveSettings, type TrainSettings } from './settings.ts';
import { Trainer, type TrainerOptions } from './trainer.ts';

/** The built-in dataset the settings name, generated with their points, noise, labels and seed. */
function datasetFor(settings: TrainSettings): Dataset {
  if (!settings.dataset) throw new DataError('No dataset: set training.dataset in the model or pass one (e.g. --dataset spiral).');
  return makeDataset(settings.dataset, { points: settings.points, noise: settings.noise, seed: settings.seed, labels: settings.labels });
}

/**
 * Settings are the model's training block over the defaults, with `overrides` on top. Pass
 * `dataset` for a CSV (parseCsv) or any prepared table; otherwise training.dataset names a built-in.
 * Throws ModelError for bad settings, DataError for a bad dataset or binding.
 */
export function createTrainer(model: Model, options: { overrides?: Partial<TrainSettings>; dataset?: Dataset } & TrainerOptions = {}): Trainer {
  const { settings, problems } = resolveSettings(model, options.overrides);
  if (!settings) throw new ModelError(problems);
  return new Trainer(model, options.dataset ?? datasetFor(settings), settings, { keepHistory: options.keepHistory });
}
