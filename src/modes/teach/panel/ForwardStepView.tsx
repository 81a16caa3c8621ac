/** A forward step of one node: its formula with the numbers in, and where its inputs came from. */
import { type ForwardStep, type Stepper } from '../../../../graph-engine/index.ts';
import { formatNumber } from '../../../i18n/format.ts';
import { Formula } from '../../../inspector/Formula.tsx';
import { graphNodeNameOf } from '../../../ui/nodeNames.ts';
import { alignedTex } from './formulaText.ts';

export function ForwardStepView({ step, stepper }: { step: ForwardStep; stepper: Stepper }) {
  const g = stepper.graph;
  const label = graphNodeNameOf(g, step.id);
  const kind = step.op === 'param' ? 'a parameter' : step.op === 'const' ? 'a constant' : 'an input';
  return (
    <>
      <h3>
        Forward: <span className="teach-name">{label}</span>
      </h3>
      <Formula tex={alignedTex(step.latex)} label={`Forward: ${step.latex}`} />
      <p className="small muted">
        {step.leaf
          ? `${label} is ${kind}: its value is given, nothing to compute.`
          : `${label} = ${step.op} of ${step.inputs.map((i) => `${graphNodeNameOf(g, i.source)} (${formatNumber(i.value)})`).join(', ')}: the highlighted edges feed it.`}
      </p>
    </>
  );
}
