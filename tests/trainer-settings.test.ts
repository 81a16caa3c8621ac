/**
 * Trainer.updateSettings: settings changed mid-run, checked against updates worked by hand on
 * pred = w·x, L = (w·x − t)², whose gradient is dL/dw = 2(w·x − t)·x.
 */
import { describe, expect, it } from 'vitest';
import { createTrainer, fromRows, makeDataset, type Dataset, type Model, type TrainSettings } from '../graph-engine/index.ts';
import { loadSample } from './support/load-sample.ts';
import { tinyRegression } from './support/models.ts';

/** pred = w x, L = (w x - t)^2, w from 0.5 (tests/support/models.ts). */
const tiny = tinyRegression;
const rows = (name: string, r: number[][], testRatio = 0): Dataset =>
  fromRows(name, ['x', 't'], r, { targets: ['t'], task: 'regression', defaultTestRatio: testRatio });
/** dL/dw for one row. */
const grad = (w: number, x: number, t: number) => 2 * (w * x - t) * x;

function trainer(ds: Dataset, o: Partial<TrainSettings> = {}) {
  return createTrainer(tiny, { dataset: ds, overrides: { batchSize: 1, lr: 0.1, optimizer: 'sgd', ...o } });
}
const w = (tr: ReturnType<typeof trainer>) => tr.getParams().w;
/** One row x = 2, t = 3: g(w) = 8w − 12. */
const oneRow = rows('one', [[2, 3]]);

