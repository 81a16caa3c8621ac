/**
 * React Flow's nodes and edges, derived from the model and the engine's results. Objects are
 * reused whenever their inputs did not change, so React Flow and the memoised node cards only
 * re-render what an edit actually touched (one dragged node, the values downstream of an edit).
 */
import { createContext, useCallback, useContext, useMemo, useSyncExternalStore } from 'react';
import { Position, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import { t } from '../i18n/i18n.ts';
import { edgeKey, getOp, type Model, type ModelEdge, type ModelNode, type OpDef } from '../../graph-engine/index.ts';
import type { Evaluation, NodeResult } from '../store/evaluate.ts';
import { lossLabel } from '../ui/nodeNames.ts';
import { CARD_WIDTH_PX, cardHeight, edgeAnchor, MULTI_CARD_WIDTH_PX } from './cardMetrics.ts';

export interface OpNodeData extends Record<string, unknown> {
  /** The model node as the card shows it; its position may be stale (React Flow holds that). */
  node: ModelNode;
  op?: OpDef;
  result?: NodeResult;
  isLoss: boolean;
  /** The loss's name, for the gradient's name dL/dx ("L" when the graph has no loss). */
  lossLabel: string;
}

export type OpFlowNode = Node<OpNodeData, 'op'>;

export interface Size {
  width: number;
  height: number;
}

const targetHandleId = (port: number) => `in-${port}`;
export const sourceHandleId = (port = 0) => `out-${port}`;
export const portOfHandle = (handle: string | null | undefined) => Number(/\d+$/.exec(handle ?? '')?.[0] ?? 0);

const GROW = 'in-grow-';
/**
 * The id of input handle `row` on a card with `rows` input rows. A row is its port, except on a
 * paired loss showing a free pair (NodeResult.freePair): the free pair's rows, the last of each
 * half, grow the loss (their ids give the port after growing), and the wired second half sits
 * one row below its port.
 */
export function inputHandleId(row: number, rows: number, freePair = false): string {
  if (!freePair) return targetHandleId(row);
  const half = rows / 2;
  if (row === half - 1 || row === rows - 1) return `${GROW}${row}`;
  return targetHandleId(row < half ? row : row - 1);
}

/** The row that wired input `port` sits on (see inputHandleId). */
export const inputRow = (port: number, rows: number, freePair = false) => (freePair && port >= rows / 2 - 1 ? port + 1 : port);

/** What a connection into input handle `handle` wires: a port, and whether a new pair comes first. */
export function inputOfHandle(handle: string | null | undefined): { port: number; newPair: boolean } {
  return { port: portOfHandle(handle), newPair: !!handle?.startsWith(GROW) };
}

function sameResult(a: NodeResult | undefined, b: NodeResult | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return Object.is(a.value, b.value) && Object.is(a.grad, b.grad) && sameOutputs(a.outputs, b.outputs) && sameLook(a, b);
}

/**
 * Whether two results draw the same card but for its numbers: the same rows, handles, badge and
 * size (cardShape), so that new numbers need not go through React Flow (LiveResults).
 */
function sameLook(a: NodeResult | undefined, b: NodeResult | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    (a.grad === undefined) === (b.grad === undefined) &&
    a.pending === b.pending &&
    a.ports === b.ports &&
    a.freePair === b.freePair &&
    a.badge?.kind === b.badge?.kind &&
    a.badge?.reason === b.badge?.reason &&
    samePortNames(a.portNames, b.portNames) &&
    (a.outputs?.length ?? -1) === (b.outputs?.length ?? -1) &&
    (a.outputs ?? []).every((o, i) => o.name === b.outputs![i].name && (o.grad === undefined) === (b.outputs![i].grad === undefined))
  );
}

function samePortNames(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return a === b || (!!a && !!b && a.length === b.length && a.every((name, i) => name === b[i]));
}

