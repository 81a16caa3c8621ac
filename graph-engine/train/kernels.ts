/**
 * The compiled training plan: the graph flattened once into instructions over typed arrays, so a
 * training step allocates nothing and runs every op as a tight loop over the batch.
 *
 * Layout: a Workspace for batch capacity B holds `vals` and `grads`, one Float64Array each, node n's
 * samples at [n*B, n*B + B). Trainable parameters live apart in `params` (one slot per param node;
 * a fused layer's W is a contiguous row-major block, then its b), with gradients in `pgrads`.
 *
 * Fusion: every fully connected layer of a dense / neuron / mlp macro runs as one matrix kernel
 * (z = W x + b, out = act(z), and its exact reverse) instead of k*units mul nodes and units add
 * nodes. Its z and out nodes still get their values, so any node can be read after a forward; the
 * mul nodes inside a fused layer are skipped (never read outside the layer) and stay NaN here.
 */
import type { Graph } from '../graph/build.ts';
import type { Attrs, OpDef } from '../ops/types.ts';
import { bceWithLogits, bceWithLogitsSlope, getOp } from '../ops/registry.ts';
import { maskDraw } from '../core/random.ts';

export enum Code {
  Generic,
  Add,
  Sub,
  Mul2,
  Neg,
  Square,
  Identity,
  Sigmoid,
  Tanh,
  Relu,
  Exp,
  Mse,
  BceWithLogits,
  Dropout,
}
export enum Act {
  None,
  Sigmoid,
  Tanh,
  Relu,
  LeakyRelu,
  Elu,
  Step,
}

const CODES: Record<string, Code> = {
  add: Code.Add,
  sum: Code.Add,
  sub: Code.Sub,
  neg: Code.Neg,
  square: Code.Square,
  identity: Code.Identity,
  sigmoid: Code.Sigmoid,
  tanh: Code.Tanh,
  relu: Code.Relu,
  exp: Code.Exp,
  mse: Code.Mse,
  bce_with_logits: Code.BceWithLogits,
  dropout: Code.Dropout,
};
const ACTS: Record<string, Act> = {
  none: Act.None,
  sigmoid: Act.Sigmoid,
  tanh: Act.Tanh,
  relu: Act.Relu,
  leaky_relu: Act.LeakyRelu,
  elu: Act.Elu,
  step: Act.Step,
};

export interface OpInstr {
  fused: false;
  node: number;
  code: Code;
  /** Source node of each port. */
  src: Int32Array;
  op: OpDef;
  attrs: Attrs;
}

export interface DenseInstr {
  fused: true;
  /** Source node of each input. */
  src: Int32Array;
  /** Whether each input needs a gradient (false for data inputs and constants). */
  srcGrad: Uint8Array;
  units: number;
  wSlot: number;
  bSlot: number;
  z: Int32Array;
  out: Int32Array;
  act: Act;
  /** The activation's attrs (its alpha), as its op in the expanded layer reads them. */
  attrs: Attrs;
}

export type Instr = OpInstr | DenseInstr;

export interface Plan {
  graph: Graph;
  /** Forward order. */
  instrs: Instr[];
  /** Param node of each slot, and slot of each node (-1 for non-params). */
  paramNode: Int32Array;
  slotOf: Int32Array;
  /** Param nodes read by unfused ops: their value is copied over the batch before each forward. */
  broadcast: Int32Array;
  /** 1 where a node's gradient is needed (it leads from a param to the loss). */
  needGrad: Uint8Array;
  /** 1 where the plan computes the node's value (leaves and every node outside fused muls). */
  computed: Uint8Array;
  widest: number;
  /** Whether any op acts differently in a training step (dropout): only then does a step need a dropout key. */
  stochastic: boolean;
}

/** A registry op's scalar forward and derivative: what an expanded layer's activation node runs. */
function scalarOf(name: string): NonNullable<OpDef['scalar']> {
  const scalar = getOp(name)?.scalar;
  if (!scalar) throw new Error(`"${name}" is not a one-operand op in the registry.`);
  return scalar;
}
// The activations' own functions, each in a constant of its own: read through a property of the
// op's object instead, the sigmoid and tanh layers trained 2-4% slower.
const { value: sigmoidValue, slope: sigmoidSlope } = scalarOf('sigmoid');
const { value: tanhValue, slope: tanhSlope } = scalarOf('tanh');
const { value: reluValue, slope: reluSlope } = scalarOf('relu');
const { value: leakyReluValue, slope: leakyReluSlope } = scalarOf('leaky_relu');
const { value: eluValue, slope: eluSlope } = scalarOf('elu');
const { value: stepValue, slope: stepSlope } = scalarOf('step');
const { value: dropoutValue, slope: dropoutSlope } = getOp('dropout')!.training!;

