/**
 * Values and gradients of a graph over a batch of samples, in flat float64 arrays: node n, sample b
 * lives at [n * batch + b]; edge records (local derivative, contribution) likewise per edge.
 *
 * Reverse mode here is written the way it is taught: visiting node n (in reverse topological
 * order), each outgoing edge n -> m gets its local derivative dm/dn, the upstream gradient dL/dm
 * (final, since m was visited first) and their product, the contribution; dL/dn is the sum of the
 * contributions (the multi-path sum). `backward()` always starts from zero, so running it twice
 * gives the same gradients.
 */
import type { Graph } from '../graph/build.ts';
import { nodeRef, nodeRefWithOp } from '../core/model.ts';
import { isLeafOp } from '../ops/registry.ts';
import { dropoutStepKey, maskDraw } from '../core/random.ts';

export class Session {
  readonly graph: Graph;
  readonly batch: number;
  readonly values: Float64Array;
  readonly grads: Float64Array;
  /** d(target)/d(source) per edge and sample. */
  readonly local: Float64Array;
  /** local * dL/d(target) per edge and sample. */
  readonly contribution: Float64Array;
  /** Whether backward has produced gradients for the current values. */
  hasGrads = false;
  private readonly scratch: Float64Array;
  /** The dropout key of the training step this session computes, or undefined: evaluation. */
  private stepKey?: number;
  /** Source node of each input port, per node (-1 for empty ports). */
  private readonly sources: Int32Array[];

  constructor(graph: Graph, batch = 1) {
    this.graph = graph;
    this.batch = batch;
    const n = graph.nodes.length;
    this.values = new Float64Array(n * batch).fill(Number.NaN);
    this.grads = new Float64Array(n * batch);
    this.local = new Float64Array(graph.edges.length * batch);
    this.contribution = new Float64Array(graph.edges.length * batch);
    let widest = 0;
    // A plain loop: Int32Array.from with a mapping function was most of building a session (one
    // per keystroke on a large graph, and one more for Teach's stepper).
    this.sources = graph.nodes.map((node) => {
      const inputs = node.inputs;
      widest = Math.max(widest, inputs.length);
      const sources = new Int32Array(inputs.length);
      for (let i = 0; i < inputs.length; i++) sources[i] = inputs[i] >= 0 ? graph.edges[inputs[i]].source : -1;
      return sources;
    });
    this.scratch = new Float64Array(widest);
    for (const node of graph.nodes) if (isLeafOp(node.op)) this.setLeaf(node.index, node.value);
  }

  /** Sets a leaf to one value for every sample, or to one value per sample. */
  setLeaf(n: number, v: number | ArrayLike<number>): void {
    const base = n * this.batch;
    if (typeof v === 'number') this.values.fill(v, base, base + this.batch);
    else for (let b = 0; b < this.batch; b++) this.values[base + b] = v[b];
    this.hasGrads = false;
  }

  /**
   * Computes as training step `step` of a run seeded `seed` does (dropout drops, with the mask the
   * trainer draws for that step and sample), or, given undefined, as evaluation does (the default).
   * Takes effect from the next forward.
   */
  setTrainingStep(step?: { seed: number; step: number }): void {
    this.stepKey = step && dropoutStepKey(step.seed, step.step);
    this.hasGrads = false;
  }

  /** Whether the session computes a training step (setTrainingStep). */
  get training(): boolean {
    return this.stepKey !== undefined;
  }

  value(n: number, b = 0): number {
    return this.values[n * this.batch + b];
  }

  grad(n: number, b = 0): number {
    return this.grads[n * this.batch + b];
  }

  /** Computes node n from its inputs (leaves keep their value; incomplete nodes are NaN). */
  forwardNode(n: number): void {
    const node = this.graph.nodes[n];
    if (isLeafOp(node.op)) return;
    const B = this.batch;
    const out = n * B;
    if (this.graph.incomplete.has(n)) {
      this.values.fill(Number.NaN, out, out + B);
      return;
    }
    const src = this.sources[n];
    const k = src.length;
    const x = this.scratch;
    const { op, attrs } = node;
    const train = this.stepKey !== undefined ? op.training : undefined;
    if (train) {
      for (let b = 0; b < B; b++) this.values[out + b] = train.value(this.values[src[0] * B + b], maskDraw(this.stepKey!, n, b), attrs);
      return;
    }
    for (let b = 0; b < B; b++) {
      for (let j = 0; j < k; j++) x[j] = this.values[src[j] * B + b];
      this.values[out + b] = op.forward(x, k, attrs);
    }
  }

  forward(): void {
    for (const n of this.graph.order) this.forwardNode(n);
    this.hasGrads = false;
  }

  /** Can reverse mode run? A reason when it cannot. */
  backwardBlocker(): string | undefined {
    const { loss, incomplete, nodes } = this.graph;
    if (loss < 0) return 'The graph has no loss node to differentiate.';
    const why = incomplete.get(loss);
    return why ? `The loss ${JSON.stringify(nodes[loss].id)} cannot be computed yet: ${why}` : undefined;
  }

