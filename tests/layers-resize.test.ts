// The network view's +/- buttons, in the engine: a unit or a hidden layer more or less keeps every
// weight whose unit and input survive, bit for bit, and draws the rest as the documented seeded
// initialisation does (Glorot uniform from rngFor(seed, node id), in expansion order), checked
// here against draws made by hand from the seed.
import { describe, expect, it } from 'vitest';
import { resizeLayers, rngFor, type Model, type ModelNode } from '../graph-engine/index.ts';
import { input, model, op } from './support/models.ts';
import { createEditorStore } from '../src/store/editorStore.ts';

/** Awkward numbers, so a value that was recomputed instead of kept would show. */
const W1 = [
  [0.1 + 0.2, -1 / 3],
  [Math.PI / 7, -0.0625],
  [1e-9, 2.5],
];
const B1 = [0.3, -0.7, 0.011];
const W2 = [
  [0.25, -0.5, 1 / 7],
  [-2 / 3, 0.125, 0.9],
];
const B2 = [0.05, -0.15];

function net(attrs: Record<string, unknown>, seed?: number): Model {
  const m = model(
    [input('x1', 1), input('x2', 2), op('net', 'mlp', attrs)],
    [
      ['x1', 'net', 0],
      ['x2', 'net', 1],
    ],
  );
  return seed === undefined ? m : ({ ...m, training: { seed } } as Model);
}

const stored = { sizes: [3, 2], activation: 'tanh', W: [W1, W2], b: [B1, B2] };

/**
 * The seeded init by hand: every weight of the new shape drawn in order (layer, unit, input) from
 * rngFor(seed, id), scaled to Glorot's limit sqrt(6 / (fanIn + fanOut)) (tanh and none).
 */
function drawn(id: string, inputs: number, sizes: number[], seed = 0): number[][][] {
  const rng = rngFor(seed, id);
  return sizes.map((units, L) => {
    const fan = L === 0 ? inputs : sizes[L - 1];
    const limit = Math.sqrt(6 / (fan + units));
    return Array.from({ length: units }, () => Array.from({ length: fan }, () => (2 * rng() - 1) * limit));
  });
}

function resized(m: Model, edit: Parameters<typeof resizeLayers>[2], id = 'net') {
  const r = resizeLayers(m, id, edit);
  if ('problem' in r) throw new Error(r.problem);
  return { ...r, W: r.attrs.W as number[][][], b: r.attrs.b as number[][] };
}

