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
  }, 60_000);
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
