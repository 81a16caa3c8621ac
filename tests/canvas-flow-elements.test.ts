/**
 * The canvas re-renders only what changed: React Flow skips a node whose object is the same as
 * before, and the memoised card skips a render when its `data` object is the same. These tests
 * pin that identity down for the edits that happen most (a drag, a value edit, a selection).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { edgeKey, parseModelText, type Model } from '../graph-engine/index.ts';
import { createEditorStore } from '../src/store/editorStore.ts';
import { setLanguage } from '../src/i18n/i18n.ts';
import { FlowEdgeCache, FlowNodeCache, inputHandleId, inputOfHandle, inputRow, type OpFlowNode } from '../src/canvas/flowElements.ts';

const sample = (name: string): Model => parseModelText(readFileSync(`samples/${name}.json`, 'utf8')).model!;
const none = new Set<string>();
const noSizes = new Map();

function setup() {
  const store = createEditorStore({ initialModel: sample('chain-rule') });
  const cache = new FlowNodeCache();
  const edges = new FlowEdgeCache();
  const derive = (selected: ReadonlySet<string> = none) => {
    const s = store.getState();
    return { nodes: cache.derive(s.model, s.evaluation, selected, noSizes), edges: edges.derive(s.model.edges, none, 'en') };
  };
  return { store, cache, derive };
}

const byId = (list: OpFlowNode[]) => new Map(list.map((n) => [n.id, n]));

describe('flow elements keep their identity when unchanged', () => {
  it('dragging one node replaces only that node, keeps its data and every edge', () => {
    const { store, derive } = setup();
    const before = derive();
    store.getState().beginGesture('Move');
    store.getState().moveNodes([{ id: 'b', position: { x: 40, y: 170 } }]);
    store.getState().moveNodes([{ id: 'b', position: { x: 80, y: 210 } }]);
    store.getState().endGesture();
    const after = derive();
    const old = byId(before.nodes);
    const changed = after.nodes.filter((n) => n !== old.get(n.id)).map((n) => n.id);
    expect(changed).toEqual(['b']);
    const b = after.nodes.find((n) => n.id === 'b')!;
    expect(b.position).toEqual({ x: 80, y: 210 });
    // Same data object: the memoised card does not render again for a move.
    expect(b.data).toBe(old.get('b')!.data);
    expect(after.edges).toHaveLength(before.edges.length);
    after.edges.forEach((e, i) => expect(e).toBe(before.edges[i]));
  });

  it('a value edit keeps the nodes array and every data object, and hands new numbers only to the cards whose numbers changed', () => {
    const { store, cache, derive } = setup();
    const before = derive();
    const told: string[] = [];
    for (const n of before.nodes) cache.live.subscribe(n.id, () => told.push(n.id));
    // J = 3(a + bc) with a = 5, c = 2; b from 3 to 4: u = 8, v = 13, J = 39, dJ/dc = 3b = 12,
    // dJ/d(three) = v = 13; dJ/da = 3 and dJ/db = 3c = 6 as before.
    store.getState().updateNode('b', { value: 4 });
    const after = derive();
    // The same array: React Flow has nothing to adopt, and no card renders through it.
    expect(after.nodes).toBe(before.nodes);
    expect(told).toEqual([]);
    cache.publish();
    expect(told).toEqual(['b', 'c', 'u', 'v', 'three', 'J']);
    const shown = (id: string) => cache.live.shown(id, after.nodes.find((n) => n.id === id)!.data).result!;
    expect([shown('b').value, shown('u').value, shown('v').value, shown('J').value]).toEqual([4, 8, 13, 39]);
    expect([shown('a').grad, shown('b').grad, shown('c').grad, shown('three').grad]).toEqual([3, 6, 12, 13]);
    // Published once: nothing new to tell until the next change.
    derive();
    cache.publish();
    expect(told).toHaveLength(6);
    after.edges.forEach((e, i) => expect(e).toBe(before.edges[i]));
  });

  it('a change of look (a badge) gives the card new data, which shows its own result', () => {
    const { store, cache, derive } = setup();
    derive();
    store.getState().updateNode('b', { value: 4 });
    derive();
    cache.publish();
    const was = derive().nodes;
    const old = byId(was);
    // Without b, u and everything downstream of it need an input.
    store.getState().removeEdges([edgeKey(store.getState().model.edges.find((e) => e.source === 'b')!)]);
    const after = derive();
    cache.publish();
    expect(after.nodes).not.toBe(was);
    for (const id of ['u', 'v', 'J']) {
      const n = after.nodes.find((x) => x.id === id)!;
      expect(n.data).not.toBe(old.get(id)!.data);
      expect(n.data.result?.badge?.kind).toBe('incomplete');
      expect(cache.live.shown(id, n.data)).toBe(n.data);
    }
  });

  it('selecting a node replaces only that node, not its data', () => {
    const { derive } = setup();
    const before = derive();
    const after = derive(new Set(['c']));
    const old = byId(before.nodes);
    expect(after.nodes.filter((n) => n !== old.get(n.id)).map((n) => n.id)).toEqual(['c']);
    expect(after.nodes.find((n) => n.id === 'c')!.data).toBe(old.get('c')!.data);
  });
});

describe('edges for screen readers', () => {
  it('are named in the current language, and named afresh when it changes', () => {
    const model = sample('chain-rule');
    model.edges = model.edges.filter((e) => e.source === 'a');
    const cache = new FlowEdgeCache();
    const english = cache.derive(model.edges, none, 'en');
    expect(english[0]).toMatchObject({ ariaLabel: 'Edge from a to v', domAttributes: { 'aria-roledescription': 'edge' } });
    expect(cache.derive(model.edges, none, 'en')[0]).toBe(english[0]);
    setLanguage('es');
    try {
      expect(cache.derive(model.edges, none, 'es')[0]).toMatchObject({ ariaLabel: 'Arista de a a v', domAttributes: { 'aria-roledescription': 'arista' } });
    } finally {
      setLanguage('en');
    }
  });
});

describe('multi-output cards', () => {
  it('a layer card gets new numbers when any output changes, not only output 0', () => {
    const m: Model = {
      format: 'graphgrad',
      version: 1,
      loss: 'L',
      nodes: [
        { id: 'a', op: 'input', value: 50 },
        { id: 'b', op: 'input', value: 0 },
        { id: 's', op: 'softmax' },
        { id: 'L', op: 'sum' },
      ],
      edges: [
        { source: 'a', target: 's', port: 0 },
        { source: 'b', target: 's', port: 1 },
        { source: 's', sourcePort: 0, target: 'L', port: 0 },
        { source: 's', sourcePort: 1, target: 'L', port: 1 },
      ],
    };
    const store = createEditorStore({ initialModel: m });
    const cache = new FlowNodeCache();
    const derive = () => {
      const s = byId(cache.derive(store.getState().model, store.getState().evaluation, none, noSizes)).get('s')!;
      cache.publish();
      return cache.live.shown('s', s.data);
    };
    const told: string[] = [];
    cache.live.subscribe('s', () => told.push('s'));
    const before = derive();
    // softmax(50, 0)[0] and softmax(60, 0)[0] both round to 1 in float64; output 1 differs.
    store.getState().updateNode('a', { value: 60 });
    const after = derive();
    expect(after.result!.outputs![0].value).toBe(before.result!.outputs![0].value);
    expect(after.result!.outputs![1].value).not.toBe(before.result!.outputs![1].value);
    expect(told).toEqual(['s']);
  });
});

describe('input handles of a paired loss with a free pair', () => {
  it('give the free pair growing handles and move the wired targets down a row', () => {
    // Two pairs wired (p1 p2 | t1 t2 at ports 0 1 | 2 3), shown with a free pair: six rows.
    const ids = Array.from({ length: 6 }, (_, row) => inputHandleId(row, 6, true));
    expect(ids).toEqual(['in-0', 'in-1', 'in-grow-2', 'in-2', 'in-3', 'in-grow-5']);
    expect([0, 1, 2, 3].map((port) => inputRow(port, 6, true))).toEqual([0, 1, 3, 4]);
    for (const port of [0, 1, 2, 3]) expect(ids[inputRow(port, 6, true)]).toBe(`in-${port}`);
    expect(inputOfHandle('in-grow-5')).toEqual({ port: 5, newPair: true });
    expect(inputOfHandle('in-3')).toEqual({ port: 3, newPair: false });
    // Without a free pair, a row is its port.
    expect(inputHandleId(3, 4)).toBe('in-3');
    expect(inputRow(3, 4)).toBe(3);
  });
});
