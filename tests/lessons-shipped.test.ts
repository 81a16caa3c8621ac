// Every lesson in samples/lessons/ passes `lesson check` (its models are valid, every task's own
// solution passes its checks), and samples/lessons/index.json lists each one, in teaching order.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { checkLesson, parseLessonText } from '../graph-engine/index.ts';

const dir = new URL('../samples/lessons/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'index.json');
const loadSample = (name: string) => readFileSync(new URL(`../samples/${name}.json`, import.meta.url), 'utf8');
const index = JSON.parse(readFileSync(new URL('index.json', dir), 'utf8')) as { lessons: { id: string; title: string }[] };

describe.each(files)('samples/lessons/%s', (file) => {
  it('passes lesson check with no warnings, and every step with a task has checks that ran', async () => {
    const { lesson, problems } = parseLessonText(readFileSync(new URL(file, dir), 'utf8'));
    expect(problems.map((p) => p.message)).toEqual([]);
    const report = await checkLesson(lesson!, loadSample);
    expect(report.problems.map((p) => p.message)).toEqual([]);
    expect(report.warnings.map((p) => p.message)).toEqual([]);
    expect(lesson!.steps.some((s) => s.task)).toBe(true); // real tasks, not only text
    for (const [i, s] of lesson!.steps.entries()) expect(report.steps[i].checks).toHaveLength(s.task?.checks.length ?? 0);
    // A limit, not a speed claim: the training checks (digits, overfitting) train for real, and on a
    // busy machine that takes a while.
  }, 300_000);
});

describe('samples/lessons/index.json', () => {
  it('lists every lesson once, with its title', () => {
    expect(index.lessons.map((l) => `${l.id}.json`).sort()).toEqual([...files].sort());
    for (const l of index.lessons) {
      const { lesson } = parseLessonText(readFileSync(new URL(`${l.id}.json`, dir), 'utf8'));
      expect(l.title, l.id).toBe(lesson!.title);
    }
  });
});

/** A lesson's step (1-based) by id. */
function stepOf(id: string, n: number) {
  const { lesson } = parseLessonText(readFileSync(new URL(`${id}.json`, dir), 'utf8'));
  return lesson!.steps[n - 1];
}

// The numbers the lectures give, worked by hand, are the answers the lessons' solutions type and
// lesson check compares with the engine (above): the lessons cannot drift to other numbers.
describe('the lecture numbers in the lessons', () => {
  it.each([
    ['computational-graph', 1, { u: 6, v: 11, J: 33 }], // J = 3(a + bc), a = 5, b = 3, c = 2
    ['computational-graph', 2, { dJdv: 3, dvda: 1, dvdu: 1, dudb: 2, dudc: 3 }],
    ['computational-graph', 3, { dJda: 3, dJdb: 6, dJdc: 9 }],
    ['perceptron', 1, { z: -1, out: 0 }], // 4·(−1) + 1·2 + 1 = −1, step → 0
    ['losses', 3, { p1: 0.92, p2: 0.08, p3: 0.01 }], // softmax(5, 2.5, 0.5)
    ['losses', 4, { L: 0.223 }], // −ln 0.8
    ['multi-path-chain-rule', 1, { dedc: 2, dedd: 3, dedb: 5 }], // e = (a + b)(b + 1), a = 2, b = 1
    ['gradient-descent', 1, { L: 9, dLdw: -12 }], // (0.5·2 − 4)², 2(−3)(2)
    ['linear-regression', 3, { w: 0.621 }], // km → miles
  ] as const)('%s step %i answers %o', (id, n, answers) => {
    expect(stepOf(id, n).task?.solution?.answers).toEqual(answers);
  });
});
