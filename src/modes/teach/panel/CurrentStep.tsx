/** The current step: an introduction before the first, then the forward, backward or layer step just taken. */
import type { BackwardStep, ForwardStep } from '../../../../graph-engine/index.ts';
import { useTeach } from '../useTeach.ts';
import { BackwardStepView } from './BackwardStepView.tsx';
import { ForwardStepView } from './ForwardStepView.tsx';
import { LayerStepView } from './LayerStepView.tsx';
import { TEACH_KEYS } from './teachKeys.ts';

export function CurrentStep() {
  const last = useTeach((s) => s.last);
  const st = useTeach((s) => s.stepper);
  const atUpdate = useTeach((s) => s.atUpdate);
  if (!st || atUpdate) return null;
  if (!last) {
    return (
      <section className="teach-step teach-step--intro" aria-label="Current step">
        <p>
          Press <strong>Step forward</strong> (or <kbd>{TEACH_KEYS.step.glyph}</kbd>) to compute the graph one node at a time, in topological order. When the
          loss is computed, <strong>Step backward</strong> walks back, applying the chain rule edge by edge.
        </p>
      </section>
    );
  }
  return (
    <section className={`teach-step teach-step--${last.kind}`} aria-label="Current step">
      {last.macro ? (
        <LayerStepView last={last} stepper={st} />
      ) : last.kind === 'forward' ? (
        <ForwardStepView step={last.steps[0] as ForwardStep} stepper={st} />
      ) : (
        <BackwardStepView step={last.steps[0] as BackwardStep} stepper={st} />
      )}
    </section>
  );
}
