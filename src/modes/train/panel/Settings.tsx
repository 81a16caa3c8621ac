import { parseWhole } from '../../../ui/numberText.ts';
import { trainController as ctl } from '../appController.ts';
import { useTrain, type Regularisation } from '../trainStore.ts';
import { NumberInput } from './NumberInput.tsx';

const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
const REG_RATES = [0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];

/** Optimisation: learning rate, optimizer, batch size, regularisation, epoch limit, early stopping. */
export function Settings() {
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
        <span>Learning rate</span>
        <select value={s.lr} onChange={(e) => void ctl.setOverride({ lr: Number(e.target.value) })}>
          {rates.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <label className="train-field">
        <span>Optimizer</span>
        <select value={s.optimizer} onChange={(e) => void ctl.setOverride({ optimizer: e.target.value as 'sgd' })}>
          <option value="sgd">SGD</option>
          <option value="momentum">Momentum</option>
          <option value="adam">Adam</option>
        </select>
      </label>
      <NumberInput
        id="batch"
        label="Batch size"
        value={s.batchSize}
        min={1}
        max={trainRows}
        step={1}
        onCommit={(v) => v !== undefined && void ctl.setOverride({ batchSize: Math.round(v) })}
      />
      <label className="train-field">
        <span>Regularisation</span>
        <select value={reg} onChange={(e) => void ctl.setRegularisation(e.target.value as Regularisation)}>
          <option value="none">None</option>
          <option value="l1">L1</option>
          <option value="l2">L2</option>
        </select>
      </label>
      <label className="train-field">
        <span>Regularisation rate</span>
        <select value={regRate} disabled={reg === 'none'} onChange={(e) => void ctl.setRegularisation(reg, Number(e.target.value))}>
          {regs.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <NumberInput
        id="limit"
        label="Stop at epoch"
        value={limit}
        min={1}
        step={1}
        placeholder="no limit"
        onCommit={(v) => void ctl.setEpochLimit(v === undefined ? undefined : Math.round(v))}
      />
      <label className="train-check train-grid__wide">
        <input type="checkbox" checked={early} onChange={(e) => void ctl.setEarlyStopping(e.target.checked, s.patience ?? 20)} />
        <span className="train-check__text">
          Early stopping: hold out validation rows from the training rows; stop when the validation loss has not improved for{' '}
          <input
            className="train-inline-number"
            type="number"
            min={1}
            aria-label="Patience (epochs)"
            disabled={!early}
            defaultValue={s.patience ?? 20}
            onBlur={(e) => {
              const patience = parseWhole(e.target.value);
              if (patience >= 1) void ctl.setEarlyStopping(true, patience);
            }}
          />{' '}
          epochs (restores the best epoch's weights)
        </span>
      </label>
    </div>
  );
}
