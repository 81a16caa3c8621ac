/**
 * TensorFlow Playground's one-click input features (x1², x2², x1·x2, sin x1, sin x2) as model
 * edits: turning one on adds an input node labelled with the data set's derived column (so it
 * binds by label, the engine's rule) and wires it into the first layer; turning it off removes
 * every input node reading that column. Pure: the caller commits the result as one undo step.
 *
 * A layer whose weights are stored (after training) gets a zero weight column for the new input,
 * so the trained network computes exactly what it did and the new feature starts from nothing;
 * removing a feature drops its column, so the rest of the layer keeps its weights.
 */
import { produce, type Draft } from 'immer';
import { boundColumn, DERIVED_FEATURES, getOp, type Model, type ModelNode } from '../../../graph-engine/index.ts';
import { freeSpot, removeNodes } from '../../store/modelEdits.ts';

export interface FeatureToggle {
  /** The data set's derived column (graph-engine/data/dataset.ts withDerivedFeatures). */
  column: string;
  /** How the toggle reads. */
  title: string;
  /** Stem of the new node's id. */
  idStem: string;
}

export const FEATURE_TOGGLES: readonly FeatureToggle[] = [
  { column: 'x1^2', title: 'x₁²', idStem: 'x1_sq' },
  { column: 'x2^2', title: 'x₂²', idStem: 'x2_sq' },
  { column: 'x1*x2', title: 'x₁x₂', idStem: 'x1_x2' },
  { column: 'sin(x1)', title: 'sin(x₁)', idStem: 'sin_x1' },
  { column: 'sin(x2)', title: 'sin(x₂)', idStem: 'sin_x2' },
];

/** A layer macro whose input ports are its first layer's inputs: it stores its weights as layers. */
const layerMacro = (op: string) => getOp(op)?.macro?.layersOf !== undefined;

/** Vertical distance between stacked input cards, as the samples space x1 and x2. */
const CARD_STEP = 160;

/** What binds columns to nodes: the data set's columns and the bind map in force. */
export interface BindContext {
  columns: readonly string[];
  bind: Readonly<Record<string, string>>;
}

/** The column an input node reads, by the engine's binding rule. */
const columnOf = (node: ModelNode, ctx: BindContext) => boundColumn(node.id, node.label, ctx.columns, ctx.bind);

/** Ids of the input nodes reading `column`. */
export function featureNodes(model: Model, column: string, ctx: BindContext): string[] {
  return model.nodes.filter((n) => n.op === 'input' && columnOf(n, ctx) === column).map((n) => n.id);
}

/** The first layer: the layer macro most of the x1 / x2 inputs feed (the first such in the file). */
function firstLayer(model: Model, inputs: readonly string[]): ModelNode | undefined {
  const counts = new Map<string, number>();
  for (const e of model.edges) if (inputs.includes(e.source)) counts.set(e.target, (counts.get(e.target) ?? 0) + 1);
  let best: ModelNode | undefined;
  for (const n of model.nodes) {
    if (!layerMacro(n.op) || !counts.has(n.id)) continue;
    if (!best || counts.get(n.id)! > counts.get(best.id)!) best = n;
  }
  return best;
}

function freshId(model: Model, stem: string): string {
  const taken = new Set(model.nodes.map((n) => n.id));
  if (!taken.has(stem)) return stem;
  for (let i = 2; ; i++) if (!taken.has(`${stem}${i}`)) return `${stem}${i}`;
}

/** The model with the feature's input added (and wired into the first layer), or the same model if it has one. */
export function withFeature(model: Model, toggle: FeatureToggle, ctx: BindContext): Model {
  if (featureNodes(model, toggle.column, ctx).length) return model;
  const base = ['x1', 'x2'].map((c) => model.nodes.find((n) => n.op === 'input' && columnOf(n, ctx) === c));
  const present = base.filter((n): n is ModelNode => n !== undefined);
  const layer = firstLayer(
    model,
    present.map((n) => n.id),
  );
  const id = freshId(model, toggle.idStem);
  // Below the x1 / x2 inputs and the features added before, a card's height apart (Train mode
  // draws input cards with a picture, taller than a plain card), in the first clear spot.
  const stacked = model.nodes.filter((n) => n.op === 'input' && ['x1', 'x2', ...FEATURE_TOGGLES.map((t) => t.column)].includes(columnOf(n, ctx) ?? ''));
  const anchor = present.find((n) => n.position)?.position ?? { x: 0, y: 0 };
  const lowest = Math.max(anchor.y, ...stacked.map((n) => n.position?.y ?? anchor.y));
  const position = freeSpot(model, { x: anchor.x, y: lowest + CARD_STEP }, { block: { width: 190, height: CARD_STEP } });
  // The engine's own formula for the column, so the card starts at the value the data would give.
  const of = DERIVED_FEATURES.find((f) => f.column === toggle.column)?.of;
  const value = of ? of(base[0]?.value ?? 0, base[1]?.value ?? 0) : 0;
  return produce(model, (d) => {
    d.nodes.push({ id, op: 'input', label: toggle.column, value, position: { x: position.x, y: position.y } });
    if (!layer) return;
    const port = d.edges.reduce((m, e) => (e.target === layer.id ? Math.max(m, e.port + 1) : m), 0);
    d.edges.push({ source: id, target: layer.id, port });
    const node = d.nodes.find((n) => n.id === layer.id)!;
    editFirstLayerColumns(node, (row) => row.splice(port, 0, 0));
  });
}

/** The model without the inputs reading the feature's column (their weight columns dropped too). */
export function withoutFeature(model: Model, toggle: FeatureToggle, ctx: BindContext): Model {
  const ids = new Set(featureNodes(model, toggle.column, ctx));
  if (!ids.size) return model;
  return produce(model, (d) => {
    // Highest port first, so the ports still to drop keep their numbers.
    const wired = d.edges.filter((e) => ids.has(e.source) && !ids.has(e.target)).sort((a, b) => b.port - a.port);
    for (const e of wired) {
      const node = d.nodes.find((n) => n.id === e.target);
      if (node) editFirstLayerColumns(node, (row) => row.splice(e.port, 1));
    }
    removeNodes(d, ids);
    const bind = d.training?.bind as Record<string, string> | undefined;
    if (bind) for (const id of ids) delete bind[id];
  });
}

/** Edits each weight row of a layer macro's stored first layer (one entry per input port), if stored. */
function editFirstLayerColumns(node: Draft<ModelNode>, edit: (row: number[]) => void): void {
  const macro = getOp(node.op)?.macro;
  const layers = node.attrs && macro?.layersOf?.(node.attrs);
  if (!layers || !macro?.attrsOf) return;
  for (const row of layers[0].W) edit(row);
  Object.assign(node.attrs!, macro.attrsOf(layers));
}
