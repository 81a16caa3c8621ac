// The engine core: validation messages, topological order, forward, reverse mode with per-edge
// records, the teaching stepper, gradient descent and the gradient check.
import { describe, expect, it } from 'vitest';
import {
  buildGraph,
  checkGraph,
  computeGradients,
  gradCheck,
  gradientStep,
  parseModelText,
  Session,
  Stepper,
  validateModel,
  withParams,
  type Model,
} from '../graph-engine/index.ts';
import { input, model, op, sample } from './support/models.ts';

const problemsOf = (m: unknown) => validateModel(m).problems.map((p) => p.message);

describe('validation names the node or edge at fault', () => {
  const ok = () =>
    model(
      [input('a', 1), input('b', 2), op('s', 'add')],
      [
        ['a', 's', 0],
        ['b', 's', 1],
      ],
      's',
    );

  it('accepts a valid model', () => {
    expect(problemsOf(ok())).toEqual([]);
  });
  it('unknown op', () => {
    const m = ok();
    m.nodes[2] = op('s', 'frobnicate');
    expect(problemsOf(m)).toContainEqual('Node "s": unknown op "frobnicate".');
  });
  it('duplicate ids', () => {
    const m = ok();
    m.nodes.push(input('a', 3));
    expect(problemsOf(m)[0]).toMatch(/Duplicate node id "a" \(nodes\[3\] and nodes\[0\]\)/);
  });
  it('duplicate ids name places in the file: after an unknown op, and against a layer that expands into the id', () => {
    const m = ok();
    m.nodes[0] = op('a', 'frobnicate');
    m.nodes.push(input('a', 3));
    expect(problemsOf(m)).toContainEqual('Duplicate node id "a" (nodes[3] and nodes[0]).');
    // A dense layer "h" with a sigmoid expands into h/a0; an input of that id clashes with it.
    const layered = model([input('x', 1), op('h', 'dense', { units: 2, activation: 'sigmoid' }), input('h/a0', 2)], [['x', 'h', 0]], 'h');
    expect(problemsOf(layered)).toEqual(['Duplicate node id "h/a0" (nodes[2] and layer "h" at nodes[1], which expands into that id).']);
  });
  it('edge to a missing node', () => {
    const m = ok();
    m.edges.push({ source: 'ghost', target: 's', port: 2 });
    expect(problemsOf(m)).toContainEqual('Edge 2 (ghost -> s): source "ghost" is not a node.');
  });
  it('bad port on a fixed op', () => {
    const m = model(
      [input('a', 1), input('b', 2), op('d', 'div')],
      [
        ['a', 'd', 0],
        ['b', 'd', 2],
      ],
      'd',
    );
    const msgs = problemsOf(m);
    expect(msgs.some((s) => /Edge 1 \(b -> d\): port 2 does not exist on "d" \(div has ports 0\.\.1: a, b\)/.test(s))).toBe(true);
    expect(msgs.some((s) => /Node "d" \(div\): port 1 \(b\) has no input/.test(s))).toBe(true);
  });
  it('missing port and gaps on a variadic op', () => {
    const m = model(
      [input('a', 1), input('b', 2), op('s', 'add')],
      [
        ['a', 's', 0],
        ['b', 's', 2],
      ],
      's',
    );
    expect(problemsOf(m)).toContainEqual('Node "s" (add): port 1 (x2) has no input.');
  });
  it('two edges into one port', () => {
    const m = ok();
    m.edges.push({ source: 'a', target: 's', port: 1 });
    expect(problemsOf(m)).toContainEqual('Edge 2 (a -> s): port 1 of "s" already has an edge (edge 1 from "b").');
  });
  it('an edge into a leaf', () => {
    const m = ok();
    m.edges.push({ source: 's', target: 'a', port: 0 });
    expect(problemsOf(m)).toContainEqual('Edge 2 (s -> a): node "a" is a input leaf and takes no inputs.');
  });
  it('a cycle, naming the nodes on it', () => {
    const m = model(
      [input('a', 1), op('p', 'add'), op('q', 'neg'), op('r', 'exp')],
      [
        ['a', 'p', 0],
        ['r', 'p', 1],
        ['p', 'q', 0],
        ['q', 'r', 0],
      ],
      'r',
    );
    expect(problemsOf(m)).toContainEqual('The graph has a cycle: "p" -> "q" -> "r" -> "p". A computational graph must be acyclic.');
  });
  it('a leaf without a finite value', () => {
    const m = ok();
    delete m.nodes[0].value;
    expect(problemsOf(m)).toContainEqual('Node "a" (input) needs a finite "value".');
  });
  it('a loss that is not a node, and no loss at all', () => {
    expect(problemsOf({ ...ok(), loss: 'nope' })).toContainEqual('loss: "nope" is not a node.');
    const noLoss: Partial<Model> = ok();
    delete noLoss.loss;
    expect(problemsOf(noLoss)[0]).toMatch(/names no loss node/);
  });
  it('a second output on a single-output node', () => {
    const m = ok();
    m.edges[0].sourcePort = 1;
    expect(problemsOf(m)[0]).toMatch(/Edge 0 \(a -> s\): node "a" \(input\) has one output; sourcePort 1 does not exist/);
  });
  it('malformed JSON reports the line and column', () => {
    const r = parseModelText('{\n  "format": "graphgrad",\n  "nodes": [,]\n}');
    expect(r.problems[0].message).toMatch(/^Not valid JSON at line 3, column 13/);
  });
  it('schema errors report the JSON path and the node', () => {
    const r = validateModel({
      format: 'graphgrad',
      version: 1,
      nodes: [{ id: 'a', op: 'input', value: 'five' }],
      edges: [{ source: 'a', target: 'b', port: -1 }],
    });
    const msgs = r.problems.map((p) => p.message);
    expect(msgs).toContainEqual('nodes[0].value (node "a"): Invalid input: expected number, received string');
    expect(msgs).toContainEqual('edges[0].port: must be 0 or more');
    expect(r.problems.find((p) => p.path === 'nodes[0].value')?.nodeId).toBe('a');
  });
  it('files from a newer version are refused with a clear message', () => {
    expect(problemsOf({ format: 'graphgrad', version: 2, nodes: [], edges: [] })[0]).toMatch(/format version 2, written by a newer GraphGrad/);
    expect(problemsOf({ format: 'onnx' })[0]).toMatch(/Is this a GraphGrad model\?/);
  });
  it('keeps unknown fields', () => {
    const m = { ...ok(), view: { zoom: 2 }, nodes: ok().nodes.map((n) => ({ ...n, color: 'red' })) };
    const v = validateModel(m);
    expect(v.model).toEqual(m);
  });
  it('editor mode marks incomplete nodes instead of failing, and downstream nodes too', () => {
    const m = model(
      [input('a', 1), op('s', 'add'), op('e', 'exp')],
      [
        ['a', 's', 0],
        ['s', 'e', 0],
      ],
    );
    const { graph, problems } = checkGraph(m, { allowIncomplete: true });
    expect(problems).toEqual([]);
    expect(graph!.incomplete.get(graph!.indexOf.get('s')!)).toBe('Node "s" (add): port 1 (x2) has no input.');
    expect(graph!.incomplete.get(graph!.indexOf.get('e')!)).toBe('Waiting on "s", which is incomplete.');
    const s = new Session(graph!);
    s.forward();
    expect(s.value(0)).toBe(1);
    expect(Number.isNaN(s.value(2))).toBe(true);
    expect(s.backwardBlocker()).toMatch(/no loss/);
  });
});

