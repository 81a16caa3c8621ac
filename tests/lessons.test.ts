// Lesson files: format validation with messages naming step and field, and every check kind passing
// and failing with its message. Targets are worked by hand (J = 3(a + bc) at a = 5, b = 3, c = 2:
// J = 33, dJ/da = 3, dJ/db = 6, dJ/dc = 9), never read back from the engine.
import { describe, expect, it } from 'vitest';
import {
  type CheckResult,
  checkStep,
  checkTask,
  DEFAULT_ANSWER_TOLERANCE,
  DEFAULT_TOLERANCE,
  describeCheck,
  LESSON_FORMAT,
  type Lesson,
  type Model,
  parseAnswer,
  parseLesson,
  parseLessonText,
  resolveModel,
  stepSkeleton,
} from '../graph-engine/index.ts';
import { loadSample } from './support/load-sample.ts';
import { input, model, op } from './support/models.ts';

type Check = Lesson['steps'][number]['task'] extends infer T ? (T extends { checks: (infer C)[] } ? C : never) : never;

const chain = () => loadSample('chain-rule');

async function one(check: Check, m: Model, answers?: Record<string, number | string>): Promise<CheckResult> {
  const [r] = await checkTask({ checks: [check] }, m, { answers });
  return r;
}

function lesson(steps: unknown[]): unknown {
  return { format: LESSON_FORMAT, version: 1, title: 'T', summary: 'S', steps };
}
const step = (extra: object = {}) => ({ text: 'Hello', mode: 'build', model: { sample: 'chain-rule' }, ...extra });

describe('lesson format validation', () => {
  it('accepts a minimal lesson and keeps unknown fields', () => {
    const data = { ...(lesson([step()]) as object), course: 'ML 101' };
    const r = parseLesson(data);
    expect(r.problems).toEqual([]);
    expect((r.lesson as Record<string, unknown>).course).toBe('ML 101');
  });

  it('names the step and field of a bad check', () => {
    const r = parseLesson(lesson([step(), step({ task: { checks: [{ kind: 'value', node: 'J', target: 'thirty-three' }] } })]));
    expect(r.lesson).toBeUndefined();
    expect(r.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^steps\[1\]\.task\.checks\[0\]\.target \(step 2, check 1\): /)]);
  });

  it('lists the check kinds when the kind is unknown', () => {
    const r = parseLesson(lesson([step({ task: { checks: [{ kind: 'vibes' }] } })]));
    expect(r.problems[0].message).toContain('steps[0].task.checks[0].kind (step 1, check 1)');
    expect(r.problems[0].message).toContain('(step 1, check 1): must be one of "value", "gradient", "answer", "loss", "accuracy"');
  });

  it('names a bad mode, a missing text and a bad sample name', () => {
    const r = parseLesson(lesson([{ mode: 'play', model: { sample: 'Chain Rule!' } }]));
    const messages = r.problems.map((p) => p.message).join('\n');
    expect(messages).toContain('steps[0].text (step 1)');
    expect(messages).toContain('steps[0].mode (step 1)');
    expect(messages).toMatch(/steps\[0\]\.model\.sample \(step 1\): must be a sample name/);
  });

  it('checks an inline model with the model format, naming the node', () => {
    const bad = { format: 'graphgrad', version: 1, nodes: [{ id: 'a', op: '' }], edges: [] };
    const r = parseLesson(lesson([step({ model: bad })]));
    expect(r.problems.map((p) => p.message)).toEqual(['steps[0].model (step 1): nodes[0].op (node "a"): must be an op name']);
  });

  it('wants an id on answer checks, unique in the task', () => {
    const answer = { kind: 'answer', prompt: 'Type it', quantity: { value: 'J' } };
    expect(parseLesson(lesson([step({ task: { checks: [answer] } })])).problems[0].message).toContain('steps[0].task.checks[0].id (step 1, check 1)');
    const twice = parseLesson(
      lesson([
        step({
          task: {
            checks: [
              { ...answer, id: 'x' },
              { ...answer, id: 'x' },
            ],
          },
        }),
      ]),
    );
    expect(twice.problems.map((p) => p.message)).toEqual(['steps[0].task.checks[1].id (step 1, check 2): another check of this task is already called "x"']);
  });

  it('tells a model from a lesson, a newer version, and bad JSON with line and column', () => {
    expect(parseLesson({ format: 'graphgrad', version: 1 }).problems[0].message).toContain('This is a GraphGrad model, not a lesson.');
    expect(parseLesson({ format: LESSON_FORMAT, version: 2 }).problems[0].message).toContain('written by a newer GraphGrad');
    expect(parseLessonText('{\n  "format": "graphgrad-lesson",\n  oops\n}').problems[0].message).toBe('Not valid JSON at line 3, column 3: invalid symbol.');
  });
});

