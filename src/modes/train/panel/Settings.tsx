import { useTranslation } from 'react-i18next';
import { parseWhole } from '../../../ui/numberText.ts';
import { trainController as ctl } from '../appController.ts';
import { useTrain, type Regularisation } from '../trainStore.ts';
import { NumberInput } from './NumberInput.tsx';

const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
const REG_RATES = [0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];

/** Optimisation: learning rate, optimizer, batch size, regularisation, epoch limit, early stopping. */
export function Settings() {
  const { t, i18n } = useTranslation();
  // Rates as typed, with the language's decimal separator ("0,001"): no exponent, no rounding.
  const rate = (r: number) => r.toLocaleString(i18n.language, { maximumFractionDigits: 12, useGrouping: false });
  const s = useTrain((st) => st.info?.settings);
  const reg = useTrain((st) => st.regularisation);
  const regRate = useTrain((st) => st.regRate);
  const early = useTrain((st) => st.earlyStopping);
  const limit = useTrain((st) => st.epochLimit);
  const trainRows = useTrain((st) => st.info?.trainRows);
  if (!s) return null;
  const rates = LEARNING_RATES.includes(s.lr) ? LEARNING_RATES : [...LEARNING_RATES, s.lr].sort((a, b) => a - b);
  const regs = REG_RATES.includes(regRate) ? REG_RATES : [...REG_RATES, regRate].sort((a, b) => a - b);
  return (
    <div className="train-grid">
      <label className="train-field">
        <span>{t('train.settings.learningRate')}</span>
        <select value={s.lr} onChange={(e) => void ctl.setOverride({ lr: Number(e.target.value) })}>
          {rates.map((r) => (
            <option key={r} value={r}>
              {rate(r)}
            </option>
          ))}
        </select>
      </label>
      <label className="train-field">
        <span>{t('train.settings.optimizer')}</span>
        <select value={s.optimizer} onChange={(e) => void ctl.setOverride({ optimizer: e.target.value as 'sgd' })}>
          <option value="sgd">{t('train.settings.sgd')}</option>
          <option value="momentum">{t('train.settings.momentum')}</option>
          <option value="adam">{t('train.settings.adam')}</option>
        </select>
      </label>
      <NumberInput
        id="batch"
        label={t('train.settings.batchSize')}
        value={s.batchSize}
        min={1}
        max={trainRows}
        step={1}
        onCommit={(v) => v !== undefined && void ctl.setOverride({ batchSize: Math.round(v) })}
      />
      <label className="train-field">
        <span>{t('train.settings.regularisation')}</span>
        <select value={reg} onChange={(e) => void ctl.setRegularisation(e.target.value as Regularisation)}>
          <option value="none">{t('train.settings.none')}</option>
          <option value="l1">L1</option>
          <option value="l2">L2</option>
        </select>
      </label>
      <label className="train-field">
        <span>{t('train.settings.regRate')}</span>
        <select value={regRate} disabled={reg === 'none'} onChange={(e) => void ctl.setRegularisation(reg, Number(e.target.value))}>
          {regs.map((r) => (
            <option key={r} value={r}>
              {rate(r)}
            </option>
          ))}
        </select>
      </label>
      <NumberInput
        id="limit"
        label={t('train.settings.stopAt')}
        value={limit}
        min={1}
        step={1}
        placeholder={t('train.settings.noLimit')}
        onCommit={(v) => void ctl.setEpochLimit(v === undefined ? undefined : Math.round(v))}
      />
      <label className="train-check train-grid__wide">
        <input type="checkbox" checked={early} onChange={(e) => void ctl.setEarlyStopping(e.target.checked, s.patience ?? 20)} />
        <span className="train-check__text">
          {t('train.settings.earlyBefore')}{' '}
          <input
            className="train-inline-number"
            type="number"
            min={1}
            aria-label={t('train.settings.patience')}
            disabled={!early}
            defaultValue={s.patience ?? 20}
            onBlur={(e) => {
              const patience = parseWhole(e.target.value);
              if (patience >= 1) void ctl.setEarlyStopping(true, patience);
            }}
          />{' '}
          {t('train.settings.earlyAfter')}
        </span>
      </label>
    </div>
  );
}
