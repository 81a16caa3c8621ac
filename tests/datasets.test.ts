import { describe, expect, it } from 'vitest';
import { bindDataset, buildGraph, DATASET_NAMES, DataError, makeDataset, mulberry32, parseCsv, splitRows } from '../graph-engine/index.ts';
import { loadSample } from './support/load-sample.ts';

describe('built-in datasets', () => {
  it('are deterministic per seed, sized by points, with finite values', () => {
    for (const name of DATASET_NAMES) {
      const a = makeDataset(name, { seed: 3, points: 40 });
      const b = makeDataset(name, { seed: 3, points: 40 });
      expect(a.data).toEqual(b.data);
      expect(a.rows).toBe(name === 'xor-table' ? 4 : 40);
      for (const col of a.data) for (const v of col) expect(Number.isFinite(v)).toBe(true);
      for (const t of a.targets) expect(a.columns).toContain(t);
    }
    expect(makeDataset('spiral', { seed: 1 }).data).not.toEqual(makeDataset('spiral', { seed: 2 }).data);
  });

  it('mulberry32 is the documented generator (first draws of seed 1)', () => {
    const r = mulberry32(1);
    expect([r(), r()].map((x) => x.toFixed(8))).toEqual(['0.62707394', '0.00273572']);
  });

  it('code two-class labels as 0/1 or -1/+1 and derive playground features', () => {
    const ds = makeDataset('circle', { points: 20, labels: 'pm1' });
    expect(new Set(ds.data[ds.columns.indexOf('y')])).toEqual(new Set([-1, 1]));
    for (const c of ['x1^2', 'x2^2', 'x1*x2', 'sin(x1)', 'sin(x2)']) expect(ds.columns).toContain(c);
    const i = ds.columns.indexOf('x1*x2');
    expect(ds.data[i][3]).toBeCloseTo(ds.data[0][3] * ds.data[1][3], 15);
  });

  it('digits have 64 pixels in [0, 1], one-hot targets and all ten classes', () => {
    const ds = makeDataset('digits', { points: 50 });
    expect(ds.columns.filter((c) => /^p\d+$/.test(c)).length).toBe(64);
    const labels = ds.data[ds.columns.indexOf('label')];
    expect(new Set(labels).size).toBe(10);
    for (let c = 0; c < 64; c++) for (const v of ds.data[c]) expect(v >= 0 && v <= 1).toBe(true);
  });

  it('split the rows by seed into disjoint train and test sets', () => {
    const s = splitRows(100, 0.2, 5);
    expect(s.test.length).toBe(20);
    expect(new Set([...s.train, ...s.test]).size).toBe(100);
    expect(splitRows(100, 0.2, 5)).toEqual(s);
  });

  it('name an unknown dataset and list the known ones', () => {
    expect(() => makeDataset('iris')).toThrow(/Unknown dataset "iris". Built-in datasets: .*spiral/);
  });
});

describe('CSV', () => {
  it('parses a header and numeric rows (quotes, CRLF, blank lines)', () => {
    const ds = parseCsv('"a",b\r\n1,2\r\n\r\n3.5,-4e1\n', 'f.csv');
    expect(ds.columns).toEqual(['a', 'b']);
    expect(Array.from(ds.data[1])).toEqual([2, -40]);
  });

  it('names the line and column of a bad value, a ragged row, an empty file', () => {
    expect(() => parseCsv('', 'f.csv')).toThrow(/f\.csv: the file is empty/);
    expect(() => parseCsv('a,b\n', 'f.csv')).toThrow(/header but no data rows/);
    expect(() => parseCsv('a,b\n1,2\n3\n', 'f.csv')).toThrow(/f\.csv: line 3 has 1 field, but the header has 2 \(a, b\)/);
    expect(() => parseCsv('a,b\n1,2\n3,x7\n', 'f.csv')).toThrow(/line 3, column 2 \("b"\): "x7" is not a number/);
    expect(() => parseCsv('a,b\n1,\n', 'f.csv')).toThrow(/line 2, column 2 \("b"\): the value is empty/);
    expect(() => parseCsv('1,2\n3,4\n', 'f.csv')).toThrow(/first row must be a header/);
    expect(() => parseCsv('a,a\n1,2\n', 'f.csv')).toThrow(/"a" appears twice/);
    expect(() => parseCsv('a\n1\nz\n')).toThrow(DataError);
  });
});

describe('binding', () => {
  it('binds input nodes by id and names an input with no column', () => {
    const g = buildGraph(loadSample('xor-mlp'));
    const b = bindDataset(g, makeDataset('xor-table'));
    expect(b.map((x) => g.nodes[x.node].id).sort()).toEqual(['x1', 'x2', 'y']);
    expect(() => bindDataset(g, makeDataset('km-to-miles'))).toThrow(/Input node "x1" has no column in dataset "km-to-miles" \(columns: km, miles\)/);
    expect(bindDataset(g, parseCsv('a,b,c\n1,2,3\n'), { x1: 'a', x2: 'b', y: 'c' }).length).toBe(3);
    expect(() => bindDataset(g, parseCsv('a\n1\n'), { x1: 'zz' })).toThrow(/maps "x1" to column "zz"/);
  });
});
