/**
 * The sample shown on the canvas in Train mode, evaluated by the worker (src/trainWorker/sample.ts)
 * and patched into the canvas preview on the page (src/modes/train/preview.ts): hand-worked values
 * and gradients of a small graph, row numbers as the data set numbers them, custom inputs, and the
 * preview equal to the editor's own evaluation of the model with the same parameters and inputs
 * (the page's previous path, an independent one: it rebuilds the graph from the model file).
 */
import { describe, expect, it } from 'vitest';
import { own, withParams, type Model } from '../graph-engine/index.ts';
import { previewFrame, samplePreview } from '../src/modes/train/preview.ts';
import { evaluate, type Evaluation } from '../src/store/evaluate.ts';
import type { DatasetSpec, RunInfo, SampleValues, Snapshot } from '../src/trainWorker/protocol.ts';
import { TrainRunner } from '../src/trainWorker/runner.ts';
import { loadSample } from './support/load-sample.ts';
import { model } from './support/models.ts';

function runner(): TrainRunner {
  let t = 0;
  return new TrainRunner({ now: () => (t += 0.05), schedule: () => {}, post: () => {} });
}

const at = (x: number, y: number) => ({ x, y });

/** z = w·x + b, loss = mse(z, y), with w = 0.5 and b = -1. */
const line = model(
  [
    { id: 'x', op: 'input', value: 0, position: at(0, 0) },
    { id: 'w', op: 'param', value: 0.5, position: at(0, 100) },
    { id: 'b', op: 'param', value: -1, position: at(0, 200) },
    { id: 'm', op: 'mul', position: at(200, 0) },
    { id: 'z', op: 'add', position: at(400, 0) },
    { id: 'y', op: 'input', value: 0, position: at(400, 200) },
    { id: 'L', op: 'mse', position: at(600, 0) },
  ],
  [
    ['w', 'm', 0],
    ['x', 'm', 1],
    ['m', 'z', 0],
    ['b', 'z', 1],
    ['z', 'L', 0],
    ['y', 'L', 1],
  ],
  'L',
);
const lineData: DatasetSpec = { kind: 'csv', name: 'line.csv', text: 'x,y\n1,0\n2,1\n5,5\n3,2\n4,1\n' };

function entries(s: SampleValues, info: RunInfo): Record<string, { value: number; grad: number }> {
  const out: Record<string, { value: number; grad: number }> = {};
  info.sampleLayout.ids.forEach((id, i) => (out[`${id}#${info.sampleLayout.ports[i]}`] = { value: s.values[i], grad: s.grads[i] }));
  return out;
}

describe('the shown sample, evaluated in the worker', () => {
  it('a hand-worked row: values and gradients of w·x + b against its target', () => {
    const r = runner();
    const c = r.configure({ model: line, dataset: lineData, overrides: { testRatio: 0 }, shown: { kind: 'row', row: 3 }, shownTag: 7 });
    if (!c.ok) throw new Error(c.error);
    const s = c.snapshot.sample!;
    expect(s).toMatchObject({ tag: 7, row: 3, test: false, custom: false });
    // Row 3: x = 3, y = 2. m = 1.5, z = 0.5, L = (0.5 - 2)² = 2.25; dL/dz = 2(z - y) = -3,
    // dL/dm = dL/db = -3, dL/dw = -3·x = -9, dL/dx = -3·w = -1.5, dL/dy = -2(z - y) = 3.
    const e = entries(s, c.info);
    expect(e['x#0']).toEqual({ value: 3, grad: -1.5 });
    expect(e['y#0']).toEqual({ value: 2, grad: 3 });
    expect(e['w#0']).toEqual({ value: 0.5, grad: -9 });
    expect(e['b#0']).toEqual({ value: -1, grad: -3 });
    expect(e['m#0']).toEqual({ value: 1.5, grad: -3 });
    expect(e['z#0']).toEqual({ value: 0.5, grad: -3 });
    expect(e['L#0']).toEqual({ value: 2.25, grad: 1 });

    // Another row by its row number; then a drawn x over it (its target kept): x = 10, y = 5
    // (row 2) -> z = 4, L = 1, dL/dz = -2, dL/dw = -20.
    expect(entries(r.show({ kind: 'row', row: 2 }, 8)!.sample!, c.info)['L#0'].value).toBe((0.5 * 5 - 1 - 5) ** 2);
    const drawn = r.show({ kind: 'inputs', values: { x: 10, nope: 3 } }, 9)!.sample!;
    expect(drawn).toMatchObject({ tag: 9, row: 2, custom: true });
    const d = entries(drawn, c.info);
    expect(d['L#0']).toEqual({ value: 1, grad: 1 });
    expect(d['w#0'].grad).toBe(-20);
    // Out of range: the typical row instead.
    expect(r.show({ kind: 'row', row: 99 }, 10)!.sample!.row).toBe(c.info.typicalRow);
  });

  it('follows the parameters as they train, and says whether the row is a test row', () => {
    const r = runner();
    const c = r.configure({ model: line, dataset: lineData, overrides: { testRatio: 0.4, lr: 0.01, batchSize: 5 } });
    if (!c.ok) throw new Error(c.error);
    const split = (r as unknown as { trainer: { split: { train: Int32Array; test: Int32Array } } }).trainer.split;
    expect(split.train).toContain(c.snapshot.sample!.row);
    const testRow = split.test[0];
    const s = r.show({ kind: 'row', row: testRow }, 1)!;
    expect(s.sample).toMatchObject({ row: testRow, test: true });
    const after = r.stepEpoch()!;
    const w = after.params.w;
    const b = after.params.b;
    expect(w).not.toBe(0.5);
    const x = [1, 2, 5, 3, 4][testRow];
    expect(entries(after.sample!, c.info)['z#0'].value).toBeCloseTo(w * x + b, 14);
  });

  it('spiral shows a typical training row first, not row 0 (the origin)', () => {
    const r = runner();
    const c = r.configure({ model: loadSample('spiral-mlp'), dataset: { kind: 'builtin', name: 'spiral' }, overrides: {} });
    if (!c.ok) throw new Error(c.error);
    expect(c.snapshot.sample!.row).toBe(c.info.typicalRow);
    expect(c.info.typicalRow).not.toBe(0);
    expect(c.snapshot.sample!.test).toBe(false);
  });
});

