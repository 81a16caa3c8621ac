// Typing a number into a leaf (evaluateEdit reuses the built graph) gives exactly what evaluating
// the edited model from scratch gives: every value, gradient, badge and output, on every sample,
// expanded or not, for random leaves and values. The oracle is `evaluate`, which builds the
// graph again from the model.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getOp, isLeafOp, type Model } from '../graph-engine/index.ts';
import { evaluate, evaluateEdit, type Evaluation } from '../src/store/evaluate.ts';
import { expandMacro } from '../src/store/macroEdits.ts';
import { expandedMacros } from '../graph-engine/index.ts';
import { sample } from './support/models.ts';

const names = readdirSync(new URL('../samples', import.meta.url))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

/** The sample with every layer expanded, as the editor's Expand leaves it. */
function expandedAll(model: Model): Model {
  let m = model;
  for (const n of model.nodes) {
    if (!getOp(n.op)?.macro || expandedMacros(m)[n.id]) continue;
    const r = expandMacro(m, n.id);
    if (r.model) m = r.model;
  }
  return m;
}

const readable = (e: Evaluation) => ({
  problems: e.problems,
  lossId: e.lossId,
  lossIsAutomatic: e.lossIsAutomatic,
  noLossReason: e.noLossReason,
  backwardBlocker: e.backwardBlocker,
  results: [...e.results],
});

const withValue = (m: Model, i: number, value: number): Model => ({ ...m, nodes: m.nodes.map((n, j) => (j === i ? { ...n, value } : n)) });

describe('an edit of leaf values reuses the graph', () => {
  const models = names.flatMap((name) => [sample(name), expandedAll(sample(name))]);
  it('gives what a full evaluation gives, over every sample, collapsed and expanded', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: models.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.double({ min: -50, max: 50, noNaN: true })), { minLength: 1, maxLength: 3 }),
        (which, edits) => {
          const before = models[which];
          const leaves = before.nodes.flatMap((n, i) => (isLeafOp(getOp(n.op)!) ? [i] : []));
          let after = before;
          for (const [k, v] of edits) after = withValue(after, leaves[k % leaves.length], v);
          const was = evaluate(before);
          const fast = evaluateEdit(before, was, after);
          expect(readable(fast)).toEqual(readable(evaluate(after)));
          // The graph was reused (its edges are the same), not built again.
          if (was.graph && was.problems.length === 0 && !was.noLossReason) expect(fast.graph?.edges).toBe(was.graph.edges);
        },
      ),
      // -0 is a value of its own (a full evaluation keeps it): fast-check found an edit to -0 read as no edit.
      { numRuns: 40, examples: [[2, [[0, -0]]]] },
    );
  });

  it('evaluates from scratch when more than values changed', () => {
    const before = sample('xor-mlp');
    const was = evaluate(before);
    // An edge removed: the loss's input goes missing, which only a new build sees.
    const after: Model = { ...before, edges: before.edges.slice(0, -1) };
    expect(readable(evaluateEdit(before, was, after))).toEqual(readable(evaluate(after)));
    expect(evaluateEdit(before, was, after).graph).not.toBe(was.graph);
    // A non-finite value is a problem the build reports.
    const i = before.nodes.findIndex((n) => n.op === 'input');
    const bad = withValue(before, i, Number.POSITIVE_INFINITY);
    expect(evaluateEdit(before, was, bad).problems.length).toBeGreaterThan(0);
  });
});
