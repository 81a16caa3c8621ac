/**
 * The decision boundary: the output node over the input plane (one batched forward in the
 * worker), with the data points on top; test points and a discretized view on request. A click
 * on a point shows that row on the canvas; the row shown wears a ring.
 */
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFixed } from './fixedNumber.ts';
import { classCss, HIGH_CSS, LOW_CSS, paintClasses, paintGrid, rampRgb } from './colors.ts';
import { trainController as ctl } from './appController.ts';
import { useTrain } from './trainStore.ts';
import { pickPoint, pointPx } from './pointPick.ts';
import type { PlaneInfo } from '../../trainWorker/protocol.ts';

/**
 * A point's colour: its class for a multi-class plane; for a regression, its target on the
 * heatmap's own ramp (multi-Gaussian targets are mostly 0, the middle: a two-colour split would
 * paint them orange or blue by rounding); else low (orange) or high (blue).
 */
function pointColor(plane: PlaneInfo, regression: boolean, label: number, lo: number, hi: number): string {
  if (plane.outputs) return classCss(Math.round(label));
  const t = (label - lo) / (hi - lo || 1);
  if (regression) return `rgb(${rampRgb(t).map(Math.round).join(',')})`;
  return t >= 0.5 ? HIGH_CSS : LOW_CSS;
}

/** The picture's 1px border (train.css) comes out of the slot's square. */
const BORDER = 1;

export function Boundary({ side: outer }: { side: number }) {
  const { t } = useTranslation();
  const side = outer - 2 * BORDER;
  const heatRef = useRef<HTMLCanvasElement>(null);
  const pointsRef = useRef<HTMLCanvasElement>(null);
  const plane = useTrain((s) => s.info?.plane);
  const points = useTrain((s) => s.info?.points);
  const task = useTrain((s) => s.info?.task);
  const output = useTrain((s) => s.snapshot?.heat?.output);
  const size = useTrain((s) => s.snapshot?.heat?.size);
  const argmax = useTrain((s) => s.snapshot?.heat?.argmax);
  const confidence = useTrain((s) => s.snapshot?.heat?.confidence);
  const showTest = useTrain((s) => s.showTest);
  const discretize = useTrain((s) => s.discretize);
  const sample = useTrain((s) => s.sampleIndex);
  const regression = task === 'regression';
  const descId = useId();

  useEffect(() => {
    if (!heatRef.current || !plane || !size) return;
    if (plane.outputs && argmax && confidence) paintClasses(heatRef.current, argmax, confidence, size, discretize);
    else if (output) {
      const [lo, hi] = plane.heatRange ?? plane.valueRange;
      paintGrid(heatRef.current, output, size, lo, hi, discretize);
    }
  }, [plane, output, argmax, confidence, size, discretize]);

  useEffect(() => {
    const c = pointsRef.current;
    if (!c || !plane || !points) return;
    const dpr = window.devicePixelRatio || 1;
    c.width = side * dpr;
    c.height = side * dpr;
    const ctx = c.getContext('2d')!;
    ctx.scale(dpr, dpr);
    ctx.clearRect(0, 0, side, side);
    const [lo, hi] = plane.valueRange;
    // Few points (the XOR table): draw them large enough to see; smaller pictures, smaller dots.
    const scale = Math.min(1, Math.max(0.7, side / 300));
    const radius = (points.x.length <= 50 ? 7 : points.x.length <= 200 ? 4.5 : 3.6) * scale;
    for (let i = 0; i < points.x.length; i++) {
      const test = points.test[i] === 1;
      if (test && !showTest) continue;
      const [px, py] = pointPx(plane, points, i, side);
      ctx.beginPath();
      ctx.arc(px, py, radius, 0, Math.PI * 2);
      ctx.fillStyle = pointColor(plane, regression, points.label[i], lo, hi);
      ctx.fill();
      // Train points: a thin white ring (grey for a regression, whose pale middle values would
      // vanish on the pale heatmap); test points: a dark one, so they stand apart.
      ctx.lineWidth = test ? 1.4 : radius > 4 ? 1.6 : 0.9;
      ctx.strokeStyle = test ? '#111' : regression ? 'rgba(60,60,60,0.75)' : 'rgba(255,255,255,0.95)';
      ctx.stroke();
    }
    // The row shown on the canvas: a ring, dark inside light, visible on either colour.
    if (sample >= 0 && sample < points.x.length) {
      const [px, py] = pointPx(plane, points, sample, side);
      for (const [width, colour] of [
        [4.5, '#fff'],
        [2, '#111'],
      ] as const) {
        ctx.beginPath();
        ctx.arc(px, py, radius + 4, 0, Math.PI * 2);
        ctx.lineWidth = width;
        ctx.strokeStyle = colour;
        ctx.stroke();
      }
    }
  }, [plane, points, showTest, side, sample, regression]);

  if (!plane) return null;
  const [[x0, x1], [y0, y1]] = plane.range;
  const what = regression ? t('train.boundary.whatRegression') : plane.outputs ? t('train.boundary.whatClasses') : t('train.boundary.whatTwo');
  const title = regression ? t('train.panel.outputPlane') : t('train.panel.decisionBoundary');
  const description = t('train.boundary.description', {
    what,
    x: plane.axes[0],
    x0: formatFixed(x0, 1),
    x1: formatFixed(x1, 1),
    y: plane.axes[1],
    y0: formatFixed(y0, 1),
    y1: formatFixed(y1, 1),
  });
  return (
    <figure className="train-boundary" aria-label={title} aria-describedby={descId}>
      <p id={descId} className="train-sr-only">
        {description}
      </p>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: picking a point is a pointer shortcut; the row number field in "Inputs and targets" is the keyboard way */}
      <div
        className="train-boundary__plot"
        style={{ width: outer, height: outer }}
        onClick={(e) => {
          if (!plane || !points) return;
          const box = e.currentTarget.getBoundingClientRect();
          // The box has a 1px border; the canvases sit inside it.
          const row = pickPoint(
            plane,
            points,
            side,
            e.clientX - box.left - e.currentTarget.clientLeft,
            e.clientY - box.top - e.currentTarget.clientTop,
            showTest,
          );
          if (row !== undefined) void ctl.setSample(row);
        }}
      >
        <canvas ref={heatRef} className="train-boundary__heat" data-testid="boundary-heatmap" />
        <canvas ref={pointsRef} className="train-boundary__points" style={{ width: side, height: side }} />
      </div>
    </figure>
  );
}

