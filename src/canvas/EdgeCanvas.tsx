/**
 * Edges drawn on one canvas instead of as React Flow's SVG edges, for a large graph zoomed out
 * (Canvas.tsx). Each React Flow edge is an <svg> with a group and two paths, and mounting the ones
 * that come into view took about half the main thread's time while zooming out over 1,001 nodes.
 * Here a frame is one path of bezier curves (edgeCurves.ts), redrawn when the view or the nodes
 * move; while only the pan changes, copied from a larger layer drawn once (panCache.ts).
 * useCanvasEdgePointer makes the lines clickable.
 */
import { useCallback, useEffect, useRef, type MouseEvent, type RefObject } from 'react';
import { useStoreApi, type Edge } from '@xyflow/react';
import { editorStore } from '../store/useEditor.ts';
import { cardAt, edgeAt, mayCross, screenCurve, type View } from './edgeCurves.ts';
import type { OpNodeData } from './flowElements.ts';
import { overviewSymbolPx, overviewText } from './cardMetrics.ts';
import { copyOffset, layerFor, layerMargin, type Layer } from './panCache.ts';
import { nodeLabel } from '../../graph-engine/index.ts';

/** Each category's colour (app.css), as a CSS variable. */
export const CATEGORY_VAR: Record<string, string> = {
  'Inputs and parameters': 'var(--cat-leaf)',
  Arithmetic: 'var(--cat-arith)',
  Activations: 'var(--cat-act)',
  Losses: 'var(--cat-loss)',
  Layers: 'var(--cat-layer)',
  Expression: 'var(--cat-expr)',
};

/** Colours of the canvas, as app.css works them out; read once and when the theme changes. */
interface Colours {
  edge: string;
  selected: string;
  font: string;
  /** A card's block and symbol colour by category (app.css: .canvas.is-overview .op-node). */
  block: Map<string, { fill: string; symbol: string }>;
  danger: string;
  warn: string;
  loss: string;
}

const darkTheme = () => window.matchMedia('(prefers-color-scheme: dark)').matches;
let known: { dark: boolean; colours: Colours } | undefined;

/** The colours for the current theme, worked out once per theme (each read forces a style pass). */
function themeColours(canvas: HTMLElement): Colours {
  const dark = darkTheme();
  if (known?.dark !== dark) known = { dark, colours: readColours(canvas) };
  return known.colours;
}

function readColours(canvas: HTMLElement): Colours {
  const style = getComputedStyle(canvas);
  // A probe resolves var() and color-mix() to a colour the canvas takes.
  const probe = document.createElement('div');
  probe.style.display = 'none';
  canvas.parentElement!.append(probe);
  const resolve = (css: string) => {
    probe.style.color = '';
    probe.style.color = css;
    return getComputedStyle(probe).color;
  };
  const block = new Map<string, { fill: string; symbol: string }>();
  for (const cat of [...Object.values(CATEGORY_VAR), 'var(--muted)']) {
    block.set(cat, { fill: resolve(`color-mix(in srgb, ${cat} 28%, var(--node-bg))`), symbol: resolve(cat) });
  }
  const colours = {
    edge: style.getPropertyValue('--edge'),
    selected: style.getPropertyValue('--accent'),
    font: style.fontFamily,
    block,
    danger: resolve('color-mix(in srgb, var(--danger) 45%, var(--node-bg))'),
    warn: resolve('color-mix(in srgb, var(--warn) 35%, var(--node-bg))'),
    loss: resolve('color-mix(in srgb, var(--cat-loss) 45%, transparent)'),
  };
  probe.remove();
  return colours;
}

/** Once a pan has stopped this long, the view is drawn exactly (not copied between pixels). */
const REST_MS = 250;

/** Symbols smaller than this many screen pixels are not drawn: nothing could read them. */
const MIN_SYMBOL_PX = 5;

/**
 * Cards as the overview shows them (app.css: .canvas.is-overview .op-node): a block in the
 * category's colour (or the badge's), the op symbol large in the middle, an outline when selected
 * or the loss. Only the cards on screen are drawn.
 */