describe('resizing a layer macro', () => {
  it('adds a unit to a hidden layer: old rows and columns kept bit for bit, the new ones seeded', () => {
    const r = resized(net(stored), { kind: 'addUnit', layer: 0 });
    expect(r.sizes).toEqual([4, 2]);
    expect(r.attrs.sizes).toEqual([4, 2]);
    const seed = drawn('net', 2, [4, 2]);
    expect(r.W[0].slice(0, 3)).toEqual(W1);
    expect(r.W[0][3]).toEqual(seed[0][3]);
    expect(r.b[0]).toEqual([...B1, 0]);
    r.W[1].forEach((row, j) => {
      expect(row.slice(0, 3)).toEqual(W2[j]);
      expect(row[3]).toBe(seed[1][j][3]);
    });
    expect(r.b[1]).toEqual(B2);
    expect(r.outputs).toBe(2);
    expect(r.label).toBe('Add a unit to layer 1 of net');
  });

  it('removes the last unit of the output layer, and with it an output', () => {
    const r = resized(net(stored), { kind: 'removeUnit', layer: 1 });
    expect(r.sizes).toEqual([3, 1]);
    expect(r.W).toEqual([W1, [W2[0]]]);
    expect(r.b).toEqual([B1, [B2[0]]]);
    expect(r.outputs).toBe(1);
  });

  it('removes a hidden unit: its row and the next layer’s column go, nothing else changes', () => {
    const r = resized(net(stored), { kind: 'removeUnit', layer: 0 });
    expect(r.W).toEqual([W1.slice(0, 2), W2.map((row) => row.slice(0, 2))]);
    expect(r.b).toEqual([B1.slice(0, 2), B2]);
  });

  it('adds a hidden layer before the output: earlier layers kept, the new one and the output’s weights seeded, the output’s biases kept', () => {
    const r = resized(net(stored, 7), { kind: 'addLayer' });
    expect(r.sizes).toEqual([3, 3, 2]);
    const seed = drawn('net', 2, [3, 3, 2], 7);
    expect(r.W).toEqual([W1, seed[1], seed[2]]);
    expect(r.b).toEqual([B1, [0, 0, 0], B2]);
    expect(r.label).toBe('Add a hidden layer of 3 units to net');
  });

  it('removes the last hidden layer, and the output’s weights are seeded for its new inputs', () => {
    const three = resized(net(stored), { kind: 'addLayer' });
    const m = net({ ...stored, ...three.attrs });
    const r = resized(m, { kind: 'removeLayer' });
    expect(r.sizes).toEqual([3, 2]);
    const seed = drawn('net', 2, [3, 2]);
    expect(r.W).toEqual([W1, seed[1]]);
    expect(r.b).toEqual([B1, B2]);
  });

  it('adds a first hidden layer of 2 units to a one-layer mlp, reading the inputs', () => {
    const r = resized(net({ sizes: [1], W: [[[0.5, -0.25]]], b: [[0.125]] }), { kind: 'addLayer' });
    expect(r.sizes).toEqual([2, 1]);
    const seed = drawn('net', 2, [2, 1]);
    expect(r.W).toEqual(seed);
    expect(r.b).toEqual([[0, 0], [0.125]]);
  });

  it('keeps per-layer activations in step with the layers', () => {
    const attrs = { ...stored, activation: 'relu', activations: ['sigmoid', 'none'] };
    const added = resized(net(attrs), { kind: 'addLayer' });
    expect(added.attrs.activations).toEqual(['sigmoid', 'relu', 'none']);
    const removed = resized(net({ ...attrs, ...added.attrs }), { kind: 'removeLayer' });
    expect(removed.attrs.activations).toEqual(['sigmoid', 'none']);
  });

  it('draws weights a node has not stored yet as the seed gives them, then resizes', () => {
    const r = resized(net({ sizes: [2, 1] }), { kind: 'addUnit', layer: 1 });
    // Before: [2, 1] seeded; the kept weights are those draws, the new unit is the [2, 2] draw.
    const before = drawn('net', 2, [2, 1]);
    const after = drawn('net', 2, [2, 2]);
    expect(r.W).toEqual([before[0], [before[1][0], after[1][1]]]);
    expect(resized(net({ sizes: [2, 1] }), { kind: 'addUnit', layer: 1 })).toEqual(r);
  });

  it('resizes a dense layer by units', () => {
    const dense: ModelNode = op('h', 'dense', {
      units: 2,
      activation: 'sigmoid',
      W: [
        [0.1, 0.2],
        [0.3, 0.4],
      ],
      b: [0.5, 0.6],
    });
    const m = model(
      [input('x1', 1), input('x2', 2), dense],
      [
        ['x1', 'h', 0],
        ['x2', 'h', 1],
      ],
    );
    const r = resizeLayers(m, 'h', { kind: 'addUnit', layer: 0 });
    if ('problem' in r) throw new Error(r.problem);
    expect(r.attrs.units).toBe(3);
    expect((r.attrs.W as number[][]).slice(0, 2)).toEqual([
      [0.1, 0.2],
      [0.3, 0.4],
    ]);
    expect((r.attrs.W as number[][])[2]).toEqual(drawn('h', 2, [3])[0][2]);
    expect(r.attrs.b).toEqual([0.5, 0.6, 0]);
    expect(r.outputs).toBe(3);
  });

  it('refuses what cannot be done, naming the node and the layer', () => {
    const m = net(stored);
    expect(
      resizeLayers(net({ ...stored, sizes: [1, 2], W: [[W1[0]], W2.map((r) => [r[0]])], b: [[B1[0]], B2] }), 'net', { kind: 'removeUnit', layer: 0 }),
    ).toEqual({
      problem: 'Layer 1 of Node "net" (mlp) has one unit, and a layer needs at least one; remove the layer instead.',
    });
    expect(resizeLayers(m, 'net', { kind: 'addUnit', layer: 2 })).toEqual({ problem: 'Node "net" (mlp) has no layer 3 (it has 2).' });
    expect(resizeLayers(net({ sizes: [2] }), 'net', { kind: 'removeLayer' })).toEqual({
      problem: 'Node "net" (mlp) has no hidden layer to remove (only its output layer).',
    });
    expect(resizeLayers(m, 'x1', { kind: 'addLayer' })).toEqual({ problem: 'Node "x1" (input) has no layers to resize: only dense and mlp nodes do.' });
    expect(resizeLayers(m, 'nope', { kind: 'addLayer' })).toEqual({ problem: 'There is no node "nope".' });
    const dense = model([op('h', 'dense', { units: 2 })], []);
    expect(resizeLayers(dense, 'h', { kind: 'addLayer' })).toEqual({ problem: 'Node "h" (dense) is one layer; use an mlp node for hidden layers.' });
    expect(resizeLayers(net({ sizes: 'wide' }), 'net', { kind: 'addLayer' })).toEqual({
      problem: 'Node "net" (mlp): its attr "sizes" must be fixed before layers can be added or removed.',
    });
  });

  it('refuses a resize past the model limits with the engine’s own message', () => {
    // 2 inputs + layer 1 (2 tanh units: 14 nodes) + layer 2 (6 nodes a unit): 3,330 units fit in 20,000 nodes, 3,331 do not.
    expect(resizeLayers(net({ sizes: [2, 3329] }), 'net', { kind: 'addUnit', layer: 1 })).toHaveProperty('attrs');
    const r = resizeLayers(net({ sizes: [2, 3330] }), 'net', { kind: 'addUnit', layer: 1 });
    expect(r).toHaveProperty('problem');
    expect((r as { problem: string }).problem).toBe(
      'The layers of this model would expand into 20,002 nodes and 23,333 edges in all; GraphGrad builds models of up to 20,000 nodes and 100,000 edges. Largest: "net" (mlp) 20,000 nodes (sizes [2, 3,331] on 2 inputs). Use fewer or narrower layers.',
    );
  });
});

