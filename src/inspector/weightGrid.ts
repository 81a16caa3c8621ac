/**
 * The weight grids of a collapsed neuron, dense or mlp node, as data: the lecture's names of the
 * cells, the attrs an edit writes, and the blocks a paste reads. Pure, so the rules are unit
 * tested without a browser. The grid edits exactly the macro's stored `W`/`b` (or `w`/`b`) attrs
 * (docs/format.md), so collapsed edits, expanded edits and the file are the same numbers.
 *
 * Layer L (1-based) is a units × (inputs + 1) grid: rows are units, columns inputs, and the last
 * column is the bias, as in the lectures (W¹ is 2×2 for a 2-2 layer).
 */
import { getOp, type LayerParams } from '../../graph-engine/index.ts';
import { parseDecimal } from '../ui/numberText.ts';
import { currentLanguage, t } from '../i18n/i18n.ts';
import { decimalSeparator } from '../i18n/format.ts';

export type { LayerParams };

/** The lecture's name of a cell, 1-based: `W1[i,j]` is the weight from input j to unit i of layer 1. */
const weightName = (layer: number, unit: number, input: number) => `W${layer + 1}[${unit + 1},${input + 1}]`;
const biasName = (layer: number, unit: number) => `b${layer + 1}[${unit + 1}]`;
/** Column `col` of layer `layer`'s grid: a weight, or the bias in the last column. */
export const cellName = (layer: number, unit: number, col: number, inputs: number) => (col === inputs ? biasName(layer, unit) : weightName(layer, unit, col));

/** One cell set to a value: row = unit, col = input, or `inputs` for the bias. */
export interface CellEdit {
  row: number;
  col: number;
  value: number;
}

/** The layers with the edits applied to layer `layer` (new arrays; the rest shared). */
export function withCells(layers: readonly LayerParams[], layer: number, edits: readonly CellEdit[]): LayerParams[] {
  return layers.map((l, L) => {
    if (L !== layer) return l;
    const W = l.W.map((r) => [...r]);
    const b = [...l.b];
    const k = l.W[0]?.length ?? 0;
    for (const e of edits) {
      if (e.col === k) b[e.row] = e.value;
      else W[e.row][e.col] = e.value;
    }
    return { W, b };
  });
}

/** Layer `layer` set to given params (Initialize) or all zeros (Zero). */
export function withLayer(layers: readonly LayerParams[], layer: number, params: LayerParams): LayerParams[] {
  return layers.map((l, L) => (L === layer ? params : l));
}

export const zeroLayer = (l: LayerParams): LayerParams => ({ W: l.W.map((r) => r.map(() => 0)), b: l.b.map(() => 0) });

/** The attrs that store these layers for macro `op` (the macro's own attrsOf: neuron `w`/`b`, ...). */
export function paramAttrs(op: string, layers: readonly LayerParams[]): Record<string, unknown> {
  return getOp(op)?.macro?.attrsOf?.(layers) ?? {};
}

/** The layers stored in attrs for macro `op` (the macro's own layersOf), when they are all there. */
export function layersOfAttrs(op: string, attrs: Readonly<Record<string, unknown>>): LayerParams[] | undefined {
  return getOp(op)?.macro?.layersOf?.(attrs);
}

/** A typed cell: its number, or why it is refused. */
export function readCell(text: string): { value: number } | { problem: string } {
  if (text.trim() === '') return { problem: t('inspector.weights.cell.empty') };
  const v = parseDecimal(text);
  if (Number.isNaN(v)) return { problem: t('inspector.weights.cell.notNumber', { text: text.trim() }) };
  if (!Number.isFinite(v)) return { problem: t('inspector.weights.cell.tooLarge', { text: text.trim() }) };
  // -0 is 0: a file (JSON) cannot hold -0, so the grid never stores one that Save would change.
  return { value: v === 0 ? 0 : v };
}

/**
 * What separates a pasted block's columns: tabs, semicolons and spaces, and commas too where the
 * language writes a decimal point. Where it writes a decimal comma (Spanish: "0,5\t-1,25") a comma
 * is part of a number, as a spreadsheet in that language copies it.
 */
export const columnSeparator = (): RegExp => (decimalSeparator(currentLanguage()) === ',' ? /[\t; ]+/ : /[\t,; ]+/);

/**
 * A pasted block of numbers: rows split by newlines, columns by `columnSeparator` (as a
 * spreadsheet or a lecture's matrix copies). Blank lines at the ends are dropped. Refused as a
 * whole, naming the first bad entry, so a paste changes all of its cells or none.
 */
export function readBlock(text: string): { rows: number[][] } | { problem: string } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  while (lines.length && lines[0].trim() === '') lines.shift();
  if (lines.length === 0) return { problem: t('inspector.weights.paste.empty') };
  const rows: number[][] = [];
  const columns = columnSeparator();
  for (const [r, line] of lines.entries()) {
    const row: number[] = [];
    for (const word of line.split(columns).filter((w) => w !== '')) {
      const cell = readCell(word);
      if ('problem' in cell) return { problem: t('inspector.weights.paste.row', { row: r + 1, problem: cell.problem }) };
      row.push(cell.value);
    }
    rows.push(row);
  }
  return { rows };
}

/**
 * The edits a pasted block makes, its top-left at (row, col) of a units × cols grid; refused when
 * it does not fit, saying how large it is and how much room there is.
 */
export function pasteEdits(
  rows: readonly number[][],
  at: { row: number; col: number },
  size: { units: number; cols: number },
): { edits: CellEdit[] } | { problem: string } {
  const height = rows.length;
  const width = Math.max(...rows.map((r) => r.length));
  const roomDown = size.units - at.row;
  const roomRight = size.cols - at.col;
  if (height > roomDown || width > roomRight) {
    return {
      problem: t('inspector.weights.paste.tooBig', { height, width, down: roomDown, right: roomRight }),
    };
  }
  return { edits: rows.flatMap((r, i) => r.map((value, j) => ({ row: at.row + i, col: at.col + j, value }))) };
}

/** Where an arrow key moves the focus in a units × cols grid (it stays at the edges). */
export function moveCell(at: { row: number; col: number }, key: string, size: { units: number; cols: number }): { row: number; col: number } {
  const clamp = (v: number, n: number) => Math.max(0, Math.min(n - 1, v));
  if (key === 'ArrowUp') return { row: clamp(at.row - 1, size.units), col: at.col };
  if (key === 'ArrowDown') return { row: clamp(at.row + 1, size.units), col: at.col };
  if (key === 'ArrowLeft') return { row: at.row, col: clamp(at.col - 1, size.cols) };
  if (key === 'ArrowRight') return { row: at.row, col: clamp(at.col + 1, size.cols) };
  return at;
}
