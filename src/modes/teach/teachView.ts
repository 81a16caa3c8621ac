/**
 * What Teach mode shows on the canvas, derived from the stepper: node results with only what has
 * been computed so far (pending nodes have no value, gradients appear once final), highlight
 * classes for the unit being stepped and its edges, and edge labels (local derivative and
 * contribution) as they become known. Pure: every number is read from the engine's session.
 */
import type { Edge } from '@xyflow/react';
import { edgeGroupTerms, edgeKey, nodeLabel, type EdgeTerm, type Graph, type Model, type ModelEdge, type Session } from '../../../graph-engine/index.ts';
import { decimalSeparator, formatNumber } from '../../i18n/format.ts';
import { currentLanguage, t } from '../../i18n/i18n.ts';
import type { Evaluation, NodeResult } from '../../store/evaluate.ts';
import type { TeachState } from './teachStore.ts';
import { graphLossLabel } from '../../ui/nodeNames.ts';

export interface TeachEdgeData extends Record<string, unknown> {
  /** The local derivative's name, e.g. "∂u/∂c" (on the current step's edges). */
  name?: string;
  /** e.g. "= 3", or "×3" on a compact chip (absent until the source has been visited backward, or for macro inputs). */
  local?: string;
  /** The contribution upstream × local, e.g. "→ 9" (or "9" on a compact chip). */
  contribution?: string;
  /** A small chip (numbers only) rather than the full label of the current step's edges. */
  compact: boolean;
  /** Value flowing along the edge, shown while its target is being computed. */
  flowing?: string;
  title?: string;
  /** The chain-rule terms behind the chip, one per target output that reaches the loss (the engine's numbers). */
  terms?: NamedTerm[];
  /** The contribution as a number (the engine's, summed over the edge's graph edges). */
  value?: number;
  source: string;
  target: string;
}

/** An engine term with the name it has on screen: the card's label, with `.yk` on a layer of several outputs. */
export type NamedTerm = EdgeTerm & { name: string };

/**
 * The label of the canvas edge `e` (graph edges `g`) from the engine's terms: its local derivative
 * and contribution on the chip, the working in the tooltip. `full`: the whole label (the current
 * step's, a selected edge's) rather than a compact chip; `grads`: the loss's gradients are known.
 * Teach and Build's "Edge derivatives" both draw their chips with it. Undefined: nothing to show.
 */
export function edgeChip(
  graph: Graph,
  session: Session,
  g: number[],
  e: ModelEdge,
  labelOf: ReadonlyMap<string, string>,
  { full, grads }: { full: boolean; grads: boolean },
): Pick<TeachEdgeData, 'name' | 'local' | 'contribution' | 'title' | 'terms' | 'value'> | undefined {
  const target = labelOf.get(e.target) ?? e.target;
  const sName = `${labelOf.get(e.source) ?? e.source}${graph.macros.has(e.source) ? `.y${e.sourcePort ?? 0}` : ''}`;
  const lossLabel = graphLossLabel(graph);
  const { terms: raw, contribution } = edgeGroupTerms(session, g, e.target);
  const terms = raw.map((x): NamedTerm => ({ ...x, name: x.port === undefined ? target : `${target}.y${x.port}` }));
  const num = full ? fmt : short;
  const out: ReturnType<typeof edgeChip> = { terms, value: contribution };
  if (grads && (terms.length !== 1 || graph.reachesLoss[graph.edges[g[0]].target])) out.contribution = full ? `→ ${fmt(contribution)}` : short(contribution);
  if (terms.length === 1) {
    const { name, local, upstream } = terms[0];
    // Narrow enough to sit between two cards: name, local derivative, contribution, one per line.
    if (full) out.name = `∂${name}/∂${sName}`;
    out.local = full ? `= ${num(local)}` : `×${num(local)}`;
    out.title = t('teach.chip.local', { name, source: sName, local: exact(local) });
    if (grads)
      out.title += `\n${t('teach.chip.upstream', { loss: lossLabel, name, upstream: exact(upstream) })}\n${t('teach.chip.contribution', { loss: lossLabel, source: sName, upstream: exact(upstream), local: exact(local), contribution: exact(contribution) })}`;
    return out;
  }
  if (!grads) return undefined;
  // Several of the layer's outputs depend on this input: no single local derivative, so the chip
  // shows only the contribution and the tooltip spells out the sum over the outputs.
  const lines = terms.map((x) => `∂${lossLabel}/∂${x.name} × ∂${x.name}/∂${sName} = ${exact(x.upstream)} × ${exact(x.local)}`);
  out.title = `${t('teach.chip.intoLayer', { layer: target, outputs: terms.length, source: sName, loss: lossLabel, contribution: exact(contribution) })}\n${lines.join('\n')}`;
  return out;
}

export type TeachFlowEdge = Edge<TeachEdgeData, 'teach'>;

