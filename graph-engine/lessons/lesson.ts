/**
 * Lessons as files: reading lesson text, resolving a step's model (inline or a sample's name), and
 * `checkLesson`, what `graphgrad lesson check` runs: every step's model is valid and every task's
 * own solution passes its checks. Samples are read by the caller's loader (the CLI from samples/,
 * the app through its bundled list), so the engine stays free of files and fetches.
 */
import { jsonPath, type Model, type Problem, syntaxError } from '../core/model.ts';
import { sizeProblem, utf8Bytes } from '../core/limits.ts';
import { validateModel, validateModelText } from '../graph/validate.ts';
import { ensureOpsFor } from '../expr/load.ts';
import { type CheckResult, checkTask } from './checks.ts';
import { type Lesson, lessonPlace, type ModelRef, parseLesson } from './schema.ts';

/** The text of a bundled sample by name (samples/<name>.json), or undefined when there is none. */
export type SampleLoader = (name: string) => string | undefined | Promise<string | undefined>;

/** Parses lesson text: JSON syntax (with line and column), then the schema. Never throws. */
export function parseLessonText(raw: string): { lesson?: Lesson; problems: Problem[] } {
  const tooBig = sizeProblem(utf8Bytes(raw));
  if (tooBig) return { problems: [tooBig] };
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e;
    return { problems: [{ message: `Not valid JSON at ${syntaxError(text)}.` }] };
  }
  return parseLesson(data);
}

const isSampleRef = (ref: ModelRef): ref is { sample: string } => 'sample' in ref && typeof ref.sample === 'string';

/**
 * The model a reference names: the inline model, or the sample loaded and validated. Graph rules
 * are checked as the editor checks them (empty ports allowed: a step may hand the student a graph
 * to finish); `strict` checks as files and the CLI do. Problems name `where` in words (e.g.
 * "steps[2].model (step 3)") and carry `path`, its JSON path.
 */
export async function resolveModel(
  ref: ModelRef,
  loadSample: SampleLoader,
  where = 'model',
  strict = false,
  path = where,
): Promise<{ model?: Model; problems: Problem[] }> {
  const at = (message: string): Problem => ({ message: `${where}: ${message}`, path });
  if (isSampleRef(ref)) {
    const text = await loadSample(ref.sample);
    if (text === undefined) return { problems: [at(`there is no sample named "${ref.sample}".`)] };
    const parsed = validateModelText(text, { allowIncomplete: true });
    if (!parsed.model) return { problems: parsed.problems.map((p) => at(`sample "${ref.sample}": ${p.message}`)) };
    return graphProblems(parsed.model, strict, (m) => at(`sample "${ref.sample}": ${m}`));
  }
  return graphProblems(ref, strict, at);
}

async function graphProblems(model: Model, strict: boolean, at: (m: string) => Problem): Promise<{ model?: Model; problems: Problem[] }> {
  await ensureOpsFor(model);
  const v = validateModel(model, { allowIncomplete: !strict });
  return v.problems.length ? { problems: v.problems.map((p) => at(p.message)) } : { model, problems: [] };
}

export interface StepReport {
  /** 1-based, as people count steps. */
  step: number;
  title?: string;
  /** The checks run on the task's solution (empty for a step without a task). */
  checks: CheckResult[];
}

export interface LessonReport {
  /** What makes the lesson fail `lesson check`. */
  problems: Problem[];
  /** What a teacher should look at, but which does not fail the check. */
  warnings: Problem[];
  steps: StepReport[];
}

/**
 * `lesson check`: every step's model resolves and is valid; highlighted nodes exist; every task's
 * solution (its model, or the step's, with its answers) passes every check. Warns of a task with no
 * solution, and of one that already passes on the step's own graph before the student does anything.
 */
export async function checkLesson(lesson: Lesson, loadSample: SampleLoader): Promise<LessonReport> {
  const report: LessonReport = { problems: [], warnings: [], steps: [] };
  for (const [i, step] of lesson.steps.entries()) {
    const place = (...path: PropertyKey[]) => lessonPlace(['steps', i, ...path]);
    const at = (...path: PropertyKey[]) => jsonPath(['steps', i, ...path]);
    const entry: StepReport = { step: i + 1, ...(step.title ? { title: step.title } : {}), checks: [] };
    report.steps.push(entry);
    const start = await resolveModel(step.model, loadSample, place('model'), false, at('model'));
    report.problems.push(...start.problems);
    if (!start.model) continue;
    const known = new Set(start.model.nodes.flatMap((n) => [n.id, ...(n.label?.trim() ? [n.label] : [])]));
    for (const [k, ref] of (step.highlight?.nodes ?? []).entries()) {
      if (!known.has(ref))
        report.problems.push({ message: `${place('highlight', 'nodes', k)}: the step's model has no node "${ref}".`, path: at('highlight') });
    }
    const task = step.task;
    if (!task) continue;
    if (!task.solution) {
      report.warnings.push({
        message: `${place('task')}: the task has no solution, so lesson check cannot show that its checks can pass.`,
        path: at('task'),
      });
      continue;
    }
    const answerIds = new Set(task.checks.flatMap((c) => (c.kind === 'answer' ? [c.id] : [])));
    for (const key of Object.keys(task.solution.answers ?? {})) {
      if (!answerIds.has(key))
        report.problems.push({
          message: `${place('task', 'solution', 'answers', key)}: no answer check of this task has the id "${key}".`,
          path: at('task'),
        });
    }
    const solution = task.solution.model
      ? await resolveModel(task.solution.model, loadSample, place('task', 'solution', 'model'), true, at('task', 'solution', 'model'))
      : await resolveModel(step.model, loadSample, place('model'), true, at('model'));
    if (!solution.model) {
      report.problems.push(...solution.problems.filter((p) => !start.problems.some((s) => s.message === p.message)));
      continue;
    }
    entry.checks = await checkTask(task, solution.model, { answers: task.solution.answers ?? {} });
    for (const r of entry.checks) {
      if (!r.pass) report.problems.push({ message: `${place('task', 'checks', r.index)}: fails on the task's own solution: ${r.message}`, path: at('task') });
    }
    const before = await checkTask(task, start.model);
    if (before.every((r) => r.pass)) {
      report.warnings.push({ message: `${place('task')}: every check passes on the step's own graph, before the student does anything.`, path: at('task') });
    }
  }
  return report;
}
