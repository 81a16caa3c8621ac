import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  buildGraph,
  checkGraph,
  createTrainer,
  DATASET_NAMES,
  expandMacros,
  getOp,
  makeDataset,
  MAX_MODEL_EDGES,
  MAX_MODEL_NODES,
  MAX_POINTS,
  parseCsv,
  resolveSettings,
  Session,
  validateModel,
  validateModelText,
  type Graph,
  type Model,
  type ModelEdge,
  type ModelNode,
} from '../graph-engine/index.ts';
import { expandMacroNode } from '../graph-engine/macros/expand.ts';
import { table } from '../graph-engine/cli/io.ts';
import { teachingUnits } from '../src/modes/teach/units.ts';
import { loadSample } from './support/load-sample.ts';

const model = (nodes: ModelNode[], edges: ModelEdge[], loss?: string): Model => ({ format: 'graphgrad', version: 1, nodes, edges, ...(loss ? { loss } : {}) });

/** k inputs wired into one macro node `m`. */
function oneLayer(node: { op: string; id?: string; label?: string; attrs?: Record<string, unknown> }, k = 1): Model {
  const id = node.id ?? 'm';
  const inputs: ModelNode[] = Array.from({ length: k }, (_, i) => ({ id: `x${i}`, op: 'input', value: 1 }));
  return model(
    [...inputs, { ...node, id }],
    inputs.map((x, i) => ({ source: x.id, target: id, port: i })),
    id,
  );
}

/** Validates, returning the problems and the time taken (reported, not asserted: machines differ). */
function timed(m: Model | string, label: string) {
  const t0 = performance.now();
  const r = typeof m === 'string' ? validateModelText(m) : validateModel(m);
  console.log(`${label}: refused in ${(performance.now() - t0).toFixed(1)} ms`);
  return r;
}

