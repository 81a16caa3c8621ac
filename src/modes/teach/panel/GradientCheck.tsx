/** The gradient check: reverse mode against central finite differences, leaf by leaf. */
import { GRADCHECK_TOLERANCE } from '../../../../graph-engine/index.ts';
import { formatNumber } from '../../../i18n/format.ts';
import { useTeach } from '../useTeach.ts';

const fmt = formatNumber;

/** The check table lists this many leaves (a network can have thousands). */
const CHECK_ROWS = 60;

export function GradientCheck() {
  const checks = useTeach((s) => s.checks);
  const error = useTeach((s) => s.checkError);
  if (error) return <p className="notice-inline notice-inline--incomplete">{error}</p>;
  if (!checks) return null;
  const worst = checks.reduce((m, r) => Math.max(m, r.relError), 0);
  const ok = (r: number) => r <= GRADCHECK_TOLERANCE;
  return (
    <section className="teach-check" aria-label="Gradient check">
      <h3>Gradient check (finite differences)</h3>
      <p className="small muted">numeric = (L(x + h) − L(x − h)) / 2h, compared with reverse mode.</p>
      <div className="teach-table-scroll">
        <table className="teach-table" data-testid="gradcheck">
          <thead>
            <tr>
              <th>leaf</th>
              <th>analytic</th>
              <th>numeric</th>
              <th>rel. error</th>
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
                  {r.relError.toExponential(1)} {ok(r.relError) ? '✓' : '✗'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {checks.length > CHECK_ROWS && (
        <p className="small muted">
          First {CHECK_ROWS} of {checks.length} leaves.
        </p>
      )}
      <p className={`small ${ok(worst) ? '' : 'teach-bad'}`}>
        {ok(worst)
          ? `All ${checks.length} gradients agree (worst relative error ${worst.toExponential(1)}).`
          : `Worst relative error ${worst.toExponential(1)}: check the ops involved.`}
      </p>
    </section>
  );
}