/** Above this many edges, only the edges of the current step carry labels. */
const LABEL_ALL_BELOW = 80;

export interface TeachView {
  evaluation: Evaluation;
  nodeClass: ReadonlyMap<string, string>;
  edgeClass: ReadonlyMap<string, string>;
  edgeData: ReadonlyMap<string, TeachEdgeData>;
}

const fmt = formatNumber;
/** Every digit of a number (tooltips give the full value), with the current language's decimal separator. */
const exact = (v: number) => String(v).replace('.', decimalSeparator(currentLanguage()));
/** Chips on edges that are not the current step's: 3 significant digits (full values in the tooltip and panel). */
const short = (v: number) => formatNumber(v, 3);

/** What the view reads of Teach's state. */
type TeachViewState = Pick<TeachState, 'source' | 'units' | 'stepper' | 'last'>;

/** Display results and highlights from the stepper's state (values are the engine's). */
export function buildTeachView(model: Model, evaluation: Evaluation, s: TeachViewState): TeachView | undefined {
  const { stepper: st, units } = s;
  if (!st || !units || s.source !== evaluation.graph) return undefined;
  const graph = units.graph;
  const session = st.session;
  const results = new Map<string, NodeResult>();
  const nodeClass = new Map<string, string>();
  const computedUnit = new Map<string, boolean>();
  const gradUnit = new Map<string, boolean>();
  const current = s.last?.unit;
  for (const [id, base] of evaluation.results) {
    const members = units.members.get(id);
    if (!members) {
      results.set(id, base);
      continue;
    }
    const computed = members.every((n) => st.isComputed(n));
    const graded = members.every((n) => st.hasGrad(n));
    computedUnit.set(id, computed);
    gradUnit.set(id, graded);
    const macro = graph.macros.get(id);
    const keepBadge = base.badge && (base.badge.kind === 'incomplete' || computed) ? { badge: base.badge } : {};
    let r: NodeResult;
    if (macro) {
      const outputs = (base.outputs ?? []).map((o, p) => {
        const n = graph.indexOf.get(macro.outputs[p]) ?? -1;
        const grad = n >= 0 && graded && graph.reachesLoss[n] ? session.grad(n) : undefined;
        return { name: o.name, value: n >= 0 && computed ? session.value(n) : Number.NaN, ...(grad !== undefined ? { grad } : {}) };
      });
      r = { ...base, value: outputs[0]?.value ?? Number.NaN, outputs, ...keepBadge };
      delete r.grad;
      if (outputs[0]?.grad !== undefined) r.grad = outputs[0].grad;
    } else {
      const n = members[0];
      r = { ...base, value: computed ? session.value(n) : Number.NaN, ...keepBadge };
      delete r.grad;
      if (!keepBadge.badge) delete r.badge;
      if (graded && graph.reachesLoss[n]) r.grad = session.grad(n);
    }
    if (!computed) r.pending = true;
    else delete r.pending;
    results.set(id, r);
    const cls = ['teach-node'];
    if (!computed) cls.push('teach-pending');
    if (graded && st.backwardDone > 0) cls.push('teach-graded');
    if (id === current) cls.push('teach-current', `teach-current--${s.last!.kind}`);
    nodeClass.set(id, cls.join(' '));
  }

  const edgeClass = new Map<string, string>();
  const edgeData = new Map<string, TeachEdgeData>();
  const labelAll = model.edges.length < LABEL_ALL_BELOW;
  const labelOf = new Map(model.nodes.map((n) => [n.id, nodeLabel(n)]));
  model.edges.forEach((e, i) => {
    const key = edgeKey(e);
    const g = units.edgesOfModel[i] ?? [];
    const active = s.last?.kind === 'forward' ? e.target === current : s.last?.kind === 'backward' ? e.source === current : false;
    if (active) edgeClass.set(key, `teach-edge-active teach-edge-active--${s.last!.kind}`);
    if (!active && !labelAll) return;
    // Edges into or out of a collapsed layer run close together (several ports on one card): only
    // the current step's carry labels there, so chips never pile up on each other or on the cards.
    if (!active && (graph.macros.has(e.source) || graph.macros.has(e.target))) return;
    const data: TeachEdgeData = { source: e.source, target: e.target, compact: !active };
    const src = g.length ? graph.edges[g[0]].source : -1;
    if (active && s.last?.kind === 'forward' && src >= 0 && st.isComputed(src)) data.flowing = fmt(session.value(src));
    const known = g.length > 0 && g.every((k) => st.hasGrad(graph.edges[k].source)) && g.some((k) => graph.reachesLoss[graph.edges[k].target]);
    if (known) Object.assign(data, edgeChip(graph, session, g, e, labelOf, { full: active, grads: true }));
    if (data.local || data.contribution || data.flowing) edgeData.set(key, data);
  });
  return { evaluation: { ...evaluation, results }, nodeClass, edgeClass, edgeData };
}
