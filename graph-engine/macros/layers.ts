/**
 * Fully connected macros: neuron, dense, mlp. Each unit j expands to
 *   m{j}_{i} = w{j}_{i} * x_i,   z{j} = m{j}_0 + ... + m{j}_{k-1} + b{j},   a{j} = act(z{j})
 * (no a{j} for activation 'none'), so the teaching stepper shows every multiply and sum.
 * Parameters are read from attrs when stored, else drawn from the seeded init (activation.ts).
 * The attrs' types, defaults and accepted values are the schemas in settings.ts.
 */
import { initLimit, type Activation } from './activation.ts';
import type { LayerParams, MacroBuilder, MacroDef, MacroSize, RawAttrs, Source } from './types.ts';
import { DenseSettings, MlpSettings, NeuronSettings, SoftmaxSettings, settingOrDefault, type AttrProblem } from './settings.ts';
import { countText } from '../core/limits.ts';

type Naming = {
  w: (j: number, i: number) => string;
  b: (j: number) => string;
  m: (j: number, i: number) => string;
  z: (j: number) => string;
  a: (j: number) => string;
  d: (j: number) => string;
};

const unitNaming = (prefix: string): Naming => ({
  w: (j, i) => `${prefix}w${j}_${i}`,
  b: (j) => `${prefix}b${j}`,
  m: (j, i) => `${prefix}m${j}_${i}`,
  z: (j) => `${prefix}z${j}`,
  a: (j) => `${prefix}a${j}`,
  d: (j) => `${prefix}d${j}`,
});

const neuronNaming: Naming = { w: (_j, i) => `w${i}`, b: () => 'b', m: (_j, i) => `m${i}`, z: () => 'z', a: () => 'a', d: () => 'd' };

const COLS_PER_LAYER = 4; // params, products, sums, activations (and a fifth for dropout)

interface LayerArgs {
  inputs: Source[];
  units: number;
  activation: Activation;
  /** The macro's alpha attr, for activations that take one; else the primitive's default. */
  alpha?: number;
  W?: number[][];
  b?: number[];
  naming: Naming;
  col: number;
  /** Dropout rate after the activation; 0 or absent adds no dropout nodes. */
  dropout?: number;
}

/** Adds one fully connected layer; returns the local ids of its outputs. */
function buildLayer(bld: MacroBuilder, l: LayerArgs): string[] {
  const k = l.inputs.length;
  const limit = initLimit(l.activation, k, l.units);
  const W: string[][] = [];
  const b: string[] = [];
  const z: string[] = [];
  const out: string[] = [];
  const actAttrs = l.activation === 'none' ? {} : bld.opAttrs(l.activation, { alpha: l.alpha });
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
    const attrs = Object.keys(actAttrs).length ? { ...actAttrs } : undefined;
    const act = bld.node(l.naming.a(j), l.activation, { col: l.col + 3, row: top + k / 2 }, { attrs });
    bld.edge(sum, act, 0);
    out.push(act);
  }
  const spec = { inputs: l.inputs, W, b, z, out, activation: l.activation, alpha: actAttrs.alpha ?? 0 };
  if (!l.dropout) {
    bld.layer(spec);
    return out;
  }
  // One dropout node per unit, after the activation: the layer's outputs are then these.
  const rate = l.dropout;
  const dropped = out.map((o, j) => {
    const d = bld.node(l.naming.d(j), 'dropout', { col: l.col + 4, row: j * (k + 1) + k / 2 }, { attrs: { rate } });
    bld.edge(o, d, 0);
    return d;
  });
  bld.layer({ ...spec, dropout: { rate, out: dropped } });
  return dropped;
}

/**
 * What buildLayer adds for k inputs and `units` units, without building it. Per unit: k weights and
 * k products, a bias and a sum, an activation unless it is 'none' and a dropout node when the rate
 * is above 0; edges: 2 into each product, k + 1 into the sum, 1 into the activation and the dropout.
 */
function layerSize(k: number, units: number, activation: Activation, dropout = 0): Omit<MacroSize, 'shape'> {
  const a = (activation === 'none' ? 0 : 1) + (dropout ? 1 : 0);
  return { nodes: units * (2 * k + 2 + a), edges: units * (3 * k + 1 + a), params: units * (k + 1) };
}

const plural = (n: number, word: string) => `${countText(n)} ${word}${n === 1 ? '' : 's'}`;

const inputsOf = (k: number): Source[] => Array.from({ length: k }, (_, i) => ({ input: i }));

// ---- shape checks (the schemas in settings.ts check the types) ----

const entries = (n: number) => `${countText(n)} ${n === 1 ? 'entry' : 'entries'}`;

