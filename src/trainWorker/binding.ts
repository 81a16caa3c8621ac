/**
 * The binding view: which dataset column feeds each input node, and whether that makes sense.
 * The rule is the engine's (training.bind[id], else the column named like the id, else like the
 * label); this only explains it row by row so a mismatch reads as advice, not a crash.
 */
import { lossRoles, own, type Dataset, type Graph } from '../../graph-engine/index.ts';

export type BindingRole = 'feature' | 'target' | 'unused';

export interface BindingRow {
  nodeId: string;
  label: string;
  role: BindingRole;
  /** Bound column, if any. */
  column?: string;
  /** How the column was found. */
  via?: 'bind' | 'id' | 'label';
  /** Whether the node is on the way to the loss (then it must be bound). */
  needed: boolean;
  problem?: string;
}

export interface BindingView {
  rows: BindingRow[];
  columns: string[];
  /** Columns that are targets by default in the dataset. */
  datasetTargets: string[];
  /** Problems that stop training (each names what to do). */
  problems: string[];
  /** Things worth knowing that do not stop training. */
  notes: string[];
}

export function bindingView(graph: Graph, ds: Pick<Dataset, 'columns' | 'targets' | 'name'>, bind: Readonly<Record<string, string>> = {}): BindingView {
  const roles = lossRoles(graph);
  const targetNodes = new Set(roles?.targets ?? []);
  const rows: BindingRow[] = [];
  const problems: string[] = [];
  const notes: string[] = [];
  for (const id of Object.keys(bind)) {
    const n = graph.indexOf.get(id);
    if (n === undefined || graph.nodes[n].op.name !== 'input') notes.push(`The mapping for "${id}" is ignored: the graph has no input node "${id}".`);
  }
  for (const node of graph.nodes) {
    if (node.op.name !== 'input' || node.origin) continue;
    const needed = graph.reachesLoss[node.index] === 1;
    const mapped = own(bind, node.id);
    const candidates: [string | undefined, BindingRow['via']][] = [
      [mapped, 'bind'],
      [node.id, 'id'],
      [node.label, 'label'],
    ];
    const hit = candidates.find(([c]) => c !== undefined && ds.columns.includes(c));
    const isTarget = targetNodes.has(node.index);
    const row: BindingRow = { nodeId: node.id, label: node.label, role: isTarget ? 'target' : needed ? 'feature' : 'unused', needed };
    if (hit) {
      row.column = hit[0];
      row.via = hit[1];
    }
    if (mapped !== undefined && !ds.columns.includes(mapped)) {
      row.problem = `is mapped to column "${mapped}", which ${ds.name} does not have.`;
    }
    if (!row.column && needed) {
      row.problem = `has no column in ${ds.name}: pick one (columns: ${ds.columns.join(', ')}).`;
      problems.push(`${isTarget ? 'Target' : 'Input'} "${node.label}" ${row.problem}`);
    } else if (row.column && isTarget && !ds.targets.includes(row.column)) {
      row.problem = `is the loss's target but reads "${row.column}", a feature of ${ds.name}; its labels are ${ds.targets.join(', ')}.`;
      notes.push(`Target "${node.label}" ${row.problem}`);
    } else if (row.column && !isTarget && needed && ds.targets.includes(row.column)) {
      row.problem = `feeds the network with the label column "${row.column}": the network would see the answer.`;
      notes.push(`Input "${node.label}" ${row.problem}`);
    }
    rows.push(row);
  }
  if (!roles && graph.loss >= 0)
    notes.push(
      `The loss "${graph.nodes[graph.loss].label}" is not mse, bce or a cross-entropy, so there are no predictions to score: only the loss is tracked.`,
    );
  if (graph.loss < 0) problems.push('The graph names no loss node: set one in Build mode (select a node, "Use as loss").');
  const boundTargets = new Set(rows.filter((r) => r.role === 'target' && r.column).map((r) => r.column));
  const unused = ds.targets.filter((t) => !boundTargets.has(t));
  if (roles && unused.length === ds.targets.length && ds.targets.length) {
    notes.push(`No target node reads the dataset's label${ds.targets.length > 1 ? 's' : ''} (${ds.targets.join(', ')}).`);
  }
  return { rows, columns: ds.columns, datasetTargets: ds.targets, problems, notes };
}
