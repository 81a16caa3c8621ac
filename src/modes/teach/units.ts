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
import { t } from '../../i18n/i18n.ts';
import { numberTex, sumTex, texName, textTex, type BackwardStep, type EdgeRecord, type Graph, type Stepper } from '../../../graph-engine/index.ts';

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
    for (const n of members.get(ids[u])!) order.push(n); // not push(...): a large layer would overflow the stack
    for (const t of succs[u]) if (--waiting[t] === 0) ready.push(t);
  }
  if (order.length !== graph.order.length) return { graph, unitOf, members, edgesOfModel }; // cannot happen for a DAG
  return { graph: { ...graph, order: Int32Array.from(order) }, unitOf, members, edgesOfModel };
}

/**
 * The graph edges from outside a collapsed macro into its primitives, per macro input port (the
 * edges an outer node's gradient receives the layer's contributions along).
 */
function macroInputEdges(graph: Graph, macroId: string): number[][] {
  const macro = graph.macros.get(macroId);
  if (!macro) return [];
  return macro.inputConsumers.map((consumers) =>
    consumers.flatMap((c) => {
      const n = graph.indexOf.get(c.node);
      const e = n === undefined ? -1 : graph.nodes[n].inputs[c.port];
      return e >= 0 && graph.nodes[graph.edges[e].source].origin !== macroId ? [e] : [];
    }),
  );
}

/**
 * The gradient a collapsed macro sends to each of its inputs once its primitives have been visited:
 * per input, the sum of the engine's contributions on the edges from that input into the macro.
 * Those contributions are final as soon as their targets (the macro's primitives) are visited, but
 * the engine records an edge when its source is visited, so this records them now (the engine's
 * own edge record: local derivative × upstream gradient; recording again later gives the same).
 */
export function macroInputGrads(stepper: Stepper, macroId: string): number[] {
  const { graph, session } = stepper;
  return macroInputEdges(graph, macroId).map((edges) =>
    edges.reduce((sum, e) => {
      if (!stepper.hasGrad(graph.edges[e].target) || graph.incomplete.has(graph.edges[e].target)) return Number.NaN;
      session.edgeRecord(e);
      return sum + session.contribution[e * session.batch];
    }, 0),
  );
}

/** The macro (collapsed layer) an edge record's target belongs to, if any. */
function consumerMacro(graph: Graph, r: EdgeRecord): string | undefined {
  return graph.nodes[graph.edges[r.edge].target].origin;
}

/** Live edge records of a backward step grouped by consumer: one group per collapsed macro, one per other edge. */
export function groupByConsumer(graph: Graph, step: BackwardStep): { macro?: string; records: EdgeRecord[] }[] {
  const groups: { macro?: string; records: EdgeRecord[] }[] = [];
  for (const r of step.edges) {
    if (!r.reachesLoss) continue;
    const macro = consumerMacro(graph, r);
    const g = macro ? groups.find((x) => x.macro === macro) : undefined;
    if (g) g.records.push(r);
    else groups.push({ macro, records: [r] });
  }
  return groups;
}

/**
 * A backward step's formula for a node that feeds collapsed layers: the layer's primitives are not
 * on show, so their contributions are grouped under the layer's label ("via hidden") rather than
 * named by internal node ids. Other steps keep the engine's formula.
 */
export function collapsedBackwardTex(graph: Graph, step: BackwardStep, macroLabel: (id: string) => string): string {
  const groups = groupByConsumer(graph, step);
  if (!groups.some((g) => g.macro)) return step.latex;
  const name = (n: number) => texName(graph.nodes[n].label);
  const L = graph.loss >= 0 ? name(graph.loss) : 'L';
  const lhs = `\\frac{\\partial ${L}}{\\partial ${name(step.node)}}`;
  const terms = groups.map((g, i) => {
    const label = g.macro ? macroLabel(g.macro) : graph.nodes[graph.edges[g.records[0].edge].target].label;
    const inner = sumTex(g.records.map((r) => numberTex(r.contribution)));
    const body = i > 0 && inner.startsWith('-') ? `(${inner})` : inner;
    return `\\underbrace{${body}}_{${textTex(`${t('teach.tex.via')} `)} ${texName(label)}}`;
  });
  return `${lhs} = ${terms.join(' + ')} = ${numberTex(step.grad)}`;
}
