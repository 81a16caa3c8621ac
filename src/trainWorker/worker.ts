/**
 * The training Web Worker: a TrainRunner behind comlink. Training slices are scheduled with a
 * MessageChannel (no timer clamping), so calls from the page (pause, step, settings) get their
 * turn between slices and never see a half-done step; a paced run ahead of its pace waits on a timer.
 */
import * as Comlink from 'comlink';
import { ensureDataset, ensureOpsFor } from '../../graph-engine/index.ts';
import { TrainRunner } from './runner.ts';
import type { Pace } from './pace.ts';
import type { ConfigureResult, ShownSample, Snapshot, TrainConfig, TrainOverrides } from './protocol.ts';

let listener: ((s: Snapshot) => void) | undefined;
const channel = new MessageChannel();
const queue: (() => void)[] = [];
channel.port1.onmessage = () => queue.shift()?.();

const runner = new TrainRunner({
  now: () => performance.now(),
  // A paced run waits on a timer; otherwise the next slice goes right after pending messages.
  schedule: (fn, delayMs = 0) => {
    if (delayMs > 0) {
      setTimeout(fn, delayMs);
      return;
    }
    queue.push(fn);
    channel.port2.postMessage(0);
  },
  post: (s) => listener?.(s),
});

const api = {
  subscribe(fn: (s: Snapshot) => void): void {
    listener = fn;
  },
  async configure(config: TrainConfig): Promise<ConfigureResult> {
    try {
      await ensureOpsFor(config.model);
      if (config.dataset.kind === 'builtin') await ensureDataset(config.dataset.name);
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
    return runner.configure(config);
  },
  play: () => runner.play(),
  pause: () => runner.pause(),
  stepEpoch: () => runner.stepEpoch(),
  stepBatch: () => runner.stepBatch(),
  setPace: (pace: Pace) => runner.setPace(pace),
  reset: () => runner.reset(),
  update: (o: TrainOverrides) => runner.update(o),
  setEpochLimit: (n: number | undefined) => runner.setEpochLimit(n),
  sample: (i: number) => runner.sample(i),
  show: (shown: ShownSample, tag: number) => runner.show(shown, tag),
};

export type TrainWorkerApi = typeof api;

Comlink.expose(api);
