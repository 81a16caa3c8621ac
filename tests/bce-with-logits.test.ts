// bce_with_logits: PyTorch's BCEWithLogitsLoss as one op. Values and gradients at extreme logits
// worked out by hand, the compiled training kernel against the teaching Session, training against
// sigmoid + bce, loss recognition, and ONNX Runtime / PyTorch export.
import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-web';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildGraph,
  compilePlan,
  createTrainer,
  lossRoles,
  opRegistry,
  planBackward,
  planForward,
  Session,
  Workspace,
  type Model,
} from '../graph-engine/index.ts';
import { exportOnnx } from '../graph-engine/export/onnx.ts';
import { exportPytorch } from '../graph-engine/export/pytorch.ts';
import { loadSample } from './support/load-sample.ts';

ort.env.wasm.numThreads = 1;
const op = opRegistry.get('bce_with_logits')!;

/*
 * By hand: L(z, y) = max(z, 0) − z·y + ln(1 + e^(−|z|)), dL/dz = σ(z) − y, dL/dy = −z.
 * Let ε = e^(−30) = 9.3576229688401746e−14 (30-digit decimal: Python's decimal module). Then
 * ln(1 + ε) = ε − ε²/2 + … = 9.3576229688397368e−14 and σ(−30) = ε/(1 + ε) = 9.3576229688392990e−14,
 * σ(30) = 1 − σ(−30). e^(−800) underflows to 0 in float64 and matters to no digit below.
 *   z = −800: L = 800·y            dL/dz = −y                dL/dy = 800
 *   z =  −30: L = 30·y + ln(1+ε)   dL/dz = σ(−30) − y        dL/dy = 30
 *   z =    0: L = ln 2             dL/dz = ½ − y             dL/dy = 0
 *   z =   30: L = 30(1−y) + ln(1+ε) dL/dz = 1 − y − σ(−30)   dL/dy = −30
 *   z =  800: L = 800(1−y)         dL/dz = 1 − y             dL/dy = −800
 * With y = 0.3 (the double nearest 0.3), 30·y = 9, 800·y = 240, 30(1−y) = 21, 800(1−y) = 560 to 1e−15.
 */
const LN1P_EPS = 9.3576229688397368e-14;
const SIG_M30 = 9.357622968839299e-14;
const CASES: { z: number; y: number; L: number; dz: number; dy: number }[] = [];
for (const y of [0, 1, 0.3]) {
  CASES.push(
    { z: -800, y, L: 800 * y, dz: -y, dy: 800 },
    { z: -30, y, L: 30 * y + LN1P_EPS, dz: SIG_M30 - y, dy: 30 },
    { z: 0, y, L: Math.LN2, dz: 0.5 - y, dy: 0 },
    { z: 30, y, L: 30 * (1 - y) + LN1P_EPS, dz: 1 - y - SIG_M30, dy: -30 },
    { z: 800, y, L: 800 * (1 - y), dz: 1 - y, dy: -800 },
  );
}
/** |got − want| within a few ulps of the result (or of 1e−300 where the result is 0). */
const near = (got: number, want: number, what: string) =>
  expect(Math.abs(got - want), `${what}: ${got}, want ${want}`).toBeLessThanOrEqual(4e-16 * Math.abs(want) + 1e-300);

describe('bce_with_logits values and gradients', () => {
  it.each(CASES)('z = $z, y = $y', ({ z, y, L, dz, dy }) => {
    const loss = op.forward([z, y], 2, {});
    near(loss, L, 'loss');
    near(op.partial([z, y], 2, loss, 0, {}), dz, 'dL/dz');
    near(op.partial([z, y], 2, loss, 1, {}), dy, 'dL/dy');
  });

  it('is what sigmoid then bce should give, where that composition is accurate (|z| ≤ 10)', () => {
    const sigmoid = opRegistry.get('sigmoid')!;
    const bce = opRegistry.get('bce')!;
    for (let z = -10; z <= 10; z += 0.37) {
      for (const y of [0, 0.25, 1]) {
        const p = sigmoid.forward([z], 1, {});
        const want = bce.forward([p, y], 2, {});
        expect(Math.abs(op.forward([z, y], 2, {}) - want)).toBeLessThan(1e-10 * Math.max(1, want));
        const slope = bce.partial([p, y], 2, want, 0, {}) * sigmoid.partial([z], 1, p, 0, {});
        expect(Math.abs(op.partial([z, y], 2, want, 0, {}) - slope)).toBeLessThan(1e-9);
      }
    }
  });

  it('is a full registry entry: ports (z, y), a Losses palette entry, LaTeX, ONNX and PyTorch rules', () => {
    expect(op.arity).toEqual({ kind: 'fixed', ports: ['z', 'y'] });
    expect(op.category).toBe('Losses');
    expect(op.latex.value(['z', 'y'], {})).toBe('\\max(z, 0) - z\\,y + \\ln\\left(1 + e^{-\\left|z\\right|}\\right)');
    expect(op.latex.partial(['z', 'y'], 0, 'L', {})).toBe('\\sigma(z) - y');
    expect(op.latex.partial(['z', 'y'], 1, 'L', {})).toBe('-z');
    expect(op.onnx).toBeDefined();
    expect(op.torch!(['a', 'b'], {})).toBe('F.binary_cross_entropy_with_logits(a, b, reduction="none")');
  });
});

/** The pass-exam logistic regression with its sigmoid moved into the loss: neuron (no activation) -> bce_with_logits. */
function logitsModel(): Model {
  const m = loadSample('pass-exam');
  return {
    ...m,
    nodes: m.nodes.map((n) => (n.id === 'n' ? { ...n, attrs: { activation: 'none' } } : n.id === 'L' ? { ...n, op: 'bce_with_logits' } : n)),
  };
}

