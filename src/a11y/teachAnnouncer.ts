/**
 * Reads each Teach step aloud (through the live region) as it is taken, stepped back, or when a
 * parameter update is applied. The panel's formulas are KaTeX, which screen readers read poorly;
 * this says the same step in words (stepText.ts).
 */
import { nodeLabel } from '../../graph-engine/index.ts';
import { formatNumber } from '../i18n/format.ts';
import { t } from '../i18n/i18n.ts';
import { teachStore } from '../modes/teach/useTeach.ts';
import type { TeachStore } from '../modes/teach/teachStore.ts';
import { editorStore } from '../store/useEditor.ts';
import { announce } from './announce.ts';
import { backwardText, forwardText, layerText } from './stepText.ts';

const num = (x: number) => formatNumber(x);

/** The sentence for the step Teach has just taken (undefined when there is none). */
function currentStepText(s: TeachStore): string | undefined {
  const { last, stepper } = s;
  if (!last || !stepper) return undefined;
  const g = stepper.graph;
  if (last.macro) {
    const unit = editorStore.getState().model.nodes.find((n) => n.id === last.unit);
    const name = unit ? nodeLabel(unit) : last.unit;
    const macro = g.macros.get(last.unit);
    const outputs = macro ? macro.outputs.map((o) => stepper.session.value(g.indexOf.get(o)!)) : [];
    return layerText(last.kind, name, last.kind === 'forward' ? outputs : (last.inputGrads ?? []));
  }
  const step = last.steps[0];
  return step.kind === 'forward' ? forwardText(step) : backwardText(g, step);
}

/** Subscribes to the Teach store; returns the unsubscribe. */
export function announceTeachSteps(): () => void {
  return teachStore.subscribe((s, prev) => {
    if (editorStore.getState().mode !== 'teach') return;
    if (s.update && s.atUpdate && !prev.atUpdate) {
      announce(t('a11y.step.update', { lr: num(s.update.lr), old: num(s.update.oldLoss), new: num(s.update.newLoss) }));
      return;
    }
    if (s.last === prev.last || s.version === prev.version) return;
    const text = currentStepText(s);
    if (text) announce(text);
  });
}
