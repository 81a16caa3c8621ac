// Property: on random DAGs with shared subexpressions and fan-out, reverse-mode gradients equal
// central finite differences of the whole graph, for every leaf.
import { describe, it } from 'vitest';
import fc from 'fast-check';
import { buildGraph, Session, type Model } from '../graph-engine/index.ts';

// Smooth ops whose values stay bounded, so differences are well conditioned anywhere.
const UNARY = ['sin', 'cos', 'tanh', 'sigmoid', 'square', 'softplus', 'neg', 'identity'];
const VARIADIC = ['add', 'mul', 'sum', 'mean'];
const BINARY = ['sub'];

const dagArb = fc
  .record({
    leaves: fc.array(fc.double({ min: -1.5, max: 1.5, noNaN: true }), { minLength: 1, maxLength: 4 }),
    ops: fc.array(
      fc.record({
        kind: fc.constantFrom(...UNARY, ...VARIADIC, ...BINARY),
        picks: fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
        arity: fc.integer({ min: 2, max: 3 }),
      }),
      { minLength: 1, maxLength: 12 },
    ),
  })
  .map(({ leaves, ops }): Model => {
    const nodes: Model['nodes'] = leaves.map((v, i) => ({ id: `x${i}`, op: i % 2 ? 'param' : 'input', value: v }));
    const edges: Model['edges'] = [];
    ops.forEach((o, i) => {
      const id = `n${i}`;
      const k = UNARY.includes(o.kind) ? 1 : BINARY.includes(o.kind) ? 2 : o.arity;
      // Picks index earlier nodes (leaves or ops), so the graph is a DAG with reuse and fan-out.
      for (let p = 0; p < k; p++) edges.push({ source: nodes[o.picks[p] % nodes.length].id, target: id, port: p });
      nodes.push({ id, op: o.kind });
    });
    return { format: 'graphgrad', version: 1, nodes, edges, loss: nodes[nodes.length - 1].id };
  });

/** Forward and reverse mode over a generated model. */
function run(m: Model) {
  const g = buildGraph(m);
  const s = new Session(g);
  s.forward();
  s.backward();
  return { g, s };
}

describe('reverse mode on random DAGs', () => {
  it('matches finite differences for every leaf', () => {
    fc.assert(
      fc.property(dagArb, (m) => {
        const { g, s } = run(m);
        for (const node of g.nodes) {
          if (node.op.name !== 'input' && node.op.name !== 'param') continue;
          const x = s.value(node.index);
          const h = 1e-6;
          const at = (v: number) => {
            const t = new Session(g);
            t.setLeaf(node.index, v);
            t.forward();
            return t.value(g.loss);
          };
          const numeric = (at(x + h) - at(x - h)) / (2 * h);
          const analytic = s.grad(node.index);
          const err = Math.abs(analytic - numeric) / Math.max(1, Math.abs(numeric));
          if (!(err < 1e-6)) throw new Error(`${node.id}: analytic ${analytic}, numeric ${numeric} in ${JSON.stringify(m)}`);
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('accumulated gradients equal the sum of edge contributions (multi-path sums)', () => {
    fc.assert(
      fc.property(dagArb, (m) => {
        const { g, s } = run(m);
        for (const node of g.nodes) {
          if (node.index === g.loss) continue;
          let sum = 0;
          for (const e of g.outEdges[node.index]) if (g.reachesLoss[g.edges[e].target]) sum += s.contribution[e];
          if (sum !== s.grad(node.index)) throw new Error(`${node.id}: ${sum} vs ${s.grad(node.index)}`);
        }
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});
