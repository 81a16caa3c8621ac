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
export function pathLocals(session: Session, edges: readonly number[], outputs: readonly number[], sample = 0): number[] {
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