describe('bce_with_logits in training', () => {
  it("the compiled kernel gives the Session's values and gradients over a batch spanning z = −800..800", () => {
    const m: Model = {
      format: 'graphgrad',
      version: 1,
      loss: 'L',
      nodes: [
        { id: 'x', op: 'input', value: 0 },
        { id: 'w', op: 'param', value: 1 },
        { id: 'z', op: 'mul' },
        { id: 'y', op: 'input', value: 0 },
        { id: 'L', op: 'bce_with_logits' },
      ],
      edges: [
        { source: 'w', target: 'z', port: 0 },
        { source: 'x', target: 'z', port: 1 },
        { source: 'z', target: 'L', port: 0 },
        { source: 'y', target: 'L', port: 1 },
      ],
    };
    const graph = buildGraph(m);
    const xs = CASES.map((c) => c.z);
    const ys = CASES.map((c) => c.y);
    const B = xs.length;
    const s = new Session(graph, B);
    s.setLeaf(graph.indexOf.get('x')!, xs);
    s.setLeaf(graph.indexOf.get('y')!, ys);
    s.forward();
    s.backward();
    const plan = compilePlan(graph);
    const ws = new Workspace(plan, B);
    xs.forEach((v, b) => (ws.vals[graph.indexOf.get('x')! * B + b] = v));
    ys.forEach((v, b) => (ws.vals[graph.indexOf.get('y')! * B + b] = v));
    const params = Float64Array.of(1);
    const pg = new Float64Array(1);
    planForward(plan, ws, params, B);
    planBackward(plan, ws, params, pg, B, 1);
    const L = graph.indexOf.get('L')!;
    const z = graph.indexOf.get('z')!;
    CASES.forEach((c, b) => {
      expect(ws.vals[L * B + b]).toBe(s.value(L, b));
      near(ws.vals[L * B + b], c.L, `L at z = ${c.z}, y = ${c.y}`);
      expect(ws.grads[z * B + b]).toBe(s.grad(z, b));
    });
    // dL/dw = Σ_b dL/dz_b · x_b
    let g = 0;
    for (let b = 0; b < B; b++) g += s.grad(z, b) * xs[b];
    expect(pg[0]).toBeCloseTo(g, 9);
  });

  it('trains the pass-exam logistic regression exactly as sigmoid + bce does', () => {
    const a = createTrainer(loadSample('pass-exam'));
    const b = createTrainer(logitsModel());
    const ha = a.run();
    const hb = b.run();
    expect(hb.length).toBe(ha.length);
    expect(hb.at(-1)!.train.loss).toBeLessThan(ha[0].train.loss * 0.9);
    hb.forEach((e, i) => {
      expect(e.train.loss).toBeCloseTo(ha[i].train.loss, 9);
      expect(e.train.accuracy).toBe(ha[i].train.accuracy);
      expect(e.test?.accuracy).toBe(ha[i].test?.accuracy);
    });
    expect(hb.at(-1)!.train.accuracy).toBeGreaterThan(0.8);
    for (const [k, v] of Object.entries(a.getParams())) expect(b.getParams()[k]).toBeCloseTo(v, 8);
  });

  it('is recognised as a loss: z the prediction (a logit), y the target, a classification task', () => {
    const m = logitsModel();
    const graph = buildGraph(m);
    const roles = lossRoles(graph)!;
    expect(roles.predictions.map((n) => graph.nodes[n].id)).toEqual(['n/z']);
    expect(roles.targets.map((n) => graph.nodes[n].id)).toEqual(['pass']);
    expect(roles.logits).toBe(true);
    expect(lossRoles(buildGraph(loadSample('pass-exam')))!.logits).toBe(false);
    expect(createTrainer(m).task).toBe('classification');
  });
});

describe('bce_with_logits export', () => {
  const zs = [-800, -30, -2, 0, 0.5, 30, 800];
  const ys = [1, 0.3, 0, 1, 0.3, 0, 0.3];
  const model: Model = {
    format: 'graphgrad',
    version: 1,
    loss: 'L',
    nodes: [
      { id: 'z', op: 'input', value: 1 },
      { id: 'y', op: 'input', value: 1 },
      { id: 'L', op: 'bce_with_logits' },
    ],
    edges: [
      { source: 'z', target: 'L', port: 0 },
      { source: 'y', target: 'L', port: 1 },
    ],
  };
  it("runs in ONNX Runtime with the engine's values (float32) for logits from −800 to 800", async () => {
    const exp = exportOnnx(model);
    const session = await ort.InferenceSession.create(exp.bytes);
    const out = await session.run({
      z: new ort.Tensor('float32', Float32Array.from(zs), [zs.length]),
      y: new ort.Tensor('float32', Float32Array.from(ys), [ys.length]),
    });
    const got = out.L.data as Float32Array;
    zs.forEach((z, b) => {
      const want = op.forward([z, Math.fround(ys[b])], 2, {});
      expect(Math.abs(got[b] - want), `z = ${z}: onnx ${got[b]}, engine ${want}`).toBeLessThanOrEqual(1e-6 * Math.max(1, want));
    });
  });
  it('writes F.binary_cross_entropy_with_logits in a PyTorch script that parses', () => {
    const script = exportPytorch(model);
    expect(script).toContain('v["L"] = F.binary_cross_entropy_with_logits(v["z"], v["y"], reduction="none")');
    const path = join(mkdtempSync(join(tmpdir(), 'graphgrad-bwl-')), 'model.py');
    writeFileSync(path, script);
    execFileSync('python3', ['-m', 'py_compile', path]);
  });
});
