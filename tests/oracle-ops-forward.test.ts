// Every op's forward against an oracle that shares no code with it. The derivative tests check
// each op's partials against finite differences of the op's own forward, so a wrong forward would
// pass them; here the forward itself meets something independent:
//   - ONNX Runtime running the op's ONNX export in float64 (export/onnx-rules.ts writes each op
//     from ONNX primitives, layer macros as Gemm + activation or as Softmax);
//   - where ONNX Runtime has no float64 kernel (LeakyRelu, Elu, Softplus, Mean), the float32 run
//     to 1e-6 and numbers worked out by hand or from closed forms (HAND) to float64 precision;
//   - expression nodes: formulas against the same formulas written as JavaScript closures;
//   - leaves (input, param, const): the value written in the file.
// Ops are enumerated from the registry, so an op added later is covered or fails here by name.
import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-web';
import onnxProto from 'onnx-proto';
import { buildGraph, expandMacros, isLeafOp, loadExpressionOps, opRegistry, Session, type Model, type OpDef } from '../graph-engine/index.ts';
import { exportOnnx } from '../graph-engine/export/onnx.ts';
import { EXPRESSION_FUNCTIONS } from '../graph-engine/expr/expression.ts';
import { input, model, op } from './support/models.ts';

ort.env.wasm.numThreads = 1;
await loadExpressionOps(); // the registry then holds every op, `expr` included

const { onnx } = onnxProto;
const FLOAT = onnx.TensorProto.DataType.FLOAT;
const DOUBLE = onnx.TensorProto.DataType.DOUBLE;

type Attrs = Record<string, unknown>;
/** One graph per case: `k` inputs wired into the op, evaluated on every row (one sample each). */
interface Case {
  k: number;
  attrs?: Attrs;
  rows: number[][];
}

// ---- inputs ----

/** Float32-exact (so a float32 run sees the same numbers), negatives and zero included. */
const SPAN = [-2.5, -1, -0.375, 0, 0.5, 1, 3.75];
const cross = (a: number[], b: number[]) => a.flatMap((x) => b.map((y) => [x, y]));
/** k ≥ 3 operands: rows mixing SPAN's entries in different orders, ties among them. */
const mixed = (k: number, n = 14) => Array.from({ length: n }, (_, i) => Array.from({ length: k }, (_, j) => SPAN[(i * (2 * j + 1) + j) % SPAN.length]));
const rowsFor = (k: number) => (k === 0 ? [[]] : k === 1 ? SPAN.map((x) => [x]) : k === 2 ? cross(SPAN, SPAN) : mixed(k));

/** Operand counts a generic op is tried with: its fixed ports, or variadic counts around its minimum. */
function arities(op: OpDef): number[] {
  const a = op.arity;
  if (a.kind === 'fixed') return [a.ports.length];
  if (a.kind === 'variadic') {
    const m = a.multipleOf ?? 1;
    const first = Math.max(a.min, m);
    return [...new Set([first, Math.max(first + m, 2), Math.max(first + 2 * m, 3)])].filter((k) => k % m === 0);
  }
  return [];
}

const PROBS = [0, 0.125, 0.5, 0.875, 1];
const LABELS = [0, 0.25, 1];

