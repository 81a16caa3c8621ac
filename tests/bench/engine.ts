/**
 * `npm run bench`: training speed of the GraphGrad engine on the spiral job (2-8-8-1 tanh, mse on
 * -1/+1 labels, 500 points, noise 0, batch 10, SGD lr 0.03), side by side in the same run with
 *   - a hand-written Float64Array 2-8-8-1 kernel (the speed to match), and
 *   - a deliberately naive object-per-scalar autograd, micrograd style (the speed to beat by 50x);
 * then how GraphGrad's time grows with hidden width (8, 32, 96) and with graph size (depth).
 * Figures are the median of several runs; µs per sample-step = time / (epochs x samples).
 * A benchmark, not a test: nothing here asserts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseModelText, type Model } from '../../graph-engine/core/model.ts';
import { createTrainer } from '../../graph-engine/train/create.ts';
import { expandMacros } from '../../graph-engine/macros/expand.ts';
import { makeDataset } from '../../graph-engine/data/registry.ts';
import { mulberry32, rngFor, shuffle } from '../../graph-engine/core/random.ts';

const POINTS = 500;
const BATCH = 10;
const LR = 0.03;
const RUNS = 7;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function loadSpiral(): Model {
  const path = fileURLToPath(new URL('../../samples/spiral-mlp.json', import.meta.url));
  return parseModelText(readFileSync(path, 'utf8')).model!;
}

const overrides = { points: POINTS, noise: 0, batchSize: BATCH, lr: LR, optimizer: 'sgd' as const, testRatio: 0, labels: 'pm1' as const };

/** Median µs per sample-step of `epochs` epochs, after one warm-up run. */
function time(run: () => void, samplesPerRun: number): number {
  run();
  const us: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    run();
    us.push(((performance.now() - t0) * 1000) / samplesPerRun);
  }
  return median(us);
}

// ---- GraphGrad ----

function graphgrad(model: Model, epochs: number): { us: number; nodes: number } {
  const tr = createTrainer(model, { overrides: { ...overrides, epochs: 1_000_000 } });
  const us = time(() => {
    for (let e = 0; e < epochs; e++) tr.trainEpoch(false);
  }, epochs * tr.split.train.length);
  return { us, nodes: tr.graph.nodes.length };
}

// ---- hand-written kernel: 2-H-H-1 tanh, per-sample loops over Float64Arrays ----

function handKernel(H: number, epochs: number): number {
  const ds = makeDataset('spiral', { points: POINTS, noise: 0, labels: 'pm1' });
  const X1 = ds.data[0];
  const X2 = ds.data[1];
  const Y = ds.data[ds.columns.indexOf('y')];
  const rng = mulberry32(1);
  const init = (n: number, fanIn: number, fanOut: number) => Float64Array.from({ length: n }, () => (2 * rng() - 1) * Math.sqrt(6 / (fanIn + fanOut)));
  const W1 = init(H * 2, 2, H),
    b1 = new Float64Array(H),
    W2 = init(H * H, H, H),
    b2 = new Float64Array(H),
    W3 = init(H, H, 1);
  let b3 = 0;
  const gW1 = new Float64Array(H * 2),
    gb1 = new Float64Array(H),
    gW2 = new Float64Array(H * H),
    gb2 = new Float64Array(H),
    gW3 = new Float64Array(H);
  const a1 = new Float64Array(H),
    a2 = new Float64Array(H),
    d1 = new Float64Array(H),
    d2 = new Float64Array(H);
  const order = Int32Array.from({ length: POINTS }, (_, i) => i);
  const shuffleRng = rngFor(0, 'shuffle');
  const epoch = () => {
    shuffle(order, shuffleRng);
    for (let start = 0; start < POINTS; start += BATCH) {
      const n = Math.min(BATCH, POINTS - start);
      gW1.fill(0);
      gb1.fill(0);
      gW2.fill(0);
      gb2.fill(0);
      gW3.fill(0);
      let gb3 = 0;
      for (let s = start; s < start + n; s++) {
        const r = order[s];
        const x1 = X1[r],
          x2 = X2[r];
        for (let j = 0; j < H; j++) a1[j] = Math.tanh(W1[j * 2] * x1 + W1[j * 2 + 1] * x2 + b1[j]);
        for (let j = 0; j < H; j++) {
          let z = b2[j];
          for (let i = 0; i < H; i++) z += W2[j * H + i] * a1[i];
          a2[j] = Math.tanh(z);
        }
        let z3 = b3;
        for (let i = 0; i < H; i++) z3 += W3[i] * a2[i];
        const out = Math.tanh(z3);
        const dz3 = ((2 * (out - Y[r])) / n) * (1 - out * out);
        gb3 += dz3;
        for (let i = 0; i < H; i++) {
          gW3[i] += dz3 * a2[i];
          d2[i] = dz3 * W3[i] * (1 - a2[i] * a2[i]);
        }
        d1.fill(0);
        for (let j = 0; j < H; j++) {
          gb2[j] += d2[j];
          for (let i = 0; i < H; i++) {
            gW2[j * H + i] += d2[j] * a1[i];
            d1[i] += d2[j] * W2[j * H + i];
          }
        }
        for (let j = 0; j < H; j++) {
          const d = d1[j] * (1 - a1[j] * a1[j]);
          gb1[j] += d;
          gW1[j * 2] += d * x1;
          gW1[j * 2 + 1] += d * x2;
        }
      }
      for (let i = 0; i < W1.length; i++) W1[i] -= LR * gW1[i];
      for (let i = 0; i < H; i++) {
        b1[i] -= LR * gb1[i];
        b2[i] -= LR * gb2[i];
        W3[i] -= LR * gW3[i];
      }
      for (let i = 0; i < W2.length; i++) W2[i] -= LR * gW2[i];
      b3 -= LR * gb3;
    }
  };
  return time(() => {
    for (let e = 0; e < epochs; e++) epoch();
  }, epochs * POINTS);
}

