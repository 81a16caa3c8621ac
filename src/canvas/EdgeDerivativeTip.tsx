/**
 * Build mode's "Edge derivatives" tooltip: hovering an edge (its line or its chip), focusing it
 * from the keyboard, or selecting it shows the edge's local derivative, the upstream gradient and
 * their product, the edge's contribution, in a popover on the canvas. It follows the pointer while
 * hovering, and otherwise sits below the edge's chip (or its middle). Escape or leaving hides it.
 * It is always in the page (hidden when idle) so that each edge with a chip names it in its
 * aria-describedby (edgeDerivatives.tsx): a screen reader reads the numbers on focusing the edge.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useStore } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { signedNumber } from '../i18n/format.ts';
import type { NamedTerm, TeachEdgeData } from '../modes/teach/teachView.ts';
import './edgeDerivativeTip.css';

/** The tooltip's element id, named by each chipped edge's aria-describedby. */
export const EDGE_TIP_ID = 'edge-derivative-tip';

/** What the tooltip needs beyond the chip's data: names as the tooltip writes them. */
export interface EdgeTipNames {
  /** The edge's source as the chip names it ("b", or "hidden.y0" for a layer's output). */
  sourceName: string;
  /** The edge's target as the cards name it. */
  targetName: string;
  /** The loss's label, or undefined with no loss. */
  lossLabel?: string;
}

type Shown = { id: string; via: 'pointer' | 'focus' | 'selected'; x?: number; y?: number };

/** Signed numbers with a true minus sign, as the cards write them. */
const num = (v: number) => signedNumber(v);

export function EdgeDerivativeTip() {
  const dom = useStore((s) => s.domNode);
  const selectedId = useStore((s) => {
    let id: string | undefined;
    for (const e of s.edges)
      if (e.selected) {
        if (id) return undefined; // several selected: none is "the" edge
        id = e.id;
      }
    return id;
  });
  const [hover, setHover] = useState<Shown>();
  const [focus, setFocus] = useState<Shown>();
  const [dismissed, setDismissed] = useState<string>();
  const candidate = hover ?? focus ?? (selectedId ? { id: selectedId, via: 'selected' as const } : undefined);
  const shown = candidate && candidate.id !== dismissed ? candidate : undefined;
  const edge = useStore((s) => (shown ? s.edgeLookup.get(shown.id) : undefined));
  const data = edge?.type === 'teach' ? (edge.data as (TeachEdgeData & Partial<EdgeTipNames>) | undefined) : undefined;
  const has = !!data?.terms?.length;
  // Escape hides the tooltip shown now, until the pointer or the focus moves to another edge.
  const shownId = useRef<string | undefined>(undefined);
  shownId.current = shown && has ? shown.id : undefined;

  // Pointer, focus and Escape, on the canvas (edges are React Flow's, chips the label layer's).
  useEffect(() => {
    if (!dom) return;
    const edgeIdOf = (target: EventTarget | null): string | undefined => {
      if (!(target instanceof Element)) return undefined;
      const g = target.closest<SVGGElement>('.react-flow__edge');
      if (g?.dataset.id) return g.dataset.id;
      const chip = target.closest<HTMLElement>('.teach-edge-label');
      return chip ? chipEdgeId(dom, chip) : undefined;
    };
    const onMove = (e: PointerEvent) => {
      if (e.pointerType === 'touch') return;
      const id = edgeIdOf(e.target);
      setHover((h) => (id ? { id, via: 'pointer', x: e.clientX, y: e.clientY } : h && undefined));
      if (id) setDismissed((d) => (d === id ? d : undefined));
    };
    const onLeave = () => setHover(undefined);
    const onFocusIn = (e: FocusEvent) => {
      const id = e.target instanceof Element && e.target.matches('.react-flow__edge') ? edgeIdOf(e.target) : undefined;
      setFocus(id ? { id, via: 'focus' } : undefined);
      setDismissed(undefined);
    };
    const onFocusOut = () => setFocus(undefined);
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !shownId.current) return;
      setHover(undefined);
      setDismissed(shownId.current);
    };
    dom.addEventListener('pointermove', onMove);
    dom.addEventListener('pointerleave', onLeave);
    dom.addEventListener('focusin', onFocusIn);
    dom.addEventListener('focusout', onFocusOut);
    window.addEventListener('keydown', onKey);
    return () => {
      dom.removeEventListener('pointermove', onMove);
      dom.removeEventListener('pointerleave', onLeave);
      dom.removeEventListener('focusin', onFocusIn);
      dom.removeEventListener('focusout', onFocusOut);
      window.removeEventListener('keydown', onKey);
    };
  }, [dom]);

  // Placed beside the pointer, or below the chip (else the edge's middle), kept inside the canvas.
  const box = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ left: number; top: number }>();
  useLayoutEffect(() => {
    const el = box.current;
    if (!dom || !el || !shown || !has) return;
    const pane = dom.getBoundingClientRect();
    let x: number;
    let y: number;
    if (shown.via === 'pointer' && shown.x !== undefined && shown.y !== undefined) {
      x = shown.x + 14;
      y = shown.y + 18;
    } else {
      const anchor = anchorOf(dom, shown.id, data);
      x = anchor.x - el.offsetWidth / 2;
      y = anchor.y + 6;
    }
    const left = Math.max(4, Math.min(x - pane.left, pane.width - el.offsetWidth - 4));
    let top = y - pane.top;
    if (top + el.offsetHeight > pane.height - 4) top = Math.max(4, (shown.y ?? y) - pane.top - el.offsetHeight - 12);
    setPlace((p) => (p && p.left === left && p.top === top ? p : { left, top }));
  });

  if (!dom) return null;
  const visible = !!shown && has && !!data;
  return createPortal(
    <div
      ref={box}
      id={EDGE_TIP_ID}
      className="edge-tip"
      role="tooltip"
      data-testid="edge-tip"
      hidden={!visible}
      style={place ? { left: place.left, top: place.top } : undefined}
    >
      {visible && <TipBody data={data} />}
    </div>,
    dom,
  );
}

