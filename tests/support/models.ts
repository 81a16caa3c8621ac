// Small builders for test models: nodes and edges in a line each, loss named.
import type { Model, ModelEdge, ModelNode } from '../../graph-engine/index.ts';
import { expandMacro } from '../../src/store/macroEdits.ts';

/** An edge as [source, target, port, sourcePort?]; sourcePort picks an output of a multi-output source. */
export type EdgeTuple = [source: string, target: string, port: number, sourcePort?: number];

export function model(nodes: ModelNode[], edges: EdgeTuple[], loss?: string): Model {
  const m: Model = {
    format: 'graphgrad',
    version: 1,
    nodes,
    edges: edges.map(
      ([source, target, port, sourcePort]): ModelEdge => (sourcePort === undefined ? { source, target, port } : { source, target, port, sourcePort }),
    ),
  };
  if (loss !== undefined) m.loss = loss;
  return m;
}

export const input = (id: string, value: number): ModelNode => ({ id, op: 'input', value });
export const op = (id: string, name: string, attrs?: Record<string, unknown>): ModelNode => (attrs ? { id, op: name, attrs } : { id, op: name });

/** pred = w * x, L = mse(pred, t) = (w x - t)^2, with w starting at 0.5: small enough to train by hand. */
export const tinyRegression: Model = model(
  [input('x', 0), { id: 'w', op: 'param', value: 0.5 }, op('p', 'mul'), input('t', 0), op('L', 'mse')],
  [
    ['w', 'p', 0],
    ['x', 'p', 1],
    ['p', 'L', 0],
    ['t', 'L', 1],
  ],
  'L',
);

/** An mlp of `sizes` with hidden dropout `hidden`, then a primitive dropout of `rate`, into an mse loss. */
export function dropoutModel(sizes: number[], hidden: number, rate: number): Model {
  return model(
    [
      input('x1', 0.5),
      input('x2', -1),
      input('y', 1),
      op('net', 'mlp', { sizes, activation: 'relu', dropout: hidden }),
      op('d', 'dropout', { rate }),
      op('L', 'mse'),
    ],
    [
      ['x1', 'net', 0],
      ['x2', 'net', 1],
      ['net', 'd', 0],
      ['d', 'L', 0],
      ['y', 'L', 1],
    ],
    'L',
  );
}

/** A layered DAG of `cols` x `rows` mean nodes fed by inputs, summed into one loss: about cols*rows nodes. */
export function gridModel(cols: number, rows: number): Model {
  const nodes: ModelNode[] = [];
  const edges: ModelEdge[] = [];
  const id = (c: number, r: number) => `n${c}_${r}`;
  for (let c = 0; c < cols; c++) {
    for (let r = 0; r < rows; r++) {
      const position = { x: c * 230, y: r * 120 };
      if (c === 0) nodes.push({ id: id(c, r), op: 'input', value: (r % 7) - 3, position });
      else {
        nodes.push({ id: id(c, r), op: 'mean', position });
        edges.push({ source: id(c - 1, r), target: id(c, r), port: 0 }, { source: id(c - 1, (r + 1) % rows), target: id(c, r), port: 1 });
      }
    }
  }
  nodes.push({ id: 'L', op: 'sum', position: { x: cols * 230, y: (rows * 120) / 2 } });
  for (let r = 0; r < rows; r++) edges.push({ source: id(cols - 1, r), target: 'L', port: r });
  return { format: 'graphgrad', version: 1, name: `${nodes.length} nodes`, nodes, edges, loss: 'L' };
}

/**
 * An MLP expanded in place, as a user gets it from the palette: `width` inputs, hidden layers of
 * `width` tanh units, one linear output, mse against a target. Width 15 gives about 1,000 nodes.
 */
export function expandedMlpModel(width: number, layers = 2): Model {
  const nodes: ModelNode[] = [];
  const edges: ModelEdge[] = [];
  for (let i = 0; i < width; i++) {
    nodes.push({ id: `x${i + 1}`, op: 'input', value: Math.sin(i + 1), position: { x: 0, y: i * 120 } });
    edges.push({ source: `x${i + 1}`, target: 'mlp', port: i });
  }
  const middle = ((width - 1) * 120) / 2;
  nodes.push({ id: 'mlp', op: 'mlp', attrs: { sizes: [...Array(layers).fill(width), 1] }, position: { x: 260, y: middle } });
  nodes.push({ id: 'y', op: 'input', value: 0.5, position: { x: 260, y: middle + 200 } });
  nodes.push({ id: 'L', op: 'mse', position: { x: 520, y: middle } });
  edges.push({ source: 'mlp', target: 'L', port: 0 }, { source: 'y', target: 'L', port: 1 });
  const collapsed: Model = { format: 'graphgrad', version: 1, name: `expanded ${width}-${width}-1 MLP`, nodes, edges, loss: 'L', seed: 1 };
  const { model, problem } = expandMacro(collapsed, 'mlp');
  if (!model) throw new Error(problem);
  return { ...model, name: `${model.nodes.length}-node expanded MLP` };
}

export { loadSample as sample } from './load-sample.ts';
