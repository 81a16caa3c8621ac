/**
 * The weights of a collapsed neuron, dense or mlp node, one grid per layer: rows are units,
 * columns inputs, the bias its own last column, each cell named in the lecture's notation
 * (`W1[i,j]`, `b1[i]`). Typing a number and pressing Enter or Tab (or leaving the cell) stores
 * it as one undo step; arrow keys move; a pasted block fills from the focused cell. ∂L/∂w, read
 * from the evaluation, shows under each weight when there is a loss. The rules are weightGrid.ts.
 */
import { useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { t as translate } from '../i18n/i18n.ts';
import { numberText } from '../ui/numberText.ts';
import { getOp, initMacroParams, type ModelNode } from '../../graph-engine/index.ts';
import { formatNumber } from '../i18n/format.ts';
import type { LayerReading } from '../store/evaluate.ts';
import { editorStore } from '../store/useEditor.ts';
import {
  cellName,
  columnSeparator,
  layersOfAttrs,
  moveCell,
  paramAttrs,
  pasteEdits,
  readBlock,
  readCell,
  withCells,
  withLayer,
  zeroLayer,
  type CellEdit,
  type LayerParams,
} from './weightGrid.ts';

/** The seeded initial weights the engine draws for this node (docs/format.md, "Initialisation"). */
function seededLayers(node: ModelNode): LayerParams[] | undefined {
  const { model } = editorStore.getState();
  const drop = getOp(node.op)?.macro?.paramAttrs ?? [];
  const bare = { ...node, attrs: Object.fromEntries(Object.entries(node.attrs ?? {}).filter(([k]) => !drop.includes(k))) };
  const fresh = initMacroParams({ ...model, nodes: model.nodes.map((n) => (n.id === node.id ? bare : n)) });
  const drawn = fresh.nodes.find((n) => n.id === node.id);
  return drawn && layersOfAttrs(node.op, drawn.attrs ?? {});
}

interface Draft {
  row: number;
  col: number;
  text: string;
}

const cellId = (node: string, layer: number, row: number, col: number) => `wgrid-${node}-${layer}-${row}-${col}`;

/**
 * Focuses cell (row, col) of layer `layer` in `node`'s grid (the network view's click on a line).
 * The grid may be a few frames from mounting (the node was just selected): it is looked for on
 * each frame for about half a second.
 */
export function focusWeightCell(node: string, layer: number, row: number, col: number, frames = 30): void {
  const cell = document.getElementById(cellId(node, layer, row, col));
  if (cell) {
    cell.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    cell.focus();
    return;
  }
  if (frames > 0) requestAnimationFrame(() => focusWeightCell(node, layer, row, col, frames - 1));
}

/** Every layer's grid for `node`, from the evaluation's reading of its parameters. */
export function WeightGrids({ node, layers, lossName }: { node: ModelNode; layers: readonly LayerReading[]; lossName?: string }) {
  const { t } = useTranslation();
  const store = () => editorStore.getState();
  // The layers as the store holds them now, not as last drawn: two quick edits (Tab, then typing
  // in the next cell) must each build on the other.
  const current = (): LayerParams[] => (store().evaluation.results.get(node.id)?.layers ?? layers).map((l) => ({ W: l.W, b: l.b }));
  const save = (next: LayerParams[], label: string) => store().setMacroParams(node.id, paramAttrs(node.op, next), label);
  return (
    <div className="wgrids">
      <h3>{t('inspector.weights.heading')}</h3>
      <p className="muted small">
        {t('inspector.weights.help')} {t('inspector.weights.pasteHelp')}
        {lossName && layers[0]?.gW && ` ${t('inspector.weights.gradHelp', { loss: lossName })}`}
      </p>
      {layers.map((l, L) => (
        <LayerGrid
          key={L}
          node={node}
          layer={L}
          reading={l}
          lossName={lossName}
          onCells={(edits, label) => save(withCells(current(), L, edits), label)}
          onInitialize={() => {
            const seeded = seededLayers(node);
            if (seeded?.[L]) save(withLayer(current(), L, seeded[L]), t('inspector.weights.undo.initialize', { n: L + 1 }));
          }}
          onZero={() => save(withLayer(current(), L, zeroLayer(current()[L])), t('inspector.weights.undo.zero', { n: L + 1 }))}
        />
      ))}
    </div>
  );
}

interface LayerGridProps {
  node: ModelNode;
  layer: number;
  reading: LayerReading;
  lossName?: string;
  onCells(edits: CellEdit[], label: string): void;
  onInitialize(): void;
  onZero(): void;
}

function LayerGrid({ node, layer: L, reading, lossName, onCells, onInitialize, onZero }: LayerGridProps) {
  const { t } = useTranslation();
  const units = reading.W.length;
  const k = reading.W[0]?.length ?? 0;
  const size = { units, cols: k + 1 };
  const [editing, setEditingState] = useState<Draft>();
  // The text being typed into one cell, also read synchronously: leaving a cell (blur) right
  // after Enter or an arrow key must not store it twice.
  const draft = useRef<Draft>(undefined);
  const setEditing = (d: Draft | undefined) => {
    draft.current = d;
    setEditingState(d);
  };
  const [problem, setProblem] = useState<string>();
  const valueAt = (row: number, col: number) => (col === k ? reading.b[row] : reading.W[row][col]);
  const gradAt = (row: number, col: number) => (col === k ? reading.gb?.[row] : reading.gW?.[row][col]);
  const name = (row: number, col: number) => cellName(L, row, col, k);
  const focus = (row: number, col: number) => document.getElementById(cellId(node.id, L, row, col))?.focus();

  /** Stores the cell's text; false (with the reason shown) when it is not a number. */
  const commit = (row: number, col: number): boolean => {
    const d = draft.current;
    if (!d || d.row !== row || d.col !== col) return true;
    const cell = readCell(d.text);
    if ('problem' in cell) {
      setProblem(translate('inspector.weights.cellProblem', { cell: name(row, col), problem: cell.problem, value: numberText(valueAt(row, col)) }));
      return false;
    }
    setProblem(undefined);
    if (!Object.is(cell.value, valueAt(row, col)))
      onCells([{ row, col, value: cell.value }], translate('inspector.weights.undo.edit', { cell: name(row, col) }));
    setEditing(undefined);
    return true;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>, row: number, col: number) => {
    const input = e.currentTarget;
    if (e.key === 'Enter' || e.key === 'Tab') {
      if (!commit(row, col)) e.preventDefault();
      return;
    }
    if (e.key === 'Escape') {
      // Puts the number back, and stays in the inspector (Escape elsewhere clears the selection).
      e.stopPropagation();
      setEditing(undefined);
      setProblem(undefined);
      return;
    }
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length && input.selectionEnd === input.value.length;
    const sideways = (e.key === 'ArrowLeft' && atStart) || (e.key === 'ArrowRight' && atEnd);
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown' || sideways) {
      const to = moveCell({ row, col }, e.key, size);
      if (to.row === row && to.col === col) return;
      e.preventDefault();
      if (commit(row, col)) focus(to.row, to.col);
    }
  };

  const onPaste = (e: ClipboardEvent<HTMLInputElement>, row: number, col: number) => {
    const text = e.clipboardData.getData('text/plain');
    // One number pastes into the cell's text like typing; a block fills the grid.
    const trimmed = text.trim();
    if (!trimmed.includes('\n') && trimmed.split(columnSeparator()).length < 2) return;
    e.preventDefault();
    const block = readBlock(text);
    const edits = 'rows' in block ? pasteEdits(block.rows, { row, col }, size) : block;
    if ('problem' in edits) {
      setProblem(edits.problem);
      return;
    }
    setProblem(undefined);
    setEditing(undefined);
    onCells(edits.edits, translate('inspector.weights.undo.paste', { n: L + 1 }));
  };

  const cols = Array.from({ length: k + 1 }, (_, c) => c);
  return (
    <section className="wgrid" aria-label={t('inspector.weights.layer', { n: L + 1 })}>
      <div className="wgrid__head">
        <span className="wgrid__title">
          {t('inspector.weights.layerTitle', { n: L + 1 })} · {units}×{k}
        </span>
        <button type="button" onClick={onInitialize} title={t('inspector.weights.initializeTitle')}>
          {t('inspector.weights.initialize')}
        </button>
        <button type="button" onClick={onZero} title={t('inspector.weights.zeroTitle')}>
          {t('inspector.weights.zero')}
        </button>
      </div>
      <div className="wgrid__scroll">
        <table>
          <thead>
            <tr>
              <th scope="col" />
              {cols.map((c) => (
                <th key={c} scope="col">
                  {c === k ? 'b' : L === 0 ? `x${c + 1}` : `a${L}[${c + 1}]`}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {reading.W.map((_, row) => (
              <tr key={row}>
                <th scope="row">{row + 1}</th>
                {cols.map((col) => {
                  const here = editing?.row === row && editing.col === col;
                  const v = valueAt(row, col);
                  const g = gradAt(row, col);
                  return (
                    <td key={col} className={col === k ? 'wgrid__bias' : undefined}>
                      <input
                        id={cellId(node.id, L, row, col)}
                        className="nodrag"
                        aria-label={name(row, col)}
                        inputMode="decimal"
                        spellCheck={false}
                        title={`${name(row, col)} = ${numberText(v)}`}
                        value={here ? editing.text : formatNumber(v)}
                        // Focus selects the shown number, so typing replaces it; the text is left
                        // alone (changing it on focus raced with the first keystrokes).
                        onFocus={(e) => e.currentTarget.select()}
                        onChange={(e) => {
                          setEditing({ row, col, text: e.target.value });
                          setProblem(undefined);
                        }}
                        onKeyDown={(e) => onKeyDown(e, row, col)}
                        onPaste={(e) => onPaste(e, row, col)}
                        onBlur={() => {
                          commit(row, col);
                          setEditing(undefined);
                        }}
                      />
                      {g !== undefined && (
                        <span
                          className="wgrid__grad"
                          aria-label={`∂${lossName ?? 'L'}/∂${name(row, col)}`}
                          title={`∂${lossName ?? 'L'}/∂${name(row, col)} = ${numberText(g)}`}
                        >
                          {formatNumber(g)}
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {problem && (
        <p className="field__error" role="status">
          {problem}
        </p>
      )}
    </section>
  );
}