/** Compiles the graph. Fused layers come from the graph's macro records. */
export function compilePlan(graph: Graph): Plan {
  const N = graph.nodes.length;
  const { nodes, edges, indexOf } = graph;
  const srcOf = (n: number) => Int32Array.from(nodes[n].inputs, (e) => (e >= 0 ? edges[e].source : -1));

  // needGrad: a param, or anything computed from one, on the way to the loss.
  const needGrad = new Uint8Array(N);
  for (const n of graph.order) {
    if (!graph.reachesLoss[n]) continue;
    if (nodes[n].op.name === 'param') needGrad[n] = 1;
    else for (const e of nodes[n].inputs) if (e >= 0 && needGrad[edges[e].source]) needGrad[n] = 1;
  }

  // Slots: fused layers first (W row-major, then b), then every other param.
  const slotOf = new Int32Array(N).fill(-1);
  const paramNode: number[] = [];
  const claim = (n: number) => {
    slotOf[n] = paramNode.length;
    paramNode.push(n);
  };
  const skip = new Uint8Array(N); // nodes a fused instruction computes (or makes unnecessary)
  const fusedAt = new Map<number, DenseInstr>(); // first z node in topo order -> instruction
  const position = new Int32Array(N);
  graph.order.forEach((n, i) => (position[n] = i));
  for (const macro of graph.macros.values()) {
    for (const layer of macro.layers) {
      const src = layer.inputs.map((id) => indexOf.get(id) ?? -1);
      if (src.some((s) => s < 0 || graph.incomplete.has(s))) continue;
      const idx = (id: string) => indexOf.get(id)!;
      const wSlot = paramNode.length;
      layer.W.forEach((row) => row.forEach((w) => claim(idx(w))));
      const bSlot = paramNode.length;
      layer.b.forEach((b) => claim(idx(b)));
      const z = Int32Array.from(layer.z, idx);
      const out = Int32Array.from(layer.out, idx);
      const instr: DenseInstr = {
        fused: true,
        src: Int32Array.from(src),
        srcGrad: Uint8Array.from(src, (s) => needGrad[s]),
        units: layer.z.length,
        wSlot,
        bSlot,
        z,
        out,
        act: ACTS[layer.activation],
        attrs: { alpha: layer.alpha },
      };
      for (const row of layer.W) for (const w of row) skip[idx(w)] = 1;
      for (const id of [...layer.b, ...layer.z, ...layer.out]) skip[idx(id)] = 1;
      for (const row of layer.W) for (const w of row) for (const e of graph.outEdges[idx(w)]) skip[edges[e].target] = 1; // the muls
      let first = z[0];
      for (const n of z) if (position[n] < position[first]) first = n;
      fusedAt.set(first, instr);
    }
  }
  for (const n of graph.order) if (nodes[n].op.name === 'param' && slotOf[n] < 0) claim(n);

  const instrs: Instr[] = [];
  const computed = new Uint8Array(N);
  const broadcast: number[] = [];
  let widest = 0;
  for (const n of graph.order) {
    const node = nodes[n];
    const fused = fusedAt.get(n);
    if (fused) {
      instrs.push(fused);
      for (const m of [...fused.z, ...fused.out]) computed[m] = 1;
      continue;
    }
    if (node.op.arity.kind === 'leaf') {
      computed[n] = 1;
      if (node.op.name === 'param' && !skip[n]) broadcast.push(n);
      continue;
    }
    if (skip[n] || graph.incomplete.has(n)) continue;
    const src = srcOf(n);
    widest = Math.max(widest, src.length);
    let code = CODES[node.op.name] ?? Code.Generic;
    if (node.op.name === 'mul') code = src.length === 2 ? Code.Mul2 : Code.Generic;
    instrs.push({ fused: false, node: n, code, src, op: node.op, attrs: node.attrs });
    computed[n] = 1;
  }
  const stochastic = instrs.some((ins) => !ins.fused && ins.op.training !== undefined);
  return { graph, instrs, paramNode: Int32Array.from(paramNode), slotOf, broadcast: Int32Array.from(broadcast), needGrad, computed, widest, stochastic };
}

/** Buffers for one batch capacity. Leaves not bound to data keep their file value. */
export class Workspace {
  readonly B: number;
  readonly vals: Float64Array;
  readonly grads: Float64Array;
  readonly scratch: Float64Array;
  constructor(
    readonly plan: Plan,
    B: number,
  ) {
    this.B = B;
    const N = plan.graph.nodes.length;
    this.vals = new Float64Array(N * B).fill(Number.NaN);
    this.grads = new Float64Array(N * B);
    this.scratch = new Float64Array(Math.max(plan.widest, 1));
    for (const node of plan.graph.nodes) if (node.op.arity.kind === 'leaf') this.vals.fill(node.value, node.index * B, node.index * B + B);
  }
}

