/**
 * Keeps Teach's edge chips from covering each other. Two chips can land on one spot (edges that
 * leave one card for two cards run together at first, as b → c and b → d do on sum-over-paths), so
 * after each change the chips are measured and any that overlap are moved apart vertically, each
 * by as little as needed. The move is the CSS `translate` property, which adds to the position the
 * edge gives the chip, in flow units (the chips sit inside the zoomed viewport).
 */
import { useEffect } from 'react';
import { useStore } from '@xyflow/react';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Space kept between chips that had to be moved apart, in screen pixels. */
const GAP = 2;

/**
 * Vertical offsets that leave no two boxes overlapping: boxes are placed top to bottom, each moved
 * just below any already-placed box it would overlap (the top one of a pile keeps its spot).
 */
export function spreadBoxes(boxes: readonly Box[]): number[] {
  const order = boxes.map((_, i) => i).sort((a, b) => boxes[a].y - boxes[b].y || boxes[a].x - boxes[b].x);
  const dy = boxes.map(() => 0);
  const placed: number[] = [];
  const overlaps = (a: number, b: number) => {
    const A = boxes[a];
    const B = boxes[b];
    return A.x < B.x + B.width && B.x < A.x + A.width && A.y + dy[a] < B.y + dy[b] + B.height + GAP && B.y + dy[b] < A.y + dy[a] + A.height + GAP;
  };
  for (const i of order) {
    for (let guard = 0; guard < placed.length + 1; guard++) {
      const hit = placed.find((j) => overlaps(i, j));
      if (hit === undefined) break;
      dy[i] = boxes[hit].y + dy[hit] + boxes[hit].height + GAP - boxes[i].y;
    }
    placed.push(i);
  }
  return dy;
}

/** Measures the chips and moves overlapping ones apart (renders nothing). */
export function ChipSpread() {
  const dom = useStore((s) => s.domNode);
  const zoom = useStore((s) => s.transform[2]);
  useEffect(() => {
    if (!dom) return;
    let frame = 0;
    const apply = () => {
      frame = 0;
      const chips = [...dom.querySelectorAll<HTMLElement>('.teach-edge-label')];
      const current = chips.map((c) => c.style.translate);
      const boxes = chips.map((c) => {
        const r = c.getBoundingClientRect();
        const shift = Number(/\s(-?[\d.]+)px/.exec(c.style.translate)?.[1] ?? 0) * zoom;
        return { x: r.x, y: r.y - shift, width: r.width, height: r.height };
      });
      const dy = spreadBoxes(boxes);
      chips.forEach((c, i) => {
        const next = dy[i] ? `0px ${(dy[i] / zoom).toFixed(2)}px` : '';
        if (next !== current[i]) c.style.translate = next;
      });
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(apply);
    };
    schedule();
    const mo = new MutationObserver(schedule);
    // Only the chips' own layer: panning restyles the viewport on every frame, which moves no chip
    // relative to another.
    mo.observe(dom.querySelector('.react-flow__edgelabel-renderer') ?? dom, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['style', 'class'],
    });
    return () => {
      mo.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [dom, zoom]);
  return null;
}
