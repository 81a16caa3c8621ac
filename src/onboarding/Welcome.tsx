/**
 * The welcome on a first visit: a band under the toolbar with three ways in. It covers nothing
 * (the chain-rule sample stays in view and usable) and goes for good once closed or used
 * (onboardingStore.ts); Help shows the same ways in.
 */
import { dismissWelcome, onboardingStore } from './onboardingStore.ts';
import { WaysIn } from './WaysIn.tsx';
import { WELCOME_TEXT as T } from './strings.ts';
import './onboarding.css';

export function Welcome() {
  const open = onboardingStore((s) => s.welcome);
  if (!open) return null;
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <div className="welcome__intro">
        <h2 id="welcome-title">{T.title}</h2>
        <p>{T.intro}</p>
      </div>
      <WaysIn />
      <button type="button" className="welcome__close" aria-label={T.close} title={T.closeTitle} onClick={dismissWelcome}>
        ×
      </button>
    </section>
  );
}
