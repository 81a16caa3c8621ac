/**
 * "Save as lesson step": the current graph as a step skeleton for a teacher to edit. Its checks
 * are the loss's value and the gradient of every input and parameter that reaches the loss, with
 * the engine's current numbers filled in as targets.
 */
import { type Model, nodeLabel } from '../core/model.ts';
import { Evaluated } from './evaluate.ts';
import type { LessonStep } from './schema.ts';

type Check = NonNullable<LessonStep['task']>['checks'][number];

/** The label the student sees when it names one node only, else the id (checks find both). */
function refOf(model: Model, id: string): string {
  const node = model.nodes.find((n) => n.id === id)!;
  const label = nodeLabel(node);
  return model.nodes.filter((n) => nodeLabel(n) === label).length === 1 ? label : id;
}

export async function stepSkeleton(model: Model, mode: LessonStep['mode'] = 'build'): Promise<LessonStep> {
  const ev = await Evaluated.of(model);
  const checks: Check[] = [];
  const loss = ev.loss;
  if (loss && !ev.incomplete(loss)) checks.push({ kind: 'value', node: refOf(model, loss.id), target: ev.value(loss) });
  if (ev.hasGradients) {
    for (const n of model.nodes) {
      if (n.op !== 'input' && n.op !== 'param') continue;
      const found = ev.find(n.id).node;
      if (found && ev.pathsToLoss(found) > 0) checks.push({ kind: 'gradient', node: refOf(model, n.id), target: ev.grad(found) });
    }
  }
  return {
    title: model.name ?? 'New step',
    text: 'Say what the student should do here (Markdown, $\\KaTeX$ math).',
    model,
    mode,
    ...(checks.length ? { task: { checks, hints: [], solution: {} } } : {}),
  };
}
