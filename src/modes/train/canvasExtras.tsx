/**
 * What Train mode adds to the canvas: the live evaluation (trained parameters, chosen sample) in
 * place of the editor's, and on each card a thumbnail heatmap per unit over the input plane plus
 * the layer's current parameters. Kept light: the Train panel itself loads on demand.
 */
import { memo, useEffect, useRef, useState } from 'react';
import { formatNumber, nodeLabel, own } from '../../../graph-engine/index.ts';
import type { Evaluation } from '../../store/evaluate.ts';
import { useEditor } from '../../store/useEditor.ts';
import { paintGrid, rampGradient, rampRgb, unitRange } from './colors.ts';
import { ThumbPopover } from './ThumbPopover.tsx';
import { useTrain } from './trainStore.ts';
import './trainCanvas.css';

/** The evaluation the canvas should show: Train mode's live one when there is one. */
export function useTrainEvaluation(evaluation: Evaluation): Evaluation {
  const train = useEditor((s) => s.mode === 'train');
  const preview = useTrain((s) => s.preview);
  return train && preview ? preview : evaluation;
}

const MAX_PARAM_NUMBERS = 12;

/**
 * One unit's heatmap on its card, on the card's colour scale. Hovering or focusing it shows it
 * large (ThumbPopover), with its name and value range.
 */
function Thumb({ unit, values, size, name, range }: { unit: string; values?: Float32Array; size: number; name: string; range: [number, number] }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [open, setOpen] = useState(false);
  const [lo, hi] = range;
  useEffect(() => {
    if (ref.current && values) paintGrid(ref.current, values, size, lo, hi);
  }, [values, size, lo, hi]);
  const show = () => setOpen(true);
  const hide = () => setOpen(false);
  return (
    <>
      <canvas
        ref={ref}
        className="train-thumb"
        tabIndex={0}
        role="img"
        aria-label={`${name} over the input plane`}
        data-unit={unit}
        width={size}
        height={size}
        onMouseEnter={show}
        onMouseLeave={hide}
        onFocus={show}
        onBlur={hide}
        onKeyDown={(e) => e.key === 'Escape' && hide()}
      />
      {open && ref.current && <ThumbPopover unit={unit} name={name} anchor={ref.current} range={range} />}
    </>
  );
}

/** The card's colour key: its range, low (orange) to high (blue), small enough to sit under the pictures. */
function ThumbKey({ range: [lo, hi] }: { range: [number, number] }) {
  return (
    <div className="train-thumbs__key" role="img" aria-label={`Colour key: ${formatNumber(lo, 3)} orange to ${formatNumber(hi, 3)} blue`}>
      <span>{formatNumber(lo, 2)}</span>
      <span className="train-thumbs__bar" style={{ background: rampGradient() }} />
      <span>{formatNumber(hi, 2)}</span>
    </div>
  );
}

/**
 * What a unit is called in its popover: the card's label, and for a layer's unit its layer and
 * place, with the card's output port when the unit is one (`ports`: unit id -> port name).
 */
function unitName(label: string, rows: string[][], r: number, j: number, ports: ReadonlyMap<string, string>): string {
  if (rows.length === 1 && rows[0].length === 1) return label;
  const port = ports.get(rows[r][j]);
  return `${label} · layer ${r + 1}, unit ${j + 1}${port ? ` (output ${port})` : ''}`;
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
  const label = useEditor((s) => {
    if (!rows) return '';
    const node = s.model.nodes.find((n) => n.id === id);
    return node ? nodeLabel(node) : id;
  });
  // Which units are the card's output ports: [unit id, port name] pairs as JSON (a string, so it compares by value).
  const ports = useEditor((s) => {
    if (!rows || !macro) return '[]';
    const outputs = s.evaluation.graph?.macros.get(id)?.outputs ?? [];
    const names = s.evaluation.results.get(id)?.outputs;
    return JSON.stringify(outputs.map((unit, p) => [unit, names?.[p]?.name ?? `y${p}`]));
  });
  if (!rows && !macro) return null;
  const range = rows && heat ? unitRange(...rows.flat().map((unit) => own(heat.thumbs, unit))) : undefined;
  const portOf = new Map<string, string>(JSON.parse(ports));
  const single = !!rows && rows.length === 1 && rows[0].length === 1;
  return (
    <div className="train-extras" data-testid="train-extras">
      {rows && heat && range && (
        <div className={`train-thumbs${single ? ' train-thumbs--single' : ''}`} role="group" aria-label={`${label}: output over the input plane`}>
          {rows.map((row, r) => (
            <div key={r} className="train-thumbs__row">
              {row.map((unit, j) => (
                <Thumb key={unit} unit={unit} values={own(heat.thumbs, unit)} size={heat.thumbSize} name={unitName(label, rows, r, j, portOf)} range={range} />
              ))}
            </div>
          ))}
          <ThumbKey range={range} />
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
