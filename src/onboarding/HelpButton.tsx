/** The toolbar's Help button: opens Help (ways in, shortcuts, legend). */
import { openHelp } from './onboardingStore.ts';
import { useTranslation } from 'react-i18next';

export function HelpButton() {
  const { t } = useTranslation();
  return (
    <button type="button" className="help-button" onClick={openHelp} title={t('onboarding.help.buttonTitle')} aria-haspopup="dialog">
      <span className="help-button__icon" aria-hidden="true">
        ?
      </span>
      <span className="help-button__text">{t('onboarding.help.button')}</span>
    </button>
  );
}
