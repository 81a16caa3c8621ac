/**
 * Train, validation and test loss per epoch (uPlot: x is the epoch, not time), with an optional
 * log scale, a legend (each line's colour and dash) and early stopping's best epoch marked.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { trainStore, useTrain } from './trainStore.ts';

const MAX_POINTS = 2000;
const WIDTH = 330;
const HEIGHT = 150;

/** The narrowest the y axis gets (room for "0.5"); it widens for longer labels. */
const Y_AXIS_MIN = 46;

/** Each line once: its colour and dash, in the chart and in the legend alike. */
const LINES = [
  { id: 'train', stroke: '#1f6fb5', dash: [] as number[] },
  { id: 'validation', stroke: '#2b8a3e', dash: [2, 2] },
  { id: 'test', stroke: '#d9711c', dash: [6, 3] },
] as const;
const BEST = { stroke: '#8e44ad', dash: [3, 3] };

/** Tick labels in the current language ("0,5" in Spanish); uPlot's own are English. */
const tickValues = (_u: uPlot, vals: number[]) => vals.map((v) => (v == null ? '' : formatNumber(v)));

/** Early stopping's best epoch, for the draw hook (read at draw time, so no rebuild is needed). */
const bestEpoch = () => trainStore.getState().snapshot?.bestEpoch;

/** A vertical dashed line at the best epoch, drawn over the plot area. */
function drawBest(u: uPlot): void {
  const best = bestEpoch();
  if (best === undefined) return;
  const x = u.valToPos(best, 'x', true);
  const { top, height, left, width } = u.bbox;
  if (!(x >= left && x <= left + width)) return;
  const ctx = u.ctx;
  ctx.save();
  ctx.strokeStyle = BEST.stroke;
  ctx.lineWidth = 1.5 * uPlot.pxRatio;
  ctx.setLineDash(BEST.dash.map((d) => d * uPlot.pxRatio));
  ctx.beginPath();
  ctx.moveTo(x, top);
  ctx.lineTo(x, top + height);
  ctx.stroke();
  ctx.restore();
}

/**
 * The y axis as wide as its longest tick label: a fixed width clipped "1.014" to ".014". uPlot
 * calls this again while the layout settles (cycleNum > 1); the first measure stands.
 */
const yAxisSize: uPlot.Axis.Size = (self, values, axisIdx, cycleNum) => {
  const axis = self.axes[axisIdx] as uPlot.Axis & { _size?: number };
  if (cycleNum > 1 && axis._size) return axis._size;
  const longest = (values ?? []).reduce((a, v) => (v.length > a.length ? v : a), '');
  // Once uPlot has set the axis up, its font is [css font, px size], already scaled to the canvas.
  const font = (axis.font as unknown as [string] | undefined)?.[0];
  if (font) self.ctx.font = font;
  const labelWidth = self.ctx.measureText(longest).width / uPlot.pxRatio;
  return Math.max(Y_AXIS_MIN, Math.ceil(labelWidth + (axis.ticks?.size ?? 10) + (axis.gap ?? 5) + 4));
};

function opts(log: boolean): uPlot.Options {
  return {
    width: WIDTH,
    height: HEIGHT,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: false }, y: log ? { distr: 3 } : { auto: true } },
    axes: [
      {
        stroke: 'currentColor',
        grid: { stroke: 'rgba(128,128,128,0.15)' },
        size: 22,
        // A small "epoch" caption: uPlot's default label room (30 px) took a third of a short chart;
        // the gap keeps it clear of the tick labels above it.
        label: t('train.chart.epochAxis'),
        labelSize: 12,
        labelGap: 3,
        labelFont: '10px system-ui, sans-serif',
        values: tickValues,
      },
      { stroke: 'currentColor', grid: { stroke: 'rgba(128,128,128,0.15)' }, size: yAxisSize, values: tickValues },
    ],
    series: [{}, ...LINES.map((l) => ({ label: t(`train.chart.${l.id}`), stroke: l.stroke, width: 1.6, dash: [...l.dash] }))],
    hooks: { draw: [drawBest] },
  };
}

/** The chart fills its box, which the panel's CSS sizes to fit the window (the fixed size until laid out). */
function fitSize(box: HTMLElement): { width: number; height: number } {
  return { width: box.clientWidth || WIDTH, height: box.clientHeight || HEIGHT };
}

function data(log: boolean): uPlot.AlignedData {
  const [e, tr, te, va] = trainStore.getState().curve.decimated(MAX_POINTS);
  // Log scales cannot show 0; NaN (no test or validation set) is a gap.
  const fix = (a: number[]) => (log ? a.map((v) => (v > 0 ? v : Number.NaN)) : a);
  const gaps = (a: number[]) => fix(a).map((v) => (Number.isNaN(v) ? null : v)) as number[];
  return [e, fix(tr), gaps(va), gaps(te)];
}

/** A short sample of a line, as the chart draws it. */
function Swatch({ stroke, dash }: { stroke: string; dash: number[] }) {
  return (
    <svg width="22" height="8" aria-hidden="true" className="train-legend__swatch">
      <line x1="1" y1="4" x2="21" y2="4" stroke={stroke} strokeWidth="2" strokeDasharray={dash.join(' ') || undefined} />
    </svg>
  );
}

/** Which line is which; Validation says when it is off, and the best epoch when it is marked. */
function Legend() {
  const { t } = useTranslation();
  const best = useTrain((s) => s.snapshot?.bestEpoch);
  // Early stopping on: the trainer holds validation rows out (from the next step, mid-run).
  const validating = useTrain((s) => s.info?.settings.patience !== undefined);
  return (
    <ul className="train-legend" aria-label={t('train.chart.legend')}>
      {LINES.map((l) => {
        const validation = l.id === 'validation';
        return (
          <li
            key={l.id}
            className={validation && !validating ? 'train-legend__off' : undefined}
            title={validation ? t('train.chart.validationTitle') : undefined}
          >
            <Swatch stroke={l.stroke} dash={[...l.dash]} />
            {t(`train.chart.${l.id}`)}
          </li>
        );
      })}
      {best !== undefined && (
        <li data-testid="best-epoch">
          <Swatch stroke={BEST.stroke} dash={BEST.dash} />
          {t('train.chart.bestEpoch', { epoch: best })}
        </li>
      )}
    </ul>
  );
}

export function LossChart() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | undefined>(undefined);
  const log = useTrain((s) => s.logScale);
  const version = useTrain((s) => s.curveVersion);

  useEffect(() => {
    if (!box.current) return;
    // StrictMode runs effects twice in dev: destroy in cleanup so only one chart exists.
    const el = box.current;
    const u = new uPlot({ ...opts(log), ...fitSize(el) }, data(log), el);
    plot.current = u;
    const resize = new ResizeObserver(() => {
      const { width, height } = fitSize(el);
      if (width !== u.width || height !== u.height) u.setSize({ width, height });
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
      plot.current = undefined;
    };
    // The language is read by opts (axis caption, tick labels): a new one builds the chart again.
  }, [log, lang]);

  useEffect(() => {
    const u = plot.current;
    if (!u) return;
    // One redraw per animation frame at most.
    const id = requestAnimationFrame(() => u.setData(data(log)));
    return () => cancelAnimationFrame(id);
  }, [version, log]);

  return (
    <>
      <div ref={box} className="train-chart" role="img" aria-label={t('train.chart.label')} />
      <Legend />
    </>
  );
}
