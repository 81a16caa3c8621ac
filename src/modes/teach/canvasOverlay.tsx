/**
 * What Teach mode changes on the canvas: node cards show only what the stepper has computed so far
 * (pending nodes are dimmed, gradients appear once final), the node being stepped and its edges are
 * highlighted, edges carry their local derivative and contribution once known (a custom edge with
 * a label), and the step's formula stays in a caption above the canvas until the next step.
 */
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, Panel, type Edge, type EdgeProps } from '@xyflow/react';
import type { Evaluation } from '../../store/evaluate.ts';
import { useEditor } from '../../store/useEditor.ts';
import { Formula } from '../../inspector/Formula.tsx';
import { nodeLabel } from '../../../graph-engine/index.ts';
import { signedNumber } from '../../i18n/format.ts';
import { useLanguage } from '../../i18n/i18n.ts';
import { localizeTexWords } from './texWords.ts';
import { collapsedBackwardTex } from './units.ts';
import { buildTeachView, type TeachEdgeData, type TeachFlowEdge } from './teachView.ts';
import { useTeach } from './useTeach.ts';
import { ChipSpread } from './chipSpread.ts';
import './teach.css';

/**
 * Presentation's fit: the whole graph on screen, zoomed in further than the editor's fit allows,
 * and clear of the zoom controls in the bottom-left corner (15 px in, 32 px wide).
 */
export const PRESENTATION_FIT = { padding: { top: 0.06, right: 0.06, bottom: 0.06, left: '64px' }, maxZoom: 2.5, minZoom: 0.05 } as const;

/** Fit View's options on the canvas: Presentation's larger fit while it is on. */
export function useTeachFitOptions() {
  const on = useTeach((s) => s.presentation);
  const mode = useEditor((s) => s.mode);
  return on && mode === 'teach' ? PRESENTATION_FIT : undefined;
}

/**
 * The canvas's Teach overlay, or undefined outside Teach mode. `decorateNodes`/`decorateEdges`
 * reuse objects when nothing changed, so React Flow only re-renders what a step touched.
 */
export function useTeachCanvas(evaluation: Evaluation) {
  const mode = useEditor((s) => s.mode);
  const model = useEditor((s) => s.model);
  const source = useTeach((s) => s.source);
  const units = useTeach((s) => s.units);
  const stepper = useTeach((s) => s.stepper);
  const last = useTeach((s) => s.last);
  const version = useTeach((s) => s.version);
  // Chips and their tooltips are written in the current language.
  const lang = useLanguage();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the stepper is mutable; version says it moved; lang rewrites the chips.
  const view = useMemo(
    () => (mode === 'teach' ? buildTeachView(model, evaluation, { source, units, stepper, last }) : undefined),
    [mode, model, evaluation, source, units, stepper, last, version, lang],
  );
  const nodeCache = useRef(new Map<string, { src: unknown; cls?: string; out: unknown }>());
  const edgeCache = useRef(new Map<string, { src: unknown; cls?: string; data?: TeachEdgeData; out: unknown }>());
  return useMemo(() => {
    if (!view) return undefined;
    return {
      evaluation: view.evaluation,
      decorateNodes<N extends { id: string; className?: string }>(nodes: N[]): N[] {
        const next = new Map<string, { src: unknown; cls?: string; out: unknown }>();
        const out = nodes.map((n) => {
          const cls = view.nodeClass.get(n.id);
          const prev = nodeCache.current.get(n.id);
          const made = prev && prev.src === n && prev.cls === cls ? (prev.out as N) : cls ? { ...n, className: cls } : n;
          next.set(n.id, { src: n, cls, out: made });
          return made;
        });
        nodeCache.current = next;
        return out;
      },
      decorateEdges(edges: Edge[]): Edge[] {
        const next = new Map<string, { src: unknown; cls?: string; data?: TeachEdgeData; out: unknown }>();
        const out = edges.map((e) => {
          const cls = view.edgeClass.get(e.id);
          const data = view.edgeData.get(e.id);
          const prev = edgeCache.current.get(e.id);
          const same = prev && prev.src === e && prev.cls === cls && JSON.stringify(prev.data) === JSON.stringify(data);
          const made = same ? (prev.out as Edge) : { ...e, type: 'teach', className: cls, data: data ?? { source: e.source, target: e.target, compact: true } };
          next.set(e.id, { src: e, cls, data, out: made });
          return made;
        });
        edgeCache.current = next;
        return out;
      },
    };
  }, [view]);
}

