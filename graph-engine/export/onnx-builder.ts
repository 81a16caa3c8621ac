/**
 * A small builder for ONNX graphs (opset 13): nodes, scalar and matrix initializers, float inputs
 * and outputs with a batch dimension "N". Ops' export rules (in the op registry) call it.
 * Tensors are float32: it is what every ONNX runtime supports for every op used here.
 */
import { ONNX_OPSET } from './opset.ts';
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
type NodeProto = import('onnx-proto').onnx.INodeProto;
type TensorProto = import('onnx-proto').onnx.ITensorProto;
type ValueInfo = import('onnx-proto').onnx.IValueInfoProto;
type AttributeProto = import('onnx-proto').onnx.IAttributeProto;

const FLOAT = onnx.TensorProto.DataType.FLOAT;
const INT64 = onnx.TensorProto.DataType.INT64;
const A = onnx.AttributeProto.AttributeType;

export type OnnxAttr = number | number[] | { int: number } | { ints: number[] };

/** A per-sample tensor of shape [N] ("vector"), or a batch matrix [N, k]. */
export class OnnxBuilder {
  private nodes: NodeProto[] = [];
  private initializers: TensorProto[] = [];
  private inputs: ValueInfo[] = [];
  private outputs: ValueInfo[] = [];
  private used = new Set<string>();
  private counter = 0;

  /**
   * Takes names that belong to the model (its node ids) before anything is generated, so no
   * generated name can ever take one: a dense layer `h` beside a node with id `h/Z` or `h/W`.
   */
  reserve(names: Iterable<string>): void {
    for (const n of names) this.used.add(n);
  }

  /** A fresh tensor name derived from `hint`, unlike every name reserved or generated so far. */
  fresh(hint: string): string {
    let name = hint;
    while (this.used.has(name)) name = `${hint}#${++this.counter}`;
    this.used.add(name);
    return name;
  }

  /** A name the caller owns (a reserved node id, or one from fresh()). */
  claim(name: string): string {
    this.used.add(name);
    return name;
  }

  /** Adds a node; returns the name of its (first) output. */
  op(type: string, inputs: string[], output: string | string[], attrs: Record<string, OnnxAttr> = {}): string {
    const outs = Array.isArray(output) ? output : [output];
    this.nodes.push({
      opType: type,
      input: inputs,
      output: outs,
      name: outs[0],
      attribute: Object.entries(attrs).map(([name, v]) => attribute(name, v)),
    });
    return outs[0];
  }

  /** A float scalar initializer (rank 0; broadcasts against [N]). */
  scalar(name: string, value: number): string {
    this.initializers.push({ name: this.claim(name), dataType: FLOAT, dims: [], floatData: [value] });
    return name;
  }

  floats(name: string, dims: number[], data: number[]): string {
    this.initializers.push({ name: this.claim(name), dataType: FLOAT, dims, floatData: data });
    return name;
  }

  ints(name: string, data: number[]): string {
    this.initializers.push({ name: this.claim(name), dataType: INT64, dims: [data.length], int64Data: data });
    return name;
  }

  /** A fresh scalar constant. */
  constant(value: number): string {
    return this.scalar(this.fresh(`const_${value}`), value);
  }

  input(name: string, cols?: number): string {
    this.inputs.push(valueInfo(this.claim(name), cols));
    return name;
  }

  output(name: string, cols?: number): void {
    this.outputs.push(valueInfo(name, cols));
  }

  /** [N] vectors side by side as an [N, k] matrix. */
  stack(vectors: string[], hint: string): string {
    const axes = this.ints(this.fresh(`${hint}/axes1`), [1]);
    const cols = vectors.map((v) => this.op('Unsqueeze', [v, axes], this.fresh(`${v}/col`)));
    return cols.length === 1 ? cols[0] : this.op('Concat', cols, this.fresh(`${hint}/stacked`), { axis: { int: 1 } });
  }

  /** Column j of an [N, k] matrix as an [N] vector named `out`. */
  column(matrix: string, j: number, out: string): string {
    const index = this.ints(this.fresh(`${out}/index`), [j]);
    const col = this.op('Gather', [matrix, index], this.fresh(`${out}/gathered`), { axis: { int: 1 } });
    const axes = this.ints(this.fresh(`${out}/axes1`), [1]);
    return this.op('Squeeze', [col, axes], out);
  }

  encode(name: string, docString: string): Uint8Array {
    this.checkNames();
    const model = onnx.ModelProto.create({
      irVersion: 8,
      producerName: 'graphgrad',
      producerVersion: '1',
      docString,
      opsetImport: [{ domain: '', version: ONNX_OPSET }],
      graph: { name, node: this.nodes, initializer: this.initializers, input: this.inputs, output: this.outputs },
    });
    return onnx.ModelProto.encode(model).finish();
  }

  /**
   * ONNX wants every value produced once (by one node, initializer or graph input) and every node
   * name unique; a file that breaks this is refused by ONNX Runtime or, for initializers, silently
   * takes the last one. Checked here so an export never reports success for such a file.
   */
  private checkNames(): void {
    const produced = new Map<string, string>();
    const once = (name: string, what: string) => {
      const before = produced.get(name);
      if (before !== undefined)
        throw new OnnxNameError(`ONNX export produced the value ${JSON.stringify(name)} twice (${before} and ${what}); this is a bug in the exporter.`);
      produced.set(name, what);
    };
    for (const t of this.initializers) once(t.name!, 'an initializer');
    for (const v of this.inputs) once(v.name!, 'a graph input');
    const nodeNames = new Set<string>();
    for (const n of this.nodes) {
      for (const o of n.output ?? []) once(o, `an output of ${n.opType} node ${JSON.stringify(n.name)}`);
      if (nodeNames.has(n.name!)) throw new OnnxNameError(`ONNX export named two nodes ${JSON.stringify(n.name)}; this is a bug in the exporter.`);
      nodeNames.add(n.name!);
    }
  }
}

class OnnxNameError extends Error {}

function valueInfo(name: string, cols?: number): ValueInfo {
  const dim = [{ dimParam: 'N' }, ...(cols === undefined ? [] : [{ dimValue: cols }])];
  return { name, type: { tensorType: { elemType: FLOAT, shape: { dim } } } };
}

function attribute(name: string, v: OnnxAttr): AttributeProto {
  if (typeof v === 'number') return { name, type: A.FLOAT, f: v };
  if (Array.isArray(v)) return { name, type: A.FLOATS, floats: v };
  if ('int' in v) return { name, type: A.INT, i: v.int };
  return { name, type: A.INTS, ints: v.ints };
}
