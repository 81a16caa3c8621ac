/**
 * Export a model's forward graph and loss to ONNX (opset 13). Inputs become graph inputs of shape
 * [N] (a batch of samples); params and consts become initializers named by node id; each primitive
 * becomes its ONNX operator (rules in the op registry); dense, neuron and mlp macros become Gemm
 * plus their activation (and Dropout, an identity when run, for a layer with dropout), with W as
 * an [units, k] initializer; softmax macros become Softmax.
 * Node ids are reserved before any name is generated, so generated names never take one.
 */
import type { Model } from '../core/model.ts';
import type { Graph } from '../graph/build.ts';
import { getOp, isLeafOp } from '../ops/registry.ts';
import { OnnxBuilder } from './onnx-builder.ts';
import { exportPlan, layerName, type ExportStep } from './steps.ts';
import { InputError } from '../core/errors.ts';

/** A model that passes validation but cannot be written in the target format (an op, an id). */
export class ExportError extends InputError {
  constructor(message: string) {
    super(message);
    this.name = 'ExportError';
  }
}

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
  for (const id of named) {
    const why = unencodable(id);
    if (why)
      throw new ExportError(`Node ${JSON.stringify(id)} cannot be exported to ONNX: its id ${why}, which an ONNX tensor name cannot hold. Rename the node.`);
  }
  const g = new OnnxBuilder();
  // Node ids are the model's names for its tensors: reserved first, so the names the exporter
  // makes up ("h/W", "h/Z", "L/sum", "const_1") step around them whatever the ids are.
  g.reserve(named);
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

/** Why a string cannot be an ONNX name (UTF-8 in the file, a C string in runtimes), or undefined. */
function unencodable(id: string): string | undefined {
  if (id.includes('\u0000')) return 'contains a NUL character (U+0000)';
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(id))
    return 'contains an unpaired UTF-16 surrogate (not valid Unicode text)';
  return undefined;
}

function emit(g: OnnxBuilder, step: Exclude<ExportStep, { kind: 'leaf' }>): void {
  switch (step.kind) {
    case 'op': {
      const { node } = step;
      const rule = getOp(node.op.name)?.onnx;
      if (!rule)
        throw new ExportError(`Node ${JSON.stringify(node.id)} (${node.op.name}) has no faithful ONNX equivalent, so the model cannot be exported to ONNX.`);
      rule(g, step.inputs, g.claim(node.id), node.attrs);
      return;
    }
    case 'layer': {
      // Gemm over the stacked inputs, the activation, then one tensor per unit.
      const { layer } = step;
      const name = layerName(layer);
      const x = g.stack(layer.inputs, `${name}/x`);
      const W = g.floats(g.fresh(`${name}/W`), [step.W.length, layer.inputs.length], step.W.flat());
      const b = g.floats(g.fresh(`${name}/b`), [step.b.length], step.b);
      let a = g.op('Gemm', [x, W, b], g.fresh(`${name}/Z`), { transB: { int: 1 } });
      if (layer.activation !== 'none') {
        const z = a;
        a = g.fresh(`${name}/A`);
        getOp(layer.activation)!.onnx!(g, [z], a, { alpha: layer.alpha });
      }
      layer.out.forEach((out, j) => g.column(a, j, g.claim(out)));
      if (layer.dropout) {
        // Dropout in evaluation mode, as the registry's rule writes the primitive.
        const d = g.fresh(`${name}/D`);
        getOp('dropout')!.onnx!(g, [a], d, { rate: layer.dropout.rate });
        layer.dropout.out.forEach((out, j) => g.column(d, j, g.claim(out)));
      }
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
