/**
 * How much the canvas draws for the current view, so that large graphs pan and zoom smoothly:
 * how detailed each card is at this zoom, and whether React Flow should mount only the cards and
 * edges on screen. Figures are from `npm run bench:ui` on 1,001 nodes and 1,975 edges.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore, type RefObject } from 'react';
import { getNodesBounds, useStore as useFlowStore, useStoreApi, useUpdateNodeInternals, type Node, type Rect } from '@xyflow/react';

/** Below this zoom, a card's fine print (port names, gradients) is too small to read. */
export const FAR_ZOOM = 0.55;
/**
 * Below this zoom no card text is readable (13 px becomes under 4 px), so cards become flat blocks
 * in their category's colour with the op symbol large. Painting the text, borders and rounded
 * corners of every card made panning the whole 1,000-node graph run at 39 fps; as blocks, 59.
 */
export const OVERVIEW_ZOOM = 0.3;
export type Detail = 'near' | 'far' | 'overview';
export const detailAt = (zoom: number): Detail => (zoom < OVERVIEW_ZOOM ? 'overview' : zoom < FAR_ZOOM ? 'far' : 'near');

/**
 * Above this many nodes, and while part of the graph is off screen, React Flow mounts only what
 * is on screen. Every mounted card, handle and edge costs JavaScript on each pan frame (React Flow
 * runs a store selector per element) and a paint chunk: zoomed to 100%, panning ran at 41 fps
 * with all 1,001 cards mounted and at 60 with the visible ones.
 *
 * While the whole graph is in view there is nothing to cull and checking every node each frame
 * only costs, so culling is off; turning it off is seamless, since every node is mounted either
 * way. (Turning it on only once the view comes to rest was tried: zooming in from the whole graph
 * then kept all 1,001 cards mounted, and crossing into the next level of detail stalled 120 ms.)
 */
export const CULL_ABOVE = 300;

/**
 * Above this many nodes, the overview draws the cards on the edge canvas (EdgeCanvas.tsx) and
 * React Flow mounts none of them: mounting even bare cards took seconds for a few thousand.
 */
export const CANVAS_CARDS_ABOVE = 1000;

/** Whether `box` (flow coordinates) lies wholly inside a `width` x `height` view at `transform`. */
export function boxInView(box: Rect, [tx, ty, zoom]: readonly [number, number, number], width: number, height: number): boolean {
  return box.x * zoom + tx >= 0 && box.y * zoom + ty >= 0 && (box.x + box.width) * zoom + tx <= width && (box.y + box.height) * zoom + ty <= height;
}

/**
 * In the overview of a large graph, cards mount cheaply, as bare blocks: no header, body or
 * handles, which the overview hides anyway. (Edges, below FAR_ZOOM, are drawn on one canvas:
 * EdgeCanvas.tsx.) Zooming out from 100% over 1,001 nodes mounts nearly every card on the way;
 * with full cards and React Flow's edges that ran at 34 fps, with bare cards and canvas edges at
 * 56. A bare card becomes a full one once the view leaves the overview, a few per frame
 * (UPGRADES_PER_FRAME), so that crossing the level does not stall.
 */
export class DetailLevel {
  private current: Detail = 'near';
  private largeGraph = false;
  private listeners = new Set<() => void>();
  private waiting = new Set<() => void>();
  private frame = 0;
  private toMeasure = new Set<string>();

