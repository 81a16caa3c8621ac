/**
 * Keeps edge chips (Teach's, and Build's "Edge derivatives") from covering each other or a card.
 * Two chips can land on one spot (edges that leave one card for two cards run together at first,
 * as b → c and b → d do on sum-over-paths), and on a dense graph a chip's spot can lie on a card.
 * After each change the chips and cards are measured, and each chip that would cover one is moved,
 * in 2D, to the nearest clear spot: below, above, beside, or diagonally past what it hit. The move
 * is the CSS `translate` property, which adds to the position the edge gives the chip, in flow
 * units (the chips sit inside the zoomed viewport).
 */
import { useEffect } from 'react';
import { useStore } from '@xyflow/react';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How far a chip is moved, in screen pixels. */
export interface Shift {
  dx: number;
  dy: number;
}

/** Space kept between a moved chip and what it was moved off, in screen pixels. */
const GAP = 2;
/** Only what lies this near a chip (screen pixels, beyond its own size) can give it a spot. */
const REACH = 160;
/** A sideways move counts this much more than an upward or downward one of the same length. */
const SIDEWAYS = 1.15;

const hits = (a: Box, b: Box) => a.x < b.x + b.width + GAP && b.x < a.x + a.width + GAP && a.y < b.y + b.height + GAP && b.y < a.y + a.height + GAP;

/**
 * Where each box goes so that no two boxes overlap and no box overlaps an obstacle (a card). The
 * boxes are placed top to bottom; a box that would cover an already-placed box or an obstacle
 * moves by the shortest clear shift (sideways moves count a little more), tried from the edges of
 * what lies around it. Where nothing near is clear of everything, it is placed clear of the other
 * boxes only (a chip on a card rather than on another chip).
 */
export function spreadBoxes(boxes: readonly Box[], obstacles: readonly Box[] = []): Shift[] {
  const order = boxes.map((_, i) => i).sort((a, b) => boxes[a].y - boxes[b].y || boxes[a].x - boxes[b].x);
  const shifts: Shift[] = boxes.map(() => ({ dx: 0, dy: 0 }));
  const placed: Box[] = [];
  for (const i of order) {
    const box = boxes[i];
    const near = (b: Box) =>
      b.x < box.x + box.width + REACH && box.x < b.x + b.width + REACH && b.y < box.y + box.height + REACH && box.y < b.y + b.height + REACH;
    const chips = placed.filter(near);
    const cards = obstacles.filter(near);
    const shift = nearestClear(box, chips, cards) ?? nearestClear(box, chips, []) ?? { dx: 0, dy: 0 };
    shifts[i] = shift;
    placed.push({ ...box, x: box.x + shift.dx, y: box.y + shift.dy });
  }
  return shifts;
}

/** The shortest shift that leaves `box` clear of `chips` and `cards`, or undefined. */
function nearestClear(box: Box, chips: readonly Box[], cards: readonly Box[]): Shift | undefined {
  const around = [...chips, ...cards];
  const clear = (dx: number, dy: number) => {
    const moved = { ...box, x: box.x + dx, y: box.y + dy };
    return around.every((b) => !hits(moved, b));
  };
  if (clear(0, 0)) return { dx: 0, dy: 0 };
  // Candidate moves: just past each edge of what lies around, across and down, and combinations.
  const dxs = [0, ...around.flatMap((b) => [b.x + b.width + GAP - box.x, b.x - GAP - box.width - box.x])];
  const dys = [0, ...around.flatMap((b) => [b.y + b.height + GAP - box.y, b.y - GAP - box.height - box.y])];
  const candidates: { dx: number; dy: number; cost: number }[] = [];
  for (const dx of dxs) for (const dy of dys) candidates.push({ dx, dy, cost: Math.hypot(dx * SIDEWAYS, dy) });
  // Ties: down before up, right before left (a pile becomes a column below its first chip).
  candidates.sort((a, b) => a.cost - b.cost || b.dy - a.dy || b.dx - a.dx);
  const best = candidates.find((c) => c.cost <= REACH && clear(c.dx, c.dy));
  return best && { dx: best.dx, dy: best.dy };
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
      if (!chips.length) return;
      const current = chips.map((c) => c.style.translate);
      // Where each chip would be unmoved: its box less the shift it has now (flow units × zoom).
      const boxes = chips.map((c) => {
        const [x = 0, y = 0] = (c.style.translate.match(/-?[\d.]+(?=px)/g) ?? []).map(Number);
        const r = c.getBoundingClientRect();
        return { x: r.x - x * zoom, y: r.y - y * zoom, width: r.width, height: r.height };
      });
      const cards = [...dom.querySelectorAll<HTMLElement>('.react-flow__node-op')].map((n) => {
        const r = n.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      });
      const shifts = spreadBoxes(boxes, cards);
      chips.forEach((c, i) => {
        const { dx, dy } = shifts[i];
        const next = dx || dy ? `${(dx / zoom).toFixed(2)}px ${(dy / zoom).toFixed(2)}px` : '';
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
    const options = { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['style', 'class'] };
    mo.observe(dom.querySelector('.react-flow__edgelabel-renderer') ?? dom, options);
    // And the cards: one dragged, or grown by a value, may now lie on a chip.
    const cardLayer = dom.querySelector('.react-flow__nodes');
    if (cardLayer) mo.observe(cardLayer, options);
    return () => {
      mo.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [dom, zoom]);
  return null;
}
