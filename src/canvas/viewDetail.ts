/**
 * How much the canvas draws for the current view, so that large graphs pan and zoom smoothly:
 * how detailed each card is at this zoom, and whether React Flow should mount only the cards and
 * edges on screen. Figures are from `npm run bench:ui` on 1,001 nodes and 1,975 edges.
 */
import { useCallback, useEffect, useMemo, useRef, type RefObject } from 'react';
import { getNodesBounds, useStore as useFlowStore, useStoreApi, type Node, type Rect } from '@xyflow/react';

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

/** Whether `box` (flow coordinates) lies wholly inside a `width` x `height` view at `transform`. */
export function boxInView(box: Rect, [tx, ty, zoom]: readonly [number, number, number], width: number, height: number): boolean {
  return box.x * zoom + tx >= 0 && box.y * zoom + ty >= 0 && (box.x + box.width) * zoom + tx <= width && (box.y + box.height) * zoom + ty <= height;
}

/**
 * Keeps the classes for the detail level (`is-far`, `is-overview`) on `element` in step with the
 * zoom; the cards' CSS does the rest. Set on the DOM directly, as React Flow sets its viewport's
 * transform: a change of level then re-renders no React component, which with 1,001 cards on
 * screen cost 90 ms on top of the style change itself. Returns `pin`, which holds a level
 * whatever the zoom (a whole-graph picture is drawn at its own scale) until called with undefined.
 */
export function useDetailClasses(element: RefObject<HTMLElement | null>): (detail: Detail | undefined) => void {
  const store = useStoreApi();
  const state = useRef<{ pinned?: Detail; shown?: Detail }>({});
  const apply = useCallback(() => {
    const detail = state.current.pinned ?? detailAt(store.getState().transform[2]);
    if (detail === state.current.shown || !element.current) return;
    element.current.classList.toggle('is-far', detail !== 'near');
    element.current.classList.toggle('is-overview', detail === 'overview');
    state.current.shown = detail;
  }, [store, element]);
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
