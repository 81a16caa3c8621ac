/** Gradient descent on `param` nodes: w <- w - lr * dL/dw, returning every change for display. */
import type { Session } from './session.ts';

export interface ParamUpdate {
  id: string;
  old: number;
  grad: number;
  lr: number;
  new: number;
}

/**
 * One gradient-descent step from the gradients in `session` (averaged over its batch).
 * Updates the session's leaf values in place and returns the changes; `withParams` writes them
 * into a model.
 */
export function gradientStep(session: Session, lr: number): ParamUpdate[] {
  if (!session.hasGrads) throw new Error('Run reverse mode first: there are no gradients to apply.');
  const { graph, batch } = session;
  const updates: ParamUpdate[] = [];
  for (const n of graph.order) {
    const node = graph.nodes[n];
    if (node.op.name !== 'param') continue;
    let g = 0;
    for (let b = 0; b < batch; b++) g += session.grad(n, b);
    g /= batch;
    const old = session.value(n);
    const next = old - lr * g;
    updates.push({ id: node.id, old, grad: g, lr, new: next });
  }
  for (const u of updates) session.setLeaf(graph.indexOf.get(u.id)!, u.new);
  return updates;
}