/** A small scatter of the dataset for the data section (same colours, no heatmap). */
export function DataThumbnail() {
  const { t } = useTranslation();
  const ref = useRef<HTMLCanvasElement>(null);
  const plane = useTrain((s) => s.info?.plane);
  const points = useTrain((s) => s.info?.points);
  const regression = useTrain((s) => s.info?.task === 'regression');
  useEffect(() => {
    const c = ref.current;
    if (!c || !plane || !points) return;
    const S = 96;
    const dpr = window.devicePixelRatio || 1;
    c.width = S * dpr;
    c.height = S * dpr;
    const ctx = c.getContext('2d')!;
    ctx.scale(dpr, dpr);
    ctx.fillStyle = '#f7f7f2';
    ctx.fillRect(0, 0, S, S);
    const [[x0, x1], [y0, y1]] = plane.range;
    const [lo, hi] = plane.valueRange;
    for (let i = 0; i < points.x.length; i++) {
      ctx.fillStyle = pointColor(plane, regression, points.label[i], lo, hi);
      const d = points.x.length <= 50 ? 7 : 2.4; // a few points (the XOR table) must still show
      ctx.fillRect(((points.x[i] - x0) / (x1 - x0)) * S - d / 2, (1 - (points.y[i] - y0) / (y1 - y0)) * S - d / 2, d, d);
    }
  }, [plane, points, regression]);
  if (!plane || !points) return null;
  return <canvas ref={ref} className="train-data-thumb" style={{ width: 96, height: 96 }} role="img" aria-label={t('train.dataset.scatter')} />;
}
