// The inspector's weight grids: lecture names, typed and pasted numbers, the attrs an edit stores,
// what the network computes with them (hand-worked), and the round trips that keep every bit.
import { describe, expect, it } from 'vitest';
import { serializeModel, validateModelText } from '../graph-engine/index.ts';
import { createEditorStore } from '../src/store/editorStore.ts';
import { cellName, layersOfAttrs, moveCell, paramAttrs, pasteEdits, readBlock, readCell, withCells, zeroLayer } from '../src/inspector/weightGrid.ts';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** x1 = 0.05, x2 = 0.10 -> mlp [2, 2] all sigmoid (the classic worked backprop example's shape). */
function mlpGraph() {
  const store = createEditorStore();
  const s = () => store.getState();
  const x1 = s().addNode('input', { x: 0, y: 0 });
  const x2 = s().addNode('input', { x: 0, y: 120 });
  s().updateNode(x1, { value: 0.05 });
  s().updateNode(x2, { value: 0.1 });
  const net = s().addNode('mlp', { x: 250, y: 0 });
  s().updateNode(net, { attrs: { sizes: [2, 2], activation: 'sigmoid', outputActivation: 'sigmoid' } });
  s().connect({ source: x1, target: net, port: 0 });
  s().connect({ source: x2, target: net, port: 1 });
  return { store, s, net };
}

describe('weight grid rules', () => {
  it('names cells in the lecture notation, 1-based, bias last', () => {
    expect(cellName(0, 0, 1, 2)).toBe('W1[1,2]');
    expect(cellName(1, 1, 0, 2)).toBe('W2[2,1]');
    expect(cellName(0, 1, 2, 2)).toBe('b1[2]');
  });

  it('accepts plain decimals only, with the reason for anything else', () => {
    expect(readCell(' -0.25 ')).toEqual({ value: -0.25 });
    expect(readCell('1e-3')).toEqual({ value: 0.001 });
    expect(readCell('-0')).toEqual({ value: 0 });
    expect(Object.is((readCell('-0') as { value: number }).value, 0)).toBe(true);
    for (const bad of ['0x10', 'abc', 'Infinity', '1/2', '']) expect(readCell(bad)).toHaveProperty('problem');
    expect(readCell('0x10')).toEqual({ problem: '"0x10" is not a plain decimal number (e.g. -0.25 or 1e-3).' });
    expect(readCell('1e400')).toEqual({ problem: '1e400 is too large for a number.' });
  });

  it('reads a pasted block split by newlines and tabs, commas or spaces', () => {
    expect(readBlock('0.15\t0.2\r\n0.25, 0.3\n')).toEqual({
      rows: [
        [0.15, 0.2],
        [0.25, 0.3],
      ],
    });
    expect(readBlock('1 2 3')).toEqual({ rows: [[1, 2, 3]] });
    expect(readBlock('1 2\n3 x')).toEqual({ problem: 'Row 2 of the pasted block: "x" is not a plain decimal number (e.g. -0.25 or 1e-3).' });
  });

  it('places a block from the focused cell, or refuses one that does not fit', () => {
    expect(
      pasteEdits(
        [
          [1, 2],
          [3, 4],
        ],
        { row: 0, col: 1 },
        { units: 2, cols: 3 },
      ),
    ).toEqual({
      edits: [
        { row: 0, col: 1, value: 1 },
        { row: 0, col: 2, value: 2 },
        { row: 1, col: 1, value: 3 },
        { row: 1, col: 2, value: 4 },
      ],
    });
    expect(pasteEdits([[1, 2, 3]], { row: 1, col: 1 }, { units: 2, cols: 3 })).toEqual({
      problem: 'The pasted block is 1×3, but from this cell there is room for 1×2; nothing was changed.',
    });
  });

  it('moves with the arrow keys and stops at the edges', () => {
    const size = { units: 2, cols: 3 };
    expect(moveCell({ row: 0, col: 0 }, 'ArrowRight', size)).toEqual({ row: 0, col: 1 });
    expect(moveCell({ row: 0, col: 0 }, 'ArrowUp', size)).toEqual({ row: 0, col: 0 });
    expect(moveCell({ row: 1, col: 2 }, 'ArrowDown', size)).toEqual({ row: 1, col: 2 });
    expect(moveCell({ row: 1, col: 2 }, 'ArrowLeft', size)).toEqual({ row: 1, col: 1 });
  });

  it('writes the attrs each macro stores (neuron w/b, dense W/b, mlp per layer) and reads them back', () => {
    const one = [{ W: [[1, 2]], b: [3] }];
    expect(paramAttrs('neuron', one)).toEqual({ w: [1, 2], b: 3 });
    expect(layersOfAttrs('neuron', { w: [1, 2], b: 3 })).toEqual(one);
    expect(paramAttrs('dense', withCells(one, 0, [{ row: 0, col: 2, value: 9 }]))).toEqual({ W: [[1, 2]], b: [9] });
    const two = [...one, { W: [[4]], b: [5] }];
    expect(paramAttrs('mlp', two)).toEqual({ W: [[[1, 2]], [[4]]], b: [[3], [5]] });
    expect(layersOfAttrs('mlp', paramAttrs('mlp', two))).toEqual(two);
    expect(zeroLayer(one[0])).toEqual({ W: [[0, 0]], b: [0] });
  });
});

describe('weight grids in the editor', () => {
  it('reads every layer (seeded weights before any are stored), with gradients when there is a loss', () => {
    const { s, net } = mlpGraph();
    const r = s().evaluation.results.get(net)!;
    expect(r.layers).toHaveLength(2);
    expect(r.layers![0].W).toHaveLength(2);
    expect(r.layers![0].W[0]).toHaveLength(2);
    expect(r.layers![0].b).toEqual([0, 0]);
    // Two outputs: no automatic loss, so no gradients to show.
    expect(r.layers![0].gW).toBeUndefined();
  });

  it('stores typed weights as one undo step each; the outputs are the hand-worked ones', () => {
    const { s, net } = mlpGraph();
    const layers = () =>
      s()
        .evaluation.results.get(net)!
        .layers!.map((l) => ({ W: l.W, b: l.b }));
    const W1 = [
      [0.15, 0.2],
      [0.25, 0.3],
    ];
    const W2 = [
      [0.4, 0.45],
      [0.5, 0.55],
    ];
    const b1 = [0.35, 0.35];
    const b2 = [0.6, 0.6];
    const steps = s().history.past.length;
    // Cell by cell, as a user types them.
    [W1, W2].forEach((W, L) => {
      W.forEach((row, i) =>
        row.forEach((v, j) => s().setMacroParams(net, paramAttrs('mlp', withCells(layers(), L, [{ row: i, col: j, value: v }])), cellName(L, i, j, 2))),
      );
      [b1, b2][L].forEach((v, i) => s().setMacroParams(net, paramAttrs('mlp', withCells(layers(), L, [{ row: i, col: 2, value: v }])), cellName(L, i, 2, 2)));
    });
    expect(s().history.past.length - steps).toBe(12);
    expect(s().history.past.at(-1)!.label).toBe('b2[2]');
    // Hand-worked: h_i = σ(W1[i,:]·x + b1), y_i = σ(W2[i,:]·h + b2).
    const x = [0.05, 0.1];
    const h = W1.map((r, i) => sigmoid(r[0] * x[0] + r[1] * x[1] + b1[i]));
    const y = W2.map((r, i) => sigmoid(r[0] * h[0] + r[1] * h[1] + b2[i]));
    expect(h[0]).toBeCloseTo(0.593269992, 8); // the worked example's out_h1
    const outputs = s()
      .evaluation.results.get(net)!
      .outputs!.map((o) => o.value);
    expect(outputs[0]).toBeCloseTo(0.75136507, 8); // its out_o1
    expect(outputs[1]).toBeCloseTo(0.772928465, 8); // its out_o2
    expect(outputs[0]).toBeCloseTo(y[0], 14);
    // Undo takes back exactly the last cell.
    s().undo();
    expect(s().model.nodes.find((n) => n.id === net)!.attrs!.b).toEqual([b1, [0.6, s().evaluation.results.get(net)!.layers![1].b[1]]]);
    expect(s().evaluation.results.get(net)!.layers![1].b[1]).not.toBe(0.6);
    expect(s().evaluation.results.get(net)!.layers![1].W).toEqual(W2);
    // Storing the same numbers again is no step.
    const before = s().history.past.length;
    s().setMacroParams(net, paramAttrs('mlp', layers()), 'again');
    expect(s().history.past.length).toBe(before);
    // With output y0 as the loss, each weight shows its gradient: ∂y0/∂W2[1,j] = y0(1 − y0)·h_j,
    // ∂y0/∂b2[1] = y0(1 − y0), and unit 2 of layer 2 does not reach y0.
    s().setLoss(net);
    const l2 = s().evaluation.results.get(net)!.layers![1];
    const y0 = s().evaluation.results.get(net)!.outputs![0].value;
    expect(l2.gW![0][0]).toBeCloseTo(y0 * (1 - y0) * h[0], 14);
    expect(l2.gW![0][1]).toBeCloseTo(y0 * (1 - y0) * h[1], 14);
    expect(l2.gb![0]).toBeCloseTo(y0 * (1 - y0), 14);
    expect(l2.gW![1]).toEqual([0, 0]);
  });

  it('keeps every weight bit for bit through Expand/Collapse and Save/Open', () => {
    const { s, net } = mlpGraph();
    // Awkward doubles: not short decimals, so any rounding would show.
    const odd = (i: number) => Math.sin(i * 12.9898) * 43758.5453 - Math.floor(Math.sin(i * 12.9898) * 43758.5453) - 0.5;
    const layers = s()
      .evaluation.results.get(net)!
      .layers!.map((l, L) => ({
        W: l.W.map((r, i) => r.map((_, j) => odd(100 * L + 10 * i + j) / 3)),
        b: l.b.map((_, i) => odd(1000 + 10 * L + i) * 7e-9),
      }));
    s().setMacroParams(net, paramAttrs('mlp', layers), 'set');
    const stored = structuredClone(s().model.nodes.find((n) => n.id === net)!.attrs);
    const bits = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'number' ? [...new Uint8Array(new Float64Array([x]).buffer)].join('.') : x));
    expect(s().expandMacro(net)).toBe(true);
    expect(s().collapseMacro(net)).toBe(true);
    expect(bits(s().model.nodes.find((n) => n.id === net)!.attrs)).toBe(bits(stored));
    const reopened = validateModelText(serializeModel(s().model), { allowIncomplete: true }).model!;
    expect(bits(reopened.nodes.find((n) => n.id === net)!.attrs)).toBe(bits(stored));
    // And what the engine computes from them is the same.
    expect(
      bits(
        s()
          .evaluation.results.get(net)!
          .layers!.map((l) => ({ W: l.W, b: l.b })),
      ),
    ).toBe(bits(layers));
  });

  it('says the loss is gone, and still computes, when the layer it was in no longer has it', () => {
    const { s, net } = mlpGraph();
    const inner = s().evaluation.graph!.macros.get(net)!.outputs[1];
    s().setLoss(inner);
    expect(s().evaluation.lossId).toBe(inner);
    s().updateNode(net, { attrs: { outputActivation: 'none' } }); // l2/a1 is gone: the output is l2/z1
    expect(s().evaluation.problems).toEqual([]);
    expect(s().evaluation.lossId).toBeUndefined();
    expect(s().evaluation.backwardBlocker).toMatch(/is no longer part of its layer/);
    expect(s().evaluation.results.get(net)!.outputs).toHaveLength(2);
  });
});
