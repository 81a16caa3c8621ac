/** A forward step of one node: its formula with the numbers in, and where its inputs came from. */
import { Trans, useTranslation } from 'react-i18next';
import { type ForwardStep, type Stepper } from '../../../../graph-engine/index.ts';
import { formatNumber } from '../../../i18n/format.ts';
import { Formula } from '../../../inspector/Formula.tsx';
import { graphNodeNameOf } from '../../../ui/nodeNames.ts';
import { localizeTexWords } from '../texWords.ts';
import { alignedTex } from './formulaText.ts';

export function ForwardStepView({ step, stepper }: { step: ForwardStep; stepper: Stepper }) {
  const { t } = useTranslation();
  const g = stepper.graph;
  const label = graphNodeNameOf(g, step.id);
  const kind = step.op === 'param' ? 'param' : step.op === 'const' ? 'const' : 'input';
  const latex = localizeTexWords(step.latex);
  return (
    <>
      <h3>
        <Trans i18nKey="teach.forward.heading" values={{ label }} components={{ name: <span className="teach-name" /> }} />
      </h3>
      <Formula tex={alignedTex(latex)} label={t('teach.forward.formula', { formula: latex })} />
      <p className="small muted">
        {step.leaf
          ? t(`teach.forward.${kind}`, { label })
          : t('teach.forward.computed', {
              label,
              op: step.op,
              inputs: step.inputs.map((i) => `${graphNodeNameOf(g, i.source)} (${formatNumber(i.value)})`).join(t('teach.listSeparator')),
            })}
      </p>
    </>
  );
}