function drawCards(context: CanvasRenderingContext2D, { transform: [tx, ty, zoom], nodeLookup }: View, width: number, height: number, colours: Colours) {
  const fills = new Map<string, Path2D>();
  const selected = new Path2D();
  const losses = new Path2D();
  const symbols: { x: number; y: number; text: string; px: number; colour: string }[] = [];
  for (const node of nodeLookup.values()) {
    if (node.type !== 'op') continue;
    const { x, y } = node.internals.positionAbsolute;
    const w = (node.measured.width ?? 0) * zoom;
    const h = (node.measured.height ?? 0) * zoom;
    const sx = x * zoom + tx;
    const sy = y * zoom + ty;
    if (sx > width || sy > height || sx + w < 0 || sy + h < 0) continue;
    const data = node.data as OpNodeData;
    const cat = colours.block.get(CATEGORY_VAR[data.op?.category ?? ''] ?? 'var(--muted)')!;
    const badge = data.result?.badge?.kind;
    const fill = badge === 'nonfinite' || badge === 'invalid' ? colours.danger : badge === 'incomplete' ? colours.warn : cat.fill;
    let path = fills.get(fill);
    if (!path) fills.set(fill, (path = new Path2D()));
    path.rect(sx, sy, w, h);
    if (node.selected) selected.rect(sx - 9 * zoom, sy - 9 * zoom, w + 18 * zoom, h + 18 * zoom);
    if (data.isLoss) losses.rect(sx - 4 * zoom, sy - 4 * zoom, w + 8 * zoom, h + 8 * zoom);
    const symbol = overviewText(data.op?.symbol ?? '?', nodeLabel(data.node));
    const px = overviewSymbolPx(symbol) * zoom;
    if (px >= MIN_SYMBOL_PX) symbols.push({ x: sx + w / 2, y: sy + h / 2, text: symbol, px, colour: cat.symbol });
  }
  context.lineWidth = 8 * zoom;
  context.strokeStyle = colours.loss;
  context.stroke(losses);
  context.lineWidth = 10 * zoom;
  context.strokeStyle = colours.selected;
  context.stroke(selected);
  for (const [fill, path] of fills) {
    context.fillStyle = fill;
    context.fill(path);
  }
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  for (const s of symbols) {
    context.font = `700 ${s.px}px ${colours.font}`;
    context.fillStyle = s.colour;
    context.fillText(s.text, s.x, s.y);
  }
}

/** Edges, and with `cards` the cards too (the overview of a very large graph), on one canvas. */
export function EdgeCanvas({ edges, cards = false }: { edges: readonly Edge[]; cards?: boolean }) {
  const store = useStoreApi();
  const ref = useRef<HTMLCanvasElement>(null);
  const colours = useRef<Colours | undefined>(undefined);
  const redraw = useRef(() => {});

  // Read once and when the theme changes: reading them in each frame forced a style pass.
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    colours.current = themeColours(canvas);
    const theme = window.matchMedia('(prefers-color-scheme: dark)');
    const onTheme = () => {
      colours.current = themeColours(canvas);
      redraw.current();
    };
    theme.addEventListener('change', onTheme);
    return () => theme.removeEventListener('change', onTheme);
  }, []);

  useEffect(() => {
    const canvas = ref.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    let frame = 0;
    let rest = 0;
    // The layer panning copies from (panCache.ts), and the zoom and scene of the frame before.
    const layerCanvas = document.createElement('canvas');
    const layerContext = layerCanvas.getContext('2d');
    let layer: Layer | undefined;
    let last: { tx: number; ty: number; zoom: number; scene: readonly unknown[] } | undefined;
    const draw = (atRest = false) => {
      frame = 0;
      const state = store.getState();
      const { width, height, transform } = state;
      const ratio = window.devicePixelRatio || 1;
      if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
        canvas.width = Math.round(width * ratio);
        canvas.height = Math.round(height * ratio);
      }
      context.setTransform(1, 0, 0, 1, 0, 0);
      context.clearRect(0, 0, canvas.width, canvas.height);
      const c = colours.current!;
      // What the drawing shows besides the view: another value of any draws it again.
      const scene = [state.nodes, c, ratio];
      // A layer is drawn for a pan (the same zoom and scene as the frame before, moved) or once
      // the view rests; anything else is drawn as it is: a layer would serve one frame.
      const panning = last?.zoom === transform[2] && last.scene.every((s, i) => s === scene[i]) && (last.tx !== transform[0] || last.ty !== transform[1]);
      last = { tx: transform[0], ty: transform[1], zoom: transform[2], scene };
      const at = atRest ? undefined : copyOffset(layer, transform, width, height, scene);
      clearTimeout(rest);
      const margin = layerMargin(width, height, ratio);
      if (!at && (!layerContext || margin === undefined || (!atRest && !panning))) {
        // Each wheel step of a zoom, or frame of a drag, is drawn as it is. (Drawing a layer
        // whenever the zoom stayed from one frame to the next made zooming the 10,001-node grid
        // slower: React Flow's store changes more than once per wheel step.)
        layer = undefined;
        context.setTransform(ratio, 0, 0, ratio, 0, 0);
        paint(context, { transform, nodeLookup: state.nodeLookup }, width, height, c);
        return;
      }
      if (!at) {
        const next = layerFor(transform, width, height, scene, margin);
        if (layerCanvas.width !== Math.round(next.layerWidth * ratio) || layerCanvas.height !== Math.round(next.layerHeight * ratio)) {
          layerCanvas.width = Math.round(next.layerWidth * ratio);
          layerCanvas.height = Math.round(next.layerHeight * ratio);
        }
        layerContext!.setTransform(1, 0, 0, 1, 0, 0);
        layerContext!.clearRect(0, 0, layerCanvas.width, layerCanvas.height);
        layerContext!.setTransform(ratio, 0, 0, ratio, 0, 0);
        paint(layerContext!, { transform: next.drawTransform, nodeLookup: state.nodeLookup }, next.layerWidth, next.layerHeight, c);
        layer = next;
      }
      const { x, y } = at ?? { x: -layer!.marginX, y: -layer!.marginY };
      // Whole device pixels: a copy between pixels would blur; the view at rest is drawn exactly.
      context.drawImage(layerCanvas, Math.round(x * ratio), Math.round(y * ratio));
      if (at && (x !== Math.round(x) || y !== Math.round(y))) rest = window.setTimeout(() => draw(true), REST_MS);
    };
    /** Edges, then (the overview of a very large graph) the cards over them, for `view`. */
    const paint = (target: CanvasRenderingContext2D, view: View, width: number, height: number, c: Colours) => {
      const plain = new Path2D();
      const selected = new Path2D();
      for (const edge of edges) {
        const curve = screenCurve(edge, view);
        if (!curve || !mayCross(curve, 0, 0, width, height)) continue;
        const path = edge.selected ? selected : plain;
        path.moveTo(curve.sx, curve.sy);
        path.bezierCurveTo(curve.c1x, curve.c1y, curve.c2x, curve.c2y, curve.ex, curve.ey);
      }
      // Screen coordinates, so that lines are 1 px wide at any zoom.
      target.lineWidth = 1;
      target.strokeStyle = c.edge;
      target.stroke(plain);
      target.lineWidth = 2.5;
      target.strokeStyle = c.selected;
      target.stroke(selected);
      // Over the edges, as React Flow draws its cards over its edges.
      if (cards) drawCards(target, view, width, height, c);
    };
    // At most one drawing per frame, in the frame whose view it shows.
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(() => draw());
    };
    schedule();
    redraw.current = schedule;
    const unsubscribe = store.subscribe(schedule);
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
      clearTimeout(rest);
    };
  }, [store, edges, cards]);

  return <canvas ref={ref} className="edge-canvas" aria-hidden="true" data-testid="edge-canvas" />;
}

