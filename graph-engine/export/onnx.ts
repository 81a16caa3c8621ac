/**
 * Export a model's forward graph and loss to ONNX (opset 13). Inputs become graph inputs of shape
 * [N] (a batch of samples); params and consts become initializers named by node id; each primitive
 * becomes its ONNX operator (rules in the op registry); dense, neuron and mlp macros become Gemm
 * plus their activation, with W as an [units, k] initializer; softmax macros become Softmax.
 */
import type { Model } from '../model.ts';
import { ModelError } from '../model.ts';
import { buildGraph, type Graph } from '../graph.ts';
import { expandMacros } from '../macros/expand.ts';
import type { MacroInstance, ResolvedLayer } from '../macros/types.ts';
import { getOp, isLeafOp } from '../ops/registry.ts';
import { OnnxBuilder } from './onnx-builder.ts';

export class ExportError extends Error {}

export interface OnnxExport {
  bytes: Uint8Array;
  /** Graph input names (the model's input node ids), each of shape [N]. */
  inputs: string[];
  /** Graph output names (node ids), each of shape [N]. */
  outputs: string[];
}

export interface OnnxOptions {
  /**
   * 'default': the loss, what feeds it and every sink; 'all': every node computed as its own
   * tensor (inside fused layers: each unit's output).
   */
  outputs?: 'default' | 'all';
}

const FUSED_AS_GEMM = new Set(['neuron', 'dense', 'mlp']);

export function exportOnnx(model: Model, options: OnnxOptions = {}): OnnxExport {
  const expanded = expandMacros(model);
  if (expanded.problems.length) throw new ModelError(expanded.problems);
  const graph = buildGraph(expanded.model);
  const g = new OnnxBuilder();
  const id = (n: number) => graph.nodes[n].id;
  const sourceOf = (n: number, port: number) => id(graph.edges[graph.nodes[n].inputs[port]].source);

  // Which macro (if any) each primitive node belongs to, for the macros exported whole.
  const fusedBy = new Map<string, MacroInstance>();
  for (const m of expanded.macros.values()) if (FUSED_AS_GEMM.has(m.op) || m.op === 'softmax') for (const n of m.nodes) fusedBy.set(n, m);
  const emitted = new Set<string>();
  const tensors = new Set<string>();
  const inputs: string[] = [];

  for (const n of graph.order) {
    const node = graph.nodes[n];
    const macro = fusedBy.get(node.id);
    if (macro) {
      if (!emitted.has(macro.id)) {
        emitted.add(macro.id);
        for (const t of macro.op === 'softmax' ? emitSoftmax(g, graph, macro) : macro.layers.flatMap((l) => emitLayer(g, graph, l))) tensors.add(t);
      }
      continue;
    }
    if (isLeafOp(node.op)) {
      if (node.op.name === 'input') inputs.push(g.input(node.id));
      else g.scalar(node.id, node.value);
      continue;
    }
    const rule = getOp(node.op.name)?.onnx;
    if (!rule) {
      throw new ExportError(`Node ${JSON.stringify(node.id)} (${node.op.name}) has no faithful ONNX equivalent, so the model cannot be exported to ONNX.`);
    }
    rule(g, [...node.inputs].map((_, p) => sourceOf(n, p)), g.claim(node.id), node.attrs);
    tensors.add(node.id);
  }

  const outputs = pickOutputs(graph, options.outputs ?? 'default').filter((o) => tensors.has(o));
  for (const o of outputs) g.output(o);
  return { bytes: g.encode(model.name ?? 'graphgrad', `Exported by GraphGrad from "${model.name ?? 'model'}"`), inputs, outputs };
}

/** A fully connected layer: Gemm over the stacked inputs, the activation, then one tensor per unit. */
function emitLayer(g: OnnxBuilder, graph: Graph, layer: ResolvedLayer): string[] {
  const value = (pid: string) => graph.nodes[graph.indexOf.get(pid)!].value;
  const prefix = layer.W[0][0].slice(0, layer.W[0][0].lastIndexOf('/'));
  const x = g.stack(layer.inputs, `${prefix}/x`);
  const W = g.floats(`${prefix}/W`, [layer.W.length, layer.inputs.length], layer.W.flat().map(value));
  const b = g.floats(`${prefix}/b`, [layer.b.length], layer.b.map(value));
  const z = g.op('Gemm', [x, W, b], g.fresh(`${prefix}/Z`), { transB: { int: 1 } });
  let a = z;
  if (layer.activation !== 'none') {
    const act = getOp(layer.activation)!;
    a = g.fresh(`${prefix}/A`);
    act.onnx!(g, [z], a, { alpha: layer.alpha });
  }
  return layer.out.map((out, j) => g.column(a, j, g.claim(out)));
}

/** A softmax macro: ONNX Softmax over its stacked inputs, one tensor per output. */
function emitSoftmax(g: OnnxBuilder, graph: Graph, macro: MacroInstance): string[] {
  const inputs = macro.inputConsumers.map((consumers) => {
    const { node, port } = consumers[0];
    const n = graph.indexOf.get(node)!;
    return graph.nodes[graph.edges[graph.nodes[n].inputs[port]].source].id;
  });
  const x = g.stack(inputs, `${macro.id}/x`);
  const s = g.op('Softmax', [x], g.fresh(`${macro.id}/S`), { axis: { int: 1 } });
  return macro.outputs.map((out, j) => g.column(s, j, g.claim(out)));
}

function pickOutputs(graph: Graph, which: 'default' | 'all'): string[] {
  const { nodes, loss, outEdges, edges } = graph;
  const keep = new Set<number>();
  for (const n of graph.order) {
    const node = nodes[n];
    if (isLeafOp(node.op)) continue;
    if (which === 'all' || outEdges[n].length === 0) keep.add(n);
  }
  if (loss >= 0) {
    keep.add(loss);
    for (const e of nodes[loss].inputs) if (!isLeafOp(nodes[edges[e].source].op)) keep.add(edges[e].source);
  }
  return [...graph.order].filter((n) => keep.has(n)).map((n) => nodes[n].id);
}
