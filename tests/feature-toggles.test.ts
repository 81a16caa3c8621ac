/** Playground feature toggles as model edits: bound, wired into the first layer, undone exactly. */
import { describe, expect, it } from 'vitest';
import { buildGraph, createTrainer, makeDataset, bindDataset, type Model } from '../graph-engine/index.ts';
import { FEATURE_TOGGLES, featureNodes, withFeature, withoutFeature, type BindContext } from '../src/modes/train/featureToggles.ts';
import { createEditorStore } from '../src/store/editorStore.ts';
import { loadSample } from './support/load-sample.ts';
import { input, model, op } from './support/models.ts';

const spiral = makeDataset('spiral', { points: 60, labels: 'pm1' });
const ctx: BindContext = { columns: spiral.columns, bind: {} };
const toggle = (column: string) => FEATURE_TOGGLES.find((t) => t.column === column)!;
const W0 = (m: Model) => (m.nodes.find((n) => n.id === 'net')!.attrs as { W: number[][][] }).W[0];

describe('feature toggles', () => {
  it('x1² adds an input bound to column x1^2, wired into the mlp as its third input', () => {
    const m = loadSample('spiral-mlp');
    const next = withFeature(m, toggle('x1^2'), ctx);
    const node = next.nodes.find((n) => n.id === 'x1_sq')!;
    expect(node).toMatchObject({ op: 'input', label: 'x1^2', value: 0.25 }); // x1 is 0.5 in the file
    expect(next.edges).toContainEqual({ source: 'x1_sq', target: 'net', port: 2 });
    expect(featureNodes(next, 'x1^2', ctx)).toEqual(['x1_sq']);
    // The engine binds it to the derived column and the network takes three inputs.
    const graph = buildGraph(next);
    const bound = bindDataset(graph, spiral).find((b) => b.node === graph.indexOf.get('x1_sq'));
    expect(spiral.columns[bound!.column]).toBe('x1^2');
    expect(graph.macros.get('net')!.layers[0].out.length).toBe(8);
    // A clear spot below x1 and x2 (at y 0 and 160), not on top of a card.
    expect(node.position!.y).toBeGreaterThan(160);
    // Pressing it again changes nothing.
    expect(withFeature(next, toggle('x1^2'), ctx)).toBe(next);
  });

  it('a trained layer gets a zero weight column: the loss is unchanged until training moves it', () => {
    const tr = createTrainer(loadSample('spiral-mlp'), { dataset: spiral });
    tr.trainEpoch();
    const trained = tr.trainedModel();
    const before = tr.evaluate(tr.split.train).loss;
    const next = withFeature(trained, toggle('sin(x2)'), ctx);
    expect(W0(next).map((row) => row.length)).toEqual(Array(8).fill(3));
    expect(W0(next).map((row) => row[2])).toEqual(Array(8).fill(0));
    const tr2 = createTrainer(next, { dataset: spiral });
    expect(tr2.evaluate(tr2.split.train).loss).toBeCloseTo(before, 12);
  });

  it('removing a feature drops its port and weight column; the others keep theirs', () => {
    const tr = createTrainer(loadSample('spiral-mlp'), { dataset: spiral });
    tr.trainEpoch();
    const trained = tr.trainedModel();
    const two = withFeature(withFeature(trained, toggle('x1^2'), ctx), toggle('x1*x2'), ctx);
    expect(two.edges).toContainEqual({ source: 'x1_x2', target: 'net', port: 3 });
    // Give x1*x2 its own weights, then take x1^2 away: x1*x2 moves to port 2 with its column.
    const w = W0(two).map((row, j) => [...row.slice(0, 3), 0.1 * (j + 1)]);
    const withW: Model = {
      ...two,
      nodes: two.nodes.map((n) => (n.id === 'net' ? { ...n, attrs: { ...n.attrs, W: [w, ...(n.attrs as { W: number[][][] }).W.slice(1)] } } : n)),
    };
    const one = withoutFeature(withW, toggle('x1^2'), ctx);
    expect(one.nodes.some((n) => n.id === 'x1_sq')).toBe(false);
    expect(one.edges).toContainEqual({ source: 'x1_x2', target: 'net', port: 2 });
    expect(W0(one)).toEqual(W0(trained).map((row, j) => [...row, 0.1 * (j + 1)]));
    // And back to the trained model exactly.
    expect(withoutFeature(one, toggle('x1*x2'), ctx).nodes.find((n) => n.id === 'net')).toEqual(trained.nodes.find((n) => n.id === 'net'));
  });

  it('is one undo step in the editor', () => {
    const m = loadSample('spiral-mlp');
    const store = createEditorStore({ initialModel: m });
    store.getState().replaceModel(withFeature(m, toggle('x2^2'), ctx), 'Add input feature x2^2');
    expect(store.getState().model.nodes.some((n) => n.label === 'x2^2')).toBe(true);
    store.getState().undo();
    expect(store.getState().model).toEqual(m);
  });

  it('dense and neuron layers get (and lose) the zero weight of the new input too', () => {
    for (const [name, attrs, widened] of [
      [
        'dense',
        {
          units: 2,
          W: [
            [2, -1],
            [0.5, 3],
          ],
          b: [0, 0],
        },
        {
          W: [
            [2, -1, 0],
            [0.5, 3, 0],
          ],
        },
      ],
      ['neuron', { w: [2, -1], b: 0.5 }, { w: [2, -1, 0] }],
    ] as const) {
      const m = model(
        [input('x1', 0.5), input('x2', 2), op('h', name, structuredClone(attrs))],
        [
          ['x1', 'h', 0],
          ['x2', 'h', 1],
        ],
      );
      const next = withFeature(m, toggle('x1*x2'), ctx);
      expect(next.nodes.find((n) => n.id === 'x1_x2')).toMatchObject({ label: 'x1*x2', value: 1 });
      expect(next.nodes.find((n) => n.id === 'h')!.attrs).toMatchObject(widened);
      expect(next.edges).toContainEqual({ source: 'x1_x2', target: 'h', port: 2 });
      expect(withoutFeature(next, toggle('x1*x2'), ctx)).toEqual(m);
    }
  });

  it('without a layer macro the input is added but not wired', () => {
    const m = model(
      [input('x1', 1), input('x2', 2), op('s', 'add')],
      [
        ['x1', 's', 0],
        ['x2', 's', 1],
      ],
    );
    const next = withFeature(m, toggle('x1*x2'), ctx);
    expect(next.nodes.at(-1)).toMatchObject({ id: 'x1_x2', label: 'x1*x2', value: 2 });
    expect(next.edges).toEqual(m.edges);
  });
});
