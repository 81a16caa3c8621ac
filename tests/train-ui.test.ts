/** Train mode's non-DOM logic: the worker's runner, snapshot throttling, curve deltas, bindings. */
import { describe, expect, it } from 'vitest';
import { buildGraph, makeDataset, parseCsv } from '../graph-engine/index.ts';
import { TrainRunner, type RunnerHost } from '../src/trainWorker/runner.ts';
import { bindingView } from '../src/trainWorker/binding.ts';
import { CurveLog, CurveView, RateMeter, Throttle } from '../src/trainWorker/throttle.ts';
import { changeKind } from '../src/trainWorker/changes.ts';
import { sayWorker } from '../src/modes/train/workerText.ts';
import type { Snapshot, TrainConfig } from '../src/trainWorker/protocol.ts';
import { loadSample } from './support/load-sample.ts';

/**
 * A host with a fake clock and a manual scheduler: each reading of the clock advances it by 0.05
 * ms (so a slice ends), each slice by `tickMs` more.
 */
function fakeHost(tickMs = 20) {
  let t = 0;
  const queue: (() => void)[] = [];
  const posts: Snapshot[] = [];
  const host: RunnerHost = { now: () => (t += 0.05), schedule: (fn) => queue.push(fn), post: (s) => posts.push(s) };
  return {
    host,
    posts,
    advance: (ms: number) => (t += ms),
    /** Runs scheduled slices until none are left or `max` ran. */
    drain(max = 10_000) {
      let n = 0;
      while (queue.length && n++ < max) {
        queue.shift()!();
        t += tickMs;
      }
      return n;
    },
  };
}

const xorConfig = (): TrainConfig => ({ model: loadSample('xor-mlp'), dataset: { kind: 'builtin', name: 'xor-table' }, overrides: {}, epochLimit: 500 });

describe('Throttle and RateMeter', () => {
  it('lets one pass per interval, and again after reset', () => {
    const th = new Throttle(100);
    expect(th.take(0)).toBe(true);
    expect(th.take(50)).toBe(false);
    expect(th.take(99)).toBe(false);
    expect(th.take(100)).toBe(true);
    th.reset();
    expect(th.take(101)).toBe(true);
  });
  it('measures a rate over its window', () => {
    const r = new RateMeter(1000);
    r.add(0, 0);
    r.add(500, 250);
    r.add(1000, 500);
    expect(r.rate()).toBeCloseTo(500);
  });
});

describe('CurveLog / CurveView', () => {
  it('hands out deltas and the view rebuilds the whole curve', () => {
    const log = new CurveLog();
    const view = new CurveView();
    log.push(0, 1, 2);
    view.apply(log.delta());
    log.push(1, 0.5, 1);
    log.push(2, 0.25, 0.5);
    view.apply(log.delta());
    expect(view.epochs).toEqual([0, 1, 2]);
    expect(view.train).toEqual([1, 0.5, 0.25]);
    view.apply(log.delta()); // empty delta changes nothing
    expect(view.epochs).toEqual([0, 1, 2]);
    log.clear();
    log.push(0, 9, 9);
    view.apply(log.delta()); // restart
    expect(view.epochs).toEqual([0]);
    expect(view.train).toEqual([9]);
  });
  it('decimates long curves but keeps the first and last points', () => {
    const view = new CurveView();
    const n = 10_001;
    view.apply({
      from: 0,
      epochs: Array.from({ length: n }, (_, i) => i),
      train: Array.from({ length: n }, (_, i) => 1 / (i + 1)),
      test: Array.from({ length: n }, () => Number.NaN),
    });
    const [e] = view.decimated(1000);
    expect(e.length).toBeLessThanOrEqual(1001);
    expect(e[0]).toBe(0);
    expect(e[e.length - 1]).toBe(n - 1);
  });
});

