// Expression nodes against hostile input: bounded compile work, a size budget, variable names
// that evaluation could not run, and derivatives at the extreme points (matched to PyTorch float64).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import katex from 'katex';
import {
  type CompiledExpression,
  compileExpression,
  DISPLAY_LIMIT,
  EXPRESSION_FUNCTIONS,
  EXPRESSION_LIMITS,
  ExpressionError,
} from '../graph-engine/expr/expression.ts';
import { checkGraph, loadExpressionOps, type Model } from '../graph-engine/index.ts';

const exprModel = (expression: string, inputs: string[], variables?: string[]): Model => ({
  format: 'graphgrad',
  version: 1,
  nodes: [...inputs.map((id) => ({ id, op: 'input', value: 1 })), { id: 'f', op: 'expr', attrs: { expression, ...(variables ? { variables } : {}) } }],
  edges: inputs.map((id, port) => ({ source: id, target: 'f', port })),
  loss: 'f',
});

const grads = (text: string, x: number[]) => {
  const c = compileExpression(text);
  return c.variables.map((_, i) => c.partial(x, i));
};

/** Adversarial formulas of at most `max` characters: each family grown as far as it fits. */
function adversarial(max: number): string[] {
  const out: string[] = [];
  const fit = (build: (n: number) => string) => {
    let best: string | undefined;
    for (let n = 1; n < 1000; n++) {
      const s = build(n);
      if (s.length > max) break;
      best = s;
    }
    if (best) out.push(best);
  };
  const nest =
    (f: string, inner: string, suffix = '') =>
    (n: number) => {
      let s = inner;
      for (let i = 0; i < n; i++) s = `${f}(${s}${suffix})`;
      return s;
    };
  const list = (n: number, item: (i: number) => string, sep = ',') => Array.from({ length: n }, (_, i) => item(i)).join(sep);
  const d = EXPRESSION_LIMITS.depth;
  for (const f of EXPRESSION_FUNCTIONS) {
    const args = f === 'pow' ? ',x' : f === 'max' || f === 'min' ? ',y' : '';
    fit(nest(f, 'x', args)); // as deep as the characters allow (over the depth budget)
    fit((n) => nest(f, 'x', `${args}*y`)(Math.min(n, d))); // deep as allowed, two variables
    fit((n) =>
      nest(
        f,
        list(Math.max(n - d, 1), () => 'x', '*'),
        args,
      )(Math.min(n, d)),
    ); // deep, over a long product
  }
  fit((n) => `max(${list(n, (i) => `x${i}`)})`);
  fit((n) => `min(${list(n, (i) => `x${i}`)})`);
  fit((n) => `max(${list(n, () => 'x')})`);
  fit((n) => `max(${list(n, () => 'x*y')})`);
  fit((n) => `min(${list(n, () => 'max(x,y)')})`);
  for (const op of ['+', '-', '*', '/', '^']) {
    fit((n) => list(n, () => 'x', op));
    fit((n) => list(n, (i) => `x${i % 5}`, op));
    fit((n) => list(n, () => 'sigmoid(x)', op));
  }
  fit((n) => `${'-'.repeat(n)}x`);
  fit((n) => `${'('.repeat(n)}x${')'.repeat(n)}`);
  fit((n) => nest('', 'x', '^x')(Math.min(n, d)));
  fit((n) => nest('', 'x', '*x')(Math.min(n, d)));
  fit((n) =>
    nest(
      '',
      list(n, () => 'x', '*'),
      '^x',
    )(d),
  );
  return out;
}

