import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  buildGraph,
  checkGraph,
  createTrainer,
  ensureOpsFor,
  expressionOpsLoaded,
  fromRows,
  gradCheck,
  loadExpressionOps,
  Session,
  Stepper,
  type Model,
} from '../graph-engine/index.ts';

const exprModel = (expression: string, inputs: Record<string, number>, extra: Record<string, unknown> = {}): Model => ({
  format: 'graphgrad',
  version: 1,
  nodes: [...Object.entries(inputs).map(([id, value]) => ({ id, op: 'input', value })), { id: 'f', op: 'expr', attrs: { expression, ...extra } }],
  edges: Object.keys(inputs).map((id, port) => ({ source: id, target: 'f', port })),
  loss: 'f',
});

describe('expression nodes', () => {
  it('say clearly when expression support is not loaded, and ensureOpsFor loads it', async () => {
    expect(expressionOpsLoaded()).toBe(false);
    const m = exprModel('x^2', { x: 3 });
    expect(checkGraph(m).problems[0].message).toMatch(/Node "f": op "expr" is not loaded: expression nodes need the expression module .*loadExpressionOps\(\)/);
    await ensureOpsFor({ nodes: [{ op: 'add' }] });
    expect(expressionOpsLoaded()).toBe(false);
    await ensureOpsFor(m);
    expect(expressionOpsLoaded()).toBe(true);
    expect(checkGraph(m).problems).toEqual([]);
  });

  it('evaluate and differentiate x^2 * sin(y) + exp(-x); ports are the variables in order of first appearance', async () => {
    await loadExpressionOps();
    const g = buildGraph(exprModel('x^2 * sin(y) + exp(-x)', { x: 2, y: 0.5 }));
    const f = g.nodes[g.indexOf.get('f')!];
    expect(f.op.arity).toEqual({ kind: 'fixed', ports: ['x', 'y'] });
    const s = new Session(g, 1);
    s.forward();
    s.backward();
    expect(s.value(f.index)).toBeCloseTo(4 * Math.sin(0.5) + Math.exp(-2), 12);
    expect(s.grad(g.indexOf.get('x')!)).toBeCloseTo(4 * Math.sin(0.5) - Math.exp(-2), 12);
    expect(s.grad(g.indexOf.get('y')!)).toBeCloseTo(4 * Math.cos(0.5), 12);
    // LaTeX of the symbolic derivative, written with the operands' names
    expect(f.op.latex.partial(['a', 'b'], 1, 'f', {})).toBe('{{a}}^{2}\\cdot\\cos\\left({b}\\right)');
    // Operands are braced so `\\cdot` never runs into a name, and negative numbers are grouped.
    // d/dx = 2x·sin y − e^(−x), in the chain rule's order (2·x from x^2, then sin y).
    expect(f.op.latex.partial(['x', 'y'], 0, 'f', {})).toBe('2\\cdot{x}\\cdot\\sin\\left({y}\\right)-\\exp\\left(-{x}\\right)');
    expect(f.op.latex.partial(['3', '-0.5'], 0, 'f', {})).toBe('2\\cdot{3}\\cdot\\sin\\left({\\left(-0.5\\right)}\\right)-\\exp\\left(-{3}\\right)');
    const st = new Stepper(g);
    st.runBackward();
    expect(st.edgeRecord(0).localLatex).toMatch(/\\sin/);
  });

  it('match central finite differences at random points for every whitelisted function', async () => {
    await loadExpressionOps();
    const formulas = [
      'x^2 * sin(y) + exp(-x)',
      'log(x^2 + 1) * cos(y) - tan(x / 3)',
      'sqrt(x^2 + y^2 + 1) / (1 + abs(y))',
      'tanh(x * y) + sigmoid(x - 2 * y)',
      'pow(x^2 + 1, y / 2)',
      'max(x, y, 0.5) * min(x, -y) + pi * e',
    ];
    for (const formula of formulas) {
      fc.assert(
        fc.property(fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true }), (x, y) => {
          fc.pre(Math.abs(x - y) > 1e-3 && Math.abs(x + y) > 1e-3 && Math.abs(x - 0.5) > 1e-3 && Math.abs(y - 0.5) > 1e-3 && Math.abs(y) > 1e-3);
          const rows = gradCheck(buildGraph(exprModel(formula, { x, y })));
          for (const r of rows) expect(r.relError, `${formula} d/d${r.id} at (${x}, ${y})`).toBeLessThan(1e-6);
        }),
        { numRuns: 40, seed: 7 },
      );
    }
  });

  it('follow the documented conventions where a derivative is undefined', async () => {
    await loadExpressionOps();
    const grads = (expression: string, inputs: Record<string, number>) => {
      const g = buildGraph(exprModel(expression, inputs));
      const s = new Session(g, 1);
      s.forward();
      s.backward();
      return Object.keys(inputs).map((id) => s.grad(g.indexOf.get(id)!));
    };
    expect(grads('abs(x)', { x: 0 })).toEqual([0]);
    expect(grads('max(x, y)', { x: 1, y: 1 })).toEqual([0.5, 0.5]);
    expect(grads('max(x, y) * sigmoid(x) + abs(x)', { x: 0, y: -1 })[0]).toBeCloseTo(0.5, 14);
  });

  it('take declared variables as the port order', async () => {
    await loadExpressionOps();
    const m = exprModel('y - x', { a: 1, b: 5 }, { variables: ['y', 'x', 'unused'] });
    m.nodes.push({ id: 'c', op: 'const', value: 0 });
    m.edges.push({ source: 'c', target: 'f', port: 2 });
    const g = buildGraph(m);
    const s = new Session(g, 1);
    s.forward();
    expect(s.value(g.indexOf.get('f')!)).toBe(-4);
    expect(checkGraph(exprModel('x + z', { x: 1 }, { variables: ['x'] })).problems[0].message).toMatch(
      /uses "z", which is not among the declared variables \(x\)/,
    );
  });

  it('reject everything outside the whitelist, pointing at the offending part', async () => {
    await loadExpressionOps();
    const cases: [string, RegExp][] = [
      ['x = 2', /assignment is not allowed: "x = 2"/],
      ['f(x) = x^2', /function definitions are not allowed: "f\(x\) = x \^ 2"/],
      ['[1, 2] * x', /matrices and arrays are not allowed: "\[1, 2\]"/],
      ['"abc" + x', /only numbers are allowed as constants, not ""abc""/],
      ['5 cm', /write the multiplication in "5 cm" explicitly .*units are not supported/],
      ['import({}, {})', /the function "import" in "import\(\{\}, \{\}\)" is not allowed/],
      ['x > 1 ? x : 0', /conditionals are not allowed/],
      ['x[1]', /indexing is not allowed: "x\[1\]"/],
      ['x > 1', /the operator ">" in "x > 1" is not allowed/],
      ['sin(x) +', /cannot parse "sin\(x\) \+": .*\(char 9\)/],
      ['erf(x)', /the function "erf" in "erf\(x\)" is not allowed; allowed: exp, log/],
      ['', /the expression is empty/],
    ];
    for (const [expression, message] of cases) {
      const problems = checkGraph(exprModel(expression, { x: 1 })).problems;
      expect(problems[0]?.message, expression).toMatch(message);
      expect(problems[0].message).toMatch(/^Node "f" \(expr\): /);
      expect(problems[0].path).toBe('nodes[1].attrs');
    }
    expect(
      checkGraph({
        ...exprModel('x', { x: 1 }),
        nodes: [
          { id: 'x', op: 'input', value: 1 },
          { id: 'f', op: 'expr' },
        ],
      }).problems[0].message,
    ).toMatch(/attr "expression" must be a formula string/);
  });

  it('train like any other op', async () => {
    await loadExpressionOps();
    const model: Model = {
      format: 'graphgrad',
      version: 1,
      nodes: [
        { id: 'x', op: 'input', value: 0 },
        { id: 'a', op: 'param', value: 0.1 },
        { id: 'p', op: 'expr', attrs: { expression: 'a * x^2' } },
        { id: 'y', op: 'input', value: 0 },
        { id: 'L', op: 'mse' },
      ],
      edges: [
        { source: 'a', target: 'p', port: 0 },
        { source: 'x', target: 'p', port: 1 },
        { source: 'p', target: 'L', port: 0 },
        { source: 'y', target: 'L', port: 1 },
      ],
      loss: 'L',
    };
    const ds = fromRows(
      'parabola',
      ['x', 'y'],
      [-1, -0.5, 0, 0.5, 1].map((x) => [x, 3 * x * x]),
      { targets: ['y'], task: 'regression', defaultTestRatio: 0 },
    );
    const tr = createTrainer(model, { dataset: ds, overrides: { optimizer: 'adam', lr: 0.1, epochs: 300, batchSize: 5 } });
    tr.run();
    expect(tr.getParams().a).toBeCloseTo(3, 3);
  });
});
