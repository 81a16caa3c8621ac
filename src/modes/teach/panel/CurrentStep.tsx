/** The current step: an introduction before the first, then the forward, backward or layer step just taken. */
import { Trans, useTranslation } from 'react-i18next';
import type { BackwardStep, ForwardStep } from '../../../../graph-engine/index.ts';
import { useTeach } from '../useTeach.ts';
import { BackwardStepView } from './BackwardStepView.tsx';
import { ForwardStepView } from './ForwardStepView.tsx';
import { LayerStepView } from './LayerStepView.tsx';
import { TEACH_KEYS } from './teachKeys.ts';

export function CurrentStep() {
  const { t } = useTranslation();
  const last = useTeach((s) => s.last);
  const st = useTeach((s) => s.stepper);
  const atUpdate = useTeach((s) => s.atUpdate);
  if (!st || atUpdate) return null;
  if (!last) {
    return (
      <section className="teach-step teach-step--intro" aria-label={t('teach.currentStep')}>
        <p>
          <Trans i18nKey="teach.intro" values={{ key: TEACH_KEYS.step.glyph }} components={{ b: <strong />, k: <kbd /> }} />
        </p>
      </section>
    );
  }
  return (
    <section className={`teach-step teach-step--${last.kind}`} aria-label={t('teach.currentStep')}>
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
