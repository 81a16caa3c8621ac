// ONNX export with hostile node ids: every generated name (node names, values, initializers) must
// step around the model's own ids. Each export is loaded in ONNX Runtime (which refuses a file
// with two nodes of one name) and its outputs compared with the engine's.
import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-web';
import onnxProto from 'onnx-proto';
import { buildGraph, Session, validateModel, type Model } from '../graph-engine/index.ts';
import { ExportError, exportOnnx } from '../graph-engine/export/onnx.ts';
import { hostileRename, loadSamples, renameTo, UNENCODABLE_IDS } from './support/hostile.ts';

ort.env.wasm.numThreads = 1;
const BATCH = 3;

/**
 * Names the export made up: every value, initializer and node name that is not a node id, nor an
 * id a layer expands to (a neuron "n" has a bias "n/b": a node of that id is a duplicate anyway).
 */
function generatedNames(m: Model): string[] {
  const ids = new Set([...m.nodes.map((n) => n.id), ...buildGraph(m).nodes.map((n) => n.id)]);
  const g = onnxProto.onnx.ModelProto.decode(exportOnnx(m, { outputs: 'all' }).bytes).graph!;
  const names = [...g.initializer!.map((t) => t.name!), ...g.node!.flatMap((n) => [n.name!, ...n.output!])];
  return [...new Set(names)].filter((n) => !ids.has(n));
}

async function exportAndRun(m: Model) {
  const v = validateModel(m);
  expect(v.problems.map((p) => p.message)).toEqual([]);
  const exp = exportOnnx(m, { outputs: 'all' });
  const decoded = onnxProto.onnx.ModelProto.decode(exp.bytes).graph!;
  const nodeNames = decoded.node!.map((n) => n.name!);
  expect(new Set(nodeNames).size).toBe(nodeNames.length);
  const produced = [...decoded.initializer!.map((t) => t.name!), ...decoded.input!.map((i) => i.name!), ...decoded.node!.flatMap((n) => n.output!)];
  expect(new Set(produced).size).toBe(produced.length);
  const graph = buildGraph(m);
  const s = new Session(graph, BATCH);
  const feeds: [string, ort.Tensor][] = [];
  for (const name of exp.inputs) {
    const n = graph.indexOf.get(name)!;
    const values = Array.from({ length: BATCH }, (_, b) => graph.nodes[n].value * (1 + 0.05 * b));
    s.setLeaf(n, values);
    feeds.push([name, new ort.Tensor('float32', Float32Array.from(values), [BATCH])]);
  }
  s.forward();
  const session = await ort.InferenceSession.create(exp.bytes); // throws on a duplicate node name
  expect(session.inputNames).toEqual(exp.inputs);
  expect(session.outputNames).toEqual(exp.outputs);
  // Object.fromEntries makes own properties even for "__proto__"; ORT's result is read the same way.
  const result = await session.run(Object.fromEntries(feeds));
  const byName = new Map(Object.entries(result));
  expect(exp.outputs.length).toBeGreaterThan(0);
  for (const name of exp.outputs) {
    const got = byName.get(name)?.data as Float32Array | undefined;
    expect(got, `output ${JSON.stringify(name)}`).toBeDefined();
    const n = graph.indexOf.get(name)!;
    for (let b = 0; b < BATCH; b++) {
      const want = s.value(n, b);
      expect(Math.abs(got![b] - want), `${JSON.stringify(name)}[${b}]: onnx ${got![b]}, engine ${want}`).toBeLessThanOrEqual(
        1e-5 * Math.max(1, Math.abs(want)),
      );
    }
  }
}

const samples = loadSamples();

describe.each(samples)('ONNX export of samples/%s with hostile ids', (_file, sample) => {
  it('hostile strings (generated-name lookalikes, quotes, unicode, __proto__, very long): loads and computes', async () => {
    await exportAndRun(hostileRename(sample));
    await exportAndRun(hostileRename(sample, 23));
  });
  it('ids equal to the names its own export generates: loads and computes', async () => {
    await exportAndRun(renameTo(sample, generatedNames(sample)));
    const hostile = hostileRename(sample);
    await exportAndRun(renameTo(hostile, generatedNames(hostile)));
  });
});

describe('ONNX names', () => {
  it('refuses, naming the node, an id no ONNX name can hold (a NUL, an unpaired surrogate)', () => {
    for (const id of UNENCODABLE_IDS) {
      const m = renameTo(samples.find(([f]) => f === 'neuron.json')![1], [id]);
      expect(() => exportOnnx(m)).toThrow(ExportError);
      expect(() => exportOnnx(m)).toThrow(`Node ${JSON.stringify(id)} cannot be exported to ONNX: its id contains`);
    }
  });

  it('a node "h/Z" beside dense layer "h" (ONNX Runtime refused: two nodes named h/Z)', async () => {
    const m: Model = {
      format: 'graphgrad',
      version: 1,
      loss: 'L',
      nodes: [
        { id: 'x', op: 'input', value: 2 },
        { id: 'h', op: 'dense', attrs: { units: 2, activation: 'tanh' } },
        { id: 'h/Z', op: 'add' },
        { id: 'h/W', op: 'const', value: 3 },
        { id: 'L', op: 'mul' },
      ],
      edges: [
        { source: 'x', target: 'h', port: 0 },
        { source: 'h', sourcePort: 0, target: 'h/Z', port: 0 },
        { source: 'h', sourcePort: 1, target: 'h/Z', port: 1 },
        { source: 'h/Z', target: 'L', port: 0 },
        { source: 'h/W', target: 'L', port: 1 },
      ],
    };
    await exportAndRun(m);
  });
});