/** Ops whose domain or attrs need chosen inputs; every other op takes rowsFor(k) for each arity. */
const CASES: Record<string, Case[]> = {
  sqrt: [{ k: 1, rows: [0, 0.25, 0.5, 2, 9, 1024].map((x) => [x]) }],
  log: [{ k: 1, rows: [0.125, 0.5, 1, 2, 10, 1000].map((x) => [x]) }],
  div: [{ k: 2, rows: cross(SPAN, [-2.5, -0.375, 0.5, 4]) }],
  // A positive base with any exponent; a negative or zero base with whole exponents only.
  pow: [{ k: 2, rows: [...cross([0.125, 0.5, 2, 3.75], SPAN), ...cross([-2.5, -1, 0], [0, 1, 2, 3])] }],
  leaky_relu: [
    { k: 1, rows: rowsFor(1) },
    { k: 1, attrs: { alpha: 0.25 }, rows: rowsFor(1) },
  ],
  elu: [
    { k: 1, rows: rowsFor(1) },
    { k: 1, attrs: { alpha: 1.5 }, rows: rowsFor(1) },
  ],
  // Evaluation: the identity at any rate (ONNX Dropout with training_mode false).
  dropout: [
    { k: 1, rows: rowsFor(1) },
    { k: 1, attrs: { rate: 0 }, rows: rowsFor(1) },
    { k: 1, attrs: { rate: 0.9 }, rows: rowsFor(1) },
  ],
  exp: [{ k: 1, rows: [...rowsFor(1), [-40], [40]] }],
  softplus: [{ k: 1, rows: [...rowsFor(1), [-40], [40]] }],
  bce: [{ k: 2, rows: cross(PROBS, LABELS) }],
  bce_with_logits: [{ k: 2, rows: cross([...SPAN, -40, 40], LABELS) }],
  cross_entropy: [
    { k: 2, rows: cross(PROBS, LABELS) },
    {
      k: 4,
      rows: cross(PROBS, PROBS).flatMap(([p1, p2]) => [
        [p1, p2, 1, 0],
        [p1, p2, 0.25, 0.75],
        [p1, p2, 0, 0],
      ]),
    },
  ],
  softmax_cross_entropy: [
    { k: 2, rows: cross(SPAN, LABELS) },
    { k: 4, rows: cross(SPAN, SPAN).map(([z1, z2], i) => [z1, z2, LABELS[i % 3], 1 - LABELS[i % 3]]) },
    { k: 6, rows: mixed(3).map((z, i) => [...z, 1, 0, i % 2 ? 0.5 : 0]) },
  ],
};