/**
 * Edges into neighbouring ports of one card run side by side, so their labels would land on top
 * of each other: even ports put theirs just above the edge's midpoint, odd ports just below.
 */
const labelAnchor = (targetHandleId: string | null | undefined) => (Number(/\d+$/.exec(targetHandleId ?? '')?.[0] ?? 0) % 2 ? '4px' : 'calc(-100% - 4px)');

function TeachEdgeView({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  targetHandleId,
  markerEnd,
  style,
  data,
}: EdgeProps<TeachFlowEdge>) {
  const [path, lx, ly] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const show = data && (data.local || data.contribution || data.flowing);
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={style} />
      {show && (
        <EdgeLabelRenderer>
          <div
            className={`teach-edge-label nodrag nopan${data.compact ? ' is-compact' : ''}${data.flowing && !data.local ? ' is-flow' : ''}`}
            style={{ transform: `translate(-50%, ${labelAnchor(targetHandleId)}) translate(${lx}px, ${ly}px)` }}
            data-testid="edge-label"
            data-source={data.source}
            data-target={data.target}
            title={data.title}
          >
            {data.flowing && !data.local && (
              <span className="teach-edge-label__flow" data-testid="edge-flow">
                {data.flowing}
              </span>
            )}
            {data.name && (
              <span className="teach-edge-label__name" data-testid="edge-name">
                {data.name}
              </span>
            )}
            {data.local && (
              <span className="teach-edge-label__local" data-testid="edge-local">
                {data.local}
              </span>
            )}
            {data.contribution && (
              <span className="teach-edge-label__contrib" data-testid="edge-contribution">
                {data.contribution}
              </span>
            )}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const TeachEdge = memo(TeachEdgeView);

/**
 * The current step's formula in a caption at the top of the canvas. It stays until the next step
 * (or step back) replaces it, so a class can read it at its own pace.
 */
export function TeachCanvasLayer() {
  const { t } = useTranslation();
  const last = useTeach((s) => s.last);
  const st = useTeach((s) => s.stepper);
  const nodes = useEditor((s) => s.model.nodes);
  const labels = useMemo(() => new Map(nodes.map((n) => [n.id, nodeLabel(n)])), [nodes]);
  const title = last ? (labels.get(last.unit) ?? last.unit) : undefined;
  if (!last) return <ChipSpread />;
  const step = last.steps[0];
  let tex: string | undefined;
  let text: string | undefined;
  if (last.macro) {
    const layer = { title, nodes: last.steps.length };
    if (last.kind === 'forward') text = t('teach.caption.layerForward', layer);
    else if (last.inputGrads?.length)
      text = t('teach.caption.layerBackwardInputs', {
        ...layer,
        grads: last.inputGrads.map((g) => signedNumber(g)).join(t('teach.listSeparator')),
      });
    else text = t('teach.caption.layerBackward', layer);
  } else if (step?.kind === 'backward' && st) tex = localizeTexWords(collapsedBackwardTex(st.graph, step, (id) => labels.get(id) ?? id));
  else if (step) tex = localizeTexWords(step.latex);
  return (
    <>
      <ChipSpread />
      <Caption kind={last.kind} tex={tex} text={text} />
    </>
  );
}

/** The caption, shrunk to fit the canvas's width so the result at the end is always visible. */
function Caption({ kind, tex, text }: { kind: string; tex?: string; text?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(1);
  useLayoutEffect(() => setScale(1), [tex, text]);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fit = () => {
      const pane = el.closest('.react-flow');
      const inner = el.querySelector('.formula, .teach-caption__text') as HTMLElement | null;
      if (!pane || !inner) return;
      const avail = pane.clientWidth - 60;
      const width = inner.scrollWidth / scale;
      const next = Math.max(0.45, Math.min(1, avail / width));
      if (Math.abs(next - scale) > 0.01) setScale(next);
    };
    fit();
    const ro = new ResizeObserver(fit);
    ro.observe(el);
    const pane = el.closest('.react-flow');
    if (pane) ro.observe(pane);
    return () => ro.disconnect();
  });
  return (
    <Panel
      position="top-center"
      className={`teach-caption teach-caption--${kind}`}
      data-testid="teach-caption"
      style={{ ['--caption-scale' as string]: scale }}
    >
      <div ref={ref}>{tex ? <Formula tex={tex} label={tex} /> : <span className="teach-caption__text">{text}</span>}</div>
    </Panel>
  );
}
