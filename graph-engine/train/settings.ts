/**
 * Training settings: the model's training block (core/training.ts) over the defaults, with a
 * trainer's overrides (CLI flags, the editor's controls) on top.
 */
import type { Model, Problem } from '../core/model.ts';
import { jsonPath } from '../core/model.ts';
import { TrainingSchema } from '../core/training.ts';

export type Optimizer = 'sgd' | 'momentum' | 'adam';

export interface TrainSettings {
  dataset?: string;
  points?: number;
  noise?: number;
  labels: '01' | 'pm1';
  testRatio?: number;
  task?: 'classification' | 'regression';
  bind: Record<string, string>;
  epochs: number;
  batchSize: number;
  lr: number;
  optimizer: Optimizer;
  momentum: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  l1: number;
  l2: number;
  seed: number;
  patience?: number;
  /** With early stopping: the share of training rows held out for validation (default 0.2). */
  validationRatio?: number;
}

/** Defaults (docs/training.md): SGD, lr 0.03, batch 10, 100 epochs, momentum 0.9, Adam 0.9 / 0.999 / 1e-8. */
export const DEFAULT_SETTINGS: TrainSettings = {
  labels: '01',
  bind: {},
  epochs: 100,
  batchSize: 10,
  lr: 0.03,
  optimizer: 'sgd',
  momentum: 0.9,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
  l1: 0,
  l2: 0,
  seed: 0,
};

/** The model's training block merged over the defaults, then `overrides` on top. */
export function resolveSettings(model: Model, overrides: Partial<TrainSettings> = {}): { settings?: TrainSettings; problems: Problem[] } {
  // Checked again: a Model built in code has not been through parseModel.
  const raw = model.training ?? {};
  const r = TrainingSchema.safeParse(raw);
  if (!r.success) {
    return {
      problems: r.error.issues.map((i) => {
        const path = jsonPath(['training', ...i.path]);
        return { message: `${path}: ${i.message}`, path };
      }),
    };
  }
  // The block as written, now known valid: zod's copy of `bind` drops a "__proto__" key (it assigns
  // keys to a plain object), and node ids may be any string.
  const fromFile = Object.fromEntries(Object.entries(raw).filter(([k, v]) => v !== undefined && Object.hasOwn(TrainingSchema.shape, k)));
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  const checked = TrainingSchema.safeParse({ ...fromFile, ...defined });
  if (!checked.success) {
    return { problems: checked.error.issues.map((i) => ({ message: `${String(i.path[0])}: ${i.message}`, path: String(i.path[0]) })) };
  }
  const settings = { ...DEFAULT_SETTINGS, ...fromFile, ...defined } as TrainSettings;
  // Early stopping has no "off" value, so an override that names patience as undefined turns off the
  // file's (the panel's unticked box), as Trainer.updateSettings does; other undefined keys are unset.
  if (Object.hasOwn(overrides, 'patience') && overrides.patience === undefined) delete settings.patience;
  return { settings, problems: [] };
}
