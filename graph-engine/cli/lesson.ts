/**
 * `graphgrad lesson check <lesson.json ...>` and `graphgrad grade <lesson.json> --step N <submission ...|folder>`.
 * Exit codes: 0 all good; 1 a lesson fails its check, or a submission fails a check; 2 usage or a
 * file that cannot be read (nothing was graded). Grading is deterministic: checks that train use
 * the lesson's seeds, and submissions are graded in file-name order.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateModelText } from '../graph/validate.ts';
import { ensureOpsFor } from '../expr/load.ts';
import { type CheckResult, checkTask, describeCheck } from '../lessons/checks.ts';
import { checkLesson, parseLessonText } from '../lessons/lesson.ts';
import type { Lesson } from '../lessons/schema.ts';
import { CliError, cliJson, parseArgs, readFailure } from './io.ts';

export const LESSON_USAGE = `  lesson check <lesson.json ...> [--json]
                                 validate a lesson: every step's model, every task's solution
                                 (a lesson index such as samples/lessons/index.json: every lesson it lists)
  grade <lesson.json> --step N <submission.json ...|folder> [--json|--csv]
                                 grade saved models against step N's checks (a folder: its .json files)`;

/** Exit code for usage and unreadable files: nothing was checked. */
const USAGE_EXIT = 2;

// The repo's samples/ folder, found from this file (not the working directory).
const samplesDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'samples');

/** samples/<name>.json for a lesson's {"sample": name} (names are checked to be plain words first). */
function loadSample(name: string): string | undefined {
  try {
    return readFileSync(join(samplesDir, `${name}.json`), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CliError(`Cannot read sample ${name}: ${readFailure(e)}`);
  }
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(`Cannot read ${path}: ${readFailure(e)}`);
  }
}

/** Runs a command, turning a CliError (usage, unreadable file) into its lines and exit code 2. */
async function usageErrors(run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    for (const line of e.lines) console.error(line);
    return USAGE_EXIT;
  }
}

/** A lesson index (samples/lessons/index.json): `{"lessons": [{"id", "title"}, ...]}`, the lessons in teaching order. */
function indexedIds(text: string): string[] | undefined {
  try {
    const data = JSON.parse(text) as { lessons?: unknown; format?: unknown };
    if (data.format !== undefined || !Array.isArray(data.lessons)) return undefined;
    const ids = data.lessons.map((l) => (l as { id?: unknown })?.id);
    return ids.every((id): id is string => typeof id === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(id)) ? ids : undefined;
  } catch {
    return undefined; // not JSON: the lesson parser reports it with line and column
  }
}

/**
 * The files to check, a lesson index standing for the lessons it lists (each `<id>.json` beside
 * it), so `lesson check samples/lessons/index.json` checks them all and the glob
 * `samples/lessons/*.json` checks each once rather than failing on the index.
 */
function withIndexedLessons(texts: (readonly [string, string])[]): (readonly [string, string])[] {
  const out = new Map<string, string>();
  for (const [file, text] of texts) {
    const ids = indexedIds(text);
    if (!ids) {
      out.set(file, text);
      continue;
    }
    for (const id of ids) {
      const listed = join(dirname(file), `${id}.json`);
      if (![...out.keys()].some((f) => join(f) === listed)) out.set(listed, readText(listed));
    }
  }
  return [...out];
}

export function lessonCommand(argv: string[]): Promise<number> {
  return usageErrors(async () => {
    const { positional, flags } = parseArgs(argv, ['json']);
    const [sub, ...files] = positional;
    if (sub !== 'check') throw new CliError(`Usage:\n${LESSON_USAGE}`.split('\n'));
    if (!files.length) throw new CliError('Missing <lesson.json> argument.');
    const texts = withIndexedLessons(files.map((f) => [f, readText(f)] as const)); // every file readable before any is checked
    let failed = false;
    const reports = [];
    for (const [file, text] of texts) {
      const { lesson, problems } = parseLessonText(text);
      const report = lesson ? await checkLesson(lesson, loadSample) : { problems, warnings: [], steps: [] };
      failed ||= report.problems.length > 0;
      if (flags.has('json')) {
        reports.push({ file, title: lesson?.title ?? null, ok: report.problems.length === 0, ...report });
        continue;
      }
      for (const p of report.problems) console.log(`${file}: ${p.message}`);
      for (const w of report.warnings) console.log(`${file}: warning: ${w.message}`);
      if (!lesson) continue;
      for (const s of report.steps) {
        const fails = s.checks.filter((c) => !c.pass).length;
        const task = lesson.steps[s.step - 1].task;
        const what = s.checks.length
          ? `${s.checks.length - fails}/${s.checks.length} checks pass on the solution`
          : task
            ? `${task.checks.length} check${task.checks.length === 1 ? '' : 's'}, not run`
            : 'no task';
        console.log(`  step ${s.step}${s.title ? ` (${s.title})` : ''}: ${what}`);
      }
      const checks = report.steps.reduce((n, s) => n + s.checks.length, 0);
      console.log(
        report.problems.length
          ? `FAILED: ${file}: ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}`
          : `ok: ${file}: "${lesson.title}", ${lesson.steps.length} step${lesson.steps.length === 1 ? '' : 's'}, ${checks} check${checks === 1 ? '' : 's'} pass on their solutions`,
      );
    }
    if (flags.has('json')) console.log(cliJson(reports));
    return failed ? 1 : 0;
  });
}

