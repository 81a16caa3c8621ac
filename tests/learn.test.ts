/**
 * Learn mode without the browser: the Markdown reader (lesson text is text), the progress kept in
 * storage, the store opening and checking a lesson step, and "Save as lesson step". Oracles: the
 * lecture's numbers for J = 3(a + bc) (J = 33, ∂J/∂a = 3, ∂J/∂b = 6, ∂J/∂c = 9) and the engine's
 * own lesson schema and checks, run on the skeleton as a teacher's file would be.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkTask, parseLesson, parseLessonText, stepSkeleton } from '../graph-engine/index.ts';
import { createEditorStore } from '../src/store/editorStore.ts';
import { createLearnStore } from '../src/modes/learn/learnStore.ts';
import { parseInline, parseMarkdown } from '../src/modes/learn/markdown.ts';
import { readProgress, saveProgress } from '../src/modes/learn/progress.ts';
import { lessonOfStep } from '../src/modes/learn/saveStep.ts';
import { loadSample } from './support/load-sample.ts';

function memoryStorage(init: Record<string, string> = {}) {
  const m = new Map(Object.entries(init));
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k) };
}

describe('lesson Markdown', () => {
  it('reads paragraphs, lists, display math, emphasis, code and math', () => {
    const blocks = parseMarkdown('For $J = 3v$ there are **three**:\n\n$$u = bc$$\n\n- one *a*\n- two `code`\n\n1. first\n2. second');
    expect(blocks.map((b) => b.t)).toEqual(['p', 'math', 'ul', 'ol']);
    expect(blocks[0]).toEqual({
      t: 'p',
      children: [
        { t: 'text', text: 'For ' },
        { t: 'math', tex: 'J = 3v', display: false },
        { t: 'text', text: ' there are ' },
        { t: 'strong', children: [{ t: 'text', text: 'three' }] },
        { t: 'text', text: ':' },
      ],
    });
    expect(blocks[1]).toEqual({ t: 'math', tex: 'u = bc' });
    expect(blocks[2]).toMatchObject({
      t: 'ul',
      items: [
        [{ t: 'text', text: 'one ' }, { t: 'em' }],
        [
          { t: 'text', text: 'two ' },
          { t: 'code', text: 'code' },
        ],
      ],
    });
  });

  it('keeps HTML, odd links and unclosed marks as plain text', () => {
    expect(parseInline('<img src=x onerror=alert(1)>')).toEqual([{ t: 'text', text: '<img src=x onerror=alert(1)>' }]);
    expect(parseInline('[x](javascript:alert(1))')).toEqual([{ t: 'text', text: '[x](javascript:alert(1))' }]);
    expect(parseInline('[site](https://example.org)')).toEqual([{ t: 'link', href: 'https://example.org', children: [{ t: 'text', text: 'site' }] }]);
    expect(parseInline('costs \\$5 and $6')).toEqual([{ t: 'text', text: 'costs $5 and $6' }]);
    expect(parseInline('snake_case_name and 2 * 3')).toEqual([{ t: 'text', text: 'snake_case_name and 2 * 3' }]);
  });
});

describe('Learn progress', () => {
  it('keeps the step and the steps passed, and reads damaged storage as none', () => {
    const s = memoryStorage();
    saveProgress('cg', 0, true, s);
    saveProgress('cg', 2, false, s);
    expect(readProgress(s)).toEqual({ cg: { step: 2, passed: [0] } });
    expect(readProgress(memoryStorage({ 'graphgrad.learn.progress': '{not json' }))).toEqual({});
    expect(readProgress(memoryStorage({ 'graphgrad.learn.progress': '[1,2]' }))).toEqual({});
  });
});

describe('Learn store', () => {
  const lessonText = readFileSync(new URL('../samples/lessons/computational-graph.json', import.meta.url), 'utf8');

  it('opens a step as one undo step in its mode, checks typed answers, and passes once they are right', async () => {
    const own = { ...loadSample('neuron'), name: 'My own graph' };
    const editor = createEditorStore({ initialModel: own });
    const learn = createLearnStore(editor, (name) => readFileSync(new URL(`../samples/${name}.json`, import.meta.url), 'utf8'));
    const { lesson } = parseLessonText(lessonText);
    expect(await learn.getState().openLesson({ lesson: lesson!, id: 'computational-graph', bundled: true }, 0)).toBe(true);
    // Step 1 opens in Teach, where the cards keep u, v and J hidden until stepped.
    expect(editor.getState()).toMatchObject({ learn: true, mode: 'teach' });
    expect(editor.getState().model.name).toBe('J = 3(a + bc)');
    learn.getState().setAnswer('u', '5');
    learn.getState().setAnswer('v', '11');
    learn.getState().setAnswer('J', '33');
    const first = await learn.getState().check();
    expect(first!.map((r) => r.pass)).toEqual([false, true, true]);
    expect(first![0].message).toContain('5 is not u');
    learn.getState().setAnswer('u', '6');
    expect((await learn.getState().check())!.every((r) => r.pass)).toBe(true);
    // A Build step ("Build it yourself") puts the canvas in Build; each step is one more undo step.
    await learn.getState().goTo(3);
    expect(editor.getState()).toMatchObject({ learn: true, mode: 'build' });
    editor.getState().undo();
    editor.getState().undo();
    expect(editor.getState().model.name).toBe('My own graph');
  });

  it('another document ends the lesson, and a check still running for the old step is dropped', async () => {
    const editor = createEditorStore({ initialModel: loadSample('neuron') });
    const learn = createLearnStore(editor, (name) => readFileSync(new URL(`../samples/${name}.json`, import.meta.url), 'utf8'));
    const { lesson } = parseLessonText(lessonText);
    await learn.getState().openLesson({ lesson: lesson!, id: 'computational-graph', bundled: true }, 0);
    learn.getState().setAnswer('u', '6');
    const checking = learn.getState().check();
    // The user opens a sample while the check runs: the lesson closes, and its verdict never lands.
    editor.getState().loadModel(loadSample('xor-mlp'), 'Open sample');
    expect(editor.getState().learn).toBe(false);
    expect(learn.getState().open).toBeUndefined();
    expect(await checking).toBeUndefined();
    expect(learn.getState().results).toBeUndefined();
  });
});

describe('Save as lesson step', () => {
  it('fills the checks with the graph’s numbers as targets, and the step passes on that graph', async () => {
    const editor = createEditorStore({ initialModel: loadSample('chain-rule') });
    const { model } = editor.getState();
    const step = await stepSkeleton(model, 'teach');
    expect(step.mode).toBe('teach');
    const targets = Object.fromEntries(step.task!.checks.map((c) => [`${c.kind}:${'node' in c ? c.node : ''}`, 'target' in c ? c.target : undefined]));
    expect(targets).toEqual({ 'value:J': 33, 'gradient:a': 3, 'gradient:b': 6, 'gradient:c': 9 });
    // The file a teacher downloads is a valid lesson, and its checks pass on the graph as it stands.
    const parsed = parseLesson(JSON.parse(JSON.stringify(lessonOfStep(step))));
    expect(parsed.problems).toEqual([]);
    const results = await checkTask(parsed.lesson!.steps[0].task!, model);
    expect(results.map((r) => r.pass)).toEqual([true, true, true, true]);
    // ...and fail where the graph changes: b = 4 makes J = 3(5 + 8) = 39 and ∂J/∂c = 3b = 12; ∂J/∂a = 3, ∂J/∂b = 3c = 6 stay.
    const changed = { ...model, nodes: model.nodes.map((n) => (n.id === 'b' ? { ...n, value: 4 } : n)) };
    const after = await checkTask(parsed.lesson!.steps[0].task!, changed);
    expect(after.map((r) => r.pass)).toEqual([false, true, true, false]);
  });
});