describe('topological order', () => {
  it('is deterministic and follows file order among ready nodes', () => {
    const g = buildGraph(sample('chain-rule'));
    expect([...g.order].map((n) => g.nodes[n].id)).toEqual(['a', 'b', 'c', 'three', 'u', 'v', 'J']);
  });

  it('handles a 1,000,000-node chain without recursion', () => {
    const N = 1_000_000;
    const nodes = [input('n0', 0.5)];
    const edges: Model['edges'] = [];
    for (let i = 1; i < N; i++) {
      nodes.push(op(`n${i}`, 'identity'));
      edges.push({ source: `n${i - 1}`, target: `n${i}`, port: 0 });
    }
    const g = buildGraph({ format: 'graphgrad', version: 1, nodes, edges, loss: `n${N - 1}` });
    expect(g.order.length).toBe(N);
    expect(g.order[N - 1]).toBe(N - 1);
    const s = new Session(g);
    s.forward();
    s.backward();
    expect(s.value(N - 1)).toBe(0.5);
    expect(s.grad(0)).toBe(1);
  });
});

describe('forward and reverse mode', () => {
  it('chain rule: J = 3(a + bc) = 33, dJ/da = 3, dJ/db = 6, dJ/dc = 9', () => {
    const r = computeGradients(sample('chain-rule'));
    expect(r.values.J).toBe(33);
    expect([r.grads.a, r.grads.b, r.grads.c]).toEqual([3, 6, 9]);
    expect(r.edges.find((e) => e.source === 'c' && e.target === 'u')).toEqual({ source: 'c', target: 'u', port: 1, local: 3, upstream: 3, contribution: 9 });
  });

  it('sum over paths: e = (a + b)(b + 1), de/db = 2 + 3 = 5', () => {
    const r = computeGradients(sample('sum-over-paths'));
    expect(r.values.e).toBe(6);
    expect(r.grads.a).toBe(2);
    expect(r.grads.b).toBe(5);
    const fromB = r.edges.filter((e) => e.source === 'b').map((e) => e.contribution);
    expect(fromB).toEqual([2, 3]);
  });

  it('x * x: two edges from one node into one op, two contributions', () => {
    const r = computeGradients(
      model(
        [input('x', 3), op('y', 'mul')],
        [
          ['x', 'y', 0],
          ['x', 'y', 1],
        ],
        'y',
      ),
    );
    expect(r.values.y).toBe(9);
    expect(r.edges.map((e) => e.contribution)).toEqual([3, 3]);
    expect(r.grads.x).toBe(6);
  });

  it('reuse of an intermediate: a = 1, b = a + a, c = b + b gives dc/da = 4 (micrograd PR #64)', () => {
    const r = computeGradients(
      model(
        [input('a', 1), op('b', 'add'), op('c', 'add')],
        [
          ['a', 'b', 0],
          ['a', 'b', 1],
          ['b', 'c', 0],
          ['b', 'c', 1],
        ],
        'c',
      ),
    );
    expect(r.grads.b).toBe(2);
    expect(r.grads.a).toBe(4);
  });

  it('backward is idempotent', () => {
    const s = new Session(buildGraph(sample('neuron')));
    s.forward();
    s.backward();
    const first = Float64Array.from(s.grads);
    s.backward();
    s.backward();
    expect(Float64Array.from(s.grads)).toEqual(first);
  });

  it('nodes that do not reach the loss get 0 and are marked', () => {
    const g = buildGraph(
      model(
        [input('a', 2), op('side', 'exp'), op('L', 'square')],
        [
          ['a', 'side', 0],
          ['a', 'L', 0],
        ],
        'L',
      ),
    );
    const s = new Session(g);
    s.forward();
    s.backward();
    expect(g.reachesLoss[g.indexOf.get('side')!]).toBe(0);
    expect(s.grad(g.indexOf.get('side')!)).toBe(0);
    expect(s.grad(g.indexOf.get('a')!)).toBe(4);
  });

  it('runs a batch of samples in one pass', () => {
    const g = buildGraph(model([input('x', 0), op('y', 'square')], [['x', 'y', 0]], 'y'));
    const s = new Session(g, 3);
    s.setLeaf(0, [1, 2, 3]);
    s.forward();
    s.backward();
    expect([s.value(1, 0), s.value(1, 1), s.value(1, 2)]).toEqual([1, 4, 9]);
    expect([s.grad(0, 0), s.grad(0, 1), s.grad(0, 2)]).toEqual([2, 4, 6]);
  });

  it('reports the first non-finite value where it appears', () => {
    const g = buildGraph(
      model(
        [input('x', 0), op('l', 'log'), op('n', 'neg'), op('e', 'exp')],
        [
          ['x', 'l', 0],
          ['l', 'n', 0],
          ['n', 'e', 0],
        ],
        'e',
      ),
    );
    const s = new Session(g);
    s.forward();
    expect(s.firstNonFinite()?.node).toBe(g.indexOf.get('l'));
    expect(s.describeNonFinite()).toBe('Node "l" (log) is -Infinity from "x" = 0: the first non-finite value in the graph.');
    expect(() => computeGradients(model([input('x', 0), op('l', 'log')], [['x', 'l', 0]], 'l'))).toThrow(/Node "l" \(log\) is -Infinity/);
  });

  it('explains each non-finite value: made from finite inputs, or handed on from a non-finite one', () => {
    const m = model(
      [input('a', -1), { id: 'zero', op: 'const', value: 0 }, op('l', 'log'), op('d', 'div'), op('r', 'sqrt'), op('s', 'add')],
      [
        ['a', 'l', 0],
        ['a', 'd', 0],
        ['zero', 'd', 1],
        ['a', 'r', 0],
        ['l', 's', 0],
        ['d', 's', 1],
      ],
      's',
    );
    const g = buildGraph(m);
    const s = new Session(g);
    s.forward();
    const cause = (id: string) => s.nonFiniteCause(g.indexOf.get(id)!);
    expect(cause('d')).toBe('Node "d" (div) is -Infinity from "a" = -1, "zero" = 0: the value stops being finite here.');
    expect(cause('r')).toBe('Node "r" (sqrt) is NaN from "a" = -1: the value stops being finite here.');
    expect(cause('s')).toBe('Node "s" (add) is NaN because its inputs are not finite: "l" = NaN, "d" = -Infinity.');
    expect(cause('a')).toBeUndefined();
  });

  it('lists every problem of a file at once, also when a layer cannot expand', () => {
    const m = model(
      [
        input('x', 1),
        { id: 'net', op: 'mlp', attrs: { sizes: [] } },
        { id: 'lr', op: 'leaky_relu', attrs: { alpha: 'x' } as never },
        op('L', 'neg'),
        { id: 'bad', op: 'nope' },
      ],
      [
        ['x', 'net', 0],
        ['net', 'lr', 0],
        ['lr', 'L', 0],
      ],
      'L',
    );
    expect(checkGraph(m).problems.map((p) => p.message)).toEqual([
      'Node "net" (mlp): attr "sizes" must be a non-empty array of layer widths (whole numbers >= 1), e.g. [8, 8, 1].',
      'Node "lr" (leaky_relu): attr "alpha" must be a finite number.',
      'Node "bad": unknown op "nope".',
    ]);
  });

  it('names nodes in that report by the labels the user sees, with ids where they differ', () => {
    const g = buildGraph(
      model(
        [
          { ...input('input1', -2), label: 'a' },
          { ...op('log1', 'log'), label: 'ln a' },
        ],
        [['input1', 'log1', 0]],
        'log1',
      ),
    );
    const s = new Session(g);
    s.forward();
    expect(s.describeNonFinite()).toBe('Node "ln a" (id "log1", log) is NaN from "a" (id "input1") = -2: the first non-finite value in the graph.');
  });
});

