import { useTranslation } from 'react-i18next';
import { PACE_PRESETS, paceLabel, type Pace } from '../../../trainWorker/pace.ts';
import { trainController as ctl } from '../appController.ts';
import { useTrain } from '../trainStore.ts';

/** Reset, Play/Pause, Step epoch and Step batch. */
export function Controls() {
  const { t } = useTranslation();
  const running = useTrain((s) => s.running);
  const status = useTrain((s) => s.status);
  const ready = status === 'ready';
  return (
    <div className="train-controls" role="toolbar" aria-label={t('train.controls.label')}>
      <button type="button" className="train-btn train-btn--reset" onClick={() => void ctl.reset()} disabled={!ready} title={t('train.controls.resetTitle')}>
        {t('train.controls.reset')}
      </button>
      {running ? (
        <button type="button" className="train-btn train-btn--play is-running" onClick={() => void ctl.pause()} title={t('train.controls.pauseTitle')}>
          {t('train.controls.pause')}
        </button>
      ) : (
        <button type="button" className="train-btn train-btn--play" onClick={() => void ctl.play()} disabled={!ready} title={t('train.controls.playTitle')}>
          {t('train.controls.play')}
        </button>
      )}
      <button type="button" className="train-btn" onClick={() => void ctl.stepEpoch()} disabled={!ready || running} title={t('train.controls.stepEpochTitle')}>
        {t('train.controls.stepEpoch')}
      </button>
      <button type="button" className="train-btn" onClick={() => void ctl.stepBatch()} disabled={!ready || running} title={t('train.controls.stepBatchTitle')}>
        {t('train.controls.stepBatch')}
      </button>
    </div>
  );
}

/** How fast Play trains (changes a run at once), and how far training has got: epochs and steps. */
export function PaceRow() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const paceName = (pace: Pace) =>
    pace.kind === 'max'
      ? t('train.pace.max')
      : pace.kind === 'steps'
        ? t('train.pace.batchPerFrame')
        : t('train.pace.epochsPerSecond', { count: pace.perSecond });
  const running = useTrain((s) => s.running);
  const pace = useTrain((s) => s.pace);
  const epoch = useTrain((s) => s.snapshot?.epoch ?? 0);
  const steps = useTrain((s) => s.snapshot?.steps ?? 0);
  const rate = useTrain((s) => s.snapshot?.epochsPerSecond ?? 0);
  return (
    <div className="train-pace">
      <label className="train-pace__speed" title={t('train.pace.speedTitle')}>
        <span>{t('train.pace.speed')}</span>
        <select
          value={paceLabel(pace)}
          onChange={(e) => {
            const preset = PACE_PRESETS.find((p) => p.label === e.target.value);
            if (preset) void ctl.setPace(preset.pace);
          }}
        >
          {PACE_PRESETS.map((p) => (
            <option key={p.label} value={p.label}>
              {paceName(p.pace)}
            </option>
          ))}
        </select>
      </label>
      <div className="train-epoch" aria-live="off">
        <span className="train-epoch__label">{t('train.pace.epoch')}</span>
        <span className="train-epoch__value" data-testid="epoch">
          {epoch.toLocaleString(lang)}
        </span>
        <span className="train-epoch__rate" title={t('train.pace.stepsTitle')}>
          {t('train.pace.step')} <span data-testid="steps">{steps.toLocaleString(lang)}</span>
          {running && rate > 0 && t('train.pace.rate', { rate: Math.round(rate).toLocaleString(lang) })}
        </span>
      </div>
    </div>
  );
}
