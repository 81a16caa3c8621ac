/**
 * Decoding the real data sets' text (ATTRIBUTION.md gives the encoding) into datasets.
 *
 * Scaling: iris keeps its centimetres and the digits their 0-16 ink counts (a drawn digit is fed
 * in that same scale). Breast cancer's 30 features span 0.001 to 4,254, and diabetes mixes years,
 * a 1/2 sex code and blood values, so their features are standardised (z-scores over all rows),
 * as is the diabetes target; the class and label columns stay as they are.
 */
import { fromRows, type Dataset } from '../dataset.ts';

function csvRows(text: string): number[][] {
  return text
    .trim()
    .split('\n')
    .map((l) => l.split(',').map(Number));
}

const oneHotColumns = (k: number) => Array.from({ length: k }, (_, c) => `y${c}`);
const oneHot = (label: number, k: number) => Array.from({ length: k }, (_, c) => (c === label ? 1 : 0));

/** Columns sepal_length, sepal_width, petal_length, petal_width (cm), y0..y2 one-hot, label 0-2. */
export function iris(text: string): Dataset {
  const rows = csvRows(text).map((r) => [...r.slice(0, 4), ...oneHot(r[4], 3), r[4]]);
  const columns = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width', ...oneHotColumns(3), 'label'];
  return fromRows('iris', columns, rows, { targets: oneHotColumns(3), task: 'classification' });
}

/** Columns p0..p63 (row by row, 0-16), y0..y9 one-hot, label 0-9: the glyph-digits layout. */
export function digits(text: string): Dataset {
  const rows = text
    .trim()
    .split('\n')
    .map((l) => {
      const label = Number(l[64]);
      return [...Array.from({ length: 64 }, (_, i) => Number.parseInt(l[i], 17)), ...oneHot(label, 10), label];
    });
  const columns = [...Array.from({ length: 64 }, (_, i) => `p${i}`), ...oneHotColumns(10), 'label'];
  return fromRows('digits-real', columns, rows, { targets: oneHotColumns(10), task: 'classification' });
}

const CELL_FEATURES = ['radius', 'texture', 'perimeter', 'area', 'smoothness', 'compactness', 'concavity', 'concave_points', 'symmetry', 'fractal_dimension'];

/** 30 standardised features (radius_mean.. then _se.. then _worst..), malignant 1 / benign 0. */
export function breastCancer(text: string): Dataset {
  const rows = csvRows(text).map((r) => [...r.slice(0, 30), 1 - r[30]]); // the file codes malignant as 0
  const columns = [...['mean', 'se', 'worst'].flatMap((s) => CELL_FEATURES.map((f) => `${f}_${s}`)), 'malignant'];
  return standardise(fromRows('breast-cancer', columns, rows, { targets: ['malignant'], task: 'classification' }), 30);
}

/** age, sex, bmi, bp, s1..s6 and progression, all standardised. */
export function diabetes(text: string): Dataset {
  const columns = ['age', 'sex', 'bmi', 'bp', 's1', 's2', 's3', 's4', 's5', 's6', 'progression'];
  return standardise(fromRows('diabetes', columns, csvRows(text), { targets: ['progression'], task: 'regression' }), 11);
}

/** z-scores (population standard deviation) for the first `count` columns. */
function standardise(ds: Dataset, count: number): Dataset {
  const data = ds.data.map((col, c) => {
    if (c >= count) return col;
    const mean = col.reduce((a, v) => a + v, 0) / col.length;
    const sd = Math.sqrt(col.reduce((a, v) => a + (v - mean) ** 2, 0) / col.length);
    return col.map((v) => (v - mean) / sd);
  });
  return { ...ds, data };
}
