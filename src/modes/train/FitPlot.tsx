/**
 * The fit plot of a 1-input regression: the data as points (input across, target up) and the
 * model's prediction as a curve the worker evaluates over the input's range, redrawn with each
 * snapshot. Points are painted on a canvas (any number of rows); axes, curve and the shown
 * sample's ring are SVG on top. Clicking a point shows that row on the canvas.
 */
import { useEffect, useMemo, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format.ts';
import { trainController as ctl } from './appController.ts';
import { HIGH_CSS, LOW_CSS } from './colors.ts';
import { localizeDecimalPoint } from './fixedNumber.ts';
import { niceTicks, tickLabel } from './fitScale.ts';
import { nearestPoint } from './pointPick.ts';
import { trainStore, useTrain } from './trainStore.ts';
import { sayWorker } from './workerText.ts';
import { extent } from '../../trainWorker/extent.ts';
import type { FitInfo } from '../../trainWorker/protocol.ts';

/** Room for the tick labels (left, bottom) and air (top, right). */
const M = { left: 42, right: 10, top: 10, bottom: 34 };
/** A click selects the nearest point within this many pixels. */
const HIT_PX = 10;

/** The target's range, padded, so the axis stays put while the curve moves. */
function valueRange(fit: FitInfo): [number, number] {
  const [lo, hi] = extent(fit.points.y);
  if (!(lo < hi)) return [lo - 1, hi + 1];
  const pad = (hi - lo) * 0.08;
  return [lo - pad, hi + pad];
}

/** The plot fills the size it is given (the panel's picture slot), at least 240 × 150 px. */
export function FitPlot({ width = 300, height = 220 }: { width?: number; height?: number }) {
  const { t } = useTranslation();
  const W = Math.max(240, Math.floor(width));
  const H = Math.max(150, Math.floor(height));
  const PW = W - M.left - M.right;
  const PH = H - M.top - M.bottom;
  const fit = useTrain((s) => s.info?.fit);
  const curve = useTrain((s) => s.snapshot?.fitCurve);
  const heatError = useTrain((s) => s.snapshot?.heatError);
  const showTest = useTrain((s) => s.showTest);
  const sample = useTrain((s) => s.sampleIndex);
  const testRows = useTrain((s) => s.info?.testRows ?? 0);
  const pointsRef = useRef<HTMLCanvasElement>(null);
  const yRange = useMemo(() => (fit ? valueRange(fit) : ([0, 1] as [number, number])), [fit]);
  const sx = (x: number) => (fit ? M.left + ((x - fit.range[0]) / (fit.range[1] - fit.range[0])) * PW : 0);
  const sy = (y: number) => M.top + (1 - (y - yRange[0]) / (yRange[1] - yRange[0])) * PH;

  useEffect(() => {
    const c = pointsRef.current;
    if (!c || !fit) return;
    const dpr = window.devicePixelRatio || 1;
    c.width = W * dpr;
    c.height = H * dpr;
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.scale(dpr, dpr);
    ctx.clearRect(0, 0, W, H);
    // The theme's colours (train.css sets them on the canvas): light and dark alike.
    const style = getComputedStyle(c);
    const { x, y, test } = fit.points;
    const [lo, hi] = yRange;
    const radius = x.length <= 100 ? 4.5 : x.length <= 1000 ? 3.5 : 2.5;
    const px = (v: number) => M.left + ((v - fit.range[0]) / (fit.range[1] - fit.range[0])) * PW;
    const py = (v: number) => M.top + (1 - (v - lo) / (hi - lo)) * PH;
    for (let i = 0; i < x.length; i++) {
      const isTest = test[i] === 1;
      if (isTest && !showTest) continue;
      ctx.beginPath();
      ctx.arc(px(x[i]), py(y[i]), radius, 0, Math.PI * 2);
      // The boundary's colours: orange for the low half of the target's range, blue for the high.
      ctx.fillStyle = (y[i] - lo) / (hi - lo) >= 0.5 ? HIGH_CSS : LOW_CSS;
      ctx.fill();
      // Train points: a ring of the background, so they stand apart; test points: a ring of the text colour.
      ctx.lineWidth = isTest ? 1.6 : 1.2;
      ctx.strokeStyle = isTest ? style.color : style.backgroundColor;
      ctx.stroke();
    }
  }, [fit, yRange, showTest, W, H, PW, PH]);

  if (!fit) return null;
  const xTicks = niceTicks(fit.range[0], fit.range[1], 6);
  const yTicks = niceTicks(yRange[0], yRange[1], 4);
  const path = curve ? curvePath(curve, fit, sx, sy) : '';
  const rows = fit.points.x.length;
  const shown = sample >= 0 && sample < rows && (showTest || fit.points.test[sample] !== 1) ? sample : -1;

  /** The nearest shown point to a click, within HIT_PX, or -1. */
  const pick = (e: MouseEvent<HTMLDivElement>): number => {
    const box = e.currentTarget.getBoundingClientRect();
    const cx = ((e.clientX - box.left) / box.width) * W;
    const cy = ((e.clientY - box.top) / box.height) * H;
    const at = (i: number): [number, number] | undefined => (fit.points.test[i] === 1 && !showTest ? undefined : [sx(fit.points.x[i]), sy(fit.points.y[i])]);
    return nearestPoint(rows, at, cx, cy, HIT_PX) ?? -1;
  };
  /** Arrow keys step to the next point along the input axis. */
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const order = Array.from({ length: rows }, (_, i) => i)
      .filter((i) => showTest || fit.points.test[i] !== 1)
      .sort((a, b) => fit.points.x[a] - fit.points.x[b] || a - b);
    if (!order.length) return;
    const at = order.indexOf(sample);
    const next = at < 0 ? 0 : Math.min(order.length - 1, Math.max(0, at + (e.key === 'ArrowRight' ? 1 : -1)));
    void ctl.setSample(order[next]);
  };

  return (
    <figure className="train-fit" aria-label={t('train.fitPlot.label', { target: fit.target, axis: fit.axis, count: rows })}>
      <div
        className="train-fit__plot"
        style={{ width: W, height: H }}
        // A slider over the data points: click one, or step with the arrow keys, to show it on the canvas.
        role="slider"
        tabIndex={0}
        aria-label={t('train.fitPlot.point')}
        aria-valuemin={0}
        aria-valuemax={rows - 1}
        aria-valuenow={sample}
        aria-valuetext={
          sample < rows
            ? t('train.fitPlot.pointValue', {
                row: sample,
                axis: fit.axis,
                x: formatNumber(fit.points.x[sample], 7),
                target: fit.target,
                y: formatNumber(fit.points.y[sample], 7),
              })
            : undefined
        }
        data-points={rows}
        data-testid="fit-plot"
        onClick={(e) => {
          const i = pick(e);
          if (i >= 0) void ctl.setSample(i);
        }}
        onKeyDown={onKey}
      >
        <canvas ref={pointsRef} className="train-fit__points" style={{ width: W, height: H }} />
        <svg className="train-fit__svg" width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-hidden="true">
          <defs>
            <clipPath id="train-fit-clip">
              <rect x={M.left} y={M.top} width={PW} height={PH} />
            </clipPath>
          </defs>
          <rect className="train-fit__frame" x={M.left} y={M.top} width={PW} height={PH} />
          {xTicks.map((v) => (
            <g key={`x${v}`} className="train-fit__tick">
              <line x1={sx(v)} x2={sx(v)} y1={M.top + PH} y2={M.top + PH + 4} />
              <text x={sx(v)} y={M.top + PH + 15} textAnchor="middle">
                {localizeDecimalPoint(tickLabel(v, xTicks))}
              </text>
            </g>
          ))}
          {yTicks.map((v) => (
            <g key={`y${v}`} className="train-fit__tick">
              <line x1={M.left - 4} x2={M.left} y1={sy(v)} y2={sy(v)} />
              <text x={M.left - 6} y={sy(v) + 3.5} textAnchor="end">
                {localizeDecimalPoint(tickLabel(v, yTicks))}
              </text>
            </g>
          ))}
          <text className="train-fit__label" x={M.left + PW / 2} y={H - 3} textAnchor="middle">
            {fit.axis}
          </text>
          <text className="train-fit__label" x={11} y={M.top + PH / 2} textAnchor="middle" transform={`rotate(-90 11 ${M.top + PH / 2})`}>
            {fit.target}
          </text>
          {path && <path className="train-fit__curve" d={path} clipPath="url(#train-fit-clip)" data-testid="fit-curve" />}
          {shown >= 0 && (
            <circle className="train-fit__shown" cx={sx(fit.points.x[shown])} cy={sy(fit.points.y[shown])} r={7.5} data-testid="fit-shown" data-row={shown} />
          )}
        </svg>
      </div>
      <figcaption className="train-fit__legend">
        <span>
          <span className="train-fit__swatch train-fit__swatch--low" aria-hidden="true" />
          <span className="train-fit__swatch train-fit__swatch--high" aria-hidden="true" /> {t('train.fitPlot.data')}
        </span>
        <span>
          <span className="train-fit__swatch train-fit__swatch--model" aria-hidden="true" /> {t('train.fitPlot.model')}
        </span>
        {showTest && testRows > 0 && (
          <span>
            <span className="train-fit__swatch train-fit__swatch--test" aria-hidden="true" /> {t('train.fitPlot.test')}
          </span>
        )}
        {shown >= 0 && (
          <span>
            <span className="train-fit__swatch train-fit__swatch--shown" aria-hidden="true" /> {t('train.fitPlot.shown', { row: shown })}
          </span>
        )}
      </figcaption>
      {heatError && (
        <div className="train-alert train-alert--error" role="alert">
          {sayWorker(heatError)}
        </div>
      )}
      <label className="train-check">
        <input type="checkbox" checked={showTest} disabled={testRows === 0} onChange={(e) => trainStore.setState({ showTest: e.target.checked })} />{' '}
        {t('train.panel.showTest')}
      </label>
    </figure>
  );
}

/** The curve as an SVG path through the grid points; a non-finite value breaks the line. */
function curvePath(curve: ArrayLike<number>, fit: FitInfo, sx: (x: number) => number, sy: (y: number) => number): string {
  const parts: string[] = [];
  let pen = false;
  for (let i = 0; i < curve.length; i++) {
    const v = curve[i];
    if (!Number.isFinite(v)) {
      pen = false;
      continue;
    }
    const x = fit.range[0] + ((fit.range[1] - fit.range[0]) * i) / Math.max(curve.length - 1, 1);
    // Far off the plot: clamp so the path stays drawable (the clip hides the overshoot).
    const y = Math.max(-1e4, Math.min(1e4, sy(v)));
    parts.push(`${pen ? 'L' : 'M'}${sx(x).toFixed(1)} ${y.toFixed(1)}`);
    pen = true;
  }
  return parts.join('');
}