/** Random formulas over the whole grammar. */
const formula = fc.letrec((tie) => ({
  leaf: fc.oneof(fc.constantFrom('x', 'y', 'z', 'pi', 'e', '0', '1', '2.5', '1e-7'), fc.integer({ min: 0, max: 9 }).map(String)),
  unary: fc
    .tuple(fc.constantFrom(...EXPRESSION_FUNCTIONS.filter((f) => !['pow', 'max', 'min'].includes(f)), '-'), tie('expr'))
    .map(([f, a]) => (f === '-' ? `-(${a})` : `${f}(${a})`)),
  binary: fc.tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/', '^'), tie('expr')).map(([a, op, b]) => `(${a})${op}(${b})`),
  call: fc
    .tuple(fc.constantFrom('pow', 'max', 'min'), fc.array(tie('expr'), { minLength: 2, maxLength: 5 }))
    .map(([f, args]) => `${f}(${(f === 'pow' ? args.slice(0, 2) : args).join(',')})`),
  expr: fc.oneof({ depthSize: 'large', withCrossShrink: true }, tie('leaf'), tie('unary'), tie('binary'), tie('call')),
})).expr as fc.Arbitrary<string>;

/**
 * Compiles and checks that the work done is linear in the formula: one tape step per formula node
 * (at most one per character), a bounded number of derivative nodes per step and variable, and a
 * written derivative of at most DISPLAY_LIMIT nodes (else a short note) that KaTeX can set.
 * Returns false when refused.
 */
function compilesWithBoundedWork(text: string): boolean {
  let c: CompiledExpression;
  try {
    c = compileExpression(text);
  } catch (e) {
    expect(e, text).toBeInstanceOf(ExpressionError);
    return false;
  }
  const { steps, derivativeNodes, written } = c.work;
  const k = c.variables.length;
  expect(steps, text).toBeLessThanOrEqual(text.length);
  // a few nodes per step and variable: the most is d(u^w) with u, w powers again (x^x^...^x: 4.6)
  expect(derivativeNodes, text).toBeLessThanOrEqual(6 * steps * Math.max(k, 1));
  const x = c.variables.map((_, i) => 0.3 + 0.1 * i);
  expect(typeof c.value(x)).toBe('number');
  for (let i = 0; i < k; i++) {
    expect(typeof c.partial(x, i)).toBe('number');
    const tex = c.partialTex(i, c.variables);
    if (written[i] > DISPLAY_LIMIT) expect(tex).toBe(`\\text{(too long to show: ${written[i]} terms)}`);
    // every written node takes at most ~40 characters of LaTeX (\operatorname{sign}\left(...\right))
    else expect(tex.length, text).toBeLessThanOrEqual(40 * DISPLAY_LIMIT);
    expect(c.derivatives[i].length).toBeLessThanOrEqual(40 * DISPLAY_LIMIT);
    expect(() => katex.renderToString(tex, { strict: 'error', throwOnError: true }), tex).not.toThrow();
  }
  expect(() => katex.renderToString(c.valueTex(c.variables), { strict: 'error', throwOnError: true })).not.toThrow();
  return true;
}

describe('expression compile work is bounded', () => {
  it('for adversarial formulas of up to 200 characters: deep nesting of each function, wide max/min, long sums, products, powers', () => {
    const formulas = adversarial(200);
    expect(formulas.length).toBeGreaterThan(50);
    let compiled = 0;
    for (const f of formulas) {
      expect(f.length).toBeLessThanOrEqual(200);
      if (compilesWithBoundedWork(f)) compiled++;
    }
    expect(compiled).toBeGreaterThan(formulas.length / 2);
  });

  it('for random formulas of up to 200 characters', () => {
    fc.assert(
      fc.property(
        formula.filter((f) => f.length >= 40 && f.length <= 200),
        (f) => {
          compilesWithBoundedWork(f);
        },
      ),
      { numRuns: 200, seed: 11 },
    );
  });

  it('with max / min written once: max of 10 variables has derivatives of 13 nodes each', () => {
    // Before, max(a, b) was rewritten (a + b + |a - b|) / 2, copying each argument twice per level:
    // max of 8 variables took 13 s to compile and its derivatives ran to 25,000 characters.
    const vars = ['a', 'b', 'c', 'd', 'f', 'g', 'h', 'k', 'm', 'n'];
    const c = compileExpression(`max(${vars.join(', ')})`);
    // d/da = [a = max(a, ..., n)]: the selection (1) holding the max node (1 + 10 operands) and a (1)
    expect(c.work.written).toEqual(vars.map(() => 13));
    expect(c.derivatives[0]).toBe('[a = max(a, b, c, d, f, g, h, k, m, n)]');
  });

  it('and derivatives stay readable for typical formulas', () => {
    const c = compileExpression('x^2 * sin(y) + exp(-x)');
    expect(c.derivatives).toEqual(['2 * x * sin(y) - exp(-x)', 'x ^ 2 * cos(y)']);
    expect(compileExpression('sigmoid(w * x + b)').derivatives).toEqual([
      'sigmoid(w * x + b) * (1 - sigmoid(w * x + b)) * x',
      'sigmoid(w * x + b) * (1 - sigmoid(w * x + b)) * w',
      'sigmoid(w * x + b) * (1 - sigmoid(w * x + b))',
    ]);
    expect(compileExpression('x / y').derivatives).toEqual(['1 / y', '-(x / y ^ 2)']);
    expect(compileExpression('x^y').derivatives).toEqual(['y * x ^ (y - 1)', 'x ^ y * log(abs(x))']);
    expect(compileExpression('abs(x) + max(x, 0)').derivatives).toEqual(['sign(x) + [x = max(x, 0)]']);
    expect(compileExpression('sqrt(x^2 + 1)').partialTex(0, ['x'])).toBe('\\frac{2\\cdot{x}}{2\\cdot\\sqrt{{{x}}^{2}+1}}');
  });
});

