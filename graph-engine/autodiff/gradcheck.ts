/**
 * Gradient check by central finite differences: for every param and input leaf x,
 * numeric = (L(x + h) - L(x - h)) / 2h with h = 1e-6 * max(1, |x|), compared with reverse mode.
 * Relative error is |analytic - numeric| / max(1, |analytic|, |numeric|), so tiny gradients are
 * compared absolutely and large ones relatively.
 */
import type { Graph } from '../graph/build.ts';
import { Session } from './session.ts';

export interface GradCheckRow {
  id: string;
  op: string;
  value: number;
  analytic: number;
  numeric: number;
  relError: number;
}

/**
 * A gradient passes the check when its relError is at most this. The check's own error is far
 * smaller: rounding costs about ε·|L| / h ≈ 2e-10·|L| (the samples measure 1e-12 to 4e-10) and
 * truncation about h²·|L'''| / 6 ≈ 2e-13·|L'''|, so 1e-6 leaves four orders of magnitude for losses
 * in the hundreds, while a wrong derivative is off by far more. A looser bound (Teach once used
 * 1e-5) would only let through errors that no rounding explains.
 */
export const GRADCHECK_TOLERANCE = 1e-6;

export function gradCheck(graph: Graph, relStep = 1e-6): GradCheckRow[] {
  const s = new Session(graph, 1);
  s.forward();
  s.backward();
  const rows: GradCheckRow[] = [];
  const loss = graph.loss;
  for (const node of graph.nodes) {
    if (node.op.name !== 'param' && node.op.name !== 'input') continue;
    const x = s.value(node.index);
    const h = relStep * Math.max(1, Math.abs(x));
    const lossAt = (v: number) => {
      s.setLeaf(node.index, v);
      s.forward();
      return s.value(loss);
    };
    const numeric = (lossAt(x + h) - lossAt(x - h)) / (2 * h);
    s.setLeaf(node.index, x);
    const analytic = s.grad(node.index);
    const relError = Math.abs(analytic - numeric) / Math.max(1, Math.abs(analytic), Math.abs(numeric));
    rows.push({ id: node.id, op: node.op.name, value: x, analytic, numeric, relError });
  }
  s.forward();
  return rows;
}
