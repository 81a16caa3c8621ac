import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { train as enTrain } from '../../../i18n/catalog/en/train.ts';
import { DATASET_NAMES, isRealDataset } from '../../../../graph-engine/index.ts';
import { DataThumbnail } from '../Boundary.tsx';
import { trainController as ctl } from '../appController.ts';
import { useTrain } from '../trainStore.ts';
import { NumberInput } from './NumberInput.tsx';

type GroupKey = keyof typeof enTrain.dataset.groups;
type DatasetKey = keyof typeof enTrain.dataset.names;

const DATASET_GROUPS: { label: GroupKey; names: string[] }[] = [
  { label: 'classification', names: ['circle', 'xor', 'gauss', 'spiral', 'moons', 'xor-table', 'blobs3'] },
  { label: 'regression', names: ['plane', 'multi-gauss'] },
  { label: 'examples', names: ['km-to-miles', 'pass-exam', 'glyph-digits'] },
  { label: 'real', names: ['iris', 'digits-real', 'breast-cancer', 'diabetes'] },
];
const isTitled = (n: string): n is DatasetKey => Object.hasOwn(enTrain.dataset.names, n);

/** The dataset: built-in or CSV, its size, noise, test share and seed. */
export function DatasetSection() {
  const { t } = useTranslation();
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
            <span>{t('train.dataset.label')}</span>
            <select value={builtin} onChange={(e) => void ctl.setDataset({ kind: 'builtin', name: e.target.value })}>
              {dataset.kind === 'csv' && <option value="">{t('train.dataset.csv', { name: dataset.name })}</option>}
              {DATASET_GROUPS.map((g) => (
                <optgroup key={g.label} label={t(`train.dataset.groups.${g.label}`)}>
                  {g.names
                    .filter((n) => DATASET_NAMES.includes(n))
                    .map((n) => (
                      <option key={n} value={n}>
                        {isTitled(n) ? t(`train.dataset.names.${n}`) : n}
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
              aria-label={t('train.dataset.loadFile')}
              onChange={(e) => void loadFile(e.target.files?.[0] ?? undefined).then(() => (e.target.value = ''))}
            />
            <span>{t('train.dataset.loadButton')}</span>
          </label>
          <span className="muted train-dataset__hint">{t('train.dataset.drop')}</span>
        </div>
        <DataThumbnail />
      </div>
      {info && (
        <p className="train-dataset__facts" data-testid="dataset-facts">
          {t('train.dataset.facts', {
            count: info.rows,
            train: info.trainRows,
            validation: info.validationRows ? t('train.dataset.factsValidation', { count: info.validationRows }) : '',
            test: info.testRows,
            task: info.task ? t('train.dataset.factsTask', { task: t(`train.dataset.task.${info.task}`) }) : '',
          })}
        </p>
      )}
      {settings && (
        <div className="train-grid">
          {/* The real sets are their own rows: no size or noise to choose. */}
          {dataset.kind === 'builtin' && builtin !== 'xor-table' && !isRealDataset(builtin) && (
            <>
              <NumberInput
                id="points"
                label={t('train.dataset.points')}
                value={settings.points ?? info?.rows}
                min={4}
                max={100000}
                step={50}
                onCommit={(v) => void ctl.setOverride({ points: v === undefined ? undefined : Math.round(v) })}
              />
              <NumberInput
                id="noise"
                label={t('train.dataset.noise')}
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
            label={t('train.dataset.testShare')}
            value={Math.round((settings.testRatio ?? (info?.testRows ?? 0) / Math.max(info?.rows ?? 1, 1)) * 100)}
            min={0}
            max={90}
            step={5}
            onCommit={(v) => void ctl.setOverride({ testRatio: v === undefined ? undefined : v / 100 })}
          />
          <NumberInput
            id="seed"
            label={t('train.dataset.seed')}
            value={settings.seed}
            step={1}
            onCommit={(v) => v !== undefined && void ctl.setOverride({ seed: Math.round(v) })}
          />
          <button type="button" className="train-btn train-grid__wide" onClick={() => void ctl.regenerate()} title={t('train.dataset.regenerateTitle')}>
            {t('train.dataset.regenerate')}
          </button>
        </div>
      )}
    </div>
  );
}
