/**
 * A collapsed dense or mlp card's network view, as TensorFlow Playground draws a network: units
 * as circles in columns, weights as lines (width |w|, blue positive, orange negative). Hovering a
 * line shows w and ∂L/∂w; clicking it opens that weight's cell in the inspector's grid. Buttons
 * add or remove a unit in a layer, or a hidden layer (the engine resizes; one undo step each).
 * Where gradients exist, a switch draws ∂L/∂w instead of w: where learning happens.
 */
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type LayerResize } from '../../../graph-engine/index.ts';
import { formatNumber } from '../../i18n/format.ts';
import { focusWeightCell } from '../../inspector/WeightGrid.tsx';
import { HIGH_CSS, LOW_CSS } from '../../modes/train/colors.ts';
import { editorStore, useEditor } from '../../store/useEditor.ts';
import { PORT_ROW_PX } from '../cardMetrics.ts';
import { MAX_LINES, networkPicture, type WeightLine } from './networkLayout.ts';
import { networkViewStore, useNetworkView } from './networkViewStore.ts';
import { useNetworkReading } from './useNetworkReading.ts';
import './network.css';

/** Layer macros that have a network view: those with weight layers (a neuron's is one unit, and not resized). */
const hasNetworkView = (op: string) => op === 'dense' || op === 'mlp' || op === 'neuron';

const COLOUR = { pos: HIGH_CSS, neg: LOW_CSS, zero: '#9a9a9a' } as const;

/** The header's button that switches the card between its compact form and its network view. */
export const NetworkToggle = memo(function NetworkToggle({ id, op }: { id: string; op: string }) {
  const open = useNetworkView((s) => s.open.has(id));
  const { t } = useTranslation();
  if (!hasNetworkView(op)) return null;
  return (
    <button
      type="button"
      className={`netview-toggle nodrag nopan${open ? ' is-on' : ''}`}
      aria-label={t('canvas.network.toggle')}
      aria-pressed={open}
      title={open ? t('canvas.network.toggleOn') : t('canvas.network.toggleOff')}
      onClick={() => networkViewStore.getState().toggle('open', id)}
    >
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
        <path d="M3 4 L13 8 M3 12 L13 8 M3 4 L13 4 M3 12 L13 12" stroke="currentColor" strokeWidth="1.2" />
        <circle cx="3" cy="4" r="2" />
        <circle cx="3" cy="12" r="2" />
        <circle cx="13" cy="8" r="2" />
      </svg>
    </button>
  );
});

/** The network view in the card's body, when it is switched on. */
export const NetworkPanel = memo(function NetworkPanel({ id, op, label, lossLabel }: { id: string; op: string; label: string; lossLabel: string }) {
  const open = useNetworkView((s) => s.open.has(id));
  if (!open || !hasNetworkView(op)) return null;
  return <Network id={id} op={op} label={label} lossLabel={lossLabel} />;
});

