/**
 * Fully connected macros: neuron, dense, mlp. Each unit j expands to
 *   m{j}_{i} = w{j}_{i} * x_i,   z{j} = m{j}_0 + ... + m{j}_{k-1} + b{j},   a{j} = act(z{j})
 * (no a{j} for activation 'none'), so the teaching stepper shows every multiply and sum.
 * Parameters are read from attrs when stored, else drawn from the seeded init (activation.ts).
 */
import { activationAlpha, checkActivation, initLimit, isActivation } from './activation.ts';
import type { MacroBuilder, MacroDef, MacroSize, RawAttrs, Source } from './types.ts';
import { countText } from '../core/limits.ts';

type Naming = {
  w: (j: number, i: number) => string;
  b: (j: number) => string;
  m: (j: number, i: number) => string;
  z: (j: number) => string;
  a: (j: number) => string;
};

const unitNaming = (prefix: string): Naming => ({
  w: (j, i) => `${prefix}w${j}_${i}`,
  b: (j) => `${prefix}b${j}`,
  m: (j, i) => `${prefix}m${j}_${i}`,
  z: (j) => `${prefix}z${j}`,
  a: (j) => `${prefix}a${j}`,
});

const neuronNaming: Naming = { w: (_j, i) => `w${i}`, b: () => 'b', m: (_j, i) => `m${i}`, z: () => 'z', a: () => 'a' };

const COLS_PER_LAYER = 4; // params, products, sums, activations

interface LayerArgs {
  inputs: Source[];
  units: number;
  activation: string;
  alpha: number;
  W?: number[][];
  b?: number[];
  naming: Naming;
  col: number;
}

/** Adds one fully connected layer; returns the local ids of its outputs. */
function buildLayer(bld: MacroBuilder, l: LayerArgs): string[] {
  const k = l.inputs.length;
  const limit = initLimit(l.activation, k, l.units);
  const W: string[][] = [];
  const b: string[] = [];
  const z: string[] = [];
  const out: string[] = [];
  for (let j = 0; j < l.units; j++) {
    const top = j * (k + 1);
    const row: string[] = [];
    const terms: string[] = [];
    for (let i = 0; i < k; i++) {
      const w = bld.node(l.naming.w(j, i), 'param', { col: l.col, row: top + i }, { value: l.W?.[j]?.[i] ?? bld.uniform(limit) });
      const m = bld.node(l.naming.m(j, i), 'mul', { col: l.col + 1, row: top + i });
      bld.edge(w, m, 0);
      bld.edge(l.inputs[i], m, 1);
      row.push(w);
      terms.push(m);
    }
    const bias = bld.node(l.naming.b(j), 'param', { col: l.col + 1, row: top + k }, { value: l.b?.[j] ?? 0 });
    const sum = bld.node(l.naming.z(j), 'add', { col: l.col + 2, row: top + k / 2 });
    terms.forEach((m, i) => bld.edge(m, sum, i));
    bld.edge(bias, sum, k);
    W.push(row);
    b.push(bias);
    z.push(sum);
    if (l.activation === 'none') {
      out.push(sum);
      continue;
    }
    const attrs = l.activation === 'leaky_relu' || l.activation === 'elu' ? { alpha: l.alpha } : undefined;
    const act = bld.node(l.naming.a(j), l.activation, { col: l.col + 3, row: top + k / 2 }, { attrs });
    bld.edge(sum, act, 0);
    out.push(act);
  }
  bld.layer({ inputs: l.inputs, W, b, z, out, activation: l.activation, alpha: l.alpha });
  return out;
}

/**
 * What buildLayer adds for k inputs and `units` units, without building it. Per unit: k weights and
 * k products, a bias and a sum, and an activation unless it is 'none'; edges: 2 into each product,
 * k + 1 into the sum, 1 into the activation.
 */
function layerSize(k: number, units: number, activation: string): Omit<MacroSize, 'shape'> {
  const a = activation === 'none' ? 0 : 1;
  return { nodes: units * (2 * k + 2 + a), edges: units * (3 * k + 1 + a), params: units * (k + 1) };
}

const plural = (n: number, word: string) => `${countText(n)} ${word}${n === 1 ? '' : 's'}`;

const inputsOf = (k: number): Source[] => Array.from({ length: k }, (_, i) => ({ input: i }));

// ---- attr checks ----

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function checkVector(v: unknown, attr: string, length: number): string | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || !v.every(isFiniteNumber)) return `attr "${attr}" must be an array of finite numbers`;
  if (v.length !== length) return `attr "${attr}" has ${v.length} entries, expected ${length}`;
  return undefined;
}

function checkMatrix(v: unknown, attr: string, rows: number, cols: number): string | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || !v.every((r) => Array.isArray(r) && r.every(isFiniteNumber))) return `attr "${attr}" must be an array of rows of finite numbers`;
  if (v.length !== rows) return `attr "${attr}" has ${v.length} rows, expected ${rows} (one per unit)`;
  const bad = (v as number[][]).findIndex((r) => r.length !== cols);
  if (bad >= 0) return `attr "${attr}" row ${bad} has ${(v as number[][])[bad].length} entries, expected ${cols} (one per input)`;
  return undefined;
}

