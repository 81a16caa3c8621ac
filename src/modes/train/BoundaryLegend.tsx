/**
 * What the output picture's colours and axes mean, and which row the canvas shows: the key under
 * the decision boundary. Colours come from colors.ts, the same ramp the picture is painted with.
 */
import { formatNumber } from '../../i18n/format.ts';
import { classCss, rampGradient } from './colors.ts';
import { useTrain } from './trainStore.ts';

/** The colour key: a ramp from the low to the high value (two classes, regression), or a swatch per class. */
export function BoundaryLegend() {
  const plane = useTrain((s) => s.info?.plane);
  const task = useTrain((s) => s.info?.task);
  const discretize = useTrain((s) => s.discretize);
  if (!plane) return null;
  const [[x0, x1], [y0, y1]] = plane.range;
  const axes = (
    <span className="train-key__axes">
      {plane.axes[0]} {formatNumber(x0, 3)} … {formatNumber(x1, 3)} across · {plane.axes[1]} {formatNumber(y0, 3)} … {formatNumber(y1, 3)} up
    </span>
  );
  if (plane.outputs) {
    return (
      <div className="train-key" data-testid="boundary-legend">
        <span className="train-key__row" role="list" aria-label="Colour key: one colour per class; paler where the network is less sure">
          <span className="train-key__title">Class</span>
          {plane.outputs.map((_, c) => (
            <span key={c} className="train-key__class" role="listitem">
              <span className="train-key__swatch" style={{ background: classCss(c) }} aria-hidden="true" />
              {c}
            </span>
          ))}
          <span className="muted">paler: less sure</span>
        </span>
        {axes}
      </div>
    );
  }
  const [lo, hi] = plane.heatRange ?? plane.valueRange;
  const title = task === 'regression' ? 'Output' : plane.heatRange ? 'Logit' : 'Prediction';
  return (
    <div className="train-key" data-testid="boundary-legend">
      <span
        className="train-key__row"
        role="img"
        aria-label={`Colour key: ${title.toLowerCase()} ${formatNumber(lo)} is orange, ${formatNumber(hi)} is blue${discretize ? '' : ', pale in between'}`}
      >
        <span className="train-key__title">{title}</span>
        <span>
          {formatNumber(lo)} <span className="train-key__low">orange</span>
        </span>
        <span className="train-key__bar" style={{ background: rampGradient(discretize) }} />
        <span>
          {formatNumber(hi)} <span className="train-key__high">blue</span>
        </span>
      </span>
      {axes}
    </div>
  );
}

/** Which dataset row the canvas shows, and how to pick another. */
export function SampleShown() {
  const row = useTrain((s) => s.sampleIndex);
  const test = useTrain((s) => s.info?.points?.test[s.sampleIndex]);
  const rows = useTrain((s) => s.info?.rows ?? 0);
  if (row < 0 || row >= rows) return null;
  return (
    <p className="train-sample" data-testid="boundary-sample" aria-live="polite">
      Sample: row {row}
      {test !== undefined && ` · ${test === 1 ? 'test' : 'train'}`} <span className="muted">· click a point to pick another</span>
    </p>
  );
}
