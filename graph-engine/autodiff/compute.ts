/** One-call forward + reverse mode over a model, in the shape the CLI's `grad --json` prints. */
import { ModelError, type Model } from '../core/model.ts';
import { buildGraph, type Graph } from '../graph/build.ts';
import { Session } from './session.ts';
import { nullRecord } from '../core/records.ts';

/** One edge's chain-rule record: what reverse mode multiplied along it. */
export interface EdgeGradient {
  source: string;
  target: string;
  port: number;
  /** d(target)/d(source) */
  local: number;
  /** dL/d(target) */
  upstream: number;
  /** upstream * local */
  contribution: number;
}

export interface GradientReport {
  loss: string;
  values: Record<string, number>;
  grads: Record<string, number>;
  edges: EdgeGradient[];
}

export function computeGradients(model: Model): GradientReport {
  const graph = buildGraph(model);
  const s = new Session(graph, 1);
  s.forward();
  const bad = s.describeNonFinite();
  if (bad) throw new ModelError([{ message: bad }]);
  s.backward();
  return report(graph, s);
}

function report(graph: Graph, s: Session): GradientReport {
  // Keyed by node id: no prototype, so ids like "__proto__" or "toString" are stored and printed.
  const values = nullRecord<number>();
  const grads = nullRecord<number>();
  for (const n of graph.nodes) {
    values[n.id] = s.value(n.index);
    grads[n.id] = s.grad(n.index);
  }
  const edges = graph.edges.map((e) => ({
    source: graph.nodes[e.source].id,
    target: graph.nodes[e.target].id,
    port: e.port,
    local: s.local[e.index],
    upstream: s.grad(e.target),
    contribution: s.contribution[e.index],
  }));
  return { loss: graph.nodes[graph.loss].id, values, grads, edges };
}
