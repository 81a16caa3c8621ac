/**
 * The training settings block a model file may carry (top-level "training"). Its values are the
 * defaults for every trainer (CLI flags and the editor's controls override them).
 */
import { z } from 'zod';
import type { Model, Problem } from '../core/model.ts';
import { jsonPath } from '../core/model.ts';
import { MAX_POINTS } from '../core/limits.ts';

const pos = z.number().positive('must be above 0');
const nonNeg = z.number().min(0, 'must be 0 or more');
const count = z.number().int('must be a whole number').min(1, 'must be at least 1');
const rows = count.max(MAX_POINTS, `must be at most ${MAX_POINTS.toLocaleString('en')} (the largest data set GraphGrad makes)`);

export const TrainingSchema = z.looseObject({
  dataset: z.string().min(1).optional().describe('built-in dataset name or a CSV file path'),
  points: rows.optional(),
  noise: nonNeg.optional(),
  labels: z.enum(['01', 'pm1']).optional().describe('two-class label coding'),
  testRatio: z.number().min(0).max(0.95).optional(),
  task: z.enum(['classification', 'regression']).optional(),
  bind: z.record(z.string(), z.string()).optional().describe('input node id -> dataset column'),
  epochs: count.optional(),
  batchSize: rows.optional(),
  lr: pos.optional(),
  optimizer: z.enum(['sgd', 'momentum', 'adam']).optional(),
  momentum: z.number().min(0).max(0.999999).optional(),
  beta1: z.number().min(0).max(0.999999).optional(),
  beta2: z.number().min(0).max(0.999999).optional(),
  epsilon: pos.optional(),
  l1: nonNeg.optional(),
  l2: nonNeg.optional(),
  seed: z.number().int('must be a whole number').optional(),
  patience: count.optional().describe('stop when the test loss has not improved for this many epochs'),
});

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
  const raw = (model as { training?: unknown }).training ?? {};
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
  const fromFile = Object.fromEntries(
    Object.entries(raw as Record<string, unknown>).filter(([k, v]) => v !== undefined && Object.hasOwn(TrainingSchema.shape, k)),
  );
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  const checked = TrainingSchema.safeParse({ ...fromFile, ...defined });
  if (!checked.success) {
    return { problems: checked.error.issues.map((i) => ({ message: `${String(i.path[0])}: ${i.message}`, path: String(i.path[0]) })) };
  }
  return { settings: { ...DEFAULT_SETTINGS, ...fromFile, ...defined } as TrainSettings, problems: [] };
}