describe('bindingView', () => {
  it('binds the xor sample by id, with y as the target', () => {
    const model = loadSample('xor-mlp');
    const v = bindingView(buildGraph(model), makeDataset('xor-table'));
    expect(v.problems).toEqual([]);
    expect(v.rows.map((r) => [r.nodeId, r.role, r.column, r.via])).toEqual([
      ['x1', 'feature', 'x1', 'id'],
      ['x2', 'feature', 'x2', 'id'],
      ['y', 'target', 'y', 'id'],
    ]);
  });
  it('explains an input with no column instead of throwing', () => {
    const model = loadSample('xor-mlp');
    const ds = parseCsv('a,b,y\n0,0,0\n1,1,0\n', 'mine.csv');
    const v = bindingView(buildGraph(model), ds);
    expect(v.problems.map(sayWorker).join('\n')).toMatch(/Input "x1" has no column in mine\.csv: pick one \(columns: a, b, y\)/);
    // mapped by the user: no problems left
    const ok = bindingView(buildGraph(model), ds, { x1: 'a', x2: 'b' });
    expect(ok.problems).toEqual([]);
    expect(ok.rows[0]).toMatchObject({ column: 'a', via: 'bind' });
  });
  it('warns when a feature input reads the label column', () => {
    const v = bindingView(buildGraph(loadSample('xor-mlp')), makeDataset('xor-table'), { x2: 'y' });
    expect(v.notes.map(sayWorker).join('\n')).toMatch(/would see the answer/);
  });
});

