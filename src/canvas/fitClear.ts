/**
 * Fit View that keeps cards out from under the minimap. React Flow fits the graph's bounding box
 * to the whole pane, so a card in the graph's bottom-right corner can end up beneath the minimap
 * (bottom right of the pane). When it would, the fit is redone with room kept to the right of the
 * graph, or below it, whichever leaves the graph larger. Most graphs have no card there and keep
 * the plain fit.
 */
import { getNodesBounds, getViewportForBounds, type FitViewOptions, type Node, type ReactFlowInstance, type Viewport } from '@xyflow/react';

type Padding = NonNullable<FitViewOptions['padding']>;

export interface FitOptions {
  padding: number;
  maxZoom: number;
  minZoom?: number;
}

/** Build mode's fit: some air around the graph, and small graphs not blown up past 125%. */
export const BUILD_FIT: FitOptions = { padding: 0.2, maxZoom: 1.25 };
/**
 * How far out the canvas zooms: far enough that a layer expanded into 1,000 primitives (a column
 * some 27,000 px tall) fits whole, so its overview needs no culling.
 */
export const MIN_ZOOM = 0.02;
/**
 * The zoom at which every card's text is at least 10 px on screen (port names and the LOSS tag are
 * 10 px at zoom 1). A fit that would land a little below it, on a graph that fits at it with some
 * air, goes to it instead (legibleFit).
 */
export const LEGIBLE_ZOOM = 1;
/** The least air, as a fraction like `padding`, that a fit at LEGIBLE_ZOOM keeps around the graph. */
const LEGIBLE_MIN_PADDING = 0.05;
/** Air between the graph and the minimap, in screen pixels. */
const GAP_PX = 12;

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Screen boxes (relative to the pane) of `nodes` under `viewport`. */
function screenBoxes(nodes: readonly Node[], { x, y, zoom }: Viewport): Box[] {
  return nodes.map((n) => {
    const left = x + n.position.x * zoom;
    const top = y + n.position.y * zoom;
    return { left, top, right: left + (n.measured?.width ?? 0) * zoom, bottom: top + (n.measured?.height ?? 0) * zoom };
  });
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * The viewport that fits `nodes` into a `width` x `height` pane, keeping them clear of `obstacle`
 * (a box in pane pixels, e.g. the minimap) when that costs only some room on one side.
 */
export function clearFitViewport(
  nodes: readonly Node[],
  width: number,
  height: number,
  obstacle: Box | undefined,
  options: FitOptions = BUILD_FIT,
): Viewport | undefined {
  // Hidden cards count: they are drawn on a canvas instead (Canvas.tsx).
  const shown = nodes.filter((n) => n.measured?.width);
  if (shown.length === 0) return undefined;
  const bounds = getNodesBounds(shown);
  const minZoom = options.minZoom ?? MIN_ZOOM;
  options = legibleFit(options, bounds, width, height);
  const plain = getViewportForBounds(bounds, width, height, minZoom, options.maxZoom, options.padding);
  if (!obstacle || !screenBoxes(shown, plain).some((b) => overlaps(b, obstacle))) return plain;
  // The plain fit's padding per side in pixels, as React Flow works it out from a fraction.
  const padX = Math.floor((width - width / (1 + options.padding)) * 0.5);
  const padY = Math.floor((height - height / (1 + options.padding)) * 0.5);
  const px = (v: number) => `${Math.max(v, 0)}px` as const;
  const sides: Padding[] = [
    { top: px(padY), bottom: px(padY), left: px(padX), right: px(Math.max(padX, width - obstacle.left + GAP_PX)) },
    { top: px(padY), bottom: px(Math.max(padY, height - obstacle.top + GAP_PX)), left: px(padX), right: px(padX) },
  ];
  const fits = sides.map((padding) => getViewportForBounds(bounds, width, height, minZoom, options.maxZoom, padding));
  return fits.reduce((best, v) => (v.zoom > best.zoom ? v : best));
}

/**
 * The fit's options with less padding when that is what it takes to show the graph at
 * LEGIBLE_ZOOM (a small graph on a small screen): readable text beats air around the graph. A
 * graph too large for that keeps the usual fit.
 */
export function legibleFit(options: FitOptions, bounds: { width: number; height: number }, width: number, height: number): FitOptions {
  if (options.maxZoom < LEGIBLE_ZOOM || bounds.width <= 0 || bounds.height <= 0) return options;
  const room = Math.min(width / bounds.width, height / bounds.height);
  if (room / (1 + options.padding) >= LEGIBLE_ZOOM) return options; // legible already
  // React Flow's zoom is room / (1 + padding): the padding that lands just above LEGIBLE_ZOOM.
  const padding = (room / LEGIBLE_ZOOM - 1) * (1 - 1e-6);
  return padding >= LEGIBLE_MIN_PADDING ? { ...options, padding } : options;
}

/**
 * Fits the view like `flow.fitView`, clear of the minimap inside `pane` (the canvas element):
 * around `nodes`, by default React Flow's.
 */
export function fitClear(
  flow: ReactFlowInstance<Node>,
  pane: HTMLElement | null,
  options: FitOptions = BUILD_FIT,
  duration = 0,
  nodes: readonly Node[] = flow.getNodes(),
): void {
  const box = pane?.getBoundingClientRect();
  const minimap = pane?.querySelector('.react-flow__minimap');
  const map = minimap instanceof HTMLElement && minimap.offsetParent !== null ? minimap.getBoundingClientRect() : undefined;
  const obstacle = box && map ? { left: map.left - box.left, top: map.top - box.top, right: map.right - box.left, bottom: map.bottom - box.top } : undefined;
  const viewport = box && clearFitViewport(nodes, box.width, box.height, obstacle, options);
  if (viewport) void flow.setViewport(viewport, { duration });
  else void flow.fitView({ ...options, duration });
}

/**
 * The viewport that brings `rect` (flow coordinates) into a `width` x `height` pane with some air:
 * the smallest pan at the current zoom, or, when it is too large for that zoom, zoomed out to fit
 * and centred. Undefined when it is in view already.
 */
export function revealViewport(rect: Box, width: number, height: number, { x, y, zoom }: Viewport, air = 24): Viewport | undefined {
  const fits = Math.min((width - 2 * air) / (rect.right - rect.left), (height - 2 * air) / (rect.bottom - rect.top));
  if (fits < zoom) {
    const z = Math.max(fits, MIN_ZOOM);
    return { x: width / 2 - ((rect.left + rect.right) / 2) * z, y: height / 2 - ((rect.top + rect.bottom) / 2) * z, zoom: z };
  }
  const shift = (lo: number, hi: number, size: number) => (lo < air ? air - lo : hi > size - air ? size - air - hi : 0);
  const dx = shift(x + rect.left * zoom, x + rect.right * zoom, width);
  const dy = shift(y + rect.top * zoom, y + rect.bottom * zoom, height);
  return dx === 0 && dy === 0 ? undefined : { x: x + dx, y: y + dy, zoom };
}