/** A multi-output card (a layer macro) changes when any output does, not only output 0. */
function sameOutputs(a: NodeResult['outputs'], b: NodeResult['outputs']): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((o, i) => o.name === b[i].name && Object.is(o.value, b[i].value) && Object.is(o.grad, b[i].grad));
}

/**
 * Whether two versions of a node look the same on a card (a move changes only the position; a new
 * value changes the card's numbers, which LiveResults hands over).
 */
function sameCard(a: ModelNode, b: ModelNode): boolean {
  return a === b || (a.id === b.id && a.op === b.op && a.label === b.label && a.attrs === b.attrs);
}

/** What a card shows in rows and handles (OpNode.tsx draws it from the same numbers). */
function cardShape({ op, result }: Pick<OpNodeData, 'op' | 'result'>) {
  const ports = result?.ports ?? 0;
  const inputs = result?.portNames?.length ?? (op ? ports : 0);
  // Layer macros list each output on its own row, next to its handle.
  const outputs = result?.outputs && (result.outputs.length > 1 || op?.macro) ? result.outputs : undefined;
  const badge = result?.badge;
  const showValue = !badge || badge.kind === 'nonfinite';
  // A card with a row per output is wider (app.css: .op-node--multi; OpNode.tsx sets the class on the same condition).
  const width = outputs ? MULTI_CARD_WIDTH_PX : CARD_WIDTH_PX;
  return { ports, inputs, outputs, badge, showValue, rows: Math.max(ports, outputs?.length ?? 1), width };
}

/** A card's size as its CSS draws it, before React Flow has measured it (cardMetrics.ts). */
function cardSize(data: Pick<OpNodeData, 'op' | 'result'>): Size {
  const { rows, outputs, showValue, badge, width } = cardShape(data);
  return { width, height: cardHeight({ rows, outputs: outputs?.length ?? 0, value: showValue, grad: data.result?.grad !== undefined, badge: !!badge }) };
}

const HANDLE_PX = 10;

/**
 * The card's handles where React Flow would measure them (cardMetrics.ts: edgeAnchor), so that a
 * card it has never mounted still counts as measured: React Flow then mounts only the cards on
 * screen, and the view can be fitted before any card is drawn.
 */
function cardHandles(data: Pick<OpNodeData, 'op' | 'result'>): NodeHandle[] {
  const { inputs, outputs, width } = cardShape(data);
  const handles: NodeHandle[] = [];
  for (let i = 0; i < inputs; i++) {
    const a = edgeAnchor('target', i, width);
    handles.push({
      id: inputHandleId(i, inputs, data.result?.freePair),
      type: 'target',
      position: Position.Left,
      x: a.x,
      y: a.y - HANDLE_PX / 2,
      width: HANDLE_PX,
      height: HANDLE_PX,
    });
  }
  for (let p = 0; p < (outputs?.length ?? 1); p++) {
    const a = edgeAnchor('source', p, width);
    handles.push({
      id: sourceHandleId(p),
      type: 'source',
      position: Position.Right,
      x: a.x - HANDLE_PX,
      y: a.y - HANDLE_PX / 2,
      width: HANDLE_PX,
      height: HANDLE_PX,
    });
  }
  return handles;
}

const ORIGIN = { x: 0, y: 0 };

interface CachedNode {
  rf: OpFlowNode;
  selected: boolean;
  measured?: Size;
  hidden: boolean;
  /** The node and result the card shows: its data's, or newer ones handed over by LiveResults. */
  node: ModelNode;
  result?: NodeResult;
}

/** A node and result newer than its card's `data` that draw the same card (sameCard, sameLook). */
interface LiveEntry {
  data: OpNodeData;
  node: ModelNode;
  result?: NodeResult;
}