describe('TrainRunner', () => {
  it('trains the xor sample in slices to mse < 0.05 and 100% accuracy, posting throttled snapshots', () => {
    const h = fakeHost(20);
    const runner = new TrainRunner(h.host, { sliceMs: 10, snapshotMs: 66 });
    const r = runner.configure(xorConfig());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.snapshot.epoch).toBe(0);
    expect(r.snapshot.epochs).toEqual([0]);
    runner.play();
    const slices = h.drain();
    expect(runner.isRunning).toBe(false); // stopped at the epoch limit
    const last = h.posts[h.posts.length - 1];
    expect(last.epoch).toBe(500);
    expect(last.stopped?.reason).toBe('epochs');
    expect(last.latest.train.loss).toBeLessThan(0.05);
    expect(last.latest.train.accuracy).toBe(1);
    // Throttled: one snapshot per 66 ms of (fake) time at most, plus the final one.
    expect(h.posts.length).toBeLessThanOrEqual(Math.ceil((slices * 20) / 66) + 2);
    // The deltas join up into the whole curve, epoch 0 to 500.
    const view = new CurveView();
    view.apply({ from: 0, epochs: r.snapshot.epochs, train: r.snapshot.trainLoss, test: r.snapshot.testLoss });
    for (const s of h.posts) view.apply({ from: s.historyFrom, epochs: s.epochs, train: s.trainLoss, test: s.testLoss });
    expect(view.epochs.length).toBe(501);
    expect(view.epochs[500]).toBe(500);
  });

  it('with early stopping, snapshots carry the validation curve and the best epoch, where that curve is lowest', () => {
    const h = fakeHost(20);
    const runner = new TrainRunner(h.host, { sliceMs: 10 });
    const r = runner.configure({
      model: loadSample('overfitting'),
      dataset: { kind: 'builtin', name: 'circle' },
      overrides: { patience: 20 },
      epochLimit: 500,
    });
    if (!r.ok) throw new Error(r.error);
    expect(r.info.validationRows).toBe(24);
    expect(r.info.trainRows).toBe(56);
    runner.play();
    h.drain();
    const view = new CurveView();
    for (const s of [r.snapshot, ...h.posts])
      view.apply({ from: s.historyFrom, epochs: s.epochs, train: s.trainLoss, test: s.testLoss, validation: s.validationLoss });
    const last = h.posts[h.posts.length - 1];
    expect(last.stopped?.reason).toBe('early-stop');
    expect(view.validation.every(Number.isFinite)).toBe(true);
    const lowest = view.validation.indexOf(Math.min(...view.validation));
    expect(last.bestEpoch).toBe(view.epochs[lowest]);
    // The readout shows the restored parameters: the best epoch's losses, not the last epoch's.
    expect(last.latest.validation?.loss).toBe(view.validation[lowest]);
    expect(last.latest.test?.loss).toBe(view.test[lowest]);
    expect(last.latest.train.loss).toBe(view.train[lowest]);
    expect(view.validation.at(-1)).toBeGreaterThan(view.validation[lowest]);
    // Without early stopping there is no validation curve (NaN: a gap in the chart) and no best epoch.
    const plain = runner.configure(xorConfig());
    if (!plain.ok) throw new Error(plain.error);
    expect(plain.snapshot.validationLoss).toEqual([Number.NaN]);
    expect(plain.snapshot.bestEpoch).toBeUndefined();
  });

  it('a non-finite stop names the epoch the counter shows and suggests a lower rate', () => {
    const h = fakeHost(20);
    const runner = new TrainRunner(h.host, { sliceMs: 10 });
    const r = runner.configure({ model: loadSample('km-to-miles'), dataset: { kind: 'builtin', name: 'km-to-miles' }, overrides: { lr: 3 }, epochLimit: 1000 });
    if (!r.ok) throw new Error(r.error);
    runner.play();
    h.drain();
    const last = h.posts[h.posts.length - 1];
    expect(last.stopped?.reason).toBe('non-finite');
    expect(sayWorker(last.stopped!.text)).toContain(`after epoch ${last.epoch} `);
    const suggested = Number(/e\.g\. ([0-9.e+-]+)/.exec(sayWorker(last.stopped!.text))![1].replace(/\.$/, ''));
    expect(suggested).toBeCloseTo(0.3);
  });

  it('multi-class: points coloured by class, regions by the argmax of all outputs in one batched pass', () => {
    const runner = new TrainRunner(fakeHost().host);
    const r = runner.configure({ model: loadSample('softmax-classifier'), dataset: { kind: 'builtin', name: 'blobs3' }, overrides: {} });
    if (!r.ok) throw new Error(r.error);
    const plane = r.info.plane!;
    expect(plane.outputs).toEqual(['p/p0', 'p/p1', 'p/p2']);
    expect(new Set(r.info.points!.label)).toEqual(new Set([0, 1, 2]));
    const trainer = (runner as unknown as { trainer: { evaluateGrid: (...a: unknown[]) => unknown } }).trainer;
    const calls: unknown[][] = [];
    const orig = trainer.evaluateGrid.bind(trainer);
    trainer.evaluateGrid = (...a: unknown[]) => {
      calls.push(a);
      return orig(...a);
    };
    let s = runner.stepEpoch()!;
    for (let i = 0; i < 30; i++) s = runner.stepEpoch()!;
    expect(calls.length).toBe(31); // one grid pass per snapshot, all outputs together
    for (const id of plane.outputs!) expect(calls[0][0]).toContain(id);
    const heat = s.heat!;
    expect(heat.argmax).toHaveLength(plane.size * plane.size);
    expect(new Set(heat.argmax)).toEqual(new Set([0, 1, 2]));
    const conf = Array.from(heat.confidence!);
    expect(Math.min(...conf)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...conf)).toBeLessThanOrEqual(1);
    expect(Math.max(...conf)).toBeGreaterThan(0.8);
    expect(s.latest.train.accuracy).toBeGreaterThan(0.9);
  });

  it('a failed heatmap evaluation is reported, names the failure, and training goes on', () => {
    const runner = new TrainRunner(fakeHost().host);
    const r = runner.configure({ model: loadSample('spiral-mlp'), dataset: { kind: 'builtin', name: 'spiral' }, overrides: {} });
    if (!r.ok) throw new Error(r.error);
    expect(r.snapshot.heatError).toBeUndefined();
    const trainer = (runner as unknown as { trainer: { evaluateGrid: (...a: unknown[]) => unknown } }).trainer;
    const orig = trainer.evaluateGrid;
    trainer.evaluateGrid = () => {
      throw new Error('evaluateGrid: "net#7" is not a node or macro output.');
    };
    const failed = runner.stepEpoch()!;
    expect(failed.epoch).toBe(1);
    expect(failed.heat).toBeUndefined();
    expect(failed.heatError && sayWorker(failed.heatError)).toBe(
      'The decision boundary and unit pictures could not be evaluated: evaluateGrid: "net#7" is not a node or macro output.',
    );
    trainer.evaluateGrid = orig;
    const again = runner.stepEpoch()!;
    expect(again.heatError).toBeUndefined();
    expect(again.heat?.output).toHaveLength(2500);
  });

  it('digits: the no-boundary note counts the 64 inputs instead of listing them', () => {
    const runner = new TrainRunner(fakeHost().host);
    const r = runner.configure({ model: loadSample('digits-mlp'), dataset: { kind: 'builtin', name: 'glyph-digits' }, overrides: { points: 200 } });
    if (!r.ok) throw new Error(r.error);
    expect(sayWorker(r.info.noPlane!)).toContain('64 input features');
    expect(sayWorker(r.info.noPlane!).length).toBeLessThan(120);
  });

  it('reset reproduces the same initial loss; step epoch trains exactly one epoch', () => {
    const runner = new TrainRunner(fakeHost().host);
    const r = runner.configure(xorConfig());
    if (!r.ok) throw new Error(r.error);
    const first = r.snapshot.initialLoss;
    const s1 = runner.stepEpoch()!;
    expect(s1.epoch).toBe(1);
    runner.stepEpoch();
    const again = runner.reset()!;
    expect(again.epoch).toBe(0);
    expect(again.initialLoss).toBe(first);
    expect(again.historyFrom).toBe(0);
    expect(runner.stepEpoch()!.latest.train.loss).toBe(s1.latest.train.loss);
  });

  it('pausing mid-run keeps a consistent state, and a settings change keeps the parameters', () => {
    const h = fakeHost(20);
    const runner = new TrainRunner(h.host, { sliceMs: 5 });
    runner.configure({ ...xorConfig(), epochLimit: undefined });
    runner.play();
    h.drain(3);
    const paused = runner.pause()!;
    expect(paused.running).toBe(false);
    expect(h.drain()).toBeLessThanOrEqual(1); // the pending slice sees the pause and does nothing
    const again = runner.pause()!;
    expect(again.epoch).toBe(paused.epoch);
    expect(again.params).toEqual(paused.params);
    const changed = runner.update({ optimizer: 'sgd', lr: 0.5 })!;
    if (!changed.ok) throw new Error(changed.problems.join('\n'));
    expect(changed.settings).toMatchObject({ optimizer: 'sgd', lr: 0.5 });
    expect(changed.snapshot.params).toEqual(paused.params);
    expect(changed.snapshot.epoch).toBe(paused.epoch);
  });

  it('a non-finite loss stops with the engine message, keeping the last finite params', () => {
    const h = fakeHost(20);
    const runner = new TrainRunner(h.host);
    runner.configure({ model: loadSample('km-to-miles'), dataset: { kind: 'builtin', name: 'km-to-miles' }, overrides: { lr: 10 }, epochLimit: 1000 });
    runner.play();
    h.drain();
    const last = h.posts[h.posts.length - 1];
    expect(last.stopped?.reason).toBe('non-finite');
    expect(last.stopped && sayWorker(last.stopped.text)).toMatch(/became non-finite.*learning rate/);
    expect(Object.values(last.params).every(Number.isFinite)).toBe(true);
  });

  it('evaluates the decision boundary and per-unit thumbnails on one grid', () => {
    const runner = new TrainRunner(fakeHost().host, { gridSize: 50 });
    const r = runner.configure({ model: loadSample('spiral-mlp'), dataset: { kind: 'builtin', name: 'spiral' }, overrides: {} });
    if (!r.ok) throw new Error(r.error);
    const plane = r.info.plane!;
    expect(plane.axes).toEqual(['x1', 'x2']);
    expect(plane.output).toBe('net/l3/a0');
    expect(plane.valueRange).toEqual([-1, 1]);
    expect(plane.thumbnails.net.map((row) => row.length)).toEqual([8, 8, 1]);
    expect(plane.thumbnails.x1).toEqual([['x1']]);
    expect(plane.thumbnails.y).toBeUndefined();
    const heat = r.snapshot.heat!;
    expect(heat.output!.length).toBe(2500);
    expect(heat.thumbSize).toBe(25);
    expect(heat.thumbs['net/l1/a0'].length).toBe(625);
    expect(r.info.points!.x.length).toBe(500);
    expect(r.info.points!.test.reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('reports a bad CSV with the line, and a CSV that does not bind with the columns to map', () => {
    const runner = new TrainRunner(fakeHost().host);
    const bad = runner.configure({ ...xorConfig(), dataset: { kind: 'csv', name: 'bad.csv', text: 'x1,x2,y\n0,0,0\n0,1,abc\n' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/bad\.csv: line 3, column 3 \("y"\): "abc" is not a number/);
    const unbound = runner.configure({ ...xorConfig(), dataset: { kind: 'csv', name: 'ab.csv', text: 'a,b,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n' } });
    expect(unbound.ok).toBe(false);
    if (!unbound.ok) {
      expect(unbound.columns).toEqual(['a', 'b', 'y']);
      expect(unbound.binding?.problems.length).toBe(2);
    }
    const mapped = runner.configure({
      ...xorConfig(),
      dataset: { kind: 'csv', name: 'ab.csv', text: 'a,b,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n' },
      overrides: { bind: { x1: 'a', x2: 'b' } },
    });
    expect(mapped.ok).toBe(true);
    if (mapped.ok) expect(mapped.info.plane?.axes).toEqual(['a', 'b']);
  });
});

describe('changeKind', () => {
  const base = loadSample('xor-mlp');
  const withNode = (i: number, patch: object) => ({ ...base, nodes: base.nodes.map((n, j) => (j === i ? { ...n, ...patch } : n)) });
  it('tells moves, value edits and structural edits apart', () => {
    expect(changeKind(base, base)).toBe('none');
    expect(changeKind(base, withNode(0, { position: { x: 5, y: 5 } }))).toBe('layout');
    expect(changeKind(base, withNode(0, { value: 0.5 }))).toBe('values');
    // Weights of a layer macro are values; its size is structure.
    expect(changeKind(base, withNode(2, { attrs: { ...base.nodes[2].attrs, b: [1, 2] } }))).toBe('values');
    expect(changeKind(base, withNode(2, { attrs: { ...base.nodes[2].attrs, units: 3 } }))).toBe('structure');
    expect(changeKind(base, { ...base, edges: base.edges.slice(1) })).toBe('structure');
    expect(changeKind(base, { ...base, loss: 'out' })).toBe('structure');
  });
  it('compares weights by value: an equal copy is no change to train', () => {
    const W = [
      [1, 2],
      [3, 4],
    ];
    const trained = withNode(2, { attrs: { ...base.nodes[2].attrs, W } });
    const copy = { ...trained, nodes: trained.nodes.map((n) => (n.attrs ? { ...n, attrs: structuredClone(n.attrs) } : n)) };
    expect(changeKind(trained, copy)).toBe('layout');
    const W2 = structuredClone(W);
    W2[1][0] = 3.5;
    expect(changeKind(trained, withNode(2, { attrs: { ...base.nodes[2].attrs, W: W2 } }))).toBe('values');
  });
});
