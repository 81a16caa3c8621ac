// JSON model round trip: import then export gives the same text, unknown fields and key order kept.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { ensureOpsFor, MAX_MODEL_BYTES, MAX_MODEL_NODES, serializeModel, validateModel, validateModelText, type Model } from '../graph-engine/index.ts';

const dir = new URL('../samples/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe.each(files)('samples/%s', (file) => {
  it('round-trips losslessly: export, import, export gives identical JSON', async () => {
    const text = readFileSync(new URL(file, dir), 'utf8');
    await ensureOpsFor(JSON.parse(text));
    const once = serializeModel(validateModelText(text).model!);
    expect(once).toBe(text); // samples are stored in canonical form
    expect(serializeModel(validateModelText(once).model!)).toBe(once);
  });
});

it('keeps unknown fields, nested and top-level, in their order', () => {
  const m = {
    zeta: { keep: [1, 2] },
    format: 'graphgrad',
    version: 1,
    loss: 'a',
    nodes: [{ color: 'teal', id: 'a', op: 'input', value: 2, position: { x: 1, y: 2, pinned: true } }],
    edges: [],
    training: { lr: 0.1, custom: 'x' },
  } as unknown as Model;
  const text = serializeModel(m);
  expect(serializeModel(validateModelText(text).model!)).toBe(text);
  expect(Object.keys(JSON.parse(text))).toEqual(['zeta', 'format', 'version', 'loss', 'nodes', 'edges', 'training']);
});

it('reads the training block as part of the model: files load with it and without it, and a bad field is named', () => {
  const base = { format: 'graphgrad', version: 1, loss: 'a', nodes: [{ id: 'a', op: 'input', value: 2 }], edges: [] };
  expect(validateModel(base).problems).toEqual([]);
  const withBlock = validateModel({ ...base, training: { optimizer: 'adam', lr: 0.1, bind: { a: 'x' } } });
  expect(withBlock.problems).toEqual([]);
  expect(withBlock.model?.training?.optimizer).toBe('adam');
  const bad = validateModel({ ...base, training: { lr: -1, optimizer: 'rmsprop' } });
  expect(bad.model).toBeUndefined();
  expect(bad.problems.map((p) => [p.path, p.message])).toEqual([
    ['training.lr', 'training.lr: must be above 0'],
    ['training.optimizer', 'training.optimizer: Invalid option: expected one of "sgd"|"momentum"|"adam"'],
  ]);
});

describe('import limits', () => {
  it('refuses oversized files and node counts politely, before parsing the graph', async () => {
    const big = validateModelText(' '.repeat(MAX_MODEL_BYTES + 1));
    expect(big.problems[0].message).toBe('This file is 20.0 MB; GraphGrad opens models up to 20.0 MB. Nothing was changed.');
    const many = validateModel({
      format: 'graphgrad',
      version: 1,
      edges: [],
      nodes: Array.from({ length: MAX_MODEL_NODES + 1 }, (_, i) => ({ id: `n${i}`, op: 'const', value: 1 })),
    });
    expect(many.problems[0].message).toMatch(/^This model has 20,001 nodes; GraphGrad opens models up to 20,000 nodes/);
  });
});
