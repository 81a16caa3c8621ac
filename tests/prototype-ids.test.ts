// Node ids that are names on Object.prototype: every record keyed by ids must treat them as plain keys.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeGradients, createTrainer, makeDataset, own, recordFrom, serializeModel, validateModelText, type Model } from '../graph-engine/index.ts';
import { bindingView } from '../src/trainWorker/binding.ts';
import { thumbnailsFor } from '../src/trainWorker/decisionPlane.ts';

const NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
];

interface Ids {
  x: string;
  y: string;
  w: string;
  m: string;
  n: string;
  p: string;
  L: string;
}

/** km -> miles: p = w·x + neuron(x), loss mse(p, y); x and y bound to columns through training.bind. */
function protoModel(ids: Ids): Model {
  return {
    format: 'graphgrad',
    version: 1,
    nodes: [
      { id: ids.x, op: 'input', value: 1 },
      { id: ids.y, op: 'input', value: 0 },
      { id: ids.w, op: 'param', value: 0.3 },
      { id: ids.m, op: 'mul' },
      { id: ids.n, op: 'neuron', attrs: { activation: 'none' } },
      { id: ids.p, op: 'add' },
      { id: ids.L, op: 'mse' },
    ],
    edges: [
      { source: ids.w, target: ids.m, port: 0 },
      { source: ids.x, target: ids.m, port: 1 },
      { source: ids.x, target: ids.n, port: 0 },
      { source: ids.m, target: ids.p, port: 0 },
      { source: ids.n, target: ids.p, port: 1 },
      { source: ids.p, target: ids.L, port: 0 },
      { source: ids.y, target: ids.L, port: 1 },
    ],
    loss: ids.L,
    // Computed keys: own properties, as JSON.parse makes them (a literal `__proto__:` would not be).
    training: { dataset: 'km-to-miles', points: 20, epochs: 3, lr: 0.001, bind: { [ids.x]: 'km', [ids.y]: 'miles' } },
  } as Model;
}

const idsArb = fc.shuffledSubarray(NAMES, { minLength: 7, maxLength: 7 }).map(([x, y, w, m, n, p, L]) => ({ x, y, w, m, n, p, L }));

