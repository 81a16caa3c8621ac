import { PACE_PRESETS, paceLabel } from '../../../trainWorker/pace.ts';
import { trainController as ctl } from '../appController.ts';
import { useTrain } from '../trainStore.ts';

/** Reset, Play/Pause, Step epoch and Step batch. */
export function Controls() {
  const running = useTrain((s) => s.running);
  const status = useTrain((s) => s.status);
  const ready = status === 'ready';
  return (
    <div className="train-controls" role="toolbar" aria-label="Training controls">
      <button
        type="button"
        className="train-btn train-btn--reset"
        onClick={() => void ctl.reset()}
        disabled={!ready}
        title="Re-initialise the parameters from the seed (the same start every time)"
      >
        Reset
      </button>
      {running ? (
        <button
          type="button"
          className="train-btn train-btn--play is-running"
          onClick={() => void ctl.pause()}
          title="Pause and keep the trained weights in the graph"
        >
          Pause
        </button>
      ) : (
        <button
          type="button"
          className="train-btn train-btn--play"
          onClick={() => void ctl.play()}
          disabled={!ready}
          title="Train in the background until paused"
        >
          Play
        </button>
      )}
      <button type="button" className="train-btn" onClick={() => void ctl.stepEpoch()} disabled={!ready || running} title="Train exactly one epoch">
        Step epoch
      </button>
      <button type="button" className="train-btn" onClick={() => void ctl.stepBatch()} disabled={!ready || running} title="Train exactly one mini-batch step">
        Step batch
      </button>
    </div>
  );
}

/** How fast Play trains (changes a run at once), and how far training has got: epochs and steps. */
export function PaceRow() {
  const running = useTrain((s) => s.running);
  const pace = useTrain((s) => s.pace);
  const epoch = useTrain((s) => s.snapshot?.epoch ?? 0);
  const steps = useTrain((s) => s.snapshot?.steps ?? 0);
  const rate = useTrain((s) => s.snapshot?.epochsPerSecond ?? 0);
  return (
    <div className="train-pace">
      <label className="train-pace__speed" title="How fast Play trains: slow enough to watch the decision boundary form, or Max">
        <span>Speed</span>
        <select
          value={paceLabel(pace)}
          onChange={(e) => {
            const preset = PACE_PRESETS.find((p) => p.label === e.target.value);
            if (preset) void ctl.setPace(preset.pace);
          }}
        >
          {PACE_PRESETS.map((p) => (
            <option key={p.label} value={p.label}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <div className="train-epoch" aria-live="off">
        <span className="train-epoch__label">Epoch</span>
        <span className="train-epoch__value" data-testid="epoch">
          {epoch.toLocaleString('en-US')}
        </span>
        <span className="train-epoch__rate" title="Mini-batch steps trained since the start (or Reset)">
          step <span data-testid="steps">{steps.toLocaleString('en-US')}</span>
          {running && rate > 0 && ` · ${Math.round(rate).toLocaleString('en-US')} epochs/s`}
        </span>
      </div>
    </div>
  );
}
