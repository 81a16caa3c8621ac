/**
 * Quiz me in the Teach panel: the toggle, and the card that asks for the next step's number
 * (value, local derivative or gradient) before the step shows it, then marks the answer and
 * gives the working. Every number is the engine's (see questions.ts).
 */
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { signedNumber } from '../../../i18n/format.ts';
import { Formula } from '../../../inspector/Formula.tsx';
import { toleranceText, type QuizQuestion } from './questions.ts';
import type { QuizAnswer } from './quizStore.ts';
import { quizStore, useQuiz } from './useQuiz.ts';
import './quiz.css';

const fmt = (v: number) => signedNumber(v);

export function QuizToggle() {
  const { t } = useTranslation();
  const on = useQuiz((s) => s.on);
  return (
    <button type="button" className="teach-toggle" aria-pressed={on} onClick={() => quizStore.getState().setOn(!on)} title={t('teach.quiz.toggleTitle')}>
      {t('teach.quiz.toggle')}
    </button>
  );
}

export function QuizCard() {
  const { t } = useTranslation();
  const on = useQuiz((s) => s.on);
  const pending = useQuiz((s) => s.pending);
  const revealed = useQuiz((s) => s.revealed);
  const right = useQuiz((s) => s.right);
  const asked = useQuiz((s) => s.asked);
  if (!on) return null;
  const current = pending?.questions[pending.answers.length];
  return (
    <section className="quiz" aria-label={t('teach.quiz.label')}>
      <div className="quiz__head">
        <h3>{t('teach.quiz.heading')}</h3>
        <span className="quiz__score" data-testid="quiz-score">
          {t('teach.quiz.score', { right, asked })}
        </span>
      </div>
      <p className="small muted">{toleranceText()}</p>
      {pending?.answers.map((a, i) => (
        <AnswerFeedback key={i} answer={a} />
      ))}
      {current ? (
        <QuestionForm key={`${pending.direction}:${current.symbol}:${current.kind}`} question={current} />
      ) : revealed ? (
        revealed.map((a, i) => <AnswerFeedback key={i} answer={a} />)
      ) : (
        <p className="small">{t('teach.quiz.idle')}</p>
      )}
    </section>
  );
}

function QuestionForm({ question }: { question: QuizQuestion }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const problem = useQuiz((s) => s.inputProblem);
  return (
    <form
      className="quiz__question"
      aria-label={t('teach.quiz.question', { symbol: question.symbol })}
      onSubmit={(e) => {
        e.preventDefault();
        quizStore.getState().answer(text);
      }}
    >
      <p className="quiz__prompt" data-testid="quiz-prompt">
        {question.prompt}
      </p>
      <Formula tex={question.promptTex} label={question.prompt} />
      <div className="quiz__row">
        <label className="quiz__field">
          <span>{question.symbol} =</span>
          <input
            // biome-ignore lint/a11y/noAutofocus: the question appears because the student asked to step; typing is the next thing to do
            autoFocus
            type="text"
            inputMode="decimal"
            autoComplete="off"
            aria-label={t('teach.quiz.answer', { symbol: question.symbol })}
            aria-invalid={!!problem}
            aria-describedby={problem ? 'quiz-input-problem' : undefined}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <button type="submit" className="teach-btn teach-btn--update">
          {t('teach.quiz.check')}
        </button>
        <button type="button" className="teach-btn" onClick={() => quizStore.getState().skip()} title={t('teach.quiz.showTitle')}>
          {t('teach.quiz.show')}
        </button>
      </div>
      {problem && (
        <p id="quiz-input-problem" className="quiz__problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

function AnswerFeedback({ answer: a }: { answer: QuizAnswer }) {
  const { t } = useTranslation();
  const q = a.question;
  return (
    <div className={`quiz__feedback ${a.right ? 'quiz__feedback--right' : 'quiz__feedback--wrong'}`} data-testid="quiz-feedback" role="status">
      <p className="quiz__verdict">
        {a.right
          ? t('teach.quiz.right', { typed: a.typed })
          : a.typed === undefined
            ? t('teach.quiz.shown', { symbol: q.symbol, answer: fmt(q.answer) })
            : t('teach.quiz.wrong', { typed: a.typed, symbol: q.symbol, answer: fmt(q.answer) })}
      </p>
      <p className="quiz__working" data-testid="quiz-working">
        {q.working}
      </p>
      {!a.right && q.terms && (
        <div className="quiz__terms">
          <p className="small">{t('teach.quiz.termsIntro', { symbol: q.symbol, paths: q.terms.length })}</p>
          <ul aria-label={t('teach.quiz.termsLabel')}>
            {q.terms.map((term, i) => (
              <li key={i}>
                <Trans
                  i18nKey="teach.quiz.term"
                  values={{ via: term.via, upstream: fmt(term.upstream), local: fmt(term.local), contribution: fmt(term.contribution) }}
                  components={{ b: <strong /> }}
                />
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
