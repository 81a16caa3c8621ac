/**
 * What every exporter walks: the model's forward graph in topological order, with layer macros
 * kept whole, as their registry entry's `exportAs` says (neuron, dense and mlp as a sequence of
 * fully connected layers, softmax as one softmax), and everything else as primitive ops and leaves.
 */
import type { Model } from '../core/model.ts';
import { ModelError } from '../core/model.ts';
import { buildGraph, type Graph, type GraphNode } from '../core/graph.ts';
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

  const steps: ExportStep[] = [];
  const named = new Set<string>();
  const done = new Set<string>();
  for (const n of graph.order) {
    const node = nodes[n];
    const macro = wholeMacro.get(node.id);
    if (macro) {
      if (done.has(macro.id)) continue;
      done.add(macro.id);
      // Every node of a macro comes after the macro's inputs in topological order, so emitting
      // the whole macro at its first node keeps the order valid.
      if (getOp(macro.op)!.macro!.exportAs === 'softmax') {
        const inputs = macro.inputConsumers.map(([c]) => sourceId(nodes[graph.indexOf.get(c.node)!], c.port));
        steps.push({ kind: 'softmax', macro, inputs });
        macro.outputs.forEach((o) => named.add(o));
      } else {
        macro.layers.forEach((layer, index) => {
          steps.push({ kind: 'layer', macro, layer, index, W: layer.W.map((row) => row.map(value)), b: layer.b.map(value) });
          layer.out.forEach((o) => named.add(o));
        });
      }
      continue;
    }
    steps.push(isLeafOp(node.op) ? { kind: 'leaf', node } : { kind: 'op', node, inputs: [...node.inputs].map((_, p) => sourceId(node, p)) });
    named.add(node.id);
  }
  return { graph, expanded, steps, named };
}

/** A name for a layer's matrices: the common prefix of its parameter ids (`h1`, `net/l2`). */
export function layerName(layer: ResolvedLayer): string {
  const w = layer.W[0][0];
  return w.slice(0, w.lastIndexOf('/'));
}
