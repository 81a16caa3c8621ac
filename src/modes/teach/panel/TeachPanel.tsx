/**
 * Teach mode's side panel: the control bar, the timeline, the current step written out with the
 * chain rule (KaTeX, from the engine's LaTeX), the last parameter update, the sum-over-paths view
 * and the gradient check. Each part is its own component in this folder.
 */
import { useTranslation } from 'react-i18next';
import { teachStore, useTeach, useTeachProgress } from '../useTeach.ts';
import { CurrentStep } from './CurrentStep.tsx';
import { GradientCheck } from './GradientCheck.tsx';
import { ParameterUpdate } from './ParameterUpdate.tsx';
import { SteppingControls } from './SteppingControls.tsx';
import { SumOverPaths } from './SumOverPaths.tsx';
import { Timeline } from './Timeline.tsx';
import { QuizCard, QuizToggle } from '../quiz/QuizMe.tsx';
import { usePresentation } from './usePresentation.ts';
import { usePlayLoop } from './usePlayLoop.ts';
import { useTeachKeyboard } from './useTeachKeyboard.ts';
import '../teach.css';

export function TeachPanel() {
  const { t } = useTranslation();
  useTeachKeyboard();
  usePlayLoop();
  usePresentation();
  const problem = useTeach((s) => s.problem);
  const presentation = useTeach((s) => s.presentation);
  const p = useTeachProgress();
  return (
    <aside className="inspector mode-panel teach-panel" aria-label={t('teach.panel.label')}>
      <div className="teach-panel__head">
        <h2>{t('teach.panel.title')}</h2>
        <button
          type="button"
          className="teach-toggle"
          aria-pressed={presentation}
          onClick={() => teachStore.getState().setPresentation(!presentation)}
          title={t('teach.panel.presentationTitle')}
        >
          {t('teach.panel.presentation')}
        </button>
        <QuizToggle />
      </div>
      {problem ? <p className="notice-inline notice-inline--incomplete">{problem}</p> : <SteppingControls />}
      {!problem && (
        <>
          <Timeline
            forward={p.forwardUnits}
            backward={p.backwardUnits}
            total={p.totalUnits}
            nodes={p.total !== p.totalUnits ? [p.forwardDone, p.backwardDone, p.total] : undefined}
          />
          {p.backwardBlocker && p.forwardDone === p.total && <p className="notice-inline notice-inline--incomplete">{p.backwardBlocker}</p>}
          <ParameterUpdate />
          <QuizCard />
          <CurrentStep />
          <SumOverPaths />
          <GradientCheck />
        </>
      )}
    </aside>
  );
}
