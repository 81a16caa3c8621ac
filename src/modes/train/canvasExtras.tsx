/**
 * What Train mode adds to the canvas: the live evaluation (trained parameters, chosen sample) in
 * place of the editor's, and on each card a thumbnail heatmap per unit over the input plane plus
 * the layer's current parameters. Kept light: the Train panel itself loads on demand.
 */
import { memo, useEffect, useRef } from 'react';
import { formatNumber, own } from '../../../graph-engine/index.ts';
import type { Evaluation } from '../../store/evaluate.ts';
import { useEditor } from '../../store/useEditor.ts';
import { paintGrid, rampRgb, unitRange } from './colors.ts';
import { useTrain } from './trainStore.ts';
import './trainCanvas.css';

/** The evaluation the canvas should show: Train mode's live one when there is one. */
export function useTrainEvaluation(evaluation: Evaluation): Evaluation {
  const train = useEditor((s) => s.mode === 'train');
  const preview = useTrain((s) => s.preview);
  return train && preview ? preview : evaluation;
}

const MAX_PARAM_NUMBERS = 12;

function Thumb({ values, size, title }: { values?: Float32Array; size: number; title: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!ref.current || !values) return;
    const [lo, hi] = unitRange(values);
    paintGrid(ref.current, values, size, lo, hi);
  }, [values, size]);
  return <canvas ref={ref} className="train-thumb" title={title} width={size} height={size} />;
}

function ParamsView({ id }: { id: string }) {
  // A string selector: the card re-renders only when its own parameters change.
  const text = useTrain((s) => {
    const p = s.snapshot?.params;
    if (!p) return '';
    const prefix = `${id}/`;
    const mine: string[] = [];
    for (const k of Object.keys(p)) if (k.startsWith(prefix)) mine.push(`${k.slice(prefix.length)}=${p[k]}`);
    return mine.join(';');
  });
  if (!text) return null;
  const entries = text.split(';').map((e) => {
    const [name, v] = e.split('=');
    return { name, value: Number(v) };
  });
  const max = entries.reduce((m, e) => Math.max(m, Math.abs(e.value)), 1e-9);
  if (entries.length > MAX_PARAM_NUMBERS) {
    // Many weights: one line (cards must not grow into their neighbours), the signs as a strip.
    return (
      <div
        className="train-params train-params--summary"
        data-testid="train-params"
        aria-label={`${id} parameters`}
        title={entries.map((e) => `${e.name} = ${formatNumber(e.value, 4)}`).join('\n')}
      >
        <span>
          {entries.length} params · max |w| {formatNumber(max, 3)}
        </span>
        <span className="train-params__strip">
          {entries.map((e) => {
            const [r, g, b] = rampRgb(0.5 + (0.5 * e.value) / max);
            return <span key={e.name} style={{ background: `rgb(${r},${g},${b})` }} />;
          })}
        </span>
      </div>
    );
  }
  return (
    <div className="train-params" data-testid="train-params" aria-label={`${id} parameters`}>
      {entries.map((e) => (
        <span key={e.name} className="train-param" title={`${id}/${e.name} = ${e.value}`}>
          <span className="train-param__name">{e.name}</span>
          <span className="train-param__value">{formatNumber(e.value, 3)}</span>
        </span>
      ))}
    </div>
  );
}

function Extras({ id, macro }: { id: string; macro: boolean }) {
  // Keyed by node id: an id like "toString" must not find an inherited method.
  const rows = useTrain((s) => own(s.info?.plane?.thumbnails, id));
  const heat = useTrain((s) => s.snapshot?.heat);
  if (!rows && !macro) return null;
  return (
    <div className="train-extras" data-testid="train-extras">
      {rows && heat && (
        <div
          className={`train-thumbs${rows.length === 1 && rows[0].length === 1 ? ' train-thumbs--single' : ''}`}
          aria-label={`${id} output over the input plane`}
        >
          {rows.map((row, i) => (
            <div key={i} className="train-thumbs__row">
              {row.map((unit) => (
                <Thumb key={unit} values={own(heat.thumbs, unit)} size={heat.thumbSize} title={`${unit} over the input plane`} />
              ))}
            </div>
          ))}
        </div>
      )}
      {macro && <ParamsView id={id} />}
    </div>
  );
}

/** Rendered inside every node card; nothing outside Train mode. */
export const TrainNodeExtras = memo(function TrainNodeExtras({ id, macro }: { id: string; macro: boolean }) {
  const train = useEditor((s) => s.mode === 'train');
  return train ? <Extras id={id} macro={macro} /> : null;
});
