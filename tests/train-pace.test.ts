/** Train mode's pace: the runner caps Play's step rate by its host's clock, and Step batch trains one step. */
import { describe, expect, it } from 'vitest';
import { TrainRunner, type RunnerHost } from '../src/trainWorker/runner.ts';
import type { Pace } from '../src/trainWorker/pace.ts';
import type { Snapshot, TrainConfig } from '../src/trainWorker/protocol.ts';
import { loadSample } from './support/load-sample.ts';

/**
 * A fake clock with timers: schedule(fn, delay) runs fn when the clock reaches now + delay; each
 * reading of the clock costs 0.01 ms (so a slice at Max ends). Counts the slices run, to see that a
 * paced run waits rather than spins.
 */
function timedHost() {
  let t = 0;
  let seq = 0;
  let slices = 0;
  const timers: { due: number; seq: number; fn: () => void }[] = [];
  const posts: Snapshot[] = [];
  const host: RunnerHost = {
    now: () => (t += 0.01),
    schedule: (fn, delayMs = 0) => void timers.push({ due: t + delayMs, seq: seq++, fn }),
    post: (s) => posts.push(s),
  };
  return {
    host,
    posts,
    get slices() {
      return slices;
    },
    /** Runs timers in due order until the clock reaches `ms` later than now. */
    runFor(ms: number) {
      const end = t + ms;
      for (;;) {
        timers.sort((a, b) => a.due - b.due || a.seq - b.seq);
        const next = timers[0];
        if (!next || next.due > end) break;
        timers.shift();
        t = Math.max(t, next.due);
        slices++;
        next.fn();
      }
      t = Math.max(t, end);
    },
  };
}

/** xor-table's 4 rows, all for training, one row a batch: 4 steps an epoch. */
const xorBatch1 = (epochLimit?: number): TrainConfig => ({
  model: loadSample('xor-mlp'),
  dataset: { kind: 'builtin', name: 'xor-table' },
  overrides: { batchSize: 1 },
  epochLimit,
});

function start(pace: Pace, epochLimit?: number) {
  const h = timedHost();
  const runner = new TrainRunner(h.host, { sliceMs: 10 });
  const r = runner.configure(xorBatch1(epochLimit));
  if (!r.ok) throw new Error(r.error);
  expect(r.info.trainRows).toBe(4);
  expect(r.info.stepsPerEpoch).toBe(4);
  runner.setPace(pace);
  runner.play();
  return { h, runner, epoch: () => runner.snapshot().epoch, steps: () => runner.snapshot().steps };
}

describe('Train pace', () => {
  it('5 epochs/s trains 10 epochs in 2 s of the clock, in slices that wait instead of spinning', () => {
    const { h, epoch, steps } = start({ kind: 'epochs', perSecond: 5 });
    h.runFor(2000);
    expect(Math.abs(epoch() - 10)).toBeLessThanOrEqual(1);
    expect(Math.abs(steps() - 40)).toBeLessThanOrEqual(2);
    // 40 steps due one every 50 ms: about one slice per step, not thousands of empty ones.
    expect(h.slices).toBeLessThanOrEqual(60);
  });

  it('1 batch/frame trains 60 steps a second whatever the epoch size', () => {
    const { h, steps } = start({ kind: 'steps', perSecond: 60 });
    h.runFor(1000);
    expect(Math.abs(steps() - 60)).toBeLessThanOrEqual(2);
  });

  it('Max has no cap: it reaches an epoch limit of 3000 within the same 2 s', () => {
    const { h, runner, epoch } = start({ kind: 'max' }, 3000);
    h.runFor(2000);
    expect(epoch()).toBe(3000);
    expect(runner.isRunning).toBe(false);
  });

  it('a new pace mid-run takes effect at once, without pausing', () => {
    const { h, runner, epoch } = start({ kind: 'epochs', perSecond: 1 });
    h.runFor(1000);
    expect(Math.abs(epoch() - 1)).toBeLessThanOrEqual(1);
    runner.setPace({ kind: 'epochs', perSecond: 30 });
    expect(runner.isRunning).toBe(true);
    h.runFor(1000);
    expect(Math.abs(epoch() - 31)).toBeLessThanOrEqual(2);
    runner.setPace({ kind: 'epochs', perSecond: 5 });
    const before = epoch();
    h.runFor(1000);
    expect(Math.abs(epoch() - before - 5)).toBeLessThanOrEqual(1);
    expect(runner.isRunning).toBe(true);
  });

  it('Play after Pause starts one chain of slices: the paused one does not live on beside it', () => {
    const { h, runner, epoch } = start({ kind: 'epochs', perSecond: 5 });
    h.runFor(1000);
    runner.pause();
    runner.play();
    const before = h.slices;
    h.runFor(1000);
    expect(Math.abs(epoch() - 10)).toBeLessThanOrEqual(1);
    // 20 steps due, one every 50 ms: about 20 slices (two chains would run about 40).
    expect(h.slices - before).toBeLessThanOrEqual(25);
  });

  it('Step batch trains exactly one step; the epoch advances (and is evaluated) only on its last step', () => {
    const h = timedHost();
    const runner = new TrainRunner(h.host);
    const r = runner.configure(xorBatch1());
    if (!r.ok) throw new Error(r.error);
    const params0 = r.snapshot.params;
    let s = runner.stepBatch()!;
    expect(s).toMatchObject({ steps: 1, epoch: 0, running: false });
    expect(s.params).not.toEqual(params0);
    s = runner.stepBatch()!;
    s = runner.stepBatch()!;
    expect(s).toMatchObject({ steps: 3, epoch: 0 });
    expect(s.latest.epoch).toBe(0);
    s = runner.stepBatch()!;
    expect(s).toMatchObject({ steps: 4, epoch: 1 });
    expect(s.latest.epoch).toBe(1); // the epoch's metrics, evaluated after its last step
    expect(s.epochs.at(-1)).toBe(1);
    expect(runner.stepEpoch()).toMatchObject({ steps: 8, epoch: 2 });
    // Step batch pauses a run first, as Step epoch does.
    runner.play();
    expect(runner.stepBatch()).toMatchObject({ steps: 9, epoch: 2, running: false });
    expect(runner.isRunning).toBe(false);
  });
});