/**
 * Forward over the first n samples of the workspace. `stepKey` (core/random.ts dropoutStepKey)
 * makes it a training step, where dropout drops; without one it evaluates, and dropout passes
 * values through.
 */
export function forward(plan: Plan, ws: Workspace, params: Float64Array, n: number, stepKey?: number): void {
  const { vals, B, scratch } = ws;
  const bc = plan.broadcast;
  for (let i = 0; i < bc.length; i++) {
    const node = bc[i];
    vals.fill(params[plan.slotOf[node]], node * B, node * B + n);
  }
  const instrs = plan.instrs;
  for (let p = 0; p < instrs.length; p++) {
    const ins = instrs[p];
    if (ins.fused) denseForward(ins, vals, params, B, n);
    else opForward(ins, vals, scratch, B, n, stepKey);
  }
}

function opForward(ins: OpInstr, v: Float64Array, x: Float64Array, B: number, n: number, stepKey: number | undefined): void {
  const o = ins.node * B;
  const src = ins.src;
  const a = src[0] * B;
  switch (ins.code) {
    case Code.Add: {
      for (let b = 0; b < n; b++) v[o + b] = v[a + b];
      for (let j = 1; j < src.length; j++) {
        const s = src[j] * B;
        for (let b = 0; b < n; b++) v[o + b] += v[s + b];
      }
      return;
    }
    case Code.Sub: {
      const s = src[1] * B;
      for (let b = 0; b < n; b++) v[o + b] = v[a + b] - v[s + b];
      return;
    }
    case Code.Mul2: {
      const s = src[1] * B;
      for (let b = 0; b < n; b++) v[o + b] = v[a + b] * v[s + b];
      return;
    }
    case Code.Neg:
      for (let b = 0; b < n; b++) v[o + b] = -v[a + b];
      return;
    case Code.Square:
      for (let b = 0; b < n; b++) v[o + b] = v[a + b] * v[a + b];
      return;
    case Code.Identity:
      for (let b = 0; b < n; b++) v[o + b] = v[a + b];
      return;
    case Code.Dropout:
      if (stepKey === undefined) for (let b = 0; b < n; b++) v[o + b] = v[a + b];
      else for (let b = 0; b < n; b++) v[o + b] = dropoutValue(v[a + b], maskDraw(stepKey, ins.node, b), ins.attrs);
      return;
    case Code.Sigmoid:
      for (let b = 0; b < n; b++) v[o + b] = sigmoidValue(v[a + b], ins.attrs);
      return;
    case Code.Tanh:
      for (let b = 0; b < n; b++) v[o + b] = Math.tanh(v[a + b]);
      return;
    case Code.Relu:
      for (let b = 0; b < n; b++) v[o + b] = v[a + b] > 0 ? v[a + b] : 0;
      return;
    case Code.Exp:
      for (let b = 0; b < n; b++) v[o + b] = Math.exp(v[a + b]);
      return;
    case Code.Mse: {
      const h = src.length / 2;
      for (let b = 0; b < n; b++) {
        let s = 0;
        for (let j = 0; j < h; j++) {
          const d = v[src[j] * B + b] - v[src[j + h] * B + b];
          s += d * d;
        }
        v[o + b] = s / h;
      }
      return;
    }
    case Code.BceWithLogits: {
      const y = src[1] * B;
      for (let b = 0; b < n; b++) v[o + b] = bceWithLogits(v[a + b], v[y + b]);
      return;
    }
    default: {
      const k = src.length;
      const { op, attrs } = ins;
      for (let b = 0; b < n; b++) {
        for (let j = 0; j < k; j++) x[j] = v[src[j] * B + b];
        v[o + b] = op.forward(x, k, attrs);
      }
    }
  }
}

