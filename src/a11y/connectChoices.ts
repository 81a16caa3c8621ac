/**
 * What keyboard wiring offers (KeyboardConnect.tsx): the outputs of the card the connection starts
 * from, then every free or wired input port on the other cards, in reading order, with type-ahead.
 * Pure: from the model and the editor's evaluation (which says how many input handles each card
 * draws, and their names), so that the choices are exactly the handles the mouse can reach.
 */
import { nodeLabel, type Model } from '../../graph-engine/index.ts';
import { t } from '../i18n/i18n.ts';
import type { Evaluation } from '../store/evaluate.ts';
import type { Connection } from '../store/modelEdits.ts';
import { inputHandleId, inputOfHandle } from '../canvas/flowElements.ts';

export interface OutputChoice {
  sourcePort: number;
  /** "y1" on a layer with several outputs; "" for a card's single output. */
  name: string;
}

export interface TargetChoice {
  target: string;
  targetLabel: string;
  /** The row of the input handle on the card, and its handle id (for drawing the marker). */
  row: number;
  handle: string;
  portName: string;
  /** The connection Enter makes. */
  connection: Connection;
  /** The label of the card wired into this port now, if any: Enter replaces that wire, as a drag does. */
  wiredFrom?: string;
}

/** The outputs a connection from `source` can start at (one for most cards, one per output for a layer). */
export function outputChoices(evaluation: Evaluation, source: string): OutputChoice[] {
  const outputs = evaluation.results.get(source)?.outputs;
  if (!outputs || outputs.length < 2) return [{ sourcePort: 0, name: '' }];
  return outputs.map((o, p) => ({ sourcePort: p, name: o.name }));
}

/** Every input port on the cards other than `source`, left to right then top to bottom, each card's ports in order. */
export function targetChoices(model: Model, evaluation: Evaluation, source: string, sourcePort = 0): TargetChoice[] {
  const labels = new Map(model.nodes.map((n) => [n.id, nodeLabel(n)]));
  const pos = (id: string) => model.nodes.find((n) => n.id === id)?.position ?? { x: 0, y: 0 };
  const others = model.nodes.filter((n) => n.id !== source);
  others.sort((a, b) => pos(a.id).x - pos(b.id).x || pos(a.id).y - pos(b.id).y);
  const choices: TargetChoice[] = [];
  for (const n of others) {
    const r = evaluation.results.get(n.id);
    const rows = r?.ports ?? 0;
    for (let row = 0; row < rows; row++) {
      const handle = inputHandleId(row, rows, r?.freePair);
      const { port, newPair } = inputOfHandle(handle);
      const wired = newPair ? undefined : model.edges.find((e) => e.target === n.id && e.port === port);
      choices.push({
        target: n.id,
        targetLabel: labels.get(n.id) ?? n.id,
        row,
        handle,
        portName: r?.portNames?.[row] ?? String(row + 1),
        connection: { source, target: n.id, port, ...(sourcePort ? { sourcePort } : {}), ...(newPair ? { newPair } : {}) },
        ...(wired ? { wiredFrom: labels.get(wired.source) ?? wired.source } : {}),
      });
    }
  }
  return choices;
}

/**
 * Type-ahead: the choices whose card label starts with the query (case-insensitive), then those
 * whose label or "label port" contains it, so "u" finds u before sum and "v b" finds v's port b.
 */
export function filterChoices(choices: readonly TargetChoice[], query: string): TargetChoice[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...choices];
  const key = (c: TargetChoice) => `${c.targetLabel} ${c.portName}`.toLowerCase();
  const starts = choices.filter((c) => key(c).startsWith(q));
  const contains = choices.filter((c) => !key(c).startsWith(q) && key(c).includes(q));
  return [...starts, ...contains];
}

/** A choice in words, as the list shows it and the live region reads it. */
export function choiceText(c: TargetChoice): string {
  return c.wiredFrom
    ? t('a11y.connect.choiceWired', { card: c.targetLabel, port: c.portName, from: c.wiredFrom })
    : t('a11y.connect.choice', { card: c.targetLabel, port: c.portName });
}