describe('layer sizes are counted before anything is built', () => {
  // Before: validate ran 113 s then ran out of heap (1,000,000 units); the 2,000-layer mlp ran past
  // 120 s; 100,000 units passed after 17 s and 1.2 GB.
  it('refuses a 1,000,000-unit dense layer from a 188-byte file, naming the layer and its size', () => {
    const text = JSON.stringify(oneLayer({ op: 'dense', attrs: { units: 1_000_000 }, id: 'd' }));
    expect(text.length).toBeLessThan(200);
    const r = timed(text, '1,000,000-unit dense');
    expect(r.graph).toBeUndefined();
    expect(r.problems).toHaveLength(1);
    // Per unit with k = 1 and no activation: 1 weight, 1 product, 1 bias, 1 sum = 4 nodes;
    // edges 2 into the product, 2 into the sum = 4. Parameters: 2 per unit.
    expect(r.problems[0].message).toBe(
      'Node "d" (dense): this layer (1,000,000 units on 1 input) would expand into 4,000,000 nodes and 4,000,000 edges (2,000,000 parameters); GraphGrad builds models of up to 20,000 nodes and 100,000 edges. Use fewer or narrower layers.',
    );
    expect(r.problems[0].nodeId).toBe('d');
  });

  it('refuses a deep mlp (2,000 layers of 64) from a 6 KB file', () => {
    const text = JSON.stringify(oneLayer({ op: 'mlp', attrs: { sizes: Array(2000).fill(64) }, label: 'Deep', id: 'net' }));
    const r = timed(text, '2,000 x 64 mlp');
    expect(r.problems).toHaveLength(1);
    // Layer 1: 64 units on 1 input, tanh: 64 * (2 + 2 + 1) = 320 nodes. Layers 2..1999: 64 * (128 + 3)
    // = 8,384 each. Last (no activation): 64 * (128 + 2) = 8,320. 320 + 1998 * 8384 + 8320 = 16,759,872.
    expect(r.problems[0].message).toContain(
      'Node "Deep" (id "net", mlp): this layer (2,000 layers up to 64 units wide on 1 input) would expand into 16,759,872 nodes',
    );
  });

  it('refuses an mlp of 100,000 units', () => {
    const r = timed(oneLayer({ op: 'mlp', attrs: { sizes: [100_000] } }), '100,000-unit mlp');
    expect(r.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('Node "m" (mlp): this layer (sizes [100,000] on 1 input) would expand into 400,000 nodes'),
    ]);
  });

  it('refuses absurd widths without overflowing the message', () => {
    const r = timed(oneLayer({ op: 'dense', attrs: { units: 1e300 } }, 3), '1e300 units');
    // Per unit with k = 3: 3 weights, 3 products, a bias and a sum = 8 nodes; 6 + 4 = 10 edges.
    expect(r.problems[0].message).toContain('(1.00e+300 units on 3 inputs) would expand into 8.00e+300 nodes and 1.00e+301 edges (4.00e+300 parameters)');
  });

  it('refuses a model whose layers are each within the limit but not together, naming the largest', () => {
    // dense on 1 input: 4 nodes and 4 edges per unit. 3,000 + 2,000 units: 20,000 nodes + the input,
    // 20,000 edges (the two file edges into the layers are replaced by the ones counted inside).
    const m = model(
      [
        { id: 'x', op: 'input', value: 1 },
        { id: 'a', op: 'dense', attrs: { units: 3000 } },
        { id: 'b', op: 'dense', label: 'B', attrs: { units: 2000 } },
      ],
      [
        { source: 'x', target: 'a', port: 0 },
        { source: 'x', target: 'b', port: 0 },
      ],
      'a',
    );
    const r = timed(m, 'two layers');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].message).toBe(
      'The layers of this model would expand into 20,001 nodes and 20,000 edges in all; GraphGrad builds models of up to 20,000 nodes and 100,000 edges. Largest: "a" (dense) 12,000 nodes (3,000 units on 1 input); "B" (id "b", dense) 8,000 nodes (2,000 units on 1 input). Use fewer or narrower layers.',
    );
    // One node fewer fits (the file's input plus 19,999 = 20,000).
    const fits = model(
      m.nodes.map((n) => (n.id === 'b' ? { ...n, attrs: { units: 1999 } } : n)),
      m.edges,
      'a',
    );
    // 1 + 12,000 + 7,996 = 19,997 nodes.
    expect(validateModel(fits).problems).toEqual([]);
  });

  it('counts what the editor paths expand too (allowIncomplete, expand in place, unwired inputs)', () => {
    const m = oneLayer({ op: 'dense', attrs: { units: 1_000_000 } });
    expect(checkGraph(m, { allowIncomplete: true }).problems[0].message).toContain('would expand into 4,000,000 nodes');
    expect(expandMacroNode(m, 'm').problems[0].message).toContain('would expand into 4,000,000 nodes');
    const unwired = model([{ id: 'm', op: 'dense', attrs: { units: 1_000_000 } }], []);
    expect(checkGraph(unwired, { allowIncomplete: true }).problems[0].message).toContain('would expand into 4,000,000 nodes');
  });

  it('refuses a wide layer made by wiring one high port, without listing every port', () => {
    // port 99,999 of a dense layer: 100,000 inputs, 1 unit: 2 * 100,000 + 2 = 200,002 nodes.
    const m = model(
      [
        { id: 'x', op: 'input', value: 1 },
        { id: 'm', op: 'dense' },
      ],
      [{ source: 'x', target: 'm', port: 99_999 }],
      'm',
    );
    const r = timed(m, 'dense wired at port 99,999');
    expect(r.problems.map((p) => p.message).join('\n')).toContain(
      'input ports 0 (x1), 1 (x2), 2 (x3), 3 (x4), 4 (x5), 5 (x6), 6 (x7), 7 (x8), … (99,999 in all) have no input',
    );
    expect(r.problems.map((p) => p.message).join('\n')).toContain('(1 unit on 100,000 inputs) would expand into 200,002 nodes');
    expect(r.problems.map((p) => p.message).join('\n').length).toBeLessThan(1000);
  });

  it('refuses port numbers no model within the limits can fill, and many gaps at once', () => {
    const m = model(
      [
        { id: 'x', op: 'input', value: 1 },
        { id: 's', op: 'add' },
      ],
      [{ source: 'x', target: 's', port: MAX_MODEL_EDGES }],
      's',
    );
    expect(validateModel(m).problems[0].message).toBe('edges[0].port: must be below 100,000 (the most edges a model may have)');
    // 2,000 add nodes each wired at port 99,999 alone would ask for 200 million input slots.
    const nodes: ModelNode[] = [{ id: 'x', op: 'input', value: 1 }];
    const edges: ModelEdge[] = [];
    for (let i = 0; i < 2000; i++) {
      nodes.push({ id: `s${i}`, op: 'add' });
      edges.push({ source: 'x', target: `s${i}`, port: 99_999 });
    }
    const r = timed(model(nodes, edges, 's0'), '2,000 adds at port 99,999');
    // Each add: 100,000 slots for 1 edge and at least 2 ports: 99,998 gaps; 2,000 of them: 199,996,000.
    expect(r.problems[0].message).toMatch(
      /^Ports are numbered from 0 without gaps, but 199,996,000 ports below wired ones are empty: "s\d+" \(add\) is wired up to port 99,999 on 1 edge/,
    );
    // One such node is allowed (the editor shows it incomplete), with a short message.
    const one = checkGraph(model(nodes.slice(0, 2), edges.slice(0, 1), 's0'));
    expect(one.problems[0].message).toBe(
      'Node "s0" (add): ports 0 (x1), 1 (x2), 2 (x3), 3 (x4), 4 (x5), 5 (x6), 6 (x7), 7 (x8), … (99,999 in all) have no input.',
    );
  });

  it('the predicted size equals what expansion builds, for random small layers', () => {
    const activation = fc.constantFrom('none', 'tanh', 'relu', 'sigmoid', 'leaky_relu');
    const layer = fc.oneof(
      fc.record({ op: fc.constant('dense'), attrs: fc.record({ units: fc.integer({ min: 1, max: 6 }), activation }) }),
      fc.record({ op: fc.constant('neuron'), attrs: fc.record({ activation }) }),
      fc.record({
        op: fc.constant('mlp'),
        attrs: fc.record({ sizes: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }), activation, outputActivation: activation }),
      }),
      fc.record({ op: fc.constant('softmax'), attrs: fc.constant({}) }),
    );
    fc.assert(
      fc.property(layer, fc.integer({ min: 1, max: 6 }), (node, k0) => {
        const k = node.op === 'softmax' ? Math.max(k0, 2) : k0;
        const m = oneLayer(node, k);
        const ex = expandMacros(m);
        expect(ex.problems).toEqual([]);
        const mine = ex.model.nodes.filter((n) => ex.origin.get(n.id) === 'm');
        const built = {
          nodes: mine.length,
          edges: ex.model.edges.filter((e) => ex.origin.get(e.target) === 'm').length,
          params: mine.filter((n) => n.op === 'param').length,
        };
        const def = getOp(node.op)!.macro!;
        const { shape: _shape, ...predicted } = def.size(def.settings.parse(node.attrs), k);
        expect(predicted).toEqual(built);
        // And the file's inputs plus the expansion is what the graph holds.
        expect(checkGraph(m).graph!.nodes.length).toBe(k + built.nodes);
      }),
      { numRuns: 200 },
    );
  });

  it('documents the limits it checks', () => {
    expect([MAX_MODEL_NODES, MAX_MODEL_EDGES]).toEqual([20_000, 100_000]);
  });
});