describe('node ids named like Object.prototype members', () => {
  it('validate, compute gradients, train, write and reload with the same values', () => {
    fc.assert(
      fc.property(idsArb, (ids) => {
        const text = serializeModel(protoModel(ids));
        const v = validateModelText(text);
        expect(v.problems).toEqual([]);
        const model = v.model!;

        // Gradients, and their JSON (what `grad --json` prints), hold one own entry per node.
        const g = JSON.parse(JSON.stringify(computeGradients(model))) as { values: Record<string, number>; grads: Record<string, number> };
        for (const id of [ids.x, ids.w, ids.m, ids.p, ids.L]) {
          expect(Object.hasOwn(g.values, id), id).toBe(true);
          expect(typeof g.values[id]).toBe('number');
        }
        // x = 1, y = 0, w = 0.3, the neuron's w0 and b drawn/0: L = (0.3 + n)², dL/dw = 2(0.3 + n)·x.
        const n = g.values[ids.p] - 0.3;
        expect(g.values[ids.L]).toBeCloseTo((0.3 + n) ** 2, 12);
        expect(g.grads[ids.w]).toBeCloseTo(2 * (0.3 + n), 12);
        expect(g.grads[ids.L]).toBe(1);

        const tr = createTrainer(model);
        tr.run();
        expect(tr.stopped?.reason).toBe('epochs');
        // x was bound to km through training.bind: the inputs vary over the rows.
        expect(tr.bindings.map((b) => tr.dataset.columns[b.column]).sort()).toEqual(['km', 'miles']);
        const params = tr.getParams();
        expect(Object.keys(params).sort()).toEqual([ids.w, `${ids.n}/w0`, `${ids.n}/b`].sort());

        const saved = serializeModel(tr.trainedModel());
        const back = validateModelText(saved);
        expect(back.problems).toEqual([]);
        const node = (id: string) => back.model!.nodes.find((x) => x.id === id)!;
        expect(node(ids.w).value).toBe(params[ids.w]);
        expect(node(ids.n).attrs).toMatchObject({ w: [params[`${ids.n}/w0`]], b: params[`${ids.n}/b`] });
        // The values were trained: not the file's.
        expect(node(ids.w).value).not.toBe(0.3);
      }),
      { numRuns: 25 },
    );
  });

  it('names from files are looked up as own keys: datasets, ops, commands', () => {
    for (const name of NAMES) {
      expect(() => makeDataset(name)).toThrow(`Unknown dataset "${name}"`);
      const v = validateModelText(JSON.stringify({ format: 'graphgrad', version: 1, nodes: [{ id: 'a', op: name }], edges: [], loss: 'a' }));
      expect(v.problems[0].message).toBe(`Node "a": unknown op "${name}".`);
    }
  });

  it('records keyed by ids have no prototype; reads take own keys only', () => {
    const r = recordFrom([
      ['__proto__', 1],
      ['a', 2],
    ]);
    expect(Object.getPrototypeOf(r)).toBe(null);
    expect(JSON.parse(JSON.stringify(r))).toEqual(JSON.parse('{"__proto__":1,"a":2}'));
    expect(own({}, 'toString')).toBeUndefined();
    expect(own(JSON.parse('{"__proto__":[1]}') as Record<string, number[]>, '__proto__')).toEqual([1]);
  });

  it('the Train view binds and pictures nodes named like prototype members', () => {
    // Before: thumbnails.toString was a function, which blanked the app in Train.
    const model = protoModel({ x: 'x1', y: 'y', w: 'toString', m: 'constructor', n: '__proto__', p: 'valueOf', L: 'hasOwnProperty' });
    const ds = makeDataset('circle', { points: 10 });
    const tr = createTrainer(model, { dataset: ds, overrides: { bind: {} } });
    const view = bindingView(tr.graph, ds, {});
    expect(view.rows.find((r) => r.nodeId === 'x1')?.problem).toBeUndefined();
    const thumbs = thumbnailsFor(tr.graph, view, 96);
    expect(Object.getPrototypeOf(thumbs)).toBe(null);
    expect(own(thumbs, 'toString')).toBeUndefined(); // a param: no picture
    expect(own(thumbs, 'constructor')).toEqual([['constructor']]);
    expect(own(thumbs, 'valueOf')).toEqual([['valueOf']]);
    // The neuron (activation none): one layer of one unit, its sum.
    expect(own(thumbs, '__proto__')).toEqual([['__proto__/z']]);
    expect(Object.keys(thumbs).sort()).toEqual(['__proto__', 'constructor', 'valueOf', 'x1']);
  });
});

describe('the CLI with such ids', () => {
  const root = new URL('..', import.meta.url).pathname;
  const cli = (...args: string[]) => {
    const r = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'graph-engine/cli/main.ts'), ...args], { cwd: root, encoding: 'utf8' });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('train --out writes a param with id "__proto__" as a number, and grad --json prints it', () => {
    // Before: written back as "value": {}, and the file then failed validate.
    const tmp = mkdtempSync(join(tmpdir(), 'graphgrad-proto-'));
    const file = join(tmp, 'proto.json');
    writeFileSync(
      file,
      serializeModel(protoModel({ x: 'km', y: 'miles', w: '__proto__', m: 'constructor', n: 'toString', p: 'valueOf', L: '__defineGetter__' })),
    );
    const t = cli('train', file, '--out', file, '--json');
    expect(t.err).toBe('');
    expect(t.code).toBe(0);
    const trained = JSON.parse(t.out).params as Record<string, number>;
    expect(Object.keys(trained).sort()).toEqual(['__proto__', 'toString/b', 'toString/w0']);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('"id": "__proto__",\n      "op": "param",\n      "value": ');
    const back = validateModelText(text);
    expect(back.problems).toEqual([]);
    expect(back.model!.nodes.find((n) => n.id === '__proto__')!.value).toBe(trained.__proto__);
    const g = cli('grad', file, '--json');
    expect(g.code).toBe(0);
    const report = JSON.parse(g.out) as { values: Record<string, number>; grads: Record<string, number> };
    expect(Object.hasOwn(report.values, '__proto__')).toBe(true);
    expect(report.values.__proto__).toBe(trained.__proto__);
    expect(typeof report.grads.constructor).toBe('number');
  });
});
