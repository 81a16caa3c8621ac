/**
 * The training settings block a model file may carry (top-level "training"), part of the model
 * schema (model.ts). Its values are the defaults for every trainer: CLI flags and the editor's
 * controls override them, and train/settings.ts fills in what a file leaves out.
 */
import { z } from 'zod';
import { MAX_POINTS } from './limits.ts';

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
  patience: count.optional().describe('stop when the validation loss has not improved for this many epochs'),
  validationRatio: z
    .number()
    .gt(0, 'must be above 0')
    .max(0.5, 'must be at most 0.5')
    .optional()
    .describe('with early stopping: share of the training rows held out as the validation set'),
});
