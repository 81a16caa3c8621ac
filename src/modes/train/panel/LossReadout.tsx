import { formatNumber } from '../../../i18n/format.ts';
import { LossChart } from '../LossChart.tsx';
import { trainStore, useTrain } from '../trainStore.ts';

/** The train, validation, test and initial loss, and the loss curve. */
export function LossReadout() {
  const latest = useTrain((s) => s.snapshot?.latest);
  const initial = useTrain((s) => s.snapshot?.initialLoss);
  const log = useTrain((s) => s.logScale);
  return (
    <>
      <div className="train-losses">
        <div className="train-loss">
          <span className="train-loss__label">Train loss</span>
          <span className="train-loss__value" data-testid="train-loss">
            {latest ? formatNumber(latest.train.loss, 4) : '–'}
          </span>
        </div>
        <div
          className="train-loss train-loss--validation"
          title="Loss on the rows early stopping holds out of the training rows (– while early stopping is off)"
        >
          <span className="train-loss__label">Validation</span>
          <span className="train-loss__value" data-testid="validation-loss">
            {latest?.validation ? formatNumber(latest.validation.loss, 4) : '–'}
          </span>
        </div>
        <div className="train-loss train-loss--test">
          <span className="train-loss__label">Test loss</span>
          <span className="train-loss__value" data-testid="test-loss">
            {latest?.test ? formatNumber(latest.test.loss, 4) : '–'}
          </span>
        </div>
        <div className="train-loss train-loss--initial" title="Training loss of the initial parameters (after Reset it is the same every time)">
          <span className="train-loss__label">Initial</span>
          <span className="train-loss__value" data-testid="initial-loss">
            {initial !== undefined ? formatNumber(initial, 6) : '–'}
          </span>
        </div>
      </div>
      <LossChart />
      <label className="train-check">
        <input type="checkbox" checked={log} onChange={(e) => trainStore.setState({ logScale: e.target.checked })} /> Log scale
      </label>
    </>
  );
}