/**
 * The numbers of cards whose look did not change, by node id. An edit of one value changes the
 * numbers on most of a network's cards (every gradient), but not one card's size or handles:
 * giving each its new data would hand React Flow a new nodes array, which it adopts node by node
 * (on expanded digits-mlp, 2,511 nodes, that with the minimap and the cards' props was most of each
 * keystroke). Instead the nodes array stays the same, and each mounted card subscribes here to its
 * own id, so that only cards on screen whose numbers changed render again.
 */
export class LiveResults {
  private entries = new Map<string, LiveEntry>();
  private listeners = new Map<string, Set<() => void>>();

  /** The latest entry for card `id` (the same object until it changes). */
  entry(id: string): LiveEntry | undefined {
    return this.entries.get(id);
  }

  /** What card `id`, whose React Flow data is `data`, shows: `data` with its latest node and result. */
  shown(id: string, data: OpNodeData): OpNodeData {
    const e = this.entries.get(id);
    return e && e.data === data ? { ...data, node: e.node, result: e.result } : data;
  }

  subscribe(id: string, listener: () => void): () => void {
    let set = this.listeners.get(id);
    if (!set) this.listeners.set(id, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (!set.size) this.listeners.delete(id);
    };
  }

  /** Sets (or, with undefined, drops) the entries in `changes`, then tells those cards. */
  apply(changes: ReadonlyMap<string, LiveEntry | undefined>): void {
    for (const [id, e] of changes) {
      if (e) this.entries.set(id, e);
      else this.entries.delete(id);
    }
    for (const id of changes.keys()) for (const listener of this.listeners.get(id) ?? []) listener();
  }
}

/** The LiveResults of the canvas the card is on (Canvas.tsx provides its cache's). */
export const LiveResultsContext = createContext(new LiveResults());

/** A card's data as it shows it: with the latest numbers LiveResults holds for it. */
export function useShownData(id: string, data: OpNodeData): OpNodeData {
  const live = useContext(LiveResultsContext);
  const subscribe = useCallback((listener: () => void) => live.subscribe(id, listener), [live, id]);
  const entry = useSyncExternalStore(subscribe, () => live.entry(id));
  // biome-ignore lint/correctness/useExhaustiveDependencies: the entry is what `shown` reads.
  return useMemo(() => live.shown(id, data), [live, id, data, entry]);
}

/** A card's estimated size and handles, kept with the `data` they were worked out from. */
const estimates = new WeakMap<OpNodeData, { size: Size; handles: NodeHandle[] }>();
function estimate(data: OpNodeData) {
  let e = estimates.get(data);
  if (!e) estimates.set(data, (e = { size: cardSize(data), handles: cardHandles(data) }));
  return e;
}

export class FlowNodeCache {
  private cache = new Map<string, CachedNode>();
  private last: OpFlowNode[] = [];
  /** Results handed to cards directly (see LiveResults), once `publish` is called. */
  readonly live = new LiveResults();
  private staged = new Map<string, LiveEntry | undefined>();

  /** Card `id`'s size as last derived: React Flow's measurement, or else the estimate. */
  size(id: string): Size | undefined {
    return this.cache.get(id)?.rf.measured as Size | undefined;
  }

