// The compiled training plan (train/kernels.ts: fast paths per op, fused dense layers with their
// activation) against the teaching Session, which runs every node through the op registry: values
// and gradients per node and sample, over random graphs. The run counts which fast paths and fused
// activations the plans used and fails if any was never reached, so the comparison cannot quietly
// stop covering one.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ACTIVATIONS,
  buildGraph,
  compilePlan,
  dropoutStepKey,
  mulberry32,
  planBackward,
  planForward,
  Session,
  Workspace,
  type Model,
  type ModelEdge,
  type ModelNode,
} from '../graph-engine/index.ts';
import { Act, Code, type Plan } from '../graph-engine/train/kernels.ts';

/** Ops a step may add, by how many operands they take. mul with 2 operands is Mul2, with 3 generic. */
const UNARY = ['neg', 'square', 'identity', 'sigmoid', 'tanh', 'relu', 'exp', 'sin', 'abs', 'leaky_relu', 'elu', 'softplus', 'step', 'dropout'];
const BINARY = ['sub', 'mul', 'div'];
const VARIADIC = ['add', 'sum', 'mul', 'max', 'mean'];
const LOSSES = ['mse', 'bce_with_logits', 'sum', 'mean', 'mse4'] as const;

type Step =
  | { kind: 'op'; op: string; picks: number[] }
  | { kind: 'layer'; macro: 'dense' | 'neuron' | 'mlp'; activation: string; second: string; units: number; alpha: number; dropout: number; picks: number[] };

const picks = (min: number, max: number) => fc.array(fc.nat(1000), { minLength: min, maxLength: max });
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('op' as const), op: fc.constantFrom(...UNARY), picks: picks(1, 1) }),
  fc.record({ kind: fc.constant('op' as const), op: fc.constantFrom(...BINARY), picks: picks(2, 2) }),
  fc.record({ kind: fc.constant('op' as const), op: fc.constantFrom(...VARIADIC), picks: picks(2, 3) }),
  fc.record({
    kind: fc.constant('layer' as const),
    macro: fc.constantFrom('dense' as const, 'neuron' as const, 'mlp' as const),
    activation: fc.constantFrom(...ACTIVATIONS),
    second: fc.constantFrom(...ACTIVATIONS),
    units: fc.integer({ min: 1, max: 3 }),
    alpha: fc.constantFrom(0.01, 0.2, 1, 1.5),
    dropout: fc.constantFrom(0, 0.3),
    picks: picks(1, 3),
  }),
);
const graphArb = fc.record({
  inputs: fc.integer({ min: 1, max: 3 }),
  params: fc.integer({ min: 0, max: 3 }),
  steps: fc.array(stepArb, { minLength: 1, maxLength: 7 }),
  loss: fc.constantFrom(...LOSSES),
  lossPicks: picks(2, 2),
  seed: fc.nat(),
});
type Spec = typeof graphArb extends fc.Arbitrary<infer T> ? T : never;

const B = 5; // samples per run; the workspace holds B + 2, so offsets must use its capacity

/** The model a spec describes: data inputs and params, then each step on earlier nodes, then a loss. */
function build(spec: Spec): { model: Model; data: Map<string, number[]> } {
  const rng = mulberry32(spec.seed);
  const uniform = (lo: number, hi: number) => lo + (hi - lo) * rng();
  const nodes: ModelNode[] = [];
  const edges: ModelEdge[] = [];
  /** Values that later steps may read: a node id and which of its outputs. */
  const pool: { id: string; port: number }[] = [];
  const data = new Map<string, number[]>();
  for (let i = 0; i < spec.inputs; i++) {
    const id = `x${i}`;
    nodes.push({ id, op: 'input', value: 0 });
    data.set(
      id,
      Array.from({ length: B }, () => uniform(-2, 2)),
    );
    pool.push({ id, port: 0 });
  }
  for (let i = 0; i < spec.params; i++) {
    nodes.push({ id: `w${i}`, op: 'param', value: uniform(-1.5, 1.5) });
    pool.push({ id: `w${i}`, port: 0 });
  }
  // The first operand is one of the newest values (so steps chain), the others any value.
  const pick = (p: number, j: number) => (j === 0 ? pool[pool.length - 1 - (p % Math.min(pool.length, 3))] : pool[p % pool.length]);
  const wire = (target: string, ps: number[]) =>
    ps.forEach((p, port) => {
      const s = pick(p, port);
      edges.push({ source: s.id, ...(s.port ? { sourcePort: s.port } : {}), target, port });
    });
  spec.steps.forEach((step, i) => {
    const id = `n${i}`;
    if (step.kind === 'op') {
      const attrs =
        step.op === 'leaky_relu' || step.op === 'elu' ? { alpha: uniform(0.05, 1.5) } : step.op === 'dropout' ? { rate: uniform(0, 0.8) } : undefined;
      nodes.push(attrs ? { id, op: step.op, attrs } : { id, op: step.op });
      wire(id, step.picks);
      pool.push({ id, port: 0 });
      return;
    }
    const { activation, alpha, dropout } = step;
    const attrs =
      step.macro === 'neuron'
        ? { activation, alpha }
        : step.macro === 'dense'
          ? { units: step.units, activation, alpha, dropout }
          : { sizes: [step.units, 2], activation, outputActivation: step.second, alpha, dropout };
    nodes.push({ id, op: step.macro, attrs });
    wire(id, step.picks);
    const outputs = step.macro === 'neuron' ? 1 : step.macro === 'dense' ? step.units : 2;
    for (let port = 0; port < outputs; port++) pool.push({ id, port });
  });
  const loss = spec.loss === 'mse4' ? 'mse' : spec.loss;
  nodes.push({ id: 'L', op: loss });
  if (spec.loss === 'mse4') wire('L', [0, 1, spec.lossPicks[0], spec.lossPicks[1]]);
  else if (loss === 'sum' || loss === 'mean') wire('L', [0, 1, spec.lossPicks[0]]);
  else wire('L', [0, spec.lossPicks[1]]);
  return { model: { format: 'graphgrad', version: 1, nodes, edges, loss: 'L', seed: spec.seed }, data };
}

