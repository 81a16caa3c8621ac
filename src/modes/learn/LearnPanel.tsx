/**
 * Learn mode's panel, beside the canvas (which is in the step's own mode, with that mode's panel):
 * the lesson list, or the open lesson's step with its text, task, hints and solution.
 */
import { useTranslation } from 'react-i18next';
import { LessonList } from './LessonList.tsx';
import { LessonView } from './LessonView.tsx';
import { useLearn } from './useLearn.ts';
import { useLearnHighlights } from './useLearnHighlights.ts';
import './learn.css';

export function LearnPanel() {
  const { t } = useTranslation();
  const open = useLearn((s) => !!s.open);
  useLearnHighlights();
  return (
    <aside className="learn-panel" aria-label={t('learn.panel')}>
      {open ? <LessonView /> : <LessonList />}
    </aside>
  );
}
