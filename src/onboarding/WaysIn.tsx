/** The three ways in, as the welcome and Help show them. */
import { useId } from 'react';
import { buildFromScratch, chooseSample, startLearning } from './waysIn.ts';
import { useTranslation } from 'react-i18next';

const WAYS = [
  { id: 'learn', icon: '∂', run: () => void startLearning() },
  { id: 'build', icon: '+', run: buildFromScratch },
  { id: 'sample', icon: '▤', run: chooseSample },
] as const;

export function WaysIn() {
  const { t } = useTranslation();
  // The welcome and Help can both be in the page: ids of their own.
  const id = useId();
  return (
    <ul className="ways-in">
      {WAYS.map((w) => (
        <li key={w.id}>
          <button type="button" className={`ways-in__way ways-in__way--${w.id}`} onClick={w.run} aria-describedby={`${id}-${w.id}`}>
            <span className="ways-in__icon" aria-hidden="true">
              {w.icon}
            </span>
            <span className="ways-in__name">{t(`onboarding.waysIn.${w.id}`)}</span>
          </button>
          <span id={`${id}-${w.id}`} className="ways-in__detail">
            {t(`onboarding.waysIn.${w.id}Detail`)}
          </span>
        </li>
      ))}
    </ul>
  );
}
