/** The toolbar's Help button: opens Help (ways in, shortcuts, legend). */
import { openHelp } from './onboardingStore.ts';
import { HELP_TEXT as T } from './strings.ts';

export function HelpButton() {
  return (
    <button type="button" className="help-button" onClick={openHelp} title={T.buttonTitle} aria-haspopup="dialog">
      <span className="help-button__icon" aria-hidden="true">
        ?
      </span>
      <span className="help-button__text">{T.button}</span>
    </button>
  );
}
