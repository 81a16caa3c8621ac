/**
 * What Teach mode changes on the canvas: node cards show only what the stepper has computed so far
 * (pending nodes are dimmed, gradients appear once final), the node being stepped and its edges are
 * highlighted, edges carry their local derivative and contribution once known (a custom edge with
 * a label), and the step's formula appears briefly above the card.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import {
  BaseEdge,
  EdgeLabelRenderer,
  getBezierPath,
  Panel,
  useInternalNode,
  useReactFlow,
  type Edge,
  type EdgeProps,
} from '@xyflow/react';
import type { Evaluation } from '../../store/evaluate.ts';
import { useEditor } from '../../store/useEditor.ts';
import { Formula } from '../../inspector/Formula.tsx';
import { buildTeachView, type TeachEdgeData, type TeachFlowEdge } from './teachView.ts';
import { teachStore, useTeach } from './useTeach.ts';
import './teach.css';

/**
 * The canvas's Teach overlay, or undefined outside Teach mode. `decorateNodes`/`decorateEdges`
 * reuse objects when nothing changed, so React Flow only re-renders what a step touched.
 */
export function useTeachCanvas(evaluation: Evaluation) {
  const mode = useEditor((s) => s.mode);
  const model = useEditor((s) => s.model);
  const version = useTeach((s) => s.version);
  const view = useMemo(
    () => (mode === 'teach' ? buildTeachView(model, evaluation, teachStore.getState()) : undefined),
    // version: the stepper moved
    [mode, model, evaluation, version],
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

function TeachEdgeView({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, style, data }: EdgeProps<TeachFlowEdge>) {
  const [path, lx, ly] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const show = data && (data.local || data.contribution || data.flowing);
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={style} />
      {show && (
        <EdgeLabelRenderer>
          <div
            className={`teach-edge-label nodrag nopan${data.compact ? ' is-compact' : ''}${data.flowing && !data.local ? ' is-flow' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${lx}px, ${ly}px)` }}
            data-testid="edge-label"
            data-source={data.source}
            data-target={data.target}
            title={data.title}
          >
            {data.flowing && !data.local && <span className="teach-edge-label__flow" data-testid="edge-flow">{data.flowing}</span>}
            {data.name && <span className="teach-edge-label__name" data-testid="edge-name">{data.name}</span>}
            {data.local && <span className="teach-edge-label__local" data-testid="edge-local">{data.local}</span>}
            {data.contribution && <span className="teach-edge-label__contrib" data-testid="edge-contribution">{data.contribution}</span>}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const TeachEdge = memo(TeachEdgeView);

/** How long the step's formula stays on the canvas. */
const CAPTION_MS = 6000;

/** The current step's formula, briefly, in a caption at the top of the canvas. */
export function TeachCanvasLayer() {
  const last = useTeach((s) => s.last);
  const version = useTeach((s) => s.version);
  const title = useEditor((s) => s.model.nodes.find((n) => n.id === last?.unit)?.label ?? last?.unit);
  const presentation = useTeach((s) => s.presentation);
  const flow = useReactFlow();
  const node = useInternalNode(last?.unit ?? '');
  const [shownFor, setShownFor] = useState<number>();
  // Presentation: the camera follows the step, zoomed in.
  useEffect(() => {
    if (!presentation || !node) return;
    const { x, y } = node.internals.positionAbsolute;
    void flow.setCenter(x + (node.measured.width ?? 168) / 2, y + (node.measured.height ?? 80) / 2, { zoom: 1.5, duration: 300 });
    // only when the step moves
    // (node positions are stable while stepping)
  }, [presentation, version]);
  useEffect(() => {
    if (!last) return;
    setShownFor(version);
    const t = setTimeout(() => setShownFor(undefined), CAPTION_MS);
    return () => clearTimeout(t);
  }, [version, last]);
  if (!last || shownFor !== version) return null;
  const step = last.steps[0];
  let tex: string | undefined;
  let text: string | undefined;
  if (last.macro) text = `${last.kind === 'forward' ? 'Forward' : 'Backward'} through layer ${title}: ${last.steps.length} primitive nodes in one step`;
  else if (step) tex = step.latex;
  return (
    <Panel position="top-center" className={`teach-caption teach-caption--${last.kind}`} data-testid="teach-caption">
      {tex ? <Formula tex={tex} label={tex} /> : <span>{text}</span>}
    </Panel>
  );
}
