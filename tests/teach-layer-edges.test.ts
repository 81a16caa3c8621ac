/**
 * Every chip on an edge into or out of a collapsed layer in Teach says what its label says: its
 * local derivative is ∂(target output)/∂(source output), checked against central finite
 * differences of the engine's forward pass with the source output perturbed along that edge only
 * (the edge rewired to a probe input), and upstream × local = contribution, with the contribution
 * itself checked against the finite difference of the loss.
 */
import { describe, expect, it } from 'vitest';
import { createEditorStore } from '../src/store/editorStore.ts';
import { createTeachStore } from '../src/modes/teach/teachStore.ts';
import { buildTeachView, type TeachEdgeData } from '../src/modes/teach/teachView.ts';
import { buildGraph, edgeKey, Session, type Graph, type Model } from '../graph-engine/index.ts';
import { loadSample } from './support/load-sample.ts';

const PROBE = '__fd_probe';

/** Forward values of `model` with model edge `i` fed by a probe input of value `v` instead of its source. */
function forwardWithProbe(model: Model, i: number, v: number): { graph: Graph; session: Session } {
  const template = model.nodes.find((n) => n.op === 'input')!;
  const edges = model.edges.map((e, k) => {
    if (k !== i) return e;
    const { sourcePort: _drop, ...rest } = e;
    return { ...rest, source: PROBE };
  });
  const probed: Model = { ...model, nodes: [...model.nodes, { ...template, id: PROBE, label: PROBE, value: v }], edges };
  const graph = buildGraph(probed);
  const session = new Session(graph);
  session.forward();
  return { graph, session };
}

/** Graph node of a card's output: a layer's output `port`, or the card itself. */
function outputNode(graph: Graph, id: string, port = 0): number {
  const macro = graph.macros.get(id);
  return graph.indexOf.get(macro ? macro.outputs[port] : id)!;
}

interface Chip {
  edge: number;
  data: TeachEdgeData;
}

/** Steps Teach backward one unit at a time and keeps each layer edge's chip from its active step. */
function layerChips(name: string) {
  const editor = createEditorStore({ initialModel: loadSample(name) });
  const teach = createTeachStore(editor);
  const t = () => teach.getState();
  t().runForward();
  const model = editor.getState().model;
  const chips = new Map<number, Chip>();
  while (t().stepBackward()) {
    const view = buildTeachView(model, editor.getState().evaluation, t())!;
    model.edges.forEach((e, i) => {
      const data = view.edgeData.get(edgeKey(e));
      const layer = t().units!.graph.macros.has(e.source) || t().units!.graph.macros.has(e.target);
      if (layer && data?.terms && e.source === t().last!.unit) chips.set(i, { edge: i, data });
    });
  }
  return { model, chips, graph: t().units!.graph, session: t().stepper!.session };
}

const close = (a: number, b: number, tol = 1e-6) => Math.abs(a - b) <= tol * (1 + Math.abs(b));

function checkSample(name: string, minChips: number, stride = 1) {
  const { model, chips, graph, session } = layerChips(name);
  const layerEdges = model.edges.filter((e) => graph.macros.has(e.source) || graph.macros.has(e.target));
  expect(chips.size).toBe(layerEdges.filter((e) => graph.reachesLoss[outputNode(graph, e.target, 0)] || graph.macros.has(e.target)).length);
  // Every `stride`-th chip, in model edge order (deterministic), to keep large samples quick.
  const picked = [...chips.values()].sort((a, b) => a.edge - b.edge).filter((_, k) => k % stride === 0);
  expect(picked.length).toBeGreaterThanOrEqual(minChips);
  for (const { edge: i, data } of picked) {
    const e = model.edges[i];
    const where = `${name}: chip on ${edgeKey(e)}`;
    const v = session.value(outputNode(graph, e.source, e.sourcePort ?? 0));
    const h = 1e-5 * Math.max(1, Math.abs(v));
    const plus = forwardWithProbe(model, i, v + h);
    const minus = forwardWithProbe(model, i, v - h);
    const fd = (n: (g: Graph) => number) => (plus.session.value(n(plus.graph)) - minus.session.value(n(minus.graph))) / (2 * h);
    const terms = data.terms!;
    expect(terms.length, where).toBeGreaterThan(0);
    let sum = 0;
    for (const term of terms) {
      const port = Number(/\.y(\d+)$/.exec(term.name)?.[1] ?? 0);
      const fdLocal = fd((g) => outputNode(g, e.target, port));
      expect(close(term.local, fdLocal), `${where}: ∂${term.name} = ${term.local}, finite difference ${fdLocal}`).toBe(true);
      sum += term.upstream * term.local;
    }
    // upstream × local = contribution (summed over the layer's outputs when there are several)
    expect(close(sum, data.value!, 1e-12), `${where}: Σ upstream × local = ${sum}, contribution ${data.value}`).toBe(true);
    const fdLoss = fd((g) => g.loss);
    expect(close(data.value!, fdLoss), `${where}: contribution ${data.value}, finite difference of the loss ${fdLoss}`).toBe(true);
    if (terms.length === 1) {
      expect(data.local).toBeDefined();
      expect(data.title).toContain(`${terms[0].upstream} × ${terms[0].local} = ${data.value}`);
    }
  }
  return { chips, picked };
}

describe('teach: chips on layer edges are true local derivatives', () => {
  it('xor-mlp: ∂output/∂hidden.y0 is σ′(z)·w ≈ −0.122, and upstream −0.7313 × local = contribution', () => {
    const { chips } = checkSample('xor-mlp', 4);
    const model = loadSample('xor-mlp');
    const i = model.edges.findIndex((e) => e.source === 'h' && e.target === 'out' && !e.sourcePort);
    const chip = chips.get(i)!.data;
    expect(chip.name).toBe('∂output/∂hidden.y0');
    expect(chip.terms![0].local).toBeCloseTo(-0.122, 3);
    expect(chip.local).toBe('= -0.122');
    expect(chip.terms![0].upstream).toBeCloseTo(-0.7313, 4);
    expect(chip.contribution).toBe('→ 0.08923');
  });

  it('softmax-classifier: every layer edge', () => {
    checkSample('softmax-classifier', 8);
  });

  it('digits-mlp: at least 50 layer edges', () => {
    checkSample('digits-mlp', 50);
  });
});
