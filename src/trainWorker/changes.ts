/**
 * What kind of edit turned one model into another, for Train mode to react sensibly: moving cards
 * changes nothing, a value or weight edit pauses training, a structural edit stops it.
 */
import { getOp, type Model, type ModelNode } from '../../graph-engine/index.ts';

export type ChangeKind = 'none' | 'layout' | 'values' | 'structure';

/** Attrs holding a macro's parameters (weights and biases): editing them is a value edit. */
function paramAttrs(node: ModelNode): readonly string[] {
  return getOp(node.op)?.macro?.paramAttrs ?? [];
}

function sameExcept(a: Record<string, unknown> | undefined, b: Record<string, unknown> | undefined, skip: readonly string[]): boolean {
  if (a === b) return true;
  const keys = new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]);
  for (const k of keys) {
    if (skip.includes(k)) continue;
    if (JSON.stringify(a?.[k]) !== JSON.stringify(b?.[k])) return false;
  }
  return true;
}

/** Equal numbers, or arrays of equal numbers at any depth: a macro's weights and biases. */
function sameNumbers(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  return a.every((x, i) => sameNumbers(x, b[i]));
}

/** A model compared with an edited copy of it. Copies with equal values compare as 'layout' (nothing to retrain). */
export function changeKind(prev: Model, next: Model): ChangeKind {
  if (prev === next) return 'none';
  if (prev.loss !== next.loss || prev.nodes.length !== next.nodes.length) return 'structure';
  if (prev.edges !== next.edges) {
    if (prev.edges.length !== next.edges.length) return 'structure';
    for (let i = 0; i < prev.edges.length; i++) {
      const a = prev.edges[i];
      const b = next.edges[i];
      if (a !== b && (a.source !== b.source || a.target !== b.target || a.port !== b.port || (a.sourcePort ?? 0) !== (b.sourcePort ?? 0))) return 'structure';
    }
  }
  let kind: ChangeKind = 'none';
  for (let i = 0; i < prev.nodes.length; i++) {
    const a = prev.nodes[i];
    const b = next.nodes[i];
    if (a === b) continue;
    if (a.id !== b.id || a.op !== b.op) return 'structure';
    if (!sameExcept(a.attrs, b.attrs, paramAttrs(a))) return 'structure';
    // The other attrs are equal (checked above): compare the parameters by value.
    if (a.value !== b.value || paramAttrs(a).some((k) => !sameNumbers(a.attrs?.[k], b.attrs?.[k]))) kind = 'values';
    else if (a.label !== b.label) kind = kind === 'values' ? kind : 'values';
    else if (kind === 'none' && (a.position?.x !== b.position?.x || a.position?.y !== b.position?.y)) kind = 'layout';
  }
  if (kind === 'none' && JSON.stringify(prev.training) !== JSON.stringify(next.training)) kind = 'values';
  return kind === 'none' ? 'layout' : kind;
}