function denseForward(d: DenseInstr, v: Float64Array, params: Float64Array, B: number, n: number): void {
  const { src, units, z, out, act, attrs } = d;
  const k = src.length;
  for (let j = 0; j < units; j++) {
    const zo = z[j] * B;
    const bias = params[d.bSlot + j];
    for (let b = 0; b < n; b++) v[zo + b] = bias;
    const w0 = d.wSlot + j * k;
    for (let i = 0; i < k; i++) {
      const w = params[w0 + i];
      const xo = src[i] * B;
      for (let b = 0; b < n; b++) v[zo + b] += w * v[xo + b];
    }
    // out = act(z) with the registry's scalar forward of the activation op: exactly what the
    // activation node of the expanded layer computes. A loop per activation, so each call site sees
    // one function and V8 inlines it (a call per sample through one shared switch made elu and
    // leaky_relu layers about 10% slower).
    const oo = out[j] * B;
    switch (act) {
      case Act.None:
        continue; // out is z itself
      case Act.Sigmoid:
        for (let b = 0; b < n; b++) v[oo + b] = sigmoidValue(v[zo + b], attrs);
        continue;
      case Act.Tanh:
        for (let b = 0; b < n; b++) v[oo + b] = tanhValue(v[zo + b], attrs);
        continue;
      case Act.Relu:
        for (let b = 0; b < n; b++) v[oo + b] = reluValue(v[zo + b], attrs);
        continue;
      case Act.LeakyRelu:
        for (let b = 0; b < n; b++) v[oo + b] = leakyReluValue(v[zo + b], attrs);
        continue;
      case Act.Elu:
        for (let b = 0; b < n; b++) v[oo + b] = eluValue(v[zo + b], attrs);
        continue;
      case Act.Step:
        for (let b = 0; b < n; b++) v[oo + b] = stepValue(v[zo + b], attrs);
    }
  }
}

/**
 * Reverse mode over the first n samples, seeding d(loss)/d(loss) = seed per sample (1/n gives the
 * batch mean). Accumulates parameter gradients into pgrads (which it zeroes first).
 */
export function backward(plan: Plan, ws: Workspace, params: Float64Array, pgrads: Float64Array, n: number, seed: number, stepKey?: number): void {
  const { vals, grads, B, scratch } = ws;
  grads.fill(0);
  pgrads.fill(0);
  const loss = plan.graph.loss;
  grads.fill(seed, loss * B, loss * B + n);
  const needGrad = plan.needGrad;
  const instrs = plan.instrs;
  for (let p = instrs.length - 1; p >= 0; p--) {
    const ins = instrs[p];
    if (ins.fused) denseBackward(ins, vals, grads, params, pgrads, B, n);
    else if (needGrad[ins.node]) opBackward(ins, vals, grads, needGrad, scratch, B, n, stepKey);
  }
  const bc = plan.broadcast;
  for (let i = 0; i < bc.length; i++) {
    const node = bc[i];
    let s = 0;
    for (let b = 0, o = node * B; b < n; b++) s += grads[o + b];
    pgrads[plan.slotOf[node]] += s;
  }
}

