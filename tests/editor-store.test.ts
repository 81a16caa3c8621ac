import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildGraph, checkGraph, edgeKey, nodeLabel, parseModelText, serializeModel, type Model } from '../graph-engine/index.ts';
import { createEditorStore } from '../src/store/editorStore.ts';
import { AUTOSAVE_KEY, REJECTED_PREFIX, restoreAutosave, writeAutosave, type KeyValueStorage } from '../src/store/autosave.ts';
import { HISTORY_LIMIT } from '../src/store/history.ts';

const sample = (name: string): Model => parseModelText(readFileSync(`samples/${name}.json`, 'utf8')).model!;

/** Web Storage in memory; with `quota`, it refuses a write that would hold more characters (keys and values), as browsers do. */
function memoryStorage(quota = Infinity): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  const used = () => [...data].reduce((n, [k, v]) => n + k.length + v.length, 0);
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => {
      const old = data.get(k);
      if (used() - (old === undefined ? 0 : k.length + old.length) + k.length + v.length > quota) throw new DOMException('quota', 'QuotaExceededError');
      data.set(k, v);
    },
    removeItem: (k) => void data.delete(k),
  };
}

/** Builds J = 3(a + bc) through store actions, the way the palette and canvas do. */
function buildChainRule() {
  const store = createEditorStore();
  const s = () => store.getState();
  const a = s().addNode('input', { x: 0, y: 0 });
  const b = s().addNode('input', { x: 0, y: 100 });
  const c = s().addNode('input', { x: 0, y: 200 });
  const u = s().addNode('mul', { x: 200, y: 150 });
  const v = s().addNode('add', { x: 400, y: 50 });
  const three = s().addNode('const', { x: 400, y: -100 });
  const J = s().addNode('mul', { x: 600, y: 0 });
  s().updateNode(a, { value: 5 });
  s().updateNode(b, { value: 3 });
  s().updateNode(c, { value: 2 });
  s().updateNode(three, { value: 3 });
  expect(s().connect({ source: b, target: u, port: 0 })).toBe(true);
  expect(s().connect({ source: c, target: u, port: 1 })).toBe(true);
  expect(s().connect({ source: a, target: v, port: 0 })).toBe(true);
  expect(s().connect({ source: u, target: v, port: 1 })).toBe(true);
  expect(s().connect({ source: three, target: J, port: 0 })).toBe(true);
  expect(s().connect({ source: v, target: J, port: 1 })).toBe(true);
  return { store, s, ids: { a, b, c, u, v, three, J } };
}

