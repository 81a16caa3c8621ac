/** The open lesson: its title, the step navigation, the step's text, task, hints and solution. */
import { copyText } from '../../ui/copyText.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Markdown } from './Markdown.tsx';
import { SaveStep } from './SaveStep.tsx';
import { TaskView } from './TaskView.tsx';
import { currentStep, type OpenLesson } from './learnStore.ts';
import { encodeLessonFragment, MAX_LINK_LENGTH } from '../../share/shareLink.ts';
import { learnStore, useLearn } from './useLearn.ts';

export function LessonView() {
  const { t } = useTranslation();
  const open = useLearn((s) => s.open)!;
  const i = useLearn((s) => s.step);
  const step = useLearn(currentStep)!;
  const problem = useLearn((s) => s.problem);
  const passed = useLearn((s) => s.progress[open.id]?.passed ?? []);
  const n = open.lesson.steps.length;
  const learn = () => learnStore.getState();
  return (
    <div className="learn-lesson-view">
      <div className="learn-head">
        <button type="button" className="learn-link" onClick={() => learn().closeLesson()}>
          {t('learn.view.back')}
        </button>
        <CopyStepLink open={open} step={i} />
      </div>
      <h2 className="learn-title">{open.lesson.title}</h2>
      <nav className="learn-nav" aria-label={t('learn.view.nav')}>
        <button type="button" className="learn-btn" disabled={i === 0} onClick={() => void learn().goTo(i - 1)}>
          {t('learn.view.previous')}
        </button>
        <span className="learn-nav__where" data-testid="learn-step-of">
          {t('learn.view.stepOf', { step: i + 1, total: n })}
        </span>
        <button type="button" className="learn-btn" disabled={i === n - 1} onClick={() => void learn().goTo(i + 1)}>
          {t('learn.view.next')}
        </button>
      </nav>
      <ol className="learn-dots" aria-label={t('learn.view.dots')}>
        {open.lesson.steps.map((s, k) => (
          <li key={k}>
            <button
              type="button"
              className={`learn-dot${k === i ? ' is-current' : ''}${passed.includes(k) ? ' is-passed' : ''}`}
              aria-current={k === i ? 'step' : undefined}
              aria-label={dotLabel(t, k + 1, s.title, passed.includes(k))}
              title={s.title}
              onClick={() => void learn().goTo(k)}
            >
              {passed.includes(k) ? '✓' : k + 1}
            </button>
          </li>
        ))}
      </ol>
      <section className="learn-step" aria-label={t('learn.view.step')}>
        <h3>
          {step.title ?? t('learn.view.dot', { step: i + 1 })} <span className="learn-mode-tag">{t(`toolbar.modes.${step.mode}.name`)}</span>
        </h3>
        {problem && (
          <p className="notice-inline notice-inline--incomplete" role="alert">
            {problem}
          </p>
        )}
        <Markdown text={step.text} />
      </section>
      {step.task && <TaskView />}
      <div className="learn-row learn-foot">
        <button type="button" className="learn-link" onClick={() => void learn().restart()} title={t('learn.view.restartTitle')}>
          {t('learn.view.restart')}
        </button>
      </div>
      <SaveStep />
    </div>
  );
}

/** A step dot's accessible name: its number, its title when it has one, and whether it is done. */
function dotLabel(t: TFunction, step: number, title: string | undefined, done: boolean): string {
  const label = title ? t('learn.view.dotTitled', { step, title }) : t('learn.view.dot', { step });
  return done ? t('learn.view.done', { label }) : label;
}

/**
 * Copies a link to this step: `/?lesson=<id>&step=<n>` for a bundled lesson; for a lesson from a
 * file, the whole lesson rides in the link (`?step=<n>#lesson=...`), as share links carry models.
 */
function CopyStepLink({ open, step }: { open: OpenLesson; step: number }) {
  const { t } = useTranslation();
  const [said, setSaid] = useState<string>();
  const base = `${location.origin}${location.pathname}`;
  const copy = async () => {
    const url = open.bundled
      ? `${base}?lesson=${encodeURIComponent(open.id)}&step=${step + 1}`
      : `${base}?step=${step + 1}${await encodeLessonFragment(JSON.stringify(open.lesson))}`;
    if (url.length > MAX_LINK_LENGTH) return setSaid(t('learn.view.linkTooLong'));
    setSaid((await copyText(url)) ? t('learn.view.linkCopied') : t('learn.view.copyRefused'));
  };
  return (
    <span className="learn-copy">
      <button type="button" className="learn-link" onClick={() => void copy()}>
        {t('learn.view.copyLink')}
      </button>
      {said && (
        <span className="small muted" role="status">
          {said}
        </span>
      )}
    </span>
  );
}
