import { describe, expect, it } from 'vitest';
import { buildGraph, countPathsToLoss, pathsToLoss, Session, type Graph } from '../graph-engine/index.ts';
import { loadSample } from './support/load-sample.ts';

function run(name: string): { graph: Graph; session: Session } {
  const graph = buildGraph(loadSample(name));
  const session = new Session(graph, 1);
  session.forward();
  session.backward();
  return { graph, session };
}

const at = (g: Graph, id: string) => g.indexOf.get(id)!;
const ids = (g: Graph, nodes: number[]) => nodes.map((n) => g.nodes[n].id);

describe('pathsToLoss (sum over paths)', () => {
  it('lists the single path b -> u -> v -> J with its local derivatives on the chain-rule sample', () => {
    const { graph, session } = run('chain-rule');
    const r = pathsToLoss(graph, session, at(graph, 'b'));
    expect(r.total).toBe(1);
    expect(r.truncated).toBe(false);
    expect(ids(graph, r.paths[0].nodes)).toEqual(['b', 'u', 'v', 'J']);
    expect(r.paths[0].locals).toEqual([2, 1, 3]);
    expect(r.paths[0].product).toBe(6);
    expect(r.listedSum).toBe(6);
    expect(r.grad).toBe(6);
  });

  it('finds both paths from b on sum-over-paths: 2*1 + 3*1 = 5', () => {
    const { graph, session } = run('sum-over-paths');
    const r = pathsToLoss(graph, session, at(graph, 'b'));
    expect(r.total).toBe(2);
    expect(r.paths.map((p) => ids(graph, p.nodes))).toEqual([
      ['b', 'c', 'e'],
      ['b', 'd', 'e'],
    ]);
    expect(r.paths.map((p) => p.product)).toEqual([2, 3]);
    expect(r.listedSum).toBe(5);
    expect(r.grad).toBe(5);
  });

  it('the loss has one empty path; a node with no path to the loss has none', () => {
    const { graph, session } = run('chain-rule');
    const loss = pathsToLoss(graph, session, graph.loss);
    expect(loss.total).toBe(1);
    expect(loss.paths[0].product).toBe(1);
    const counts = countPathsToLoss(graph);
    expect(counts[at(graph, 'a')]).toBe(1);
  });

  it('caps the listing and says so, while the count and the sum stay exact on an MLP', () => {
    const { graph, session } = run('xor-mlp');
    const counts = countPathsToLoss(graph);
    const leaf = graph.nodes.reduce((best, n) => (counts[n.index] > counts[best.index] ? n : best));
    expect(counts[leaf.index]).toBeGreaterThan(1);
    const all = pathsToLoss(graph, session, leaf.index, 10_000);
    expect(all.truncated).toBe(false);
    expect(all.listedSum).toBeCloseTo(all.grad, 10);
    const capped = pathsToLoss(graph, session, leaf.index, 1);
    expect(capped.paths).toHaveLength(1);
    expect(capped.total).toBe(all.total);
    expect(capped.truncated).toBe(true);
  });
});
