// Expand and Collapse change the view, never the meaning: every value, every gradient and which
// node is the loss stay the same, over the samples and over random layer macros (sizes,
// activations, stored or seeded weights, a loss outside, inside or chosen automatically, and
// two layers expanded and collapsed in either order).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, Session, type Model } from '../graph-engine/index.ts';
import { createEditorStore, type EditorStoreApi } from '../src/store/editorStore.ts';
import { expandedMacros } from '../graph-engine/index.ts';
import { sample } from './support/models.ts';

interface Meaning {
  /** Primitive id -> value and gradient (the engine's graph has the same ids collapsed or expanded). */
  nodes: Map<string, { value: number; grad?: number }>;
  loss?: string;
}

/** What the graph computes, read from the engine's graph of the editor's evaluation. */
function meaning(store: EditorStoreApi): Meaning {
  const { graph } = store.getState().evaluation;
  if (!graph)
    throw new Error(
      `no graph: ${store
        .getState()
        .evaluation.problems.map((p) => p.message)
        .join('; ')}`,
    );
  const session = new Session(graph, 1);
  session.forward();
  const grads = !session.backwardBlocker();
  if (grads) session.backward();
  const nodes = new Map(graph.nodes.map((n) => [n.id, { value: session.value(n.index), grad: grads ? session.grad(n.index) : undefined }]));
  return { nodes, loss: graph.loss >= 0 ? graph.nodes[graph.loss].id : undefined };
}