// ---- naive autograd: one object per scalar, closures, a fresh graph and topological sort per step ----

class Value {
  grad = 0;
  backwardFn: () => void = () => {};
  constructor(
    public data: number,
    public children: Value[] = [],
  ) {}
  add(o: Value): Value {
    const out = new Value(this.data + o.data, [this, o]);
    out.backwardFn = () => {
      this.grad += out.grad;
      o.grad += out.grad;
    };
    return out;
  }
  mul(o: Value): Value {
    const out = new Value(this.data * o.data, [this, o]);
    out.backwardFn = () => {
      this.grad += o.data * out.grad;
      o.grad += this.data * out.grad;
    };
    return out;
  }
  sub(o: Value): Value {
    const out = new Value(this.data - o.data, [this, o]);
    out.backwardFn = () => {
      this.grad += out.grad;
      o.grad -= out.grad;
    };
    return out;
  }
  tanh(): Value {
    const t = Math.tanh(this.data);
    const out = new Value(t, [this]);
    out.backwardFn = () => {
      this.grad += (1 - t * t) * out.grad;
    };
    return out;
  }
  scale(k: number): Value {
    const out = new Value(this.data * k, [this]);
    out.backwardFn = () => {
      this.grad += k * out.grad;
    };
    return out;
  }
  backward(): void {
    const topo: Value[] = [];
    const seen = new Set<Value>();
    const build = (v: Value) => {
      if (seen.has(v)) return;
      seen.add(v);
      for (const c of v.children) build(c);
      topo.push(v);
    };
    build(this);
    this.grad = 1;
    for (let i = topo.length - 1; i >= 0; i--) topo[i].backwardFn();
  }
}

