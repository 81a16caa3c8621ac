/**
 * The names the app writes for nodes in its text and formulas (∂J/∂w, "c → u"): one place, so the
 * inspector, the cards and Teach mode always name a node the same way.
 */
import { nodeLabel, type Graph } from '../../graph-engine/index.ts';

/** What formulas call the loss when the graph names none. */
const NO_LOSS = 'L';

/** The loss's name in a derivative such as ∂J/∂w: its label, or "L" when there is no loss. */
export function lossLabel(nodes: readonly { id: string; label?: string }[], lossId: string | undefined): string {
  const loss = lossId === undefined ? undefined : nodes.find((n) => n.id === lossId);
  if (loss) return nodeLabel(loss);
  // A loss inside a collapsed layer (its output y1, say) goes by its expanded id: net/l2/a1.
  if (lossId !== undefined && nodes.some((n) => lossId.startsWith(`${n.id}/`))) return lossId;
  return NO_LOSS;
}

/** The loss's name in a built graph (see `lossLabel`). */
export const graphLossLabel = (graph: Graph): string => lossLabel(graph.nodes, graph.nodes[graph.loss]?.id);

/**
 * A node's name in a built graph: its label, or for a node expanded from a layer macro its full id,
 * since every layer's primitives carry the same short labels.
 */
export function graphNodeName(graph: Graph, index: number): string {
  const n = graph.nodes[index];
  return n.origin ? n.id : n.label;
}

/** `graphNodeName` by id; the id itself for a node the graph does not hold. */
export function graphNodeNameOf(graph: Graph, id: string): string {
  const i = graph.indexOf.get(id);
  return i === undefined ? id : graphNodeName(graph, i);
}
