/**
 * Binding a dataset to a model: every `input` node takes the column named by training.bind[id], else
 * the column named like its id, else like its label. Inputs on the way to the loss must bind; others
 * bind when a column matches and otherwise keep their value. Predictions and targets are read off
 * the loss node: mse, cross_entropy and softmax_cross_entropy take predictions p1..pk then targets
 * t1..tk; bce takes (p, y) and bce_with_logits (z, y), its prediction a logit.
 */
import type { Graph } from '../graph/build.ts';
import { DataError, type Dataset, type Task } from './dataset.ts';
import { own } from '../core/records.ts';

export interface Binding {
  node: number;
  column: number;
}

export interface LossRoles {
  predictions: number[];
  targets: number[];
  /** The prediction is a logit (bce_with_logits): it says class 1 above 0, not above 0.5. */
  logits: boolean;
}

const PAIRED_LOSSES = new Set(['mse', 'bce', 'bce_with_logits', 'cross_entropy', 'softmax_cross_entropy']);

/** Prediction and target nodes of the loss, or undefined when the loss is not a standard loss op. */
export function lossRoles(graph: Graph): LossRoles | undefined {
  if (graph.loss < 0) return undefined;
  const node = graph.nodes[graph.loss];
  if (!PAIRED_LOSSES.has(node.op.name)) return undefined;
  const src = [...node.inputs].map((e) => graph.edges[e].source);
  const h = src.length / 2;
  return { predictions: src.slice(0, h), targets: src.slice(h), logits: node.op.name === 'bce_with_logits' };
}

/** The column an input node reads: training.bind[id], else its id, else its label, if the data has it. */
export function boundColumn(
  id: string,
  label: string | undefined,
  columns: readonly string[],
  bind: Readonly<Record<string, string>> = {},
): string | undefined {
  return [own(bind, id), id, label].find((c) => c !== undefined && columns.includes(c));
}

export function bindDataset(graph: Graph, ds: Dataset, bind: Readonly<Record<string, string>> = {}): Binding[] {
  const bindings: Binding[] = [];
  const problems: string[] = [];
  for (const id of Object.keys(bind)) {
    const n = graph.indexOf.get(id);
    if (n === undefined || graph.nodes[n].op.name !== 'input') problems.push(`training.bind names "${id}", which is not an input node.`);
    else if (!ds.columns.includes(bind[id]))
      problems.push(`training.bind maps "${id}" to column "${bind[id]}", which dataset "${ds.name}" does not have (columns: ${ds.columns.join(', ')}).`);
  }
  for (const node of graph.nodes) {
    if (node.op.name !== 'input') continue;
    const name = boundColumn(node.id, node.label, ds.columns, bind);
    if (name !== undefined) bindings.push({ node: node.index, column: ds.columns.indexOf(name) });
    else if (graph.reachesLoss[node.index]) {
      problems.push(
        `Input node "${node.id}" has no column in dataset "${ds.name}" (columns: ${ds.columns.join(', ')}); name the node after a column or map it in training.bind.`,
      );
    }
  }
  if (problems.length) throw new DataError(problems.join('\n'));
  return bindings;
}

/** Classification when every target value is 0/1 or -1/+1, regression otherwise. */
export function inferTask(ds: Dataset, graph: Graph, bindings: readonly Binding[], roles: LossRoles | undefined): Task | undefined {
  if (ds.task) return ds.task;
  if (!roles) return undefined;
  const cols = roles.targets.map((t) => bindings.find((b) => b.node === t)?.column);
  if (cols.some((c) => c === undefined)) return 'regression';
  if (graph.nodes[graph.loss].op.name !== 'mse') return 'classification';
  const labels = new Set<number>();
  for (const c of cols) for (const v of ds.data[c!]) labels.add(v);
  return [...labels].every((v) => v === 0 || v === 1) || [...labels].every((v) => v === -1 || v === 1) ? 'classification' : 'regression';
}
