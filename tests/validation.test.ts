// Early stopping's validation set (held out of the training rows, apart from the test rows) and
// the overfitting sample it is shown on. The checks read the trainer's own history, not its
// bookkeeping: the best epoch must be where the validation losses it reports are lowest, and the
// restored weights must be those a second, identical run has after that many epochs.
import { describe, expect, it } from 'vitest';
import { createTrainer, type Model, type TrainSettings } from '../graph-engine/index.ts';
import { loadSample } from './support/load-sample.ts';

const overfitting = loadSample('overfitting');
const trainer = (o: Partial<TrainSettings> = {}, m: Model = overfitting) => createTrainer(m, { overrides: o });

const sorted = (a: ArrayLike<number>) => Array.from(a).sort((x, y) => x - y);

describe('the validation split', () => {
  it('holds a seeded share of the training rows out, apart from the test rows, only with early stopping', () => {
    const off = trainer();
    const on = trainer({ patience: 10 });
    expect(off.split.validation).toBeUndefined();
    // 160 points, half test: 80 training rows, 30% of them (the sample's validationRatio) validate.
    expect(off.split.train.length).toBe(80);
    expect(on.split.validation!.length).toBe(24);
    expect(on.split.train.length).toBe(56);
    // The test rows do not move; validation and training rows are the old training rows, split.
    expect(Array.from(on.split.test)).toEqual(Array.from(off.split.test));
    expect(sorted([...on.split.train, ...on.split.validation!])).toEqual(sorted(off.split.train));
    expect(new Set([...on.split.train, ...on.split.validation!, ...on.split.test]).size).toBe(160);
    // Seeded: the same rows every time, other rows under another seed.
    expect(Array.from(trainer({ patience: 3 }).split.validation!)).toEqual(Array.from(on.split.validation!));
    expect(Array.from(trainer({ patience: 3, seed: 2 }).split.validation!)).not.toEqual(Array.from(on.split.validation!));
    // The default share is 0.2.
    const { validationRatio: _drop, ...rest } = overfitting.training!;
    expect(trainer({ patience: 3 }, { ...overfitting, training: rest }).split.validation!.length).toBe(16);
  });

  it('ticking early stopping mid-run holds the rows out; unticking returns them', () => {
    const t = trainer();
    t.runEpochs(3);
    expect(t.updateSettings({ patience: 5 })).toEqual([]);
    expect(t.split.validation!.length).toBe(24);
    expect(t.split.train.length).toBe(56);
    const m = t.trainEpoch()!;
    expect(m.validation?.loss).toBeGreaterThan(0);
    expect(t.updateSettings({ patience: undefined })).toEqual([]);
    expect(t.split.validation).toBeUndefined();
    expect(t.split.train.length).toBe(80);
    expect(t.trainEpoch()!.validation).toBeUndefined();
  });
});

describe('early stopping', () => {
  it('watches the validation loss, stops `patience` epochs after its lowest and restores that epoch’s weights', () => {
    const patience = 30;
    const t = trainer({ patience });
    t.run();
    expect(t.stopped?.reason).toBe('early-stop');
    const val = t.history.map((m) => m.validation!.loss);
    const lowest = Math.min(...val);
    const best = t.history[val.indexOf(lowest)].epoch;
    expect(t.bestEpoch).toBe(best);
    expect(t.epoch).toBe(best + patience);
    expect(t.stopped!.message).toBe(
      `Stopped early after epoch ${best + patience}: the validation loss has not improved for ${patience} epochs; restored the parameters of epoch ${best} (validation loss ${lowest.toPrecision(6).replace(/0+$/, '')}).`,
    );
    // The test loss is not what it watches: its lowest epoch is elsewhere on this data.
    const test = t.history.map((m) => m.test!.loss);
    expect(t.history[test.indexOf(Math.min(...test))].epoch).not.toBe(best);
    // The weights kept are the best epoch's: an identical run without the stop, after `best` epochs.
    const again = trainer({ patience: 1_000_000 });
    again.runEpochs(best);
    expect(Array.from(t.params).every((w, i) => Object.is(w, again.params[i]))).toBe(true);
    // And they evaluate to that epoch's validation loss.
    expect(t.evaluate(t.split.validation!).loss).toBe(lowest);
  });
});

describe('the overfitting sample', () => {
  it('overfits: the test loss turns upward early and ends well above its lowest while the train loss keeps falling', () => {
    const t = trainer();
    const h = t.run();
    expect(h.length).toBe(300);
    const test = h.map((m) => m.test!.loss);
    const train = h.map((m) => m.train.loss);
    const lowest = Math.min(...test);
    const at = test.indexOf(lowest);
    expect(at + 1).toBeLessThan(60); // the lowest test loss comes in the first fifth of the run
    expect(test.at(-1)!).toBeGreaterThan(3 * lowest); // and the end is far above it
    // Meanwhile the train loss goes on down: at the end a small fraction of where the test loss was lowest.
    expect(train.at(-1)!).toBeLessThan(train[at] / 3);
    expect(train.at(-1)!).toBeLessThan(0.1);
  });

  it('each cure its description names ends with a lower test loss than no cure', () => {
    const finalTest = (t: ReturnType<typeof trainer>) => {
      t.run();
      return t.evaluate(t.split.test).loss;
    };
    const none = finalTest(trainer());
    const l2 = finalTest(trainer({ l2: 0.01 }));
    const early = finalTest(trainer({ patience: 30 }));
    const withDropout: Model = {
      ...overfitting,
      nodes: overfitting.nodes.map((n) => (n.id === 'net' ? { ...n, attrs: { ...n.attrs, dropout: 0.5 } } : n)),
    };
    const dropout = finalTest(createTrainer(withDropout));
    for (const [name, loss] of Object.entries({ l2, early, dropout })) expect(loss, name).toBeLessThan(0.7 * none);
  });
});
