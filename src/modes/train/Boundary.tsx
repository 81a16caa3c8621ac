/**
 * The decision boundary: the output node over the input plane (one batched forward in the
 * worker), with the data points on top; test points and a discretized view on request.
 */
import { useEffect, useRef } from 'react';
import { classCss, HIGH_CSS, LOW_CSS, paintClasses, paintGrid } from './colors.ts';
import { useTrain } from './trainStore.ts';
import type { PlaneInfo } from '../../trainWorker/protocol.ts';

const PX = 300;

/** A point's colour: its class for a multi-class plane, else low (orange) or high (blue). */
function pointColor(plane: PlaneInfo, label: number, lo: number, hi: number): string {
  if (plane.outputs) return classCss(Math.round(label));
  return (label - lo) / (hi - lo || 1) >= 0.5 ? HIGH_CSS : LOW_CSS;
}

export function Boundary() {
  const heatRef = useRef<HTMLCanvasElement>(null);
  const pointsRef = useRef<HTMLCanvasElement>(null);
  const plane = useTrain((s) => s.info?.plane);
  const points = useTrain((s) => s.info?.points);
  const output = useTrain((s) => s.snapshot?.heat?.output);
  const size = useTrain((s) => s.snapshot?.heat?.size);
  const argmax = useTrain((s) => s.snapshot?.heat?.argmax);
  const confidence = useTrain((s) => s.snapshot?.heat?.confidence);
  const showTest = useTrain((s) => s.showTest);
  const discretize = useTrain((s) => s.discretize);

  useEffect(() => {
    if (!heatRef.current || !plane || !size) return;
    if (plane.outputs && argmax && confidence) paintClasses(heatRef.current, argmax, confidence, size, discretize);
    else if (output) paintGrid(heatRef.current, output, size, plane.valueRange[0], plane.valueRange[1], discretize);
  }, [plane, output, argmax, confidence, size, discretize]);

  useEffect(() => {
    const c = pointsRef.current;
    if (!c || !plane || !points) return;
    const dpr = window.devicePixelRatio || 1;
    c.width = PX * dpr;
    c.height = PX * dpr;
    const ctx = c.getContext('2d')!;
    ctx.scale(dpr, dpr);
    ctx.clearRect(0, 0, PX, PX);
    const [[x0, x1], [y0, y1]] = plane.range;
    const [lo, hi] = plane.valueRange;
    // Few points (the XOR table): draw them large enough to see.
    const radius = points.x.length <= 50 ? 7 : points.x.length <= 200 ? 4.5 : 3.6;
    for (let i = 0; i < points.x.length; i++) {
      const test = points.test[i] === 1;
      if (test && !showTest) continue;
      const px = ((points.x[i] - x0) / (x1 - x0)) * PX;
      const py = (1 - (points.y[i] - y0) / (y1 - y0)) * PX;
      ctx.beginPath();
      ctx.arc(px, py, radius, 0, Math.PI * 2);
      ctx.fillStyle = pointColor(plane, points.label[i], lo, hi);
      ctx.fill();
      // Train points: a thin white ring; test points: a dark one, so they stand apart.
      ctx.lineWidth = test ? 1.4 : radius > 4 ? 1.6 : 0.9;
      ctx.strokeStyle = test ? '#111' : 'rgba(255,255,255,0.95)';
      ctx.stroke();
    }
  }, [plane, points, showTest]);

  if (!plane) return null;
  const [[x0, x1], [y0, y1]] = plane.range;
  return (
    <figure className="train-boundary" aria-label="Decision boundary">
      <div className="train-boundary__plot" style={{ width: PX, height: PX }}>
        <canvas ref={heatRef} className="train-boundary__heat" data-testid="boundary-heatmap" />
        <canvas ref={pointsRef} className="train-boundary__points" style={{ width: PX, height: PX }} />
      </div>
      <figcaption className="train-boundary__axes">
        <span>
          {plane.axes[0]}: {x0.toFixed(1)} … {x1.toFixed(1)}
        </span>
        <span>
          {plane.axes[1]}: {y0.toFixed(1)} … {y1.toFixed(1)}
        </span>
      </figcaption>
    </figure>
  );
}

/** A small scatter of the dataset for the data section (same colours, no heatmap). */
export function DataThumbnail() {
  const ref = useRef<HTMLCanvasElement>(null);
  const plane = useTrain((s) => s.info?.plane);
  const points = useTrain((s) => s.info?.points);
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
      ctx.fillStyle = pointColor(plane, points.label[i], lo, hi);
      const d = points.x.length <= 50 ? 7 : 2.4; // a few points (the XOR table) must still show
      ctx.fillRect(((points.x[i] - x0) / (x1 - x0)) * S - d / 2, (1 - (points.y[i] - y0) / (y1 - y0)) * S - d / 2, d, d);
    }
  }, [plane, points]);
  if (!plane || !points) return null;
  return <canvas ref={ref} className="train-data-thumb" style={{ width: 96, height: 96 }} role="img" aria-label="Data scatter" />;
}