  /** The local derivative d(target)/d(source) of edge e on one sample, from the current values. */
  partialOf(e: number, b = 0): number {
    const { target: m, port } = this.graph.edges[e];
    const B = this.batch;
    const src = this.sources[m];
    const { op, attrs } = this.graph.nodes[m];
    if (this.stepKey !== undefined && op.training) return op.training.slope(maskDraw(this.stepKey, m, b), attrs);
    const x = Array.from(src, (s) => this.values[s * B + b]);
    return op.partial(x, x.length, this.values[m * B + b], port, attrs);
  }

  /** Records the local derivative and contribution of edge e (source -> target) for every sample. */
  edgeRecord(e: number): void {
    const { edges, nodes } = this.graph;
    const { target: m, port } = edges[e];
    const B = this.batch;
    const src = this.sources[m];
    const k = src.length;
    const x = this.scratch;
    const { op, attrs } = nodes[m];
    const train = this.stepKey !== undefined ? op.training : undefined;
    for (let b = 0; b < B; b++) {
      for (let j = 0; j < k; j++) x[j] = this.values[src[j] * B + b];
      const local = train ? train.slope(maskDraw(this.stepKey!, m, b), attrs) : op.partial(x, k, this.values[m * B + b], port, attrs);
      this.local[e * B + b] = local;
      this.contribution[e * B + b] = local * this.grads[m * B + b];
    }
  }

  /** Visits node n in reverse mode: records its outgoing edges and sums them into dL/dn. */
  backwardNode(n: number): void {
    const B = this.batch;
    const out = n * B;
    const { loss, outEdges, reachesLoss, incomplete } = this.graph;
    for (const e of outEdges[n]) if (!incomplete.has(this.graph.edges[e].target)) this.edgeRecord(e);
    if (n === loss) {
      this.grads.fill(1, out, out + B);
      return;
    }
    this.grads.fill(0, out, out + B);
    if (!reachesLoss[n]) return;
    for (const e of outEdges[n]) {
      if (!reachesLoss[this.graph.edges[e].target]) continue;
      for (let b = 0; b < B; b++) this.grads[out + b] += this.contribution[e * B + b];
    }
  }

  /** Zeroes every gradient and edge record (the state before the first backward step). */
  resetGrads(): void {
    this.grads.fill(0);
    this.local.fill(0);
    this.contribution.fill(0);
    this.hasGrads = false;
  }

  /** Reverse mode from the loss over the whole graph. Throws when the loss cannot be computed. */
  backward(): void {
    const blocker = this.backwardBlocker();
    if (blocker) throw new Error(blocker);
    this.resetGrads();
    const order = this.graph.order;
    for (let i = order.length - 1; i >= 0; i--) this.backwardNode(order[i]);
    this.hasGrads = true;
  }

  /**
   * The first node, in topological order, holding a non-finite value (or, with `grads`, the first
   * in reverse order holding a non-finite gradient): where the trouble started.
   */
  firstNonFinite(kind: 'values' | 'grads' = 'values'): { node: number; sample: number; value: number } | undefined {
    const { order, incomplete } = this.graph;
    const arr = kind === 'values' ? this.values : this.grads;
    const B = this.batch;
    for (let i = 0; i < order.length; i++) {
      const n = kind === 'values' ? order[i] : order[order.length - 1 - i];
      if (incomplete.has(n)) continue;
      for (let b = 0; b < B; b++) {
        const v = arr[n * B + b];
        if (!Number.isFinite(v)) return { node: n, sample: b, value: v };
      }
    }
    return undefined;
  }

  /** A user-facing sentence about the first non-finite value, naming the node and its inputs. */
  describeNonFinite(): string | undefined {
    const hit = this.firstNonFinite('values');
    return hit && this.nonFiniteCause(hit.node, hit.sample, true);
  }

  /**
   * Why node `n` holds a non-finite value on `sample`: made here from finite inputs (1/0, log of
   * a negative), naming them; or handed on from inputs that are already non-finite, naming those.
   */
  nonFiniteCause(n: number, sample = 0, first = false): string | undefined {
    const value = this.value(n, sample);
    if (Number.isFinite(value)) return undefined;
    const node = this.graph.nodes[n];
    const inputs = [...new Set(this.sources[n])]; // x * x names x once
    const bad = inputs.filter((s) => !Number.isFinite(this.value(s, sample)));
    const list = (ids: number[]) => ids.map((s) => `${nodeRef(this.graph.nodes[s])} = ${this.value(s, sample)}`).join(', ');
    const on = this.batch > 1 ? ` on sample ${sample}` : '';
    if (bad.length)
      return `Node ${nodeRefWithOp(node, node.op.name)} is ${value}${on} because its input${bad.length > 1 ? 's are' : ' is'} not finite: ${list(bad)}.`;
    const where = first ? 'the first non-finite value in the graph' : 'the value stops being finite here';
    return `Node ${nodeRefWithOp(node, node.op.name)} is ${value}${on}${inputs.length ? ` from ${list(inputs)}` : ''}: ${where}.`;
  }
}
