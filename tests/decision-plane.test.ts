/** The decision plane and unit thumbnails, against values worked by hand. */
import { describe, expect, it } from 'vitest';
import { createTrainer, fromRows, type Model } from '../graph-engine/index.ts';
import { bindingView } from '../src/trainWorker/binding.ts';
import { argmaxGrid, DecisionPlane, thumbnailsFor } from '../src/trainWorker/decisionPlane.ts';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** One sigmoid unit h = σ(2·x1 − x2 + 0.5), trained with bce against y. */
const oneUnit: Model = {
  format: 'graphgrad',
  version: 1,
  nodes: [
    { id: 'x1', op: 'input', value: 0 },
    { id: 'x2', op: 'input', value: 0 },
    { id: 'h', op: 'dense', attrs: { units: 1, activation: 'sigmoid', W: [[2, -1]], b: [0.5] } },
    { id: 'y', op: 'input', value: 0 },
    { id: 'L', op: 'bce' },
  ],
  edges: [
    { source: 'x1', target: 'h', port: 0 },
    { source: 'x2', target: 'h', port: 1 },
    { source: 'h', target: 'L', port: 0 },
    { source: 'y', target: 'L', port: 1 },
  ],
  loss: 'L',
};
// The four corners of [−1, 1]²: the plane is padded by 8% of the span, to [−1.16, 1.16].
const corners = fromRows(
  'corners',
  ['x1', 'x2', 'y'],
  [
    [-1, -1, 0],
    [1, 1, 1],
    [-1, 1, 0],
    [1, -1, 1],
  ],
  { targets: ['y'], task: 'classification', defaultTestRatio: 0 },
);

describe('DecisionPlane', () => {
  it('evaluates a 2-input, 1-unit layer over a 5 × 5 grid: σ(2·x1 − x2 + 0.5) at known points', () => {
    const tr = createTrainer(oneUnit, { dataset: corners });
    const plane = DecisionPlane.of(tr, bindingView(tr.graph, corners), 5);
    if (!(plane instanceof DecisionPlane)) throw new Error(JSON.stringify(plane.noPlane));
    expect(plane.info.axes).toEqual(['x1', 'x2']);
    expect(plane.info.range[0][0]).toBeCloseTo(-1.16, 14);
    expect(plane.info.range[1][1]).toBeCloseTo(1.16, 14);
    expect(plane.info.output).toBe('h/a0');
    expect(plane.info.valueRange).toEqual([0, 1]);
    expect(plane.info.thumbnails).toEqual({ x1: [['x1']], x2: [['x2']], h: [['h/a0']] });
    expect(Array.from(plane.points.label)).toEqual([0, 1, 0, 1]);

    const heat = plane.heatmaps(tr);
    // Row 0 is the top (x2 = 1.16), column 0 the left (x1 = −1.16); the grid step is 0.58.
    expect(heat.output![0 * 5 + 4]).toBeCloseTo(sigmoid(2 * 1.16 - 1.16 + 0.5), 6); // σ(1.66)
    expect(heat.output![4 * 5 + 0]).toBeCloseTo(sigmoid(-2 * 1.16 + 1.16 + 0.5), 6); // σ(−0.66)
    expect(heat.output![1 * 5 + 3]).toBeCloseTo(sigmoid(2 * 0.58 - 0.58 + 0.5), 6); // σ(1.08)
    // Thumbnails take every second point: 3 × 3, thumbnail (r, c) is grid point (2r, 2c).
    expect(heat.thumbSize).toBe(3);
    expect(heat.thumbs['h/a0'][1 * 3 + 1]).toBeCloseTo(sigmoid(0.5), 6); // the origin
    expect(heat.thumbs.x1[0 * 3 + 2]).toBeCloseTo(1.16, 6);
    expect(heat.thumbs.x2[2 * 3 + 0]).toBeCloseTo(-1.16, 6);
  });

  it('colours a logit output (bce_with_logits) over [-4, 4], pale at 0 where the class flips; probabilities over the labels', () => {
    const probs = createTrainer(oneUnit, { dataset: corners });
    const probPlane = DecisionPlane.of(probs, bindingView(probs.graph, corners), 5);
    if (!(probPlane instanceof DecisionPlane)) throw new Error(JSON.stringify(probPlane.noPlane));
    expect(probPlane.info.heatRange).toBeUndefined();
    expect(probPlane.info.valueRange).toEqual([0, 1]);
    const logitModel: Model = {
      ...oneUnit,
      nodes: oneUnit.nodes.map((n) =>
        n.id === 'h' ? { ...n, attrs: { ...n.attrs, activation: 'none' } } : n.id === 'L' ? { ...n, op: 'bce_with_logits' } : n,
      ),
    };
    const logits = createTrainer(logitModel, { dataset: corners });
    const plane = DecisionPlane.of(logits, bindingView(logits.graph, corners), 5);
    if (!(plane instanceof DecisionPlane)) throw new Error(JSON.stringify(plane.noPlane));
    expect(plane.info.heatRange).toEqual([-4, 4]);
    expect(plane.info.valueRange).toEqual([0, 1]); // the points keep their 0/1 label colours
  });

  it('says why there is no plane for a graph with one input feature', () => {
    const model: Model = {
      ...oneUnit,
      nodes: oneUnit.nodes.map((n) => (n.id === 'h' ? { ...n, attrs: { units: 1, activation: 'sigmoid' } } : n)).filter((n) => n.id !== 'x2'),
      edges: oneUnit.edges.filter((e) => e.source !== 'x2'),
    };
    const tr = createTrainer(model, { dataset: corners });
    expect(DecisionPlane.of(tr, bindingView(tr.graph, corners), 5)).toEqual({
      noPlane: { code: 'planeNeedsTwo', features: ['x1'] },
    });
  });
});