describe('value and gradient checks', () => {
  it('pass on J = 3(a + bc) with the hand-worked numbers', async () => {
    const r = await checkTask(
      {
        checks: [
          { kind: 'value', node: 'J', target: 33 },
          { kind: 'gradient', node: 'a', target: 3 },
          { kind: 'gradient', node: 'b', target: 6 },
          { kind: 'gradient', node: 'c', target: 9 },
        ],
      },
      chain(),
    );
    expect(r.map((x) => x.pass)).toEqual([true, true, true, true]);
    expect(r.map((x) => x.message)).toEqual([
      'J = 33, as the task wants.',
      '∂J/∂a = 3, as the task wants.',
      '∂J/∂b = 6, as the task wants.',
      '∂J/∂c = 9, as the task wants.',
    ]);
    expect(r.map((x) => x.expected)).toEqual(['J = 33', '∂J/∂a = 3', '∂J/∂b = 6', '∂J/∂c = 9']);
  });

  it('a wrong value names the node and its inputs', async () => {
    // u = b + c instead of bc: u = 5, v = 10, J = 30.
    const m = chain();
    m.nodes.find((n) => n.id === 'u')!.op = 'add';
    const r = await one({ kind: 'value', node: 'J', target: 33 }, m);
    expect(r).toMatchObject({ pass: false, actual: 30, target: 33, nodes: ['J'] });
    expect(r.message).toBe('J is 30, the task wants 33: it is mul of "3" and "v": check those and the op.');
  });

  it('a wrong gradient asks which path is missing, counting the paths', async () => {
    // b·b instead of b·c: u = 9, dJ/dc = 0 (c reaches nothing), dJ/db = 3·2b = 18 along two paths.
    const m = chain();
    m.edges.find((e) => e.source === 'c')!.source = 'b';
    const [db, dc] = await checkTask(
      {
        checks: [
          { kind: 'gradient', node: 'b', target: 6 },
          { kind: 'gradient', node: 'c', target: 9 },
        ],
      },
      m,
    );
    expect(db.message).toBe(
      '∂J/∂b is 18, the task wants 6: which path from b to J is missing, or which local derivative along it is off? (there are 2 paths now; the gradient adds up the product of local derivatives along each path.)',
    );
    expect(dc.message).toBe('∂J/∂c is 0, the task wants 9: "c" has no path to "J", so nothing flows back to it: connect it.');
  });

  it("uses the author's hint with the numbers filled in", async () => {
    const m = chain();
    m.nodes.find((n) => n.id === 'b')!.value = 2; // dJ/dc = 3b = 6
    const r = await one({ kind: 'gradient', node: 'c', target: 9, hint: '∂J/∂c is {actual}, the task wants {target}: which path into c is missing?' }, m);
    expect(r.message).toBe('∂J/∂c is 6, the task wants 9: which path into c is missing?');
  });

  it('takes the loss the editor shows when the model names none: the only unread output', async () => {
    // A student's own J = 3(a + bc): no "loss" field, J read by nothing; its cards show ∂J/∂c = 9.
    const m = chain();
    delete m.loss;
    const r = await one({ kind: 'gradient', node: 'c', target: 9 }, m);
    expect(r.pass).toBe(true);
  });

  it('keeps the generated message when the check cannot run (no loss yet), hint or not', async () => {
    // Two unread outputs (J and a stray a·b): no loss is chosen for the student.
    const m = chain();
    delete m.loss;
    m.nodes.push(op('stray', 'mul'));
    m.edges.push({ source: 'a', target: 'stray', port: 0 }, { source: 'b', target: 'stray', port: 1 });
    const r = await one({ kind: 'gradient', node: 'c', target: 9, hint: 'It is {actual}.' }, m);
    expect(r.pass).toBe(false);
    expect(r.message).toBe('The graph has no loss node, so there is no gradient yet: set the loss (the node whose gradient is taken).');
  });

  it('finds nodes by label, and says when none or two have the name', async () => {
    // x ("first") * y ("second"): by hand 2 * 4 = 8.
    const m = model(
      [
        { ...input('x', 2), label: 'first' },
        { ...input('y', 4), label: 'second' },
        { ...op('p', 'mul'), label: 'product' },
      ],
      [
        ['x', 'p', 0],
        ['y', 'p', 1],
      ],
    );
    expect((await one({ kind: 'value', node: 'product', target: 8 }, m)).pass).toBe(true);
    expect((await one({ kind: 'value', node: 'J', target: 8 }, m)).message).toBe(
      'The task looks for a node named "J", and the graph has none: add it, or rename the node that should be "J".',
    );
    m.nodes[1].label = 'first';
    expect((await one({ kind: 'value', node: 'first', target: 2 }, m)).message).toBe('2 nodes are named "first" (ids "x", "y"): rename all but one.');
  });

  it('a value missing an input says which port is empty', async () => {
    const m = chain();
    m.edges = m.edges.filter((e) => e.source !== 'c');
    const r = await one({ kind: 'value', node: 'u', target: 6 }, m);
    expect(r.pass).toBe(false);
    expect(r.message).toBe('"u" cannot be computed yet: Node "u" (mul): port 1 (x2) has no input.');
  });

  it('a tolerance is stated when it matters', async () => {
    const r = await one({ kind: 'value', node: 'J', target: 33.5, tolerance: 0.1 }, chain());
    expect(r.message).toBe('J is 33, the task wants 33.5 (within ±0.1): it is mul of "3" and "v": check those and the op.');
    expect((await one({ kind: 'value', node: 'J', target: 33.05, tolerance: 0.1 }, chain())).pass).toBe(true);
  });
});

