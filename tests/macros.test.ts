import { describe, expect, it } from 'vitest';
import { buildGraph, checkGraph, getOp, outputNode, Session, Stepper, type Model, type ModelEdge, type ModelNode } from '../graph-engine/index.ts';
import { expandMacroNode, initMacroParams, withParams } from '../graph-engine/macros/expand.ts';

const model = (nodes: ModelNode[], edges: ModelEdge[], loss = 'L'): Model => ({ format: 'graphgrad', version: 1, nodes, edges, loss });

const W1 = [
  [0.3, -0.7],
  [0.5, 0.2],
  [-0.4, 0.9],
];
const b1 = [0.1, -0.2, 0.05];
const W2 = [[0.6, -0.3, 0.8]];
const b2 = [-0.1];

/** x1, x2 -> dense(3, tanh) -> dense(1, sigmoid) -> mse against y, with macros. */
function macroModel(): Model {
  return model(
    [
      { id: 'x1', op: 'input', value: 0.4 },
      { id: 'x2', op: 'input', value: -1.3 },
      { id: 'y', op: 'input', value: 1 },
      { id: 'h', op: 'dense', attrs: { units: 3, activation: 'tanh', W: W1, b: b1 } },
      { id: 'o', op: 'dense', attrs: { units: 1, activation: 'sigmoid', W: W2, b: b2 } },
      { id: 'L', op: 'mse' },
    ],
    [
      { source: 'x1', target: 'h', port: 0 },
      { source: 'x2', target: 'h', port: 1 },
      ...[0, 1, 2].map((j) => ({ source: 'h', sourcePort: j, target: 'o', port: j })),
      { source: 'o', target: 'L', port: 0 },
      { source: 'y', target: 'L', port: 1 },
    ],
  );
}

/** The same network wired by hand from primitives, with the same ids. */
function handModel(): Model {
  const nodes: ModelNode[] = [
    { id: 'x1', op: 'input', value: 0.4 },
    { id: 'x2', op: 'input', value: -1.3 },
    { id: 'y', op: 'input', value: 1 },
  ];
  const edges: ModelEdge[] = [];
  const layer = (p: string, ins: string[], W: number[][], b: number[], act: string) =>
    W.map((row, j) => {
      row.forEach((w, i) => {
        nodes.push({ id: `${p}/w${j}_${i}`, op: 'param', value: w }, { id: `${p}/m${j}_${i}`, op: 'mul' });
        edges.push({ source: `${p}/w${j}_${i}`, target: `${p}/m${j}_${i}`, port: 0 }, { source: ins[i], target: `${p}/m${j}_${i}`, port: 1 });
      });
      nodes.push({ id: `${p}/b${j}`, op: 'param', value: b[j] }, { id: `${p}/z${j}`, op: 'add' }, { id: `${p}/a${j}`, op: act });
      row.forEach((_, i) => edges.push({ source: `${p}/m${j}_${i}`, target: `${p}/z${j}`, port: i }));
      edges.push({ source: `${p}/b${j}`, target: `${p}/z${j}`, port: row.length }, { source: `${p}/z${j}`, target: `${p}/a${j}`, port: 0 });
      return `${p}/a${j}`;
    });
  const h = layer('h', ['x1', 'x2'], W1, b1, 'tanh');
  const [o] = layer('o', h, W2, b2, 'sigmoid');
  nodes.push({ id: 'L', op: 'mse' });
  edges.push({ source: o, target: 'L', port: 0 }, { source: 'y', target: 'L', port: 1 });
  return model(nodes, edges);
}

function run(m: Model) {
  const g = buildGraph(m);
  const s = new Session(g, 1);
  s.forward();
  s.backward();
  return { g, s, values: new Map(g.nodes.map((n) => [n.id, s.value(n.index)])), grads: new Map(g.nodes.map((n) => [n.id, s.grad(n.index)])) };
}

