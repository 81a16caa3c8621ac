import { useState, type DragEvent } from 'react';
import { DATASET_NAMES, isRealDataset } from '../../../../graph-engine/index.ts';
import { DataThumbnail } from '../Boundary.tsx';
import { trainController as ctl } from '../appController.ts';
import { useTrain } from '../trainStore.ts';
import { NumberInput } from './NumberInput.tsx';

const DATASET_GROUPS: { label: string; names: string[] }[] = [
  { label: 'Classification (2-D)', names: ['circle', 'xor', 'gauss', 'spiral', 'moons', 'xor-table', 'blobs3'] },
  { label: 'Regression', names: ['plane', 'multi-gauss'] },
  { label: 'Worked examples', names: ['km-to-miles', 'pass-exam', 'glyph-digits'] },
  { label: 'Real data', names: ['iris', 'digits-real', 'breast-cancer', 'diabetes'] },
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
  'multi-gauss': 'Multi-Gaussian (regression)',
  'km-to-miles': 'Km to miles',
  'pass-exam': 'Pass the exam',
  'glyph-digits': 'Glyph digits (8×8, synthetic)',
  iris: 'Iris flowers (150, 3 species)',
  'digits-real': 'Handwritten digits (8×8, 1,797)',
  'breast-cancer': 'Breast cancer (569, 2 classes)',
  diabetes: 'Diabetes (442, regression)',
};

/** The dataset: built-in or CSV, its size, noise, test share and seed. */
export function DatasetSection() {
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
          {info.rows} rows: {info.trainRows} train, {info.validationRows ? `${info.validationRows} validation, ` : ''}
          {info.testRows} test{info.task ? ` · ${info.task}` : ''}
        </p>
      )}
      {settings && (
        <div className="train-grid">
          {/* The real sets are their own rows: no size or noise to choose. */}
          {dataset.kind === 'builtin' && builtin !== 'xor-table' && !isRealDataset(builtin) && (
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