describe('expression size budget', () => {
  const { characters, depth } = EXPRESSION_LIMITS;
  const nested = (n: number) => `${'sin('.repeat(n)}x${')'.repeat(n)}`;

  it('admits long and deep hand-written formulas', () => {
    expect(compileExpression(nested(depth)).variables).toEqual(['x']);
    // a 90-term polynomial in ten variables, just under the character budget
    const poly = Array.from({ length: 90 }, (_, i) => `0.5*x${i % 10}^${(i % 3) + 1}`).join(' + ');
    expect(poly.length).toBeLessThanOrEqual(characters);
    expect(compileExpression(poly).variables).toHaveLength(10);
  });

  it('refuses what is over it, naming the budget and the value', () => {
    expect(() => compileExpression(nested(depth + 1))).toThrow(
      new ExpressionError(`the formula nests ${depth + 1} levels deep; expressions may nest up to ${depth}`),
    );
    expect(() => compileExpression(`x${'+x'.repeat(characters / 2)}`)).toThrow(
      new ExpressionError(`the formula is ${characters + 1} characters long; expressions may be up to ${characters} characters`),
    );
    // nesting counts brackets, however they are written
    expect(() => compileExpression(`${'('.repeat(60)}x${')'.repeat(60)}`)).toThrow(/nests 60 levels deep; expressions may nest up to 32/);
    expect(() => compileExpression(`max(${'max(x,'.repeat(40)}y${')'.repeat(40)}, 1)`)).toThrow(/nests 41 levels deep/);
  });

  it('as a validation problem on the node', async () => {
    await loadExpressionOps();
    expect(checkGraph(exprModel(nested(50), ['x'])).problems[0].message).toBe(
      'Node "f" (expr): the formula nests 50 levels deep; expressions may nest up to 32.',
    );
  });
});

