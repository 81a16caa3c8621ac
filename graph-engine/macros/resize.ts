/**
 * Growing and shrinking a dense or mlp node one unit or one hidden layer at a time (the network
 * view's +/- buttons, as in TensorFlow Playground), keeping the weights that still mean the same.
 *
 * The rule: a weight keeps its value when its unit and its input both still exist and still are
 * what they were. A new unit's weights, and the weights that now read a different input, take the
 * value the seeded initialisation gives them in the new shape (activation.ts, drawn by expand.ts
 * from the model's seed and the node's id), so a resize is deterministic. Biases of kept units are
 * kept; a new unit's bias is 0. In detail:
 * - add a unit to layer l: a new last row of W[l] and b[l]; the next layer gets a new last column.
 * - remove a unit from layer l: the last row of W[l] and b[l] go; the next layer's last column goes.
 * - add a hidden layer (mlp): inserted before the output layer, as wide as the last hidden layer
 *   (2 units when there is none); the output layer now reads its units, so its weights are drawn
 *   afresh (its biases kept).
 * - remove a hidden layer (mlp): the last hidden layer goes; the output layer's weights are drawn
 *   afresh for its new inputs (its biases kept).
 */
import type { Model, ModelNode } from '../core/model.ts';
import { getOp } from '../ops/registry.ts';
import { initMacroParams, macroAttrsProblems } from './expand.ts';
import { DenseSettings, MlpSettings, settingOrDefault } from './settings.ts';
import type { LayerParams } from './types.ts';

export type LayerResize = { kind: 'addUnit'; layer: number } | { kind: 'removeUnit'; layer: number } | { kind: 'addLayer' } | { kind: 'removeLayer' };

export type ResizeResult =
  | {
      /** The node's new attrs: its widths and every layer's weights and biases. */
      attrs: Record<string, unknown>;
      /** Layer widths after the resize (a dense node: one). */
      sizes: number[];
      /** Output ports after the resize (edges from ports at or past it have nothing to leave from). */
      outputs: number;
      /** What was done, in a few words (an undo step's name). */
      label: string;
    }
  | { problem: string };

/** Width of a new hidden layer when the mlp has none to copy. */
const NEW_LAYER_UNITS = 2;

/** How a new layer is made from an old one: the old layer it continues, and which old row and column each new one is. */
interface LayerMap {
  /** Index of the old layer, or undefined for a new layer (all drawn). */
  from?: number;
  /** Per new row (unit): the old row, or undefined for a new unit. */
  rows: (number | undefined)[];
  /** Per new column (input): the old column, or undefined when the weights read a new or different input. */
  cols: (number | undefined)[];
}

const same = (n: number) => Array.from({ length: n }, (_, i) => i as number | undefined);
const fresh = (n: number) => Array.from({ length: n }, () => undefined as number | undefined);

/**
 * The node alone with `inputs` wired input stubs: what the seeded init draws from depends on the
 * node's id, its attrs, its input count and the model's seed, and on nothing else in the model.
 */
function alone(model: Model, node: ModelNode, inputs: number): Model {
  const stubs = Array.from({ length: inputs }, (_, i) => ({ id: `${node.id}\u0000in${i}`, op: 'input', value: 0 }));
  const { loss: _loss, ...rest } = model;
  return { ...rest, nodes: [...stubs, node], edges: stubs.map((s, i) => ({ source: s.id, target: node.id, port: i })) };
}

/** Every layer's numbers, stored or (where missing) as the seeded init draws them. */
function layersOf(model: Model, node: ModelNode, inputs: number): LayerParams[] | undefined {
  const def = getOp(node.op)?.macro;
  const drawn = initMacroParams(alone(model, node, inputs)).nodes.find((n) => n.id === node.id);
  return drawn && def?.layersOf?.(drawn.attrs ?? {});
}

/** Inputs the node takes: wired, implied by its stored weights, else one. */
function inputCount(model: Model, node: ModelNode): number {
  let wired = 0;
  for (const e of model.edges) if (e.target === node.id) wired = Math.max(wired, e.port + 1);
  return Math.max(wired, getOp(node.op)?.macro?.storedInputs?.(node.attrs ?? {}) ?? 0, 1);
}

const widthsOf = (node: ModelNode): number[] | undefined => {
  const a = node.attrs ?? {};
  if (node.op === 'dense') return [settingOrDefault(DenseSettings.shape.units, a.units)];
  const r = MlpSettings.shape.sizes.safeParse(a.sizes);
  return r.success ? r.data : undefined;
};

const unitsText = (n: number) => `${n} unit${n === 1 ? '' : 's'}`;

/**
 * Node `id` of `model` with one unit or hidden layer more or less, its kept weights bit for bit
 * and the rest seeded; or the problem, naming the node and the layer (1-based, as the lectures).
 */