const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 1;

const present = (xs: (string | undefined)[]) => xs.filter((x): x is string => x !== undefined);

// ---- neuron ----

const neuronActivation = (a: RawAttrs) => (isActivation(a.activation) ? a.activation : 'sigmoid');

export const neuron: MacroDef = {
  outputCount: () => 1,
  outputName: () => 'a',
  paramAttrs: ['w', 'b'],
  storedInputs: (a) => (Array.isArray(a.w) ? a.w.length : undefined),
  check: (a, k) =>
    present([
      checkActivation(a.activation, 'activation'),
      checkVector(a.w, 'w', k),
      a.b !== undefined && !isFiniteNumber(a.b) ? 'attr "b" must be a finite number' : undefined,
    ]),
  size: (a, k) => ({ ...layerSize(k, 1, neuronActivation(a)), shape: `1 unit on ${plural(k, 'input')}` }),
  expand(bld, a, k) {
    const activation = neuronActivation(a);
    const [out] = buildLayer(bld, {
      inputs: inputsOf(k),
      units: 1,
      activation,
      alpha: activationAlpha(activation, a),
      W: Array.isArray(a.w) ? [a.w as number[]] : undefined,
      b: isFiniteNumber(a.b) ? [a.b] : undefined,
      naming: neuronNaming,
      col: 0,
    });
    bld.output(0, out);
  },
  readParams: (a, k, value) => ({ ...a, w: Array.from({ length: k }, (_, i) => value(neuronNaming.w(0, i))), b: value('b') }),
};

// ---- dense ----

const denseUnits = (a: RawAttrs) => (isCount(a.units) ? (a.units as number) : 1);
const denseActivation = (a: RawAttrs) => (isActivation(a.activation) ? a.activation : 'none');

export const dense: MacroDef = {
  outputCount: denseUnits,
  outputName: (p) => `a${p}`,
  paramAttrs: ['W', 'b'],
  storedInputs: (a) => (Array.isArray(a.W) && Array.isArray(a.W[0]) ? (a.W[0] as unknown[]).length : undefined),
  check: (a, k) => {
    if (a.units !== undefined && !isCount(a.units)) return ['attr "units" must be a whole number of at least 1'];
    const u = denseUnits(a);
    return present([checkActivation(a.activation, 'activation'), checkMatrix(a.W, 'W', u, k), checkVector(a.b, 'b', u)]);
  },
  size: (a, k) => ({ ...layerSize(k, denseUnits(a), denseActivation(a)), shape: `${plural(denseUnits(a), 'unit')} on ${plural(k, 'input')}` }),
  expand(bld, a, k) {
    const activation = denseActivation(a);
    const outs = buildLayer(bld, {
      inputs: inputsOf(k),
      units: denseUnits(a),
      activation,
      alpha: activationAlpha(activation, a),
      W: a.W as number[][] | undefined,
      b: a.b as number[] | undefined,
      naming: unitNaming(''),
      col: 0,
    });
    outs.forEach((o, p) => bld.output(p, o));
  },
  readParams: (a, k, value) => {
    const n = unitNaming('');
    const u = denseUnits(a);
    return {
      ...a,
      W: Array.from({ length: u }, (_, j) => Array.from({ length: k }, (_, i) => value(n.w(j, i)))),
      b: Array.from({ length: u }, (_, j) => value(n.b(j))),
    };
  },
};

// ---- mlp ----

const mlpSizes = (a: RawAttrs): number[] => (Array.isArray(a.sizes) && a.sizes.length > 0 && a.sizes.every(isCount) ? (a.sizes as number[]) : [1]);

/** Activation of layer L (0-based): `activations[L]`, else `activation` for hidden layers and `outputActivation` for the last. */
function mlpActivation(a: RawAttrs, L: number, layers: number): string {
  const per = a.activations;
  if (Array.isArray(per) && isActivation(per[L])) return per[L];
  if (L < layers - 1) return isActivation(a.activation) ? a.activation : 'tanh';
  return isActivation(a.outputActivation) ? a.outputActivation : 'none';
}

