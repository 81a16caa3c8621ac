/**
 * Edges drawn on one canvas instead of as React Flow's SVG edges, for a large graph zoomed out
 * (Canvas.tsx). Each React Flow edge is an <svg> with a group and two paths, and mounting the ones
 * that come into view took about half the main thread's time while zooming out over 1,001 nodes.
 * Here a frame is one path of bezier curves (edgeCurves.ts), redrawn when the view or the nodes
 * move. useCanvasEdgePointer makes the lines clickable.
 */
import { useCallback, useEffect, useRef, type MouseEvent, type RefObject } from 'react';
import { useStoreApi, type Edge } from '@xyflow/react';
import { editorStore } from '../store/useEditor.ts';
import { edgeAt, mayCross, screenCurve } from './edgeCurves.ts';

export function EdgeCanvas({ edges }: { edges: readonly Edge[] }) {
  const store = useStoreApi();
  const ref = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const canvas = ref.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    // Read once and when the theme changes: reading them in each frame forced a style pass.
    let colours = { edge: '', selected: '' };
    const readColours = () => {
      const style = getComputedStyle(canvas);
      colours = { edge: style.getPropertyValue('--edge'), selected: style.getPropertyValue('--accent') };
    };
    readColours();
    let frame = 0;
    const draw = () => {
      frame = 0;
      const state = store.getState();
      const { width, height } = state;
      const ratio = window.devicePixelRatio || 1;
      if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
        canvas.width = Math.round(width * ratio);
        canvas.height = Math.round(height * ratio);
      }
      context.setTransform(1, 0, 0, 1, 0, 0);
      context.clearRect(0, 0, canvas.width, canvas.height);
      // Screen coordinates, so that lines are 1 px wide at any zoom.
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      const plain = new Path2D();
      const selected = new Path2D();
      for (const edge of edges) {
        const c = screenCurve(edge, state);
        if (!c || !mayCross(c, 0, 0, width, height)) continue;
        const path = edge.selected ? selected : plain;
        path.moveTo(c.sx, c.sy);
        path.bezierCurveTo(c.c1x, c.c1y, c.c2x, c.c2y, c.ex, c.ey);
      }
      context.lineWidth = 1;
      context.strokeStyle = colours.edge;
      context.stroke(plain);
      context.lineWidth = 2.5;
      context.strokeStyle = colours.selected;
      context.stroke(selected);
    };
    // At most one drawing per frame, in the frame whose view it shows.
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(draw);
    };
    schedule();
    const unsubscribe = store.subscribe(schedule);
    const theme = window.matchMedia('(prefers-color-scheme: dark)');
    const onTheme = () => {
      readColours();
      schedule();
    };
    theme.addEventListener('change', onTheme);
    return () => {
      unsubscribe();
      theme.removeEventListener('change', onTheme);
      cancelAnimationFrame(frame);
    };
  }, [store, edges]);

  return <canvas ref={ref} className="edge-canvas" aria-hidden="true" data-testid="edge-canvas" />;
}

/**
 * Pane handlers that make canvas-drawn `edges` (undefined while React Flow draws them) behave like
 * React Flow's: a pointer cursor over one, and a click selects it (with Ctrl/Cmd, toggles it).
 */
export function useCanvasEdgePointer(edges: readonly Edge[] | undefined, wrapper: RefObject<HTMLElement | null>) {
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
      if (!e.buttons) wrapper.current?.classList.toggle('is-over-edge', !!edgeUnder(e));
    },
    [edgeUnder, wrapper],
  );
  useEffect(() => {
    if (!edges) wrapper.current?.classList.remove('is-over-edge');
  }, [edges, wrapper]);
  return { onPaneClick, onPaneMouseMove };
}