  get detail(): Detail {
    return this.current;
  }
  /** Whether a card mounted now should start bare. */
  get bare(): boolean {
    return this.largeGraph && this.current === 'overview';
  }
  set(detail: Detail): void {
    if (detail === this.current) return;
    this.current = detail;
    for (const listener of this.listeners) listener();
    this.pump();
  }
  /** Set while rendering the canvas, so that the cards rendered with it already know. */
  setLarge(large: boolean): void {
    if (large === this.largeGraph) return;
    this.largeGraph = large;
    this.pump();
  }
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  /** Calls `upgrade` once cards need their full content, in batches; returns a cancel. */
  whenDetailed(upgrade: () => void): () => void {
    this.waiting.add(upgrade);
    this.pump();
    return () => this.waiting.delete(upgrade);
  }
  /**
   * Asks React Flow to measure card `id`'s handles, together with the other cards upgraded in the
   * same frame: with a call (and a store update) per card, zooming in from the whole 1,001-node
   * graph ran at 47-48 fps instead of 54-56.
   */
  measure(id: string, updateNodeInternals: (ids: string[]) => void): void {
    this.toMeasure.add(id);
    if (this.toMeasure.size > 1) return;
    queueMicrotask(() => {
      const ids = [...this.toMeasure];
      this.toMeasure.clear();
      updateNodeInternals(ids);
    });
  }
  /** Resolves once no card waits for its full content (or at once in the overview). */
  async settled(): Promise<void> {
    while (!this.bare && this.waiting.size) await new Promise((r) => requestAnimationFrame(r));
  }
  private pump(): void {
    if (this.bare || this.frame || !this.waiting.size) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (this.bare) return;
      let n = 0;
      for (const upgrade of this.waiting) {
        this.waiting.delete(upgrade);
        upgrade();
        if (++n === UPGRADES_PER_FRAME) break;
      }
      this.pump();
    });
  }
}

/**
 * Zooming in from the whole 1,001-node graph ran at 54-56 fps with 12 or 24 upgrades a frame and
 * at 53-54 with 48; all at once, crossing the level would stall for the 200 cards in view.
 */
const UPGRADES_PER_FRAME = 24;

export const DetailLevelContext = createContext(new DetailLevel());

/**
 * Whether card `id` is still bare: mounted in a large graph's overview and not yet upgraded. A bare
 * card has no handles either (the overview hides them, and edge canvas knows where they go), so
 * once upgraded React Flow is asked to measure the card's new handles.
 */
export function useBareCard(id: string): boolean {
  const level = useContext(DetailLevelContext);
  const [bare, setBare] = useState(() => level.bare);
  const updateNodeInternals = useUpdateNodeInternals();
  const wasBare = useRef(bare);
  useEffect(() => {
    if (wasBare.current && !bare) level.measure(id, updateNodeInternals);
    wasBare.current = bare;
    return bare ? level.whenDetailed(() => setBare(false)) : undefined;
  }, [bare, level, id, updateNodeInternals]);
  return bare;
}

/** The current level, as React state (re-renders on a change of level only). */
export function useDetail(level: DetailLevel): Detail {
  return useSyncExternalStore(level.subscribe, () => level.detail);
}

/**
 * Keeps the classes for the detail level (`is-far`, `is-overview`) on `element` in step with the
 * zoom; the cards' CSS does the rest. Set on the DOM directly, as React Flow sets its viewport's
 * transform: a change of level then re-renders no React component, which with 1,001 cards on
 * screen cost 90 ms on top of the style change itself. Also tells `level`. Returns `pin`, which
 * holds a level whatever the zoom (a whole-graph picture is drawn at its own scale) until called
 * with undefined.
 */
export function useDetailClasses(element: RefObject<HTMLElement | null>, level: DetailLevel): (detail: Detail | undefined) => void {
  const store = useStoreApi();
  const state = useRef<{ pinned?: Detail; shown?: Detail }>({});
  const apply = useCallback(() => {
    const detail = state.current.pinned ?? detailAt(store.getState().transform[2]);
    if (detail === state.current.shown || !element.current) return;
    element.current.classList.toggle('is-far', detail !== 'near');
    element.current.classList.toggle('is-overview', detail === 'overview');
    state.current.shown = detail;
    level.set(detail);
  }, [store, element, level]);
  useEffect(() => {
    apply();
    return store.subscribe(apply);
  }, [store, apply]);
  return useCallback(
    (detail: Detail | undefined) => {
      state.current.pinned = detail;
      apply();
    },
    [apply],
  );
}

/**
 * Whether React Flow should mount only the visible nodes and edges (its onlyRenderVisibleElements).
 */
export function useCulling(nodes: Node[]): boolean {
  // Sizes are React Flow's measurements (Canvas passes them back in each node's `measured`).
  const bounds = useMemo(() => (nodes.length > CULL_ABOVE ? getNodesBounds(nodes) : undefined), [nodes]);
  return useFlowStore(
    useCallback(
      (s: { transform: [number, number, number]; width: number; height: number }) => !!bounds && !boxInView(bounds, s.transform, s.width, s.height),
      [bounds],
    ),
  );
}
