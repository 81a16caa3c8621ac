/**
 * Edits of a v1 model, written as mutations of an immer draft. They know the file format and the
 * op registry's port rules, nothing about React or React Flow. Checks that need the engine
 * (cycles) run on a candidate model through `checkGraph`, so the messages are the engine's.
 */
import {
  checkGraph,
  edgeKey,
  FORMAT,
  FORMAT_VERSION,
  getOp,
  isLeafOp,
  nodeLabel,
  nodeRef,
  type Model,
  type ModelEdge,
  type ModelNode,
  type OpDef,
} from '../../graph-engine/index.ts';
import { t } from '../i18n/i18n.ts';

// i18n-exempt: written into the model file, which reads the same in every language
export const emptyModel = (name = 'Untitled graph'): Model => ({ format: FORMAT, version: FORMAT_VERSION, name, nodes: [], edges: [] });

export interface XY {
  x: number;
  y: number;
}

/** A connection the user asks for; `port` is the target's operand index. */
export interface Connection {
  source: string;
  target: string;
  port: number;
  sourcePort?: number;
  /**
   * Into the free pair of a paired loss (mse: p1..pk, t1..tk): the loss first grows a pair, and
   * `port` counts in its ports after that.
   */
  newPair?: boolean;
}

const idIndexCache = new WeakMap<readonly ModelNode[], Map<string, number>>();
/** id -> index in model.nodes, cached per (immutable) nodes array. */
export function nodeIndex(nodes: readonly ModelNode[]): Map<string, number> {
  let map = idIndexCache.get(nodes);
  if (!map) {
    map = new Map(nodes.map((n, i) => [n.id, i]));
    idIndexCache.set(nodes, map);
  }
  return map;
}