describe('editor store', () => {
  it('builds a graph and computes live values and gradients through the engine', () => {
    const { s, ids } = buildChainRule();
    const r = s().evaluation.results;
    expect(r.get(ids.J)?.value).toBe(33);
    // J is the only sink, so it is the automatic loss.
    expect(s().evaluation.lossId).toBe(ids.J);
    expect(r.get(ids.b)?.grad).toBe(6);
    expect(r.get(ids.c)?.grad).toBe(9);
    s().updateNode(ids.a, { value: 6 });
    expect(s().evaluation.results.get(ids.J)?.value).toBe(36);
  });

  it('a blank label gives the node its id back as its name', () => {
    const { s, ids } = buildChainRule();
    s().updateNode(ids.u, { label: '   ' });
    expect(s().model.nodes.find((n) => n.id === ids.u)!.label).toBeUndefined();
    // The same from a file: a blank label there is the id in every name the engine writes.
    const m = sample('chain-rule');
    m.nodes.find((n) => n.id === 'u')!.label = ' ';
    const g = buildGraph(m);
    expect(g.nodes[g.indexOf.get('u')!].label).toBe('u');
    expect(nodeLabel({ id: 'u', label: '' })).toBe('u');
    expect(nodeLabel({ id: 'u', label: 'bc' })).toBe('bc');
  });

  it('labels new inputs a, b, c and keeps ids unique', () => {
    const { s, ids } = buildChainRule();
    expect(s().model.nodes.find((n) => n.id === ids.a)?.label).toBe('a');
    expect(s().model.nodes.find((n) => n.id === ids.c)?.label).toBe('c');
    expect(new Set(s().model.nodes.map((n) => n.id)).size).toBe(7);
  });

  it('marks nodes with empty ports incomplete, with the reason', () => {
    const store = createEditorStore();
    const m = store.getState().addNode('mul', { x: 0, y: 0 });
    const res = store.getState().evaluation.results.get(m)!;
    expect(res.badge?.kind).toBe('incomplete');
    expect(res.badge?.reason).toMatch(/no input/);
    // mul needs two operands; the free third handle appears once both are used.
    expect(res.ports).toBe(2);
  });

  it('gives every op from the palette what it needs to compute as soon as it is added', async () => {
    const { opRegistry, loadExpressionOps } = await import('../graph-engine/index.ts');
    await loadExpressionOps();
    const store = createEditorStore();
    for (const op of opRegistry.keys()) store.getState().addNode(op, { x: 0, y: 0 });
    expect(store.getState().model.nodes.map((n) => n.op)).toContain('expr');
    expect(store.getState().evaluation.problems).toEqual([]);
    const mlp = store.getState().model.nodes.find((n) => n.op === 'mlp')!;
    expect(mlp.attrs).toEqual({ sizes: [4, 1] });
  });

  it('says an unwired layer waits on its own port, not on a primitive inside it', () => {
    const store = createEditorStore();
    const s = () => store.getState();
    const d = s().addNode('dense', { x: 0, y: 0 });
    s().updateNode(d, { label: 'hidden' });
    const sig = s().addNode('sigmoid', { x: 300, y: 0 });
    s().connect({ source: d, target: sig, port: 0 });
    const { results } = s().evaluation;
    const message = `Node "hidden" (id "${d}", dense): input port 0 (x1) has no input.`;
    expect(results.get(d)!.badge).toEqual({ kind: 'incomplete', reason: message });
    expect(results.get(sig)!.badge).toEqual({ kind: 'incomplete', reason: `Waiting on "hidden" (id "${d}"), which is incomplete.` });
    // Where empty ports are errors (the CLI's validate), the same one problem, for the layer.
    const { problems } = checkGraph({ ...s().model, loss: sig });
    expect(problems.map((p) => p.message)).toEqual([message]);
  });

  it('computes around a node with a problem, badging it and what waits on it', () => {
    const store = createEditorStore();
    const s = () => store.getState();
    const a = s().addNode('input', { x: 0, y: 0 });
    const b = s().addNode('input', { x: 0, y: 100 });
    const sq = s().addNode('square', { x: 200, y: 100 });
    const m = s().addNode('mlp', { x: 200, y: 0 });
    const t = s().addNode('tanh', { x: 400, y: 0 });
    const n = s().addNode('neg', { x: 600, y: 0 });
    s().updateNode(b, { value: 3 });
    s().connect({ source: a, target: m, port: 0 });
    s().connect({ source: b, target: sq, port: 0 });
    s().connect({ source: m, target: t, port: 0 });
    s().connect({ source: t, target: n, port: 0 });
    expect(s().evaluation.problems).toEqual([]);
    s().updateNode(m, { attrs: { sizes: [] } });
    const { problems, results } = s().evaluation;
    expect(problems.map((p) => p.nodeId)).toEqual([m]);
    // The rest of the graph still computes.
    expect(results.get(a)!.value).toBe(1);
    expect(results.get(sq)!.value).toBe(9);
    expect(results.get(sq)!.badge).toBeUndefined();
    expect(results.get(m)!.badge).toEqual({ kind: 'invalid', reason: problems[0].message });
    expect(results.get(t)!.badge).toEqual({ kind: 'incomplete', reason: `Waiting on "${m}", which has a problem.` });
    // Further down, still the node with the problem is named: it is what to fix.
    expect(results.get(n)!.badge).toEqual({ kind: 'incomplete', reason: `Waiting on "${m}", which has a problem.` });
    expect(Number.isNaN(results.get(n)!.value)).toBe(true);
    // The edge into the tanh keeps its handle while the MLP is broken.
    expect(results.get(m)!.outputs).toHaveLength(1);
    s().undo();
    expect(s().evaluation.results.get(n)!.badge).toBeUndefined();
  });

  it('finds the problems one problem hid, and still computes the healthy part', () => {
    const store = createEditorStore();
    const s = () => store.getState();
    const a = s().addNode('input', { x: 0, y: 0 });
    const m = s().addNode('mlp', { x: 200, y: 0 });
    const lr = s().addNode('leaky_relu', { x: 200, y: 200 });
    const sq = s().addNode('square', { x: 200, y: 400 });
    s().connect({ source: a, target: m, port: 0 });
    s().connect({ source: a, target: lr, port: 0 });
    s().connect({ source: a, target: sq, port: 0 });
    // A bad layer stops the engine before it checks plain ops' attrs; both are found.
    s().updateNode(m, { attrs: { sizes: [] } });
    s().updateNode(lr, { attrs: { alpha: 'steep' } });
    const { problems, results } = s().evaluation;
    expect(problems.map((p) => p.nodeId).sort()).toEqual([lr, m].sort());
    expect(results.get(lr)!.badge?.kind).toBe('invalid');
    expect(results.get(m)!.badge?.kind).toBe('invalid');
    expect(results.get(sq)!.value).toBe(1);
  });

  it('grows a free handle on variadic ops as each one is used', () => {
    const { s, ids } = buildChainRule();
    expect(s().evaluation.results.get(ids.v)?.ports).toBe(3);
    const d = s().addNode('input', { x: 0, y: 300 });
    expect(s().connect({ source: d, target: ids.v, port: 2 })).toBe(true);
    expect(s().evaluation.results.get(ids.v)?.ports).toBe(4);
    expect(s().evaluation.results.get(ids.J)?.value).toBe(36); // d = 1
  });

  it('grows a paired loss a pair at a time, keeping each prediction with its target', () => {
    const store = createEditorStore();
    const s = () => store.getState();
    const [p1, p2, t1, t2] = [0.5, 2, 1, 4].map((value, i) => {
      const id = s().addNode('input', { x: 0, y: i * 100 });
      s().updateNode(id, { value });
      return id;
    });
    const L = s().addNode('mse', { x: 300, y: 0 });
    const result = () => s().evaluation.results.get(L)!;
    const wired = () =>
      s()
        .model.edges.filter((e) => e.target === L)
        .map((e) => `${e.source}:${e.port}`)
        .sort();
    // Nothing wired: one pair, no free pair yet.
    expect(result()).toMatchObject({ ports: 2 });
    expect(result().freePair).toBeUndefined();
    s().connect({ source: p1, target: L, port: 0 });
    expect(result().freePair).toBeUndefined();
    s().connect({ source: t1, target: L, port: 1 });
    // Every pair wired: a free pair shows, p2 and t2 in the numbering after growing.
    expect(result()).toMatchObject({ ports: 4, freePair: true, portNames: ['p1', 'p2', 't1', 't2'] });
    expect(result().value).toBeCloseTo(0.25, 12);
    // Wiring t2 first: t1 moves to port 2, t2 is port 3, and p2 still needs an input.
    expect(s().connect({ source: t2, target: L, port: 3, newPair: true })).toBe(true);
    expect(wired()).toEqual([`${p1}:0`, `${t1}:2`, `${t2}:3`]);
    expect(result()).toMatchObject({ ports: 4, badge: { kind: 'incomplete' } });
    expect(result().freePair).toBeUndefined();
    s().connect({ source: p2, target: L, port: 1 });
    // ((0.5 - 1)^2 + (2 - 4)^2) / 2
    expect(result().value).toBeCloseTo(2.125, 12);
    expect(result()).toMatchObject({ ports: 6, freePair: true });
    // One undo step per connection, growth included.
    s().undo();
    s().undo();
    expect(wired()).toEqual([`${p1}:0`, `${t1}:1`]);
    s().redo();
    s().redo();
    // Removing a whole pair packs the rest: p2 and t2 become the first pair.
    s().removeNodes([p1, t1]);
    expect(wired()).toEqual([`${p2}:0`, `${t2}:1`]);
    expect(result().value).toBeCloseTo(4, 12);
    // Removing one end keeps the pair, waiting for a new input there.
    s().removeEdges(
      s()
        .model.edges.filter((e) => e.source === p2)
        .map(edgeKey),
    );
    expect(wired()).toEqual([`${t2}:1`]);
  });

  it('refuses a connection that closes a cycle, naming it, and leaves the model unchanged', () => {
    const { s, ids } = buildChainRule();
    const before = s().model;
    expect(s().connect({ source: ids.J, target: ids.u, port: 0 })).toBe(false);
    expect(s().model).toBe(before);
    const notice = s().notices.at(-1)!;
    expect(notice.kind).toBe('error');
    expect(notice.details[0]).toBe('The graph has a cycle: "mul1" -> "add1" -> "mul2" -> "mul1". A computational graph must be acyclic.');
    // Named by the labels on the cards, with ids where they differ.
    s().updateNode(ids.J, { label: 'J' });
    expect(s().connect({ source: ids.J, target: ids.u, port: 0 })).toBe(false);
    expect(s().notices.at(-1)!.details[0]).toBe(
      `The graph has a cycle: "mul1" -> "add1" -> "J" (id "${ids.J}") -> "mul1". A computational graph must be acyclic.`,
    );
  });

  it('replaces the edge in an occupied port, undoably', () => {
    const { s, ids } = buildChainRule();
    const d = s().addNode('input', { x: 0, y: 300 });
    s().updateNode(d, { value: 10 });
    expect(s().connect({ source: d, target: ids.u, port: 0 })).toBe(true);
    const intoU = s().model.edges.filter((e) => e.target === ids.u && e.port === 0);
    expect(intoU).toEqual([{ source: d, target: ids.u, port: 0 }]);
    expect(s().evaluation.results.get(ids.J)?.value).toBe(3 * (5 + 20));
    s().undo();
    expect(s().model.edges.filter((e) => e.target === ids.u && e.port === 0)[0].source).toBe(ids.b);
    expect(s().evaluation.results.get(ids.J)?.value).toBe(33);
  });

  it('undoes and redoes deletes, restoring edges and values', () => {
    const { s, ids } = buildChainRule();
    s().setSelection([ids.u]);
    s().removeSelection();
    expect(s().model.nodes.some((n) => n.id === ids.u)).toBe(false);
    expect(s().model.edges.some((e) => e.source === ids.u || e.target === ids.u)).toBe(false);
    expect(s().evaluation.results.get(ids.J)?.badge?.kind).toBe('incomplete');
    s().undo();
    expect(s().model.nodes.some((n) => n.id === ids.u)).toBe(true);
    expect(s().evaluation.results.get(ids.J)?.value).toBe(33);
    s().redo();
    expect(s().model.nodes.some((n) => n.id === ids.u)).toBe(false);
  });

  it('records a drag as one undo step', () => {
    const { s, ids } = buildChainRule();
    const steps = s().history.past.length;
    s().beginGesture('Move');
    for (let i = 1; i <= 50; i++)
      s().moveNodes([
        { id: ids.a, position: { x: i * 3, y: i } },
        { id: ids.b, position: { x: i * 3, y: 100 + i } },
      ]);
    s().endGesture();
    expect(s().history.past.length).toBe(steps + 1);
    expect(s().model.nodes.find((n) => n.id === ids.a)?.position).toEqual({ x: 150, y: 50 });
    s().undo();
    expect(s().model.nodes.find((n) => n.id === ids.a)?.position).toEqual({ x: 0, y: 0 });
    expect(s().model.nodes.find((n) => n.id === ids.b)?.position).toEqual({ x: 0, y: 100 });
    s().redo();
    expect(s().model.nodes.find((n) => n.id === ids.b)?.position).toEqual({ x: 150, y: 150 });
  });

  it('keeps at least 100 undo steps', () => {
    let t = 0;
    const store = createEditorStore({ now: () => (t += 5000) });
    const id = store.getState().addNode('input', { x: 0, y: 0 });
    for (let i = 1; i <= 150; i++) store.getState().updateNode(id, { value: i });
    expect(HISTORY_LIMIT).toBeGreaterThanOrEqual(100);
    for (let i = 0; i < 120; i++) store.getState().undo();
    expect(store.getState().model.nodes[0].value).toBe(30);
  });

  it('merges quick typing into one field into one step', () => {
    let t = 0;
    const store = createEditorStore({ now: () => (t += 100) });
    const id = store.getState().addNode('input', { x: 0, y: 0 });
    for (const v of [0, 0.2, 0.25]) store.getState().updateNode(id, { value: v });
    store.getState().undo();
    expect(store.getState().model.nodes[0].value).toBe(1);
  });

  it('copies, pastes with fresh ids and duplicates', () => {
    const { s, ids } = buildChainRule();
    s().setSelection([ids.b, ids.c, ids.u]);
    s().copy();
    s().paste();
    const pasted = [...s().selectedNodes];
    expect(pasted).toHaveLength(3);
    expect(pasted.some((id) => Object.values(ids).includes(id))).toBe(false);
    expect(s().model.edges.filter((e) => pasted.includes(e.target))).toHaveLength(2);
    s().duplicate();
    expect(s().model.nodes).toHaveLength(13);
  });

  it('preserves unknown fields and node ids from files', () => {
    const m = sample('chain-rule');
    const withExtra = { ...m, custom: { keep: true }, nodes: m.nodes.map((n) => ({ ...n, note: `n-${n.id}` })) };
    const store = createEditorStore();
    expect(store.getState().openText(JSON.stringify(withExtra), 'x.json')).toBe(true);
    store.getState().updateNode('a', { value: 7 });
    const saved = JSON.parse(serializeModel(store.getState().model));
    expect(saved.custom).toEqual({ keep: true });
    expect(saved.nodes.map((n: { id: string }) => n.id)).toEqual(m.nodes.map((n) => n.id));
    expect(saved.nodes[0].note).toBe('n-a');
  });

  it('refuses a bad file with the engine messages and keeps the graph', () => {
    const store = createEditorStore({ initialModel: sample('chain-rule') });
    const before = store.getState().model;
    expect(store.getState().openText('{"format":"graphgrad","version":1,"nodes":[{"id":"x","op":"nope"}],"edges":[]}', 'bad.json')).toBe(false);
    expect(store.getState().model).toBe(before);
    expect(store.getState().notices.at(-1)?.details.join('\n')).toMatch(/unknown op "nope"/);
    expect(store.getState().openText('{not json', 'broken.json')).toBe(false);
    expect(store.getState().notices.at(-1)?.details[0]).toMatch(/Not valid JSON/);
    expect(store.getState().model).toBe(before);
  });

  it('opening a file is undoable', () => {
    const store = createEditorStore({ initialModel: sample('chain-rule') });
    store.getState().openText(JSON.stringify(sample('neuron')), 'neuron.json');
    expect(store.getState().model.name).toMatch(/neuron/);
    store.getState().undo();
    expect(store.getState().model.name).toBe('J = 3(a + bc)');
  });

  it('a Use-as-loss choice drives the gradients', () => {
    const store = createEditorStore({ initialModel: sample('chain-rule') });
    store.getState().setLoss('v');
    expect(store.getState().evaluation.results.get('b')?.grad).toBe(2);
    expect(store.getState().evaluation.results.get('J')?.grad).toBeUndefined();
  });
});

