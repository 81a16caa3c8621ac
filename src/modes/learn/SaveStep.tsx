/**
 * For teachers: "Save as lesson step" turns the graph on the canvas into a step skeleton whose
 * checks hold its current numbers as targets, to download (as a one-step lesson that opens in Learn
 * as it is) or copy (the step alone, to paste into a lesson's "steps").
 */
import { copyText } from '../../ui/copyText.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadText, fileNameFor } from '../../io/files.ts';
import { editorStore } from '../../store/useEditor.ts';
import { stepSkeleton } from '../../../graph-engine/index.ts';
import { lessonOfStep } from './saveStep.ts';

export function SaveStep() {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<string>();
  const skeleton = () => {
    const { model, mode } = editorStore.getState();
    return stepSkeleton(model, mode);
  };
  return (
    <details className="learn-teacher">
      <summary>{t('learn.saveStep.summary')}</summary>
      <p className="small muted">{t('learn.saveStep.explain')}</p>
      <div className="learn-row">
        <button
          type="button"
          className="learn-btn"
          onClick={async () => {
            const step = await skeleton();
            downloadText(`${JSON.stringify(lessonOfStep(step), null, 2)}\n`, fileNameFor({ ...editorStore.getState().model, name: `lesson ${step.title}` }));
          }}
        >
          {t('learn.saveStep.save')}
        </button>
        <button
          type="button"
          className="learn-btn"
          onClick={async () => {
            const text = JSON.stringify(await skeleton(), null, 2);
            setCopied((await copyText(text)) ? t('learn.saveStep.copied') : t('learn.saveStep.copyRefused'));
          }}
        >
          {t('learn.saveStep.copy')}
        </button>
      </div>
      {copied && (
        <p className="small" role="status">
          {copied}
        </p>
      )}
    </details>
  );
}