function checkVector(v: readonly number[] | undefined, attr: string, length: number): AttrProblem | undefined {
  if (v === undefined || v.length === length) return undefined;
  return { attr, text: `has ${entries(v.length)}, expected ${length}` };
}

function checkMatrix(v: readonly (readonly number[])[] | undefined, attr: string, rows: number, cols: number): AttrProblem | undefined {
  if (v === undefined) return undefined;
  if (v.length !== rows) return { attr, text: `has ${plural(v.length, 'row')}, expected ${rows} (one per unit)` };
  const bad = v.findIndex((r) => r.length !== cols);
  if (bad >= 0) return { attr, text: `row ${bad} has ${entries(v[bad].length)}, expected ${cols} (one per input)` };
  return undefined;
}

const present = (xs: (AttrProblem | undefined)[]) => xs.filter((x): x is AttrProblem => x !== undefined);

/** Columns of a stored weight matrix (raw attrs: the card asks before the attrs are checked). */
const columns = (W: unknown): number | undefined => (Array.isArray(W) && Array.isArray(W[0]) ? W[0].length : undefined);

// ---- neuron ----

/** A layer's numbers in fresh arrays: what layersOf hands out may be edited without touching the attrs. */
const copyLayer = (l: LayerParams): LayerParams => ({ W: l.W.map((r) => [...r]), b: [...l.b] });

export const neuron: MacroDef<typeof NeuronSettings> = {
  settings: NeuronSettings,
  exportAs: 'layers',
  outputCount: () => 1,
  outputName: () => 'a',
  paramAttrs: ['w', 'b'],
  storedInputs: (a) => (Array.isArray(a.w) ? a.w.length : undefined),
  layersOf: (a) => (Array.isArray(a.w) && typeof a.b === 'number' ? [{ W: [[...(a.w as number[])]], b: [a.b] }] : undefined),
  attrsOf: ([l]) => ({ w: [...l.W[0]], b: l.b[0] }),
  check: (s, k) => present([checkVector(s.w, 'w', k)]),
  size: (s, k) => ({ ...layerSize(k, 1, s.activation), shape: `1 unit on ${plural(k, 'input')}` }),
  expand(bld, s, k) {
    const [out] = buildLayer(bld, {
      inputs: inputsOf(k),
      units: 1,
      activation: s.activation,
      alpha: s.alpha,
      W: s.w && [s.w],
      b: s.b === undefined ? undefined : [s.b],
      naming: neuronNaming,
      col: 0,
    });
    bld.output(0, out);
  },
  readParams: (_s, k, value) => ({ w: Array.from({ length: k }, (_, i) => value(neuronNaming.w(0, i))), b: value('b') }),
};

// ---- dense ----

/** Units for a card: the attr when it is valid, else the default. */
const denseUnits = (a: RawAttrs) => settingOrDefault(DenseSettings.shape.units, a.units);

export const dense: MacroDef<typeof DenseSettings> = {
  settings: DenseSettings,
  exportAs: 'layers',
  outputCount: denseUnits,
  outputName: (p) => `a${p}`,
  paramAttrs: ['W', 'b'],
  storedInputs: (a) => columns(a.W),
  layersOf: (a) => (Array.isArray(a.W) && Array.isArray(a.b) ? [copyLayer({ W: a.W as number[][], b: a.b as number[] })] : undefined),
  attrsOf: ([l]) => ({ W: l.W.map((r) => [...r]), b: [...l.b] }),
  check: (s, k) => present([checkMatrix(s.W, 'W', s.units, k), checkVector(s.b, 'b', s.units)]),
  size: (s, k) => ({ ...layerSize(k, s.units, s.activation, s.dropout), shape: `${plural(s.units, 'unit')} on ${plural(k, 'input')}` }),
  expand(bld, s, k) {
    const outs = buildLayer(bld, {
      inputs: inputsOf(k),
      units: s.units,
      activation: s.activation,
      alpha: s.alpha,
      W: s.W,
      b: s.b,
      naming: unitNaming(''),
      col: 0,
      dropout: s.dropout,
    });
    outs.forEach((o, p) => bld.output(p, o));
  },
  readParams: (s, k, value) => {
    const n = unitNaming('');
    return {
      W: Array.from({ length: s.units }, (_, j) => Array.from({ length: k }, (_, i) => value(n.w(j, i)))),
      b: Array.from({ length: s.units }, (_, j) => value(n.b(j))),
    };
  },
};

// ---- mlp ----

/** Layer sizes for a card: the attr when it is valid, else one unit, so the card has an output to wire. */
function cardSizes(a: RawAttrs): number[] {
  const r = MlpSettings.shape.sizes.safeParse(a.sizes);
  return r.success ? r.data : [1];
}

