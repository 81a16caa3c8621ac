/** The open lesson: its title, the step navigation, the step's text, task, hints and solution. */
import { copyText } from '../../ui/copyText.ts';
import { useState } from 'react';
import { Markdown } from './Markdown.tsx';
import { SaveStep } from './SaveStep.tsx';
import { TaskView } from './TaskView.tsx';
import { currentStep, type OpenLesson } from './learnStore.ts';
import { encodeLessonFragment, MAX_LINK_LENGTH } from '../../share/shareLink.ts';
import { learnStore, useLearn } from './useLearn.ts';

const MODE_NAMES = { build: 'Build', teach: 'Teach', train: 'Train' } as const;

export function LessonView() {
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
          ‹ Lessons
        </button>
        <CopyStepLink open={open} step={i} />
      </div>
      <h2 className="learn-title">{open.lesson.title}</h2>
      <nav className="learn-nav" aria-label="Lesson steps">
        <button type="button" className="learn-btn" disabled={i === 0} onClick={() => void learn().goTo(i - 1)}>
          ‹ Previous
        </button>
        <span className="learn-nav__where" data-testid="learn-step-of">
          Step {i + 1} of {n}
        </span>
        <button type="button" className="learn-btn" disabled={i === n - 1} onClick={() => void learn().goTo(i + 1)}>
          Next ›
        </button>
      </nav>
      <ol className="learn-dots" aria-label="Steps">
        {open.lesson.steps.map((s, k) => (
          <li key={k}>
            <button
              type="button"
              className={`learn-dot${k === i ? ' is-current' : ''}${passed.includes(k) ? ' is-passed' : ''}`}
              aria-current={k === i ? 'step' : undefined}
              aria-label={`Step ${k + 1}${s.title ? `: ${s.title}` : ''}${passed.includes(k) ? ' (done)' : ''}`}
              title={s.title}
              onClick={() => void learn().goTo(k)}
            >
              {passed.includes(k) ? '✓' : k + 1}
            </button>
          </li>
        ))}
      </ol>
      <section className="learn-step" aria-label="Step">
        <h3>
          {step.title ?? `Step ${i + 1}`} <span className="learn-mode-tag">{MODE_NAMES[step.mode]}</span>
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
        <button type="button" className="learn-link" onClick={() => void learn().restart()} title="Open this step’s graph again (Undo brings yours back)">
          Start this step over
        </button>
      </div>
      <SaveStep />
    </div>
  );
}

/**
 * Copies a link to this step: `/?lesson=<id>&step=<n>` for a bundled lesson; for a lesson from a
 * file, the whole lesson rides in the link (`?step=<n>#lesson=...`), as share links carry models.
 */
function CopyStepLink({ open, step }: { open: OpenLesson; step: number }) {
  const [said, setSaid] = useState<string>();
  const base = `${location.origin}${location.pathname}`;
  const copy = async () => {
    const url = open.bundled
      ? `${base}?lesson=${encodeURIComponent(open.id)}&step=${step + 1}`
      : `${base}?step=${step + 1}${await encodeLessonFragment(JSON.stringify(open.lesson))}`;
    if (url.length > MAX_LINK_LENGTH) return setSaid('This lesson is too long for a link: share the file instead.');
    setSaid((await copyText(url)) ? 'Link copied' : 'The browser did not allow copying.');
  };
  return (
    <span className="learn-copy">
      <button type="button" className="learn-link" onClick={() => void copy()}>
        Copy link to this step
      </button>
      {said && (
        <span className="small muted" role="status">
          {said}
        </span>
      )}
    </span>
  );
}
