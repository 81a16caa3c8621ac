/** The control bar: step, run, back, play and its speed, the learning rate and its update, reset and the gradient check. */
import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { decimalSeparator, formatNumber } from '../../../i18n/format.ts';
import { useLanguage } from '../../../i18n/i18n.ts';
import { teachStore, useTeach, useTeachProgress } from '../useTeach.ts';
import { parseLearningRate } from './learningRate.ts';
import { TEACH_KEY_LIST, TEACH_KEYS } from './teachKeys.ts';

/** Play speeds on offer, in steps per second. */
const SPEEDS = [0.5, 1, 1.5, 2, 4];

export function SteppingControls() {
  const { t } = useTranslation();
  const lr = useTeach((s) => s.lr);
  const speed = useTeach((s) => s.speed);
  const playing = useTeach((s) => s.playing);
  const trainingStep = useTeach((s) => s.trainingStep);
  // Only a graph with dropout computes differently in a training step.
  const hasDropout = useTeach((s) => s.units?.graph.nodes.some((n) => n.op.training !== undefined) ?? false);
  const p = useTeachProgress();
  const teach = () => teachStore.getState();
  const lang = useLanguage();
  /** The rate as the current language writes it, with every digit ("0,001" in Spanish). */
  const lrShown = (x: number) => String(x).replace('.', decimalSeparator(lang));
  const [lrText, setLrText] = useState(() => lrShown(lr));
  // biome-ignore lint/correctness/useExhaustiveDependencies: rewritten when the rate or the language changes, not on every render
  useEffect(() => setLrText((prev) => (parseLearningRate(prev) === lr ? prev : lrShown(lr))), [lr]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new language writes the rate (the last valid one) with its own separator
  useEffect(() => setLrText(lrShown(lr)), [lang]);
  const lrValid = parseLearningRate(lrText) !== undefined;
  return (
    <div className="teach-controls" role="group" aria-label={t('teach.controls.label')}>
      <div className="teach-controls__row">
        <button
          type="button"
          className="teach-btn teach-btn--fwd"
          disabled={!p.canForward}
          onClick={() => teach().stepForward()}
          title={t('teach.controls.stepForwardTitle', { key: TEACH_KEYS.step.glyph })}
          aria-keyshortcuts={TEACH_KEYS.step.ariaKeys}
        >
          {t('teach.controls.stepForward')}
        </button>
        <button
          type="button"
          className="teach-btn teach-btn--bwd"
          disabled={p.canForward || !p.canBackward}
          onClick={() => teach().stepBackward()}
          title={t('teach.controls.stepBackwardTitle', { key: TEACH_KEYS.step.glyph })}
          aria-keyshortcuts={TEACH_KEYS.step.ariaKeys}
        >
          {t('teach.controls.stepBackward')}
        </button>
      </div>
      <div className="teach-controls__row">
        <button type="button" className="teach-btn" disabled={!p.canForward} onClick={() => teach().runForward()}>
          {t('teach.controls.runForward')}
        </button>
        <button type="button" className="teach-btn" disabled={!p.canBackward} onClick={() => teach().runBackward()}>
          {t('teach.controls.runBackward')}
        </button>
      </div>
      <div className="teach-controls__row">
        <button
          type="button"
          className="teach-btn"
          disabled={!p.canStepBack}
          onClick={() => teach().stepBack()}
          aria-label={t('teach.controls.stepBack')}
          title={t('teach.controls.stepBackTitle', { key: TEACH_KEYS.stepBack.glyph })}
          aria-keyshortcuts={TEACH_KEYS.stepBack.ariaKeys}
        >
          {t('teach.controls.back')}
        </button>
        <button
          type="button"
          className="teach-btn"
          aria-pressed={playing}
          onClick={() => teach().setPlaying(!playing)}
          aria-label={playing ? t('teach.controls.pause') : t('teach.controls.play')}
          title={t('teach.controls.playTitle', { key: TEACH_KEYS.playPause.glyph })}
          aria-keyshortcuts={TEACH_KEYS.playPause.ariaKeys}
        >
          {playing ? t('teach.controls.pauseButton') : t('teach.controls.playButton')}
        </button>
        <label className="teach-speed">
          <span>{t('teach.controls.speed')}</span>
          <select value={speed} onChange={(e) => teach().setSpeed(Number(e.target.value))} aria-label={t('teach.controls.speedLabel')}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {t('teach.controls.perSecond', { speed: formatNumber(s) })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="teach-controls__row">
        <label className="teach-lr">
          <span>{t('teach.controls.learningRate')}</span>
          <input
            type="text"
            inputMode="decimal"
            aria-label={t('teach.controls.learningRate')}
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
          title={p.hasParams ? t('teach.controls.applyUpdateTitle') : t('teach.controls.noParams')}
        >
          {t('teach.controls.applyUpdate')}
        </button>
      </div>
      <div className="teach-controls__row">
        <button type="button" className="teach-btn" disabled={p.forwardDone === 0} onClick={() => teach().reset()}>
          {t('teach.controls.reset')}
        </button>
        <button type="button" className="teach-btn" onClick={() => teach().checkGradients()} title={t('teach.controls.checkGradientsTitle')}>
          {t('teach.controls.checkGradients')}
        </button>
      </div>
      {hasDropout && (
        <label className="teach-controls__row teach-training" title={t('teach.controls.trainingStepTitle')}>
          <input type="checkbox" checked={trainingStep} onChange={(e) => teach().setTrainingStep(e.target.checked)} /> {t('teach.controls.trainingStep')}
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