describe('layer macros', () => {
  it('are in the op registry under Layers', () => {
    for (const name of ['neuron', 'dense', 'mlp', 'softmax']) {
      const op = getOp(name)!;
      expect(op.category).toBe('Layers');
      expect(op.macro).toBeDefined();
    }
  });

  it('dense macros give identical values and gradients to the hand-built primitive network', () => {
    const a = run(macroModel());
    const b = run(handModel());
    expect([...a.values.keys()].sort()).toEqual([...b.values.keys()].sort());
    for (const [id, v] of b.values) expect(a.values.get(id)).toBe(v);
    for (const [id, g] of b.grads) expect(a.grads.get(id)).toBe(g);
    expect(a.g.nodes[a.g.indexOf.get('h/z1')!].origin).toBe('h');
    expect(a.g.nodes[a.g.indexOf.get('x1')!].origin).toBeUndefined();
  });

  it('an mlp equals the two dense layers it stands for', () => {
    const m = macroModel();
    const mlp = model(
      [
        ...m.nodes.filter((n) => !['h', 'o'].includes(n.id)),
        { id: 'net', op: 'mlp', attrs: { sizes: [3, 1], activations: ['tanh', 'sigmoid'], W: [W1, W2], b: [b1, b2] } },
      ],
      [
        { source: 'x1', target: 'net', port: 0 },
        { source: 'x2', target: 'net', port: 1 },
        { source: 'net', target: 'L', port: 0 },
        { source: 'y', target: 'L', port: 1 },
      ],
    );
    const a = run(mlp);
    const b = run(m);
    expect(a.values.get('L')).toBe(b.values.get('L'));
    expect(a.grads.get('net/l1/w2_1')).toBe(b.grads.get('h/w2_1'));
    expect(a.grads.get('net/l2/b0')).toBe(b.grads.get('o/b0'));
  });

  it('softmax is stable and sums to one; its gradient through cross-entropy is p - y', () => {
    const z = [1000, 1001, 999];
    const m = model(
      [
        ...z.map((v, i) => ({ id: `z${i}`, op: 'input', value: v })),
        { id: 's', op: 'softmax' },
        ...[1, 0, 0].map((v, i) => ({ id: `y${i}`, op: 'input', value: v })),
        { id: 'L', op: 'cross_entropy' },
      ],
      [
        ...z.map((_, i) => ({ source: `z${i}`, target: 's', port: i })),
        ...z.map((_, i) => ({ source: 's', sourcePort: i, target: 'L', port: i })),
        ...z.map((_, i) => ({ source: `y${i}`, target: 'L', port: 3 + i })),
      ],
    );
    const r = run(m);
    const p = [0, 1, 2].map((i) => r.s.value(outputNode(r.g, 's', i)!));
    expect(p.reduce((a, b) => a + b)).toBeCloseTo(1, 12);
    const e = z.map((v) => Math.exp(v - 1001));
    const sum = e.reduce((a, b) => a + b);
    [1, 0, 0].forEach((y, i) => expect(r.grads.get(`z${i}`)).toBeCloseTo(e[i] / sum - y, 10));
  });

  it('neuron expands to readable ids and works with the stepper', () => {
    const m = model(
      [
        { id: 'x1', op: 'input', value: 2 },
        { id: 'n', op: 'neuron', attrs: { activation: 'relu', w: [0.5], b: 1 } },
        { id: 'L', op: 'identity' },
      ],
      [
        { source: 'x1', target: 'n', port: 0 },
        { source: 'n', target: 'L', port: 0 },
      ],
    );
    const st = new Stepper(buildGraph(m));
    st.runBackward();
    expect(st.session.value(st.graph.indexOf.get('n/a')!)).toBe(2);
    expect(st.session.grad(st.graph.indexOf.get('n/w0')!)).toBe(2);
  });

  it('initialisation is seeded, deterministic, stored by initMacroParams and read back by withParams', () => {
    const m = macroModel();
    for (const n of m.nodes) if (n.attrs) n.attrs = { units: n.attrs.units, activation: n.attrs.activation };
    const a = initMacroParams(m, 7);
    const b = initMacroParams(m, 7);
    const c = initMacroParams(m, 8);
    const weightsOf = (x: Model) => x.nodes.find((n) => n.id === 'h')!.attrs!.W as number[][];
    expect(weightsOf(a)).toEqual(weightsOf(b));
    expect(weightsOf(a)).not.toEqual(weightsOf(c));
    const limit = Math.sqrt(6 / (2 + 3)); // Glorot for tanh, fan-in 2, fan-out 3
    for (const row of weightsOf(a)) for (const w of row) expect(Math.abs(w)).toBeLessThanOrEqual(limit);
    const back = withParams(a, (id) => (id === 'h/w1_0' ? 42 : undefined));
    expect(weightsOf(back)[1][0]).toBe(42);
    expect(weightsOf(back)[0][1]).toBe(weightsOf(a)[0][1]);
  });

  it('names the node for bad attrs, a missing output port, and mismatched stored weights', () => {
    const m = macroModel();
    m.nodes.find((n) => n.id === 'h')!.attrs!.activation = 'swish';
    expect(checkGraph(m).problems[0].message).toMatch(/Node "h" \(dense\): attr "activation" must be one of/);
    const m2 = macroModel();
    m2.edges.push({ source: 'h', sourcePort: 5, target: 'L', port: 2 });
    expect(
      checkGraph(m2)
        .problems.map((p) => p.message)
        .join('\n'),
    ).toMatch(/"h" has outputs 0\.\.2; sourcePort 5 does not exist/);
    const m3 = macroModel();
    m3.edges = m3.edges.filter((e) => !(e.target === 'h' && e.port === 1));
    expect(checkGraph(m3).problems[0].message).toMatch(/Node "h" \(dense\): input port 1 \(x2\) has no input/);
    const m4 = macroModel();
    m4.nodes.push({ id: 'x3', op: 'input', value: 1 });
    m4.edges.push({ source: 'x3', target: 'h', port: 2 });
    expect(checkGraph(m4).problems[0].message).toMatch(/stored weights expect 2 inputs but 3 are wired/);
  });

  it('expands one macro in place for the editor, with grid cells and boundary ports', () => {
    const m = macroModel();
    m.nodes.find((n) => n.id === 'h')!.position = { x: 100, y: 50 };
    const { model: ex, instance } = expandMacroNode(m, 'h');
    expect(ex.nodes.some((n) => n.id === 'o')).toBe(true); // other macros stay collapsed
    // Unit j's weights w_j0, w_j1 and bias b_j take rows 3j..3j+2; columns: w, mul and b, z, a.
    expect(instance!.place['h/w0_0']).toEqual({ col: 0, row: 0 });
    expect(instance!.place['h/b1']).toEqual({ col: 1, row: 5 });
    expect(instance!.place['h/a2']).toEqual({ col: 3, row: 7 });
    // Canvas positions are the editor's to choose from the cells (store/macroEdits.ts).
    expect(ex.nodes.find((n) => n.id === 'h/w0_0')!.position).toBeUndefined();
    expect(instance!.outputs).toEqual(['h/a0', 'h/a1', 'h/a2']);
    expect(instance!.inputConsumers[1]).toContainEqual({ node: 'h/m2_1', port: 1 });
    expect(ex.edges).toContainEqual({ source: 'h/a2', target: 'o', port: 2 });
    expect(buildGraph(ex).nodes.length).toBe(buildGraph(m).nodes.length);
  });
});

