/** Train and test loss per epoch (uPlot: x is the epoch, not time), with an optional log scale. */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { trainStore, useTrain } from './trainStore.ts';

const MAX_POINTS = 2000;
const WIDTH = 330;
const HEIGHT = 150;

/** The narrowest the y axis gets (room for "0.5"); it widens for longer labels. */
const Y_AXIS_MIN = 46;

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
      { stroke: 'currentColor', grid: { stroke: 'rgba(128,128,128,0.15)' }, size: 28, label: '', values: (_u, vals) => vals.map((v) => String(v)) },
      { stroke: 'currentColor', grid: { stroke: 'rgba(128,128,128,0.15)' }, size: yAxisSize },
    ],
    series: [{}, { label: 'train', stroke: '#1f6fb5', width: 1.6 }, { label: 'test', stroke: '#d9711c', width: 1.6, dash: [5, 3] }],
  };
}

/** The chart fills its box, which the panel's CSS sizes to fit the window (the fixed size until laid out). */
function fitSize(box: HTMLElement): { width: number; height: number } {
  return { width: box.clientWidth || WIDTH, height: box.clientHeight || HEIGHT };
}

function data(log: boolean): uPlot.AlignedData {
  const [e, tr, te] = trainStore.getState().curve.decimated(MAX_POINTS);
  // Log scales cannot show 0; NaN (no test set) is a gap.
  const fix = (a: number[]) => (log ? a.map((v) => (v > 0 ? v : Number.NaN)) : a);
  return [e, fix(tr), fix(te).map((v) => (Number.isNaN(v) ? null : v)) as number[]];
}

export function LossChart() {
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
  }, [log]);

  useEffect(() => {
    const u = plot.current;
    if (!u) return;
    // One redraw per animation frame at most.
    const id = requestAnimationFrame(() => u.setData(data(log)));
    return () => cancelAnimationFrame(id);
  }, [version, log]);

  return <div ref={box} className="train-chart" role="img" aria-label="Loss curve: train (solid) and test (dashed) loss per epoch" />;
}
