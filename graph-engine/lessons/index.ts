/**
 * Lessons: the lesson file format v1 (docs/lessons.md) and the checks a task runs on the student's
 * graph. Everything here is exported from graph-engine/index.ts.
 *
 * For the app (Learn mode, Quiz me, the embed):
 * - Reading: `parseLessonText(text)` / `parseLesson(json)` → `{ lesson?, problems }`; every problem
 *   names the step and field ("steps[2].task.checks[0].target (step 3, check 1): ..."). Bundled
 *   lessons live in samples/lessons/<id>.json; samples/lessons/index.json lists them in teaching
 *   order as `{ "lessons": [{ "id", "title" }] }` (tests keep it in step with the files).
 * - A step (`lesson.steps[i]`; people count steps from 1): `text` (Markdown + KaTeX), `mode`
 *   ('build' | 'teach' | 'train'), `highlight?.nodes` (ids or labels), `highlight?.controls`
 *   (control names, see docs/lessons.md), `task?` with `checks`, `hints?` (show one at a time) and
 *   `solution?` ({ model?, answers?, text? }, for the teacher to reveal).
 * - Its model: `resolveModel(step.model, loadSample)` → `{ model?, problems }`; `loadSample(name)`
 *   returns the text of samples/<name>.json (the app: `sampleText` in src/io/samples.ts).
 * - Checking: `await checkStep(step, model, { answers })` → `CheckResult[]`, one per check, in order:
 *   `{ index, id?, kind, pass, expected, message, actual?, target?, tolerance?, answer?, nodes? }`.
 *   `expected` says what the check asks (show it beside "Check"); `message` says why it passed or
 *   what is off, naming nodes by their labels; `nodes` are ids to point at. For an answer check,
 *   `actual` is the true quantity: reveal it only after the student answered. Answers are keyed by
 *   the answer check's `id`, as typed (strings are read by `parseAnswer`: "0,92", "−1" work).
 *   `describeCheck(check)` gives `expected` before anything is evaluated. Checks that train
 *   (`accuracy`, or `train` set) run the seeded Trainer synchronously: seconds for big settings.
 * - Teachers: `checkLesson(lesson, loadSample)` is `graphgrad lesson check`; `checkTask` grades.
 *   "Save as lesson step": `await stepSkeleton(model, mode)` gives a step with the loss's value and
 *   each input's and parameter's gradient as checks, the current numbers as targets, to edit.
 */
export * from './schema.ts';
export {
  checkStep,
  checkTask,
  describeCheck,
  parseAnswer,
  DEFAULT_TOLERANCE,
  DEFAULT_ANSWER_TOLERANCE,
  type CheckResult,
} from './checks.ts';
export { parseLessonText, resolveModel, checkLesson } from './lesson.ts';
export { stepSkeleton } from './skeleton.ts';
