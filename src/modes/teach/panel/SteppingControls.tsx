/** The control bar: step, run, back, play and its speed, the learning rate and its update, reset and the gradient check. */
import { Fragment, useEffect, useState } from 'react';
import { NO_PARAMS } from '../teachStore.ts';
import { teachStore, useTeach, useTeachProgress } from '../useTeach.ts';
import { parseLearningRate } from './learningRate.ts';
import { TEACH_KEY_LIST, TEACH_KEYS } from './teachKeys.ts';

/** Play speeds on offer, in steps per second. */
const SPEEDS = [0.5, 1, 1.5, 2, 4];

export function SteppingControls() {
  const lr = useTeach((s) => s.lr);
  const speed = useTeach((s) => s.speed);
  const playing = useTeach((s) => s.playing);
  const trainingStep = useTeach((s) => s.trainingStep);
  // Only a graph with dropout computes differently in a training step.
  const hasDropout = useTeach((s) => s.units?.graph.nodes.some((n) => n.op.training !== undefined) ?? false);
  const p = useTeachProgress();
  const teach = () => teachStore.getState();
  const [lrText, setLrText] = useState(String(lr));
  useEffect(() => setLrText((prev) => (parseLearningRate(prev) === lr ? prev : String(lr))), [lr]);
  const lrValid = parseLearningRate(lrText) !== undefined;
  return (
    <div className="teach-controls" role="group" aria-label="Stepping controls">
      <div className="teach-controls__row">
        <button
          type="button"
          className="teach-btn teach-btn--fwd"
          disabled={!p.canForward}
          onClick={() => teach().stepForward()}
          title={`Compute the next node (${TEACH_KEYS.step.glyph})`}
          aria-keyshortcuts={TEACH_KEYS.step.ariaKeys}
        >
          Step forward
        </button>
        <button
          type="button"
          className="teach-btn teach-btn--bwd"
          disabled={p.canForward || !p.canBackward}
          onClick={() => teach().stepBackward()}
          title={`Visit the next node in reverse order (${TEACH_KEYS.step.glyph} once forward is done)`}
          aria-keyshortcuts={TEACH_KEYS.step.ariaKeys}
        >
          Step backward
        </button>
      </div>
      <div className="teach-controls__row">
        <button type="button" className="teach-btn" disabled={!p.canForward} onClick={() => teach().runForward()}>
          Run forward
        </button>
        <button type="button" className="teach-btn" disabled={!p.canBackward} onClick={() => teach().runBackward()}>
          Run backward
        </button>
      </div>
      <div className="teach-controls__row">
        <button
          type="button"
          className="teach-btn"
          disabled={!p.canStepBack}
          onClick={() => teach().stepBack()}
          aria-label="Step back"
          title={`Undo the last step (${TEACH_KEYS.stepBack.glyph})`}
          aria-keyshortcuts={TEACH_KEYS.stepBack.ariaKeys}
        >
          ↶ Back
        </button>
        <button
          type="button"
          className="teach-btn"
          aria-pressed={playing}
          onClick={() => teach().setPlaying(!playing)}
          aria-label={playing ? 'Pause' : 'Play'}
          title={`Play / pause (${TEACH_KEYS.playPause.glyph})`}
          aria-keyshortcuts={TEACH_KEYS.playPause.ariaKeys}
        >
          {playing ? '❚❚ Pause' : '▶ Play'}
        </button>
        <label className="teach-speed">
          <span>Speed</span>
          <select value={speed} onChange={(e) => teach().setSpeed(Number(e.target.value))} aria-label="Play speed (steps per second)">
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}/s
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="teach-controls__row">
        <label className="teach-lr">
          <span>Learning rate</span>
          <input
            type="text"
            inputMode="decimal"
            aria-label="Learning rate"
            className={lrValid ? '' : 'is-invalid'}
            aria-invalid={!lrValid}
            value={lrText}
            onChange={(e) => {
              setLrText(e.target.value);
              const typed = parseLearningRate(e.target.value);
              if (typed !== undefined) teach().setLr(typed);
            }}
          />
        </label>
        <button
          type="button"
          className="teach-btn teach-btn--update"
          disabled={!p.canUpdate || !lrValid}
          onClick={() => teach().applyUpdate()}
          title={p.hasParams ? 'w ← w − lr · ∂L/∂w for every param, then forward again' : NO_PARAMS}
        >
          Apply update
        </button>
      </div>
      <div className="teach-controls__row">
        <button type="button" className="teach-btn" disabled={p.forwardDone === 0} onClick={() => teach().reset()}>
          Reset
        </button>
        <button type="button" className="teach-btn" onClick={() => teach().checkGradients()} title="Compare reverse mode with finite differences">
          Check gradients
        </button>
      </div>
      {hasDropout && (
        <label
          className="teach-controls__row teach-training"
          title="Dropout drops as in the first training step of the model's seed: y = m·x/(1 − p), local derivative m/(1 − p). Off: dropout is the identity, as in evaluation."
        >
          <input type="checkbox" checked={trainingStep} onChange={(e) => teach().setTrainingStep(e.target.checked)} /> Training step (dropout drops)
        </label>
      )}
      <p className="teach-keys small muted">
        {TEACH_KEY_LIST.map((a, i) => (
          <Fragment key={a.ariaKeys}>
            <kbd>{a.glyph}</kbd>
            {` ${a.label}${i < TEACH_KEY_LIST.length - 1 ? ' · ' : ''}`}
          </Fragment>
        ))}
      </p>
    </div>
  );
}
