/**
 * Which node is the loss: the model's own `loss`, or, when it names none, the one the editor
 * chooses for the user. Declared here, in the engine, so the canvas, lesson checks, `grade` and
 * "Save as lesson step" all differentiate the same node: a student who builds J = 3(a + bc) sees
 * ∂J/∂a on the cards and is graded on that same ∂J/∂a.
 */
import type { Model, ModelNode } from '../core/model.ts';
import { getOp, isLeafOp } from '../ops/registry.ts';
import type { OpDef } from '../ops/types.ts';

/**
 * Top-level model field in which the editor records the layers it expanded in place, so an
 * expanded graph can be saved, reloaded and still collapsed (kept by every tool as an unknown field).
 */
const EXPANDED_FIELD = 'expandedMacros';

export interface ExpandedMacro {
  /** The macro node as it was before expanding (attrs updated from the params on collapse). */
  node: ModelNode;
  /** Ids of its primitive nodes. */
  members: string[];
  /** For each macro input port, the primitive (node, port) pairs that read it. */
  inputConsumers: { node: string; port: number }[][];
  /** Primitive node computing each output port. */
  outputs: string[];
  /** How far nodes to the right were pushed to make room; pulled back on collapse. */
  shift: number;
}

/** The layers expanded in place, by macro id (none when the model has no record). */
export function expandedMacros(model: Model): Readonly<Record<string, ExpandedMacro>> {
  const field = (model as Record<string, unknown>)[EXPANDED_FIELD];
  return field && typeof field === 'object' ? (field as Record<string, ExpandedMacro>) : {};
}

/** The model with `records` as its expanded layers (the field dropped when there are none). */
export function withExpandedMacros(model: Model, records: Record<string, ExpandedMacro>): Model {
  const next = { ...model } as Record<string, unknown>;
  if (Object.keys(records).length) next[EXPANDED_FIELD] = records;
  else delete next[EXPANDED_FIELD];
  return next as unknown as Model;
}

export interface Wired {
  /** One more than the highest connected port. */
  span: number;
  /** Connected ports (a port takes one edge). */
  count: number;
}

/** Per target node: how its input ports are wired. */
export function wiredInputs(model: Model): Map<string, Wired> {
  const wired = new Map<string, Wired>();
  for (const e of model.edges) {
    const w = wired.get(e.target) ?? { span: 0, count: 0 };
    wired.set(e.target, { span: Math.max(w.span, e.port + 1), count: w.count + 1 });
  }
  return wired;
}

/**
 * Whether `loss` names something that computes: a node, or a primitive inside a collapsed layer
 * (`net/l2/a1`: the loss stays on the output or inner node it was on when the layer collapsed).
 */
function lossExists(model: Model, loss: string): boolean {
  if (model.nodes.some((n) => n.id === loss)) return true;
  return model.nodes.some((n) => getOp(n.op)?.macro && loss.startsWith(`${n.id}/`));
}

/** Inputs a layer macro takes as the engine counts them: wired, implied by stored weights, or the op's minimum (expand.ts). */
function macroInputs(n: ModelNode, op: OpDef, wired: Wired | undefined): number {
  const min = op.arity.kind === 'variadic' ? op.arity.min : 1;
  return Math.max(wired?.span ?? 0, op.macro?.storedInputs?.(n.attrs ?? {}) ?? 0, min);
}

/**
 * Without an explicit loss, the graph's only unread output (a non-leaf node, or one output port of
 * a layer, that nothing reads) is what a user building J = f(...) means to differentiate. Never an
 * output of a node with several outputs (a dense or mlp layer, collapsed or expanded): which of
 * them, or which sum of them, is the loss is the user's to say. With several there is no guess.
 */
function automaticLoss(model: Model, wired: ReadonlyMap<string, Wired>): { id?: string; multiOutput?: string } {
  const read = new Set(model.edges.map((e) => `${e.source}:${e.sourcePort ?? 0}`));
  // The primitives computing the outputs of an expanded layer with several outputs, by layer.
  const expandedOutputOf = new Map<string, string>();
  for (const [id, rec] of Object.entries(expandedMacros(model))) if (rec.outputs.length > 1) for (const o of rec.outputs) expandedOutputOf.set(o, id);
  const unread: { id: string; outputs: number }[] = [];
  for (const n of model.nodes) {
    const op = getOp(n.op);
    if (!op || isLeafOp(op)) continue;
    const outputs = op.macro ? op.macro.outputCount(n.attrs ?? {}, macroInputs(n, op, wired.get(n.id))) : 1;
    for (let p = 0; p < outputs; p++) if (!read.has(`${n.id}:${p}`)) unread.push({ id: n.id, outputs });
  }
  const multi = unread.find((u) => u.outputs > 1)?.id ?? unread.map((u) => expandedOutputOf.get(u.id)).find(Boolean);
  if (unread.length !== 1 || multi !== undefined) return { multiOutput: multi };
  return { id: unread[0].id };
}

export interface ChosenLoss {
  /** The node reverse mode starts from, if any. */
  id?: string;
  /** True when the model names it; false when it was chosen for the user (or there is none). */
  explicit: boolean;
  /** No loss because this node, a layer with several outputs, ends the graph. */
  multiOutput?: string;
}

/** The loss of `model`: its own when that computes, else the only unread output (see automaticLoss). */
export function chooseLoss(model: Model, wired: ReadonlyMap<string, Wired> = wiredInputs(model)): ChosenLoss {
  if (model.loss !== undefined && lossExists(model, model.loss)) return { id: model.loss, explicit: true };
  return { ...automaticLoss(model, wired), explicit: false };
}

/** `model` with the loss the editor shows written in (the model itself when it names its own). */
export function withChosenLoss(model: Model): Model {
  const { id, explicit } = chooseLoss(model);
  return explicit || id === undefined ? model : { ...model, loss: id };
}
