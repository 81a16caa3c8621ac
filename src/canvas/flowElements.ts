/**
 * React Flow's nodes and edges, derived from the model and the engine's results. Objects are
 * reused whenever their inputs did not change, so React Flow and the memoised node cards only
 * re-render what an edit actually touched (one dragged node, the values downstream of an edit).
 */
import type { Edge, Node } from '@xyflow/react';
import { edgeKey, getOp, nodeLabel, type Model, type ModelEdge, type ModelNode, type OpDef } from '../../graph-engine/index.ts';
import type { Evaluation, NodeResult } from '../store/evaluate.ts';

export interface OpNodeData extends Record<string, unknown> {
  /** The model node as the card shows it; its position may be stale (React Flow holds that). */
  node: ModelNode;
  op?: OpDef;
  result?: NodeResult;
  isLoss: boolean;
  /** The loss node's label, for the gradient's name dL/dx. */
  lossLabel?: string;
}

export type OpFlowNode = Node<OpNodeData, 'op'>;

export interface Size {
  width: number;
  height: number;
}

export const targetHandleId = (port: number) => `in-${port}`;
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
  return (
    Object.is(a.value, b.value) &&
    Object.is(a.grad, b.grad) &&
    a.pending === b.pending &&
    a.ports === b.ports &&
    a.freePair === b.freePair &&
    a.badge?.kind === b.badge?.kind &&
    a.badge?.reason === b.badge?.reason &&
    sameOutputs(a.outputs, b.outputs)
  );
}

/** A multi-output card (a layer macro) changes when any output does, not only output 0. */
function sameOutputs(a: NodeResult['outputs'], b: NodeResult['outputs']): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((o, i) => o.name === b[i].name && Object.is(o.value, b[i].value) && Object.is(o.grad, b[i].grad));
}

/** Whether two versions of a node look the same on a card (a move changes only the position). */
function sameCard(a: ModelNode, b: ModelNode): boolean {
  return a === b || (a.id === b.id && a.op === b.op && a.label === b.label && a.value === b.value && a.attrs === b.attrs);
}

const ORIGIN = { x: 0, y: 0 };

interface CachedNode {
  rf: OpFlowNode;
  selected: boolean;
  measured?: Size;
}

export class FlowNodeCache {
  private cache = new Map<string, CachedNode>();

  derive(model: Model, evaluation: Evaluation, selected: ReadonlySet<string>, measured: ReadonlyMap<string, Size>): OpFlowNode[] {
    const next = new Map<string, CachedNode>();
    const lossNode = model.nodes.find((n) => n.id === evaluation.lossId);
    const lossLabel = lossNode ? nodeLabel(lossNode) : undefined;
    const out = model.nodes.map((node) => {
      const prev = this.cache.get(node.id);
      const result = evaluation.results.get(node.id);
      const isLoss = node.id === evaluation.lossId;
      const isSelected = selected.has(node.id);
      const size = measured.get(node.id);
      let data = prev?.rf.data;
      if (!data || !sameCard(data.node, node) || data.isLoss !== isLoss || data.lossLabel !== lossLabel || !sameResult(data.result, result)) {
        data = { node, op: getOp(node.op), result, isLoss, lossLabel };
      }
      let rf = prev?.rf;
      const position = node.position ?? ORIGIN;
      if (!rf || rf.data !== data || rf.position !== position || prev!.selected !== isSelected || prev!.measured !== size) {
        rf = {
          id: node.id,
          type: 'op',
          position,
          data,
          selected: isSelected,
          measured: size,
        };
      }
      next.set(node.id, { rf, selected: isSelected, measured: size });
      return rf;
    });
    this.cache = next;
    return out;
  }
}

export class FlowEdgeCache {
  private cache = new Map<ModelEdge, { rf: Edge; selected: boolean }>();

  derive(modelEdges: readonly ModelEdge[], selected: ReadonlySet<string>): Edge[] {
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
            };
      next.set(e, { rf, selected: isSelected });
      return rf;
    });
    this.cache = next;
    return out;
  }
}