/** Layer macros: attrs for every activation a layer may apply, with weights that are float32-exact. */
const W2x3 = [
  [0.5, -1.25, 0.75],
  [-0.375, 1, 2],
];
const LAYER_ACTIVATIONS = ['none', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu', 'step'];
const MACRO_CASES: Record<string, Case[]> = {
  neuron: LAYER_ACTIVATIONS.map((activation) => ({ k: 2, attrs: { activation, w: [0.75, -1.5], b: 0.25 }, rows: rowsFor(2) })),
  dense: LAYER_ACTIVATIONS.flatMap((activation): Case[] => [
    { k: 3, attrs: { units: 2, activation, W: W2x3, b: [0.125, -0.5] }, rows: mixed(3) },
    ...(activation === 'leaky_relu' || activation === 'elu' ? [{ k: 3, attrs: { units: 2, activation, alpha: 0.5, W: W2x3, b: [0, 0] }, rows: mixed(3) }] : []),
  ]).concat({ k: 3, attrs: { units: 2, activation: 'relu', dropout: 0.5, W: W2x3, b: [0.125, -0.5] }, rows: mixed(3) }),
  mlp: [
    {
      k: 3,
      attrs: {
        sizes: [2, 2],
        activation: 'tanh',
        dropout: 0.25,
        outputActivation: 'sigmoid',
        W: [
          W2x3,
          [
            [1.5, -0.5],
            [0.25, 0.75],
          ],
        ],
        b: [
          [0.125, -0.5],
          [0, 0.25],
        ],
      },
      rows: mixed(3),
    },
    {
      k: 2,
      attrs: {
        sizes: [3, 1],
        activation: 'relu',
        W: [
          [
            [1, -1],
            [0.5, 0.5],
            [-2, 0.25],
          ],
          [[1, -1, 0.5]],
        ],
        b: [[0, 0.5, -0.25], [0.125]],
      },
      rows: rowsFor(2),
    },
  ],
  softmax: [
    { k: 2, rows: rowsFor(2) },
    { k: 3, rows: [...mixed(3), [800, 0, -800], [-800, -800, -801]] },
  ],
};

// ---- the second oracle: numbers worked out by hand ----

/** Ops ONNX Runtime cannot run in float64, in float64: inputs, attrs, and the value by hand. */
const E = Math.E;
const HAND: Record<string, { x: number[]; attrs?: Attrs; want: number }[]> = {
  mean: [
    { x: [5], want: 5 },
    { x: [1, 2], want: 1.5 },
    { x: [-3, 0, 6], want: 1 },
    { x: [-2.5, 2.5, 1, -1], want: 0 },
    { x: [0.1, 0.2, 0.3], want: 0.2 },
  ],
  leaky_relu: [
    { x: [2], want: 2 },
    { x: [0], want: 0 },
    { x: [-2], want: -0.02 }, // the default slope, 0.01
    { x: [-4], attrs: { alpha: 0.25 }, want: -1 },
    { x: [-1e-300], want: -1e-302 },
  ],
  elu: [
    { x: [1.5], want: 1.5 },
    { x: [0], want: 0 },
    { x: [-1], want: 1 / E - 1 },
    { x: [-2], attrs: { alpha: 1.5 }, want: 1.5 * (1 / (E * E) - 1) },
    { x: [-1e-10], want: -1e-10 + 5e-21 }, // α(eˣ − 1) ≈ x + x²/2 for tiny x
    { x: [-50], want: -1 },
  ],
  softplus: [
    { x: [0], want: Math.LN2 },
    { x: [1], want: 1.3132616875182228 }, // ln(1 + e)
    { x: [-1], want: 0.31326168751822286 }, // ln(1 + 1/e) = ln(1 + e) − 1
    { x: [40], want: 40 }, // 40 + ln(1 + e⁻⁴⁰), the second term below half an ulp of 40
    { x: [-40], want: 4.248354255291589e-18 }, // ln(1 + e⁻⁴⁰) ≈ e⁻⁴⁰
  ],
  bce_with_logits: [
    { x: [0, 1], want: Math.LN2 },
    { x: [0, 0], want: Math.LN2 },
    { x: [-3, 0.25], want: 0.75 + 0.04858735157374206 }, // −z·y + ln(1 + e⁻³)
    { x: [2, 1], want: 0.1269280110429725 }, // ln(1 + e⁻²)
    { x: [-800, 1], want: 800 },
    { x: [800, 0], want: 800 },
    { x: [800, 1], want: 0 },
  ],
  // Two layer units by hand: z = w·x + b, then the activation (float64 for the ones ONNX Runtime
  // runs only in float32).
  neuron: [
    { x: [1, 2], attrs: { activation: 'elu', w: [0.5, -1], b: 0.25 }, want: Math.exp(-1.25) - 1 },
    { x: [1, 2], attrs: { activation: 'leaky_relu', alpha: 0.1, w: [0.5, -1], b: 0.25 }, want: -0.125 },
  ],
};

/** Formulas over x, y, z and the same formula as a closure; together they use every function. */
const FORMULAS: [string, (x: number, y: number, z: number) => number][] = [
  ['x^2 * sin(y) + exp(-x)', (x, y) => x * x * Math.sin(y) + Math.exp(-x)],
  ['log(abs(x) + 1) / sqrt(y^2 + 1) - cos(z)', (x, y, z) => Math.log(Math.abs(x) + 1) / Math.sqrt(y * y + 1) - Math.cos(z)],
  ['tan(x / 4) * tanh(y) + sigmoid(z)', (x, y, z) => Math.tan(x / 4) * Math.tanh(y) + 1 / (1 + Math.exp(-z))],
  ['pow(abs(x) + 0.5, y) - max(x, y, z) * min(x, -z)', (x, y, z) => (Math.abs(x) + 0.5) ** y - Math.max(x, y, z) * Math.min(x, -z)],
  ['-x * pi + e^y / (1 + z^2)', (x, y, z) => -x * Math.PI + E ** y / (1 + z * z)],
];

// ---- running both sides ----

/** A graph of `k` inputs wired into one op node `out`, its (first) output the loss. */
function oneOp(name: string, k: number, attrs?: Attrs): Model {
  const inputs = Array.from({ length: k }, (_, i) => input(`in${i}`, 0));
  const m = model(
    [...inputs, op('out', name, attrs)],
    inputs.map((n, port) => [n.id, 'out', port]),
  );
  return { ...m, loss: expandMacros(m).macros.get('out')?.outputs[0] ?? 'out' };
}

/** GraphGrad's forward over the rows (sample b = row b): each output node's values, by node id. */
function engine(m: Model, rows: number[][]): Map<string, number[]> {
  const graph = buildGraph(m);
  const s = new Session(graph, rows.length);
  m.nodes
    .filter((n) => n.op === 'input')
    .forEach((n, i) =>
      s.setLeaf(
        graph.indexOf.get(n.id)!,
        rows.map((r) => r[i]),
      ),
    );
  s.forward();
  const outs = graph.macros.get('out')?.outputs ?? ['out'];
  return new Map(outs.map((id) => [id, rows.map((_, b) => s.value(graph.indexOf.get(id)!, b))]));
}

/** The export with every float tensor, initializer and cast made float64 (float attrs stay float32). */
function asFloat64(bytes: Uint8Array): Uint8Array {
  const m = onnx.ModelProto.decode(bytes);
  const g = m.graph!;
  for (const t of g.initializer ?? [])
    if (t.dataType === FLOAT) {
      t.dataType = DOUBLE;
      t.doubleData = t.floatData ?? [];
      t.floatData = [];
    }
  for (const v of [...(g.input ?? []), ...(g.output ?? [])]) if (v.type!.tensorType!.elemType === FLOAT) v.type!.tensorType!.elemType = DOUBLE;
  for (const n of g.node ?? []) if (n.opType === 'Cast') for (const a of n.attribute ?? []) if (a.name === 'to' && Number(a.i) === FLOAT) a.i = DOUBLE;
  return onnx.ModelProto.encode(m).finish();
}

/**
 * Relative agreement asked of a float64 run. ONNX Runtime's own float64 kernels are not all
 * correctly rounded: its Sigmoid is off by 9e-14 at −7.25 (GraphGrad's value is within 2 ulps of
 * the exact one there). A wrong forward misses by far more.
 */
const FLOAT64_TOLERANCE = 1e-12;

const NO_KERNEL = /Could not find an implementation for (\w+)/;

/** ONNX Runtime's values for each output, in float64 when it has the kernels, else float32. */
async function onnxRuntime(m: Model, rows: number[][]): Promise<{ precision: 'float64' | 'float32'; missing?: string; outputs: Map<string, number[]> }> {
  const exp = exportOnnx(m);
  const run = async (bytes: Uint8Array, type: 'float64' | 'float32') => {
    const session = await ort.InferenceSession.create(bytes);
    const feeds: Record<string, ort.Tensor> = {};
    exp.inputs.forEach((name, i) => {
      const column = rows.map((r) => r[i]);
      feeds[name] = new ort.Tensor(type, type === 'float64' ? Float64Array.from(column) : Float32Array.from(column), [rows.length]);
    });
    const result = await session.run(feeds);
    return new Map(exp.outputs.map((o) => [o, Array.from(result[o].data as Float64Array | Float32Array)]));
  };
  try {
    return { precision: 'float64', outputs: await run(asFloat64(exp.bytes), 'float64') };
  } catch (e) {
    const missing = NO_KERNEL.exec(String(e))?.[1];
    if (!missing) throw e;
    for (const r of rows) for (const x of r) expect(Math.fround(x), 'a float32 run needs float32-exact inputs').toBe(x);
    return { precision: 'float32', missing, outputs: await run(exp.bytes, 'float32') };
  }
}

/** Equal as numbers (NaN to NaN, ±0 alike, infinities exactly), else within tol·max(|want|, floor). */
function close(got: number, want: number, tol: number, floor: number, what: string): void {
  if (Number.isNaN(want) || !Number.isFinite(want)) {
    expect(got, what).toBe(want);
    return;
  }
  expect(Math.abs(got - want), `${what}: got ${got}, want ${want}`).toBeLessThanOrEqual(tol * Math.max(Math.abs(want), floor));
}

const label = (op: string, c: Case) => `${op}(${c.k} operand${c.k === 1 ? '' : 's'}${c.attrs ? `, ${JSON.stringify(c.attrs)}` : ''})`;

// ---- the tests ----

type Oracle = 'file value' | 'ONNX Runtime' | 'JavaScript closures';
function oracleOf(op: OpDef): Oracle | undefined {
  if (isLeafOp(op)) return 'file value';
  if (op.macro) return MACRO_CASES[op.name] ? 'ONNX Runtime' : undefined;
  if (op.onnx) return 'ONNX Runtime';
  if (op.instantiate && op.name === 'expr') return 'JavaScript closures';
  return undefined;
}

const ops = [...opRegistry.values()];

describe('every op in the registry has an independent forward oracle', () => {
  it.each(ops.map((op) => [op.name, op] as const))('%s', (_name, op) => checkOp(op));

  it('names only ops that exist in its tables', () => {
    const tables = { CASES, MACRO_CASES, HAND };
    for (const [table, entries] of Object.entries(tables))
      expect(
        Object.keys(entries).filter((n) => !opRegistry.has(n)),
        table,
      ).toEqual([]);
  });

  it('an op with no oracle fails by name', async () => {
    const made: OpDef = { ...opRegistry.get('neg')!, name: 'made_up', onnx: undefined };
    await expect(checkOp(made)).rejects.toThrow('op "made_up" has no independent forward oracle');
    const layer: OpDef = { ...opRegistry.get('dense')!, name: 'made_up_layer' };
    await expect(checkOp(layer)).rejects.toThrow('op "made_up_layer" has no independent forward oracle');
  });
});

async function checkOp(op: OpDef): Promise<void> {
  const name = op.name;
  const oracle = oracleOf(op);
  if (!oracle)
    throw new Error(
      `op "${name}" has no independent forward oracle: give it an ONNX rule, or (for a layer macro) cases in MACRO_CASES, or hand-worked cases here.`,
    );
  if (oracle === 'file value') return checkLeaf(name);
  if (oracle === 'JavaScript closures') return checkFormulas();
  const cases = MACRO_CASES[name] ?? CASES[name] ?? arities(op).map((k) => ({ k, rows: rowsFor(k) }));
  expect(cases.length, `op "${name}" has no operand count to try`).toBeGreaterThan(0);
  const float32Only = new Set<string>();
  for (const c of cases) {
    const m = oneOp(name, c.k, c.attrs);
    const mine = engine(m, c.rows);
    const theirs = await onnxRuntime(m, c.rows);
    // The export also outputs what feeds the loss: a layer's activations before its dropout.
    const extra = new Set([...mine.keys()].filter((id) => /\/d\d+$/.test(id)).map((id) => id.replace(/\/d(\d+)$/, '/a$1')));
    expect([...theirs.outputs.keys()].filter((o) => !extra.has(o)).sort(), `${label(name, c)}: ONNX outputs`).toEqual([...mine.keys()].sort());
    let finite = 0;
    for (const [id, want] of mine)
      want.forEach((w, b) => {
        const what = `${label(name, c)} at ${JSON.stringify(c.rows[b])}, output ${id}: ONNX Runtime (${theirs.precision}) vs GraphGrad`;
        if (theirs.precision === 'float64') close(theirs.outputs.get(id)![b], w, FLOAT64_TOLERANCE, 1e-300, what);
        else close(theirs.outputs.get(id)![b], w, 1e-6, 1, what);
        if (Number.isFinite(w)) finite++;
      });
    // Inputs outside the op's domain give NaN on both sides and prove nothing: most must be inside.
    expect(finite, `${label(name, c)}: too few rows give a finite value; choose inputs in the op's domain (CASES)`).toBeGreaterThan(c.rows.length / 2);
    if (theirs.missing && !op.macro) float32Only.add(theirs.missing);
  }
  if (float32Only.size) {
    // ONNX Runtime checked the op only to float32's 1e-6: the float64 digits need the hand oracle.
    const hand = HAND[name];
    if (!hand?.length)
      throw new Error(`op "${name}": ONNX Runtime has no float64 kernel for ${[...float32Only].join(', ')}, so it needs hand-worked float64 cases in HAND.`);
  }
  for (const h of HAND[name] ?? []) {
    const [got] = engine(oneOp(name, h.x.length, h.attrs), [h.x]).values();
    close(got[0], h.want, 2e-15, 1e-300, `${name}${JSON.stringify(h.x)}${h.attrs ? ` ${JSON.stringify(h.attrs)}` : ''} by hand`);
  }
}

/** A leaf computes nothing: its value is what the file (or, for an input, the bound data) says. */
function checkLeaf(name: string): void {
  const values = [-2.5, -0, 0, 1e-300, 3.75, 1e300];
  for (const value of values) {
    const m = model([{ id: 'leaf', op: name, value }], [], 'leaf');
    const s = new Session(buildGraph(m), 2);
    s.forward();
    expect(Object.is(s.value(0, 0), value) && Object.is(s.value(0, 1), value), `${name} with value ${value}`).toBe(true);
  }
}

const POINTS = [
  [0.5, -1.25, 2],
  [-2, 0.75, -0.5],
  [3, 1.5, 0],
  [0, -0.25, 1],
];
function checkFormulas(): void {
  const used = new Set(FORMULAS.flatMap(([f]) => [...f.matchAll(/([a-z]+)\(/g)].map((m) => m[1])));
  expect(
    EXPRESSION_FUNCTIONS.filter((f) => !used.has(f)),
    'every expression function appears in some formula',
  ).toEqual([]);
  for (const [formula, closure] of FORMULAS) {
    const m = model(
      [...['x', 'y', 'z'].map((id) => input(id, 0)), op('out', 'expr', { expression: formula, variables: ['x', 'y', 'z'] })],
      ['x', 'y', 'z'].map((source, port) => [source, 'out', port]),
      'out',
    );
    const got = engine(m, POINTS).get('out')!;
    POINTS.forEach((p, b) => close(got[b], closure(p[0], p[1], p[2]), 1e-14, 1, `${formula} at ${JSON.stringify(p)}`));
  }
}