/**
 * Pane handlers that make canvas-drawn `edges` (undefined while React Flow draws them) behave like
 * React Flow's: a pointer cursor over one, and a click selects it (with Ctrl/Cmd, toggles it).
 * While the canvas draws the cards too, `onCard` hears which card is under the pointer, so that
 * React Flow can mount that one (which it then clicks and drags as usual).
 */
export function useCanvasEdgePointer(edges: readonly Edge[] | undefined, wrapper: RefObject<HTMLElement | null>, onCard?: (id: string | undefined) => void) {
  const store = useStoreApi();
  const edgeUnder = useCallback(
    (e: MouseEvent) => {
      const box = wrapper.current?.getBoundingClientRect();
      return edges && box ? edgeAt(edges, store.getState(), e.clientX - box.left, e.clientY - box.top) : undefined;
    },
    [edges, store, wrapper],
  );
  const onPaneClick = useCallback(
    (e: MouseEvent) => {
      const hit = edgeUnder(e);
      if (!hit) return;
      const { selectedEdges, setSelection } = editorStore.getState();
      if (!(e.ctrlKey || e.metaKey)) setSelection([], [hit.id]);
      else setSelection([], hit.selected ? [...selectedEdges].filter((id) => id !== hit.id) : [...selectedEdges, hit.id]);
    },
    [edgeUnder],
  );
  const onPaneMouseMove = useCallback(
    (e: MouseEvent) => {
      if (e.buttons) return;
      const box = wrapper.current?.getBoundingClientRect();
      const card = onCard && box ? cardAt(store.getState(), e.clientX - box.left, e.clientY - box.top) : undefined;
      onCard?.(card?.id);
      wrapper.current?.classList.toggle('is-over-edge', !card && !!edgeUnder(e));
    },
    [edgeUnder, wrapper, onCard, store],
  );
  useEffect(() => {
    if (!edges) wrapper.current?.classList.remove('is-over-edge');
  }, [edges, wrapper]);
  return { onPaneClick, onPaneMouseMove };
}