describe('the editor’s resize action', () => {
  it('is one undo step, and drops the edges of a removed output', () => {
    const m = model(
      [input('x1', 1), input('x2', 2), op('net', 'mlp', stored), op('s', 'sum')],
      [
        ['x1', 'net', 0],
        ['x2', 'net', 1],
        ['net', 's', 0, 0],
        ['net', 's', 1, 1],
      ],
    );
    const store = createEditorStore({ initialModel: m });
    const s = () => store.getState();
    expect(s().resizeLayers('net', { kind: 'removeUnit', layer: 1 })).toBe(true);
    expect(s().model.edges.filter((e) => e.source === 'net')).toEqual([{ source: 'net', target: 's', port: 0, sourcePort: 0 }]);
    expect(s().history.past.map((h) => h.label)).toEqual(['Remove a unit from layer 2 of net']);
    expect(
      s()
        .evaluation.results.get('net')
        ?.layers?.map((l) => l.W),
    ).toEqual([W1, [W2[0]]]);
    s().undo();
    expect(s().model).toEqual(m);
    expect(s().resizeLayers('net', { kind: 'addUnit', layer: 5 })).toBe(false);
    expect(s().notices.at(-1)?.details).toEqual(['Node "net" (mlp) has no layer 6 (it has 2).']);
  });
});
