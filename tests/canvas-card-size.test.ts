/**
 * A card React Flow has not mounted carries a size and handles worked out from its content
 * (flowElements.ts: cardSize, cardHandles). They must be where the browser puts them, or edges
 * of the canvas overview start beside the cards and the first fit is off.
 *
 * The expected numbers come from app.css ("node cards") and from the browser, not from
 * cardMetrics.ts:
 * - `* { box-sizing: border-box }`; .op-node: width 168px, border 1px, border-top 3px, so 4 px of
 *   borders vertically; .op-node--multi (a card with a row per output): width 210px.
 * - .op-node__header: height 30px (its 1 px bottom border inside, border-box).
 * - .op-node__body: padding 6px top, 8px bottom, gap 2px; value line-height 20px; gradient
 *   line-height 14px; badge line-height 14px + padding 1px + 1px = 16px. Multi: padding-top 4px,
 *   gap 0, an output row 19px.
 * - Handles (.react-flow__handle): 10 x 10; left ones margin-left -5px at left: 0 inside the 1 px
 *   border, so x = 1 - 5 = -4; right ones margin-right -5px at right: 0, so their left side is at
 *   x = width - 1 + 5 - 10 = width - 6 (162 on a 168 px card, 204 on a 210 px one).
 * - Measured in the browser (previous helper, and the e2e test's straight edge at 30 + 9.5 + 4 + 3):
 *   handles at x -4 and 162, y 41.5 + 19·row, 10 x 10.
 * - A card with many rows is as tall as OpNode's min-height: 30 + 19·rows + 14 (it leaves
 *   41.5 + 19·(rows-1) + 10 = 32.5 + 19·rows for the last handle's bottom, plus 11.5 px).
 *
 * A card whose content is header + value + gradient is 4 + 30 + (6 + 20 + 2 + 14 + 8) = 84 px tall.
 */
import { describe, expect, it } from 'vitest';
import type { NodeHandle } from '@xyflow/react';
import type { Model, ModelEdge, ModelNode } from '../graph-engine/index.ts';
import { evaluate } from '../src/store/evaluate.ts';
import { FlowNodeCache, type OpFlowNode } from '../src/canvas/flowElements.ts';

const none = new Set<string>();

/** React Flow's nodes for `model`, none of them measured yet, by id. */
function cards(nodes: ModelNode[], edges: ModelEdge[], loss?: string): Map<string, OpFlowNode> {
  const model: Model = { format: 'graphgrad', version: 1, nodes, edges, ...(loss ? { loss } : {}) };
  const derived = new FlowNodeCache().derive(model, evaluate(model), none, new Map());
  return new Map(derived.map((n) => [n.id, n]));
}

const inputs = (n: number, prefix = 'x'): ModelNode[] => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, op: 'input', value: i + 1 }));
const wires = (n: number, target: string, prefix = 'x'): ModelEdge[] => Array.from({ length: n }, (_, i) => ({ source: `${prefix}${i}`, target, port: i }));

/** The handle boxes, as [id, x, y, width, height]. */
const boxes = (handles: NodeHandle[] | undefined) => (handles ?? []).map((h) => [h.id, h.type, h.x, h.y, h.width, h.height]);
const target = (id: string, row: number) => [id, 'target', -4, 41.5 + 19 * row, 10, 10];
const source = (row: number, x = 162) => [`out-${row}`, 'source', x, 41.5 + 19 * row, 10, 10];

