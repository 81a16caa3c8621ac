import { describe, expect, it } from 'vitest';
import { createEditorStore } from '../src/store/editorStore.ts';
import { expandedMacros } from '../graph-engine/index.ts';
import { overviewText } from '../src/canvas/cardMetrics.ts';

/** x1, x2 -> dense(units 2, tanh) -> add -> J, built through store actions. */
function denseGraph() {
  const store = createEditorStore();
  const s = () => store.getState();
  const x1 = s().addNode('input', { x: 0, y: 0 });
  const x2 = s().addNode('input', { x: 0, y: 120 });
  const d = s().addNode('dense', { x: 250, y: 0 });
  s().updateNode(d, { attrs: { units: 2, activation: 'tanh' } });
  const sum = s().addNode('add', { x: 500, y: 0 });
  s().updateNode(x2, { value: -0.5 });
  expect(s().connect({ source: x1, target: d, port: 0 })).toBe(true);
  expect(s().connect({ source: x2, target: d, port: 1 })).toBe(true);
  expect(s().connect({ source: d, target: sum, port: 0 })).toBe(true);
  expect(s().connect({ source: d, sourcePort: 1, target: sum, port: 1 })).toBe(true);
  return { store, s, ids: { x1, x2, d, sum } };
}

describe('layer macros in the editor', () => {
  it('shows a collapsed dense layer with one value per output, from the engine', () => {
    const { s, ids } = denseGraph();
    const r = s().evaluation.results.get(ids.d)!;
    expect(r.outputs).toHaveLength(2);
    expect(r.outputs!.map((o) => o.name)).toEqual(['a0', 'a1']);
    const total = s().evaluation.results.get(ids.sum)!.value;
    expect(total).toBeCloseTo(r.outputs![0].value + r.outputs![1].value, 12);
    expect(r.outputs![0].grad).toBe(1); // d(sum)/d(a0)
    expect(r.ports).toBe(3); // two wired inputs and a free one
  });

  it('names expanded primitives in the lecture notation, and after their layer when the name is taken', () => {
    const store = createEditorStore();
    const s = () => store.getState();
    const a = s().addNode('input', { x: 0, y: 0 });
    const b = s().addNode('input', { x: 0, y: 120 });
    const n = s().addNode('neuron', { x: 250, y: 0 });
    const n2 = s().addNode('neuron', { x: 250, y: 300 });
    for (const t of [n, n2]) {
      s().connect({ source: a, target: t, port: 0 });
      s().connect({ source: b, target: t, port: 1 });
    }
    expect(s().expandMacro(n)).toBe(true);
    const labelOf = (id: string) => s().model.nodes.find((m) => m.id === id)!.label;
    // A neuron is layer 1 with one unit: w1 (input 2) is W1[1,2].
    expect(labelOf(`${n}/w1`)).toBe('W1[1,2]');
    expect(labelOf(`${n}/m1`)).toBe('W1[1,2]·x2');
    expect(labelOf(`${n}/b`)).toBe('b1[1]');
    expect(labelOf(`${n}/z`)).toBe('z1[1]');
    expect(labelOf(`${n}/a`)).toBe('a1[1]');
    // The inputs keep their short names, and nothing else is called a or b.
    expect(
      s()
        .model.nodes.map((m) => m.label ?? m.id)
        .filter((l) => l === 'a' || l === 'b'),
    ).toEqual(['a', 'b']);
    // A second expanded layer's W1[1,2] is told apart by its layer's name.
    expect(s().expandMacro(n2)).toBe(true);
    expect(labelOf(`${n2}/w1`)).toBe(`${n2}.W1[1,2]`);
    // Zoomed far out, the blocks of weights, biases, sums and activations show these names.
    expect(['W1[1,2]', 'b1[1]', 'z2[3]', 'a1[1]', 'W1[1,2]·x2', 'w1'].map((l) => overviewText('w', l))).toEqual([
      'W1[1,2]',
      'b1[1]',
      'z2[3]',
      'a1[1]',
      'w',
      'w',
    ]);
  });

  it('says why a collapsed layer is not finite in terms of the layer and its inputs', () => {
    const store = createEditorStore();
    const s = () => store.getState();
    const x = s().addNode('input', { x: 0, y: 0 });
    const d = s().addNode('dense', { x: 250, y: 0 });
    s().updateNode(d, { label: 'hidden', attrs: { units: 1, activation: 'none', W: [[2]], b: [0] } });
    s().connect({ source: x, target: d, port: 0 });
    // Made inside the layer: 2 * 1e308 overflows.
    s().updateNode(x, { value: 1e308 });
    expect(s().evaluation.results.get(d)!.badge).toEqual({
      kind: 'nonfinite',
      reason: `Node "hidden" (id "${d}", dense): output a0 is ∞ from "a" (id "${x}") = 1e308: the value stops being finite inside this layer.`,
    });
    // Handed in: the log of a negative number feeds the layer.
    const l = s().addNode('log', { x: 100, y: 0 });
    s().updateNode(x, { value: -1 });
    s().connect({ source: x, target: l, port: 0 });
    s().connect({ source: l, target: d, port: 0 });
    expect(s().evaluation.results.get(d)!.badge).toEqual({
      kind: 'nonfinite',
      reason: `Node "hidden" (id "${d}", dense): output a0 is NaN because an input is not finite: "${l}" = NaN.`,
    });
  });

  it('expands in place and collapses back with the same values, each one undo step', () => {
    const { s, ids } = denseGraph();
    const before = s().evaluation.results.get(ids.sum)!.value;
    const steps = s().history.past.length;
    expect(s().expandMacro(ids.d)).toBe(true);
    expect(s().history.past.length).toBe(steps + 1);
    const m = s().model;
    expect(m.nodes.some((n) => n.id === ids.d)).toBe(false);
    expect(m.nodes.some((n) => n.id === `${ids.d}/w0_0`)).toBe(true);
    expect(Object.keys(expandedMacros(m))).toEqual([ids.d]);
    expect(s().evaluation.results.get(ids.sum)!.value).toBeCloseTo(before, 12);
    // Laid out on a grid of 215 x 112 px from the macro's corner (250, 0): unit 1's activation a1
    // is in column 3, row 4 (unit 0's two weights and bias take rows 0-2).
    const at = (id: string) => m.nodes.find((n) => n.id === id)!.position;
    expect(at(`${ids.d}/w0_0`)).toEqual({ x: 250, y: 0 });
    expect(at(`${ids.d}/a1`)).toEqual({ x: 250 + 3 * 215, y: 4 * 112 });
    // The downstream add was pushed right by the expansion's extra width, three columns, clear of it.
    expect(at(ids.sum)!.x).toBe(500 + 3 * 215);
    expect(at(ids.sum)!.x).toBeGreaterThan(Math.max(...m.nodes.filter((n) => n.id.startsWith(`${ids.d}/`)).map((n) => n.position!.x)));

    // Edit a weight while expanded; collapsing keeps it.
    s().updateNode(`${ids.d}/w1_0`, { value: 0.75 });
    const edited = s().evaluation.results.get(ids.sum)!.value;
    expect(s().collapseMacro(ids.d)).toBe(true);
    const node = s().model.nodes.find((n) => n.id === ids.d)!;
    expect((node.attrs!.W as number[][])[1][0]).toBe(0.75);
    expect(s().evaluation.results.get(ids.sum)!.value).toBeCloseTo(edited, 12);
    expect(s().model.edges.filter((e) => e.source === ids.d)).toEqual([
      { source: ids.d, target: ids.sum, port: 0 },
      { source: ids.d, sourcePort: 1, target: ids.sum, port: 1 },
    ]);
    expect(s().model.nodes.find((n) => n.id === ids.sum)!.position!.x).toBe(500);
    expect(expandedMacros(s().model)).toEqual({});

    s().undo();
    expect(s().model.nodes.some((n) => n.id === `${ids.d}/w1_0`)).toBe(true);
    s().undo();
    s().undo();
    expect(s().model.nodes.some((n) => n.id === ids.d)).toBe(true);
    expect(s().evaluation.results.get(ids.sum)!.value).toBeCloseTo(before, 12);
  });

  it('refuses to wire more inputs than stored weights take', () => {
    const { s, ids } = denseGraph();
    s().expandMacro(ids.d);
    s().collapseMacro(ids.d); // now W is stored: 2 inputs
    const x3 = s().addNode('input', { x: 0, y: 240 });
    expect(s().connect({ source: x3, target: ids.d, port: 2 })).toBe(false);
    expect(s().notices.at(-1)!.details[0]).toMatch(/stored weights expect 2/);
  });
});

describe('expression nodes in the editor', () => {
  it('adds an expr node with an editable formula whose ports are its variables', async () => {
    const { loadExpressionOps } = await import('../graph-engine/index.ts');
    await loadExpressionOps();
    const store = createEditorStore();
    const s = () => store.getState();
    const x = s().addNode('input', { x: 0, y: 0 });
    const y = s().addNode('input', { x: 0, y: 100 });
    const f = s().addNode('expr', { x: 200, y: 0 });
    expect(s().evaluation.results.get(f)?.portNames).toEqual(['x', 'y']);
    s().updateNode(x, { value: 3 });
    s().updateNode(y, { value: 4 });
    expect(s().connect({ source: x, target: f, port: 0 })).toBe(true);
    expect(s().connect({ source: y, target: f, port: 1 })).toBe(true);
    expect(s().evaluation.results.get(f)?.value).toBe(12);
    s().updateNode(f, { attrs: { expression: 'x^2 + y' } });
    expect(s().evaluation.results.get(f)?.value).toBe(13);
    expect(s().evaluation.results.get(x)?.grad).toBe(6);
    s().updateNode(f, { attrs: { expression: 'x^2 +' } });
    expect(s().evaluation.problems[0]?.nodeId).toBe(f);
  });
});
