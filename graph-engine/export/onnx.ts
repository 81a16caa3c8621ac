/**
 * Export a model's forward graph and loss to ONNX (opset 13). Inputs become graph inputs of shape
 * [N] (a batch of samples); params and consts become initializers named by node id; each primitive
 * becomes its ONNX operator (rules in the op registry); dense, neuron and mlp macros become Gemm
 * plus their activation, with W as an [units, k] initializer; softmax macros become Softmax.
 */
import type { Model } from '../model.ts';
import type { Graph } from '../graph.ts';
import { getOp, isLeafOp } from '../ops/registry.ts';
import { OnnxBuilder } from './onnx-builder.ts';
import { exportPlan, layerName, type ExportStep } from './plan.ts';

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
   * 'default': the loss, what feeds it and every sink; 'all': every value that exists as its own
   * tensor (inside fused layers: each unit's output).
   */
  outputs?: 'default' | 'all';
}

export function exportOnnx(model: Model, options: OnnxOptions = {}): OnnxExport {
  const { graph, steps, named } = exportPlan(model);
  const g = new OnnxBuilder();
  const inputs: string[] = [];
  for (const step of steps) {
    if (step.kind === 'leaf') {
      if (step.node.op.name === 'input') inputs.push(g.input(step.node.id));
      else g.scalar(step.node.id, step.node.value);
    } else emit(g, step);
  }
  const outputs = pickOutputs(graph, options.outputs ?? 'default').filter((o) => named.has(o));
  for (const o of outputs) g.output(o);
  return { bytes: g.encode(model.name ?? 'graphgrad', `Exported by GraphGrad from "${model.name ?? 'model'}"`), inputs, outputs };
}

function emit(g: OnnxBuilder, step: Exclude<ExportStep, { kind: 'leaf' }>): void {
  switch (step.kind) {
    case 'op': {
      const { node } = step;
      const rule = getOp(node.op.name)?.onnx;
      if (!rule) throw new ExportError(`Node ${JSON.stringify(node.id)} (${node.op.name}) has no faithful ONNX equivalent, so the model cannot be exported to ONNX.`);
      rule(g, step.inputs, g.claim(node.id), node.attrs);
      return;
    }
    case 'layer': {
      // Gemm over the stacked inputs, the activation, then one tensor per unit.
      const { layer } = step;
      const name = layerName(layer);
      const x = g.stack(layer.inputs, `${name}/x`);
      const W = g.floats(`${name}/W`, [step.W.length, layer.inputs.length], step.W.flat());
      const b = g.floats(`${name}/b`, [step.b.length], step.b);
      let a = g.op('Gemm', [x, W, b], g.fresh(`${name}/Z`), { transB: { int: 1 } });
      if (layer.activation !== 'none') {
        const z = a;
        a = g.fresh(`${name}/A`);
        getOp(layer.activation)!.onnx!(g, [z], a, { alpha: layer.alpha });
      }
      layer.out.forEach((out, j) => g.column(a, j, g.claim(out)));
      return;
    }
    case 'softmax': {
      const x = g.stack(step.inputs, `${step.macro.id}/x`);
      const s = g.op('Softmax', [x], g.fresh(`${step.macro.id}/S`), { axis: { int: 1 } });
      step.macro.outputs.forEach((out, j) => g.column(s, j, g.claim(out)));
    }
  }
}

function pickOutputs(graph: Graph, which: 'default' | 'all'): string[] {
  const { nodes, loss, outEdges, edges } = graph;
  const keep = new Set<number>();
  for (const n of graph.order) {
    if (isLeafOp(nodes[n].op)) continue;
    if (which === 'all' || outEdges[n].length === 0) keep.add(n);
  }
  if (loss >= 0) {
    keep.add(loss);
    for (const e of nodes[loss].inputs) if (!isLeafOp(nodes[edges[e].source].op)) keep.add(edges[e].source);
  }
  return [...graph.order].filter((n) => keep.has(n)).map((n) => nodes[n].id);
}