function opBackward(
  ins: OpInstr,
  v: Float64Array,
  g: Float64Array,
  needGrad: Uint8Array,
  x: Float64Array,
  B: number,
  n: number,
  stepKey: number | undefined,
): void {
  const o = ins.node * B;
  const src = ins.src;
  const k = src.length;
  switch (ins.code) {
    case Code.Add:
      for (let j = 0; j < k; j++) {
        if (!needGrad[src[j]]) continue;
        const s = src[j] * B;
        for (let b = 0; b < n; b++) g[s + b] += g[o + b];
      }
      return;
    case Code.Sub: {
      const a = src[0] * B;
      const c = src[1] * B;
      if (needGrad[src[0]]) for (let b = 0; b < n; b++) g[a + b] += g[o + b];
      if (needGrad[src[1]]) for (let b = 0; b < n; b++) g[c + b] -= g[o + b];
      return;
    }
    case Code.Mul2: {
      const a = src[0] * B;
      const c = src[1] * B;
      if (needGrad[src[0]]) for (let b = 0; b < n; b++) g[a + b] += g[o + b] * v[c + b];
      if (needGrad[src[1]]) for (let b = 0; b < n; b++) g[c + b] += g[o + b] * v[a + b];
      return;
    }
    case Code.Neg: {
      const a = src[0] * B;
      for (let b = 0; b < n; b++) g[a + b] -= g[o + b];
      return;
    }
    case Code.Square: {
      const a = src[0] * B;
      for (let b = 0; b < n; b++) g[a + b] += 2 * v[a + b] * g[o + b];
      return;
    }
    case Code.Identity: {
      const a = src[0] * B;
      for (let b = 0; b < n; b++) g[a + b] += g[o + b];
      return;
    }
    case Code.Dropout: {
      // The forward's mask, drawn again (the same draw for the same step, node and sample).
      const a = src[0] * B;
      if (stepKey === undefined) for (let b = 0; b < n; b++) g[a + b] += g[o + b];
      else for (let b = 0; b < n; b++) g[a + b] += g[o + b] * dropoutSlope(maskDraw(stepKey, ins.node, b), ins.attrs);
      return;
    }
    case Code.Sigmoid: {
      const a = src[0] * B;
      for (let b = 0; b < n; b++) {
        const y = v[o + b];
        g[a + b] += g[o + b] * y * (1 - y);
      }
      return;
    }
    case Code.Tanh: {
      const a = src[0] * B;
      for (let b = 0; b < n; b++) {
        const y = v[o + b];
        g[a + b] += g[o + b] * (1 - y * y);
      }
      return;
    }
    case Code.Relu: {
      const a = src[0] * B;
      for (let b = 0; b < n; b++) if (v[a + b] > 0) g[a + b] += g[o + b];
      return;
    }
    case Code.Exp: {
      const a = src[0] * B;
      for (let b = 0; b < n; b++) g[a + b] += g[o + b] * v[o + b];
      return;
    }
    case Code.Mse: {
      const h = k / 2;
      for (let j = 0; j < h; j++) {
        const p = src[j] * B;
        const t = src[j + h] * B;
        const gp = needGrad[src[j]];
        const gt = needGrad[src[j + h]];
        for (let b = 0; b < n; b++) {
          const d = ((2 * (v[p + b] - v[t + b])) / h) * g[o + b];
          if (gp) g[p + b] += d;
          if (gt) g[t + b] -= d;
        }
      }
      return;
    }
    case Code.BceWithLogits: {
      // d/dz = σ(z) − y, d/dy = −z (as PyTorch's BCEWithLogitsLoss)
      const z = src[0] * B;
      const y = src[1] * B;
      if (needGrad[src[0]]) for (let b = 0; b < n; b++) g[z + b] += g[o + b] * bceWithLogitsSlope(v[z + b], v[y + b]);
      if (needGrad[src[1]]) for (let b = 0; b < n; b++) g[y + b] -= g[o + b] * v[z + b];
      return;
    }
    default: {
      const { op, attrs } = ins;
      for (let i = 0; i < k; i++) {
        if (!needGrad[src[i]]) continue;
        const s = src[i] * B;
        for (let b = 0; b < n; b++) {
          for (let j = 0; j < k; j++) x[j] = v[src[j] * B + b];
          g[s + b] += g[o + b] * op.partial(x, k, v[o + b], i, attrs);
        }
      }
    }
  }
}

function denseBackward(d: DenseInstr, v: Float64Array, g: Float64Array, params: Float64Array, pg: Float64Array, B: number, n: number): void {
  const { src, srcGrad, units, z, out, act, attrs } = d;
  const k = src.length;
  for (let j = 0; j < units; j++) {
    const zo = z[j] * B;
    const oo = out[j] * B;
    // dL/dz = dL/dout · act'(z) into the z node's gradient region, with the registry's scalar
    // derivative, one loop per activation as in denseForward.
    switch (act) {
      case Act.None:
        break; // dL/dz is dL/dout, already in place
      case Act.Sigmoid:
        for (let b = 0; b < n; b++) g[zo + b] = g[oo + b] * sigmoidSlope(v[zo + b], v[oo + b], attrs);
        break;
      case Act.Tanh:
        for (let b = 0; b < n; b++) g[zo + b] = g[oo + b] * tanhSlope(v[zo + b], v[oo + b], attrs);
        break;
      case Act.Relu:
        for (let b = 0; b < n; b++) g[zo + b] = g[oo + b] * reluSlope(v[zo + b], v[oo + b], attrs);
        break;
      case Act.LeakyRelu:
        for (let b = 0; b < n; b++) g[zo + b] = g[oo + b] * leakyReluSlope(v[zo + b], v[oo + b], attrs);
        break;
      case Act.Elu:
        for (let b = 0; b < n; b++) g[zo + b] = g[oo + b] * eluSlope(v[zo + b], v[oo + b], attrs);
        break;
      case Act.Step:
        for (let b = 0; b < n; b++) g[zo + b] = g[oo + b] * stepSlope(v[zo + b], v[oo + b], attrs);
    }
    let gb = 0;
    for (let b = 0; b < n; b++) gb += g[zo + b];
    pg[d.bSlot + j] += gb;
    const w0 = d.wSlot + j * k;
    for (let i = 0; i < k; i++) {
      const xo = src[i] * B;
      let gw = 0;
      for (let b = 0; b < n; b++) gw += g[zo + b] * v[xo + b];
      pg[w0 + i] += gw;
      if (srcGrad[i]) {
        const w = params[w0 + i];
        for (let b = 0; b < n; b++) g[xo + b] += w * g[zo + b];
      }
    }
  }
}
