/** The op registry's plain-words conventions for the derivatives of a backward step (e.g. step's derivative is 0). */
import { useTranslation } from 'react-i18next';
import type { BackwardStep, Stepper } from '../../../../graph-engine/index.ts';
import { opConvention } from '../../../i18n/opText.ts';

export function DerivativeNotes({ step, stepper }: { step: BackwardStep; stepper: Stepper }) {
  const { t } = useTranslation();
  const notes = new Set<string>();
  for (const r of step.edges) {
    const i = stepper.graph.indexOf.get(r.target);
    const c = i === undefined ? undefined : opConvention(stepper.graph.nodes[i].op);
    if (c) notes.add(c);
  }
  if (notes.size === 0) return null;
  return (
    <p className="small muted">
      {[...notes].map((n) => (
        <span key={n}>{t('teach.backward.note', { note: n })} </span>
      ))}
    </p>
  );
}
