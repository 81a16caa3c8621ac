/**
 * Teaching units: what one click steps through. A layer macro that is collapsed in the editor is
 * one card on the canvas, so its primitives (graph nodes whose `origin` is the macro id) step as
 * one unit; every other node is a unit of its own. An expanded macro's primitives are ordinary
 * model nodes (no `origin`), so they step one by one.
 *
 * The engine's topological order may interleave a macro's primitives with other nodes; this
 * regroups it so each unit is contiguous (units in dependency order, primitives in the engine's
 * order within a unit). Only the schedule changes: every value still comes from the engine.
 */
import type { Graph } from '../../../graph-engine/index.ts';

export interface Units {
  /** The graph with `order` regrouped (same nodes, edges and everything else). */
  graph: Graph;
  /** Unit (card) id per node index: the macro id for a collapsed macro's primitives, else the node id. */
  unitOf: string[];
  /** Node indices of each unit, in the unit's order. */
  members: ReadonlyMap<string, number[]>;
  /** Graph edge indices per model edge index (several for an edge into a collapsed macro). */
  edgesOfModel: number[][];
}

export function teachingUnits(graph: Graph): Units {
  const unitOf = graph.nodes.map((n) => n.origin ?? n.id);
  const edgesOfModel: number[][] = [];
  for (const e of graph.edges) if (e.modelIndex >= 0) (edgesOfModel[e.modelIndex] ??= []).push(e.index);
  const position = new Int32Array(graph.nodes.length);
  graph.order.forEach((n, i) => (position[n] = i));
  const members = new Map<string, number[]>();
  for (const n of graph.order) {
    const u = unitOf[n];
    const list = members.get(u);
    if (list) list.push(n);
    else members.set(u, [n]);
  }
  if (!graph.nodes.some((n) => n.origin)) return { graph, unitOf, members, edgesOfModel };

  // Kahn's algorithm over units, always taking the ready unit that comes first in the engine's order.
  const ids = [...members.keys()];
  const indexOfUnit = new Map(ids.map((u, i) => [u, i]));
  const preds = ids.map(() => new Set<number>());
  const succs = ids.map(() => new Set<number>());
  for (const e of graph.edges) {
    const s = indexOfUnit.get(unitOf[e.source])!;
    const t = indexOfUnit.get(unitOf[e.target])!;
    if (s !== t) {
      preds[t].add(s);
      succs[s].add(t);
    }
  }
  const first = ids.map((u) => position[members.get(u)![0]]);
  const waiting = preds.map((p) => p.size);
  const ready = ids.map((_, i) => i).filter((i) => waiting[i] === 0);
  const order: number[] = [];
  while (ready.length) {
    let best = 0;
    for (let k = 1; k < ready.length; k++) if (first[ready[k]] < first[ready[best]]) best = k;
    const u = ready.splice(best, 1)[0];
    order.push(...members.get(ids[u])!);
    for (const t of succs[u]) if (--waiting[t] === 0) ready.push(t);
  }
  if (order.length !== graph.order.length) return { graph, unitOf, members, edgesOfModel }; // cannot happen for a DAG
  return { graph: { ...graph, order: Int32Array.from(order) }, unitOf, members, edgesOfModel };
}
