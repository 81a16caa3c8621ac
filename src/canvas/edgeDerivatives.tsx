/**
 * Build mode's "Edge derivatives": off until turned on (the choice is kept across visits); when on, each edge carries a chip with its local
 * derivative (and its contribution to the loss's gradient when there is a loss), and a selected
 * edge shows the full label (name, local derivative, contribution) with the upstream gradient in
 * its tooltip, as Teach does after a full backward pass. The numbers are the engine's: the
 * evaluation's session and the same per-edge terms Teach uses (true derivatives across layers).
 */
import { useMemo } from 'react';
import { create } from 'zustand';
import { Panel, useStore, type Edge } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { edgeKey, nodeLabel, type Model } from '../../graph-engine/index.ts';
import type { Evaluation } from '../store/evaluate.ts';
import { edgeChip, type TeachEdgeData } from '../modes/teach/teachView.ts';
import { teachingUnits } from '../modes/teach/units.ts';
import { ChipSpread } from '../modes/teach/chipSpread.ts';
import { readFlag, writeFlag } from '../store/preferences.ts';
import { useLanguage } from '../i18n/i18n.ts';
import { graphLossLabel } from '../ui/nodeNames.ts';
import { EDGE_TIP_ID, EdgeDerivativeTip, type EdgeTipNames } from './EdgeDerivativeTip.tsx';

/** The toggle's state, kept across visits: a teacher who turns the chips on wants them next time. */
const PREF = 'edge-derivatives';
const useEdgeDerivatives = create<{ on: boolean; toggle: () => void }>((set) => ({
  on: readFlag(PREF, false),
  toggle: () =>
    set((s) => {
      writeFlag(PREF, !s.on);
      return { on: !s.on };
    }),
}));

/** Above this many edges only selected edges carry chips (as Teach labels every edge only below it). */
const CHIPS_ALL_BELOW = 80;

/** Chip data per edge key, from the evaluation's session. */
function edgeDerivativeChips(model: Model, evaluation: Evaluation, selected: ReadonlySet<string>): Map<string, TeachEdgeData> {
  const chips = new Map<string, TeachEdgeData>();
  const { graph, session } = evaluation;
  if (!graph || !session) return chips;
  const grads = session.hasGrads;
  const { edgesOfModel } = teachingUnits(graph);
  const labelOf = new Map(model.nodes.map((n) => [n.id, nodeLabel(n)]));
  const all = model.edges.length < CHIPS_ALL_BELOW;
  model.edges.forEach((e, i) => {
    const key = edgeKey(e);
    const full = selected.has(key);
    const g = edgesOfModel[i] ?? [];
    if ((!all && !full) || !g.length || g.some((k) => graph.incomplete.has(graph.edges[k].target))) return;
    const chip = edgeChip(graph, session, g, e, labelOf, { full, grads });
    if (!chip) return;
    // The numbers' working is in the tooltip (EdgeDerivativeTip), not a native title.
    const names: EdgeTipNames = {
      sourceName: `${labelOf.get(e.source) ?? e.source}${graph.macros.has(e.source) ? `.y${e.sourcePort ?? 0}` : ''}`,
      targetName: labelOf.get(e.target) ?? e.target,
      ...(grads ? { lossLabel: graphLossLabel(graph) } : {}),
    };
    const data: TeachEdgeData = { source: e.source, target: e.target, compact: !full, ...chip, title: undefined, ...names };
    chips.set(key, data);
  });
  return chips;
}

/** The edges with chips when the toggle is on in Build mode; the edges unchanged otherwise. */
export function useEdgeDerivativeEdges(edges: Edge[], model: Model, evaluation: Evaluation, selected: ReadonlySet<string>, build: boolean): Edge[] {
  const on = useEdgeDerivatives((s) => s.on) && build;
  // The chips carry their tooltips' words, so a language switch redraws them.
  const lang = useLanguage();
  // biome-ignore lint/correctness/useExhaustiveDependencies: lang is read by edgeChip through t()
  const chips = useMemo(() => (on ? edgeDerivativeChips(model, evaluation, selected) : undefined), [on, model, evaluation, selected, lang]);
  // Each chipped edge is described by the tooltip too (with React Flow's own keyboard hint).
  const rfId = useStore((s) => s.rfId);
  return useMemo(() => {
    if (!chips) return edges;
    const describedBy = `react-flow__edge-desc-${rfId} ${EDGE_TIP_ID}`;
    return edges.map((e) => {
      const data = chips.get(e.id);
      // Keeps the edge's own attributes (its role, named in the current language).
      return data ? { ...e, type: 'teach', data, domAttributes: { ...e.domAttributes, 'aria-describedby': describedBy } } : e;
    });
  }, [edges, chips, rfId]);
}

/** The toggle, at the canvas's top right. */
export function EdgeDerivativesToggle() {
  const { on, toggle } = useEdgeDerivatives();
  const { t } = useTranslation();
  return (
    <Panel position="top-right">
      <button type="button" className="teach-toggle" aria-pressed={on} onClick={toggle} title={t('canvas.edgeDerivatives.title')}>
        {t('canvas.edgeDerivatives.name')}
      </button>
      {on && <ChipSpread />}
      {on && <EdgeDerivativeTip />}
    </Panel>
  );
}