function naive(epochs: number): number {
  const ds = makeDataset('spiral', { points: POINTS, noise: 0, labels: 'pm1' });
  const rng = mulberry32(1);
  const layer = (k: number, u: number) =>
    Array.from({ length: u }, () => ({ w: Array.from({ length: k }, () => new Value((2 * rng() - 1) * Math.sqrt(6 / (k + u)))), b: new Value(0) }));
  const layers = [layer(2, 8), layer(8, 8), layer(8, 1)];
  const params = layers.flat().flatMap((n) => [...n.w, n.b]);
  const order = Array.from({ length: POINTS }, (_, i) => i);
  const shuffleRng = rngFor(0, 'shuffle');
  const epoch = () => {
    shuffle(order, shuffleRng);
    for (let start = 0; start < POINTS; start += BATCH) {
      const n = Math.min(BATCH, POINTS - start);
      let loss = new Value(0);
      for (let s = start; s < start + n; s++) {
        const r = order[s];
        let act = [new Value(ds.data[0][r]), new Value(ds.data[1][r])];
        for (const l of layers) act = l.map((u) => u.w.reduce((z, w, i) => z.add(w.mul(act[i])), u.b).tanh());
        const d = act[0].sub(new Value(ds.data[2][r]));
        loss = loss.add(d.mul(d));
      }
      for (const p of params) p.grad = 0;
      loss.scale(1 / n).backward();
      for (const p of params) p.data -= LR * p.grad;
    }
  };
  return time(() => {
    for (let e = 0; e < epochs; e++) epoch();
  }, epochs * POINTS);
}

// ---- report ----

const pad = (s: string, n: number) => s.padEnd(n);
const fmt = (us: number) => us.toFixed(3);
const eps = (us: number) => (1e6 / (us * POINTS)).toFixed(0);

function withWidth(model: Model, width: number, depth = 2): Model {
  return { ...model, nodes: model.nodes.map((n) => (n.op === 'mlp' ? { ...n, attrs: { ...n.attrs, sizes: [...Array(depth).fill(width), 1] } } : n)) };
}

const spiral = loadSpiral();
console.log(`GraphGrad engine benchmark: spiral ${POINTS} points, noise 0, batch ${BATCH}, SGD lr ${LR}; median of ${RUNS} runs (Node ${process.version})\n`);

const gg = graphgrad(spiral, 40);
const unfused = graphgrad(expandMacros(spiral).model, 20);
const hand = handKernel(8, 40);
const slow = naive(2);
const rows: [string, number, string][] = [
  ['GraphGrad plan (fused layers)', gg.us, `${gg.nodes} nodes`],
  ['GraphGrad plan, macros pre-expanded (no fusion)', unfused.us, `${unfused.nodes} nodes`],
  ['hand-written Float64Array kernel', hand, ''],
  ['naive object-per-scalar autograd', slow, ''],
];
console.log(`${pad('2-8-8-1 tanh', 50)}${pad('µs/sample-step', 16)}${pad('epochs/s', 10)}vs GraphGrad`);
console.log('-'.repeat(90));
for (const [name, us, note] of rows)
  console.log(`${pad(name, 50)}${pad(fmt(us), 16)}${pad(eps(us), 10)}${(us / gg.us).toFixed(2)}x ${note ? ` (${note})` : ''}`);
console.log(`\nGraphGrad / hand kernel: ${(gg.us / hand).toFixed(2)}x (target <= 1.5x); naive / GraphGrad: ${(slow / gg.us).toFixed(0)}x (target >= 50x)\n`);

console.log(`${pad('scaling: 2-W-W-1 tanh', 30)}${pad('nodes', 8)}${pad('GraphGrad µs', 14)}${pad('hand µs', 10)}ratio`);
console.log('-'.repeat(70));
// 96 is the widest two-hidden-layer net under the 20,000-node model limit (128 expands to 34,307).
for (const width of [8, 32, 96]) {
  const epochs = width === 96 ? 3 : width === 32 ? 8 : 40;
  const g = graphgrad(withWidth(spiral, width), epochs);
  const h = handKernel(width, epochs);
  console.log(`${pad(`W = ${width}`, 30)}${pad(String(g.nodes), 8)}${pad(fmt(g.us), 14)}${pad(fmt(h), 10)}${(g.us / h).toFixed(2)}x`);
}

console.log(`\n${pad('scaling: depth (tanh layers of 8)', 36)}${pad('nodes', 8)}${pad('µs/sample-step', 16)}ns per node`);
console.log('-'.repeat(72));
for (const depth of [1, 2, 4, 8, 16]) {
  const g = graphgrad(withWidth(spiral, 8, depth), 20);
  console.log(
    `${pad(`${depth} hidden layer${depth > 1 ? 's' : ''}`, 36)}${pad(String(g.nodes), 8)}${pad(fmt(g.us), 16)}${((g.us * 1000) / g.nodes).toFixed(1)}`,
  );
}
