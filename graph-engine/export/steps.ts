/**
 * What every exporter walks: the model's forward graph in topological order, with layer macros
 * kept whole, as their registry entry's `exportAs` says (neuron, dense and mlp as a sequence of
 * fully connected layers, softmax as one softmax), and everything else as primitive ops and leaves.
 */
import type { Model } from '../core/model.ts';
import { ModelError } from '../core/model.ts';
import { buildGraph, type Graph, type GraphNode } from '../graph/build.ts';
import { expandMacros, type Expanded } from '../macros/expand.ts';
import type { MacroInstance, ResolvedLayer } from '../macros/types.ts';
import { getOp, isLeafOp } from '../ops/registry.ts';

export type ExportStep =
  | { kind: 'leaf'; node: GraphNode }
  | { kind: 'op'; node: GraphNode; inputs: string[] }
  | { kind: 'layer'; macro: MacroInstance; layer: ResolvedLayer; index: number; W: number[][]; b: number[] }
  | { kind: 'softmax'; macro: MacroInstance; inputs: string[] };

export interface ExportPlan {
  graph: Graph;
  expanded: Expanded;
  steps: ExportStep[];
  /** Ids that exist as named values after the steps run (leaves, ops, layer and softmax outputs). */
  named: Set<string>;
}

export function exportPlan(model: Model): ExportPlan {
  const expanded = expandMacros(model);
  if (expanded.problems.length) throw new ModelError(expanded.problems);
  const graph = buildGraph(expanded.model);
  const { nodes, edges } = graph;
  const sourceId = (n: GraphNode, port: number) => nodes[edges[n.inputs[port]].source].id;
  const value = (id: string) => nodes[graph.indexOf.get(id)!].value;

  // Every macro is written whole, the way its registry entry says (exportAs).
  const wholeMacro = new Map<string, MacroInstance>();
  for (const m of expanded.macros.values()) for (const id of m.nodes) wholeMacro.set(id, m);

  // A whole macro is one unit, emitted at once; every other node is a unit of its own. The units
  // are put in topological order among themselves: the engine's order is one over primitives, where
  // a layer's params (leaves) come first, so emitting a macro at its first node would put it
  // before inputs computed elsewhere in the graph.
  const units: ({ macro: MacroInstance } | { node: GraphNode })[] = [];
  const unitKey = new Map<string, number>();
  const unitOf = new Int32Array(nodes.length);
  for (const n of graph.order) {
    const macro = wholeMacro.get(nodes[n].id);
    const key = macro ? `macro ${macro.id}` : `node ${n}`;
    let u = unitKey.get(key);
    if (u === undefined) {
      u = units.push(macro ? { macro } : { node: nodes[n] }) - 1;
      unitKey.set(key, u);
    }
    unitOf[n] = u;
  }
  const successors: number[][] = units.map(() => []);
  const indegree = new Int32Array(units.length);
  for (const e of edges) {
    const from = unitOf[e.source];
    const to = unitOf[e.target];
    if (from === to) continue;
    successors[from].push(to);
    indegree[to]++;
  }
  const ready: number[] = [];
  for (let u = 0; u < units.length; u++) if (indegree[u] === 0) ready.push(u);
  for (let head = 0; head < ready.length; head++) for (const v of successors[ready[head]]) if (--indegree[v] === 0) ready.push(v);

  const steps: ExportStep[] = [];
  const named = new Set<string>();
  for (const u of ready) {
    const unit = units[u];
    if ('node' in unit) {
      const { node } = unit;
      steps.push(isLeafOp(node.op) ? { kind: 'leaf', node } : { kind: 'op', node, inputs: [...node.inputs].map((_, p) => sourceId(node, p)) });
      named.add(node.id);
      continue;
    }
    const { macro } = unit;
    if (getOp(macro.op)!.macro!.exportAs === 'softmax') {
      const inputs = macro.inputConsumers.map(([c]) => sourceId(nodes[graph.indexOf.get(c.node)!], c.port));
      steps.push({ kind: 'softmax', macro, inputs });
      macro.outputs.forEach((o) => named.add(o));
    } else {
      macro.layers.forEach((layer, index) => {
        steps.push({ kind: 'layer', macro, layer, index, W: layer.W.map((row) => row.map(value)), b: layer.b.map(value) });
        layer.out.forEach((o) => named.add(o));
        layer.dropout?.out.forEach((o) => named.add(o));
      });
    }
  }
  return { graph, expanded, steps, named };
}

/** A name for a layer's matrices: the common prefix of its parameter ids (`h1`, `net/l2`). */
export function layerName(layer: ResolvedLayer): string {
  const w = layer.W[0][0];
  return w.slice(0, w.lastIndexOf('/'));
}
