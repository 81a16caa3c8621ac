/**
 * Expanding a layer macro in place and folding it back. The engine does the expansion
 * (expandMacroNode: ids `<macro>/<local>`, parameters, grid cells) and the read-back of parameters
 * (withParams); this module only places the primitives on the canvas and remembers, in the model,
 * what to fold back into, so an expanded graph can be saved, reloaded and still collapsed.
 */
import {
  expandedMacros,
  expandMacroNode,
  getOp,
  nodeLabel,
  resizeLayers,
  withExpandedMacros,
  withParams,
  type ExpandedMacro,
  type LayerResize,
  type Model,
  type ModelEdge,
  type ModelNode,
  type ResolvedLayer,
} from '../../graph-engine/index.ts';
import { t } from '../i18n/i18n.ts';

/**
 * Grid spacing of an expansion on the canvas, sized to the node cards: the engine gives each
 * primitive a grid cell (instance.place), and this alone turns cells into canvas positions.
 */
const EXPAND_SPACING = { dx: 215, dy: 112 };

const isMacroNode = (node: ModelNode): boolean => Boolean(getOp(node.op)?.macro);

/** The expanded macro a primitive belongs to, if any. */
export function macroOfMember(model: Model, id: string): string | undefined {
  for (const [macro, rec] of Object.entries(expandedMacros(model))) if (rec.members.includes(id)) return macro;
  return undefined;
}

/**
 * The lecture's names of a layer macro's primitives, by id: W1[i,j] (weight from input j to unit i
 * of layer 1), b1[i], z1[i] = Σ_j W1[i,j]·x_j + b1[i], a1[i] = act(z1[i]), and each product
 * W1[i,j]·x_j named after its factors. 1-based; a neuron is layer 1 with one unit.
 */
function lectureLabels(layers: readonly ResolvedLayer[], productOf: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  layers.forEach((l, L) => {
    const inputName = (i: number) => (L === 0 ? `x${i + 1}` : `a${L}[${i + 1}]`);
    l.W.forEach((row, j) =>
      row.forEach((w, i) => {
        const name = `W${L + 1}[${j + 1},${i + 1}]`;
        out.set(w, name);
        const product = productOf.get(w);
        if (product) out.set(product, `${name}·${inputName(i)}`);
      }),
    );
    l.b.forEach((b, j) => out.set(b, `b${L + 1}[${j + 1}]`));
    l.z.forEach((z, j) => out.set(z, `z${L + 1}[${j + 1}]`));
    l.out.forEach((a, j) => {
      if (a !== l.z[j]) out.set(a, `a${L + 1}[${j + 1}]`);
    });
  });
  return out;
}

export function expandMacro(model: Model, id: string): { model?: Model; problem?: string } {
  const node = model.nodes.find((n) => n.id === id);
  if (!node || !isMacroNode(node)) return { problem: t('store.problem.notAMacro', { id }) };
  const { model: expanded, instance, problems } = expandMacroNode(model, id);
  if (!instance) return { problem: problems[0]?.message ?? t('store.problem.notExpandable', { id }) };
  const origin = node.position ?? { x: 0, y: 0 };
  const members = new Set(instance.nodes);
  const cols = Math.max(...Object.values(instance.place).map((p) => p.col)) + 1;
  // Nodes to the right move over by the expansion's extra width, so nothing lands underneath it.
  const shift = (cols - 1) * EXPAND_SPACING.dx;
  const nodes = expanded.nodes.map((n) => {
    const place = instance.place[n.id];
    if (place) return { ...n, position: { x: origin.x + place.col * EXPAND_SPACING.dx, y: origin.y + place.row * EXPAND_SPACING.dy } };
    if (!members.has(n.id) && n.position && n.position.x > origin.x) return { ...n, position: { ...n.position, x: n.position.x + shift } };
    return n;
  });
  // A weight feeds exactly one primitive inside its layer: its product with the input.
  const productOf = new Map(expanded.edges.filter((e) => members.has(e.source) && members.has(e.target)).map((e) => [e.source, e.target]));
  const lecture = lectureLabels(instance.layers, productOf);
  for (const [i, n] of nodes.entries()) {
    const name = lecture.get(n.id);
    if (name) nodes[i] = { ...n, label: name };
  }
  // A primitive whose name another node already has (a neuron's bias "b" next to an input "b")
  // takes the layer's name in front, so that every card and formula says which one it is.
  const taken = new Set(model.nodes.filter((n) => n.id !== id).map(nodeLabel));
  for (const [i, n] of nodes.entries()) {
    if (members.has(n.id) && taken.has(nodeLabel(n))) nodes[i] = { ...n, label: `${nodeLabel(node)}.${nodeLabel(n)}` };
  }
  const record: ExpandedMacro = { node, members: instance.nodes, inputConsumers: instance.inputConsumers, outputs: instance.outputs, shift };
  return { model: withExpandedMacros({ ...expanded, nodes }, { ...expandedMacros(model), [id]: record }) };
}