describe('expression variable names', () => {
  const reserved = Object.getOwnPropertyNames(Object.prototype);

  it('refuse function names and JavaScript object properties, naming the variable', async () => {
    await loadExpressionOps();
    expect(() => compileExpression('exp(x) + exp')).toThrow(new ExpressionError('"exp" is a function and cannot also be a variable name (in "exp(x) + exp")'));
    for (const name of ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__']) {
      expect(() => compileExpression(`x + ${name}`), name).toThrow(
        new ExpressionError(`"${name}" cannot be a variable name (it is reserved by JavaScript); rename it (in "x + ${name}")`),
      );
    }
    expect(checkGraph(exprModel('2 * toString', ['a'])).problems[0].message).toMatch(/^Node "f" \(expr\): "toString" cannot be a variable name/);
    // declared variables too, and no name twice
    expect(checkGraph(exprModel('x', ['a', 'b'], ['x', 'constructor'])).problems[0].message).toMatch(
      /declared variable 2: "constructor" cannot be a variable name/,
    );
    expect(() => compileExpression('x', ['x', 'x'])).toThrow(/the variable "x" is declared twice/);
    expect(() => compileExpression('x', ['x', 'pi'])).toThrow(/declared variable 2: "pi" is a constant/);
    expect(() => compileExpression('x', ['x', 'sin'])).toThrow(/declared variable 2: "sin" is a function/);
    expect(() => compileExpression('x', ['x', 'a b'])).toThrow(/declared variable 2: "a b" is not a valid variable name/);
  });

  it('either compile and evaluate, or are refused with an ExpressionError (property)', () => {
    const tricky = [
      ...reserved,
      ...EXPRESSION_FUNCTIONS,
      'pi',
      'e',
      'sign',
      'sign__0',
      'sign__1',
      'sec',
      'sel',
      'prototype',
      'arguments',
      'Infinity',
      'NaN',
      'undefined',
      'null',
      'true',
      'this',
      'x',
      'y',
    ];
    const name = fc.oneof(fc.constantFrom(...tricky), fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,6}$/));
    fc.assert(
      fc.property(name, name, fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), (a, b, va, vb) => {
        fc.pre(a !== b);
        let c: CompiledExpression;
        try {
          c = compileExpression(`abs(${a}) * 2 + ${b}`);
        } catch (e) {
          expect(e).toBeInstanceOf(ExpressionError);
          return;
        }
        // Compiled: then it evaluates like the formula it reads as, whatever the names.
        const isVar = (n: string) => c.variables.includes(n);
        const value = (n: string, v: number) => (n === 'pi' ? Math.PI : n === 'e' ? Math.E : n === 'Infinity' ? Infinity : n === 'NaN' ? NaN : v);
        const x = c.variables.map((v) => (v === a ? va : vb));
        expect(c.value(x)).toBe(Math.abs(value(a, va)) * 2 + value(b, vb));
        // d/da = 2 sign(a) (0 at a = 0, the abs convention), d/db = 1
        if (isVar(a)) expect(c.partial(x, c.variables.indexOf(a))).toBe(2 * (va > 0 ? 1 : va < 0 ? -1 : 0));
        if (isVar(b)) expect(c.partial(x, c.variables.indexOf(b))).toBe(1);
      }),
      { numRuns: 500, seed: 3 },
    );
  });
});

