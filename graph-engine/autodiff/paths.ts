/**
 * The sum-over-paths picture of reverse mode: dL/dx is the sum, over every path x -> ... -> L, of
 * the product of the local derivatives along it. Reads the local derivatives a Session recorded
 * in reverse mode (run backward first); lists at most `limit` paths and counts all of them.
 */
import type { Graph } from '../graph/build.ts';
import type { Session } from './session.ts';

export interface GradPath {
  /** Node indices from x to the loss. */
  nodes: number[];
  /** Edge indices along the path (nodes.length - 1 of them). */
  edges: number[];
  /** Local derivative d(target)/d(source) of each edge. */
  locals: number[];
  /** Product of the local derivatives: this path's share of dL/dx. */
  product: number;
}

export interface PathListing {
  from: number;
  /** The listed paths, at most `limit`, in depth-first order along the file's edge order. */
  paths: GradPath[];
  /** How many paths there are in all (may exceed the listing). */
  total: number;
  truncated: boolean;
  /** Sum of the listed paths' products (equals `grad` when nothing was left out). */
  listedSum: number;
  /** dL/dx as reverse mode computed it. */
  grad: number;
}

/** Whether edge e can carry gradient to the loss (its target is complete and reaches the loss). */
function live(graph: Graph, e: number): boolean {
  const t = graph.edges[e].target;
  return !graph.incomplete.has(t) && graph.reachesLoss[t] === 1;
}

/** Number of paths from every node to the loss (0 where none). */
export function countPathsToLoss(graph: Graph): Float64Array {
  const count = new Float64Array(graph.nodes.length);
  if (graph.loss < 0) return count;
  for (let i = graph.order.length - 1; i >= 0; i--) {
    const n = graph.order[i];
    if (n === graph.loss) {
      count[n] = 1;
      continue;
    }
    let c = 0;
    for (const e of graph.outEdges[n]) if (live(graph, e)) c += count[graph.edges[e].target];
    count[n] = c;
  }
  return count;
}

export function pathsToLoss(graph: Graph, session: Session, from: number, limit = 50, sample = 0): PathListing {
  const B = session.batch;
  const total = countPathsToLoss(graph)[from] ?? 0;
  const paths: GradPath[] = [];
  const nodes = [from];
  const edges: number[] = [];
  const walk = (n: number): void => {
    if (paths.length >= limit) return;
    if (n === graph.loss) {
      const locals = edges.map((e) => session.local[e * B + sample]);
      paths.push({ nodes: [...nodes], edges: [...edges], locals, product: locals.reduce((p, l) => p * l, 1) });
      return;
    }
    for (const e of graph.outEdges[n]) {
      if (!live(graph, e)) continue;
      const t = graph.edges[e].target;
      nodes.push(t);
      edges.push(e);
      walk(t);
      nodes.pop();
      edges.pop();
      if (paths.length >= limit) return;
    }
  };
  if (graph.loss >= 0 && graph.reachesLoss[from]) walk(from);
  return {
    from,
    paths,
    total,
    truncated: total > paths.length,
    listedSum: paths.reduce((s, p) => s + p.product, 0),
    grad: session.grad(from, sample),
  };
}
