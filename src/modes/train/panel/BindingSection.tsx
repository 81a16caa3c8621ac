import { useTranslation } from 'react-i18next';
import { trainController as ctl } from '../appController.ts';
import { useTrain } from '../trainStore.ts';
import { sayWorker } from '../workerText.ts';
import { NumberInput } from './NumberInput.tsx';

/** How the dataset's columns bind to the graph's inputs, and the sample shown on the canvas. */
export function BindingSection() {
  const { t } = useTranslation();
  const binding = useTrain((s) => s.binding);
  const columns = useTrain((s) => s.columns);
  const overrides = useTrain((s) => s.overrides);
  const sampleIndex = useTrain((s) => s.sampleIndex);
  const rows = useTrain((s) => s.info?.rows);
  // Plain values, not the sample object: a new one comes with every snapshot.
  const shownRow = useTrain((s) => s.snapshot?.sample?.row);
  const shownTest = useTrain((s) => s.snapshot?.sample?.test);
  const shownCustom = useTrain((s) => s.snapshot?.sample?.custom);
  if (!binding) return null;
  const cols = columns ?? binding.columns;
  return (
    <div className="train-binding">
      <table className="train-binding__table">
        <thead>
          <tr>
            <th scope="col">{t('train.binding.graphInput')}</th>
            <th scope="col">{t('train.binding.role')}</th>
            <th scope="col">{t('train.binding.column')}</th>
          </tr>
        </thead>
        <tbody>
          {binding.rows.map((r) => (
            <tr key={r.nodeId} className={r.problem ? 'has-problem' : ''}>
              <th scope="row" title={r.nodeId}>
                {r.label}
              </th>
              <td className={`train-role train-role--${r.role}`}>{t(`train.binding.roles.${r.role}`)}</td>
              <td>
                <select
                  aria-label={t('train.binding.columnFor', { label: r.label })}
                  value={r.column ?? ''}
                  onChange={(e) => {
                    const bind = { ...(overrides.bind ?? {}) };
                    if (e.target.value) bind[r.nodeId] = e.target.value;
                    else delete bind[r.nodeId];
                    void ctl.setOverride({ bind });
                  }}
                >
                  <option value="">{r.needed ? t('train.binding.pick') : t('train.binding.keep')}</option>
                  {cols.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
                {r.problem && <div className="train-binding__problem">{sayWorker(r.problem)}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {binding.notes.length > 0 && (
        <ul className="train-notes">
          {binding.notes.map(sayWorker).map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {rows !== undefined && (
        <NumberInput
          id="sample"
          label={t('train.binding.sample', { last: rows - 1 })}
          value={sampleIndex}
          min={0}
          max={rows - 1}
          step={1}
          onCommit={(v) => v !== undefined && void ctl.setSample(Math.round(v))}
        />
      )}
      {shownRow !== undefined && (
        <p className="train-sample-shown" data-testid="sample-shown">
          {shownCustom
            ? t('train.binding.drawn', { row: shownRow })
            : shownTest
              ? t('train.binding.testRow', { row: shownRow })
              : t('train.binding.trainRow', { row: shownRow })}
        </p>
      )}
    </div>
  );
}