/** A fresh id like "mul3", never used by any node in the model. */
function freshId(model: Model, base: string, taken: Set<string> = new Set(model.nodes.map((n) => n.id))): string {
  const stem = base.replace(/[^A-Za-z0-9_]/g, '') || 'n';
  for (let i = 1; ; i++) {
    const id = `${stem}${i}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** Readable default labels: inputs a, b, c...; params w1, w2...; others their id. */
function defaultLabel(model: Model, op: OpDef, id: string): string {
  const labels = new Set(model.nodes.map(nodeLabel));
  if (op.name === 'input') for (const l of LETTERS) if (!labels.has(l)) return l;
  if (op.name === 'param') for (let i = 1; ; i++) if (!labels.has(`w${i}`)) return `w${i}`;
  return id;
}

/** Value of a new leaf: 1 for inputs and consts (visible, neutral), 0.5 for params (not a dead 0). */
function defaultValue(op: OpDef): number | undefined {
  if (!isLeafOp(op)) return undefined;
  return op.name === 'const' ? 1 : op.name === 'param' ? 0.5 : 1;
}

export function addNode(draft: Model, opName: string, position: XY, id = freshId(draft, opName)): ModelNode {
  const op = getOp(opName);
  if (!op) throw new Error(`Unknown op "${opName}"`);
  const node: ModelNode = { id, op: opName, label: defaultLabel(draft, op, id), position: { x: Math.round(position.x), y: Math.round(position.y) } };
  const value = defaultValue(op);
  if (value !== undefined) node.value = value;
  if (op.starterAttrs) node.attrs = structuredClone(op.starterAttrs) as ModelNode['attrs'];
  draft.nodes.push(node);
  // A first loss op becomes the graph's loss: what a new user expects reverse mode to start from.
  if (op.category === 'Losses' && draft.loss === undefined) draft.loss = id;
  return node;
}

/** Room a card takes when its size is not known (not drawn yet): about 170 x 90 and some air. */
const CARD_ROOM = { width: 190, height: 110 };
/** Air kept around a card whose drawn size is known. */
const AIR = 20;

interface Size {
  width: number;
  height: number;
}

/** A box in flow coordinates. */
type Rect = XY & Size;

/** The drawn size of a node's card (the canvas knows it), when there is one. */
export type SizeOf = (id: string) => Size | undefined;

/** The room node `id` takes on the canvas: its drawn size and some air, or a typical card's. */
const roomOf = (id: string, sizeOf?: SizeOf): Size => {
  const drawn = sizeOf?.(id);
  return drawn ? { width: drawn.width + AIR, height: drawn.height + AIR } : CARD_ROOM;
};

/**
 * `position` if a new card there would overlap no other card, else the nearest such spot on rings
 * around it: clicking an op three times gives three visible nodes, not a stack on the graph. With
 * `block`, the spot is the top-left corner of a group of that size (a paste). Cards are as large
 * as `sizeOf` says (a layer or a loss with many ports is tall), else a typical card's size.
 */
export function freeSpot(
  model: Model,
  position: XY,
  options: { step?: number; block?: Size; sizeOf?: SizeOf; within?: Rect; avoid?: readonly Rect[] } = {},
): XY {
  const { step = 40, block = CARD_ROOM, sizeOf, within, avoid = [] } = options;
  const rooms = [...model.nodes.flatMap((n) => (n.position ? [{ ...n.position, ...roomOf(n.id, sizeOf) }] : [])), ...avoid];
  // With `within` (the part of the canvas in view), a spot in view wins over a nearer one out of
  // it; `avoid`: more boxes to keep clear of (what lies over the canvas, as the minimap).
  const inView = (p: XY) =>
    !within || (p.x >= within.x && p.y >= within.y && p.x + block.width <= within.x + within.width && p.y + block.height <= within.y + within.height);
  const clear = (p: XY) =>
    inView(p) && rooms.every((q) => q.x + q.width <= p.x || q.x >= p.x + block.width || q.y + q.height <= p.y || q.y >= p.y + block.height);
  const at = (dx: number, dy: number) => ({ x: Math.round(position.x + dx * step), y: Math.round(position.y + dy * step) });
  for (let r = 0; r <= 30; r++) {
    for (const [dx, dy] of [
      [0, r],
      [r, 0],
      [0, -r],
      [-r, 0],
      [r, r],
      [-r, r],
      [r, -r],
      [-r, -r],
    ]) {
      const p = at(dx, dy);
      if (clear(p)) return p;
    }
  }
  if (within) {
    // The rays above miss gaps between cards in view: every spot of the grid, nearest first.
    const grid: [number, number][] = [];
    for (let dx = -30; dx <= 30; dx++) for (let dy = -30; dy <= 30; dy++) grid.push([dx, dy]);
    grid.sort((a, b) => Math.hypot(a[0], a[1]) - Math.hypot(b[0], b[1]));
    for (const [dx, dy] of grid) if (clear(at(dx, dy))) return at(dx, dy);
  }
  if (within || avoid.length) return freeSpot(model, position, { step, block, sizeOf });
  // A crowded neighbourhood (or a large block): below every card, which is always clear.
  const lowest = Math.max(...rooms.map((q) => q.y + q.height));
  return { x: Math.round(position.x), y: Math.round(lowest) };
}

/** The model with `c` added, replacing whatever fed that port before. Returns the replaced edge. */
export function connect(draft: Model, c: Connection): ModelEdge | undefined {
  if (c.newPair) draft.edges = withNewPair(draft.edges, c.target);
  const i = draft.edges.findIndex((e) => e.target === c.target && e.port === c.port);
  const replaced = i >= 0 ? draft.edges.splice(i, 1)[0] : undefined;
  draft.edges.push(toEdge(c));
  return replaced;
}

function toEdge(c: Connection): ModelEdge {
  const edge: ModelEdge = { source: c.source, target: c.target, port: c.port };
  if (c.sourcePort) edge.sourcePort = c.sourcePort;
  return edge;
}

/** Why `c` may not be added (the engine's own message, e.g. naming the cycle), or undefined. */
export function connectionProblem(model: Model, c: Connection): string | undefined {
  if (c.source === c.target) {
    const node = model.nodes.find((n) => n.id === c.source);
    const name = nodeRef({ id: c.source, label: nodeLabel(node ?? { id: c.source }) });
    return t('store.problem.selfCycle', { name });
  }
  const edges = c.newPair ? withNewPair(model.edges, c.target) : model.edges;
  const candidate: Model = { ...model, edges: [...edges.filter((e) => !(e.target === c.target && e.port === c.port)), toEdge(c)] };
  const { problems } = checkGraph(candidate, { allowIncomplete: true });
  // i18n-exempt: matches the engine's own (English) message, not text shown from here
  const cycle = problems.find((p) => p.message.startsWith('The graph has a cycle'));
  if (cycle) return cycle.message;
  // Problems the model already had are not this connection's fault; only new ones refuse it.
  const before = new Set(checkGraph(model, { allowIncomplete: true }).problems.map((p) => p.message));
  return problems.find((p) => !before.has(p.message))?.message;
}

/**
 * Makes room for one more pair on paired loss `target`, whose pairs are all wired: its second
 * half (targets t1..tk) moves up a port, so that p(k+1) is port k and t(k+1) port 2k+1.
 */
function withNewPair(edges: ModelEdge[], target: string): ModelEdge[] {
  const half = edges.filter((e) => e.target === target).length / 2;
  return edges.map((e) => (e.target === target && e.port >= half ? { ...e, port: e.port + 1 } : e));
}

/** Pairs of a paired loss: half its ports, counted as the engine counts them (graph.ts). */
function pairsOf(edges: readonly ModelEdge[], target: string, op: OpDef): number {
  const span = edges.reduce((m, e) => (e.target === target ? Math.max(m, e.port + 1) : m), 0);
  const arity = op.arity.kind === 'variadic' ? op.arity : undefined;
  return Math.max(Math.ceil(span / 2), (arity?.min ?? 2) / 2);
}

/** The paired losses among `targets`, with how many pairs each has now (before an edit). */
function pairedTargets(draft: Model, targets: Iterable<string>): Map<string, number> {
  const index = nodeIndex(draft.nodes);
  const pairs = new Map<string, number>();
  for (const t of targets) {
    const i = index.get(t);
    const op = i === undefined ? undefined : getOp(draft.nodes[i].op);
    if (op?.arity.kind === 'variadic' && op.arity.multipleOf) pairs.set(t, pairsOf(draft.edges, t, op));
  }
  return pairs;
}

/**
 * Variadic ops (add, mul, sum...) keep their operands packed 0..k-1, so removing operand 1 of 3
 * shifts operand 2 down instead of leaving a hole. Paired losses keep their pairs packed: a pair
 * left with neither end wired goes, and the pairs after it move down (port numbers carry meaning,
 * prediction or target, so `pairsBefore` holds each loss's pair count from before the edit).
 */
function repackVariadic(draft: Model, targets: Iterable<string>, pairsBefore: ReadonlyMap<string, number>): void {
  const index = new Map(draft.nodes.map((n) => [n.id, n]));
  for (const t of targets) {
    const node = index.get(t);
    const op = node && getOp(node.op);
    if (op?.arity.kind !== 'variadic') continue;
    const incoming = draft.edges.filter((e) => e.target === t).sort((a, b) => a.port - b.port);
    const pairs = pairsBefore.get(t);
    if (pairs === undefined) {
      incoming.forEach((e, k) => {
        if (e.port !== k) e.port = k;
      });
      continue;
    }
    const pairOf = (port: number) => (port < pairs ? port : port - pairs);
    const kept = [...new Set(incoming.map((e) => pairOf(e.port)))].sort((a, b) => a - b);
    const keptPairs = Math.max(kept.length, (op.arity.min ?? 2) / 2);
    for (const e of incoming) {
      const j = kept.indexOf(pairOf(e.port));
      const port = e.port < pairs ? j : keptPairs + j;
      if (e.port !== port) e.port = port;
    }
  }
}

export function removeEdges(draft: Model, keys: ReadonlySet<string>): void {
  const targets = new Set(draft.edges.filter((e) => keys.has(edgeKey(e))).map((e) => e.target));
  const pairs = pairedTargets(draft, targets);
  draft.edges = draft.edges.filter((e) => !keys.has(edgeKey(e)));
  repackVariadic(draft, targets, pairs);
}

export function removeNodes(draft: Model, ids: ReadonlySet<string>): void {
  if (ids.size === 0) return;
  const targets = new Set(draft.edges.filter((e) => ids.has(e.source) && !ids.has(e.target)).map((e) => e.target));
  const pairs = pairedTargets(draft, targets);
  draft.nodes = draft.nodes.filter((n) => !ids.has(n.id));
  draft.edges = draft.edges.filter((e) => !ids.has(e.source) && !ids.has(e.target));
  if (draft.loss !== undefined && ids.has(draft.loss)) delete draft.loss;
  repackVariadic(draft, targets, pairs);
}

/** The nodes with ids in `ids` and the edges among them: what Copy puts on the clipboard. */
export function subgraph(model: Model, ids: ReadonlySet<string>): { nodes: ModelNode[]; edges: ModelEdge[] } {
  return {
    nodes: model.nodes.filter((n) => ids.has(n.id)),
    edges: model.edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
  };
}

/**
 * How far a paste shifts the copied nodes: to the nearest spot, starting just below them, where
 * the copy covers no card, the originals included. Pasting again finds the next clear spot.
 */
export function pasteOffset(model: Model, clip: { nodes: readonly ModelNode[] }, sizeOf?: SizeOf): XY {
  const boxes = clip.nodes.map((c) => ({ ...(c.position ?? { x: 0, y: 0 }), ...roomOf(c.id, sizeOf) }));
  const left = Math.min(...boxes.map((b) => b.x));
  const top = Math.min(...boxes.map((b) => b.y));
  const block = { width: Math.max(...boxes.map((b) => b.x + b.width)) - left, height: Math.max(...boxes.map((b) => b.y + b.height)) - top };
  const spot = freeSpot(model, { x: left, y: top + block.height }, { block, sizeOf });
  return { x: spot.x - left, y: spot.y - top };
}

/** Pastes a copied subgraph with fresh ids, shifted by `offset`. Returns the new ids. */
export function pasteSubgraph(draft: Model, clip: { nodes: readonly ModelNode[]; edges: readonly ModelEdge[] }, offset: XY): string[] {
  const taken = new Set(draft.nodes.map((n) => n.id));
  const rename = new Map<string, string>();
  for (const n of clip.nodes) {
    if (taken.has(n.id)) rename.set(n.id, freshId(draft, n.id.replace(/\d+$/, ''), taken));
    else {
      taken.add(n.id);
      rename.set(n.id, n.id);
    }
  }
  for (const n of clip.nodes) {
    const copy: ModelNode = structuredClone(n) as ModelNode;
    copy.id = rename.get(n.id)!;
    // A default label (the id) follows the new id; a label the user chose is kept.
    if (copy.label === n.id) copy.label = copy.id;
    const p = n.position ?? { x: 0, y: 0 };
    copy.position = { ...p, x: p.x + offset.x, y: p.y + offset.y };
    draft.nodes.push(copy);
  }
  for (const e of clip.edges) draft.edges.push({ ...structuredClone(e), source: rename.get(e.source)!, target: rename.get(e.target)! });
  return [...rename.values()];
}
