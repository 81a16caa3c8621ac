import { trainController as ctl } from '../appController.ts';
import { useTrain } from '../trainStore.ts';
import { NumberInput } from './NumberInput.tsx';

/** How the dataset's columns bind to the graph's inputs, and the sample shown on the canvas. */
export function BindingSection() {
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
            <th scope="col">Graph input</th>
            <th scope="col">Role</th>
            <th scope="col">Column</th>
          </tr>
        </thead>
        <tbody>
          {binding.rows.map((r) => (
            <tr key={r.nodeId} className={r.problem ? 'has-problem' : ''}>
              <th scope="row" title={r.nodeId}>
                {r.label}
              </th>
              <td className={`train-role train-role--${r.role}`}>{r.role}</td>
              <td>
                <select
                  aria-label={`Column for ${r.label}`}
                  value={r.column ?? ''}
                  onChange={(e) => {
                    const bind = { ...(overrides.bind ?? {}) };
                    if (e.target.value) bind[r.nodeId] = e.target.value;
                    else delete bind[r.nodeId];
                    void ctl.setOverride({ bind });
                  }}
                >
                  <option value="">{r.needed ? '— pick a column —' : '— keep its value —'}</option>
                  {cols.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
                {r.problem && <div className="train-binding__problem">{r.problem}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {binding.notes.length > 0 && (
        <ul className="train-notes">
          {binding.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {rows !== undefined && (
        <NumberInput
          id="sample"
          label={`Sample shown on the canvas (0–${rows - 1})`}
          value={sampleIndex}
          min={0}
          max={rows - 1}
          step={1}
          onCommit={(v) => v !== undefined && void ctl.setSample(Math.round(v))}
        />
      )}
      {shownRow !== undefined && (
        <p className="train-sample-shown" data-testid="sample-shown">
          {shownCustom ? `Drawn inputs, with the targets of row ${shownRow}` : `Row ${shownRow}, a ${shownTest ? 'test' : 'training'} row`}
        </p>
      )}
    </div>
  );
}