/** The page's previous preview: the model rebuilt with the worker's parameters and the row's inputs, evaluated. */
function oracle(r: TrainRunner, model: Model, snap: Snapshot, row: number, custom: Record<string, number> = {}): Evaluation {
  const inputs = { ...r.sample(row), ...custom };
  const m = withParams(model, (id) => own(snap.params, id));
  return evaluate({ ...m, nodes: m.nodes.map((n) => (own(inputs, n.id) === undefined ? n : { ...n, value: own(inputs, n.id)! })) });
}

const close = (a: number | undefined, b: number | undefined) => {
  if (a === undefined || b === undefined) return expect(a).toBe(b);
  if (!Number.isFinite(b)) return expect(a).toBe(b);
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)));
};

function expectSameEvaluation(got: Evaluation, want: Evaluation): void {
  expect(got.problems).toEqual(want.problems);
  expect(got.lossId).toBe(want.lossId);
  expect(got.backwardBlocker).toBe(want.backwardBlocker);
  expect([...got.results.keys()].sort()).toEqual([...want.results.keys()].sort());
  for (const [id, w] of want.results) {
    const g = got.results.get(id)!;
    close(g.value, w.value);
    close(g.grad, w.grad);
    expect(g.badge, id).toEqual(w.badge);
    expect([g.ports, g.portNames, g.freePair]).toEqual([w.ports, w.portNames, w.freePair]);
    expect(g.outputs?.length).toBe(w.outputs?.length);
    w.outputs?.forEach((o, p) => {
      expect(g.outputs![p].name).toBe(o.name);
      close(g.outputs![p].value, o.value);
      close(g.outputs![p].grad, o.grad);
    });
    // A layer's weights as trained and the sample's ∂L/∂w: what its network view draws.
    expect(g.layers?.length, id).toBe(w.layers?.length);
    w.layers?.forEach((l, L) => {
      const h = g.layers![L];
      expect([h.gW === undefined, h.gb === undefined], `${id} layer ${L + 1} gradients`).toEqual([l.gW === undefined, l.gb === undefined]);
      l.W.forEach((row, j) =>
        row.forEach((v, i) => {
          close(h.W[j][i], v);
          close(h.gW?.[j][i], l.gW?.[j][i]);
        }),
      );
      l.b.forEach((v, j) => {
        close(h.b[j], v);
        close(h.gb?.[j], l.gb?.[j]);
      });
    });
  }
}

describe('the canvas preview from the worker equals the editor evaluating the model', () => {
  const cases: [string, string, Record<string, unknown>][] = [
    ['spiral-mlp', 'spiral', {}],
    ['pass-exam', 'pass-exam', {}],
    ['km-to-miles', 'km-to-miles', {}],
    ['softmax-classifier', 'blobs3', {}],
    ['digits-mlp', 'digits', { points: 200 }],
  ];
  for (const [sample, dataset, overrides] of cases) {
    it(`${sample}: several rows, after some training`, () => {
      const model = loadSample(sample);
      const r = runner();
      const c = r.configure({ model, dataset: { kind: 'builtin', name: dataset }, overrides });
      if (!c.ok) throw new Error(c.error);
      const frame = previewFrame(model, c.info.sampleLayout, c.snapshot.params);
      expectSameEvaluation(samplePreview(frame, c.snapshot.sample!), oracle(r, model, c.snapshot, c.snapshot.sample!.row));
      r.stepEpoch();
      for (const row of [0, 1, Math.floor(c.info.rows / 2), c.info.rows - 1]) {
        const s = r.show({ kind: 'row', row }, row)!;
        expect(s.sample!.row).toBe(row);
        expectSameEvaluation(samplePreview(frame, s.sample!), oracle(r, model, s, row));
      }
    });
  }

  it('non-finite values are badged with the same reasons, in a node and in a layer', () => {
    // log of a negative input: NaN in log, then in the mlp layer it feeds, then in the loss.
    const model = loadSample('spiral-mlp');
    const x1 = model.edges.find((e) => e.source === 'x1')!;
    const withLog: Model = {
      ...model,
      nodes: [...model.nodes, { id: 'lg', op: 'log', position: at(0, 500) }],
      edges: [...model.edges.filter((e) => e !== x1), { source: 'x1', target: 'lg', port: 0 }, { ...x1, source: 'lg' }],
    };
    const r = runner();
    const c = r.configure({ model: withLog, dataset: { kind: 'builtin', name: 'spiral' }, overrides: {} });
    if (!c.ok) throw new Error(c.error);
    const s = r.show({ kind: 'inputs', values: { x1: -0.5 } }, 3)!;
    const got = samplePreview(previewFrame(withLog, c.info.sampleLayout, c.snapshot.params), s.sample!);
    const want = oracle(r, withLog, s, s.sample!.row, { x1: -0.5 });
    expect(want.results.get('lg')!.badge?.kind).toBe('nonfinite');
    expect(want.results.get(x1.target)!.badge?.kind).toBe('nonfinite');
    expectSameEvaluation(got, want);
  });
});