/** The rows: local derivative, upstream gradient, contribution; or, into a layer, one row per output. */
function TipBody({ data }: { data: TeachEdgeData & Partial<EdgeTipNames> }) {
  const { t } = useTranslation();
  const terms = data.terms as NamedTerm[];
  const src = data.sourceName ?? data.source;
  const loss = data.lossLabel;
  if (terms.length === 1) {
    const { name, local, upstream } = terms[0];
    return (
      <dl className="edge-tip__rows">
        <dt>{t('common.edgeTip.local')}</dt>
        <dd>
          <span className="edge-tip__name">{`∂${name}/∂${src}`}</span> = <b data-testid="edge-tip-local">{num(local)}</b>
        </dd>
        {loss !== undefined && (
          <>
            <dt>{t('common.edgeTip.upstream')}</dt>
            <dd>
              <span className="edge-tip__name">{`∂${loss}/∂${name}`}</span> = <b data-testid="edge-tip-upstream">{num(upstream)}</b>
            </dd>
            <dt>{t('common.edgeTip.contribution', { name: `∂${loss}/∂${src}` })}</dt>
            <dd>
              {num(upstream)} × {num(local)} = <b data-testid="edge-tip-contribution">{num(data.value ?? upstream * local)}</b>
            </dd>
          </>
        )}
        {loss === undefined && <dd className="edge-tip__note">{t('common.edgeTip.noLoss')}</dd>}
      </dl>
    );
  }
  return (
    <dl className="edge-tip__rows">
      <dt>{t('common.edgeTip.intoLayer', { layer: data.targetName ?? data.target, n: terms.length, source: src })}</dt>
      {terms.map((x) => (
        <dd key={x.name}>
          <span className="edge-tip__name">{`∂${loss}/∂${x.name} × ∂${x.name}/∂${src}`}</span> = {num(x.upstream)} × {num(x.local)}
        </dd>
      ))}
      <dt>{t('common.edgeTip.contribution', { name: `∂${loss}/∂${src}` })}</dt>
      <dd>
        <b data-testid="edge-tip-contribution">{num(data.value ?? 0)}</b>
      </dd>
    </dl>
  );
}

/** The edge React Flow draws for a chip: the one with the chip's source and target. */
function chipEdgeId(dom: HTMLElement, chip: HTMLElement): string | undefined {
  const { source, target } = chip.dataset;
  for (const g of dom.querySelectorAll<SVGGElement>('.react-flow__edge')) {
    const id = g.dataset.id ?? ''; // edgeKey: source, #port for a layer's output, ->target:port
    if (id.startsWith(`${source}->${target}:`) || (id.startsWith(`${source}#`) && id.includes(`->${target}:`))) return id;
  }
  return undefined;
}

/** Where a focused or selected edge's tooltip hangs: below its chip, else the middle of its line. */
function anchorOf(dom: HTMLElement, id: string, data?: TeachEdgeData): { x: number; y: number } {
  const chip = data && dom.querySelector<HTMLElement>(`.teach-edge-label[data-source="${CSS.escape(data.source)}"][data-target="${CSS.escape(data.target)}"]`);
  if (chip) {
    const r = chip.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.bottom };
  }
  const path = dom.querySelector<SVGPathElement>(`.react-flow__edge[data-id="${CSS.escape(id)}"] .react-flow__edge-path`);
  const m = path?.getScreenCTM();
  if (!path || !m) return { x: 0, y: 0 };
  const p = path.getPointAtLength(path.getTotalLength() / 2);
  return { x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f };
}
