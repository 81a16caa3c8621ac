/**
 * `graphgrad train <model.json> [flags]`: trains with the model's training block as defaults and
 * flags on top; a progress bar on a terminal, plain lines otherwise, or one JSON object (--json).
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { ModelError, serializeModel } from '../core/model.ts';
import { DataError, type Dataset } from '../data/dataset.ts';
import { DECIMAL, parseCsv } from '../data/csv.ts';
import { createTrainer } from '../train/create.ts';
import { ensureDataset } from '../data/real/load.ts';
import { TrainingSchema } from '../core/training.ts';
import type { TrainSettings } from '../train/settings.ts';
import type { Metrics } from '../train/metrics.ts';
import type { Trainer } from '../train/trainer.ts';
import { formatNumber } from '../core/number-format.ts';
import { checkWritable, CliError, cliJson, parseArgs, readFailure, readModel, writeFileAtomic } from './io.ts';

const isFile = (path: string) => statSync(path, { throwIfNoEntry: false })?.isFile() === true;

/** Numeric flags and the setting each sets. */
const NUMBER_FLAGS: Record<string, keyof TrainSettings> = {
  points: 'points',
  noise: 'noise',
  'test-ratio': 'testRatio',
  epochs: 'epochs',
  'batch-size': 'batchSize',
  lr: 'lr',
  seed: 'seed',
  momentum: 'momentum',
  l1: 'l1',
  l2: 'l2',
  patience: 'patience',
  'validation-ratio': 'validationRatio',
};

export const TRAIN_USAGE = `  train <model.json> [--dataset <name|file.csv>] [--points N] [--noise X] [--test-ratio R]
        [--epochs N] [--batch-size B] [--lr X] [--optimizer sgd|momentum|adam] [--seed S]
        [--labels 01|pm1] [--l1 X] [--l2 X] [--patience N] [--validation-ratio R]
        [--out trained.json] [--json]
                                 train; the model's "training" block gives the defaults`;

function overridesFrom(flags: Map<string, string>): Partial<TrainSettings> {
  const o: Record<string, unknown> = {};
  for (const [flag, key] of Object.entries(NUMBER_FLAGS)) {
    const raw = flags.get(flag);
    if (raw === undefined) continue;
    const v = DECIMAL.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isFinite(v)) throw new CliError(`--${flag}: "${raw}" is not a number.`);
    // Checked here too, so the message names the flag rather than the model file.
    const r = TrainingSchema.shape[key as keyof typeof TrainingSchema.shape]?.safeParse(v);
    if (r && !r.success) throw new CliError(`--${flag}: ${r.error.issues[0].message} (got ${raw}).`);
    o[key] = v;
  }
  if (flags.has('optimizer')) o.optimizer = flags.get('optimizer');
  if (flags.has('labels')) o.labels = flags.get('labels');
  return o as Partial<TrainSettings>;
}

/** A CSV path (anything ending in .csv or naming an existing file) or a built-in name. */
function csvDataset(spec: string | undefined): Dataset | undefined {
  if (!spec || !(spec.toLowerCase().endsWith('.csv') || isFile(spec))) return undefined;
  let text: string;
  try {
    text = readFileSync(spec, 'utf8');
  } catch (e) {
    throw new CliError(`Cannot read dataset ${spec}: ${readFailure(e)}.`);
  }
  try {
    return parseCsv(text, basename(spec));
  } catch (e) {
    if (e instanceof DataError) throw new CliError(e.message.split('\n'));
    throw e;
  }
}

const pct = (v: number | undefined) => (v === undefined ? '' : `${(100 * v).toFixed(1)}%`);

function metricsLine(m: Metrics): string {
  const parts = [`loss ${formatNumber(m.loss, 6)}`];
  if (m.accuracy !== undefined) parts.push(`accuracy ${pct(m.accuracy)}`, `precision ${pct(m.precision)}`, `recall ${pct(m.recall)}`);
  if (m.mse !== undefined) parts.push(`mse ${formatNumber(m.mse, 6)}`, `R² ${formatNumber(m.r2!, 6)}`);
  return parts.join(', ');
}

function confusionTable(c: number[][]): string {
  const w = c.flat().reduce((m, v) => Math.max(m, String(v).length), 5);
  const head = `  actual\\predicted ${c.map((_, j) => String(j).padStart(w)).join(' ')}`;
  return [head, ...c.map((row, i) => `  ${String(i).padStart(16)} ${row.map((v) => String(v).padStart(w)).join(' ')}`)].join('\n');
}

