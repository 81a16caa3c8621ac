/**
 * What Train mode adds to the canvas: the live evaluation (trained parameters, chosen sample) in
 * place of the editor's, and on each card a thumbnail heatmap per unit over the input plane plus
 * the layer's current parameters. Kept light: the Train panel itself loads on demand.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nodeLabel, own } from '../../../graph-engine/index.ts';
import { formatNumber } from '../../i18n/format.ts';
import { t as translate } from '../../i18n/i18n.ts';
import type { Evaluation } from '../../store/evaluate.ts';
import { useEditor } from '../../store/useEditor.ts';
import { paintGrid, rampGradient, rampRgb, unitRange } from './colors.ts';
import { localizeDecimalPoint } from './fixedNumber.ts';
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
  const { t } = useTranslation();
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
        aria-label={t('train.canvas.thumb', { name })}
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
  const { t } = useTranslation();
  return (
    <div className="train-thumbs__key" role="img" aria-label={t('train.canvas.key', { lo: formatNumber(lo, 3), hi: formatNumber(hi, 3) })}>
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
  const where = { label, layer: r + 1, unit: j + 1, port };
  return port ? translate('train.canvas.unitPort', where) : translate('train.canvas.unit', where);
}

/** A card's own parameters (ids "<card>/<name>") from the worker's record, in its order. */
function paramsOf(params: Record<string, number> | undefined, id: string): { name: string; value: number }[] {
  if (!params) return [];
  const prefix = `${id}/`;
  const mine: { name: string; value: number }[] = [];
  for (const k of Object.keys(params)) if (k.startsWith(prefix)) mine.push({ name: k.slice(prefix.length), value: params[k] });
  return mine;
}

/**
 * Every weight's sign and size as one pixel column each, stretched to the strip: a canvas, not a
 * span per weight (a digits layer has over a thousand, and restyling them per snapshot held the
 * page near 12 fps).
 */
function ParamStrip({ entries, max }: { entries: { value: number }[]; max: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = ref.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    if (c.width !== entries.length) c.width = entries.length;
    c.height = 1;
    const img = ctx.createImageData(entries.length, 1);
    entries.forEach((e, i) => {
      const [r, g, b] = rampRgb(0.5 + (0.5 * e.value) / max);
      img.data.set([r, g, b, 255], i * 4);
    });
    ctx.putImageData(img, 0, 0);
  }, [entries, max]);
  return <canvas ref={ref} className="train-params__strip" />;
}

function ParamsView({ id }: { id: string }) {
  const { t } = useTranslation();
  const params = useTrain((s) => s.snapshot?.params);
  const entries = useMemo(() => paramsOf(params, id), [params, id]);
  if (!entries.length) return null;
  const max = entries.reduce((m, e) => Math.max(m, Math.abs(e.value)), 1e-9);
  if (entries.length > MAX_PARAM_NUMBERS) {
    // Many weights: one line (cards must not grow into their neighbours), the signs as a strip.
    // The tooltip listing them all is written when the pointer arrives, not on every snapshot.
    return (
      <div
        className="train-params train-params--summary"
        data-testid="train-params"
        aria-label={t('train.canvas.params', { id })}
        onPointerEnter={(e) => {
          e.currentTarget.title = entries.map((p) => `${p.name} = ${formatNumber(p.value, 4)}`).join('\n');
        }}
      >
        <span>{t('train.canvas.summary', { count: entries.length, max: formatNumber(max, 3) })}</span>
        <ParamStrip entries={entries} max={max} />
      </div>
    );
  }
  return (
    <div className="train-params" data-testid="train-params" aria-label={t('train.canvas.params', { id })}>
      {entries.map((e) => (
        <span key={e.name} className="train-param" title={`${id}/${e.name} = ${localizeDecimalPoint(String(e.value))}`}>
          <span className="train-param__name">{e.name}</span>
          <span className="train-param__value">{formatNumber(e.value, 3)}</span>
        </span>
      ))}
    </div>
  );
}

function Extras({ id, macro }: { id: string; macro: boolean }) {
  const { t } = useTranslation();
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
        <div className={`train-thumbs${single ? ' train-thumbs--single' : ''}`} role="group" aria-label={t('train.canvas.thumbs', { label })}>
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