describe('no array is spread into function arguments', () => {
  // Spreading more than about 120,000 values into Math.max or push overflows V8's stack (fewer in
  // some browsers); each case below did, before. buildGraph is the engine without the file limits.
  const BIG = 150_000;

  it('builds a node with 150,000 wired ports', () => {
    const nodes: ModelNode[] = [
      { id: 'x', op: 'input', value: 1 },
      { id: 's', op: 'sum' },
    ];
    const edges: ModelEdge[] = Array.from({ length: BIG }, (_, p) => ({ source: 'x', target: 's', port: p }));
    const g = buildGraph(model(nodes, edges, 's'));
    expect(g.nodes[1].inputs.length).toBe(BIG);
    // sum of 150,000 ones
    const s = new Session(g);
    s.forward();
    expect(s.value(1)).toBe(BIG);
  });

  it('reports a 150,000-node cycle in a short message starting at the first node', () => {
    const nodes: ModelNode[] = Array.from({ length: BIG }, (_, i) => ({ id: `n${i}`, op: 'identity' }));
    const edges: ModelEdge[] = nodes.map((n, i) => ({ source: n.id, target: nodes[(i + 1) % BIG].id, port: 0 }));
    const r = checkGraph(model(nodes, edges, 'n0'));
    expect(r.problems.map((p) => p.message)).toEqual([
      'The graph has a cycle: "n0" -> "n1" -> "n2" -> "n3" -> "n4" -> "n5" -> "n6" -> "n7" -> … (150,000 nodes) -> "n0". A computational graph must be acyclic.',
    ]);
  });

  it('refuses a layer with 150,000 wired inputs as too large', () => {
    const nodes: ModelNode[] = [
      { id: 'x', op: 'input', value: 1 },
      { id: 'm', op: 'dense' },
    ];
    const edges: ModelEdge[] = Array.from({ length: BIG }, (_, p) => ({ source: 'x', target: 'm', port: p }));
    expect(checkGraph(model(nodes, edges, 'm')).problems[0].message).toContain('(1 unit on 150,000 inputs) would expand into 300,002 nodes');
  });

  it('groups a collapsed layer of 200,000 primitives into one teaching unit', () => {
    const N = 200_000;
    const graph = {
      nodes: Array.from({ length: N + 1 }, (_, i) => (i < N ? { index: i, id: `m/n${i}`, origin: 'm' } : { index: i, id: 'out' })),
      edges: [],
      order: Int32Array.from({ length: N + 1 }, (_, i) => i),
    } as unknown as Graph;
    const u = teachingUnits(graph);
    expect(u.members.get('m')!.length).toBe(N);
    expect(Array.from(u.graph.order)).toEqual(Array.from({ length: N + 1 }, (_, i) => i));
  });

  it('prints a CLI table of 150,000 rows', () => {
    const rows = Array.from({ length: BIG }, (_, i) => [`n${i}`, 'x']);
    const text = table(['node', 'op'], rows);
    // widest cell: "n149999", 7 characters
    expect(text.split('\n')[1]).toBe('-------  --');
  });
});

