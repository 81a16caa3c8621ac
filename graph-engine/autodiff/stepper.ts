/**
 * The teaching step API: forward one node at a time in topological order, then backward one node
 * at a time in reverse order, each step returning what it computed with the per-edge chain-rule
 * records and LaTeX. Stepping back is exact: steps are deterministic, so the state after step i is
 * just the first i steps, and going back only moves the cursor.
 */
import type { EdgeGradient } from './compute.ts';
import type { Graph } from '../graph/build.ts';
import { isLeafOp, portName } from '../ops/registry.ts';
import { texName } from '../ops/latex.ts';
import { Session } from './session.ts';
import { formatNumber } from '../core/number-format.ts';

/** `a + b + c`, writing a negative term after the first as `- 0.5` (never `+ -0.5`). */
export function sumTex(terms: string[]): string {
  return terms.map((t, i) => (i === 0 ? t : t.startsWith('-') ? `- ${t.slice(1)}` : `+ ${t}`)).join(' ');
}

export interface ForwardInput {
  edge: number;
  port: number;
  portName: string;
  source: string;
  value: number;
}

export interface ForwardStep {
  kind: 'forward';
  /** Position in the forward pass, 1-based. */
  step: number;
  node: number;
  id: string;
  op: string;
  leaf: boolean;
  inputs: ForwardInput[];
  value: number;
  /** e.g. `u = b \cdot c = 3 \cdot 2 = 6` */
  latex: string;
}

export interface EdgeRecord extends EdgeGradient {
  edge: number;
  /** False when the target does not reach the loss (its contribution is 0). */
  reachesLoss: boolean;
  /** `\frac{\partial u}{\partial c} = b = 3` */
  localLatex: string;
}

export interface BackwardStep {
  kind: 'backward';
  step: number;
  node: number;
  id: string;
  isLoss: boolean;
  reachesLoss: boolean;
  edges: EdgeRecord[];
  grad: number;
  /** More than one outgoing edge carries a gradient: dL/dn is a multi-path sum. */
  multiPath: boolean;
  /** e.g. `\frac{\partial J}{\partial b} = 3 \cdot 2 = 6` */
  latex: string;
}

export type Step = ForwardStep | BackwardStep;

/** A number as the UI shows it (4 significant digits), in LaTeX: `1.5e-7` becomes `1.5 \times 10^{-7}`. */
export const numberTex = (v: number) => {
  if (Number.isNaN(v)) return '\\text{NaN}';
  if (!Number.isFinite(v)) return v > 0 ? '\\infty' : '-\\infty';
  const s = formatNumber(v);
  return s.includes('e') ? s.replace(/e([+-]?\d+)/, ' \\times 10^{$1}') : s;
};
const numTex = numberTex;

/** LaTeX names for every node, from labels (plain text, escaped). */
function nodeNames(graph: Graph): string[] {
  return graph.nodes.map((n) => texName(n.label));
}

export class Stepper {
  readonly graph: Graph;
  readonly session: Session;
  private texNames?: string[];
  /** Number of forward steps done (0..V) and backward steps done (0..V). */
  forwardDone = 0;
  backwardDone = 0;

  constructor(graph: Graph, session = new Session(graph, 1)) {
    this.graph = graph;
    this.session = session;
  }

  /**
   * LaTeX names, worked out when a step is first described: Teach starts a stepper over on every
   * edit of the graph, and on expanded digits-mlp (2,511 nodes) naming them all was most of that.
   */
  private get names(): string[] {
    return (this.texNames ??= nodeNames(this.graph));
  }

  get total(): number {
    return this.graph.order.length;
  }

  /** Node indices not yet computed in the forward pass. */
  isComputed(n: number): boolean {
    return this.position(n) < this.forwardDone;
  }

  /** Whether node n's gradient is final (visited by the backward pass). */
  hasGrad(n: number): boolean {
    return this.total - 1 - this.position(n) < this.backwardDone;
  }

  private positions?: Int32Array;
  position(n: number): number {
    if (!this.positions) {
      this.positions = new Int32Array(this.total);
      this.graph.order.forEach((m, i) => (this.positions![m] = i));
    }
    return this.positions[n];
  }

  canStepForward(): boolean {
    return this.forwardDone < this.total;
  }

  canStepBackward(): boolean {
    return this.forwardDone === this.total && this.backwardDone < this.total && !this.session.backwardBlocker();
  }

  stepForward(): ForwardStep | undefined {
    if (!this.canStepForward()) return undefined;
    const n = this.graph.order[this.forwardDone++];
    this.session.forwardNode(n);
    return this.describeForward(n);
  }

  stepBackward(): BackwardStep | undefined {
    if (!this.canStepBackward()) return undefined;
    if (this.backwardDone === 0) this.session.resetGrads();
    const n = this.graph.order[this.total - 1 - this.backwardDone++];
    this.session.backwardNode(n);
    if (this.backwardDone === this.total) this.session.hasGrads = true;
    return this.describeBackward(n);
  }

