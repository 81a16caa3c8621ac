/**
 * Loading expression support on demand. This module is tiny and safe to import eagerly; the
 * expression module itself (with mathjs) is fetched by the dynamic import below, so the editor's
 * first bundle does not contain mathjs. The CLI and tests may simply await loadExpressionOps().
 */
import type { Model } from '../core/model.ts';
import { getOp, registerOp } from '../ops/registry.ts';

let loading: Promise<void> | undefined;

export function expressionOpsLoaded(): boolean {
  return getOp('expr') !== undefined;
}

export function loadExpressionOps(): Promise<void> {
  loading ??= import('./op.ts').then((m) => registerOp(m.exprOp));
  return loading;
}

/** Loads every on-demand op the model uses (today: expr). Call before validating a file. */
export async function ensureOpsFor(model: Pick<Model, 'nodes'> | { nodes?: unknown }): Promise<void> {
  const nodes = Array.isArray(model.nodes) ? (model.nodes as { op?: unknown }[]) : [];
  if (nodes.some((n) => n?.op === 'expr')) await loadExpressionOps();
}
