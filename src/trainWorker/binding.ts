/**
 * The binding view: which dataset column feeds each input node, and whether that makes sense.
 * The rule is the engine's (training.bind[id], else the column named like the id, else like the
 * label); this only explains it row by row so a mismatch reads as advice, not a crash.
 */
import { lossRoles, own, type Dataset, type Graph } from '../../graph-engine/index.ts';
import type { WorkerText } from './protocol.ts';

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
  problem?: WorkerText;
}

export interface BindingView {
  rows: BindingRow[];
  columns: string[];
  /** Columns that are targets by default in the dataset. */
  datasetTargets: string[];
  /** Problems that stop training (each names what to do). */
  problems: WorkerText[];
  /** Things worth knowing that do not stop training. */
  notes: WorkerText[];
}

export function bindingView(graph: Graph, ds: Pick<Dataset, 'columns' | 'targets' | 'name'>, bind: Readonly<Record<string, string>> = {}): BindingView {
  const roles = lossRoles(graph);
  const targetNodes = new Set(roles?.targets ?? []);
  const rows: BindingRow[] = [];
  const problems: WorkerText[] = [];
  const notes: WorkerText[] = [];
  for (const id of Object.keys(bind)) {
    const n = graph.indexOf.get(id);
    if (n === undefined || graph.nodes[n].op.name !== 'input') notes.push({ code: 'unknownMapping', id });
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
    const about = (problem: WorkerText): WorkerText => ({ code: 'about', role: isTarget ? 'target' : 'input', label: node.label, problem });
    if (mapped !== undefined && !ds.columns.includes(mapped)) {
      row.problem = { code: 'mappedToMissing', column: mapped, dataset: ds.name };
    }
    if (!row.column && needed) {
      row.problem = { code: 'noColumn', dataset: ds.name, columns: ds.columns };
      problems.push(about(row.problem));
    } else if (row.column && isTarget && !ds.targets.includes(row.column)) {
      row.problem = { code: 'targetReadsFeature', column: row.column, dataset: ds.name, labels: ds.targets };
      notes.push(about(row.problem));
    } else if (row.column && !isTarget && needed && ds.targets.includes(row.column)) {
      row.problem = { code: 'inputReadsLabel', column: row.column };
      notes.push(about(row.problem));
    }
    rows.push(row);
  }
  if (!roles && graph.loss >= 0) notes.push({ code: 'lossNotScored', loss: graph.nodes[graph.loss].label });
  if (graph.loss < 0) problems.push({ code: 'noLoss' });
  const boundTargets = new Set(rows.filter((r) => r.role === 'target' && r.column).map((r) => r.column));
  const unused = ds.targets.filter((t) => !boundTargets.has(t));
  if (roles && unused.length === ds.targets.length && ds.targets.length) {
    notes.push({ code: 'labelsUnread', labels: ds.targets });
  }
  return { rows, columns: ds.columns, datasetTargets: ds.targets, problems, notes };
}
