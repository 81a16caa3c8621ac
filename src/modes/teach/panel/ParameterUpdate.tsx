/** The last gradient-descent update: each parameter's old value, gradient, change and new value, and the loss before and after. */
import { formatNumber } from '../../../i18n/format.ts';
import { Formula } from '../../../inspector/Formula.tsx';
import { useTeach } from '../useTeach.ts';
import { TEACH_KEYS } from './teachKeys.ts';

const fmt = formatNumber;

/** The update table lists this many parameters (a network can have thousands). */
const UPDATE_ROWS_LISTED = 40;

export function ParameterUpdate() {
  const update = useTeach((s) => s.update);
  const atUpdate = useTeach((s) => s.atUpdate);
  if (!update) return null;
  const better = update.newLoss < update.oldLoss;
  return (
    <section className={`teach-update${atUpdate ? ' is-current' : ''}`} aria-label="Parameter update">
      <h3>Gradient-descent update (lr = {fmt(update.lr)})</h3>
      <Formula tex={'w \\leftarrow w - \\eta \\, \\frac{\\partial L}{\\partial w}'} label="w becomes w minus learning rate times dL/dw" />
      <div className="teach-table-scroll">
        <table className="teach-table" data-testid="update-table">
          <thead>
            <tr>
              <th>param</th>
              <th>old</th>
              <th>∂L/∂w</th>
              <th title="− lr × ∂L/∂w">Δw</th>
              <th>new</th>
            </tr>
          </thead>
          <tbody>
            {update.updates.slice(0, UPDATE_ROWS_LISTED).map((u) => (
              <tr key={u.id} data-testid="update-row" data-param={u.id}>
                <td>{u.id}</td>
                <td>{fmt(u.old)}</td>
                <td>{fmt(u.grad)}</td>
                <td>{fmt(u.new - u.old)}</td>
                <td>
                  <strong>{fmt(u.new)}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {update.updates.length > UPDATE_ROWS_LISTED && (
        <p className="small muted">
          First {UPDATE_ROWS_LISTED} of {update.updates.length} parameters.
        </p>
      )}
      <p className={`teach-loss ${better ? 'is-better' : 'is-worse'}`} data-testid="loss-change">
        Loss {update.lossId}: <span data-testid="loss-old">{fmt(update.oldLoss)}</span> → <strong data-testid="loss-new">{fmt(update.newLoss)}</strong>{' '}
        <span className="teach-loss__delta">
          ({better ? '▼' : '▲'} {fmt(update.newLoss - update.oldLoss)})
        </span>
      </p>
      {atUpdate && (
        <p className="small muted">
          Forward ran again with the new parameters. Step backward for the next gradients, or press {TEACH_KEYS.stepBack.glyph} to undo this update.
        </p>
      )}
    </section>
  );
}