function Network({ id, op, label, lossLabel }: { id: string; op: string; label: string; lossLabel: string }) {
  const { t } = useTranslation();
  const layers = useNetworkReading(id);
  const mode = useEditor((s) => s.mode);
  const hasGrads = !!layers?.length && layers.every((l) => l.gW);
  const gradientOn = useNetworkView((s) => s.gradient.has(id));
  const gradient = gradientOn && hasGrads;
  const picture = useMemo(() => (layers?.length ? networkPicture(layers, gradient) : undefined), [layers, gradient]);
  const [hover, setHover] = useState<WeightLine>();
  // Below the card's rows of input ports when there are more of them than outputs (their names sit on the rows).
  const spare = useEditor((s) => {
    const r = s.evaluation.results.get(id);
    return Math.max(0, (r?.ports ?? 0) - (r?.outputs?.length ?? 1));
  });
  const style = { marginTop: 6 + spare * PORT_ROW_PX };
  if (!picture || !layers) {
    return (
      <section className="netview nodrag nopan" aria-label={t('canvas.network.label', { label })} style={style}>
        <p className="netview__empty">{t('canvas.network.empty')}</p>
      </section>
    );
  }
  const resize = (edit: LayerResize) => {
    setHover(undefined);
    editorStore.getState().resizeLayers(id, edit);
  };
  // While training, the worker owns the model: the shape changes in Build or Teach.
  const editable = mode !== 'train' && op !== 'neuron';
  const shownName = gradient ? `∂${lossLabel}/∂w` : 'w';
  const hovered = hover && picture.lines.find((l) => l.name === hover.name);
  return (
    <section className="netview nodrag nopan" aria-label={t('canvas.network.label', { label })} style={{ ...style, width: picture.width }}>
      {(editable && op === 'mlp') || hasGrads ? (
        <div className="netview__tools">
          {editable && op === 'mlp' && (
            <span className="netview__layers">
              <button
                type="button"
                aria-label={t('canvas.network.removeLayer')}
                title={t('canvas.network.removeLayerTitle')}
                onClick={() => resize({ kind: 'removeLayer' })}
              >
                {t('canvas.network.removeLayerButton')}
              </button>
              <button
                type="button"
                aria-label={t('canvas.network.addLayer')}
                title={t('canvas.network.addLayerTitle')}
                onClick={() => resize({ kind: 'addLayer' })}
              >
                {t('canvas.network.addLayerButton')}
              </button>
            </span>
          )}
          {hasGrads && (
            <label className="netview__switch" title={t('canvas.network.gradientTitle', { loss: lossLabel })}>
              <input type="checkbox" checked={gradientOn} onChange={() => networkViewStore.getState().toggle('gradient', id)} />
              {t('canvas.network.gradient', { loss: lossLabel })}
            </label>
          )}
        </div>
      ) : null}
      <div className="netview__plot" style={{ width: picture.width, height: picture.height }}>
        <svg
          width={picture.width}
          height={picture.height}
          className="netview__svg"
          role="img"
          aria-label={t('canvas.network.picture', { label, count: picture.total })}
        >
          <g>
            {picture.lines.map((l) => (
              <line
                key={l.name}
                x1={l.x1}
                y1={l.y1}
                x2={l.x2}
                y2={l.y2}
                stroke={COLOUR[l.sign]}
                strokeWidth={l.width}
                strokeLinecap="round"
                className="netview__line"
              />
            ))}
          </g>
          {hovered && (
            <g className="netview__hover">
              <line x1={hovered.x1} y1={hovered.y1} x2={hovered.x2} y2={hovered.y2} strokeWidth={Math.max(hovered.width, 2) + 4} />
              <line x1={hovered.x1} y1={hovered.y1} x2={hovered.x2} y2={hovered.y2} strokeWidth={Math.max(hovered.width, 2)} stroke={COLOUR[hovered.sign]} />
            </g>
          )}
          <g>
            {/* A transparent band around each line takes the pointer, so thin lines are easy to hit. */}
            {picture.lines.map((l) => (
              // biome-ignore lint/a11y/noStaticElementInteractions: each weight is also its own cell in the inspector's grid, which is the keyboard's way in.
              <polygon
                key={l.name}
                points={l.hit}
                className="netview__hit"
                data-testid="netview-line"
                data-weight={l.name}
                onPointerEnter={() => setHover(l)}
                onPointerLeave={() => setHover((h) => (h?.name === l.name ? undefined : h))}
                onClick={(e) => {
                  e.stopPropagation();
                  editorStore.getState().setSelection([id]);
                  focusWeightCell(id, l.layer, l.unit, l.input);
                }}
              />
            ))}
          </g>
          {picture.columns.map((col, c) =>
            col.map((u) => (
              <circle key={`${c}-${u.name}`} cx={u.x} cy={u.y} r={u.r} className={c === 0 ? 'netview__unit netview__unit--input' : 'netview__unit'}>
                <title>{u.name}</title>
              </circle>
            )),
          )}
        </svg>
        {hovered && <WeightTip line={hovered} lossLabel={lossLabel} />}
      </div>
      <div className={`netview__columns${editable ? '' : ' netview__columns--counts'}`} style={{ width: picture.width }}>
        {picture.columns.map((col, c) => (
          <span key={c} className="netview__column" style={{ left: col[0]?.x ?? 0 }}>
            <span
              className="netview__count"
              data-testid="netview-count"
              title={c === 0 ? t('canvas.network.inputs', { count: col.length }) : t('canvas.network.units', { layer: c, count: col.length })}
            >
              {col.length}
            </span>
            {c > 0 && editable && (
              <span className="netview__unit-buttons">
                <button
                  type="button"
                  aria-label={t('canvas.network.removeUnit', { layer: c })}
                  title={t('canvas.network.removeUnitTitle', { layer: c })}
                  onClick={() => resize({ kind: 'removeUnit', layer: c - 1 })}
                >
                  −
                </button>
                <button
                  type="button"
                  aria-label={t('canvas.network.addUnit', { layer: c })}
                  title={t('canvas.network.addUnit', { layer: c })}
                  onClick={() => resize({ kind: 'addUnit', layer: c - 1 })}
                >
                  +
                </button>
              </span>
            )}
          </span>
        ))}
      </div>
      <div className="netview__legend">
        <span className="netview__key">
          <span className="netview__swatch" style={{ background: COLOUR.pos }} /> {`${shownName} > 0`}
        </span>
        <span className="netview__key">
          <span className="netview__swatch" style={{ background: COLOUR.neg }} /> {`${shownName} < 0`}
        </span>
        <span className="netview__key" title={t('canvas.network.widthTitle')}>
          {t('canvas.network.width', { name: shownName, max: formatNumber(picture.maxAbs, 3) })}
        </span>
        {picture.total > MAX_LINES && (
          <span className="netview__key" data-testid="netview-cap">
            {t('canvas.network.cap', { shown: picture.lines.length, total: picture.total })}
          </span>
        )}
      </div>
    </section>
  );
}

/** The hovered weight's name, value and gradient, beside the line's middle. */
function WeightTip({ line, lossLabel }: { line: WeightLine; lossLabel: string }) {
  const x = (line.x1 + line.x2) / 2;
  const y = (line.y1 + line.y2) / 2;
  return (
    <div className="netview__tip" role="tooltip" data-testid="netview-tip" style={{ left: x, top: y }}>
      <div>
        {line.name} = {formatNumber(line.w)}
      </div>
      {line.grad !== undefined && (
        <div>
          ∂{lossLabel}/∂{line.name} = {formatNumber(line.grad)}
        </div>
      )}
    </div>
  );
}