describe('autosave', () => {
  it('round-trips a graph', () => {
    const storage = memoryStorage();
    writeAutosave(storage, sample('neuron'));
    const r = restoreAutosave(storage);
    expect(r.kind).toBe('ok');
    if (r.kind === 'ok') expect(r.model).toEqual(sample('neuron'));
  });

  it('says when storage refuses a write, and the last stored graph stays', () => {
    const storage = memoryStorage();
    expect(writeAutosave(storage, sample('neuron'))).toBe(true);
    const full: KeyValueStorage = {
      ...storage,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
    };
    expect(writeAutosave(full, sample('chain-rule'))).toBe(false);
    const r = restoreAutosave(storage);
    expect(r.kind === 'ok' && r.model).toEqual(sample('neuron'));
  });

  it('keeps a stored graph that fails validation aside, never dropping it', () => {
    const storage = memoryStorage();
    const bad =
      '{"format":"graphgrad","version":1,"nodes":[{"id":"a","op":"add"},{"id":"b","op":"add"}],"edges":[{"source":"a","target":"b","port":0},{"source":"b","target":"a","port":0}]}';
    storage.setItem(AUTOSAVE_KEY, bad);
    const r = restoreAutosave(storage, 1234);
    expect(r.kind).toBe('rejected');
    if (r.kind !== 'rejected') return;
    expect(r.keptAs).toBe(`${REJECTED_PREFIX}1234`);
    expect(storage.getItem(`${REJECTED_PREFIX}1234`)).toBe(bad);
    expect(storage.getItem(AUTOSAVE_KEY)).toBeNull();
    expect(r.problems[0].message).toMatch(/cycle/);
  });

  it('keeps a large invalid graph aside even when storage has no room for two copies of it', () => {
    // 3M characters of invalid JSON in a 5M-character store: a copy beside the original does not fit.
    const big = `{"format":"graphgrad","version":1,"name":"${'x'.repeat(3_000_000)}",`;
    const storage = memoryStorage(5_000_000);
    storage.setItem(AUTOSAVE_KEY, big);
    const r = restoreAutosave(storage, 99);
    expect(r.kind).toBe('rejected');
    expect(r.kind === 'rejected' && r.keptAs).toBe(`${REJECTED_PREFIX}99`);
    expect(storage.getItem(`${REJECTED_PREFIX}99`)).toBe(big);
  });

  it('leaves a graph it cannot move in place, and says so, rather than lose it', () => {
    const big = `{"format":"graphgrad","version":1,"name":"${'x'.repeat(1000)}",`;
    // Room for the text under the autosave key, not under the longer kept-aside key.
    const storage = memoryStorage(AUTOSAVE_KEY.length + big.length + 5);
    storage.setItem(AUTOSAVE_KEY, big);
    const r = restoreAutosave(storage, 99);
    expect(r.kind === 'rejected' && r.keptAs).toBeUndefined();
    expect(r.kind === 'rejected' && r.text).toBe(big);
    expect(storage.getItem(AUTOSAVE_KEY)).toBe(big);
  });

  it('keeps a graph whose validation throws aside, with the reason', () => {
    // Hundreds of thousands of nested arrays: whatever the parser makes of it, the text is kept.
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const storage = memoryStorage();
    storage.setItem(AUTOSAVE_KEY, deep);
    const r = restoreAutosave(storage, 7);
    expect(r.kind).toBe('rejected');
    expect(storage.getItem(`${REJECTED_PREFIX}7`)).toBe(deep);
  });

  it('reports nothing stored', () => {
    expect(restoreAutosave(memoryStorage()).kind).toBe('none');
  });
});
