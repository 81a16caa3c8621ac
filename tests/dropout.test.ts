// Dropout: reproducible from the seed, the identity outside training steps, and in a training step
// each value either dropped or scaled by 1/(1 − p), with the local derivative mask/(1 − p) checked
// by finite differences (the mask held fixed: the same step redraws the same mask).
import { describe, expect, it } from 'vitest';
import {
  buildGraph,
  compilePlan,
  createTrainer,
  dropoutStepKey,
  fromRows,
  planBackward,
  planForward,
  Session,
  validateModel,
  Workspace,
  type Model,
} from '../graph-engine/index.ts';
import { input, model, op } from './support/models.ts';

/** A 2-input MLP on the circle data set, with the given hidden dropout (absent: no attr at all). */
function mlpModel(dropout?: number): Model {
  const attrs: Record<string, unknown> = { sizes: [8, 8, 1], activation: 'relu' };
  if (dropout !== undefined) attrs.dropout = dropout;
  return {
    ...model(
      [input('x1', 0), input('x2', 0), input('y', 0), op('net', 'mlp', attrs), op('L', 'bce_with_logits')],
      [
        ['x1', 'net', 0],
        ['x2', 'net', 1],
        ['net', 'L', 0],
        ['y', 'L', 1],
      ],
      'L',
    ),
    training: { dataset: 'circle', points: 200, epochs: 5, seed: 11, optimizer: 'adam', lr: 0.01 },
  };
}

const trainedParams = (m: Model) => {
  const t = createTrainer(m);
  t.run();
  return t.params.slice();
};

