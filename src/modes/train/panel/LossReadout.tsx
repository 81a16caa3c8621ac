import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../i18n/format.ts';
import { LossChart } from '../LossChart.tsx';
import { trainStore, useTrain } from '../trainStore.ts';

/** The train, validation, test and initial loss, and the loss curve. */
export function LossReadout() {
  const { t } = useTranslation();
  const latest = useTrain((s) => s.snapshot?.latest);
  const initial = useTrain((s) => s.snapshot?.initialLoss);
  const log = useTrain((s) => s.logScale);
  return (
    <>
      <div className="train-losses">
        <div className="train-loss">
          <span className="train-loss__label">{t('train.loss.train')}</span>
          <span className="train-loss__value" data-testid="train-loss">
            {latest ? formatNumber(latest.train.loss, 4) : '–'}
          </span>
        </div>
        <div className="train-loss train-loss--validation" title={t('train.loss.validationTitle')}>
          <span className="train-loss__label">{t('train.loss.validation')}</span>
          <span className="train-loss__value" data-testid="validation-loss">
            {latest?.validation ? formatNumber(latest.validation.loss, 4) : '–'}
          </span>
        </div>
        <div className="train-loss train-loss--test">
          <span className="train-loss__label">{t('train.loss.test')}</span>
          <span className="train-loss__value" data-testid="test-loss">
            {latest?.test ? formatNumber(latest.test.loss, 4) : '–'}
          </span>
        </div>
        <div className="train-loss train-loss--initial" title={t('train.loss.initialTitle')}>
          <span className="train-loss__label">{t('train.loss.initial')}</span>
          <span className="train-loss__value" data-testid="initial-loss">
            {initial !== undefined ? formatNumber(initial, 6) : '–'}
          </span>
        </div>
      </div>
      <LossChart />
      <label className="train-check">
        <input type="checkbox" checked={log} onChange={(e) => trainStore.setState({ logScale: e.target.checked })} /> {t('train.loss.logScale')}
      </label>
    </>
  );
}
