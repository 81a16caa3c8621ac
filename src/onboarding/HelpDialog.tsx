/** Help: the ways in, the keyboard shortcuts and the legend, in a modal dialog (Escape closes it). */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { closeHelp, onboardingStore } from './onboardingStore.ts';
import { WaysIn } from './WaysIn.tsx';
import { Legend } from './Legend.tsx';
import { shortcutGroups } from './shortcuts.ts';
import './onboarding.css';

export function HelpDialog() {
  const { t } = useTranslation();
  const open = onboardingStore((s) => s.help);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      className="help"
      aria-labelledby="help-title"
      onClose={closeHelp}
      // The editor's shortcuts take Escape on the window (and prevent its default, which would keep
      // the dialog open): close it here first.
      onKeyDown={(e) => e.key === 'Escape' && closeHelp()}
    >
      {open && (
        <>
          <header className="help__head">
            <h2 id="help-title">{t('onboarding.help.dialog')}</h2>
            <button type="button" className="help__close" onClick={closeHelp}>
              {t('onboarding.help.close')}
            </button>
          </header>
          <section aria-labelledby="help-ways">
            <h3 id="help-ways">{t('onboarding.help.waysIn')}</h3>
            <WaysIn />
          </section>
          <section aria-labelledby="help-keys">
            <h3 id="help-keys">{t('onboarding.help.shortcuts')}</h3>
            <div className="help__keys">
              {shortcutGroups().map((g) => (
                <table key={g.title} className="help__table">
                  <caption>{g.title}</caption>
                  <tbody>
                    {g.items.map((s) => (
                      <tr key={`${s.keys.join()}${s.does}`}>
                        <th scope="row">
                          {s.keys.map((combo, i) => (
                            <span key={combo.join('+')}>
                              {i > 0 && t('onboarding.help.or')}
                              {combo.map((k, j) => (
                                <span key={k}>
                                  {j > 0 && '+'}
                                  <kbd>{k}</kbd>
                                </span>
                              ))}
                            </span>
                          ))}
                        </th>
                        <td>{s.does}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ))}
            </div>
          </section>
          <section aria-labelledby="help-legend" data-testid="legend">
            <h3 id="help-legend">{t('onboarding.help.legend')}</h3>
            <Legend />
          </section>
        </>
      )}
    </dialog>
  );
}