describe('thumbnailsFor', () => {
  it('pictures plain nodes, then whole layers of each macro while they fit; never the targets or the loss', () => {
    // x1, x2 -> mlp net [3, 2] (tanh, then none) and neuron n (sigmoid) -> p = net#0 + n -> mse with y.
    const model: Model = {
      format: 'graphgrad',
      version: 1,
      nodes: [
        { id: 'x1', op: 'input', value: 0 },
        { id: 'x2', op: 'input', value: 0 },
        { id: 'net', op: 'mlp', attrs: { sizes: [3, 2] } },
        { id: 'n', op: 'neuron' },
        { id: 'p', op: 'add' },
        { id: 'y', op: 'input', value: 0 },
        { id: 'L', op: 'mse' },
      ],
      edges: [
        { source: 'x1', target: 'net', port: 0 },
        { source: 'x2', target: 'net', port: 1 },
        { source: 'x1', target: 'n', port: 0 },
        { source: 'x2', target: 'n', port: 1 },
        { source: 'net', target: 'p', port: 0 },
        { source: 'n', target: 'p', port: 1 },
        { source: 'p', target: 'L', port: 0 },
        { source: 'y', target: 'L', port: 1 },
      ],
      loss: 'L',
    };
    const tr = createTrainer(model, { dataset: corners });
    const view = bindingView(tr.graph, corners);
    expect(thumbnailsFor(tr.graph, view, 96)).toEqual({
      x1: [['x1']],
      x2: [['x2']],
      p: [['p']],
      net: [
        ['net/l1/a0', 'net/l1/a1', 'net/l1/a2'],
        ['net/l2/z0', 'net/l2/z1'],
      ],
      n: [['n/a']],
    });
    // Seven pictures: x1, x2 and p (3), net's first layer (6); its second (8) does not fit, the neuron (7) does.
    expect(thumbnailsFor(tr.graph, view, 7)).toEqual({
      x1: [['x1']],
      x2: [['x2']],
      p: [['p']],
      net: [['net/l1/a0', 'net/l1/a1', 'net/l1/a2']],
      n: [['n/a']],
    });
  });
});

describe('argmaxGrid', () => {
  it('takes probabilities as they are and logits through a softmax', () => {
    // Probabilities 0.2, 0.7, 0.1: class 1, confidence (0.7 − 1/3) / (1 − 1/3) = 0.55.
    const p = argmaxGrid([[0.2], [0.7], [0.1]], 1);
    expect(p.argmax[0]).toBe(1);
    expect(p.confidence[0]).toBeCloseTo(0.55, 6);
    // Logits 0 and ln 2 (in [0, 1] but not summing to 1): softmax 1/3, 2/3; confidence (2/3 − 1/2) / (1/2) = 1/3.
    const l = argmaxGrid([[0], [Math.log(2)]], 1);
    expect(l.argmax[0]).toBe(1);
    expect(l.confidence[0]).toBeCloseTo(1 / 3, 6);
  });
});
