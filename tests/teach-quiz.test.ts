/**
 * Quiz me: the questions each step asks, their answers and working, checked against the numbers
 * worked by hand in the samples' descriptions (J = 3(a + bc): J = 33, ∂J/∂b = 6, ∂J/∂c = 9;
 * e = (a + b)(b + 1): ∂e/∂b = 2·1 + 3·1 = 5).
 */
import { describe, expect, it } from 'vitest';
import { createEditorStore } from '../src/store/editorStore.ts';
import { createTeachStore } from '../src/modes/teach/teachStore.ts';
import { createQuizStore } from '../src/modes/teach/quiz/quizStore.ts';
import { isRight } from '../src/modes/teach/quiz/questions.ts';
import { parseAnswer } from '../graph-engine/index.ts';
import { loadSample } from './support/load-sample.ts';

function setup(name: string) {
  const editor = createEditorStore({ initialModel: loadSample(name) });
  const teach = createTeachStore(editor);
  const quiz = createQuizStore(teach);
  quiz.getState().setOn(true);
  return { editor, teach, quiz, t: () => teach.getState(), q: () => quiz.getState() };
}

/** Steps until the next question is about `symbol`, answering "Show me" to the others. */
function stepTo(s: ReturnType<typeof setup>, symbol: string) {
  for (let i = 0; i < 40; i++) {
    const p = s.q().pending;
    const current = p?.questions[p.answers.length];
    if (current?.symbol === symbol) return current;
    if (current) s.q().skip();
    else s.t().step();
  }
  throw new Error(`no question about ${symbol}`);
}

describe('Quiz me', () => {
  it('holds a forward step until its value is typed, then takes it and marks the answer', () => {
    const s = setup('chain-rule');
    // Leaves (a, b, c, the constant 3) are given: no question, the step goes.
    const u = stepTo(s, 'u');
    expect(u.answer).toBe(6);
    const done = s.t().stepper!.forwardDone;
    expect(s.t().stepForward()).toBe(false); // held while the question is open
    expect(s.t().stepper!.forwardDone).toBe(done);
    expect(s.q().answer('6')).toBe(true);
    expect(s.t().stepper!.forwardDone).toBe(done + 1);
    expect(s.q().revealed).toMatchObject([{ right: true, typed: '6' }]);
    expect(s.q()).toMatchObject({ right: 1, asked: 1 });
  });

  it('asks the local derivative and then the gradient, with the chain rule as the working', () => {
    const s = setup('chain-rule');
    const local = stepTo(s, '∂u/∂b');
    expect(local.kind).toBe('local');
    expect(local.answer).toBe(2); // ∂(bc)/∂b = c = 2
    const before = { right: s.q().right, asked: s.q().asked };
    s.q().answer('2');
    const grad = s.q().pending!.questions[1];
    expect(grad).toMatchObject({ kind: 'grad', symbol: '∂J/∂b', answer: 6 });
    expect(grad.working).toBe('∂J/∂b = ∂J/∂u · ∂u/∂b = 3 × 2 = 6');
    s.q().answer('5');
    expect(s.q().revealed!.map((a) => a.right)).toEqual([true, false]);
    expect(s.q()).toMatchObject({ right: before.right + 1, asked: before.asked + 2 });
    // the step was taken: b's gradient is on show
    expect(s.t().last).toMatchObject({ kind: 'backward', unit: 'b' });
  });

  it('asks the multi-path sum and lists the contributions summed', () => {
    const s = setup('sum-over-paths');
    const q = stepTo(s, '∂e/∂b');
    expect(q.kind).toBe('sum');
    expect(q.answer).toBe(5);
    expect(q.terms!.map((t) => [t.via, t.upstream, t.local, t.contribution])).toEqual([
      ['c', 2, 1, 2],
      ['d', 3, 1, 3],
    ]);
    expect(q.working).toBe('∂e/∂b = ∂e/∂c · ∂c/∂b + ∂e/∂d · ∂d/∂b = 2 × 1 + 3 × 1 = 2 + 3 = 5');
    s.q().answer('3');
    expect(s.q().revealed).toMatchObject([{ right: false, typed: '3' }]);
  });

  it('refuses text that is not a number, and starts the score over with the run', () => {
    const s = setup('chain-rule');
    stepTo(s, 'u');
    expect(s.q().answer('six')).toBe(false);
    expect(s.q().inputProblem).toContain('"six" is not a number');
    expect(s.q().asked).toBe(0);
    s.q().answer('6');
    expect(s.q().asked).toBe(1);
    s.t().reset();
    expect(s.q()).toMatchObject({ right: 0, asked: 0, pending: undefined });
  });

  it('off, the steps go as before', () => {
    const s = setup('chain-rule');
    s.q().setOn(false);
    let n = 0;
    while (s.t().step()) n++;
    expect(n).toBe(14);
  });
});

describe('Quiz me: reading and marking answers', () => {
  it('reads the ways a number is typed', () => {
    expect(parseAnswer(' 6 ')).toBe(6);
    expect(parseAnswer('−0.5')).toBe(-0.5);
    expect(parseAnswer('.25')).toBe(0.25);
    expect(parseAnswer('1,5')).toBe(1.5);
    expect(parseAnswer('3e-2')).toBe(0.03);
    expect(parseAnswer('1/4')).toBe(0.25);
    expect(parseAnswer('1/0')).toBeUndefined();
    expect(parseAnswer('6x')).toBeUndefined();
    expect(parseAnswer('')).toBeUndefined();
  });

  it('takes answers within ±0.01 or ±1 %, whichever is larger', () => {
    expect(isRight(6.05, 6)).toBe(true);
    expect(isRight(6.07, 6)).toBe(false);
    expect(isRight(0.005, 0)).toBe(true);
    expect(isRight(0.02, 0)).toBe(false);
    expect(isRight(990, 1000)).toBe(true);
    expect(isRight(989, 1000)).toBe(false);
    expect(isRight(0.12, 0.1192)).toBe(true);
  });
});