describe('reading a collapsed macro', () => {
  it('gives each output port value and gradient and the params', async () => {
    const { readMacro, nodesByMacro } = await import('../graph-engine/index.ts');
    const a = run(macroModel());
    const r = readMacro(a.g, a.s, 'h')!;
    expect(r.outputs.map((o) => o.node)).toEqual(['h/a0', 'h/a1', 'h/a2']);
    expect(r.outputs[1].value).toBe(a.values.get('h/a1'));
    expect(r.outputs[1].grad).toBe(a.grads.get('h/a1'));
    expect(r.params).toHaveLength(9);
    expect(nodesByMacro(a.g).get('o')!.length).toBe(a.g.macros.get('o')!.nodes.length);
  });
});

describe('macro settings, declared once in the schemas', () => {
  /** x1, x2 -> one macro node `h` (label "Hidden"). */
  const layer = (op: string, attrs: Record<string, unknown>): Model =>
    model(
      [
        { id: 'x1', op: 'input', value: 1 },
        { id: 'x2', op: 'input', value: -2 },
        { id: 'h', op, label: 'Hidden', attrs },
      ],
      [
        { source: 'x1', target: 'h', port: 0 },
        { source: 'x2', target: 'h', port: 1 },
      ],
      'h',
    );
  const messages = (m: Model) => checkGraph(m).problems.map((p) => [p.path, p.message]);

  it('names the node and the attr, down to the entry, for values the schema refuses', () => {
    expect(messages(layer('dense', { units: 2.5, activation: 'swish', alpha: 'x' }))).toEqual([
      ['nodes[2].attrs.units', 'Node "Hidden" (id "h", dense): attr "units" must be a whole number of at least 1 (got 2.5).'],
      [
        'nodes[2].attrs.activation',
        'Node "Hidden" (id "h", dense): attr "activation" must be one of none, sigmoid, tanh, relu, leaky_relu, elu, step (got "swish").',
      ],
      ['nodes[2].attrs.alpha', 'Node "Hidden" (id "h", dense): attr "alpha" must be a finite number (got "x").'],
    ]);
    expect(messages(layer('mlp', { sizes: [3, 0, 'x'], W: [[[1, 'a']]] }))).toEqual([
      // One problem per attr: the first bad entry.
      ['nodes[2].attrs.sizes[1]', 'Node "Hidden" (id "h", mlp): attr "sizes[1]" must be a whole number of at least 1 (got 0).'],
      ['nodes[2].attrs.W[0][0][1]', 'Node "Hidden" (id "h", mlp): attr "W[0][0][1]" must be a finite number (got "a").'],
    ]);
    // Shapes that depend on the inputs: 2 wired, so rows of 2.
    expect(messages(layer('dense', { units: 2, W: [[1, 2], [3]], b: [0] }))).toEqual([
      ['nodes[2].attrs.W', 'Node "Hidden" (id "h", dense): attr "W" row 1 has 1 entry, expected 2 (one per input).'],
      ['nodes[2].attrs.b', 'Node "Hidden" (id "h", dense): attr "b" has 1 entry, expected 2.'],
    ]);
  });

  it("gives an activation's alpha the primitive's own default when the macro has none", () => {
    // leaky_relu: 0.01 and elu: 1 (ops/registry.ts); a given alpha wins.
    const alphaOf = (attrs: Record<string, unknown>) => {
      const g = buildGraph(layer('dense', { units: 1, W: [[1, 1]], b: [0], ...attrs }));
      return [g.macros.get('h')!.layers[0].alpha, g.nodes[g.indexOf.get('h/a0')!].attrs.alpha];
    };
    expect(alphaOf({ activation: 'leaky_relu' })).toEqual([0.01, 0.01]);
    expect(alphaOf({ activation: 'elu' })).toEqual([1, 1]);
    expect(alphaOf({ activation: 'elu', alpha: 0.5 })).toEqual([0.5, 0.5]);
    // z = 1 - 2 = -1: leaky_relu gives 0.01 * -1, elu 1 * (e^-1 - 1).
    const value = (activation: string) => {
      const s = new Session(buildGraph(layer('dense', { units: 1, W: [[1, 1]], b: [0], activation })), 1);
      s.forward();
      return s.value(s.graph.indexOf.get('h/a0')!);
    };
    expect(value('leaky_relu')).toBeCloseTo(-0.01, 15);
    expect(value('elu')).toBeCloseTo(Math.exp(-1) - 1, 15);
  });

  it('the inspector form is the schema: fields, labels, kinds and defaults', async () => {
    const { settingForm } = await import('../graph-engine/index.ts');
    const form = (op: string) => settingForm(getOp(op)!.macro!.settings).map((f) => [f.attr, f.label, f.kind, f.fallback, f.reshapes ?? false]);
    expect(form('dense')).toEqual([
      ['units', 'Units', 'count', 1, true],
      ['activation', 'Activation', 'activation', 'none', false],
      ['dropout', 'Dropout', 'rate', 0, false],
    ]);
    expect(form('neuron')).toEqual([['activation', 'Activation', 'activation', 'sigmoid', false]]);
    expect(form('mlp')).toEqual([
      ['sizes', 'Layer sizes', 'sizes', undefined, true],
      ['activation', 'Hidden activation', 'activation', 'tanh', false],
      ['outputActivation', 'Output activation', 'activation', 'none', false],
      ['dropout', 'Dropout', 'rate', 0, false],
    ]);
    expect(form('softmax')).toEqual([]);
  });

  it("an edit is judged as the engine judges a file: 128 units are fine, the model's limits are not", async () => {
    const { macroAttrsProblems } = await import('../graph-engine/index.ts');
    const m = layer('dense', {
      units: 2,
      W: [
        [1, 1],
        [1, 1],
      ],
    });
    expect(macroAttrsProblems(m, 'h', { units: 128 })).toEqual([]);
    expect(macroAttrsProblems(m, 'h', { units: 0 }).map((p) => p.message)).toEqual([
      'Node "Hidden" (id "h", dense): attr "units" must be a whole number of at least 1 (got 0).',
    ]);
    // 5,000 units on 2 inputs, no activation: 6 nodes and 7 edges per unit.
    expect(macroAttrsProblems(m, 'h', { units: 5000 }).map((p) => p.message)).toEqual([
      'Node "Hidden" (id "h", dense): this layer (5,000 units on 2 inputs) would expand into 30,000 nodes and 35,000 edges (15,000 parameters); GraphGrad builds models of up to 20,000 nodes and 100,000 edges. Use fewer or narrower layers.',
    ]);
    // Each layer fits, the two together do not: 2 inputs + 2 × 1,700 units × 6 nodes = 20,402.
    const two = model(
      [...m.nodes, { id: 'g', op: 'dense', attrs: { units: 1700 } }],
      [...m.edges, { source: 'x1', target: 'g', port: 0 }, { source: 'x2', target: 'g', port: 1 }],
      'h',
    );
    expect(macroAttrsProblems(two, 'h', { units: 1700 }).map((p) => p.message)).toEqual([
      expect.stringMatching(/^The layers of this model would expand into 20,402 nodes and 23,800 edges in all;/),
    ]);
    // Wiring is not the attrs' concern: with 3 inputs wired to weights for 2, the mismatch is the
    // graph's to report, not a reason to refuse a new activation.
    const rewired = model([...m.nodes, { id: 'x3', op: 'input', value: 0 }], [...m.edges, { source: 'x3', target: 'h', port: 2 }], 'h');
    expect(checkGraph(rewired).problems.map((p) => p.message)).toEqual([expect.stringContaining('stored weights expect 2 inputs but 3 are wired')]);
    expect(
      macroAttrsProblems(rewired, 'h', {
        units: 2,
        W: [
          [1, 1],
          [1, 1],
        ],
        activation: 'tanh',
      }),
    ).toEqual([]);
    expect(macroAttrsProblems(m, 'x1', { units: 3 })).toEqual([]); // not a macro: no settings to judge
  });
});
