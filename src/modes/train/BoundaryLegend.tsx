/**
 * What the output picture's colours and axes mean, and which row the canvas shows: the key under
 * the decision boundary. Colours come from colors.ts, the same ramp the picture is painted with.
 */
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format.ts';
import { classCss, rampGradient } from './colors.ts';
import { useTrain } from './trainStore.ts';

/** The colour key: a ramp from the low to the high value (two classes, regression), or a swatch per class. */
export function BoundaryLegend() {
  const { t } = useTranslation();
  const plane = useTrain((s) => s.info?.plane);
  const task = useTrain((s) => s.info?.task);
  const discretize = useTrain((s) => s.discretize);
  if (!plane) return null;
  const [[x0, x1], [y0, y1]] = plane.range;
  const axes = (
    <span className="train-key__axes">
      {t('train.legend.axes', {
        x: plane.axes[0],
        x0: formatNumber(x0, 3),
        x1: formatNumber(x1, 3),
        y: plane.axes[1],
        y0: formatNumber(y0, 3),
        y1: formatNumber(y1, 3),
      })}
    </span>
  );
  if (plane.outputs) {
    return (
      <div className="train-key" data-testid="boundary-legend">
        <span className="train-key__row" role="list" aria-label={t('train.legend.classKey')}>
          <span className="train-key__title">{t('train.legend.class')}</span>
          {plane.outputs.map((_, c) => (
            <span key={c} className="train-key__class" role="listitem">
              <span className="train-key__swatch" style={{ background: classCss(c) }} aria-hidden="true" />
              {c}
            </span>
          ))}
          <span className="muted">{t('train.legend.paler')}</span>
        </span>
        {axes}
      </div>
    );
  }
  const [lo, hi] = plane.heatRange ?? plane.valueRange;
  const kind = task === 'regression' ? 'output' : plane.heatRange ? 'logit' : 'prediction';
  return (
    <div className="train-key" data-testid="boundary-legend">
      <span
        className="train-key__row"
        role="img"
        aria-label={t(discretize ? 'train.legend.rampKey' : 'train.legend.rampKeyPale', {
          what: t(`train.legend.${kind}Lower`),
          lo: formatNumber(lo),
          hi: formatNumber(hi),
        })}
      >
        <span className="train-key__title">{t(`train.legend.${kind}`)}</span>
        <span>
          {formatNumber(lo)} <span className="train-key__low">{t('train.legend.orange')}</span>
        </span>
        <span className="train-key__bar" style={{ background: rampGradient(discretize) }} />
        <span>
          {formatNumber(hi)} <span className="train-key__high">{t('train.legend.blue')}</span>
        </span>
      </span>
      {axes}
    </div>
  );
}

/** Which dataset row the canvas shows, and how to pick another. */
export function SampleShown() {
  const { t } = useTranslation();
  const row = useTrain((s) => s.sampleIndex);
  const test = useTrain((s) => s.info?.points?.test[s.sampleIndex]);
  const rows = useTrain((s) => s.info?.rows ?? 0);
  if (row < 0 || row >= rows) return null;
  return (
    <p className="train-sample" data-testid="boundary-sample" aria-live="polite">
      {test === undefined ? t('train.legend.sample', { row }) : test === 1 ? t('train.legend.sampleTest', { row }) : t('train.legend.sampleTrain', { row })}{' '}
      <span className="muted">{t('train.legend.pickAnother')}</span>
    </p>
  );
}