/**
 * Folds an expanded macro back into one node: edges from outside into its primitives go back to
 * the macro's input ports, edges out of its output primitives leave from its output ports, and
 * the current param values (edited or trained while expanded) are written into its attrs.
 * Edges that have no macro port to go to (wired to an inner node) are dropped and counted.
 */
export function collapseMacro(model: Model, id: string): { model?: Model; dropped: number; problem?: string } {
  const records = { ...expandedMacros(model) };
  const rec = records[id];
  if (!rec) return { dropped: 0, problem: t('store.problem.notExpanded', { id }) };
  delete records[id];
  const members = new Set(rec.members);
  const portOf = new Map<string, number>();
  rec.inputConsumers.forEach((list, i) => list.forEach((c) => portOf.set(`${c.node}:${c.port}`, i)));
  let dropped = 0;
  const edges: ModelEdge[] = [];
  const fedPorts = new Set<number>();
  for (const e of model.edges) {
    const fromInside = members.has(e.source);
    const toInside = members.has(e.target);
    if (fromInside && toInside) continue;
    if (toInside) {
      const port = portOf.get(`${e.target}:${e.port}`);
      if (port === undefined) dropped++;
      else if (!fedPorts.has(port)) {
        fedPorts.add(port);
        const { target: _t, port: _p, ...rest } = e;
        edges.push({ ...rest, target: id, port });
      }
    } else if (fromInside) {
      const out = rec.outputs.indexOf(e.source);
      if (out < 0) dropped++;
      else {
        const { sourcePort: _s, ...rest } = e;
        edges.push(out ? { ...rest, source: id, sourcePort: out } : { ...rest, source: id });
      }
    } else edges.push(e);
  }
  const values = new Map(model.nodes.filter((n) => members.has(n.id)).map((n) => [n.id, n.value]));
  const firstMember = model.nodes.findIndex((n) => members.has(n.id));
  const origin = rec.node.position ?? { x: 0, y: 0 };
  const nodes: ModelNode[] = [];
  model.nodes.forEach((n, i) => {
    if (i === firstMember) nodes.push(rec.node);
    if (members.has(n.id)) return;
    const pushed = n.position && n.position.x > origin.x + rec.shift;
    nodes.push(pushed ? { ...n, position: { ...n.position!, x: n.position!.x - rec.shift } } : n);
  });
  let collapsed: Model = withExpandedMacros({ ...model, nodes, edges }, records);
  // A loss on output 0 is the layer's (the file format's meaning of a loss naming a macro); any
  // other primitive keeps its id, which the engine finds again inside the collapsed layer.
  if (collapsed.loss !== undefined && rec.outputs[0] === collapsed.loss) collapsed = { ...collapsed, loss: id };
  // Write the primitives' param values back into the macro's attrs (the engine knows the layout).
  const only = new Set([id]);
  collapsed = withParams(collapsed, (pid) => (members.has(pid) ? values.get(pid) : undefined), { only });
  return { model: collapsed, dropped };
}

/**
 * A dense or mlp node with a unit or hidden layer more or less (the network view's +/- buttons):
 * the engine resizes its weights (resizeLayers); edges from output ports that no longer exist go
 * with them, counted.
 */
export function resizeMacroLayers(model: Model, id: string, edit: LayerResize): { model: Model; label: string; dropped: number } | { problem: string } {
  const r = resizeLayers(model, id, edit);
  if ('problem' in r) return r;
  const edges = model.edges.filter((e) => e.source !== id || (e.sourcePort ?? 0) < r.outputs);
  const nodes = model.nodes.map((n) => (n.id === id ? { ...n, attrs: r.attrs } : n));
  return { model: { ...model, nodes, edges }, label: r.label, dropped: model.edges.length - edges.length };
}