export function resizeLayers(model: Model, id: string, edit: LayerResize): ResizeResult {
  const node = model.nodes.find((n) => n.id === id);
  if (!node) return { problem: `There is no node "${id}".` };
  const name = `Node "${id}" (${node.op})`;
  if (node.op !== 'dense' && node.op !== 'mlp') return { problem: `${name} has no layers to resize: only dense and mlp nodes do.` };
  const sizes = widthsOf(node);
  if (!sizes) return { problem: `${name}: its attr "sizes" must be fixed before layers can be added or removed.` };
  const inputs = inputCount(model, node);
  const old = layersOf(model, node, inputs);
  if (!old) {
    const why = macroAttrsProblems(model, id, node.attrs ?? {})[0]?.message;
    return { problem: why ?? `${name}: its weights could not be read; fix its attrs in the inspector before resizing.` };
  }
  const last = sizes.length - 1;
  const next = [...sizes];
  const maps: LayerMap[] = sizes.map((u, L) => ({ from: L, rows: same(u), cols: same(L === 0 ? inputs : sizes[L - 1]) }));
  let label: string;
  const wholeLayers = edit.kind === 'addLayer' || edit.kind === 'removeLayer';
  if (wholeLayers && node.op === 'dense') return { problem: `${name} is one layer; use an mlp node for hidden layers.` };
  switch (edit.kind) {
    case 'addUnit':
    case 'removeUnit': {
      const l = edit.layer;
      if (!Number.isInteger(l) || l < 0 || l > last) return { problem: `${name} has no layer ${l + 1} (it has ${sizes.length}).` };
      const add = edit.kind === 'addUnit';
      if (!add && sizes[l] === 1) return { problem: `Layer ${l + 1} of ${name} has one unit, and a layer needs at least one; remove the layer instead.` };
      next[l] = sizes[l] + (add ? 1 : -1);
      maps[l].rows = add ? [...same(sizes[l]), undefined] : same(next[l]);
      if (l < last) maps[l + 1].cols = add ? [...same(sizes[l]), undefined] : same(next[l]);
      label = add ? `Add a unit to layer ${l + 1} of ${id}` : `Remove a unit from layer ${l + 1} of ${id}`;
      break;
    }
    case 'addLayer': {
      const units = last > 0 ? sizes[last - 1] : NEW_LAYER_UNITS;
      next.splice(last, 0, units);
      const out = maps[last];
      maps.splice(last, 1, { rows: fresh(units), cols: fresh(last > 0 ? sizes[last - 1] : inputs) }, { ...out, cols: fresh(units) });
      label = `Add a hidden layer of ${unitsText(units)} to ${id}`;
      break;
    }
    case 'removeLayer': {
      if (last === 0) return { problem: `${name} has no hidden layer to remove (only its output layer).` };
      next.splice(last - 1, 1);
      const out = maps[last];
      maps.splice(last - 1, 2, { ...out, cols: fresh(last > 1 ? sizes[last - 2] : inputs) });
      label = `Remove hidden layer ${last} of ${id}`;
      break;
    }
  }
  const attrs: Record<string, unknown> = { ...node.attrs };
  for (const k of getOp(node.op)!.macro!.paramAttrs ?? []) delete attrs[k];
  if (node.op === 'dense') attrs.units = next[0];
  else {
    attrs.sizes = next;
    if (Array.isArray(attrs.activations)) {
      const acts = [...(attrs.activations as unknown[])];
      if (edit.kind === 'addLayer') acts.splice(last, 0, settingOrDefault(MlpSettings.shape.activation, attrs.activation));
      if (edit.kind === 'removeLayer') acts.splice(last - 1, 1);
      attrs.activations = acts;
    }
  }
  // Whether the new shape is allowed (the model's limits), before drawing anything for it.
  const problems = macroAttrsProblems(model, id, attrs);
  if (problems.length) return { problem: problems[0].message };
  const seeded = layersOf(model, { ...node, attrs }, inputs);
  if (!seeded) return { problem: `${name}: the resized layers could not be initialised.` };
  const merged = seeded.map((s, L): LayerParams => {
    const m = maps[L];
    const o = m.from === undefined ? undefined : old[m.from];
    return {
      W: s.W.map((row, j) => row.map((w, i) => (o && m.rows[j] !== undefined && m.cols[i] !== undefined ? o.W[m.rows[j]!][m.cols[i]!] : w))),
      b: s.b.map((b, j) => (o && m.rows[j] !== undefined ? o.b[m.rows[j]!] : b)),
    };
  });
  return { attrs: { ...attrs, ...getOp(node.op)!.macro!.attrsOf!(merged) }, sizes: next, outputs: next[next.length - 1], label };
}
