/** The gradient check: reverse mode against central finite differences, leaf by leaf. */
import { useTranslation } from 'react-i18next';
import { GRADCHECK_TOLERANCE } from '../../../../graph-engine/index.ts';
import { decimalSeparator, formatNumber } from '../../../i18n/format.ts';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { useTeach } from '../useTeach.ts';

const fmt = formatNumber;
/** A relative error as "1.2e-9", with the current language's decimal separator. */
const expo = (x: number) => x.toExponential(1).replace('.', decimalSeparator(currentLanguage()));

/** The check table lists this many leaves (a network can have thousands). */
const CHECK_ROWS = 60;

export function GradientCheck() {
  const { t } = useTranslation();
  const checks = useTeach((s) => s.checks);
  const error = useTeach((s) => s.checkError);
  if (error) return <p className="notice-inline notice-inline--incomplete">{error}</p>;
  if (!checks) return null;
  const worst = checks.reduce((m, r) => Math.max(m, r.relError), 0);
  const ok = (r: number) => r <= GRADCHECK_TOLERANCE;
  return (
    <section className="teach-check" aria-label={t('teach.check.label')}>
      <h3>{t('teach.check.heading')}</h3>
      <p className="small muted">{t('teach.check.how')}</p>
      <div className="teach-table-scroll">
        <table className="teach-table" data-testid="gradcheck">
          <thead>
            <tr>
              <th>{t('teach.check.leaf')}</th>
              <th>{t('teach.check.analytic')}</th>
              <th>{t('teach.check.numeric')}</th>
              <th>{t('teach.check.relError')}</th>
            </tr>
          </thead>
          <tbody>
            {checks.slice(0, CHECK_ROWS).map((r) => (
              <tr key={r.id} className={ok(r.relError) ? 'is-ok' : 'is-bad'}>
                <td>
                  {r.id} <span className="muted small">{r.op}</span>
                </td>
                <td>{fmt(r.analytic)}</td>
                <td>{fmt(r.numeric)}</td>
                <td>
                  {expo(r.relError)} {ok(r.relError) ? '✓' : '✗'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {checks.length > CHECK_ROWS && <p className="small muted">{t('teach.check.firstLeaves', { shown: CHECK_ROWS, leaves: checks.length })}</p>}
      <p className={`small ${ok(worst) ? '' : 'teach-bad'}`}>
        {ok(worst) ? t('teach.check.agree', { gradients: checks.length, worst: expo(worst) }) : t('teach.check.disagree', { worst: expo(worst) })}
      </p>
    </section>
  );
}