/** Which fast paths and fused activations ran, forward and (where a gradient was needed) reverse. */
interface Coverage {
  codes: Set<Code>;
  acts: Set<Act>;
  /** Binary fast paths run with one operand needing a gradient and the other not. */
  oneSided: Set<Code>;
}

function record(plan: Plan, cov: Coverage): void {
  for (const ins of plan.instrs) {
    if (ins.fused) {
      cov.acts.add(ins.act);
      continue;
    }
    if (!plan.needGrad[ins.node]) continue;
    cov.codes.add(ins.code);
    const needs = [...ins.src].map((s) => plan.needGrad[s]);
    if (needs.includes(0) && needs.includes(1)) cov.oneSided.add(ins.code);
  }
}

const near = (got: number, want: number, what: string) => {
  if (!Number.isFinite(want)) expect(Object.is(got, want) || (Number.isNaN(got) && Number.isNaN(want)), `${what}: got ${got}, want ${want}`).toBe(true);
  else expect(Math.abs(got - want), `${what}: plan ${got}, Session ${want}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
};

/**
 * Runs both on the spec's data, evaluating or (with `step`) as that training step of a run seeded
 * with the spec's seed, where dropout drops; compares every value the plan computes and every
 * gradient it needs.
 */
function compare(spec: Spec, cov: Coverage, step?: number): boolean {
  const { model, data } = build(spec);
  const graph = buildGraph(model);
  const s = new Session(graph, B);
  if (step !== undefined) s.setTrainingStep({ seed: spec.seed, step });
  const key = step === undefined ? undefined : dropoutStepKey(spec.seed, step);
  for (const [id, values] of data) s.setLeaf(graph.indexOf.get(id)!, values);
  s.forward();
  if (s.firstNonFinite()) return false; // exp of exp of ...: nothing to compare
  s.backward();

  const plan = compilePlan(graph);
  record(plan, cov);
  const cap = B + 2;
  const ws = new Workspace(plan, cap);
  for (const [id, values] of data) values.forEach((v, b) => (ws.vals[graph.indexOf.get(id)! * cap + b] = v));
  const params = Float64Array.from(plan.paramNode, (n) => graph.nodes[n].value);
  const pg = new Float64Array(params.length);
  planForward(plan, ws, params, B, key);
  planBackward(plan, ws, params, pg, B, 1, key);

  for (const n of graph.order) {
    const id = graph.nodes[n].id;
    if (plan.computed[n]) for (let b = 0; b < B; b++) near(ws.vals[n * cap + b], s.value(n, b), `value of ${id} [${b}]`);
    const slot = plan.slotOf[n];
    if (slot >= 0) {
      let g = 0;
      for (let b = 0; b < B; b++) g += s.grad(n, b);
      near(pg[slot], g, `gradient of param ${id} (summed over the batch)`);
    } else if (plan.needGrad[n] && plan.computed[n]) for (let b = 0; b < B; b++) near(ws.grads[n * cap + b], s.grad(n, b), `gradient of ${id} [${b}]`);
  }
  return true;
}

const enumValues = (e: object) => Object.values(e).filter((v): v is number => typeof v === 'number');

describe('the compiled training plan', () => {
  it("gives the Session's values and gradients on random graphs, through every fast path and fused activation", () => {
    const cov: Coverage = { codes: new Set(), acts: new Set(), oneSided: new Set() };
    let compared = 0;
    fc.assert(
      fc.property(graphArb, (spec) => {
        if (compare(spec, cov)) compared++;
        compare(spec, cov, spec.seed % 1000);
      }),
      { seed: 20260518, numRuns: 300 },
    );
    expect(compared, 'graphs with finite values').toBeGreaterThan(250);
    const missing = (all: number[], seen: Set<number>, names: Record<number, string>) => all.filter((v) => !seen.has(v)).map((v) => names[v]);
    expect(missing(enumValues(Code), cov.codes, Code as unknown as Record<number, string>), 'fast paths never run in reverse').toEqual([]);
    expect(missing(enumValues(Act), cov.acts, Act as unknown as Record<number, string>), 'fused activations never run').toEqual([]);
    const binary = [Code.Sub, Code.Mul2, Code.Mse, Code.BceWithLogits];
    expect(missing(binary, cov.oneSided, Code as unknown as Record<number, string>), 'binary fast paths never run with one operand constant').toEqual([]);
  });
});
