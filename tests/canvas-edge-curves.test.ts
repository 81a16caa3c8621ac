import { describe, expect, it } from 'vitest';
import { getBezierPath, Position, type Edge, type InternalNode } from '@xyflow/react';
import { distanceToCurve, edgeAt, mayCross, screenCurve, type Curve, type View } from '../src/canvas/edgeCurves.ts';
import { edgeAnchor } from '../src/canvas/cardMetrics.ts';

/** A node as React Flow keeps it, with handles measured or not. */
function internal(
  id: string,
  x: number,
  y: number,
  handles?: { source: { id: string; x: number; y: number }[]; target: { id: string; x: number; y: number }[] },
): InternalNode {
  const bound = (side: 'source' | 'target') => (h: { id: string; x: number; y: number }) => ({
    id: h.id,
    type: side,
    position: side === 'source' ? Position.Right : Position.Left,
    x: h.x,
    y: h.y,
    width: 10,
    height: 10,
  });
  return {
    id,
    position: { x, y },
    data: {},
    measured: { width: 168, height: 101 },
    internals: {
      positionAbsolute: { x, y },
      z: 0,
      userNode: {} as never,
      handleBounds: handles && { source: handles.source.map(bound('source')), target: handles.target.map(bound('target')) },
    },
  } as unknown as InternalNode;
}

const edge = (source: string, target: string, port = 0, selected = false): Edge => ({
  id: `${source}->${target}:${port}`,
  source,
  target,
  sourceHandle: 'out-0',
  targetHandle: `in-${port}`,
  selected,
});

/** The numbers of React Flow's own path for the same ends: "M sx,sy C c1x,c1y c2x,c2y ex,ey". */
function flowPath(sx: number, sy: number, ex: number, ey: number): number[] {
  const [path] = getBezierPath({ sourceX: sx, sourceY: sy, sourcePosition: Position.Right, targetX: ex, targetY: ey, targetPosition: Position.Left });
  return path.match(/-?\d+(\.\d+)?(e-?\d+)?/g)!.map(Number);
}
const numbers = (c: Curve) => [c.sx, c.sy, c.c1x, c.c1y, c.c2x, c.c2y, c.ex, c.ey];

describe('edge curves on the edge canvas', () => {
  // Handles measured as React Flow measures ours: 10 px, over the card's side (x -4 and 162).
  const a = internal('a', 0, 0, { source: [{ id: 'out-0', x: 162, y: 41.5 }], target: [] });
  const b = internal('b', 400, 100, {
    source: [],
    target: [
      { id: 'in-0', x: -4, y: 41.5 },
      { id: 'in-1', x: -4, y: 60.5 },
    ],
  });
  const view = (transform: [number, number, number]): View => ({
    transform,
    nodeLookup: new Map([
      ['a', a],
      ['b', b],
    ]),
  });

  it("is React Flow's bezier between the outer sides of the measured handles", () => {
    const forward = screenCurve(edge('a', 'b', 1), view([0, 0, 1]))!;
    const expected = flowPath(172, 46.5, 396, 165.5);
    numbers(forward).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 6));
    expect(screenCurve(edge('a', 'missing'), view([0, 0, 1]))).toBeUndefined();
  });

  it('places ends on cards without measured handles where the handles would be', () => {
    const bare = new Map([
      ['a', internal('a', 0, 0)],
      ['b', internal('b', 400, 100)],
    ]);
    const c = screenCurve(edge('a', 'b', 1), { transform: [0, 0, 1], nodeLookup: bare })!;
    const measured = screenCurve(edge('a', 'b', 1), view([0, 0, 1]))!;
    expect(numbers(c)).toEqual(numbers(measured));
    expect(edgeAnchor('target', 1, 168)).toEqual({ x: -4, y: 65.5 });
    // Backwards (target left of source), React Flow's curvature bends the ends outwards.
    const backwards = new Map([
      ['a', internal('a', 500, 0)],
      ['b', internal('b', 0, 0)],
    ]);
    const bc = screenCurve(edge('a', 'b'), { transform: [0, 0, 1], nodeLookup: backwards })!;
    const expected = flowPath(500 + 172, 46.5, -4, 46.5);
    numbers(bc).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 6));
  });

  it('scales and moves with the view', () => {
    const c = screenCurve(edge('a', 'b', 1), view([30, -20, 0.5]))!;
    const flow = screenCurve(edge('a', 'b', 1), view([0, 0, 1]))!;
    numbers(c).forEach((v, i) => expect(v).toBeCloseTo(numbers(flow)[i] * 0.5 + (i % 2 ? -20 : 30), 9));
  });

  it('knows which curves may cross the screen', () => {
    const c = screenCurve(edge('a', 'b', 1), view([0, 0, 1]))!;
    expect(mayCross(c, 0, 0, 1000, 1000)).toBe(true);
    expect(mayCross(c, 397, 0, 1000, 1000)).toBe(false); // right of its right end
    expect(mayCross(c, 0, 166, 1000, 1000)).toBe(false); // below its lower end
    expect(mayCross(c, -100, -100, 171, 46)).toBe(false); // up and left of its start
  });

  it('finds the edge under a click, within 6 px', () => {
    const lookup = new Map([
      ['a', a],
      ['b', b],
    ]);
    const edges = [edge('a', 'b', 0), edge('a', 'b', 1)];
    const v = { transform: [0, 0, 1] as const, nodeLookup: lookup };
    const [port0, port1] = edges.map((e) => screenCurve(e, v)!);
    // Midpoints of the two curves (t = 0.5).
    const mid = (c: Curve) => ({ x: (c.sx + 3 * c.c1x + 3 * c.c2x + c.ex) / 8, y: (c.sy + 3 * c.c1y + 3 * c.c2y + c.ey) / 8 });
    expect(distanceToCurve(port0, mid(port0).x, mid(port0).y)).toBeLessThan(0.1);
    expect(edgeAt(edges, v, mid(port0).x, mid(port0).y)).toBe(edges[0]);
    expect(edgeAt(edges, v, mid(port1).x, mid(port1).y + 5)).toBe(edges[1]);
    expect(edgeAt(edges, v, mid(port1).x, mid(port1).y + 30)).toBeUndefined();
    expect(edgeAt(edges, v, 172, 46.5 - 7)).toBeUndefined();
    expect(edgeAt(edges, v, 172, 46.5 - 5)).toBeDefined();
  });
});
