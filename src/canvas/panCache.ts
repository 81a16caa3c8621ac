/**
 * Panning a large graph's overview without drawing it again: the edge canvas (EdgeCanvas.tsx) draws
 * the scene once into a layer larger than the view, by MARGIN of the view on each side, and while
 * only the pan changes copies the layer shifted by the pan. Drawing every card and edge of the
 * 10,001-node grid each frame held panning to about 39 fps; a copy costs the same at any size.
 * The layer is drawn again when what it shows changes (the zoom, the view's size, the nodes or
 * edges, their selection or results) or the pan leaves it.
 */

/** The layer reaches this fraction of the view's width and height beyond each side of it (at most: layerMargin). */
const MARGIN = 0.5;

/**
 * The most device pixels a layer may have. Safari refuses canvases above about 16.7 million pixels
 * (and then draws nothing); a 2560×1440 view at device pixel ratio 2 would want 59 million.
 */
const MAX_LAYER_PIXELS = 16_000_000;

/** Below this margin a layer would be left by the smallest pan: the view is drawn directly. */
const MIN_MARGIN = 0.1;

/**
 * The margin a layer for this view gets: MARGIN, or less where that many device pixels would not
 * fit in a canvas every browser draws (a 1400×860 view at ratio 2 gets about 0.35); undefined when
 * not even MIN_MARGIN fits, and the view is drawn directly.
 */
export function layerMargin(width: number, height: number, ratio: number): number | undefined {
  const scale = Math.sqrt(MAX_LAYER_PIXELS / (width * height * ratio * ratio)); // (1 + 2m) at most
  const margin = Math.min(MARGIN, Math.floor(((scale - 1) / 2) * 100) / 100);
  return margin >= MIN_MARGIN ? margin : undefined;
}

/** A drawn layer: the view it was drawn for, the pixels it reaches beyond it, and what it shows. */
export interface Layer {
  tx: number;
  ty: number;
  zoom: number;
  width: number;
  height: number;
  marginX: number;
  marginY: number;
  /** Identity of what it shows (the nodes and edges as drawn): another value means draw again. */
  scene: readonly unknown[];
}

/** The layer for a view: its transform when drawing into it (flow point p lands at p * zoom + t). */
export function layerFor(
  [tx, ty, zoom]: readonly [number, number, number],
  width: number,
  height: number,
  scene: readonly unknown[],
  margin = MARGIN,
): Layer & { drawTransform: [number, number, number]; layerWidth: number; layerHeight: number } {
  const marginX = Math.ceil(width * margin);
  const marginY = Math.ceil(height * margin);
  return {
    tx,
    ty,
    zoom,
    width,
    height,
    marginX,
    marginY,
    scene,
    drawTransform: [tx + marginX, ty + marginY, zoom],
    layerWidth: width + 2 * marginX,
    layerHeight: height + 2 * marginY,
  };
}

/**
 * Where to copy `layer` to show view [tx, ty, zoom] (its top-left corner, in view pixels), or
 * undefined when it cannot: another zoom, size or scene, or a pan beyond its margins. A flow
 * point p is at p * zoom + layer.tx + marginX in the layer and at p * zoom + tx in the view.
 */
export function copyOffset(
  layer: Layer | undefined,
  [tx, ty, zoom]: readonly [number, number, number],
  width: number,
  height: number,
  scene: readonly unknown[],
): { x: number; y: number } | undefined {
  if (!layer || layer.zoom !== zoom || layer.width !== width || layer.height !== height) return undefined;
  if (layer.scene.length !== scene.length || layer.scene.some((s, i) => s !== scene[i])) return undefined;
  const dx = tx - layer.tx;
  const dy = ty - layer.ty;
  if (Math.abs(dx) > layer.marginX || Math.abs(dy) > layer.marginY) return undefined;
  return { x: dx - layer.marginX, y: dy - layer.marginY };
}
