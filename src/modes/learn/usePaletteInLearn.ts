/**
 * Whether Build's palette shows beside the lesson: only for a step whose task is about the graph's
 * shape (adding ops, wiring, naming the output). A step that asks for numbers or edits of values
 * leaves the room to the canvas.
 */
import { currentStep } from './learnStore.ts';
import { useLearn } from './useLearn.ts';

const SHAPE_CHECKS: ReadonlySet<string> = new Set(['contains-op', 'output', 'path', 'no-cycle', 'max-params']);

export function usePaletteInLearn(): boolean {
  return useLearn((s) => currentStep(s)?.task?.checks.some((c) => SHAPE_CHECKS.has(c.kind)) ?? !s.open);
}