describe('training sizes are bounded', () => {
  it('caps points and batch size in the training block, naming the field', () => {
    // Before: --points 300000000 ran out of memory after 72 s.
    const m = { ...loadSample('spiral-mlp'), training: { dataset: 'spiral', points: 300_000_000 } };
    expect(resolveSettings(m).problems.map((p) => p.message)).toEqual(['training.points: must be at most 100,000 (the largest data set GraphGrad makes)']);
    expect(() => createTrainer(m)).toThrow('training.points: must be at most 100,000');
    // The file's block is checked first; overrides (CLI flags, the editor's controls) after.
    expect(resolveSettings(m, { points: 10 }).problems).toHaveLength(1);
    const ok = { ...m, training: { dataset: 'spiral' } };
    expect(resolveSettings(ok, { points: 100_000, batchSize: 100_001 }).problems.map((p) => p.message)).toEqual([
      'batchSize: must be at most 100,000 (the largest data set GraphGrad makes)',
    ]);
    expect(resolveSettings(ok, { points: MAX_POINTS }).settings?.points).toBe(100_000);
  });

  it('every built-in data set makes up to 100,000 points and refuses more', () => {
    for (const name of DATASET_NAMES) {
      expect(() => makeDataset(name, { points: MAX_POINTS + 1 }), name).toThrow(`points must be a whole number from 1 to 100,000 (got 100001)`);
    }
    // The largest: 100,000 digits (74 columns), generated once.
    const t0 = performance.now();
    const ds = makeDataset('glyph-digits', { points: MAX_POINTS });
    console.log(`100,000 digits: ${(performance.now() - t0).toFixed(0)} ms`);
    expect(ds.rows).toBe(MAX_POINTS);
  });

  it('a CSV holds at most 100,000 data rows, and the message names the line after', () => {
    const ok = `x,y\n${'1,2\n'.repeat(MAX_POINTS)}\n\n`;
    expect(parseCsv(ok).rows).toBe(MAX_POINTS);
    // header on line 1, rows on lines 2..100,001: line 100,002 is one too many.
    expect(() => parseCsv(`${ok.trimEnd()}\n3,4\n`, 'big.csv')).toThrow(
      'big.csv: line 100002: the file has more than 100,000 data rows, the most GraphGrad trains on.',
    );
  });

  it('refuses a batch whose values (nodes × batch) would not fit, with the largest that does', () => {
    const digits = loadSample('digits-mlp');
    const N = buildGraph(digits).nodes.length;
    const B = 4000; // 5,000 points, 20% test: 4,000 training rows
    expect(() => createTrainer(digits, { overrides: { points: 5000, batchSize: B } })).toThrow(
      `Batch size 4,000 is too large for this model: 4,000 samples × ${N.toLocaleString('en')} graph nodes (layers expanded) is ${(N * B).toLocaleString('en')} values per pass; GraphGrad trains with up to 8,000,000. Use a batch size of at most ${Math.floor(8_000_000 / N).toLocaleString('en')}.`,
    );
    expect(N * Math.floor(8_000_000 / N)).toBeLessThanOrEqual(8_000_000);
    expect(createTrainer(digits, { overrides: { points: 5000, batchSize: Math.floor(8_000_000 / N) } }).batchSize).toBe(Math.floor(8_000_000 / N));
  });
});

