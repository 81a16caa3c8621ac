// ONNX export, verified by running the exported model in ONNX Runtime (onnxruntime-web, in Node)
// and comparing every output with the engine's forward values over a batch.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-web';
import { buildGraph, ensureOpsFor, Session, type Model } from '../graph-engine/index.ts';
import { ExportError, exportOnnx } from '../graph-engine/export/onnx.ts';
import { dropoutModel, input, model, op } from './support/models.ts';

ort.env.wasm.numThreads = 1;
const dir = new URL('../samples/', import.meta.url);
const samples = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Model] as const);
const BATCH = 4;

/** Runs the export in ONNX Runtime and the engine on the same batch; returns both per output. */
async function compare(m: Model) {
  const exp = exportOnnx(m, { outputs: 'all' });
  const graph = buildGraph(m);
  const s = new Session(graph, BATCH);
  const feeds: Record<string, ort.Tensor> = {};
  for (const name of exp.inputs) {
    const n = graph.indexOf.get(name)!;
    // Each sample scales the stored value a little, so the batch is not four copies of one sample.
    const values = Array.from({ length: BATCH }, (_, b) => graph.nodes[n].value * (1 + 0.05 * b));
    s.setLeaf(n, values);
    feeds[name] = new ort.Tensor('float32', Float32Array.from(values), [BATCH]);
  }
  s.forward();
  const session = await ort.InferenceSession.create(exp.bytes);
  const result = await session.run(feeds);
  return { exp, graph, s, result };
}

describe.each(samples)('ONNX export of samples/%s', (_file, m) => {
  it("runs in ONNX Runtime with the engine's values to 1e-5", async () => {
    await ensureOpsFor(m);
    let r: Awaited<ReturnType<typeof compare>>;
    try {
      r = await compare(m);
    } catch (e) {
      // Only a clear, named refusal is acceptable (an op with no ONNX equivalent).
      expect(e).toBeInstanceOf(ExportError);
      expect((e as Error).message).toMatch(/Node ".+" \(.+\) has no faithful ONNX equivalent/);
      return;
    }
    const { exp, graph, s, result } = r;
    expect(exp.outputs.length).toBeGreaterThan(0);
    if (graph.loss >= 0) expect(exp.outputs).toContain(graph.nodes[graph.loss].id);
    for (const name of exp.outputs) {
      const n = graph.indexOf.get(name)!;
      const got = result[name].data as Float32Array;
      expect(got.length).toBe(BATCH);
      for (let b = 0; b < BATCH; b++) {
        const want = s.value(n, b);
        expect(Math.abs(got[b] - want), `${name}[${b}]: onnx ${got[b]}, engine ${want}`).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(want)));
      }
    }
  });
});

describe('ONNX export details', () => {
  it('writes params and consts as initializers named by node id, inputs with a batch dimension', async () => {
    const { onnx } = (await import('onnx-proto')).default;
    const m = JSON.parse(readFileSync(new URL('neuron.json', dir), 'utf8')) as Model;
    const decoded = onnx.ModelProto.decode(exportOnnx(m).bytes);
    expect(Number(decoded.opsetImport[0].version)).toBe(13);
    expect(decoded.graph!.initializer!.map((t) => t.name).slice(0, 3)).toEqual(['w1', 'w2', 'b']);
    expect(decoded.graph!.initializer!.find((t) => t.name === 'w2')!.floatData).toEqual([Math.fround(0.2)]);
    expect(decoded.graph!.input!.map((i) => i.name)).toEqual(['x1', 'x2', 'y']);
    expect(decoded.graph!.input![0].type!.tensorType!.shape!.dim![0].dimParam).toBe('N');
    expect(decoded.graph!.node!.map((n) => n.opType)).toContain('Sigmoid');
  });

  it('writes every node after the nodes it reads, a layer fed by a computed value included', async () => {
    const { onnx } = (await import('onnx-proto')).default;
    const m = model(
      [op('h', 'dense', { units: 2, activation: 'tanh' }), input('x', 0.5), op('c', 'exp'), op('L', 'sum')],
      [
        ['x', 'c', 0],
        ['x', 'h', 0],
        ['c', 'h', 1],
        ['h', 'L', 0],
        ['h', 'L', 1, 1],
      ],
      'L',
    );
    const g = onnx.ModelProto.decode(exportOnnx(m).bytes).graph!;
    const known = new Set([...g.input!.map((i) => i.name!), ...g.initializer!.map((t) => t.name!)]);
    for (const node of g.node!) {
      for (const i of node.input!) expect(known, `${node.opType} ${node.name} reads ${i} before it is produced`).toContain(i);
      for (const o of node.output!) known.add(o);
    }
  });

  it("writes dropout as Dropout, which ONNX Runtime runs in evaluation mode with the engine's values", async () => {
    const { onnx } = (await import('onnx-proto')).default;
    const m = dropoutModel([4, 3, 1], 0.5, 0.2);

    const g = onnx.ModelProto.decode(exportOnnx(m).bytes).graph!;
    const drops = g.node!.filter((n) => n.opType === 'Dropout');
    // One after each hidden layer of the mlp, one for the primitive; the ratio is an input.
    expect(drops.length).toBe(3);
    const ratios = drops.map((n) => g.initializer!.find((t) => t.name === n.input![1])!.floatData![0]);
    expect(ratios).toEqual([0.5, 0.5, Math.fround(0.2)]);
    const { exp, graph, s, result } = await compare(m);
    expect(exp.outputs).toEqual(expect.arrayContaining(['net/l1/d0', 'net/l2/d2', 'd', 'L']));
    for (const name of exp.outputs) {
      const got = result[name].data as Float32Array;
      for (let b = 0; b < BATCH; b++) {
        const want = s.value(graph.indexOf.get(name)!, b);
        expect(Math.abs(got[b] - want), `${name}[${b}]`).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(want)));
      }
    }
  });

  it('writes dense layers as Gemm with W as an [units, k] initializer', async () => {
    const { onnx } = (await import('onnx-proto')).default;
    const m = model(
      [
        input('x1', 0.5),
        input('x2', -1),
        input('y', 1),
        op('h', 'dense', { units: 3, activation: 'tanh' }),
        op('out', 'dense', { units: 1, activation: 'sigmoid' }),
        op('L', 'mse'),
      ],
      [
        ['x1', 'h', 0],
        ['x2', 'h', 1],
        ['h', 'out', 0, 0],
        ['h', 'out', 1, 1],
        ['h', 'out', 2, 2],
        ['out', 'L', 0],
        ['y', 'L', 1],
      ],
      'L',
    );
    const { result, s, graph } = await compare(m);
    expect(result.L.data[0]).toBeCloseTo(s.value(graph.loss, 0), 5);
    const decoded = onnx.ModelProto.decode(exportOnnx(m).bytes);
    const gemms = decoded.graph!.node!.filter((n) => n.opType === 'Gemm');
    expect(gemms.length).toBe(2);
    const W = decoded.graph!.initializer!.find((t) => t.name === gemms[0].input![1])!;
    expect(W.dims!.map(Number)).toEqual([3, 2]);
  });
});