describe('teaching stepper', () => {
  it('steps forward in topological order with the computation written out', () => {
    const st = new Stepper(buildGraph(sample('chain-rule')));
    const steps = [];
    for (let s = st.stepForward(); s; s = st.stepForward()) steps.push(s);
    expect(steps.map((s) => s.id)).toEqual(['a', 'b', 'c', 'three', 'u', 'v', 'J']);
    const u = steps[4];
    expect(u.latex).toBe('u = b \\cdot c = 3 \\cdot 2 = 6');
    expect(u.inputs.map((i) => [i.source, i.value])).toEqual([
      ['b', 3],
      ['c', 2],
    ]);
    expect(steps[6].latex).toBe('J = 3 \\cdot v = 3 \\cdot 11 = 33');
  });

  it('steps backward in reverse order with per-edge records and multi-path sums', () => {
    const st = new Stepper(buildGraph(sample('sum-over-paths')));
    st.runForward();
    const steps = [];
    for (let s = st.stepBackward(); s; s = st.stepBackward()) steps.push(s);
    expect(steps.map((s) => s.id)).toEqual(['e', 'd', 'c', 'one', 'b', 'a']);
    const b = steps.find((s) => s.id === 'b')!;
    expect(b.multiPath).toBe(true);
    expect(b.edges.map((e) => [e.target, e.local, e.upstream, e.contribution])).toEqual([
      ['c', 1, 2, 2],
      ['d', 1, 3, 3],
    ]);
    expect(b.grad).toBe(5);
    expect(b.latex).toContain('= 2 + 3 = 5');
    expect(steps[0].latex).toBe('\\frac{\\partial e}{\\partial e} = 1');
  });

  it('writes a sum with negative contributions as a - b, never + -', () => {
    const st = new Stepper(buildGraph(sample('xor-mlp')));
    st.runBackward();
    const x2 = st.describeBackward(st.graph.indexOf.get('x2')!);
    expect(x2.multiPath).toBe(true);
    expect(x2.edges.every((r) => r.contribution < 0)).toBe(true);
    expect(x2.latex).not.toMatch(/\+ -/);
    expect(x2.latex).toContain('= -0.01344 - 0.01318 = -0.02661');
  });

  it('shows the local derivative of an edge in symbols and numbers', () => {
    const st = new Stepper(buildGraph(sample('chain-rule')));
    st.runBackward();
    const c = st.describeBackward(st.graph.indexOf.get('c')!);
    expect(c.edges[0].localLatex).toBe('\\frac{\\partial u}{\\partial c} = b = 3');
    expect(c.grad).toBe(9);
  });

  it('steps back exactly', () => {
    const st = new Stepper(buildGraph(sample('chain-rule')));
    st.runBackward();
    const grads = Float64Array.from(st.session.grads);
    expect(st.stepBack()).toBe(true);
    expect(st.backwardDone).toBe(st.total - 1);
    st.stepBackward();
    expect(Float64Array.from(st.session.grads)).toEqual(grads);
    st.reset();
    expect(st.stepBack()).toBe(false);
    expect(st.canStepBackward()).toBe(false);
  });
});