describe('attr values and nesting are bounded', () => {
  // Built as text: JSON.stringify itself overflows the stack on 5,000 levels.
  const nested = (levels: number) => `${'['.repeat(levels)}1${']'.repeat(levels)}`;
  const text = (node: string) => `{"format":"graphgrad","version":1,"nodes":[{"id":"x","op":"input","value":1},${node}],"edges":[],"loss":"x"}`;
  const messages = (t: string) => validateModelText(t).problems.map((p) => p.message);

  it('refuses a 5,000-deep array in attrs, naming the node and field', () => {
    // Before: accepted, then immer's recursive freeze overflowed the stack in the app.
    expect(messages(text(`{"id":"r","op":"const","value":2,"attrs":{"alpha":${nested(5000)}}}`))).toEqual([
      'nodes[1].attrs.alpha (node "r"): is nested more than 4 levels deep; attrs nest at most 4 (an mlp\'s weights W are 3)',
    ]);
  });

  it('allows 4 levels (a stored mlp W is 3), refuses 5', () => {
    expect(messages(text(`{"id":"r","op":"const","value":2,"attrs":{"note":${nested(4)}}}`))).toEqual([]);
    expect(messages(text(`{"id":"r","op":"const","value":2,"attrs":{"note":${nested(5)}}}`))).toHaveLength(1);
    // Objects count as levels too.
    expect(messages(text(`{"id":"r","op":"const","value":2,"attrs":{"note":{"a":{"b":{"c":{"d":{}}}}}}}`))).toEqual([
      expect.stringContaining('nodes[1].attrs.note (node "r"): is nested more than 4 levels'),
    ]);
  });

  it('refuses attrs of more than 100,000 values or a text of more than 10,000 characters', () => {
    expect(messages(text(`{"id":"r","op":"const","value":2,"attrs":{"big":[${Array(100_000).fill(0).join(',')}]}}`))).toEqual([
      'nodes[1].attrs.big (node "r"): holds more than 100,000 values; attrs hold settings and a layer\'s weights, at most 100,000 values each',
    ]);
    expect(messages(text(`{"id":"r","op":"const","value":2,"attrs":{"big":[${Array(99_999).fill(0).join(',')}]}}`))).toEqual([]);
    expect(messages(text(`{"id":"r","op":"const","value":2,"attrs":{"expression":"${'x'.repeat(10_001)}"}}`))).toEqual([
      'nodes[1].attrs.expression (node "r"): is a text of 10,001 characters; attr texts are at most 10,000',
    ]);
  });

  it('refuses deep nesting in fields it does not know, which it keeps', () => {
    expect(messages(text(`{"id":"r","op":"relu","meta":${nested(5000)}}`))).toEqual([
      'nodes[1].meta[0][0][0]… (node "r"): nested more than 32 levels deep; a model\'s JSON nests far less.',
    ]);
    expect(messages(text(`{"id":"r","op":"relu"}],"extra":[${nested(40)}],"nodes2":[`))).toEqual([
      "extra[0][0][0][0][0]…: nested more than 32 levels deep; a model's JSON nests far less.",
    ]);
    expect(messages(text(`{"id":"r","op":"const","value":2,"meta":${nested(28)}}`))).toEqual([]);
  });
});
