/**
 * Quiz me's state, bound to Teach's store. While it is on, a step that would reveal a number is
 * held (Teach's `gate`): its questions are asked first, one at a time, and once the last one is
 * answered (or skipped) the step is taken and the answers stay on show with the working. The
 * score counts the run: it starts over with the stepping (Reset, another graph).
 */
import { createStore } from 'zustand/vanilla';
import type { TeachStoreApi } from '../teachStore.ts';
import { parseAnswer } from '../../../../graph-engine/index.ts';
import { normalizeDecimalIn, signedNumber } from '../../../i18n/format.ts';
import { currentLanguage, t } from '../../../i18n/i18n.ts';
import { isRight, questionsFor, type QuizQuestion } from './questions.ts';

export interface QuizAnswer {
  question: QuizQuestion;
  /** What the student typed (undefined: skipped). */
  typed?: string;
  value?: number;
  right: boolean;
}

export interface QuizState {
  on: boolean;
  /** The step held back until its questions are answered. */
  pending?: { direction: 'forward' | 'backward'; questions: QuizQuestion[]; answers: QuizAnswer[] };
  /** The answers to the step just revealed. */
  revealed?: QuizAnswer[];
  /** Why the last typed text was not taken (not a number). */
  inputProblem?: string;
  right: number;
  asked: number;
}

export interface QuizActions {
  setOn(on: boolean): void;
  /** Marks the typed answer to the current question; false when it is not a number. */
  answer(text: string): boolean;
  /** Reveals the current question's number without an answer (counts as asked, not right). */
  skip(): void;
}

export type QuizStore = QuizState & QuizActions;

export function createQuizStore(teach: TeachStoreApi) {
  let revealing = false;
  const store = createStore<QuizStore>()((set, get) => {
    /** Records an answer; after the last question, takes the held step. */
    function record(a: QuizAnswer) {
      const p = get().pending;
      if (!p) return;
      const answers = [...p.answers, a];
      const score = { asked: get().asked + 1, right: get().right + (a.right ? 1 : 0) };
      if (answers.length < p.questions.length) {
        set({ pending: { ...p, answers }, inputProblem: undefined, ...score });
        return;
      }
      set({ pending: undefined, revealed: answers, inputProblem: undefined, ...score });
      revealing = true;
      try {
        if (p.direction === 'forward') teach.getState().stepForward();
        else teach.getState().stepBackward();
      } finally {
        revealing = false;
      }
    }

    return {
      on: false,
      right: 0,
      asked: 0,

      setOn(on) {
        set({ on, pending: undefined, revealed: undefined, inputProblem: undefined });
        if (on) teach.getState().setPlaying(false);
      },

      answer(text) {
        const p = get().pending;
        if (!p) return false;
        // "0,5" where the language writes a decimal comma (the engine reads the point).
        const value = parseAnswer(normalizeDecimalIn(currentLanguage(), text));
        if (value === undefined) {
          set({
            inputProblem: text.trim() ? t('teach.quiz.notANumber', { typed: text.trim(), half: signedNumber(-0.5) }) : t('teach.quiz.typeFirst'),
          });
          return false;
        }
        const question = p.questions[p.answers.length];
        record({ question, typed: text.trim(), value, right: isRight(value, question.answer) });
        return true;
      },

      skip() {
        const p = get().pending;
        if (p) record({ question: p.questions[p.answers.length], right: false });
      },
    };
  });

  // The gate: a step that would reveal a number asks first.
  teach.getState().setGate((direction) => {
    const q = store.getState();
    if (!q.on || revealing) return false;
    if (q.pending) return q.pending.direction === direction;
    const { stepper, units } = teach.getState();
    if (!stepper || !units) return false;
    const questions = questionsFor(stepper, units, direction);
    if (questions.length === 0) {
      store.setState({ revealed: undefined });
      return false;
    }
    store.setState({ pending: { direction, questions, answers: [] }, revealed: undefined, inputProblem: undefined });
    return true;
  });

  teach.subscribe((s, prev) => {
    if (revealing || s.version === prev.version) return;
    const q = store.getState();
    // The graph or the stepping moved on (Back, Run, Reset, an edit): the held question is stale.
    const fresh = s.stepper !== prev.stepper || (s.stepper && s.stepper.forwardDone === 0 && prev.last !== undefined);
    if (q.pending || q.revealed || fresh)
      store.setState({ pending: undefined, revealed: undefined, inputProblem: undefined, ...(fresh ? { right: 0, asked: 0 } : {}) });
  });
  return store;
}
