/**
 * The digit pad's arithmetic, apart from the DOM: a drawing becomes the 8×8 inputs of a digits
 * model the way the UCI handwritten digits were made (NIST's normalised 32×32 bitmaps, the "on"
 * pixels counted in 4×4 blocks, so 0-16 per pixel), and the model's class outputs are read back
 * from the canvas preview.
 */
import { lossRoles } from '../../../graph-engine/index.ts';
import type { Evaluation } from '../../store/evaluate.ts';

/** A stroke: the pointer's path, in pad units (0..1 across and down). */
export type Stroke = readonly { x: number; y: number }[];

const BITMAP = 32;
const BLOCK = 4;
/**
 * Half the pen's width in bitmap cells: strokes 6 of 32 cells wide, about one and a half blocks, as
 * in the UCI images (whose ink covers some 300 of the 1,024 cells; a drawn 7 then covers about 325).
 */
const PEN_RADIUS = 3;
/** A dot or a dash is not blown up to fill the box: the ink's extent counts as at least this. */
const MIN_EXTENT = 0.25;

/** Full scale of each pad-fed data set's pixels: the UCI counts 0-16, the glyphs' 0-1 ink. */
export const PAD_SCALE: Readonly<Record<string, number>> = { 'digits-real': 16, 'glyph-digits': 1 };

/**
 * The drawing as a 32×32 bitmap (row by row, 1 = ink), normalised as NIST's were: the ink's
 * bounding box scaled, aspect kept, until its longer side fills the bitmap, and centred.
 */
export function rasterize(strokes: readonly Stroke[]): Uint8Array {
  const out = new Uint8Array(BITMAP * BITMAP);
  const pts = strokes.flat();
  if (!pts.length) return out;
  const xs = pts.map((p) => p.x);
  const ys = pts.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = (BITMAP - 2 * PEN_RADIUS) / Math.max(x1 - x0, y1 - y0, MIN_EXTENT);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const map = (p: { x: number; y: number }) => ({ x: BITMAP / 2 + (p.x - cx) * scale, y: BITMAP / 2 + (p.y - cy) * scale });
  for (const stroke of strokes) {
    const s = stroke.map(map);
    for (let i = 0; i < s.length; i++) inkSegment(out, s[i], s[Math.min(i + 1, s.length - 1)]);
  }
  return out;
}

/** Inks every cell whose centre lies within the pen's radius of the segment a-b. */
function inkSegment(out: Uint8Array, a: { x: number; y: number }, b: { x: number; y: number }): void {
  const r = PEN_RADIUS;
  const c0 = Math.max(0, Math.floor(Math.min(a.x, b.x) - r));
  const c1 = Math.min(BITMAP - 1, Math.ceil(Math.max(a.x, b.x) + r));
  const r0 = Math.max(0, Math.floor(Math.min(a.y, b.y) - r));
  const r1 = Math.min(BITMAP - 1, Math.ceil(Math.max(a.y, b.y) + r));
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  for (let row = r0; row <= r1; row++) {
    for (let col = c0; col <= c1; col++) {
      const px = col + 0.5;
      const py = row + 0.5;
      const t = len2 > 0 ? Math.max(0, Math.min(1, ((px - a.x) * dx + (py - a.y) * dy) / len2)) : 0;
      const ex = a.x + t * dx - px;
      const ey = a.y + t * dy - py;
      if (ex * ex + ey * ey <= r * r) out[row * BITMAP + col] = 1;
    }
  }
}

/** The 8×8 pixels, row by row: ink cells counted per 4×4 block (0-16), times scale / 16. */
export function blockCounts(bitmap: Uint8Array, scale = 16): number[] {
  const n = BITMAP / BLOCK;
  const px = new Array<number>(n * n).fill(0);
  for (let row = 0; row < BITMAP; row++)
    for (let col = 0; col < BITMAP; col++) if (bitmap[row * BITMAP + col]) px[Math.floor(row / BLOCK) * n + Math.floor(col / BLOCK)]++;
  return px.map((c) => (c * scale) / (BLOCK * BLOCK));
}

export interface ClassOutputs {
  /** The loss's predictions in order (class 0 first), as the canvas preview computed them. */
  values: number[];
  /** True when they are probabilities (cross_entropy's inputs), false for logits. */
  probabilities: boolean;
}

/**
 * The model's class outputs for the shown sample: the loss's predictions (the engine's lossRoles)
 * read from the preview, through a layer's output port when a layer computes them.
 */
export function classOutputs(preview: Evaluation | undefined): ClassOutputs | undefined {
  const graph = preview?.graph;
  const roles = graph && lossRoles(graph);
  if (!preview || !graph || !roles || roles.predictions.length < 2) return undefined;
  const values = roles.predictions.map((n) => {
    const { id, origin } = graph.nodes[n];
    const layer = origin === undefined ? undefined : graph.macros.get(origin);
    const r = preview.results.get(layer ? origin! : id);
    return r ? (layer ? (r.outputs?.[layer.outputs.indexOf(id)]?.value ?? Number.NaN) : r.value) : Number.NaN;
  });
  return { values, probabilities: graph.nodes[graph.loss].op.name === 'cross_entropy' };
}
