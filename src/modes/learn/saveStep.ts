/**
 * "Save as lesson step": the current graph as the skeleton of a lesson step, for a teacher to edit.
 * Its checks are filled in with the graph's current numbers as targets (the loss's value and the
 * gradient of every input and parameter, as the engine computed them), so the step passes on the
 * graph as it stands; the teacher then changes the graph handed to students, the text and hints.
 */
import { LESSON_FORMAT, nodeLabel, type Check, type Lesson, type LessonStep, type Model } from '../../../graph-engine/index.ts';
import type { Mode } from '../../store/editorStore.ts';
import type { Evaluation } from '../../store/evaluate.ts';

/** Targets are the engine's numbers to this many significant digits; the tolerance covers the rounding. */
const DIGITS = 6;
const round = (v: number) => Number(v.toPrecision(DIGITS));
const tolerance = (v: number) => Math.max(1e-6, Math.abs(v) * 10 ** (1 - DIGITS));

/** The node ids a check names: the label when it names one node only (what students see), else the id. */
function refOf(model: Model, id: string): string {
  const node = model.nodes.find((n) => n.id === id)!;
  const label = nodeLabel(node);
  return model.nodes.filter((n) => nodeLabel(n) === label || n.id === label).length === 1 ? label : id;
}

export function stepSkeleton(model: Model, evaluation: Evaluation, mode: Mode): LessonStep {
  const checks: Check[] = [];
  const loss = evaluation.lossId;
  const lossResult = loss !== undefined ? evaluation.results.get(loss) : undefined;
  if (loss !== undefined && lossResult && Number.isFinite(lossResult.value) && model.nodes.some((n) => n.id === loss)) {
    checks.push({ kind: 'value', node: refOf(model, loss), target: round(lossResult.value), tolerance: tolerance(lossResult.value) });
  }
  for (const n of model.nodes) {
    if (n.op !== 'input' && n.op !== 'param') continue;
    const g = evaluation.results.get(n.id)?.grad;
    if (g !== undefined && Number.isFinite(g)) checks.push({ kind: 'gradient', node: refOf(model, n.id), target: round(g), tolerance: tolerance(g) });
  }
  const step: LessonStep = {
    title: model.name?.trim() || 'A new step',
    text: 'Say what the student should do here, in Markdown with $\\KaTeX$ math.\n\nEach check below holds the graph’s current numbers as its target: change the graph you hand out (this step’s "model"), or the targets, so the task has something to do.',
    model,
    mode,
  };
  if (checks.length) step.task = { checks, hints: ['A first hint, shown when the student asks for one.'], solution: { model } };
  return step;
}

/** A lesson of one step: a file that opens in Learn as it is, for the teacher to try and then extend. */
export function lessonOfStep(step: LessonStep): Lesson {
  return {
    format: LESSON_FORMAT,
    version: 1,
    title: step.title ?? 'A new lesson',
    summary: 'What this lesson teaches, in a sentence or two.',
    steps: [step],
  };
}
