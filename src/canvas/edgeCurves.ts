/**
 * The curves of edges drawn on the edge canvas (EdgeCanvas.tsx), in screen pixels: React Flow's
 * default bezier between its measured handles, so nothing moves when edges change from React
 * Flow's SVG to the canvas or back. Also finds the edge under a click, since canvas lines are
 * not elements, and the card under the pointer when the canvas draws the cards too.
 */
import type { Edge, InternalNode } from '@xyflow/react';
import { edgeAnchor } from './cardMetrics.ts';
import { inputRow, portOfHandle, type OpNodeData } from './flowElements.ts';

/** React Flow's default edge curvature (getBezierPath). */
const CURVATURE = 0.25;
/** A card's width before React Flow has measured it (app.css: .op-node). */
const UNMEASURED_WIDTH = 168;

export interface Curve {
  sx: number;
  sy: number;
  c1x: number;
  c1y: number;
  c2x: number;
  c2y: number;
  ex: number;
  ey: number;
}

/** What of React Flow's state a curve depends on. */
export interface View {
  transform: readonly [number, number, number];
  nodeLookup: ReadonlyMap<string, InternalNode>;
}

/** Where an edge meets a node's handle, in flow coordinates, as React Flow computes it. */
function handlePoint(node: InternalNode, handle: string | null | undefined, side: 'source' | 'target') {
  const { x, y } = node.internals.positionAbsolute;
  const bound = node.internals.handleBounds?.[side]?.find((h) => h.id === handle);
  if (bound) return { x: x + bound.x + (side === 'source' ? bound.width : 0), y: y + bound.y + bound.height / 2 };
  // A bare card has no handles (viewDetail.ts), and a card never mounted has not been measured:
  // the card's metrics give the same place.
  const port = portOfHandle(handle);
  const result = (node.data as Partial<OpNodeData>).result;
  const row = side === 'target' && result ? inputRow(port, result.ports, result.freePair) : port;
  const anchor = edgeAnchor(side, row, node.measured.width ?? UNMEASURED_WIDTH);
  return { x: x + anchor.x, y: y + anchor.y };
}

/** React Flow's control-point offset for a right-to-left bezier spanning `dx`. */
const controlOffset = (dx: number) => (dx >= 0 ? 0.5 * dx : CURVATURE * 25 * Math.sqrt(-dx));

/**
 * The edge's curve on screen, or undefined while either end is missing. A hidden end counts: the
 * canvas hides cards from React Flow when it draws them itself (Canvas.tsx).
 */
export function screenCurve(edge: Edge, { transform: [tx, ty, zoom], nodeLookup }: View): Curve | undefined {
  const source = nodeLookup.get(edge.source);
  const target = nodeLookup.get(edge.target);
  if (!source || !target) return undefined;
  const s = handlePoint(source, edge.sourceHandle, 'source');
  const t = handlePoint(target, edge.targetHandle, 'target');
  const reach = controlOffset(t.x - s.x) * zoom;
  const sx = s.x * zoom + tx;
  const sy = s.y * zoom + ty;
  const ex = t.x * zoom + tx;
  const ey = t.y * zoom + ty;
  return { sx, sy, c1x: sx + reach, c1y: sy, c2x: ex - reach, c2y: ey, ex, ey };
}

/** Whether any of the curve can lie within the box from (left, top) to (right, bottom). */
export function mayCross(c: Curve, left: number, top: number, right: number, bottom: number): boolean {
  // A bezier stays within the box of its end and control points (both controls share an end's y).
  return (
    Math.max(c.sx, c.c1x, c.c2x, c.ex) >= left && Math.min(c.sx, c.c1x, c.c2x, c.ex) <= right && Math.max(c.sy, c.ey) >= top && Math.min(c.sy, c.ey) <= bottom
  );
}

const SAMPLES = 32;

/** Distance from (x, y) to the curve, measured along 32 straight pieces of it. */
export function distanceToCurve(c: Curve, x: number, y: number): number {
  let best = Infinity;
  let px = c.sx;
  let py = c.sy;
  for (let i = 1; i <= SAMPLES; i++) {
    const t = i / SAMPLES;
    const u = 1 - t;
    const qx = u * u * u * c.sx + 3 * u * u * t * c.c1x + 3 * u * t * t * c.c2x + t * t * t * c.ex;
    const qy = u * u * u * c.sy + 3 * u * u * t * c.c1y + 3 * u * t * t * c.c2y + t * t * t * c.ey;
    best = Math.min(best, distanceToSegment(x, y, px, py, qx, qy));
    px = qx;
    py = qy;
  }
  return best;
}

function distanceToSegment(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / length2)) : 0;
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** The edge nearest to screen point (x, y), if one passes within `tolerance` pixels. */
export function edgeAt(edges: readonly Edge[], view: View, x: number, y: number, tolerance = 6): Edge | undefined {
  let best: Edge | undefined;
  let bestDistance = tolerance;
  for (const edge of edges) {
    const curve = screenCurve(edge, view);
    if (!curve || !mayCross(curve, x - tolerance, y - tolerance, x + tolerance, y + tolerance)) continue;
    const d = distanceToCurve(curve, x, y);
    if (d <= bestDistance) {
      best = edge;
      bestDistance = d;
    }
  }
  return best;
}

/** The card drawn at screen point (x, y) when the canvas draws the cards: the last (topmost) one there. */
export function cardAt({ transform: [tx, ty, zoom], nodeLookup }: View, x: number, y: number): InternalNode | undefined {
  const fx = (x - tx) / zoom;
  const fy = (y - ty) / zoom;
  let hit: InternalNode | undefined;
  for (const node of nodeLookup.values()) {
    if (node.type !== 'op') continue;
    const p = node.internals.positionAbsolute;
    if (fx >= p.x && fy >= p.y && fx <= p.x + (node.measured.width ?? 0) && fy <= p.y + (node.measured.height ?? 0)) hit = node;
  }
  return hit;
}