describe('a card not yet measured is sized as its CSS draws it', () => {
  it('one input row: 168 x 84, handles where the browser measured them', () => {
    const c = cards([...inputs(1), { id: 'r', op: 'relu' }], wires(1, 'r'), 'r');
    const r = c.get('r')!;
    expect(r.data.result?.grad).toBe(1); // the loss: value and gradient shown
    // 4 borders + 30 header + 6 + 20 value + 2 gap + 14 gradient + 8 = 84 (min-height 30 + 19 + 14 = 63 is less).
    expect(r.measured).toEqual({ width: 168, height: 84 });
    expect(boxes(r.handles)).toEqual([target('in-0', 0), source(0)]);
    // An input card: no input handles, the same body.
    const x = c.get('x0')!;
    expect(x.measured).toEqual({ width: 168, height: 84 });
    expect(boxes(x.handles)).toEqual([source(0)]);
  });

  it('two input rows: still 84 tall, the second handle 19 px below the first', () => {
    const c = cards([...inputs(2), { id: 's', op: 'sub' }], wires(2, 's'), 's');
    const s = c.get('s')!;
    // min-height 30 + 2·19 + 14 = 82 < 84.
    expect(s.measured).toEqual({ width: 168, height: 84 });
    expect(boxes(s.handles)).toEqual([target('in-0', 0), target('in-1', 1), source(0)]);
  });

  it('several input rows: as tall as the rows, a handle every 19 px', () => {
    // add with 4 operands wired shows a fifth, free handle: five rows.
    const c = cards([...inputs(4), { id: 'a', op: 'add' }], wires(4, 'a'), 'a');
    const a = c.get('a')!;
    expect(a.data.result?.ports).toBe(5);
    // min-height 30 + 5·19 + 14 = 139 > 84.
    expect(a.measured).toEqual({ width: 168, height: 139 });
    expect(boxes(a.handles)).toEqual([0, 1, 2, 3, 4].map((row) => target(`in-${row}`, row)).concat([source(0)]));
  });

  it('any number of rows: each handle on its row, all of them inside the card', () => {
    for (let wired = 2; wired <= 30; wired++) {
      const a = cards([...inputs(wired), { id: 'a', op: 'add' }], wires(wired, 'a'), 'a').get('a')!;
      const rows = wired + 1; // all wired (no badge), and one free handle
      expect(a.data.result?.ports).toBe(rows);
      expect(a.measured).toEqual({ width: 168, height: Math.max(84, 30 + 19 * rows + 14) });
      const ins = a.handles!.filter((h) => h.type === 'target');
      expect(ins.map((h) => [h.x, h.y])).toEqual(Array.from({ length: rows }, (_, row) => [-4, 41.5 + 19 * row]));
      expect(ins.at(-1)!.y + 10).toBeLessThanOrEqual(a.measured!.height!);
    }
  });

  it('a paired loss with a free pair: four rows, the free pair growing, wired targets a row down', () => {
    // mse(p1, t1) wired: shown as p1 p2 | t1 t2, the free pair p2 and t2 (rows 1 and 3).
    const c = cards([...inputs(2), { id: 'L', op: 'mse' }], wires(2, 'L'), 'L');
    const L = c.get('L')!;
    expect(L.data.result?.freePair).toBe(true);
    // min-height 30 + 4·19 + 14 = 120 > 84.
    expect(L.measured).toEqual({ width: 168, height: 120 });
    expect(boxes(L.handles)).toEqual([target('in-0', 0), target('in-grow-1', 1), target('in-1', 2), target('in-grow-3', 3), source(0)]);
  });

  it('a paired loss missing a target: badge instead of value and gradient', () => {
    const c = cards([...inputs(1), { id: 'L', op: 'mse' }], wires(1, 'L'), 'L');
    const L = c.get('L')!;
    expect(L.data.result?.badge?.kind).toBe('incomplete');
    expect(L.data.result?.grad).toBeUndefined();
    // Content 4 + 30 + 6 + 16 badge + 8 = 64; min-height 30 + 2·19 + 14 = 82 wins.
    expect(L.measured).toEqual({ width: 168, height: 82 });
    expect(boxes(L.handles)).toEqual([target('in-0', 0), target('in-1', 1), source(0)]);
  });

  it('a layer macro: 210 px wide (.op-node--multi), an output handle per output row on its right side', () => {
    const c = cards(
      [
        ...inputs(2),
        { id: 'h', op: 'dense', attrs: { units: 3, activation: 'sigmoid' } },
        { id: 'o', op: 'dense', attrs: { units: 1, activation: 'sigmoid' } },
        { id: 'L', op: 'sum' },
      ],
      [
        ...wires(2, 'h'),
        { source: 'h', sourcePort: 0, target: 'o', port: 0 },
        { source: 'h', sourcePort: 1, target: 'o', port: 1 },
        { source: 'h', sourcePort: 2, target: 'o', port: 2 },
        { source: 'o', target: 'L', port: 0 },
      ],
      'L',
    );
    const h = c.get('h')!;
    const ins = h.data.result!.ports;
    expect(h.data.result?.outputs).toHaveLength(3);
    const rows = Math.max(ins, 3);
    // Multi body: 4 + 30 + 4 + 3·19 + 8 = 103; min-height 30 + 19·rows + 14.
    expect(h.measured).toEqual({ width: 210, height: Math.max(103, 44 + 19 * rows) });
    // Right handles: 210 - 1 + 5 - 10 = 204.
    expect(boxes(h.handles)).toEqual([...Array.from({ length: ins }, (_, row) => target(`in-${row}`, row)), source(0, 204), source(1, 204), source(2, 204)]);
    // A layer with one output still lists it on its own row: the multi card, 210 wide.
    const o = c.get('o')!;
    expect(o.data.result?.outputs).toHaveLength(1);
    expect(o.measured!.width).toBe(210);
    expect(boxes(o.handles).filter((b) => b[1] === 'source')).toEqual([source(0, 204)]);
  });

  it('a long label changes nothing: the label is clipped in a header of fixed height and width', () => {
    const short = cards([...inputs(1), { id: 'r', op: 'relu', label: 'r' }], wires(1, 'r'), 'r').get('r')!;
    const label = 'a label far too long for any card, with WWWWWWWWWWWWWWWWWWWWWWWWWW';
    const long = cards([...inputs(1, 'p'), { id: 'r', op: 'relu', label }], wires(1, 'r', 'p'), 'r').get('r')!;
    expect(long.data.node.label).toBe(label);
    expect(long.measured).toEqual(short.measured);
    expect(long.handles).toEqual(short.handles);
  });

  it('a card React Flow has measured keeps the measurement and its measured handles', () => {
    const model: Model = { format: 'graphgrad', version: 1, nodes: [...inputs(1), { id: 'r', op: 'relu' }], edges: wires(1, 'r') };
    const [, r] = new FlowNodeCache().derive(model, evaluate(model), none, new Map([['r', { width: 170, height: 90 }]]));
    expect(r.measured).toEqual({ width: 170, height: 90 });
    expect(r.handles).toBeUndefined();
  });
});
