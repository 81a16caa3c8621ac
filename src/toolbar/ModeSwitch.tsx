/**
 * Build / Teach / Train / Learn: the switch the toolbar and the embed's bar both show. Learn is not
 * a fourth canvas mode but a lesson's panel beside the canvas, which is in the step's own mode.
 */
import { useTranslation } from 'react-i18next';
import { MODES } from '../store/editorStore.ts';
import { editorStore, useEditor } from '../store/useEditor.ts';

export function ModeSwitch() {
  const { t } = useTranslation();
  const mode = useEditor((s) => s.mode);
  const learn = useEditor((s) => s.learn);
  const store = editorStore.getState();
  return (
    <div className="mode-switch" role="group" aria-label={t('toolbar.mode')}>
      {MODES.map((m) => (
        <button
          key={m}
          type="button"
          aria-pressed={!learn && mode === m}
          className={!learn && mode === m ? 'is-active' : ''}
          title={t(`toolbar.modes.${m}.title`)}
          onClick={() => store.setMode(m)}
        >
          {t(`toolbar.modes.${m}.name`)}
        </button>
      ))}
      <button
        type="button"
        aria-pressed={learn}
        className={learn ? 'is-active' : ''}
        title={t('toolbar.modes.learn.title')}
        onClick={() => store.setLearn(true)}
      >
        {t('toolbar.modes.learn.name')}
      </button>
    </div>
  );
}
