// `graphgrad lesson check` and `graphgrad grade` as a teacher runs them: output, --json, --csv and
// exit codes (0 all pass, 1 a failure, 2 usage or unreadable files). Expected numbers are the
// hand-worked J = 3(a + bc) ones: J = 33, dJ/da = 3, dJ/db = 6, dJ/dc = 9.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
function cli(...args: string[]) {
  const r = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'graph-engine/cli/main.ts'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const tmp = mkdtempSync(join(tmpdir(), 'graphgrad-lesson-'));
function file(name: string, content: unknown) {
  const p = join(tmp, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return p;
}

const LESSON = 'samples/lessons/computational-graph.json';
const chain = () => JSON.parse(readFileSync(join(root, 'samples/chain-rule.json'), 'utf8'));
/** J = 3(a + bc) with b·c replaced by b + c: J = 30, dJ/db = dJ/dc = 3. */
function wrongOp() {
  const m = chain();
  m.nodes.find((n: { id: string }) => n.id === 'u').op = 'add';
  return m;
}
const lesson = (steps: unknown[]) => ({ format: 'graphgrad-lesson', version: 1, title: 'Test lesson', summary: 'S', steps });

describe('graphgrad lesson check', () => {
  it('passes every shipped lesson in one run, the glob’s index.json standing for the lessons it lists', () => {
    // As a teacher types it: samples/lessons/*.json, the index included (it lists every lesson).
    const files = readdirSync(join(root, 'samples/lessons'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => `samples/lessons/${f}`);
    const lessons = files.filter((f) => !f.endsWith('/index.json'));
    expect(lessons.length).toBeGreaterThanOrEqual(10);
    expect(files).toContain('samples/lessons/index.json');
    const r = cli('lesson', 'check', ...files);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const ok = r.out.split('\n').filter((l) => l.startsWith('ok: '));
    expect(ok.map((l) => l.split(':')[1].trim()).sort()).toEqual([...lessons].sort());
    expect(r.out).not.toContain('warning');
  }, 300_000); // a limit for a busy machine: every lesson's training checks run

  it('passes the J = 3(a + bc) lesson, step by step', () => {
    const r = cli('lesson', 'check', LESSON);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('step 4 (Build it yourself): 6/6 checks pass on the solution');
    expect(r.out).toMatch(
      /^ok: samples\/lessons\/computational-graph\.json: "A computational graph: J = 3\(a \+ bc\)", 5 steps, \d+ checks pass on their solutions$/m,
    );
  });

  it('fails a lesson whose solution does not pass, naming step and check', () => {
    const bad = file(
      'wrong-target.json',
      lesson([{ text: 'x', mode: 'build', model: { sample: 'chain-rule' }, task: { checks: [{ kind: 'gradient', node: 'c', target: 8 }], solution: {} } }]),
    );
    const r = cli('lesson', 'check', bad);
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      "steps[0].task.checks[0] (step 1, check 1): fails on the task's own solution: ∂J/∂c is 9, the task wants 8: which path from c to J is missing",
    );
    expect(r.out).toContain('FAILED:');
  });

  it('names the field of a bad lesson, a missing sample and an unknown highlighted node', () => {
    const bad = file(
      'bad.json',
      lesson([
        { text: 'x', mode: 'teach', model: { sample: 'no-such-sample' } },
        { text: 'y', mode: 'teach', model: { sample: 'chain-rule' }, highlight: { nodes: ['q'] } },
      ]),
    );
    const r = cli('lesson', 'check', bad);
    expect(r.code).toBe(1);
    expect(r.out).toContain('steps[0].model (step 1): there is no sample named "no-such-sample".');
    expect(r.out).toContain('steps[1].highlight.nodes[0] (step 2): the step\'s model has no node "q".');
    const worse = cli('lesson', 'check', file('worse.json', lesson([{ text: 'x', mode: 'learn', model: { sample: 'chain-rule' } }])));
    expect(worse.code).toBe(1);
    expect(worse.out).toMatch(/steps\[0\]\.mode \(step 1\): /);
  });

  it('warns, without failing, of a task with no solution', () => {
    const r = cli(
      'lesson',
      'check',
      file('nosol.json', lesson([{ text: 'x', mode: 'build', model: { sample: 'chain-rule' }, task: { checks: [{ kind: 'value', node: 'J', target: 33 }] } }])),
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('warning: steps[0].task (step 1): the task has no solution');
  });

  it('--json gives one report per lesson', () => {
    const r = cli('lesson', 'check', LESSON, '--json');
    expect(r.code).toBe(0);
    const [rep] = JSON.parse(r.out);
    expect(rep).toMatchObject({ file: LESSON, ok: true, problems: [], warnings: [] });
    expect(rep.steps[3].checks.map((c: { pass: boolean }) => c.pass)).toEqual([true, true, true, true, true, true]);
  });

  it('exits 2 for a file that cannot be read or a wrong subcommand', () => {
    expect(cli('lesson', 'check', join(tmp, 'missing.json'))).toMatchObject({ code: 2, err: expect.stringContaining('no such file') });
    expect(cli('lesson', 'grade').code).toBe(2);
  });
});

describe('graphgrad grade', () => {
  const good = file('alice.json', chain());
  const bad = file('bob.json', wrongOp());

  it('passes a correct submission: exit 0', () => {
    const r = cli('grade', LESSON, '--step', '4', good);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${good}: 6/6 checks pass`);
    expect(r.out).toContain('pass  J = 33: J = 33, as the task wants.');
  });

  it('fails an incorrect one with the reasons: exit 1', () => {
    const r = cli('grade', LESSON, '--step', '4', good, bad);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${bad}: 2/6 checks pass`);
    expect(r.out).toContain('FAIL  J = 33: J is 30, the task wants 33: it is mul of "3" and "v": check those and the op.');
    // dJ/db = 3 (b + c passes 1 back), the hand-worked target is 6; the lesson's own hint on c.
    expect(r.out).toContain('FAIL  ∂J/∂b = 6: ∂J/∂b is 3, the task wants 6');
    expect(r.out).toContain('FAIL  ∂J/∂c = 9: ∂J/∂c is 3, the task wants 9: which path into c is missing?');
    expect(r.out).toContain('FAIL  at least 2 mul nodes: The graph has 1 mul node; the task wants at least 2.');
    expect(r.out).toContain('2 submissions: 1 pass every check, 1 do not');
  });

  it('--csv: one row per submission for a gradebook, quoted where needed', () => {
    const r = cli('grade', LESSON, '--step', '4', good, bad, '--csv');
    expect(r.code).toBe(1);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'file,passed,total,all_pass,"check 1: the graph ends in a node named ""J""",check 2: J = 33,check 3: ∂loss/∂a = 3,check 4: ∂loss/∂b = 6,check 5: ∂loss/∂c = 9,check 6: at least 2 mul nodes,reasons',
    );
    expect(lines[1]).toBe(`${good},6,6,yes,pass,pass,pass,pass,pass,pass,`);
    expect(lines[2]).toMatch(
      new RegExp(
        `^${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')},2,6,no,pass,fail,pass,fail,fail,fail,"check 2: J is 30, the task wants 33: it is mul of ""3"" and ""v""`,
      ),
    );
    expect(lines).toHaveLength(3);
  });

  it('--json: per submission, per check', () => {
    const r = cli('grade', LESSON, '--step', '4', bad, '--json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ lesson: 'A computational graph: J = 3(a + bc)', step: 4, checks: 6 });
    expect(j.submissions[0]).toMatchObject({ file: bad, pass: false, passed: 2, total: 6, problems: [] });
    expect(j.submissions[0].checks[1]).toMatchObject({ kind: 'value', pass: false, actual: 30, target: 33 });
  });

  it('grades a folder, every .json in it by name, and a file that is not a model fails with why', () => {
    const dir = join(tmp, 'class');
    mkdirSync(dir);
    writeFileSync(join(dir, 'b-carol.json'), JSON.stringify(chain()));
    writeFileSync(join(dir, 'a-dave.json'), '{ "format": "graphgrad", "version": 1, "nodes": [ }');
    writeFileSync(join(dir, 'notes.txt'), 'not graded');
    const r = cli('grade', LESSON, '--step', '4', dir, '--csv');
    expect(r.code).toBe(1);
    const lines = r.out.trimEnd().split('\n');
    expect(lines.map((l) => l.split(',')[0])).toEqual(['file', join(dir, 'a-dave.json'), join(dir, 'b-carol.json')]);
    expect(lines[1]).toContain(',0,6,no,fail,fail,fail,fail,fail,fail,"Not valid JSON at line 1, column 51: value expected."');
  });

  it('reads typed answers from the submission\'s "answers"', () => {
    const right = file('answers-right.json', { ...chain(), answers: { dJda: 3, dJdb: 6, dJdc: '9' } });
    const wrong = file('answers-wrong.json', { ...chain(), answers: { dJda: 3, dJdb: 6, dJdc: 6 } });
    expect(cli('grade', LESSON, '--step', '3', right).code).toBe(0);
    const r = cli('grade', LESSON, '--step', '3', wrong);
    expect(r.code).toBe(1);
    expect(r.out).toContain('6 is not ∂J/∂c: it is too low (answers within ±0.01 count).');
  });

  it('is deterministic with a training check: the same output on every run', () => {
    const xor = file(
      'xor-lesson.json',
      lesson([
        {
          text: 'Train XOR',
          mode: 'train',
          model: { sample: 'xor-mlp' },
          task: { checks: [{ kind: 'accuracy', atLeast: 1, train: { epochs: 300, seed: 1 } }], solution: {} },
        },
      ]),
    );
    const sub = join(root, 'samples/xor-mlp.json');
    const a = cli('grade', xor, '--step', '1', sub, '--json');
    const b = cli('grade', xor, '--step', '1', sub, '--json');
    expect(a.out).toBe(b.out);
    expect(JSON.parse(a.out).submissions[0].checks[0].message).toMatch(
      /^After training \(300 epochs, adam lr 0\.1, batch 4, seed 1\), the training accuracy is/,
    );
  });

  it('exits 2 for usage errors, naming what is wrong', () => {
    expect(cli('grade', LESSON, good)).toMatchObject({ code: 2, err: expect.stringContaining('Missing --step N') });
    expect(cli('grade', LESSON, '--step', '9', good)).toMatchObject({ code: 2, err: expect.stringContaining('--step 9: the lesson has steps 1 to 5.') });
    expect(cli('grade', LESSON, '--step', '4')).toMatchObject({ code: 2, err: expect.stringContaining('Missing <submission.json') });
    expect(cli('grade', LESSON, '--step', '4', join(tmp, 'nobody.json'))).toMatchObject({ code: 2, err: expect.stringContaining('no such file') });
    expect(cli('grade', 'samples/chain-rule.json', '--step', '1', good)).toMatchObject({
      code: 2,
      err: expect.stringContaining('This is a GraphGrad model, not a lesson.'),
    });
    const textOnly = file('text-only.json', lesson([{ text: 'Read this', mode: 'teach', model: { sample: 'chain-rule' } }]));
    expect(cli('grade', textOnly, '--step', '1', good)).toMatchObject({ code: 2, err: expect.stringContaining('that step has no task to grade') });
  });
});
