/**
 * A unit's heatmap shown large while its thumbnail on a card is hovered or focused: its name, the
 * picture at 180 px on the card's colour scale, and the unit's own value range. Drawn in a portal
 * on the page, so no card or canvas edge clips it; it never takes the pointer.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { own } from '../../../graph-engine/index.ts';
import { formatNumber } from '../../i18n/format.ts';
import { paintGrid, rampGradient, valueSpan } from './colors.ts';
import { useTrain } from './trainStore.ts';

const SIDE = 180;
const GAP = 10;

/** Beside the thumbnail (right, or left when there is no room), kept inside the window. */
function place(anchor: DOMRect, w: number, h: number): { left: number; top: number } {
  const right = anchor.right + GAP;
  const left = right + w <= window.innerWidth - 4 ? right : Math.max(4, anchor.left - GAP - w);
  const top = Math.min(Math.max(4, anchor.top + anchor.height / 2 - h / 2), window.innerHeight - h - 4);
  return { left, top };
}

export function ThumbPopover({ unit, name, anchor, range }: { unit: string; name: string; anchor: HTMLElement; range: [number, number] }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const values = useTrain((s) => own(s.snapshot?.heat?.thumbs, unit));
  const size = useTrain((s) => s.snapshot?.heat?.thumbSize ?? 0);
  const [pos, setPos] = useState<{ left: number; top: number }>();
  const [lo, hi] = range;

  useEffect(() => {
    if (canvas.current && values && size) paintGrid(canvas.current, values, size, lo, hi);
  }, [values, size, lo, hi]);

  // Placed again with each new picture: the canvas may have been panned or zoomed under it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: values is the cue to re-measure, not an input
  useLayoutEffect(() => {
    if (box.current) setPos(place(anchor.getBoundingClientRect(), box.current.offsetWidth, box.current.offsetHeight));
  }, [anchor, values]);

  const [min, max] = values ? valueSpan(values) : [Number.NaN, Number.NaN];
  return createPortal(
    <div ref={box} className="train-popover" role="tooltip" data-testid="unit-popover" style={pos ? { left: pos.left, top: pos.top } : { left: -9999, top: 0 }}>
      <div className="train-popover__name">{name}</div>
      <canvas ref={canvas} className="train-popover__heat" style={{ width: SIDE, height: SIDE }} />
      <div className="train-popover__key">
        <span>{formatNumber(lo, 3)}</span>
        <span className="train-popover__bar" style={{ background: rampGradient() }} />
        <span>{formatNumber(hi, 3)}</span>
      </div>
      <div className="train-popover__range">{t('train.canvas.values', { min: formatNumber(min, 3), max: formatNumber(max, 3) })}</div>
    </div>,
    document.body,
  );
}
