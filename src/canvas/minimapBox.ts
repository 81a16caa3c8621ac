/**
 * The maths of the canvas minimap (CanvasMiniMap.tsx): where it draws the graph and the view, and
 * how a drag on it moves the view. No canvas here, so that it can be tested on its own.
 */
import type { Node, Rect, Viewport } from '@xyflow/react';

export const MINIMAP_WIDTH = 200;
export const MINIMAP_HEIGHT = 150;
/** React Flow's minimap keeps this many of its own pixels around the graph. */
const OFFSET_PX = 5;

/** The flow point at the minimap's top-left corner, and flow units per minimap pixel. */
export interface MinimapBox {
  x: number;
  y: number;
  scale: number;
}

/** The nodes' bounds in flow coordinates, from their positions and measured sizes. */
export function nodesBounds(nodes: readonly Node[]): Rect | undefined {
  if (!nodes.length) return undefined;
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (const n of nodes) {
    x0 = Math.min(x0, n.position.x);
    y0 = Math.min(y0, n.position.y);
    x1 = Math.max(x1, n.position.x + (n.measured?.width ?? 0));
    y1 = Math.max(y1, n.position.y + (n.measured?.height ?? 0));
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** What the pane shows, in flow coordinates, for React Flow's transform and the pane's size. */
export function viewRect([tx, ty, zoom]: readonly [number, number, number], width: number, height: number): Rect {
  return { x: -tx / zoom, y: -ty / zoom, width: width / zoom, height: height / zoom };
}

/**
 * Where React Flow's minimap puts things: the nodes' bounds and the view, centred, with 5 of its
 * pixels of air. React Flow gives its <svg> (200 x 150) a viewBox that much larger than the
 * union's wider side, and SVG's default preserveAspectRatio (xMidYMid meet) scales it by the
 * larger of its two ratios (the height's, 160/150 against 210/200) and centres it.
 */
export function minimapBox(bounds: Rect | undefined, view: Rect): MinimapBox {
  const x0 = Math.min(bounds?.x ?? view.x, view.x);
  const y0 = Math.min(bounds?.y ?? view.y, view.y);
  const x1 = Math.max(bounds ? bounds.x + bounds.width : view.x + view.width, view.x + view.width);
  const y1 = Math.max(bounds ? bounds.y + bounds.height : view.y + view.height, view.y + view.height);
  const fit = Math.max((x1 - x0) / MINIMAP_WIDTH, (y1 - y0) / MINIMAP_HEIGHT);
  const scale = fit * Math.max(1 + (2 * OFFSET_PX) / MINIMAP_WIDTH, 1 + (2 * OFFSET_PX) / MINIMAP_HEIGHT);
  // The union's centre at the minimap's centre.
  return { x: (x0 + x1) / 2 - (MINIMAP_WIDTH / 2) * scale, y: (y0 + y1) / 2 - (MINIMAP_HEIGHT / 2) * scale, scale };
}

/** The canvas transform (setTransform's a..f) that draws flow coordinates into `box`, at `ratio` device pixels per pixel. */
export function minimapMatrix(box: MinimapBox, ratio: number): [number, number, number, number, number, number] {
  const k = ratio / box.scale;
  return [k, 0, 0, k, -box.x * k, -box.y * k];
}

/** The viewport after the pointer dragged (dx, dy) minimap pixels: the view moves with the pointer. */
export function dragViewport({ x, y, zoom }: Viewport, dx: number, dy: number, box: MinimapBox): Viewport {
  const s = box.scale * zoom;
  return { x: x - dx * s, y: y - dy * s, zoom };
}