/** The submission files: each path as given, a folder's .json files sorted by name. */
function submissionFiles(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) throw new CliError(`Cannot read ${p}: no such file or folder`);
    if (!st.isDirectory()) {
      out.push(p);
      continue;
    }
    const inFolder = readdirSync(p)
      .filter((f) => f.toLowerCase().endsWith('.json'))
      .sort()
      .map((f) => join(p, f));
    if (!inFolder.length) throw new CliError(`${p}: the folder has no .json files to grade.`);
    out.push(...inFolder);
  }
  return out;
}

interface Graded {
  file: string;
  /** Why the file could not be graded at all (not a model, unreadable); every check then fails. */
  problems: string[];
  checks: CheckResult[];
}

/** Typed answers a saved model carries in its top-level "answers" object (numbers or text, by check id). */
function answersOf(data: unknown): Record<string, number | string> {
  const a = (data as { answers?: unknown } | null)?.answers;
  if (typeof a !== 'object' || a === null || Array.isArray(a)) return {};
  return Object.fromEntries(Object.entries(a).filter(([, v]) => typeof v === 'number' || typeof v === 'string'));
}

async function gradeOne(file: string, lesson: Lesson, step: number): Promise<Graded> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { file, problems: [`cannot read it: ${readFailure(e)}`], checks: [] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    data = undefined; // validateModelText says where the syntax breaks
  }
  if (data && typeof data === 'object') await ensureOpsFor(data as { nodes?: unknown });
  // The editor's rules: a student's unfinished graph is graded check by check, not refused whole.
  const v = validateModelText(text, { allowIncomplete: true });
  if (!v.model) return { file, problems: v.problems.map((p) => p.message), checks: [] };
  const checks = await checkTask(lesson.steps[step - 1].task!, v.model, { answers: answersOf(data) });
  return { file, problems: [], checks };
}

const passed = (g: Graded) => g.checks.filter((c) => c.pass).length;
const allPass = (g: Graded, total: number) => g.problems.length === 0 && passed(g) === total;

/** One CSV cell (RFC 4180), with a leading = + - @ made inert so a spreadsheet does not run it as a formula. */
function csvCell(v: string | number): string {
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function printCsv(graded: Graded[], lesson: Lesson, step: number): void {
  const checks = lesson.steps[step - 1].task!.checks;
  // Each check's column says what it asks, so the gradebook reads without the lesson beside it.
  const names = checks.map((c, i) => `check ${i + 1}: ${describeCheck(c)}`);
  const rows = [['file', 'passed', 'total', 'all_pass', ...names, 'reasons']];
  for (const g of graded) {
    const reasons = g.problems.length ? g.problems : g.checks.filter((c) => !c.pass).map((c) => `check ${c.index + 1}: ${c.message}`);
    rows.push([
      g.file,
      String(passed(g)),
      String(checks.length),
      allPass(g, checks.length) ? 'yes' : 'no',
      ...checks.map((_, i) => (g.checks[i]?.pass ? 'pass' : 'fail')),
      reasons.join(' | '),
    ]);
  }
  console.log(rows.map((r) => r.map(csvCell).join(',')).join('\n'));
}

function printText(graded: Graded[], total: number): void {
  for (const g of graded) {
    console.log(`${g.file}: ${g.problems.length ? 'not a model GraphGrad can grade' : `${passed(g)}/${total} checks pass`}`);
    for (const p of g.problems) console.log(`  FAIL  ${p}`);
    for (const c of g.checks) console.log(`  ${c.pass ? 'pass' : 'FAIL'}  ${c.expected}: ${c.message}`);
  }
  const ok = graded.filter((g) => allPass(g, total)).length;
  console.log(`\n${graded.length} submission${graded.length === 1 ? '' : 's'}: ${ok} pass every check, ${graded.length - ok} do not`);
}

export function gradeCommand(argv: string[]): Promise<number> {
  return usageErrors(async () => {
    const { positional, flags } = parseArgs(argv, ['json', 'csv']);
    const [lessonPath, ...paths] = positional;
    if (!lessonPath) throw new CliError('Missing <lesson.json> argument.');
    if (flags.has('json') && flags.has('csv')) throw new CliError('Give --json or --csv, not both.');
    const rawStep = flags.get('step');
    if (rawStep === undefined) throw new CliError('Missing --step N: which step of the lesson to grade (1 is the first).');
    const { lesson, problems } = parseLessonText(readText(lessonPath));
    if (!lesson) throw new CliError([`${lessonPath} is not a lesson GraphGrad can read:`, ...problems.map((p) => `  ${p.message}`)]);
    const step = /^\d+$/.test(rawStep) ? Number(rawStep) : Number.NaN;
    if (!(step >= 1 && step <= lesson.steps.length)) throw new CliError(`--step ${rawStep}: the lesson has steps 1 to ${lesson.steps.length}.`);
    const task = lesson.steps[step - 1].task;
    if (!task) {
      const graded = lesson.steps.flatMap((s, i) => (s.task ? [i + 1] : []));
      throw new CliError(`--step ${step}: that step has no task to grade. Steps with a task: ${graded.join(', ') || 'none'}.`);
    }
    if (!paths.length) throw new CliError('Missing <submission.json ...|folder> to grade.');
    const files = submissionFiles(paths);
    const graded: Graded[] = [];
    for (const f of files) graded.push(await gradeOne(f, lesson, step));
    const total = task.checks.length;
    if (flags.has('json')) {
      console.log(
        cliJson({
          lesson: lesson.title,
          file: basename(lessonPath),
          step,
          checks: total,
          submissions: graded.map((g) => ({ file: g.file, pass: allPass(g, total), passed: passed(g), total, problems: g.problems, checks: g.checks })),
        }),
      );
    } else if (flags.has('csv')) printCsv(graded, lesson, step);
    else printText(graded, total);
    return graded.every((g) => allPass(g, total)) ? 0 : 1;
  });
}
