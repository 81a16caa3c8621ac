/**
 * The minimap of a very large graph, drawn on a canvas. React Flow's MiniMap keeps a component and
 * a store selector per node, even a hidden one: with 20,000 nodes, opening the graph spent about
 * 3 s placing them, and every pan frame ran 20,000 selectors. This one looks the same (app.css
 * and React Flow's minimap styles), pans the view when dragged and zooms it on the wheel.
 */
import { useEffect, useRef, type PointerEvent, type WheelEvent } from 'react';
import { Panel, useReactFlow, useStoreApi, type Node } from '@xyflow/react';
import { dragViewport, MINIMAP_HEIGHT as HEIGHT, MINIMAP_WIDTH as WIDTH, minimapBox, minimapMatrix, nodesBounds, viewRect } from './minimapBox.ts';

export function CanvasMiniMap({ nodes, nodeColor, ariaLabel }: { nodes: readonly Node[]; nodeColor: (n: Node) => string; ariaLabel: string }) {
  const store = useStoreApi();
  const flow = useReactFlow();
  const ref = useRef<HTMLCanvasElement>(null);
  const box = useRef({ x: 0, y: 0, scale: 1 });

  useEffect(() => {
    const canvas = ref.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    const bounds = nodesBounds(nodes);
    // Colours resolved once (a probe turns var() into a colour the canvas takes).
    const probe = document.createElement('div');
    canvas.parentElement!.append(probe);
    const resolve = (css: string) => {
      probe.style.color = css;
      return getComputedStyle(probe).color;
    };
    const fills = new Map<string, string>();
    const mask = resolve('var(--xy-minimap-mask-background-color, var(--xy-minimap-mask-background-color-default))');
    probe.remove();
    const ratio = window.devicePixelRatio || 1;
    canvas.width = WIDTH * ratio;
    canvas.height = HEIGHT * ratio;
    const cards = document.createElement('canvas');
    cards.width = canvas.width;
    cards.height = canvas.height;
    const cardsContext = cards.getContext('2d')!;
    let cardsAt = '';
    let frame = 0;
    let drawn = '';
    const draw = () => {
      frame = 0;
      const {
        transform: [tx, ty, zoom],
        width,
        height,
      } = store.getState();
      const view = viewRect([tx, ty, zoom], width, height);
      const b = minimapBox(bounds, view);
      const key = `${tx} ${ty} ${zoom} ${width} ${height}`;
      if (key === drawn) return;
      drawn = key;
      box.current = b;
      // The cards are drawn again only when the minimap's scale or place changes (the view
      // reaching past the graph); a pan within it copies them and moves the mask only.
      const at = `${b.x} ${b.y} ${b.scale}`;
      if (at !== cardsAt) {
        cardsAt = at;
        cardsContext.setTransform(1, 0, 0, 1, 0, 0);
        cardsContext.clearRect(0, 0, cards.width, cards.height);
        cardsContext.setTransform(...minimapMatrix(b, ratio));
        const paths = new Map<string, Path2D>();
        for (const n of nodes) {
          const colour = nodeColor(n);
          let fill = fills.get(colour);
          if (fill === undefined) {
            probe.style.color = colour;
            canvas.parentElement!.append(probe);
            fills.set(colour, (fill = getComputedStyle(probe).color));
            probe.remove();
          }
          let path = paths.get(fill);
          if (!path) paths.set(fill, (path = new Path2D()));
          path.rect(n.position.x, n.position.y, n.measured?.width ?? 0, n.measured?.height ?? 0);
        }
        for (const [fill, path] of paths) {
          cardsContext.fillStyle = fill;
          cardsContext.fill(path);
        }
      }
      context.setTransform(1, 0, 0, 1, 0, 0);
      context.clearRect(0, 0, canvas.width, canvas.height);
      context.drawImage(cards, 0, 0);
      context.setTransform(...minimapMatrix(b, ratio));
      // The mask over everything but the view.
      const outside = new Path2D();
      outside.rect(b.x - WIDTH * b.scale, b.y - HEIGHT * b.scale, 3 * WIDTH * b.scale, 3 * HEIGHT * b.scale);
      outside.rect(view.x, view.y, view.width, view.height);
      context.fillStyle = mask;
      context.fill(outside, 'evenodd');
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(draw);
    };
    schedule();
    const unsubscribe = store.subscribe(schedule);
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [store, nodes, nodeColor]);

  // Dragging moves the view with the pointer's spot on the minimap; the wheel zooms.
  const drag = useRef<{ x: number; y: number } | undefined>(undefined);
  const onPointerDown = (e: PointerEvent) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, y: e.clientY };
  };
  const onPointerMove = (e: PointerEvent) => {
    if (!drag.current) return;
    void flow.setViewport(dragViewport(flow.getViewport(), e.clientX - drag.current.x, e.clientY - drag.current.y, box.current));
    drag.current = { x: e.clientX, y: e.clientY };
  };
  const onPointerUp = () => {
    drag.current = undefined;
  };
  const onWheel = (e: WheelEvent) => {
    const { zoom } = flow.getViewport();
    void flow.zoomTo(zoom * 2 ** (-e.deltaY * 0.002));
  };

  return (
    <Panel position="bottom-right" className="react-flow__minimap" style={{ width: WIDTH, height: HEIGHT }}>
      <canvas
        ref={ref}
        role="img"
        aria-label={ariaLabel}
        style={{ width: WIDTH, height: HEIGHT, display: 'block', cursor: 'grab' }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onWheel={onWheel}
      />
    </Panel>
  );
}
