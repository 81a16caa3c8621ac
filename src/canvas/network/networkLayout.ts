/**
 * The network view's picture of a layer macro, as data: units as circles in columns (the inputs,
 * then each layer's units) and every weight as a line, its width following |w| (scaled to the
 * card's largest) and its colour the sign. Pure, so the geometry and the cap are unit tested
 * without a browser; NetworkView.tsx only draws it. The numbers are the engine's (LayerReading).
 */
import type { LayerReading } from '../../store/evaluate.ts';
import { cellName } from '../../inspector/weightGrid.ts';

/** Horizontal distance between columns (at least; a picture narrower than MIN_WIDTH is stretched), and the widest a column's unit spacing gets. */
const COL_DX = 60;
/** As wide as a layer card's body: a narrower picture (two or three columns) is stretched to it. */
const MIN_WIDTH = 188;
const MAX_ROW_DY = 26;
/** The tallest the units of a column spread (a 64-unit column is squeezed into it). */
const MAX_SPREAD = 240;
const PAD_X = 22;
const PAD_Y = 12;
/** Half the width of the band around a line that takes the pointer. */
const HIT_HALF_WIDTH = 4;
/** Line widths: thinnest (w near 0) and thickest (the card's largest |w|). */
const THINNEST = 0.6;
const THICKEST = 5;
/**
 * More weights than this and only the strongest are drawn (a 64-16 layer has 1,024): SVG lines
 * cost a few microseconds each to lay out and paint, and thousands of hair-thin lines read as a
 * grey block anyway. The view says how many it shows.
 */
export const MAX_LINES = 400;

export interface Unit {
  x: number;
  y: number;
  r: number;
  /** What the unit is: x1, a1[2], ... (1-based, as the lectures). */
  name: string;
}

export interface WeightLine {
  /** Layer (0-based), unit (row) and input (column) of the weight: W[layer][unit][input]. */
  layer: number;
  unit: number;
  input: number;
  /** Its name in the weight grid: W1[i,j]. */
  name: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** The number the line shows (w, or ∂L/∂w in gradient mode), and its weight and gradient. */
  shown: number;
  w: number;
  grad?: number;
  width: number;
  sign: 'pos' | 'neg' | 'zero';
  /** The band around the line that takes the pointer, as SVG polygon points. */
  hit: string;
}

export interface NetworkPicture {
  width: number;
  height: number;
  columns: Unit[][];
  /**
   * Drawn lines, in the weights' order (layer, unit, input) whatever their values, so that a new
   * snapshot in Train changes attributes but never reorders the SVG.
   */
  lines: WeightLine[];
  /** Weights in all, and the largest |shown| the widths are scaled to. */
  total: number;
  maxAbs: number;
}

/** Units of a column of n, spread over at most MAX_SPREAD around the middle height. */
function column(n: number, x: number, mid: number, name: (i: number) => string): Unit[] {
  const dy = n > 1 ? Math.min(MAX_ROW_DY, MAX_SPREAD / (n - 1)) : 0;
  const r = Math.max(1.5, Math.min(8, dy * 0.34 || 8));
  return Array.from({ length: n }, (_, i) => ({ x, y: mid + (i - (n - 1) / 2) * dy, r, name: name(i) }));
}

/** A thin quadrilateral around the segment from `a` to `b`, HIT_HALF_WIDTH to each side. */
function band(a: { x: number; y: number }, b: { x: number; y: number }): string {
  const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const nx = (-(b.y - a.y) / len) * HIT_HALF_WIDTH;
  const ny = ((b.x - a.x) / len) * HIT_HALF_WIDTH;
  const p = (x: number, y: number) => `${x.toFixed(1)},${y.toFixed(1)}`;
  return [p(a.x + nx, a.y + ny), p(b.x + nx, b.y + ny), p(b.x - nx, b.y - ny), p(a.x - nx, a.y - ny)].join(' ');
}

/** The picture of `layers` (one reading per layer); `gradient` draws ∂L/∂w instead of w where the reading has it. */
export function networkPicture(layers: readonly LayerReading[], gradient: boolean): NetworkPicture {
  const inputs = layers[0]?.W[0]?.length ?? 0;
  const counts = [inputs, ...layers.map((l) => l.W.length)];
  const spread = Math.max(...counts.map((n) => (n > 1 ? Math.min(MAX_ROW_DY * (n - 1), MAX_SPREAD) : 0)));
  const mid = PAD_Y + spread / 2;
  const dx = Math.max(COL_DX, (MIN_WIDTH - 2 * PAD_X) / Math.max(counts.length - 1, 1));
  const columns = counts.map((n, c) => column(n, PAD_X + c * dx, mid, (i) => (c === 0 ? `x${i + 1}` : `a${c}[${i + 1}]`)));
  const all: WeightLine[] = [];
  let maxAbs = 0;
  layers.forEach((l, L) => {
    const k = l.W[0]?.length ?? 0;
    l.W.forEach((row, j) =>
      row.forEach((w, i) => {
        const grad = l.gW?.[j]?.[i];
        const shown = gradient && grad !== undefined ? grad : w;
        if (Number.isFinite(shown)) maxAbs = Math.max(maxAbs, Math.abs(shown));
        const from = columns[L][i];
        const to = columns[L + 1][j];
        all.push({
          layer: L,
          unit: j,
          input: i,
          name: cellName(L, j, i, k),
          x1: from.x,
          y1: from.y,
          x2: to.x,
          y2: to.y,
          shown,
          w,
          grad,
          width: 0,
          hit: band(from, to),
          sign: shown > 0 ? 'pos' : shown < 0 ? 'neg' : 'zero',
        });
      }),
    );
  });
  const strength = (l: WeightLine) => (Number.isFinite(l.shown) ? Math.abs(l.shown) : 0);
  let lines = all;
  if (all.length > MAX_LINES) {
    const kept = new Set([...all].sort((a, b) => strength(b) - strength(a)).slice(0, MAX_LINES));
    lines = all.filter((l) => kept.has(l));
  }
  for (const l of lines) l.width = THINNEST + (maxAbs > 0 ? (THICKEST - THINNEST) * (strength(l) / maxAbs) : 0);
  return { width: 2 * PAD_X + (counts.length - 1) * dx, height: 2 * PAD_Y + spread, columns, lines, total: all.length, maxAbs };
}
