// The real data sets shipped in graph-engine/data/real/: loaded on demand, decoded to the values of
// scikit-learn 1.2.1's files (checked by hand against the raw CSV lines quoted below), and the
// samples built on them reach their stated accuracies.
import { describe, expect, it } from 'vitest';
import { createTrainer, datasetName, ensureDataset, makeDataset, type Dataset } from '../graph-engine/index.ts';
import { loadSample } from './support/load-sample.ts';

const row = (ds: Dataset, r: number, names: string[]) => names.map((n) => ds.data[ds.columns.indexOf(n)][r]);
const column = (ds: Dataset, name: string) => Array.from(ds.data[ds.columns.indexOf(name)]);
const count = (xs: number[], v: number) => xs.filter((x) => x === v).length;

describe('real data sets', () => {
  it('say how to load one that is not loaded yet (first, before any test loads it)', () => {
    expect(() => makeDataset('diabetes')).toThrow('The "diabetes" data set is not loaded yet: await ensureDataset("diabetes") first.');
  });

  it('iris: 150 flowers in cm, 50 per species, one-hot y0..y2', async () => {
    await ensureDataset('iris');
    const ds = makeDataset('iris');
    expect([ds.rows, ds.task, ds.targets]).toEqual([150, 'classification', ['y0', 'y1', 'y2']]);
    const m = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width', 'y0', 'y1', 'y2', 'label'];
    expect(row(ds, 0, m)).toEqual([5.1, 3.5, 1.4, 0.2, 1, 0, 0, 0]); // iris.csv line 2: 5.1,3.5,1.4,0.2,0
    expect(row(ds, 149, m)).toEqual([5.9, 3.0, 5.1, 1.8, 0, 0, 1, 2]); // last line: 5.9,3.0,5.1,1.8,2
    expect([0, 1, 2].map((k) => count(column(ds, 'label'), k))).toEqual([50, 50, 50]);
  });

  it('digits-real: 1,797 images of 64 pixels 0-16, the glyph-digits columns', async () => {
    await ensureDataset('digits-real');
    const ds = makeDataset('digits-real');
    expect([ds.rows, ds.columns.length]).toEqual([1797, 64 + 10 + 1]);
    const px = (r: number) =>
      row(
        ds,
        r,
        Array.from({ length: 64 }, (_, i) => `p${i}`),
      );
    // digits.csv.gz, first line: 0,0,5,13,9,1,0,0,0,0,13,15,10,15,5,0,… label 0
    expect(px(0).slice(0, 16)).toEqual([0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0]);
    expect(row(ds, 0, ['label', 'y0', 'y1'])).toEqual([0, 1, 0]);
    // last line: 0,0,10,14,8,1,0,0,0,2,16,14,6,1,0,0,… label 8
    expect(px(1796).slice(0, 16)).toEqual([0, 0, 10, 14, 8, 1, 0, 0, 0, 2, 16, 14, 6, 1, 0, 0]);
    expect(row(ds, 1796, ['label', 'y8'])).toEqual([8, 1]);
    const all = Array.from({ length: 1797 }, (_, r) => px(r)).flat();
    expect([Math.min(...all), Math.max(...all), all.every(Number.isInteger)]).toEqual([0, 16, true]);
  });

  it('breast-cancer: 569 tumours, 212 malignant, features as z-scores', async () => {
    await ensureDataset('breast-cancer');
    const ds = makeDataset('breast-cancer');
    expect([ds.rows, ds.columns.length, ds.targets]).toEqual([569, 31, ['malignant']]);
    expect(count(column(ds, 'malignant'), 1)).toBe(212); // the description's class counts: 212 / 357
    expect(row(ds, 0, ['malignant'])).toEqual([1]); // first line ends in 0 = malignant
    // Row 0's mean radius 17.99 standardised: scikit-learn's StandardScaler gives 1.09706398.
    expect(row(ds, 0, ['radius_mean'])[0]).toBeCloseTo(1.09706398, 7);
    const area = column(ds, 'area_worst');
    expect(area.reduce((a, v) => a + v, 0) / 569).toBeCloseTo(0, 12);
    expect(area.reduce((a, v) => a + v * v, 0) / 569).toBeCloseTo(1, 12);
  });

  it('diabetes: 442 patients, standardised features and target (regression)', async () => {
    await ensureDataset('diabetes');
    const ds = makeDataset('diabetes');
    expect([ds.rows, ds.task, ds.targets]).toEqual([442, 'regression', ['progression']]);
    // load_diabetes() scales age to 0.0380759064 in row 0 (59 years): sd·√n units, so ×√442 is the z-score.
    expect(row(ds, 0, ['age'])[0]).toBeCloseTo(0.0380759064334241 * Math.sqrt(442), 9);
    // Progression 151 with mean 152.1335 and population sd 77.0057.
    expect(row(ds, 0, ['progression'])[0]).toBeCloseTo((151 - 152.1335) / 77.0057, 4);
  });

  it('"digits" is the old name of glyph-digits, still read from model files', () => {
    expect(datasetName('digits')).toBe('glyph-digits');
    expect(datasetName('digits-real')).toBe('digits-real');
    expect(datasetName('toString')).toBeUndefined();
    const old = makeDataset('digits', { points: 20, seed: 4 });
    expect(old.name).toBe('glyph-digits');
    expect(old.data).toEqual(makeDataset('glyph-digits', { points: 20, seed: 4 }).data);
  });
});

describe('the samples on real data', () => {
  it('iris-mlp reaches at least 93% test accuracy with its own settings', async () => {
    await ensureDataset('iris');
    const last = createTrainer(loadSample('iris-mlp')).run().at(-1)!;
    expect(last.test!.accuracy).toBeGreaterThanOrEqual(0.93);
  });

  it('digits-real-mlp reaches at least 93% test accuracy on a held-out 20%', async () => {
    await ensureDataset('digits-real');
    const tr = createTrainer(loadSample('digits-real-mlp'));
    const last = tr.run().at(-1)!;
    expect(tr.split.test.length).toBe(Math.round(0.2 * 1797));
    expect(last.test!.accuracy).toBeGreaterThanOrEqual(0.93);
  });
});