describe('expression derivatives at the extreme points (PyTorch float64)', () => {
  it('sigmoid: stable on both tails, as the sigmoid op', () => {
    // σ'(u) = σ(u)(1 − σ(u)), σ taken stably (e^u / (1 + e^u) for u < 0):
    // u = −800: e^−800 underflows to 0, so σ = 0 and σ' = 0 (torch: 1/(1 + e^800 = inf) = 0, grad 0).
    // u = −710: σ = e^−710 / (1 + e^−710) = e^−710 ≈ 4.47e−309 (subnormal; 1 + e^−710 rounds to 1) and
    //   σ' = σ · (1 − σ) = σ. torch gets 0 here (e^710 overflows); both are within 4.5e−309 of the
    //   true value. Before, 1/(1+e^−u) differentiated symbolically gave ∞/∞ = NaN.
    // u = 0: σ = 1/2 exactly, σ' = 1/4 exactly.
    // u = 710, 800: e^−u ≤ 4.5e−309, 1 + e^−u rounds to 1, σ = 1, σ' = 1 · 0 = 0.
    const c = compileExpression('sigmoid(u)');
    expect([-800, -710, 0, 710, 800].map((u) => c.partial([u], 0))).toEqual([0, Math.exp(-710), 0.25, 0, 0]);
    expect(Math.exp(-710)).toBeLessThan(4.5e-309);
    // inside a formula: d/dx sigmoid(x·y) = σ'(xy) · y, finite on both tails
    expect(grads('sigmoid(x * y)', [-800, 1])).toEqual([0, 0]);
    expect(grads('sigmoid(x * y) * 3', [0, 2])).toEqual([0.25 * 2 * 3, 0]);
    expect(grads('sigmoid(-x)', [710])).toEqual([-Math.exp(-710)]);
  });

  it('x^y at base 0: as the pow op (d/dbase = y·0^(y−1), 0 when y = 0; d/dexponent taken as 0)', () => {
    // d/dx x^y = y·x^(y−1), with the pow op's (and torch's) 0 when y = 0:
    //   y = 0: 0;  y = 0.5: 0.5 · 0^−0.5 = 0.5 · ∞ = ∞;  y = 1: 1 · 0^0 = 1;  y = 2: 2 · 0^1 = 0;  y = 3: 3 · 0^2 = 0.
    // d/dy x^y = x^y · ln|x|, taken as 0 at x = 0 (torch: 0 for y ≥ 0). Before: NaN (0 · −∞ or 0 · ∞).
    const expected = [
      [0, 0],
      [Infinity, 0],
      [1, 0],
      [0, 0],
      [0, 0],
    ];
    for (const text of ['x^y', 'pow(x, y)'])
      expect(
        [0, 0.5, 1, 2, 3].map((y) => grads(text, [0, y])),
        text,
      ).toEqual(expected);
    // a base that is 0 as a subexpression: d/dx (x − 1)^y at x = 1 is y·0^(y−1)
    expect([0, 0.5, 1, 2, 3].map((y) => grads('(x - 1)^y', [1, y])[0])).toEqual([0, Infinity, 1, 0, 0]);
    // constant exponent: d/dx x^2 at 0 = 2 · 0 = 0, d/dx x^0 = 0
    expect(grads('x^2 + x^0', [0])).toEqual([0]);
  });

  it('max / min: exactly 1 for the selected operand, 0 for the others, shared evenly at a tie', () => {
    // max(sin x, cos x, y) at a point where y wins: d/dx = 0 exactly, d/dy = 1. Before, the nested
    // (a + b + |a − b|)/2 rewrite left d/dx = 1.4e−17.
    expect(grads('max(sin(x), cos(x), y)', [0.4590387586541764, 1.58522907236138])).toEqual([0, 1]);
    fc.assert(
      fc.property(fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true }), (x, y) => {
        const [dx, dy] = grads('max(sin(x), cos(x), y) + min(0.1 * x, 0.7 * y, y * x)', [x, y]);
        // hand derivative, at points without ties: the selected operand's derivative
        const a = [Math.sin(x), Math.cos(x), y];
        const b = [0.1 * x, 0.7 * y, y * x];
        fc.pre(new Set(a).size === 3 && new Set(b).size === 3);
        const ia = a.indexOf(Math.max(...a));
        const ib = b.indexOf(Math.min(...b));
        expect(dx).toBe([Math.cos(x), -Math.sin(x), 0][ia] + [0.1, 0, y][ib]);
        expect(dy).toBe([0, 0, 1][ia] + [0, 0.7, x][ib]);
      }),
      { numRuns: 300, seed: 5 },
    );
    // ties: the gradient is shared evenly by the operands that attain the extremum
    expect(grads('max(x, y)', [1, 1])).toEqual([0.5, 0.5]);
    expect(grads('min(x, y, z)', [2, 2, 2])).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(grads('max(x, y, 0.5)', [0.5, 0.5])).toEqual([1 / 3, 1 / 3]);
    expect(grads('max(x, y, z)', [2, 2, 1])).toEqual([0.5, 0.5, 0]);
    expect(grads('max(x, x)', [3])).toEqual([1]); // 1/2 + 1/2
    expect(grads('max(x, -x)', [0])).toEqual([0]); // 1/2 − 1/2: |x| at 0, like abs
  });

  it('abs: the sign of its operand, whatever the variables are called', () => {
    // d/dx |x|·s = sign(x)·s = −3 at x = −2, s = 3; d/ds = |x| = 2. Before, abs used a helper named
    // sign__0, and a variable of that name was overwritten by it (giving 1 and 4).
    expect(grads('abs(x) * sign__0', [-2, 3])).toEqual([-3, 2]);
    expect(grads('abs(x) * sign__0 + abs(sign__1)', [-2, 3, -1])).toEqual([-3, 2, -1]);
    expect(grads('abs(x)', [0])).toEqual([0]);
  });
});
