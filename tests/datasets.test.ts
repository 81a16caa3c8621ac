import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bindDataset, buildGraph, DATASET_NAMES, DataError, isRealDataset, makeDataset, mulberry32, parseCsv, splitRows } from '../graph-engine/index.ts';
import { loadSample } from './support/load-sample.ts';

describe('built-in datasets', () => {
  it('are deterministic per seed, sized by points, with finite values', () => {
    // The real data sets have their own rows: tests/datasets-real.test.ts.
    for (const name of DATASET_NAMES.filter((n) => !isRealDataset(n))) {
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

  it('glyph digits have 64 pixels in [0, 1], one-hot targets and all ten classes', () => {
    const ds = makeDataset('glyph-digits', { points: 50 });
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
    expect(() => makeDataset('irises')).toThrow(/Unknown dataset "irises". Built-in datasets: .*spiral.*, iris, digits-real/);
  });
});

describe('CSV', () => {
  it('parses a header and numeric rows (quotes, CRLF, blank lines)', () => {
    const ds = parseCsv('"a",b\r\n1,2\r\n\r\n3.5,-4e1\n', 'f.csv');
    expect(ds.columns).toEqual(['a', 'b']);
    expect(Array.from(ds.data[1])).toEqual([2, -40]);
  });

  it('counts lines as an editor does through a byte-order mark, blank lines and CRLF', () => {
    // Line 1 is the BOM and a CR, 2 the header, 3 blank, 4 good, 5 blank, 6 bad.
    expect(() => parseCsv('\uFEFF\r\na,b\r\n\r\n1,2\r\n\r\n3,q\r\n', 'f.csv')).toThrow(/line 6, column 2 \("b"\): "q" is not a number/);
    expect(() => parseCsv('\n\na,b\n1,2\n3', 'f.csv')).toThrow(/f\.csv: line 5 has 1 field/);
    const ds = parseCsv('\uFEFFa,b\r\n1,2', 'f.csv');
    expect(ds.columns).toEqual(['a', 'b']);
    expect(Array.from(ds.data[0])).toEqual([1]);
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

  it('reads numbers as plain decimals only, naming the line and column of anything else', () => {
    // Number() takes all of these; none is a decimal a data file means.
    for (const bad of ['0x10', '0b1', '0o7', 'Infinity', '-Infinity', 'NaN', '1_000', '1 000', '1e', 'e5', '.', '+', '--1', '1.2.3', '١']) {
      expect(() => parseCsv(`a,b\n1,2\n3,${bad}\n`, 'f.csv'), bad).toThrow(
        `f.csv: line 3, column 2 ("b"): "${bad}" is not a number (write plain decimals like 3, -1.5 or 2e-3).`,
      );
    }
    expect(() => parseCsv('a\n1e999\n', 'f.csv')).toThrow('f.csv: line 2, column 1 ("a"): "1e999" is too large for a number.');
    // Spaces around a field are the separator's (as in "1, 2"), not part of the number.
    const ds = parseCsv('a,b,c,d,e,f\n 1 ,-1.5,+.5,5.,2E-3,-0\n');
    expect(Array.from(ds.data, (col) => col[0])).toEqual([1, -1.5, 0.5, 5, 0.002, -0]);
  });

  it('reads back every finite double as JavaScript prints it', () => {
    fc.assert(
      // -0 prints as "0"; it is read above as "-0".
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }).filter((v) => !Object.is(v, -0)),
        (v) => {
          const forms = [String(v), v.toExponential(), v.toFixed(Math.abs(v) < 1e21 ? 3 : 0)];
          const ds = parseCsv(`a,b,c\n${forms.join(',')}\n`);
          expect(ds.data[0][0]).toBe(v); // String(v) round-trips exactly
          expect(ds.data[1][0]).toBe(Number(forms[1]));
          expect(ds.data[2][0]).toBe(Number(forms[2]));
        },
      ),
      { numRuns: 500 },
    );
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
