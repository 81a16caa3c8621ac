// `graphgrad train` as a user runs it (via tsx directly, as tests/cli.test.ts does).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateModelText } from '../graph-engine/index.ts';

const root = new URL('..', import.meta.url).pathname;
function cli(...args: string[]) {
  const r = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'graph-engine/cli/main.ts'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const tmp = mkdtempSync(join(tmpdir(), 'graphgrad-train-'));

describe('graphgrad train', () => {
  it('--json prints one object with history, final metrics, sample count and wall time; --out writes a re-loadable model', () => {
    const out = join(tmp, 'trained.json');
    const r = cli('train', 'samples/xor-mlp.json', '--json', '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.trainSamples).toBe(4);
    expect(j.history).toHaveLength(500);
    expect(j.final.train.loss).toBeLessThan(0.05);
    expect(j.final.train.accuracy).toBe(1);
    expect(typeof j.wallTimeMs).toBe('number');
    expect(j.settings).toMatchObject({ optimizer: 'adam', lr: 0.1, seed: 1, dataset: 'xor-table' });
    const saved = validateModelText(readFileSync(out, 'utf8'));
    expect(saved.problems).toEqual([]);
    expect(saved.model!.nodes.find((n) => n.id === 'h')!.attrs!.W).toHaveLength(2);
  });

  it('flags override the file, a CSV trains, plain lines off a terminal', () => {
    const csv = join(tmp, 'xor.csv');
    writeFileSync(csv, 'x1,x2,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n');
    const r = cli('train', 'samples/xor-mlp.json', '--dataset', csv, '--epochs', '3', '--test-ratio', '0', '--optimizer', 'sgd', '--lr', '0.5');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^epoch 3\/3: train loss/m);
    expect(r.out).toMatch(/xor\.csv, 4 training \/ 0 test samples, sgd lr 0\.5/);
    expect(r.out).toMatch(/confusion matrix/);
  });

  it('names bad flags, bad CSV lines and a non-finite run', () => {
    expect(cli('train', 'samples/xor-mlp.json', '--lr', 'fast').err).toMatch(/--lr: "fast" is not a number/);
    const bad = join(tmp, 'bad.csv');
    writeFileSync(bad, 'x1,x2,y\n0,0,0\n0,1\n');
    const b = cli('train', 'samples/xor-mlp.json', '--dataset', bad);
    expect(b.code).toBe(1);
    expect(b.err).toMatch(/bad\.csv: line 3 has 2 fields, but the header has 3/);
    const n = cli('train', 'samples/km-to-miles.json', '--lr', '10');
    expect(n.code).toBe(1);
    expect(n.out).toMatch(/became non-finite .* try a lower one/);
  });

  it('refuses a data set beyond 100,000 points at once, naming the flag or the field', () => {
    // Before: --points 300000000 ran out of memory after 72 s.
    const t0 = performance.now();
    const r = cli('train', 'samples/spiral-mlp.json', '--points', '300000000');
    console.log(`train --points 300000000: refused in ${(performance.now() - t0).toFixed(0)} ms (CLI start included)`);
    expect(r.code).toBe(1);
    expect(r.err).toBe('--points: must be at most 100,000 (the largest data set GraphGrad makes) (got 300000000).\n');
    const file = join(tmp, 'many-points.json');
    const m = JSON.parse(readFileSync(join(root, 'samples/spiral-mlp.json'), 'utf8'));
    writeFileSync(file, JSON.stringify({ ...m, training: { ...m.training, points: 300000000 } }));
    const f = cli('train', file);
    expect(f.code).toBe(1);
    expect(f.err).toContain('training.points: must be at most 100,000');
  });

  it('a diverging run leaves --out untouched; a good run replaces it whole, with no temporary file left', () => {
    // Before: train km.json --lr 1000 --out km.json exited 1 but wrote w = 6.47e156 over the file.
    const dir = mkdtempSync(join(tmpdir(), 'graphgrad-out-'));
    const km = join(dir, 'km.json');
    const original = readFileSync(join(root, 'samples/km-to-miles.json'), 'utf8');
    writeFileSync(km, original);
    const bad = cli('train', km, '--lr', '1000', '--out', km);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain(`did not write ${km}: training failed, so nothing was changed`);
    expect(readFileSync(km, 'utf8')).toBe(original);
    const good = cli('train', km, '--out', km);
    expect(good.code).toBe(0);
    expect(good.out).toContain(`wrote ${km}`);
    expect(validateModelText(readFileSync(km, 'utf8')).problems).toEqual([]);
    expect(readFileSync(km, 'utf8')).not.toBe(original);
    expect(readdirSync(dir)).toEqual(['km.json']);
  });

  it('checks --out before training: a missing folder, a folder, a file as folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'graphgrad-out-'));
    const cases: [string, string][] = [
      [join(dir, 'no/such/x.json'), `--out ${join(dir, 'no/such/x.json')}: the folder ${join(dir, 'no/such')} does not exist.\n`],
      [dir, `--out ${dir}: that is a folder; give a file name.\n`],
      [
        join(root, 'samples/km-to-miles.json/x.json'),
        `--out ${join(root, 'samples/km-to-miles.json/x.json')}: ${join(root, 'samples/km-to-miles.json')} is not a folder.\n`,
      ],
    ];
    for (const [out, message] of cases) {
      // 100,000 epochs would take minutes: the refusal comes first.
      const r = cli('train', 'samples/km-to-miles.json', '--epochs', '100000', '--out', out);
      expect(r).toEqual({ code: 1, out: '', err: message });
    }
  });

  it('reads a model saved with a byte-order mark; names a folder given as a file; refuses 0x10 in flags', () => {
    const bom = join(tmp, 'bom.json');
    writeFileSync(bom, `\uFEFF${readFileSync(join(root, 'samples/km-to-miles.json'), 'utf8')}`);
    expect(cli('validate', bom)).toEqual({ code: 0, out: 'ok\n', err: '' });
    expect(cli('train', bom, '--epochs', '2').code).toBe(0);
    const dir = join(tmp, 'somedir.csv');
    mkdirSync(dir, { recursive: true });
    expect(cli('train', 'samples/km-to-miles.json', '--dataset', dir)).toMatchObject({
      code: 1,
      err: `Cannot read dataset ${dir}: it is a folder, not a file.\n`,
    });
    expect(cli('train', 'samples/km-to-miles.json', '--dataset', join(tmp, 'none.csv'))).toMatchObject({
      code: 1,
      err: `Cannot read dataset ${join(tmp, 'none.csv')}: no such file.\n`,
    });
    expect(cli('validate', tmp)).toMatchObject({ code: 1, err: `Cannot read ${tmp}: it is a folder, not a file\n` });
    expect(cli('train', 'samples/km-to-miles.json', '--epochs', '0x10')).toMatchObject({ code: 1, err: '--epochs: "0x10" is not a number.\n' });
    const hex = join(tmp, 'hex.csv');
    writeFileSync(hex, 'km,miles\n1,0.62\n0x10,9.9\n');
    expect(cli('train', 'samples/km-to-miles.json', '--dataset', hex)).toMatchObject({
      code: 1,
      err: `hex.csv: line 3, column 1 ("km"): "0x10" is not a number (write plain decimals like 3, -1.5 or 2e-3).\n`,
    });
  });
  it('trains the real data sets: iris-mlp and digits-real-mlp reach 93% test accuracy; "digits" names the glyphs', () => {
    const iris = JSON.parse(cli('train', 'samples/iris-mlp.json', '--json').out);
    expect([iris.dataset, iris.trainSamples, iris.testSamples]).toEqual(['iris', 120, 30]);
    expect(iris.final.test.accuracy).toBeGreaterThanOrEqual(0.93);
    const digits = JSON.parse(cli('train', 'samples/digits-real-mlp.json', '--dataset', 'digits-real', '--json').out);
    expect([digits.dataset, digits.trainSamples, digits.testSamples]).toEqual(['digits-real', 1438, 359]);
    expect(digits.final.test.accuracy).toBeGreaterThanOrEqual(0.93);
    // The old name still trains the synthetic glyphs, under their new name.
    expect(cli('train', 'samples/digits-mlp.json', '--dataset', 'digits', '--epochs', '1', '--points', '100').out).toMatch(/: glyph-digits, 80 training/);
  }, 180_000); // three CLI starts: slow on a loaded machine
});