function expectSameMeaning(got: Meaning, want: Meaning, where: string) {
  expect(got.loss, `${where}: loss`).toBe(want.loss);
  expect([...got.nodes.keys()].sort(), `${where}: nodes`).toEqual([...want.nodes.keys()].sort());
  for (const [id, w] of want.nodes) {
    const g = got.nodes.get(id)!;
    expect(Object.is(g.value, w.value) || (Number.isNaN(g.value) && Number.isNaN(w.value)), `${where}: value of ${id}: ${g.value} vs ${w.value}`).toBe(true);
    if (w.grad === undefined) expect(g.grad, `${where}: grad of ${id}`).toBeUndefined();
    // Gradients sum over outgoing edges, whose order may differ once expanded: equal to rounding.
    else expect(Math.abs(g.grad! - w.grad), `${where}: grad of ${id}: ${g.grad} vs ${w.grad}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(w.grad)));
  }
}

const layerOps = ['neuron', 'dense', 'mlp', 'softmax'] as const;
const activation = fc.constantFrom(...ACTIVATIONS);
const macroSpec = fc.record({
  op: fc.constantFrom(...layerOps),
  units: fc.integer({ min: 1, max: 3 }),
  sizes: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
  activation,
  outputActivation: activation,
  /** Stored weights (drawn here), or none: the engine's seeded ones. */
  stored: fc.boolean(),
});
type MacroSpec = typeof macroSpec extends fc.Arbitrary<infer T> ? T : never;

const attrsOf = (m: MacroSpec): Record<string, unknown> =>
  m.op === 'neuron'
    ? { activation: m.activation }
    : m.op === 'dense'
      ? { units: m.units, activation: m.activation }
      : m.op === 'mlp'
        ? { sizes: m.sizes, activation: m.activation, outputActivation: m.outputActivation }
        : {};

/** Outputs a macro has with k wired inputs. */
const outputsOf = (m: MacroSpec, k: number) => (m.op === 'neuron' ? 1 : m.op === 'dense' ? m.units : m.op === 'mlp' ? m.sizes.at(-1)! : Math.max(k, 2)); // softmax takes at least 2

const scenario = fc.record({
  inputs: fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 1, maxLength: 3 }),
  first: macroSpec,
  /** A second layer reading the first one's outputs (two layers to expand and collapse). */
  second: fc.option(macroSpec, { nil: undefined }),
  /** none: automatic (or no loss); outside: an mse after the last layer; inside: a primitive in a layer. */
  loss: fc.constantFrom('none', 'outside', 'inside'),
  pick: fc.nat(),
  order: fc.constantFrom('AB-AB', 'AB-BA', 'A-A', 'B-B'),
  weightSeed: fc.integer({ min: 1, max: 1000 }),
});

function build(s: typeof scenario extends fc.Arbitrary<infer T> ? T : never) {
  const store = createEditorStore();
  const st = () => store.getState();
  const xs = s.inputs.map((v, i) => {
    const id = st().addNode('input', { x: 0, y: i * 120 });
    st().updateNode(id, { value: v });
    return id;
  });
  const addLayer = (m: MacroSpec, sources: { id: string; port: number }[], x: number) => {
    const id = st().addNode(m.op, { x, y: 0 });
    st().updateNode(id, { attrs: attrsOf(m) });
    sources.forEach((src, i) => expect(st().connect({ source: src.id, sourcePort: src.port, target: id, port: i })).toBe(true));
    if (m.stored) {
      // Store the weights the engine drew, changed: a stored-weights model, and one not at the seed.
      const layers = st().evaluation.results.get(id)!.layers ?? [];
      let r = s.weightSeed;
      const next = () => ((r = (r * 16807) % 2147483647) / 2147483647 - 0.5) * 3;
      const changed = layers.map((l) => ({ W: l.W.map((row) => row.map(() => next())), b: l.b.map(() => next()) }));
      const attrs =
        m.op === 'neuron'
          ? { w: changed[0]?.W[0], b: changed[0]?.b[0] }
          : m.op === 'dense'
            ? { W: changed[0]?.W, b: changed[0]?.b }
            : m.op === 'mlp'
              ? { W: changed.map((l) => l.W), b: changed.map((l) => l.b) }
              : {};
      if (m.op !== 'softmax') st().setMacroParams(id, attrs, 'store');
    }
    return id;
  };
  const a = addLayer(
    s.first,
    xs.map((id) => ({ id, port: 0 })),
    250,
  );
  const aOut = outputsOf(s.first, xs.length);
  const b = s.second
    ? addLayer(
        s.second,
        Array.from({ length: aOut }, (_, p) => ({ id: a, port: p })),
        500,
      )
    : undefined;
  const last = b ?? a;
  const lastOut = b ? outputsOf(s.second!, aOut) : aOut;
  if (s.loss === 'outside') {
    const L = st().addNode('sum', { x: 750, y: 0 });
    for (let p = 0; p < lastOut; p++) st().connect({ source: last, sourcePort: p, target: L, port: p });
    st().setLoss(L);
  } else if (s.loss === 'inside') {
    // Any primitive of either layer: an output, a sum z, a product, a weight.
    const graph = st().evaluation.graph!;
    const inner = [...graph.macros.values()].flatMap((m) => m.nodes);
    st().setLoss(inner[s.pick % inner.length]);
  }
  return { store, a, b };
}

describe('Expand and Collapse keep the meaning', () => {
  it('over random layer macros: values, gradients and the loss', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { store, a, b } = build(s);
        const st = () => store.getState();
        const before = meaning(store);
        const [expand, collapse] = s.order.split('-').map((o) => [...o].map((c) => (c === 'A' ? a : b)).filter((x): x is string => x !== undefined));
        for (const id of expand) {
          expect(st().expandMacro(id)).toBe(true);
          expectSameMeaning(meaning(store), before, `after Expand ${id}`);
        }
        for (const id of collapse) {
          expect(st().collapseMacro(id)).toBe(true);
          expectSameMeaning(meaning(store), before, `after Collapse ${id}`);
        }
        // The app's own reading agrees: a collapsed layer's outputs are its primitives' values.
        expect(Object.keys(expandedMacros(st().model))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('never picks a node with several outputs as the loss, collapsed or expanded', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { store, a, b } = build({ ...s, loss: 'none' });
        const st = () => store.getState();
        const last = b ?? a;
        const lastSpec = b ? s.second! : s.first;
        const k = b ? outputsOf(s.first, s.inputs.length) : s.inputs.length;
        const several = outputsOf(lastSpec, k) > 1;
        const check = () => {
          const ev = st().evaluation;
          if (several) {
            expect(ev.lossId).toBeUndefined();
            expect(ev.noLossReason).toMatch(/several outputs, so no loss is chosen for you\. .*“Use as loss”/);
          } else expect(ev.lossId).toBeDefined();
        };
        check();
        expect(st().expandMacro(last)).toBe(true);
        check();
      }),
      { numRuns: 40 },
    );
  });

  it('over every sample with layers: each layer expanded in turn, then all collapsed', () => {
    for (const name of ['neuron', 'perceptron-snack', 'xor-mlp', 'softmax-classifier', 'spiral-mlp', 'digits-mlp', 'pass-exam', 'km-to-miles']) {
      const model: Model = sample(name);
      const store = createEditorStore({ initialModel: model });
      const st = () => store.getState();
      const macros = [...(st().evaluation.graph?.macros.keys() ?? [])];
      const before = meaning(store);
      for (const id of macros) {
        expect(st().expandMacro(id)).toBe(true);
        expectSameMeaning(meaning(store), before, `${name}: after Expand ${id}`);
      }
      for (const id of [...macros].reverse()) {
        expect(st().collapseMacro(id)).toBe(true);
        expectSameMeaning(meaning(store), before, `${name}: after Collapse ${id}`);
      }
    }
  });
});