describe('dropout', () => {
  it('adds a dropout node after each hidden unit of an mlp, none after the output layer', () => {
    const g = buildGraph(mlpModel(0.3));
    const ids = g.nodes.filter((n) => n.op.name === 'dropout').map((n) => n.id);
    expect(ids).toEqual([...Array.from({ length: 8 }, (_, j) => `net/l1/d${j}`), ...Array.from({ length: 8 }, (_, j) => `net/l2/d${j}`)]);
    expect(g.nodes.filter((n) => n.op.name === 'dropout').every((n) => n.attrs.rate === 0.3)).toBe(true);
    expect(buildGraph(mlpModel(0)).nodes.some((n) => n.op.name === 'dropout')).toBe(false);
  });

  it('is reproducible: two runs with the same seed give bit-identical weights, another seed does not', () => {
    const a = trainedParams(mlpModel(0.3));
    const b = trainedParams(mlpModel(0.3));
    expect(a.length).toBe(8 * 3 + 8 * 9 + 9);
    expect(Array.from(a).every((v, i) => Object.is(v, b[i]))).toBe(true);
    // It acts in training: without it, or under another seed's masks, the weights differ.
    const none = trainedParams(mlpModel());
    expect(Array.from(a).some((v, i) => v !== none[i])).toBe(true);
    // Another seed draws other masks (and other initial weights): the dropout masks change with it.
    const t = createTrainer(mlpModel(0.3), { overrides: { seed: 12 } });
    t.run();
    expect(Array.from(t.params).some((v, i) => v !== a[i])).toBe(true);
  });

  it('p = 0 trains exactly as no dropout at all', () => {
    // A rate-0 dropout node in every path, against the same graph with identity nodes there.
    const withOp = (name: string, attrs?: Record<string, number>): Model =>
      model(
        [input('x', 0), { id: 'w', op: 'param', value: 0.5 }, op('p', 'mul'), op('d', name, attrs), input('t', 0), op('L', 'mse')],
        [
          ['w', 'p', 0],
          ['x', 'p', 1],
          ['p', 'd', 0],
          ['d', 'L', 0],
          ['t', 'L', 1],
        ],
        'L',
      );
    const data = fromRows(
      'line',
      ['x', 't'],
      Array.from({ length: 40 }, (_, i) => [i / 10 - 2, 3 * (i / 10 - 2) + 0.5]),
      { targets: ['t'], task: 'regression' },
    );
    const run = (m: Model) => {
      const t = createTrainer(m, { dataset: data, overrides: { epochs: 3, batchSize: 4, lr: 0.01 } });
      t.run();
      return t.params[0];
    };
    expect(Object.is(run(withOp('dropout', { rate: 0 })), run(withOp('identity')))).toBe(true);
    // And an mlp with dropout 0 is the mlp without the attr.
    const a = trainedParams(mlpModel(0));
    const b = trainedParams(mlpModel());
    expect(Array.from(a).every((v, i) => Object.is(v, b[i]))).toBe(true);
  });

  it('is the identity in evaluation: Build values, test metrics and grids equal the model without it', () => {
    const build = (m: Model) => {
      const s = new Session(buildGraph(m), 1);
      s.forward();
      s.backward();
      return s;
    };
    const withIt = build(mlpModel(0.5));
    const without = build(mlpModel());
    const g = buildGraph(mlpModel());
    const gd = buildGraph(mlpModel(0.5));
    for (const n of g.nodes) {
      const m = gd.indexOf.get(n.id)!;
      expect(Object.is(withIt.value(m), without.value(n.index)), `value of ${n.id}`).toBe(true);
      expect(Object.is(withIt.grad(m), without.grad(n.index)), `gradient of ${n.id}`).toBe(true);
    }
    // A trainer evaluates with the masks off: the same weights give the same test loss.
    const a = createTrainer(mlpModel(0.5));
    const b = createTrainer(mlpModel());
    expect(Object.is(a.evaluate(a.split.test).loss, b.evaluate(b.split.test).loss)).toBe(true);
    const grid = { x1: Float64Array.of(-1, 0, 0.5), x2: Float64Array.of(0.25, -1, 1) };
    expect(a.evaluateGrid(['net'], grid, 3).net).toEqual(b.evaluateGrid(['net'], grid, 3).net);
  });

  it('in a training step each value is 0 or x/(1 − p), about p of them dropped, and the local derivative is mask/(1 − p) by finite differences', () => {
    const p = 0.25;
    const n = 4000;
    // w → mul by x → dropout → mse against t: w is a param, so the kernels take its gradient.
    const m = model(
      [input('x', 0), { id: 'w', op: 'param', value: 0.75 }, op('u', 'mul'), op('d', 'dropout', { rate: p }), input('t', 0), op('L', 'mse')],
      [
        ['w', 'u', 0],
        ['x', 'u', 1],
        ['u', 'd', 0],
        ['d', 'L', 0],
        ['t', 'L', 1],
      ],
      'L',
    );
    const graph = buildGraph(m);
    const at = (id: string) => graph.indexOf.get(id)!;
    const xs = Array.from({ length: n }, (_, b) => 0.5 + ((b * 37) % 101) / 50); // 0.5 .. 2.5, never 0
    const ts = xs.map((x) => 2 * x - 1);
    const s = new Session(graph, n);
    s.setLeaf(at('x'), xs);
    s.setLeaf(at('t'), ts);
    s.setTrainingStep({ seed: 5, step: 3 });
    s.forward();
    s.backward();
    let dropped = 0;
    const mask: number[] = [];
    for (let b = 0; b < n; b++) {
      const u = s.value(at('u'), b);
      const d = s.value(at('d'), b);
      expect(d === 0 || d === u / (1 - p), `sample ${b}: ${d} is neither 0 nor ${u}/(1 − ${p})`).toBe(true);
      mask.push(d === 0 ? 0 : 1);
      if (d === 0) dropped++;
    }
    // Binomial(4000, 0.25): mean 1000, standard deviation 27.4; five deviations either side.
    expect(dropped).toBeGreaterThan(1000 - 137);
    expect(dropped).toBeLessThan(1000 + 137);

    // The Session's recorded local derivative of edge u → d, and dL/du, against central
    // differences of the step's own forward with the mask held (same seed and step).
    const e = graph.edges.findIndex((ed) => ed.source === at('u') && ed.target === at('d'));
    const h = 1e-6;
    const dAt = (b: number, u: number) => {
      const one = new Session(graph, n);
      one.setLeaf(at('x'), xs);
      one.setLeaf(at('t'), ts);
      one.setTrainingStep({ seed: 5, step: 3 });
      one.forward();
      one.values[at('u') * n + b] = u;
      one.forwardNode(at('d'));
      return one.value(at('d'), b);
    };
    for (const b of [0, 1, 2, 3, 4, 5, 6, 7]) {
      const u = s.value(at('u'), b);
      const fd = (dAt(b, u + h) - dAt(b, u - h)) / (2 * h);
      expect(s.local[e * n + b]).toBe(mask[b] / (1 - p));
      expect(Math.abs(fd - mask[b] / (1 - p))).toBeLessThan(1e-6);
    }

    // The kernels: the same step's mask, and dL/dw against central differences of the batch loss.
    const plan = compilePlan(graph);
    const key = dropoutStepKey(5, 3);
    const ws = new Workspace(plan, n);
    xs.forEach((x, b) => (ws.vals[at('x') * n + b] = x));
    ts.forEach((t, b) => (ws.vals[at('t') * n + b] = t));
    const loss = (w: number) => {
      planForward(plan, ws, Float64Array.of(w), n, key);
      let sum = 0;
      for (let b = 0; b < n; b++) sum += ws.vals[at('L') * n + b];
      return sum;
    };
    const pg = new Float64Array(1);
    loss(0.75);
    for (let b = 0; b < n; b++) expect(ws.vals[at('d') * n + b] === 0 ? 0 : 1).toBe(mask[b]);
    planBackward(plan, ws, Float64Array.of(0.75), pg, n, 1, key);
    const fd = (loss(0.75 + 1e-5) - loss(0.75 - 1e-5)) / 2e-5;
    expect(Math.abs(pg[0] - fd)).toBeLessThan(1e-6 * Math.abs(fd));
    // Another step draws another mask.
    planForward(plan, ws, Float64Array.of(0.75), n, dropoutStepKey(5, 4));
    let differ = 0;
    for (let b = 0; b < n; b++) if ((ws.vals[at('d') * n + b] === 0 ? 0 : 1) !== mask[b]) differ++;
    expect(differ).toBeGreaterThan(n / 5);
  });

  it('refuses a rate outside [0, 1), naming the node and the attr', () => {
    const bad = model([input('x', 0), op('d', 'dropout', { rate: 1 })], [['x', 'd', 0]], 'd');
    expect(validateModel(bad).problems.map((p) => p.message)).toContain('Node "d" (dropout): attr "rate" must be a number at least 0 and below 1 (got 1).');
    const layer = { ...mlpModel(), nodes: mlpModel().nodes.map((n) => (n.id === 'net' ? { ...n, attrs: { sizes: [2, 1], dropout: -0.5 } } : n)) };
    expect(validateModel(layer).problems.map((p) => p.message)).toEqual([
      'Node "net" (mlp): attr "dropout" must be a number at least 0 and below 1 (got -0.5).',
    ]);
  });
});