describe('Trainer.updateSettings', () => {
  it('a new learning rate scales the very next update: 1.3 → 1.316 with lr 0.01 (1.46 with 0.1)', () => {
    const tr = trainer(oneRow);
    tr.step(); // 0.5 − 0.1 · (−8) = 1.3
    expect(w(tr)).toBeCloseTo(1.3, 14);
    expect(tr.updateSettings({ lr: 0.01 })).toEqual([]);
    expect(tr.settings.lr).toBe(0.01);
    tr.step(); // g(1.3) = −1.6: 1.3 + 0.01 · 1.6
    expect(w(tr)).toBeCloseTo(1.316, 14);
  });

  it('regularisation applies from the next step: l2 adds l2·w, l1 adds l1·sign(w)', () => {
    const a = trainer(oneRow);
    a.step();
    a.updateSettings({ l2: 0.5 });
    a.step(); // g = −1.6 + 0.5 · 1.3 = −0.95
    expect(w(a)).toBeCloseTo(1.395, 14);
    const b = trainer(oneRow);
    b.step();
    b.updateSettings({ l1: 0.2 });
    b.step(); // g = −1.6 + 0.2 = −1.4
    expect(w(b)).toBeCloseTo(1.44, 14);
  });

  it('a new optimizer starts with fresh state: momentum after Adam begins with v = g', () => {
    const tr = trainer(oneRow, { optimizer: 'adam' });
    tr.step(); // Adam's first step moves by lr · sign(g): 0.5 → 0.6
    const w1 = w(tr);
    expect(w1).toBeCloseTo(0.6, 8);
    tr.updateSettings({ optimizer: 'momentum', momentum: 0.9 });
    tr.step(); // v = 0.9 · 0 + g(w1); with Adam's first moment (−0.8) carried over it would be 1.392
    expect(w(tr)).toBeCloseTo(w1 - 0.1 * grad(w1, 2, 3), 14);
    expect(w(tr)).toBeCloseTo(1.32, 7);
  });

  it('a new batch size averages over the new batch; mid-epoch, the epoch in progress starts over', () => {
    // Rows (1, 1) and (2, 3); all training rows.
    const tr = trainer(
      rows('two', [
        [1, 1],
        [2, 3],
      ]),
      { batchSize: 2 },
    );
    tr.step(); // full batch: mean(g(0.5, 1, 1), g(0.5, 2, 3)) = mean(−1, −8) = −4.5
    expect(w(tr)).toBeCloseTo(0.95, 14);
    expect(tr.epoch).toBe(1);
    tr.updateSettings({ batchSize: 1 });
    expect(tr.atEpochEnd).toBe(false);
    tr.step(); // one row, whichever the shuffle gives: 0.95 + 0.01 = 0.96 or 0.95 + 0.44 = 1.39
    const w2 = w(tr);
    expect(Math.min(Math.abs(w2 - 0.96), Math.abs(w2 - 1.39))).toBeLessThan(1e-12);
    expect(tr.epoch).toBe(1); // half an epoch
    tr.updateSettings({ batchSize: 2 });
    expect(tr.batchSize).toBe(2);
    expect(tr.atEpochEnd).toBe(true);
    tr.step(); // both rows again, from w2: the half epoch was dropped
    expect(w(tr)).toBeCloseTo(w2 - 0.1 * ((grad(w2, 1, 1) + grad(w2, 2, 3)) / 2), 14);
    expect(tr.epoch).toBe(2);
  });

  it('refuses invalid values with problems naming the setting, and changes nothing', () => {
    const tr = trainer(oneRow);
    const p = tr.updateSettings({ lr: -1, optimizer: 'adam' });
    expect(p.map((x) => x.message).join('\n')).toMatch(/lr: must be above 0/);
    expect(tr.settings).toMatchObject({ lr: 0.1, optimizer: 'sgd' });
    expect(tr.updateSettings({ batchSize: 0 })[0].path).toBe('batchSize');
    expect(tr.updateSettings({ lr: Number.NaN })).toHaveLength(1);
    expect(tr.settings.lr).toBe(0.1);
    // Undefined keeps a value (patience aside): not an invalid value.
    expect(tr.updateSettings({ lr: undefined })).toEqual([]);
    expect(tr.settings.lr).toBe(0.1);
  });

  it('refuses a batch the model cannot hold, with the engine limit in the message', () => {
    // spiral-mlp expands to about 230 nodes; 80,000 rows of a batch would be about 18 million values.
    const tr = createTrainer(loadSample('spiral-mlp'), { dataset: makeDataset('circle', { points: 100_000 }), overrides: { batchSize: 10 } });
    const p = tr.updateSettings({ batchSize: 80_000 });
    expect(p).toHaveLength(1);
    expect(p[0].message).toMatch(/^Batch size 80,000 is too large for this model/);
    expect(tr.batchSize).toBe(10);
    expect(tr.settings.batchSize).toBe(10);
  });

  it('throws for a setting that cannot change mid-run (a programming error)', () => {
    const tr = trainer(oneRow);
    expect(() => tr.updateSettings({ seed: 3 } as never)).toThrow(/seed cannot change mid-run/);
  });

  it('a new learning rate lifts a non-finite stop; other changes do not', () => {
    // L = exp(w · x) with x = 1 and w = 1: g = e. With lr 1e308 the update overflows to −∞; the
    // trainer keeps w = 1.
    const expModel: Model = {
      format: 'graphgrad',
      version: 1,
      nodes: [
        { id: 'x', op: 'input', value: 0 },
        { id: 'w', op: 'param', value: 1 },
        { id: 'p', op: 'mul' },
        { id: 'L', op: 'exp' },
      ],
      edges: [
        { source: 'w', target: 'p', port: 0 },
        { source: 'x', target: 'p', port: 1 },
        { source: 'p', target: 'L', port: 0 },
      ],
      loss: 'L',
    };
    const ds = fromRows('ones', ['x'], [[1]], { targets: [], defaultTestRatio: 0 });
    const tr = createTrainer(expModel, { dataset: ds, overrides: { batchSize: 1, lr: 1e308 } });
    tr.step();
    expect(tr.stopped?.reason).toBe('non-finite');
    expect(tr.getParams().w).toBe(1);
    tr.updateSettings({ l2: 0.5 });
    expect(tr.stopped?.reason).toBe('non-finite');
    tr.updateSettings({ lr: 0.1 });
    expect(tr.stopped).toBeUndefined();
    tr.step(); // 1 − 0.1 · (e + 0.5 · 1)
    expect(tr.getParams().w).toBeCloseTo(1 - 0.1 * (Math.E + 0.5), 14);
  });

  describe('early stopping on a diverging run', () => {
    // Ten equal rows (2, 3), two of them test rows; the batch holds all eight training rows, so an
    // epoch is one step. With lr 0.3 the error 2w − 3 is multiplied by 1 − 8 · 0.3 = −1.4 per
    // epoch: the test loss grows every epoch after the first.
    const equalRows = () =>
      rows(
        'equal',
        Array.from({ length: 10 }, () => [2, 3]),
        0.2,
      );
    const diverging = () => trainer(equalRows(), { batchSize: 8, lr: 0.3, patience: 1 });

    it('a new batch size or optimizer lifts the stop and starts the record afresh; a new rate does not', () => {
      const tr = diverging();
      tr.runEpochs(10);
      // Epoch 1 (w 2.9, error 2.8, test loss 7.84) was the best; epoch 2 (error −3.92) was worse.
      expect(tr.stopped?.reason).toBe('early-stop');
      expect(tr.epoch).toBe(2);
      expect(w(tr)).toBeCloseTo(2.9, 14);
      tr.updateSettings({ lr: 0.3 + 1e-9 });
      expect(tr.stopped?.reason).toBe('early-stop');
      tr.updateSettings({ lr: 0.3, batchSize: 4 });
      expect(tr.stopped).toBeUndefined();
      // Two steps per epoch now: error 2.8 → −3.92 → 5.488, so w = 4.244 and the test loss 30.118144:
      // worse than 7.84, yet the first epoch of a fresh record, so training goes on.
      const m = tr.trainEpoch()!;
      expect(w(tr)).toBeCloseTo(4.244, 13);
      expect(m.test!.loss).toBeCloseTo(30.118144, 11);
      expect(tr.stopped).toBeUndefined();
      tr.trainEpoch(); // error 10.75648: worse; back to the best epoch of the new record
      expect(tr.stopped?.reason).toBe('early-stop');
      expect(tr.epoch).toBe(4);
      expect(w(tr)).toBeCloseTo(4.244, 13);
      const other = diverging();
      other.runEpochs(10);
      other.updateSettings({ optimizer: 'momentum' });
      expect(other.stopped).toBeUndefined();
    });

    it('patience given as undefined turns early stopping off; left out, it stays', () => {
      const tr = diverging();
      tr.trainEpoch();
      tr.updateSettings({ lr: 0.3 });
      expect(tr.settings.patience).toBe(1);
      tr.updateSettings({ patience: undefined });
      expect(tr.settings.patience).toBeUndefined();
      tr.runEpochs(3);
      expect(tr.stopped).toBeUndefined();
      expect(tr.epoch).toBe(4);
    });
  });

  it('more epochs lift an epochs stop', () => {
    const tr = trainer(oneRow, { epochs: 2 });
    tr.run();
    expect(tr.stopped?.message).toBe('Finished 2 epochs.');
    tr.updateSettings({ epochs: 3 });
    expect(tr.stopped).toBeUndefined();
    expect(tr.run()).toHaveLength(1);
    expect(tr.stopped?.message).toBe('Finished 3 epochs.');
  });
});

describe('Trainer history', () => {
  it('keeps the most recent keepHistory epochs', () => {
    const tr = createTrainer(tiny, { dataset: oneRow, overrides: { batchSize: 1, lr: 0.01 }, keepHistory: 3 });
    tr.runEpochs(20);
    expect(tr.history.length).toBeGreaterThanOrEqual(3);
    expect(tr.history.length).toBeLessThanOrEqual(6);
    expect(tr.history.at(-1)!.epoch).toBe(20);
    expect(tr.history.map((m) => m.epoch)).toEqual(Array.from({ length: tr.history.length }, (_, i) => 21 - tr.history.length + i));
  });
});