export const mlp: MacroDef = {
  outputCount: (a) => mlpSizes(a).at(-1)!,
  outputName: (p) => `y${p}`,
  paramAttrs: ['W', 'b'],
  storedInputs: (a) => (Array.isArray(a.W) && Array.isArray(a.W[0]) && Array.isArray(a.W[0][0]) ? (a.W[0][0] as unknown[]).length : undefined),
  check: (a, k) => {
    if (!(Array.isArray(a.sizes) && a.sizes.length > 0 && a.sizes.every(isCount)))
      return ['attr "sizes" must be a non-empty array of layer widths (whole numbers >= 1), e.g. [8, 8, 1]'];
    const sizes = a.sizes as number[];
    const problems = present([checkActivation(a.activation, 'activation'), checkActivation(a.outputActivation, 'outputActivation')]);
    if (a.activations !== undefined) {
      if (!Array.isArray(a.activations) || a.activations.length !== sizes.length)
        problems.push(`attr "activations" must list one activation per layer (${sizes.length})`);
      else
        a.activations.forEach((x, L) => {
          const p = checkActivation(x, `activations[${L}]`);
          if (p) problems.push(p);
        });
    }
    for (const [attr, depth] of [
      ['W', 2],
      ['b', 1],
    ] as const) {
      const v = a[attr];
      if (v === undefined) continue;
      if (!Array.isArray(v) || v.length !== sizes.length) {
        problems.push(`attr "${attr}" must hold one entry per layer (${sizes.length})`);
        continue;
      }
      sizes.forEach((u, L) => {
        const fan = L === 0 ? k : sizes[L - 1];
        const p = depth === 2 ? checkMatrix(v[L], `W[${L}]`, u, fan) : checkVector(v[L], `b[${L}]`, u);
        if (p) problems.push(p);
      });
    }
    return problems;
  },
  size: (a, k) => {
    const sizes = mlpSizes(a);
    const total = { nodes: 0, edges: 0, params: 0 };
    let widest = 0;
    sizes.forEach((units, L) => {
      const s = layerSize(L === 0 ? k : sizes[L - 1], units, mlpActivation(a, L, sizes.length));
      total.nodes += s.nodes;
      total.edges += s.edges;
      total.params += s.params;
      widest = Math.max(widest, units);
    });
    const shape = sizes.length <= 6 ? `sizes [${sizes.map(countText).join(', ')}]` : `${plural(sizes.length, 'layer')} up to ${plural(widest, 'unit')} wide`;
    return { ...total, shape: `${shape} on ${plural(k, 'input')}` };
  },
  expand(bld, a, k) {
    const sizes = mlpSizes(a);
    let inputs: Source[] = inputsOf(k);
    sizes.forEach((units, L) => {
      const activation = mlpActivation(a, L, sizes.length);
      const outs = buildLayer(bld, {
        inputs,
        units,
        activation,
        alpha: activationAlpha(activation, a),
        W: (a.W as number[][][] | undefined)?.[L],
        b: (a.b as number[][] | undefined)?.[L],
        naming: unitNaming(`l${L + 1}/`),
        col: L * COLS_PER_LAYER,
      });
      inputs = outs;
    });
    (inputs as string[]).forEach((o, p) => bld.output(p, o));
  },
  readParams: (a, k, value) => {
    const sizes = mlpSizes(a);
    const W: number[][][] = [];
    const b: number[][] = [];
    sizes.forEach((units, L) => {
      const n = unitNaming(`l${L + 1}/`);
      const fan = L === 0 ? k : sizes[L - 1];
      W.push(Array.from({ length: units }, (_, j) => Array.from({ length: fan }, (_, i) => value(n.w(j, i)))));
      b.push(Array.from({ length: units }, (_, j) => value(n.b(j))));
    });
    return { ...a, W, b };
  },
};

// ---- softmax ----

/**
 * softmax(x)_i = exp(x_i - max x) / sum_j exp(x_j - max x). Subtracting the max keeps exp finite;
 * it does not change the result, and its gradient paths cancel exactly.
 */
export const softmax: MacroDef = {
  outputCount: (_a, k) => k,
  outputName: (p) => `p${p}`,
  check: () => [],
  // A max over k > 1 inputs (k edges); per input a sub (2 edges), an exp (1) and a div (2); one sum (k).
  size: (_a, k) => ({ nodes: 3 * k + 1 + (k > 1 ? 1 : 0), edges: 6 * k + (k > 1 ? k : 0), params: 0, shape: plural(k, 'input') }),
  expand(bld, _a, k) {
    const max = k > 1 ? bld.node('max', 'max', { col: 0, row: (k - 1) / 2 }) : undefined;
    for (let i = 0; i < k; i++) if (max) bld.edge({ input: i }, max, i);
    const exps: string[] = [];
    for (let i = 0; i < k; i++) {
      const d = bld.node(`d${i}`, 'sub', { col: 1, row: i });
      bld.edge({ input: i }, d, 0);
      bld.edge(max ?? { input: i }, d, 1);
      const e = bld.node(`e${i}`, 'exp', { col: 2, row: i });
      bld.edge(d, e, 0);
      exps.push(e);
    }
    const sum = bld.node('sum', 'sum', { col: 3, row: (k - 1) / 2 });
    exps.forEach((e, i) => bld.edge(e, sum, i));
    exps.forEach((e, i) => {
      const p = bld.node(`p${i}`, 'div', { col: 4, row: i });
      bld.edge(e, p, 0);
      bld.edge(sum, p, 1);
      bld.output(i, p);
    });
  },
};
