/** The last gradient-descent update: each parameter's old value, gradient, change and new value, and the loss before and after. */
import { Trans, useTranslation } from 'react-i18next';
import { formatNumber } from '../../../i18n/format.ts';
import { Formula } from '../../../inspector/Formula.tsx';
import { useTeach } from '../useTeach.ts';
import { TEACH_KEYS } from './teachKeys.ts';

const fmt = formatNumber;

/** The update table lists this many parameters (a network can have thousands). */
const UPDATE_ROWS_LISTED = 40;

export function ParameterUpdate() {
  const { t } = useTranslation();
  const update = useTeach((s) => s.update);
  const atUpdate = useTeach((s) => s.atUpdate);
  if (!update) return null;
  const better = update.newLoss < update.oldLoss;
  return (
    <section className={`teach-update${atUpdate ? ' is-current' : ''}`} aria-label={t('teach.update.label')}>
      <h3>{t('teach.update.heading', { lr: fmt(update.lr) })}</h3>
      <Formula tex={'w \\leftarrow w - \\eta \\, \\frac{\\partial L}{\\partial w}'} label={t('teach.update.formula')} />
      <div className="teach-table-scroll">
        <table className="teach-table" data-testid="update-table">
          <thead>
            <tr>
              <th>{t('teach.update.param')}</th>
              <th>{t('teach.update.old')}</th>
              <th>∂L/∂w</th>
              {/* i18n-exempt: Δw is math notation, the same in every language */}
              <th title={t('teach.update.deltaTitle')}>Δw</th>
              <th>{t('teach.update.new')}</th>
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
        <p className="small muted">{t('teach.update.firstParams', { shown: UPDATE_ROWS_LISTED, params: update.updates.length })}</p>
      )}
      <p className={`teach-loss ${better ? 'is-better' : 'is-worse'}`} data-testid="loss-change">
        <Trans
          i18nKey="teach.update.loss"
          values={{ id: update.lossId, old: fmt(update.oldLoss), new: fmt(update.newLoss) }}
          components={{ before: <span data-testid="loss-old" />, after: <strong data-testid="loss-new" /> }}
        />{' '}
        <span className="teach-loss__delta">
          ({better ? '▼' : '▲'} {fmt(update.newLoss - update.oldLoss)})
        </span>
      </p>
      {atUpdate && <p className="small muted">{t('teach.update.again', { key: TEACH_KEYS.stepBack.glyph })}</p>}
    </section>
  );
}