describe('gradient descent and gradient check', () => {
  it('applies w <- w - lr * dL/dw and reports each change', () => {
    const m = sample('neuron');
    const g = buildGraph(m);
    const s = new Session(g);
    s.forward();
    const before = s.value(g.loss);
    s.backward();
    const updates = gradientStep(s, 0.1);
    expect(updates.map((u) => u.id)).toEqual(['w1', 'w2', 'b']);
    for (const u of updates) expect(u.new).toBeCloseTo(u.old - 0.1 * u.grad, 15);
    s.forward();
    expect(s.value(g.loss)).toBeLessThan(before);
    // Written into a copy of the model the way Teach mode's "Apply update" does; the original keeps its values.
    const updated = new Map(updates.map((u) => [u.id, u.new]));
    const m2 = withParams(m, (id) => updated.get(id));
    for (const u of updates) expect(m2.nodes.find((n) => n.id === u.id)!.value).toBe(u.new);
    expect(m.nodes.find((n) => n.id === 'w1')!.value).toBe(0.3);
  });

  it('matches finite differences on every sample', () => {
    for (const name of ['chain-rule', 'sum-over-paths', 'neuron', 'perceptron-snack']) {
      for (const row of gradCheck(buildGraph(sample(name)))) expect(row.relError, `${name}: ${row.id}`).toBeLessThan(1e-6);
    }
  });
});