  /** Undoes the last step; returns false at the start. */
  stepBack(): boolean {
    if (this.backwardDone > 0) {
      this.backwardDone--;
      this.session.hasGrads = false;
      return true;
    }
    if (this.forwardDone > 0) {
      this.forwardDone--;
      return true;
    }
    return false;
  }

  runForward(): void {
    while (this.stepForward());
  }

  runBackward(): void {
    this.runForward();
    while (this.stepBackward());
  }

  reset(): void {
    this.forwardDone = 0;
    this.backwardDone = 0;
    this.session.resetGrads();
  }

  /** The most recent step, re-described (for redisplay after stepping back). */
  current(): Step | undefined {
    if (this.backwardDone > 0) return this.describeBackward(this.graph.order[this.total - this.backwardDone]);
    if (this.forwardDone > 0) return this.describeForward(this.graph.order[this.forwardDone - 1]);
    return undefined;
  }

  describeForward(n: number): ForwardStep {
    const { graph, session, names } = this;
    const node = graph.nodes[n];
    const leaf = isLeafOp(node.op);
    const inputs: ForwardInput[] = [...node.inputs].map((e, port) => ({
      edge: e,
      port,
      portName: portName(node.op, port, node.inputs.length),
      source: e >= 0 ? graph.nodes[graph.edges[e].source].id : '',
      value: e >= 0 ? session.value(graph.edges[e].source) : Number.NaN,
    }));
    const value = session.value(n);
    let latex: string;
    if (leaf) {
      latex = `${names[n]} = ${numTex(value)}`;
    } else {
      const symbolic = node.op.latex.value(
        inputs.map((i) => (i.edge >= 0 ? names[graph.edges[i.edge].source] : '?')),
        node.attrs,
      );
      const numeric = node.op.latex.value(
        inputs.map((i) => numTex(i.value)),
        node.attrs,
      );
      latex = `${names[n]} = ${symbolic} = ${numeric} = ${numTex(value)}`;
    }
    return { kind: 'forward', step: this.position(n) + 1, node: n, id: node.id, op: node.op.name, leaf, inputs, value, latex };
  }

  /** The chain-rule record of edge e, with its local derivative in symbols and in numbers. */
  edgeRecord(e: number): EdgeRecord {
    const { graph, session, names } = this;
    const edge = graph.edges[e];
    const target = graph.nodes[edge.target];
    const args = [...target.inputs].map((i) => names[graph.edges[i].source]);
    const nums = [...target.inputs].map((i) => numTex(session.value(graph.edges[i].source)));
    const symbolic = target.op.latex.partial(args, edge.port, names[edge.target], target.attrs);
    const numeric = target.op.latex.partial(nums, edge.port, numTex(session.value(edge.target)), target.attrs);
    const local = session.local[e];
    const parts = [`\\frac{\\partial ${names[edge.target]}}{\\partial ${names[edge.source]}} = ${symbolic}`];
    if (numeric !== symbolic) parts.push(numeric);
    if (numTex(local) !== numeric) parts.push(numTex(local));
    return {
      edge: e,
      source: graph.nodes[edge.source].id,
      target: target.id,
      port: edge.port,
      local,
      upstream: session.grad(edge.target),
      contribution: session.contribution[e],
      reachesLoss: graph.reachesLoss[edge.target] === 1,
      localLatex: parts.join(' = '),
    };
  }

  describeBackward(n: number): BackwardStep {
    const { graph, session, names } = this;
    const node = graph.nodes[n];
    const isLoss = n === graph.loss;
    const edges = graph.outEdges[n].filter((e) => !graph.incomplete.has(graph.edges[e].target)).map((e) => this.edgeRecord(e));
    const live = edges.filter((r) => r.reachesLoss);
    const grad = session.grad(n);
    const L = graph.loss >= 0 ? names[graph.loss] : 'L';
    const lhs = `\\frac{\\partial ${L}}{\\partial ${names[n]}}`;
    let latex: string;
    if (isLoss) latex = `${lhs} = 1`;
    else if (!graph.reachesLoss[n]) latex = `${lhs} = 0 \\quad \\text{(no path to the loss)}`;
    else {
      const symbolic = live
        .map(
          (r) =>
            `\\frac{\\partial ${L}}{\\partial ${names[graph.edges[r.edge].target]}} \\frac{\\partial ${names[graph.edges[r.edge].target]}}{\\partial ${names[n]}}`,
        )
        .join(' + ');
      const numeric = sumTex(live.map((r) => `${numTex(r.upstream)} \\cdot ${numTex(r.local)}`.replace(/\\cdot (-[^ ]+)$/, '\\cdot ($1)')));
      const sums = live.length > 1 ? ` = ${sumTex(live.map((r) => numTex(r.contribution)))}` : '';
      latex = `${lhs} = ${symbolic} = ${numeric}${sums} = ${numTex(grad)}`;
    }
    return {
      kind: 'backward',
      step: this.total - this.position(n),
      node: n,
      id: node.id,
      isLoss,
      reachesLoss: graph.reachesLoss[n] === 1,
      edges,
      grad,
      multiPath: live.length > 1,
      latex,
    };
  }
}
