/**
 * The Train panel: controls, live loss and metrics, the decision boundary, optimisation settings,
 * the dataset and how its columns bind to the graph's inputs. Loaded on demand with Train mode.
 */
import { useEffect, useState, type DragEvent, type ReactNode } from 'react';
import { DATASET_NAMES, formatNumber, type Metrics } from '../../../graph-engine/index.ts';
import { useEditor } from '../../store/useEditor.ts';
import { parseDecimal, parseWhole } from '../../ui/numberText.ts';
import { LossChart } from './LossChart.tsx';
import { Boundary, DataThumbnail } from './Boundary.tsx';
import { trainController as ctl } from './appController.ts';
import { guardUnloadWhileTraining } from './leaveGuard.ts';
import { PACE_PRESETS, paceLabel } from '../../trainWorker/pace.ts';
import { trainStore, useTrain, type Regularisation } from './trainStore.ts';
import './train.css';

const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
const REG_RATES = [0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
const DATASET_GROUPS: { label: string; names: string[] }[] = [
  { label: 'Classification (2-D)', names: ['circle', 'xor', 'gauss', 'spiral', 'moons', 'xor-table', 'blobs3'] },
  { label: 'Regression', names: ['plane'] },
  { label: 'Worked examples', names: ['km-to-miles', 'pass-exam', 'digits'] },
];
const DATASET_TITLES: Record<string, string> = {
  circle: 'Circle',
  xor: 'XOR (quadrants)',
  gauss: 'Two Gaussians',
  spiral: 'Spiral',
  moons: 'Moons',
  'xor-table': 'XOR truth table (4 rows)',
  blobs3: 'Three blobs (3 classes)',
  plane: 'Plane (regression)',
  'km-to-miles': 'Km to miles',
  'pass-exam': 'Pass the exam',
  digits: 'Digits (8×8)',
};

function Section({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <section className="train-section" aria-labelledby={`train-${id}`}>
      <h3 id={`train-${id}`}>{title}</h3>
      {children}
    </section>
  );
}

function pct(v: number | undefined): string {
  return v === undefined || Number.isNaN(v) ? '–' : `${(v * 100).toFixed(v === 1 ? 0 : 1)}%`;
}

function Controls() {
  const running = useTrain((s) => s.running);
  const status = useTrain((s) => s.status);
  const ready = status === 'ready';
  return (
    <div className="train-controls" role="toolbar" aria-label="Training controls">
      <button
        type="button"
        className="train-btn train-btn--reset"
        onClick={() => void ctl.reset()}
        disabled={!ready}
        title="Re-initialise the parameters from the seed (the same start every time)"
      >
        Reset
      </button>
      {running ? (
        <button
          type="button"
          className="train-btn train-btn--play is-running"
          onClick={() => void ctl.pause()}
          title="Pause and keep the trained weights in the graph"
        >
          Pause
        </button>
      ) : (
        <button
          type="button"
          className="train-btn train-btn--play"
          onClick={() => void ctl.play()}
          disabled={!ready}
          title="Train in the background until paused"
        >
          Play
        </button>
      )}
      <button type="button" className="train-btn" onClick={() => void ctl.stepEpoch()} disabled={!ready || running} title="Train exactly one epoch">
        Step epoch
      </button>
      <button type="button" className="train-btn" onClick={() => void ctl.stepBatch()} disabled={!ready || running} title="Train exactly one mini-batch step">
        Step batch
      </button>
    </div>
  );
}

/** How fast Play trains (changes a run at once), and how far training has got: epochs and steps. */
function PaceRow() {
  const running = useTrain((s) => s.running);
  const pace = useTrain((s) => s.pace);
  const epoch = useTrain((s) => s.snapshot?.epoch ?? 0);
  const steps = useTrain((s) => s.snapshot?.steps ?? 0);
  const rate = useTrain((s) => s.snapshot?.epochsPerSecond ?? 0);
  return (
    <div className="train-pace">
      <label className="train-pace__speed" title="How fast Play trains: slow enough to watch the decision boundary form, or Max">
        <span>Speed</span>
        <select
          value={paceLabel(pace)}
          onChange={(e) => {
            const preset = PACE_PRESETS.find((p) => p.label === e.target.value);
            if (preset) void ctl.setPace(preset.pace);
          }}
        >
          {PACE_PRESETS.map((p) => (
            <option key={p.label} value={p.label}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <div className="train-epoch" aria-live="off">
        <span className="train-epoch__label">Epoch</span>
        <span className="train-epoch__value" data-testid="epoch">
          {epoch.toLocaleString('en-US')}
        </span>
        <span className="train-epoch__rate" title="Mini-batch steps trained since the start (or Reset)">
          step <span data-testid="steps">{steps.toLocaleString('en-US')}</span>
          {running && rate > 0 && ` · ${Math.round(rate).toLocaleString('en-US')} epochs/s`}
        </span>
      </div>
    </div>
  );
}

function LossReadout() {
  const latest = useTrain((s) => s.snapshot?.latest);
  const initial = useTrain((s) => s.snapshot?.initialLoss);
  const log = useTrain((s) => s.logScale);
  return (
    <>
      <div className="train-losses">
        <div className="train-loss">
          <span className="train-loss__label">Train loss</span>
          <span className="train-loss__value" data-testid="train-loss">
            {latest ? formatNumber(latest.train.loss, 4) : '–'}
          </span>
        </div>
        <div className="train-loss train-loss--test">
          <span className="train-loss__label">Test loss</span>
          <span className="train-loss__value" data-testid="test-loss">
            {latest?.test ? formatNumber(latest.test.loss, 4) : '–'}
          </span>
        </div>
        <div className="train-loss train-loss--initial" title="Training loss of the initial parameters (after Reset it is the same every time)">
          <span className="train-loss__label">Initial</span>
          <span className="train-loss__value" data-testid="initial-loss">
            {initial !== undefined ? formatNumber(initial, 6) : '–'}
          </span>
        </div>
      </div>
      <LossChart />
      <label className="train-check">
        <input type="checkbox" checked={log} onChange={(e) => trainStore.setState({ logScale: e.target.checked })} /> Log scale
      </label>
    </>
  );
}

function MetricRow({ name, train, test, id }: { name: string; train?: string; test?: string; id: string }) {
  return (
    <tr data-testid={`metric-${id}`}>
      <th scope="row">{name}</th>
      <td data-testid={`${id}-train`}>{train ?? '–'}</td>
      <td data-testid={`${id}-test`}>{test ?? '–'}</td>
    </tr>
  );
}

function Confusion({ m, title }: { m: number[][]; title: string }) {
  const k = m.length;
  const total = m.flat().reduce((a, b) => a + b, 0) || 1;
  return (
    <table className="train-confusion" aria-label={title}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col" className="train-confusion__corner">
            actual ↓ predicted →
          </th>
          {m.map((_, j) => (
            <th key={j} scope="col">
              {j}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {m.map((row, i) => (
          <tr key={i}>
            <th scope="row">{i}</th>
            {row.map((v, j) => (
              <td key={j} className={i === j ? 'is-diag' : v ? 'is-off' : ''} style={{ opacity: 0.55 + (0.45 * v) / total }}>
                {v}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      {k > 6 && <tfoot />}
    </table>
  );
}

function MetricsPanel() {
  const latest = useTrain((s) => s.snapshot?.latest);
  const task = useTrain((s) => s.info?.task);
  if (!latest) return <p className="muted">No metrics yet.</p>;
  const tr: Metrics = latest.train;
  const te: Metrics | undefined = latest.test;
  const num = (v: number | undefined) => (v === undefined ? undefined : formatNumber(v, 4));
  return (
    <div className="train-metrics" aria-label="Metrics">
      <table className="train-metrics__table">
        <thead>
          <tr>
            <th />
            <th scope="col">Train</th>
            <th scope="col">Test</th>
          </tr>
        </thead>
        <tbody>
          {task === 'classification' && (
            <>
              <MetricRow id="accuracy" name="Accuracy" train={pct(tr.accuracy)} test={te && pct(te.accuracy)} />
              <MetricRow id="precision" name="Precision" train={pct(tr.precision)} test={te && pct(te.precision)} />
              <MetricRow id="recall" name="Recall" train={pct(tr.recall)} test={te && pct(te.recall)} />
            </>
          )}
          {task === 'regression' && (
            <>
              <MetricRow id="mse" name="MSE" train={num(tr.mse)} test={num(te?.mse)} />
              <MetricRow id="r2" name="R²" train={num(tr.r2)} test={num(te?.r2)} />
            </>
          )}
        </tbody>
      </table>
      {!task && <p className="muted">The loss is not a standard loss (mse, bce, cross-entropy): only the loss is tracked.</p>}
      {tr.confusion && (
        <div className="train-confusions">
          <Confusion m={tr.confusion} title="Confusion (train)" />
          {te?.confusion && <Confusion m={te.confusion} title="Confusion (test)" />}
        </div>
      )}
    </div>
  );
}

function NumberInput({
  label,
  value,
  onCommit,
  min,
  max,
  step,
  placeholder,
  id,
}: {
  label: string;
  value: number | undefined;
  onCommit: (v: number | undefined) => void;
  min?: number;
  max?: number;
  step?: number;
  placeholder?: string;
  id: string;
}) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(() => setText(value === undefined ? '' : String(value)), [value]);
  const commit = () => {
    if (text.trim() === '') return onCommit(undefined);
    const v = parseDecimal(text);
    if (Number.isFinite(v) && (min === undefined || v >= min) && (max === undefined || v <= max)) onCommit(v);
    else setText(value === undefined ? '' : String(value));
  };
  return (
    <label className="train-field" htmlFor={`train-f-${id}`}>
      <span>{label}</span>
      <input
        id={`train-f-${id}`}
        type="number"
        value={text}
        min={min}
        max={max}
        step={step}
        placeholder={placeholder}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
    </label>
  );
}

function Settings() {
  const s = useTrain((st) => st.info?.settings);
  const reg = useTrain((st) => st.regularisation);
  const regRate = useTrain((st) => st.regRate);
  const early = useTrain((st) => st.earlyStopping);
  const limit = useTrain((st) => st.epochLimit);
  const trainRows = useTrain((st) => st.info?.trainRows);
  if (!s) return null;
  const rates = LEARNING_RATES.includes(s.lr) ? LEARNING_RATES : [...LEARNING_RATES, s.lr].sort((a, b) => a - b);
  const regs = REG_RATES.includes(regRate) ? REG_RATES : [...REG_RATES, regRate].sort((a, b) => a - b);
  return (
    <div className="train-grid">
      <label className="train-field">
        <span>Learning rate</span>
        <select value={s.lr} onChange={(e) => void ctl.setOverride({ lr: Number(e.target.value) })}>
          {rates.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <label className="train-field">
        <span>Optimizer</span>
        <select value={s.optimizer} onChange={(e) => void ctl.setOverride({ optimizer: e.target.value as 'sgd' })}>
          <option value="sgd">SGD</option>
          <option value="momentum">Momentum</option>
          <option value="adam">Adam</option>
        </select>
      </label>
      <NumberInput
        id="batch"
        label="Batch size"
        value={s.batchSize}
        min={1}
        max={trainRows}
        step={1}
        onCommit={(v) => v !== undefined && void ctl.setOverride({ batchSize: Math.round(v) })}
      />
      <label className="train-field">
        <span>Regularisation</span>
        <select value={reg} onChange={(e) => void ctl.setRegularisation(e.target.value as Regularisation)}>
          <option value="none">None</option>
          <option value="l1">L1</option>
          <option value="l2">L2</option>
        </select>
      </label>
      <label className="train-field">
        <span>Regularisation rate</span>
        <select value={regRate} disabled={reg === 'none'} onChange={(e) => void ctl.setRegularisation(reg, Number(e.target.value))}>
          {regs.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <NumberInput
        id="limit"
        label="Stop at epoch"
        value={limit}
        min={1}
        step={1}
        placeholder="no limit"
        onCommit={(v) => void ctl.setEpochLimit(v === undefined ? undefined : Math.round(v))}
      />
      <label className="train-check train-grid__wide">
        <input type="checkbox" checked={early} onChange={(e) => void ctl.setEarlyStopping(e.target.checked, s.patience ?? 20)} />
        <span className="train-check__text">
          Early stopping: stop when the test loss has not improved for{' '}
          <input
            className="train-inline-number"
            type="number"
            min={1}
            aria-label="Patience (epochs)"
            disabled={!early}
            defaultValue={s.patience ?? 20}
            onBlur={(e) => {
              const patience = parseWhole(e.target.value);
              if (patience >= 1) void ctl.setEarlyStopping(true, patience);
            }}
          />{' '}
          epochs (keeps the best epoch's weights)
        </span>
      </label>
    </div>
  );
}

function DatasetSection() {
  const dataset = useTrain((s) => s.dataset);
  const info = useTrain((s) => s.info);
  const settings = info?.settings;
  const [dragging, setDragging] = useState(false);
  const builtin = dataset.kind === 'builtin' ? dataset.name : '';
  const loadFile = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text();
    await ctl.setDataset({ kind: 'csv', name: file.name, text });
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
    setDragging(false);
    void loadFile(e.dataTransfer.files[0]);
  };
  return (
    <div
      className={`train-dataset${dragging ? ' is-dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        e.stopPropagation();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <div className="train-dataset__top">
        <div className="train-dataset__pick">
          <label className="train-field">
            <span>Dataset</span>
            <select value={builtin} onChange={(e) => void ctl.setDataset({ kind: 'builtin', name: e.target.value })}>
              {dataset.kind === 'csv' && <option value="">{dataset.name} (CSV)</option>}
              {DATASET_GROUPS.map((g) => (
                <optgroup key={g.label} label={g.label}>
                  {g.names
                    .filter((n) => DATASET_NAMES.includes(n))
                    .map((n) => (
                      <option key={n} value={n}>
                        {DATASET_TITLES[n] ?? n}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </label>
          <label className="train-file">
            <input
              type="file"
              accept=".csv,.tsv,.txt,text/csv"
              aria-label="Load a CSV file"
              onChange={(e) => void loadFile(e.target.files?.[0] ?? undefined).then(() => (e.target.value = ''))}
            />
            <span>Load CSV…</span>
          </label>
          <span className="muted train-dataset__hint">or drop a .csv here</span>
        </div>
        <DataThumbnail />
      </div>
      {info && (
        <p className="train-dataset__facts" data-testid="dataset-facts">
          {info.rows} rows: {info.trainRows} train, {info.testRows} test{info.task ? ` · ${info.task}` : ''}
        </p>
      )}
      {settings && (
        <div className="train-grid">
          {dataset.kind === 'builtin' && builtin !== 'xor-table' && (
            <>
              <NumberInput
                id="points"
                label="Points"
                value={settings.points ?? info?.rows}
                min={4}
                max={100000}
                step={50}
                onCommit={(v) => void ctl.setOverride({ points: v === undefined ? undefined : Math.round(v) })}
              />
              <NumberInput
                id="noise"
                label="Noise"
                value={settings.noise ?? 0}
                min={0}
                max={5}
                step={0.05}
                onCommit={(v) => void ctl.setOverride({ noise: v })}
              />
            </>
          )}
          <NumberInput
            id="ratio"
            label="Test share (%)"
            value={Math.round((settings.testRatio ?? (info?.testRows ?? 0) / Math.max(info?.rows ?? 1, 1)) * 100)}
            min={0}
            max={90}
            step={5}
            onCommit={(v) => void ctl.setOverride({ testRatio: v === undefined ? undefined : v / 100 })}
          />
          <NumberInput
            id="seed"
            label="Seed"
            value={settings.seed}
            step={1}
            onCommit={(v) => v !== undefined && void ctl.setOverride({ seed: Math.round(v) })}
          />
          <button
            type="button"
            className="train-btn train-grid__wide"
            onClick={() => void ctl.regenerate()}
            title="Draw the data (and the split) again with the next seed"
          >
            Regenerate
          </button>
        </div>
      )}
    </div>
  );
}

function BindingSection() {
  const binding = useTrain((s) => s.binding);
  const columns = useTrain((s) => s.columns);
  const overrides = useTrain((s) => s.overrides);
  const sampleIndex = useTrain((s) => s.sampleIndex);
  const rows = useTrain((s) => s.info?.rows);
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
    </div>
  );
}

function Problems() {
  const status = useTrain((s) => s.status);
  const error = useTrain((s) => s.error);
  const message = useTrain((s) => s.message);
  return (
    <>
      {status === 'error' && error && (
        <div className="train-alert train-alert--error" role="alert" data-testid="train-error">
          <strong>Cannot train this yet.</strong>
          {error.split('\n').map((l) => (
            <p key={l}>{l}</p>
          ))}
        </div>
      )}
      {message && (
        <div className={`train-alert train-alert--${message.kind}`} role="status" data-testid="train-message">
          {message.text}
        </div>
      )}
    </>
  );
}

export default function TrainPanel() {
  const task = useTrain((s) => s.info?.task);
  const noPlane = useTrain((s) => s.info?.noPlane);
  const hasPlane = useTrain((s) => !!s.info?.plane);
  const showTest = useTrain((s) => s.showTest);
  const discretize = useTrain((s) => s.discretize);
  const testRows = useTrain((s) => s.info?.testRows ?? 0);
  const name = useEditor((s) => s.model.name);
  const ready = useTrain((s) => s.status === 'ready' || (s.status === 'configuring' && !!s.info));
  const hasBinding = useTrain((s) => !!s.binding);
  const heatError = useTrain((s) => s.snapshot?.heatError);
  useEffect(() => guardUnloadWhileTraining(), []);
  return (
    <aside className="inspector mode-panel train-panel" aria-label="Train panel">
      <h2 className="train-panel__title">Train{name ? <span className="muted"> · {name}</span> : null}</h2>
      <Controls />
      <PaceRow />
      <Problems />
      {ready && (
        <Section id="loss" title="Loss">
          <LossReadout />
        </Section>
      )}
      {/* Data right after the loss, so the data can change without scrolling. */}
      <Section id="data" title="Data">
        <DatasetSection />
      </Section>
      {hasBinding && (
        <Section id="binding" title="Inputs and targets">
          <BindingSection />
        </Section>
      )}
      {ready && hasPlane && (
        <Section id="output" title={task === 'regression' ? 'Output over the input plane' : 'Decision boundary'}>
          <Boundary />
          {heatError && (
            <div className="train-alert train-alert--error" role="alert" data-testid="boundary-error">
              {heatError}
            </div>
          )}
          <div className="train-toggles">
            <label className="train-check">
              <input type="checkbox" checked={showTest} disabled={testRows === 0} onChange={(e) => trainStore.setState({ showTest: e.target.checked })} /> Show
              test data
            </label>
            <label className="train-check">
              <input type="checkbox" checked={discretize} onChange={(e) => trainStore.setState({ discretize: e.target.checked })} /> Discretize output
            </label>
          </div>
        </Section>
      )}
      {ready && !hasPlane && noPlane && <p className="muted train-noplane">{noPlane}</p>}
      {ready && (
        <>
          <Section id="metrics" title="Metrics">
            <MetricsPanel />
          </Section>
          <Section id="settings" title="Optimisation">
            <Settings />
          </Section>
        </>
      )}
    </aside>
  );
}