function progressBar(done: number, total: number, loss: number): string {
  const width = 30;
  const filled = Math.round((width * done) / Math.max(total, 1));
  return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] epoch ${done}/${total}  loss ${formatNumber(loss, 5)}  `;
}

/** Trains, reporting progress per epoch; returns the wall time in milliseconds. */
function runWithProgress(tr: Trainer, json: boolean): number {
  const total = tr.settings.epochs;
  const tty = !json && process.stdout.isTTY === true;
  const every = Math.max(1, Math.floor(total / 10));
  const t0 = performance.now();
  while (!tr.done) {
    const m = tr.trainEpoch();
    if (!m || json) continue;
    if (tty) process.stdout.write(progressBar(m.epoch, total, m.train.loss));
    else if (m.epoch % every === 0 || tr.done)
      console.log(
        `epoch ${m.epoch}/${total}: train loss ${formatNumber(m.train.loss, 6)}${m.validation ? `, validation loss ${formatNumber(m.validation.loss, 6)}` : ''}${m.test ? `, test loss ${formatNumber(m.test.loss, 6)}` : ''}`,
      );
  }
  const ms = performance.now() - t0;
  if (tty) process.stdout.write('\n');
  return ms;
}

export async function trainCommand(argv: string[]): Promise<number> {
  const { positional, flags } = parseArgs(argv, ['json']);
  const json = flags.has('json');
  const { model } = await readModel(positional[0]);
  const out = flags.get('out');
  if (out !== undefined) checkWritable(out); // before training, not after minutes of it
  const overrides = overridesFrom(flags);
  const spec = flags.get('dataset');
  const csv = csvDataset(spec);
  if (spec && !csv) overrides.dataset = spec;
  if (!csv) await ensureDataset(overrides.dataset ?? model.training?.dataset);
  let tr: Trainer;
  try {
    tr = createTrainer(model, { overrides, dataset: csv });
  } catch (e) {
    if (e instanceof ModelError) throw new CliError(e.problems.map((p) => `${positional[0]}: ${p.message}`));
    if (e instanceof DataError) throw new CliError(e.message.split('\n'));
    throw e;
  }
  const wallMs = runWithProgress(tr, json);
  // Early stopping restored the best epoch's parameters: the final figures are theirs.
  const last = tr.stopped?.reason === 'early-stop' ? tr.currentMetrics() : tr.history.at(-1);
  const failed = tr.stopped?.reason === 'non-finite';
  // Only a run that finished writes: a diverged one would replace the user's file with its blow-up.
  if (out !== undefined && !failed) writeFileAtomic(out, serializeModel(tr.trainedModel()));
  if (json) {
    const { bind: _bind, ...settings } = tr.settings;
    console.log(
      cliJson({
        model: model.name ?? positional[0],
        dataset: tr.dataset.name,
        task: tr.task ?? null,
        settings,
        trainSamples: tr.split.train.length,
        testSamples: tr.split.test.length,
        validationSamples: tr.split.validation?.length ?? 0,
        bestEpoch: tr.bestEpoch ?? null,
        epochs: tr.epoch,
        history: tr.history,
        final: last ? { train: last.train, test: last.test ?? null } : null,
        stopped: tr.stopped ?? null,
        wallTimeMs: Math.round(wallMs * 100) / 100,
        params: tr.getParams(),
      }),
    );
    return failed ? 1 : 0;
  }
  const s = tr.settings;
  console.log(
    `\n${model.name ?? positional[0]}: ${tr.dataset.name}, ${tr.split.train.length} training / ${tr.split.validation?.length ? `${tr.split.validation.length} validation / ` : ''}${tr.split.test.length} test samples, ${s.optimizer} lr ${s.lr}, batch ${tr.batchSize}, seed ${s.seed}`,
  );
  if (tr.stopped && tr.stopped.reason !== 'epochs') console.log(tr.stopped.message);
  if (last) {
    console.log(`train: ${metricsLine(last.train)}`);
    if (last.test) console.log(`test:  ${metricsLine(last.test)}`);
    const c = (last.test ?? last.train).confusion;
    if (c && c.length <= 10) console.log(`confusion matrix (${last.test ? 'test' : 'train'}):\n${confusionTable(c)}`);
  }
  console.log(`${tr.epoch} epochs, ${tr.steps} steps in ${(wallMs / 1000).toFixed(2)} s`);
  if (out !== undefined) console.log(failed ? `did not write ${out}: training failed, so nothing was changed` : `wrote ${out}`);
  return failed ? 1 : 0;
}
