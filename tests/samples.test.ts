// Every file in samples/ is a valid v1 model with positions, and the stated numbers hold.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { computeGradients, ensureOpsFor, validateModelText } from '../graph-engine/index.ts';
import { sample } from './support/models.ts';

const dir = new URL('../samples/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe.each(files)('samples/%s', (file) => {
  it('validates and lays its nodes out', async () => {
    const text = readFileSync(new URL(file, dir), 'utf8');
    // Ops that load lazily (expression nodes) are loaded first, as the editor and CLI do.
    await ensureOpsFor(JSON.parse(text));
    const v = validateModelText(text);
    expect(v.problems.map((p) => p.message)).toEqual([]);
    for (const n of v.model!.nodes) expect(n.position, `${file}: ${n.id}`).toBeDefined();
    expect(v.model!.name).toBeTruthy();
  });
});

describe('the numbers the samples state', () => {
  it('chain-rule: J = 33; dJ/da = 3, dJ/db = 6, dJ/dc = 9', () => {
    const r = computeGradients(sample('chain-rule'));
    expect(r.values.J).toBe(33);
    expect([r.grads.a, r.grads.b, r.grads.c]).toEqual([3, 6, 9]);
  });
  it('sum-over-paths: e = 6, de/da = 2, de/db = 5', () => {
    const r = computeGradients(sample('sum-over-paths'));
    expect([r.values.e, r.grads.a, r.grads.b]).toEqual([6, 2, 5]);
  });
  it('neuron: a = σ(w1·x1 + w2·x2 + b) with a BCE loss; dL/dz = a − y', () => {
    const r = computeGradients(sample('neuron'));
    expect(r.values.z).toBeCloseTo(0.4, 14);
    expect(r.values.a).toBeCloseTo(1 / (1 + Math.exp(-0.4)), 14);
    expect(r.values.L).toBeCloseTo(-Math.log(r.values.a), 14);
    expect(r.grads.z).toBeCloseTo(r.values.a - 1, 12);
    expect(r.grads.w1).toBeCloseTo((r.values.a - 1) * 4, 12);
  });
  it('perceptron-snack: z = -1, the step outputs 0, and no gradient flows back', () => {
    const r = computeGradients(sample('perceptron-snack'));
    expect(r.values.z).toBe(-1);
    expect(r.values.out).toBe(0);
    expect([r.grads.w1, r.grads.w2, r.grads.b]).toEqual([0, 0, 0]);
  });
});
