/**
 * Quiz me in the Teach panel: the toggle, and the card that asks for the next step's number
 * (value, local derivative or gradient) before the step shows it, then marks the answer and
 * gives the working. Every number is the engine's (see questions.ts).
 */
import { useState } from 'react';
import { formatNumber } from '../../../i18n/format.ts';
import { Formula } from '../../../inspector/Formula.tsx';
import { TOLERANCE_TEXT, type QuizQuestion } from './questions.ts';
import type { QuizAnswer } from './quizStore.ts';
import { quizStore, useQuiz } from './useQuiz.ts';
import './quiz.css';

const fmt = (v: number) => formatNumber(v).replace(/^-/, '−');

export function QuizToggle() {
  const on = useQuiz((s) => s.on);
  return (
    <button
      type="button"
      className="teach-toggle"
      aria-pressed={on}
      onClick={() => quizStore.getState().setOn(!on)}
      title="Type each value, local derivative and gradient before the step shows it"
    >
      Quiz me
    </button>
  );
}

export function QuizCard() {
  const on = useQuiz((s) => s.on);
  const pending = useQuiz((s) => s.pending);
  const revealed = useQuiz((s) => s.revealed);
  const right = useQuiz((s) => s.right);
  const asked = useQuiz((s) => s.asked);
  if (!on) return null;
  const current = pending?.questions[pending.answers.length];
  return (
    <section className="quiz" aria-label="Quiz">
      <div className="quiz__head">
        <h3>Quiz me</h3>
        <span className="quiz__score" data-testid="quiz-score">
          Score: {right} / {asked}
        </span>
      </div>
      <p className="small muted">{TOLERANCE_TEXT}</p>
      {pending?.answers.map((a, i) => (
        <AnswerFeedback key={i} answer={a} />
      ))}
      {current ? (
        <QuestionForm key={`${pending.direction}:${current.symbol}:${current.kind}`} question={current} />
      ) : revealed ? (
        revealed.map((a, i) => <AnswerFeedback key={i} answer={a} />)
      ) : (
        <p className="small">Step forward or backward: before a step shows a number, you type it here.</p>
      )}
    </section>
  );
}

function QuestionForm({ question }: { question: QuizQuestion }) {
  const [text, setText] = useState('');
  const problem = useQuiz((s) => s.inputProblem);
  return (
    <form
      className="quiz__question"
      aria-label={`Question: ${question.symbol}`}
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
            aria-label={`Your answer for ${question.symbol}`}
            aria-invalid={!!problem}
            aria-describedby={problem ? 'quiz-input-problem' : undefined}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <button type="submit" className="teach-btn teach-btn--update">
          Check answer
        </button>
        <button type="button" className="teach-btn" onClick={() => quizStore.getState().skip()} title="Show the number without answering (counts as not right)">
          Show me
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
  const q = a.question;
  return (
    <div className={`quiz__feedback ${a.right ? 'quiz__feedback--right' : 'quiz__feedback--wrong'}`} data-testid="quiz-feedback" role="status">
      <p className="quiz__verdict">
        {a.right ? '✓ Right' : a.typed === undefined ? 'Shown' : '✗ Not quite'}
        {a.typed !== undefined && `: you typed ${a.typed}`}
        {!a.right && `; ${q.symbol} is ${fmt(q.answer)}.`}
      </p>
      <p className="quiz__working" data-testid="quiz-working">
        {q.working}
      </p>
      {!a.right && q.terms && (
        <div className="quiz__terms">
          <p className="small">
            {q.symbol} adds up the contributions of the {q.terms.length} paths:
          </p>
          <ul aria-label="Contributions summed">
            {q.terms.map((t, i) => (
              <li key={i}>
                via {t.via}: {fmt(t.upstream)} × {fmt(t.local)} = <strong>{fmt(t.contribution)}</strong>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