describe('answer checks', () => {
  const dJdb = { kind: 'answer', id: 'dJdb', prompt: 'Type ∂J/∂b.', quantity: { gradient: 'b' } } as const;

  it('accepts the right number within the tolerance, typed as text too', async () => {
    for (const typed of [6, '6', '6.004', ' 6,0 ']) expect((await one(dJdb, chain(), { dJdb: typed })).pass, String(typed)).toBe(true);
    const r = await one(dJdb, chain(), { dJdb: 6 });
    expect(r.message).toBe('Right: ∂J/∂b = 6.');
    expect(r).toMatchObject({ actual: 6, answer: 6, tolerance: 0.01 });
  });

  it('rejects a wrong one, saying too high or too low', async () => {
    expect((await one(dJdb, chain(), { dJdb: 5 })).message).toBe('5 is not ∂J/∂b: it is too low (answers within ±0.01 count).');
    expect((await one(dJdb, chain(), { dJdb: '6.5' })).message).toBe('6.5 is not ∂J/∂b: it is too high (answers within ±0.01 count).');
  });

  it('asks for a missing answer and refuses text that is not a number', async () => {
    expect((await one(dJdb, chain())).message).toBe('No answer yet: type ∂J/∂b.');
    expect((await one(dJdb, chain(), { dJdb: 'six' })).message).toBe('"six" is not a number: type ∂J/∂b as a number, e.g. 0.25.');
  });

  it('compares with a value or a local derivative: ∂u/∂b = c = 2, ∂J/∂v = 3', async () => {
    const r = await checkTask(
      {
        checks: [
          { kind: 'answer', id: 'u', prompt: 'u?', quantity: { value: 'u' } },
          { kind: 'answer', id: 'dudb', prompt: 'du/db?', quantity: { local: { from: 'b', to: 'u' } } },
          { kind: 'answer', id: 'dJdv', prompt: 'dJ/dv?', quantity: { local: { from: 'v', to: 'J' } } },
          { kind: 'answer', id: 'none', prompt: '?', quantity: { local: { from: 'a', to: 'J' } } },
        ],
      },
      chain(),
      { answers: { u: 6, dudb: 2, dJdv: 3, none: 1 } },
    );
    expect(r.map((x) => x.pass)).toEqual([true, true, true, false]);
    expect(r[3].message).toBe('There is no edge from "a" to "J", so there is no local derivative ∂J/∂a.');
  });

  it('parseAnswer reads what students type', () => {
    expect([parseAnswer('0,92'), parseAnswer('−1'), parseAnswer('+2.5'), parseAnswer('.5'), parseAnswer('1e-3'), parseAnswer('1/4')]).toEqual([
      0.92, -1, 2.5, 0.5, 0.001, 0.25,
    ]);
    expect([parseAnswer(''), parseAnswer('abc'), parseAnswer('1/0'), parseAnswer('1,2,3'), parseAnswer(Number.NaN)]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('structural checks', () => {
  it('contains-op counts ops written and inside layers', async () => {
    expect(await one({ kind: 'contains-op', op: 'mul', atLeast: 2 }, chain())).toMatchObject({ pass: true, message: 'The graph has 2 mul nodes.' });
    expect((await one({ kind: 'contains-op', op: 'relu' }, chain())).message).toBe('The graph has no relu node: the task wants one. Add it from the palette.');
    expect((await one({ kind: 'contains-op', op: 'mul', atLeast: 3 }, chain())).message).toBe('The graph has 2 mul nodes; the task wants at least 3.');
    // A 2-2-1 dense network with sigmoid activations: 3 sigmoid nodes once expanded.
    expect((await one({ kind: 'contains-op', op: 'sigmoid', atLeast: 3 }, loadSample('xor-mlp'))).pass).toBe(true);
  });

  it('max-params counts layer weights: a 2-2-1 network has 2·2 + 2 + 2·1 + 1 = 9', async () => {
    expect(await one({ kind: 'max-params', count: 9 }, loadSample('xor-mlp'))).toMatchObject({ pass: true, actual: 9 });
    expect((await one({ kind: 'max-params', count: 8 }, loadSample('xor-mlp'))).message).toBe(
      'The graph has 9 trainable parameters, the task allows at most 8: use fewer weights (smaller or fewer layers).',
    );
  });

  it('path: b reaches J through u and v; a does not reach u', async () => {
    expect((await one({ kind: 'path', from: 'b', to: 'J' }, chain())).message).toBe('"b" reaches "J": b → u → v → J.');
    expect((await one({ kind: 'path', from: 'a', to: 'u' }, chain())).message).toBe(
      'There is no path from "a" to "u": connect "a" to a node on the way to "u".',
    );
    expect((await one({ kind: 'path', from: 'b', to: 'J', exists: false }, chain())).message).toBe(
      '"b" reaches "J" (b → u → v → J), and the task wants no path from "b" to "J": remove an edge on it.',
    );
  });

  it('no-cycle shows the cycle, even though such a graph cannot compute', async () => {
    const m = chain();
    m.edges.push({ source: 'J', target: 'u', port: 2 });
    const [any, throughA, value] = await checkTask(
      { checks: [{ kind: 'no-cycle' }, { kind: 'no-cycle', through: 'a' }, { kind: 'value', node: 'J', target: 33 }] },
      m,
    );
    expect(any.message).toBe('The graph has a cycle: u → v → J → u. A value cannot depend on itself: remove one of these edges.');
    expect(throughA).toMatchObject({ pass: true, message: 'The graph has no cycle through "a".' });
    expect(value.message).toMatch(/^The graph has a problem, so nothing can be checked yet: The graph has a cycle/);
  });

  it('output: the graph ends in the named node (only a loss op may read it)', async () => {
    expect((await one({ kind: 'output', name: 'J' }, chain())).pass).toBe(true);
    expect((await one({ kind: 'output', name: 'v' }, chain())).message).toBe(
      '"v" feeds into "J", so the graph does not end there: the output is the last node, which nothing else reads.',
    );
    expect((await one({ kind: 'output', name: 'out' }, loadSample('perceptron-snack'))).pass).toBe(true); // read by the loss only
    expect((await one({ kind: 'output', name: 'K' }, chain())).message).toBe('No node is named "K": name the node your graph ends in "K".');
  });
});

describe('loss and training checks', () => {
  it('loss below a bound, as the graph stands: perceptron snack L = (0 − 1)² = 1', async () => {
    expect((await one({ kind: 'loss', below: 1.5 }, loadSample('perceptron-snack'))).pass).toBe(true);
    expect((await one({ kind: 'loss', below: 0.5 }, loadSample('perceptron-snack'))).message).toBe(
      'The loss L is 1; the task wants it below 0.5: change the parameters to bring it down.',
    );
  });

  it('accuracy after seeded training is the same every run, and says how it trained', async () => {
    const check = { kind: 'accuracy', atLeast: 1, train: { epochs: 500, seed: 1 } } as const;
    const a = await one(check, loadSample('xor-mlp'));
    const b = await one(check, loadSample('xor-mlp'));
    expect(a).toEqual(b);
    expect(a.pass).toBe(true);
    expect(a.message).toBe('After training (500 epochs, adam lr 0.1, batch 4, seed 1), the training accuracy is 100.0%.');
    const short = await one({ ...check, train: { epochs: 1, seed: 1 } }, loadSample('xor-mlp'));
    expect(short.pass).toBe(false);
    expect(short.message).toMatch(
      /^After training \(1 epoch, adam lr 0\.1, batch 4, seed 1\), the training accuracy is \d+\.\d%; the task wants at least 100\.0%\.$/,
    );
  });

  it('training without a dataset says so', async () => {
    const r = await one({ kind: 'accuracy', atLeast: 0.5 }, chain());
    expect(r.pass).toBe(false);
    expect(r.message).toMatch(/^Training could not start: /);
  });

  it('a value after training: km → miles learns w ≈ 0.621', async () => {
    const r = await one({ kind: 'value', node: 'w', target: 0.621, tolerance: 0.01, train: {} }, loadSample('km-to-miles'));
    expect(r.pass, r.message).toBe(true);
  });
});

describe('defaults and steps', () => {
  it('value checks are exact to 1e-6 by default; typed answers to 0.01', async () => {
    expect([DEFAULT_TOLERANCE, DEFAULT_ANSWER_TOLERANCE]).toEqual([1e-6, 0.01]);
    expect((await one({ kind: 'value', node: 'J', target: 33 + 2e-6 }, chain())).pass).toBe(false);
    expect((await one({ kind: 'value', node: 'J', target: 33 + 5e-7 }, chain())).pass).toBe(true);
  });

  it("checkStep runs a step's task, and nothing for a step without one", async () => {
    expect(await checkStep({}, chain())).toEqual([]);
    const r = await checkStep({ task: { checks: [{ kind: 'value', node: 'J', target: 33 }] } }, chain());
    expect(r.map((x) => x.pass)).toEqual([true]);
  });

  it('resolveModel loads a sample by name, or says there is none', async () => {
    const load = (name: string) => (name === 'chain-rule' ? JSON.stringify(chain()) : undefined);
    expect((await resolveModel({ sample: 'chain-rule' }, load)).model?.loss).toBe('J');
    expect((await resolveModel({ sample: 'nope' }, load, 'steps[0].model')).problems.map((p) => p.message)).toEqual([
      'steps[0].model: there is no sample named "nope".',
    ]);
  });
});

describe('describeCheck', () => {
  it('words what each check asks before anything runs', () => {
    expect(describeCheck({ kind: 'value', node: 'J', target: 33 })).toBe('J = 33');
    expect(describeCheck({ kind: 'accuracy', atLeast: 0.95 })).toBe('after training, the accuracy is at least 95.0%');
    expect(describeCheck({ kind: 'max-params', count: 9 })).toBe('at most 9 trainable parameters');
    expect(describeCheck({ kind: 'value', node: 'J', target: 33, describe: 'J is 33' })).toBe('J is 33');
  });
});

describe('stepSkeleton ("Save as lesson step")', () => {
  it('fills in the current numbers as targets: J = 33, dJ/da = 3, dJ/db = 6, dJ/dc = 9', async () => {
    const step = await stepSkeleton(chain(), 'teach');
    expect(step.mode).toBe('teach');
    expect(step.task!.checks).toEqual([
      { kind: 'value', node: 'J', target: 33 },
      { kind: 'gradient', node: 'a', target: 3 },
      { kind: 'gradient', node: 'b', target: 6 },
      { kind: 'gradient', node: 'c', target: 9 },
    ]);
    // A valid step of a lesson, whose checks pass on the graph it came from.
    const { problems } = parseLesson({ format: LESSON_FORMAT, version: 1, title: 'T', summary: 'S', steps: [step] });
    expect(problems).toEqual([]);
    expect((await checkStep(step, chain())).every((r) => r.pass)).toBe(true);
  });

  it('gives no task for a graph with no loss (two unread outputs: none is chosen)', async () => {
    const m = chain();
    delete m.loss;
    m.nodes.push(op('stray', 'mul'));
    m.edges.push({ source: 'a', target: 'stray', port: 0 }, { source: 'b', target: 'stray', port: 1 });
    expect((await stepSkeleton(m)).task).toBeUndefined();
  });
});
