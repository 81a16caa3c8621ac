/**
 * The local derivative of an edge between two cards when one of them is a collapsed layer. On the
 * canvas such an edge stands for one or more graph edges into the layer's primitives (`edges`), so
 * the raw local derivative of any one of them (a weight, say) is not ∂(layer output)/∂(source).
 * The true one is the chain rule inside the layer: the sum over every path that starts with one of
 * `edges` and stays inside the target layer, of the product of the local derivatives along it
 * (for a dense unit, σ′(z)·w). Read from the session's values with each op's own partial.
 */
import type { Session } from './session.ts';

/**
 * ∂(output)/∂(source) for each of `outputs`, along paths that start with one of `edges` (all from
 * the same source) and stay among the nodes of the targets' layer (their `origin`); for a target
 * outside any layer, just the edges' own local derivatives into it.
 */
function pathLocals(session: Session, edges: readonly number[], outputs: readonly number[], sample = 0): number[] {
  const { graph } = session;
  const d = new Map<number, number>();
  for (const e of edges) {
    const t = graph.edges[e].target;
    d.set(t, (d.get(t) ?? 0) + session.partialOf(e, sample));
  }
  const origin = edges.length ? graph.nodes[graph.edges[edges[0]].target].origin : undefined;
  if (origin !== undefined) {
    // Topological order makes each inner node's derivative final before it is passed on.
    for (const n of graph.order) {
      const dn = d.get(n);
      if (dn === undefined || dn === 0) continue;
      for (const e of graph.outEdges[n]) {
        const t = graph.edges[e].target;
        if (graph.nodes[t].origin !== origin || graph.incomplete.has(t)) continue;
        d.set(t, (d.get(t) ?? 0) + session.partialOf(e, sample) * dn);
      }
    }
  }
  return outputs.map((o) => d.get(o) ?? 0);
}

/** One chain-rule term of a canvas edge: a target output, ∂(it)/∂(source) and the loss's gradient there. */
export interface EdgeTerm {
  /** The graph node of the target output. */
  output: number;
  /** Its output port on a collapsed layer of several outputs (named `.y<port>`); absent otherwise. */
  port?: number;
  local: number;
  upstream: number;
}

/**
 * What a canvas edge standing for graph edges `edges` into card `target` carries: one term per
 * output of a collapsed layer that reaches the loss (its true local derivative, summed over the
 * paths inside the layer), or the edge's own term for a primitive target; and its contribution to
 * the loss's gradient at the source, the sum of the graph edges' contributions.
 */
export function edgeGroupTerms(session: Session, edges: readonly number[], target: string): { terms: EdgeTerm[]; contribution: number } {
  const { graph } = session;
  const macro = graph.macros.get(target);
  const outs = macro
    ? macro.outputs.flatMap((id, p) => {
        const n = graph.indexOf.get(id);
        return n !== undefined && graph.reachesLoss[n] ? [{ n, port: macro.outputs.length > 1 ? p : undefined }] : [];
      })
    : [{ n: graph.edges[edges[0]].target, port: undefined }];
  const locals = pathLocals(
    session,
    edges,
    outs.map((o) => o.n),
  );
  const terms = outs.map(
    (o, i): EdgeTerm => ({ output: o.n, ...(o.port === undefined ? {} : { port: o.port }), local: locals[i], upstream: session.grad(o.n) }),
  );
  return { terms, contribution: edges.reduce((sum, k) => sum + session.contribution[k], 0) };
}
