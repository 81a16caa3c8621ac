/**
 * The welcome on a first visit: a band under the toolbar with three ways in. It covers nothing
 * (the chain-rule sample stays in view and usable) and goes for good once closed or used
 * (onboardingStore.ts); Help shows the same ways in.
 */
import { dismissWelcome, onboardingStore } from './onboardingStore.ts';
import { WaysIn } from './WaysIn.tsx';
import { useTranslation } from 'react-i18next';
import './onboarding.css';

export function Welcome() {
  const { t } = useTranslation();
  const open = onboardingStore((s) => s.welcome);
  if (!open) return null;
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <div className="welcome__intro">
        <h2 id="welcome-title">{t('onboarding.welcome.title')}</h2>
        <p>{t('onboarding.welcome.intro')}</p>
      </div>
      <WaysIn />
      <button
        type="button"
        className="welcome__close"
        aria-label={t('onboarding.welcome.close')}
        title={t('onboarding.welcome.closeTitle')}
        onClick={dismissWelcome}
      >
        ×
      </button>
    </section>
  );
}