/** Activation of layer L (0-based): `activations[L]`, else `activation` for hidden layers and `outputActivation` for the last. */
const mlpActivation = (s: MlpSettings, L: number): Activation => s.activations?.[L] ?? (L < s.sizes.length - 1 ? s.activation : s.outputActivation);

/** Dropout rate after layer L: the mlp's rate after hidden layers, none after the output layer. */
const hiddenDropout = (s: MlpSettings, L: number) => (L < s.sizes.length - 1 ? s.dropout : 0);

/** One entry per layer, or a problem naming the attr. */
const perLayer = (v: readonly unknown[] | undefined, attr: string, layers: number): AttrProblem | undefined =>
  v === undefined || v.length === layers ? undefined : { attr, text: `must hold one entry per layer (${layers})` };

export const mlp: MacroDef<typeof MlpSettings> = {
  settings: MlpSettings,
  exportAs: 'layers',
  outputCount: (a) => cardSizes(a).at(-1)!,
  outputName: (p) => `y${p}`,
  paramAttrs: ['W', 'b'],
  storedInputs: (a) => (Array.isArray(a.W) ? columns(a.W[0]) : undefined),
  layersOf: (a) =>
    Array.isArray(a.W) && Array.isArray(a.b) ? (a.W as number[][][]).map((W, L) => copyLayer({ W, b: (a.b as number[][])[L] ?? [] })) : undefined,
  attrsOf: (layers) => ({ W: layers.map((l) => l.W.map((r) => [...r])), b: layers.map((l) => [...l.b]) }),
  check: (s, k) => {
    const layers = s.sizes.length;
    const activations =
      s.activations === undefined || s.activations.length === layers
        ? undefined
        : { attr: 'activations', text: `must list one activation per layer (${layers})` };
    const W = perLayer(s.W, 'W', layers);
    const b = perLayer(s.b, 'b', layers);
    const shapes = s.sizes.flatMap((u, L) => {
      const fan = L === 0 ? k : s.sizes[L - 1];
      return [W ? undefined : checkMatrix(s.W?.[L], `W[${L}]`, u, fan), b ? undefined : checkVector(s.b?.[L], `b[${L}]`, u)];
    });
    return present([activations, W, b, ...shapes]);
  },
  size: (s, k) => {
    const total = { nodes: 0, edges: 0, params: 0 };
    let widest = 0;
    s.sizes.forEach((units, L) => {
      const l = layerSize(L === 0 ? k : s.sizes[L - 1], units, mlpActivation(s, L), hiddenDropout(s, L));
      total.nodes += l.nodes;
      total.edges += l.edges;
      total.params += l.params;
      widest = Math.max(widest, units);
    });
    const shape =
      s.sizes.length <= 6 ? `sizes [${s.sizes.map(countText).join(', ')}]` : `${plural(s.sizes.length, 'layer')} up to ${plural(widest, 'unit')} wide`;
    return { ...total, shape: `${shape} on ${plural(k, 'input')}` };
  },
  expand(bld, s, k) {
    let inputs: Source[] = inputsOf(k);
    let outs: string[] = [];
    s.sizes.forEach((units, L) => {
      outs = buildLayer(bld, {
        inputs,
        units,
        activation: mlpActivation(s, L),
        alpha: s.alpha,
        W: s.W?.[L],
        b: s.b?.[L],
        naming: unitNaming(`l${L + 1}/`),
        col: L * (COLS_PER_LAYER + (s.dropout ? 1 : 0)),
        dropout: hiddenDropout(s, L),
      });
      inputs = outs;
    });
    outs.forEach((o, p) => bld.output(p, o));
  },
  readParams: (s, k, value) => {
    const W: number[][][] = [];
    const b: number[][] = [];
    s.sizes.forEach((units, L) => {
      const n = unitNaming(`l${L + 1}/`);
      const fan = L === 0 ? k : s.sizes[L - 1];
      W.push(Array.from({ length: units }, (_, j) => Array.from({ length: fan }, (_, i) => value(n.w(j, i)))));
      b.push(Array.from({ length: units }, (_, j) => value(n.b(j))));
    });
    return { W, b };
  },
};

// ---- softmax ----

/**
 * softmax(x)_i = exp(x_i - max x) / sum_j exp(x_j - max x). Subtracting the max keeps exp finite;
 * it does not change the result, and its gradient paths cancel exactly.
 */
export const softmax: MacroDef<typeof SoftmaxSettings> = {
  settings: SoftmaxSettings,
  exportAs: 'softmax',
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
