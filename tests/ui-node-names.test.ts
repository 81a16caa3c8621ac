import { describe, expect, it } from 'vitest';
import { buildGraph, type Model } from '../graph-engine/index.ts';
import { graphLossLabel, graphNodeName, graphNodeNameOf, lossLabel } from '../src/ui/nodeNames.ts';
import { loadSample } from './support/load-sample.ts';

describe('lossLabel', () => {
  const nodes = [{ id: 'J', label: 'cost' }, { id: 'K', label: '  ' }, { id: 'a' }];
  it('is the loss node label, its id when the label is blank, and "L" without a loss', () => {
    expect(lossLabel(nodes, 'J')).toBe('cost');
    expect(lossLabel(nodes, 'K')).toBe('K');
    expect(lossLabel(nodes, undefined)).toBe('L');
    expect(lossLabel(nodes, 'gone')).toBe('L');
    // Inside a collapsed layer: its expanded id.
    expect(lossLabel(nodes, 'J/l2/a1')).toBe('J/l2/a1');
  });
  it('reads the same from a built graph as from its model', () => {
    const model: Model = { ...loadSample('chain-rule') };
    model.nodes = model.nodes.map((n) => (n.id === 'J' ? { ...n, label: 'cost' } : n));
    expect(graphLossLabel(buildGraph(model))).toBe('cost');
    expect(lossLabel(model.nodes, 'J')).toBe('cost');
    expect(graphLossLabel(buildGraph({ ...model, loss: undefined }, { allowIncomplete: true }))).toBe('L');
  });
});

describe('graphNodeName', () => {
  const g = buildGraph(loadSample('xor-mlp'));
  it('names a node written in the file by its label', () => {
    expect(graphNodeNameOf(g, 'x1')).toBe('x1');
    expect(graphNodeName(g, g.indexOf.get('L')!)).toBe('L');
  });
  it('names a primitive of an expanded layer by its full id, which says which layer it is in', () => {
    const inner = g.nodes.filter((n) => n.origin === 'h');
    expect(inner.length).toBeGreaterThan(0);
    for (const n of inner) {
      expect(n.label).not.toBe(n.id);
      expect(graphNodeName(g, n.index)).toBe(n.id);
      expect(n.id.startsWith('h/')).toBe(true);
    }
  });
  it('falls back to the id for a node the graph does not hold', () => {
    expect(graphNodeNameOf(g, 'nowhere')).toBe('nowhere');
  });
});
