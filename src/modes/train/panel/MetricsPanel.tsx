import { type Metrics } from '../../../../graph-engine/index.ts';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { formatNumber } from '../../../i18n/format.ts';
import { useTrain } from '../trainStore.ts';

/** A share as a percentage in the current language: "95.0%", "95,0 %"; a whole 100% without decimals. */
function pct(v: number | undefined): string {
  if (v === undefined || Number.isNaN(v)) return '–';
  const digits = v === 1 ? 0 : 1;
  return new Intl.NumberFormat(currentLanguage(), { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
}

function MetricRow({ name, train, test, id }: { name: string; train?: string; test?: string; id: string }) {
  return (
    <tr data-testid={`metric-${id}`}>
      <th scope="row">{name}</th>
      <td data-testid={`${id}-train`}>{train ?? '–'}</td>
      <td data-testid={`${id}-test`}>{test ?? '–'}</td>
    </tr>
  );
}

function Confusion({ m, title }: { m: number[][]; title: string }) {
  const { t } = useTranslation();
  const k = m.length;
  const total = m.flat().reduce((a, b) => a + b, 0) || 1;
  return (
    <table className="train-confusion" aria-label={title}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col" className="train-confusion__corner">
            {t('train.metrics.corner')}
          </th>
          {m.map((_, j) => (
            <th key={j} scope="col">
              {j}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {m.map((row, i) => (
          <tr key={i}>
            <th scope="row">{i}</th>
            {row.map((v, j) => (
              <td key={j} className={i === j ? 'is-diag' : v ? 'is-off' : ''} style={{ opacity: 0.55 + (0.45 * v) / total }}>
                {v}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      {k > 6 && <tfoot />}
    </table>
  );
}

export function MetricsPanel() {
  const { t } = useTranslation();
  const latest = useTrain((s) => s.snapshot?.latest);
  const task = useTrain((s) => s.info?.task);
  if (!latest) return <p className="muted">{t('train.metrics.none')}</p>;
  const tr: Metrics = latest.train;
  const te: Metrics | undefined = latest.test;
  const num = (v: number | undefined) => (v === undefined ? undefined : formatNumber(v, 4));
  return (
    <div className="train-metrics" aria-label={t('train.metrics.label')}>
      <table className="train-metrics__table">
        <thead>
          <tr>
            <th />
            <th scope="col">{t('train.metrics.train')}</th>
            <th scope="col">{t('train.metrics.test')}</th>
          </tr>
        </thead>
        <tbody>
          {task === 'classification' && (
            <>
              <MetricRow id="accuracy" name={t('train.metrics.accuracy')} train={pct(tr.accuracy)} test={te && pct(te.accuracy)} />
              <MetricRow id="precision" name={t('train.metrics.precision')} train={pct(tr.precision)} test={te && pct(te.precision)} />
              <MetricRow id="recall" name={t('train.metrics.recall')} train={pct(tr.recall)} test={te && pct(te.recall)} />
            </>
          )}
          {task === 'regression' && (
            <>
              <MetricRow id="mse" name="MSE" train={num(tr.mse)} test={num(te?.mse)} />
              <MetricRow id="r2" name="R²" train={num(tr.r2)} test={num(te?.r2)} />
            </>
          )}
        </tbody>
      </table>
      {!task && <p className="muted">{t('train.metrics.notStandard')}</p>}
      {tr.confusion && (
        <div className="train-confusions">
          <Confusion m={tr.confusion} title={t('train.metrics.confusionTrain')} />
          {te?.confusion && <Confusion m={te.confusion} title={t('train.metrics.confusionTest')} />}
        </div>
      )}
    </div>
  );
}
