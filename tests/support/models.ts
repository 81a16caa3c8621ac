// Small builders for test models: nodes and edges in a line each, loss named.
import type { Model, ModelEdge, ModelNode } from '../../graph-engine/index.ts';

export function model(nodes: ModelNode[], edges: [string, string, number][], loss?: string): Model {
  const m: Model = {
    format: 'graphgrad',
    version: 1,
    nodes,
    edges: edges.map(([source, target, port]): ModelEdge => ({ source, target, port })),
  };
  if (loss !== undefined) m.loss = loss;
  return m;
}

export const input = (id: string, value: number): ModelNode => ({ id, op: 'input', value });
export const param = (id: string, value: number): ModelNode => ({ id, op: 'param', value });
export const konst = (id: string, value: number): ModelNode => ({ id, op: 'const', value });
export const op = (id: string, name: string, attrs?: Record<string, number>): ModelNode =>
  attrs ? { id, op: name, attrs } : { id, op: name };

export { loadSample as sample } from './load-sample.ts';
