// The CLI as a user runs it: `npm run --silent graphgrad -- <command>` (here via tsx directly).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { input, model, op } from './support/models.ts';

const root = new URL('..', import.meta.url).pathname;
function cli(...args: string[]) {
  const r = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'graph-engine/cli/main.ts'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const tmp = mkdtempSync(join(tmpdir(), 'graphgrad-cli-'));
function file(name: string, content: string) {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
}

describe('graphgrad CLI', () => {
  it('grad --json prints one object: J = 33, grads 3, 6, 9 and per-edge records', () => {
    const r = cli('grad', 'samples/chain-rule.json', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['loss', 'values', 'grads', 'edges']);
    expect(j.loss).toBe('J');
    expect(j.values.J).toBe(33);
    expect([j.grads.a, j.grads.b, j.grads.c]).toEqual([3, 6, 9]);
    expect(j.edges).toHaveLength(6);
    expect(j.edges[0]).toEqual({ source: 'b', target: 'u', port: 0, local: 2, upstream: 3, contribution: 6 });
    for (const e of j.edges) expect(Object.keys(e)).toEqual(['source', 'target', 'port', 'local', 'upstream', 'contribution']);
  });

  it('grad loads expression support when the model has an expression node, BOM or not', () => {
    // f = x^2 + sin(y) at x = 3, y = 0: by hand f = 9, df/dx = 2x = 6, df/dy = cos(0) = 1.
    const m = model(
      [input('x', 3), input('y', 0), op('f', 'expr', { expression: 'x^2 + sin(y)' })],
      [
        ['x', 'f', 0],
        ['y', 'f', 1],
      ],
      'f',
    );
    for (const text of [JSON.stringify(m), `\uFEFF${JSON.stringify(m)}`]) {
      const r = cli('grad', file('expr.json', text), '--json');
      expect(r.err).toBe('');
      const j = JSON.parse(r.out);
      expect([j.values.f, j.grads.x, j.grads.y]).toEqual([9, 6, 1]);
    }
  });

  it('grad --json writes infinite and NaN gradients as "Infinity", "-Infinity", "NaN", never null', () => {
    // Inputs a = b = c = 0 under sqrt, whose derivative 1/(2√x) is +∞ at 0. By hand:
    //   L = −√a + √b·0 + √c: dL/d√a = −1, so dL/da = −1·∞ = −∞; dL/d√b = 0, so dL/db = 0·∞ = NaN;
    //   dL/d√c = 1, so dL/dc = +∞. Every forward value is 0 (finite), so grad does run.
    const m = {
      format: 'graphgrad',
      version: 1,
      loss: 'L',
      nodes: [
        { id: 'a', op: 'input', value: 0 },
        { id: 'b', op: 'input', value: 0 },
        { id: 'c', op: 'input', value: 0 },
        { id: 'zero', op: 'const', value: 0 },
        { id: 'sa', op: 'sqrt' },
        { id: 'na', op: 'neg' },
        { id: 'sb', op: 'sqrt' },
        { id: 'mb', op: 'mul' },
        { id: 'sc', op: 'sqrt' },
        { id: 'L', op: 'add' },
      ],
      edges: [
        { source: 'a', target: 'sa', port: 0 },
        { source: 'sa', target: 'na', port: 0 },
        { source: 'b', target: 'sb', port: 0 },
        { source: 'sb', target: 'mb', port: 0 },
        { source: 'zero', target: 'mb', port: 1 },
        { source: 'c', target: 'sc', port: 0 },
        { source: 'na', target: 'L', port: 0 },
        { source: 'mb', target: 'L', port: 1 },
        { source: 'sc', target: 'L', port: 2 },
      ],
    };
    const r = cli('grad', file('nonfinite.json', JSON.stringify(m)), '--json');
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('null');
    const j = JSON.parse(r.out);
    expect([j.grads.a, j.grads.b, j.grads.c]).toEqual(['-Infinity', 'NaN', 'Infinity']);
    expect(j.values.L).toBe(0);
    const edge = (s: string) => j.edges.find((e: { source: string }) => e.source === s);
    expect(edge('a')).toMatchObject({ local: 'Infinity', upstream: -1, contribution: '-Infinity' });
    expect(edge('b')).toMatchObject({ local: 'Infinity', upstream: 0, contribution: 'NaN' });
    // Python reads them back as floats.
    const py =
      'import json,sys,math; j=json.load(sys.stdin); g=[float(j["grads"][k]) for k in "abc"]; print(g[0]==-math.inf, math.isnan(g[1]), g[2]==math.inf)';
    expect(spawnSync('python3', ['-c', py], { input: r.out, encoding: 'utf8' }).stdout.trim()).toBe('True True True');
  });

  it('grad --json keeps ids that are Object.prototype names ("__proto__", "constructor")', () => {
    // L = __proto__ · constructor = 2 · 3 = 6; dL/d__proto__ = 3, dL/dconstructor = 2.
    const m = {
      format: 'graphgrad',
      version: 1,
      loss: 'toString',
      nodes: [
        { id: '__proto__', op: 'input', value: 2 },
        { id: 'constructor', op: 'param', value: 3 },
        { id: 'toString', op: 'mul' },
      ],
      edges: [
        { source: '__proto__', target: 'toString', port: 0 },
        { source: 'constructor', target: 'toString', port: 1 },
      ],
    };
    const r = cli('grad', file('proto.json', JSON.stringify(m)), '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j.values)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.getOwnPropertyDescriptor(j.values, '__proto__')?.value).toBe(2);
    expect(Object.getOwnPropertyDescriptor(j.grads, '__proto__')?.value).toBe(3);
    expect(j.grads.constructor).toBe(2);
    expect(j.values.toString).toBe(6);
  });

  it('grad without --json prints a readable table', () => {
    const r = cli('grad', 'samples/sum-over-paths.json');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/loss: e = 6/);
    expect(r.out).toMatch(/^b\s+input\s+1\s+5$/m);
  });

  it('grad lists each output of a layer macro in the table', () => {
    const r = cli('grad', 'samples/xor-mlp.json');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^h\[1\] \(h\/a1\)\s+dense\s+0\.560322\s+-0\.220575$/m);
    expect(r.out).not.toContain('∞');
  });

  it('validate prints ok, or every problem naming nodes, exiting 1', () => {
    expect(cli('validate', 'samples/neuron.json')).toMatchObject({ code: 0, out: 'ok\n' });
    const cyclic = file(
      'cyclic.json',
      JSON.stringify({
        format: 'graphgrad',
        version: 1,
        loss: 'q',
        nodes: [
          { id: 'p', op: 'exp' },
          { id: 'q', op: 'neg' },
          { id: 'z', op: 'frob' },
        ],
        edges: [
          { source: 'p', target: 'q', port: 0 },
          { source: 'q', target: 'p', port: 0 },
        ],
      }),
    );
    const r = cli('validate', cyclic);
    expect(r.code).toBe(1);
    const lines = r.err.trim().split('\n');
    expect(lines).toEqual([
      `${cyclic}: Node "z": unknown op "frob".`,
      `${cyclic}: The graph has a cycle: "p" -> "q" -> "p". A computational graph must be acyclic.`,
    ]);
  });

  it('malformed JSON gets its line and column, not a stack trace', () => {
    const r = cli('validate', file('bad.json', '{\n  "format": "graphgrad",\n  "nodes": [}\n'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.json: Not valid JSON at line 3, column 13/);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/);
  });

  it('a missing file is named', () => {
    const r = cli('grad', 'nope.json');
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe('Cannot read nope.json: no such file');
  });

  it('gradcheck passes on a sample and prints analytic vs numeric', () => {
    const r = cli('gradcheck', 'samples/neuron.json');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^w1\s+param\s+-1\.6052494\s+-1\.6052494/m);
    expect(r.out).toMatch(/ok: 6 gradients match/);
  });

  it('export --out is checked first and written whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'graphgrad-export-'));
    expect(cli('export', 'samples/neuron.json', '--to', 'onnx', '--out', dir)).toEqual({
      code: 1,
      out: '',
      err: `--out ${dir}: that is a folder; give a file name.\n`,
    });
    expect(cli('export', 'samples/neuron.json', '--to', 'json', '--out', join(dir, 'a/b.json'))).toMatchObject({
      code: 1,
      err: `--out ${join(dir, 'a/b.json')}: the folder ${join(dir, 'a')} does not exist.\n`,
    });
    const out = join(dir, 'n.json');
    writeFileSync(out, 'old');
    // A file where a folder should be is not "does not exist".
    expect(cli('export', 'samples/neuron.json', '--to', 'json', '--out', join(out, 'sub/b.json'))).toMatchObject({
      code: 1,
      err: `--out ${join(out, 'sub/b.json')}: a part of ${join(out, 'sub')} is a file, not a folder.\n`,
    });
    expect(cli('export', 'samples/neuron.json', '--to', 'json', '--out', out).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).format).toBe('graphgrad');
    expect(readdirSync(dir)).toEqual(['n.json']);
  });

  it('export writes ONNX and PyTorch files', () => {
    const onnxPath = join(tmp, 'neuron.onnx');
    const r = cli('export', 'samples/neuron.json', '--to', 'onnx', '--out', onnxPath);
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(`wrote ${onnxPath} (ONNX opset 13: inputs x1, x2, y; outputs a, L)`);
    const py = cli('export', 'samples/chain-rule.json', '--to', 'pytorch');
    expect(py.code).toBe(0);
    expect(py.out).toMatch(/^#!\/usr\/bin\/env python3/);
    // A real data set is loaded on demand: its training rows (120 of iris's 150) still go into the script.
    const iris = cli('export', 'samples/iris-mlp.json', '--to', 'pytorch');
    expect(iris.code).toBe(0);
    const sepal = iris.out.match(/"sepal_length": \[([^\]]*)\]/);
    expect(sepal?.[1].split(',')).toHaveLength(120);
    expect(cli('export', 'samples/chain-rule.json', '--to', 'keras')).toMatchObject({ code: 1, err: '--to must be one of onnx, pytorch, json.\n' });
  });

  it('unknown commands print usage and exit 2', () => {
    const r = cli('frobnicate');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Unknown command "frobnicate"/);
  });
});