  /**
   * React Flow's nodes for `model`. A card React Flow has not measured yet (not in `measured`)
   * comes with its size and handles worked out from its content. `hidden` (default none) lists
   * cards that React Flow should not mount at all, since they are drawn on a canvas instead.
   *
   * A card whose results changed but not its look keeps its node object and data; its new
   * results wait for `publish`. When no node object changed, the array is the one returned last.
   */
  derive(
    model: Model,
    evaluation: Evaluation,
    selected: ReadonlySet<string>,
    measured: ReadonlyMap<string, Size>,
    hidden?: (id: string) => boolean,
  ): OpFlowNode[] {
    const next = new Map<string, CachedNode>();
    const loss = lossLabel(model.nodes, evaluation.lossId);
    // The ids the loss's id starts with (its layers, when it is inside one), worked out once.
    const lossId = evaluation.lossId;
    const lossLayers = new Set<string>();
    for (let cut = lossId?.indexOf('/') ?? -1; cut > 0; cut = lossId!.indexOf('/', cut + 1)) lossLayers.add(lossId!.slice(0, cut));
    let changed = model.nodes.length !== this.last.length;
    const out = model.nodes.map((node, i) => {
      const prev = this.cache.get(node.id);
      const result = evaluation.results.get(node.id);
      // A collapsed layer is the loss too when the loss is one of its outputs or inner nodes.
      const isLoss = node.id === lossId || (lossLayers.has(node.id) && !!getOp(node.op)?.macro);
      const isSelected = selected.has(node.id);
      const size = measured.get(node.id);
      const isHidden = !!hidden?.(node.id);
      let data = prev?.rf.data;
      let shows = prev && { node: prev.node, result: prev.result };
      if (!data || !sameCard(data.node, node) || data.isLoss !== isLoss || data.lossLabel !== loss || !sameLook(data.result, result)) {
        data = { node, op: getOp(node.op), result, isLoss, lossLabel: loss };
        shows = { node, result };
        if (this.live.entry(node.id) || this.staged.has(node.id)) this.staged.set(node.id, undefined);
      } else if (!sameResult(shows!.result, result) || shows!.node.value !== node.value) {
        shows = { node, result };
        this.staged.set(node.id, { data, ...shows });
      }
      let rf = prev?.rf;
      const position = node.position ?? ORIGIN;
      if (!rf || rf.data !== data || rf.position !== position || prev!.selected !== isSelected || prev!.measured !== size || prev!.hidden !== isHidden) {
        const guess = size ? undefined : estimate(data);
        rf = {
          id: node.id,
          type: 'op',
          position,
          data,
          selected: isSelected,
          measured: size ?? guess!.size,
          ...(guess ? { handles: guess.handles } : {}),
          ...(isHidden ? { hidden: true } : {}),
        };
      }
      if (rf !== this.last[i]) changed = true;
      next.set(node.id, { rf, selected: isSelected, measured: size, hidden: isHidden, ...shows! });
      return rf;
    });
    for (const id of this.cache.keys()) if (!next.has(id) && (this.live.entry(id) || this.staged.has(id))) this.staged.set(id, undefined);
    this.cache = next;
    if (changed) this.last = out;
    return this.last;
  }

  /** Hands the results staged by `derive` to the cards (after the commit that derived them). */
  publish(): void {
    if (!this.staged.size) return;
    const changes = this.staged;
    this.staged = new Map();
    this.live.apply(changes);
  }
}

/**
 * React Flow's edges, one per model edge, kept from one derivation to the next while nothing about
 * them changed. Each is named for screen readers in the current language ("Arista de a a u";
 * React Flow's own name is English), so a language switch derives them afresh.
 */
export class FlowEdgeCache {
  private cache = new Map<ModelEdge, { rf: Edge; selected: boolean }>();
  private language = '';

  derive(modelEdges: readonly ModelEdge[], selected: ReadonlySet<string>, language: string): Edge[] {
    if (language !== this.language) this.cache.clear();
    this.language = language;
    const next = new Map<ModelEdge, { rf: Edge; selected: boolean }>();
    const out = modelEdges.map((e) => {
      const id = edgeKey(e);
      const isSelected = selected.has(id);
      const prev = this.cache.get(e);
      const rf =
        prev && prev.selected === isSelected
          ? prev.rf
          : {
              id,
              source: e.source,
              target: e.target,
              sourceHandle: sourceHandleId(e.sourcePort),
              targetHandle: targetHandleId(e.port),
              selected: isSelected,
              ariaLabel: t('canvas.flow.edgeLabel', { source: e.source, target: e.target }),
              domAttributes: { 'aria-roledescription': t('canvas.flow.edgeRole') },
            };
      next.set(e, { rf, selected: isSelected });
      return rf;
    });
    this.cache = next;
    return out;
  }
}
