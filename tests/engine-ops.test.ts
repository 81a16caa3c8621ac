// Every primitive op's local derivatives against central finite differences, over many points.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { opRegistry, resolveAttrs, type OpDef } from '../graph-engine/index.ts';

/** Operand count to test with, and a generator of points away from kinks and outside domains. */
function domain(op: OpDef): { k: number; point: fc.Arbitrary<number[]> } {
  const real = (min = -3, max = 3) => fc.double({ min, max, noNaN: true });
  const awayFromZero = real().filter((v) => Math.abs(v) > 1e-3);
  const a = op.arity;
  const k = a.kind === 'fixed' ? a.ports.length : a.kind === 'variadic' ? Math.max(a.min, a.multipleOf ? 4 : 3) : 0;
  const tuple = (g: fc.Arbitrary<number>, n = k) => fc.array(g, { minLength: n, maxLength: n });
  switch (op.name) {
    case 'log':
    case 'sqrt':
      return { k, point: tuple(real(0.05, 5)) };
    case 'div':
      return {
        k,
        point: fc
          .tuple(
            real(),
            awayFromZero.filter((v) => Math.abs(v) > 0.1),
          )
          .map((t) => [...t]),
      };
    case 'pow':
      return { k, point: fc.tuple(real(0.1, 3), real(-2, 3)).map((t) => [...t]) };
    case 'abs':
    case 'relu':
    case 'leaky_relu':
    case 'elu':
    case 'step':
      return { k, point: tuple(awayFromZero) };
    case 'max':
    case 'min':
      // distinct operands, so the arg-max does not flip inside the finite-difference step
      return { k, point: tuple(real()).filter((x) => x.every((v, i) => x.every((w, j) => i === j || Math.abs(v - w) > 1e-3))) };
    case 'bce':
      return { k, point: fc.tuple(real(0.05, 0.95), real(0, 1)).map((t) => [...t]) };
    case 'cross_entropy':
      return { k, point: fc.tuple(real(0.05, 1), real(0.05, 1), real(0, 1), real(0, 1)).map((t) => [...t]) };
    default:
      return { k, point: tuple(real()) };
  }
}

const primitives = [...opRegistry.values()].filter((op) => op.arity.kind !== 'leaf' && op.category !== 'Layers' && op.category !== 'Expression');

describe('op registry', () => {
  it('declares every required op', () => {
    const required = [
      'input',
      'const',
      'param',
      'identity',
      'add',
      'sub',
      'mul',
      'div',
      'neg',
      'pow',
      'square',
      'sqrt',
      'exp',
      'log',
      'abs',
      'sin',
      'cos',
      'sum',
      'mean',
      'sigmoid',
      'tanh',
      'relu',
      'leaky_relu',
      'elu',
      'softplus',
      'step',
      'max',
      'min',
      'mse',
      'bce',
      'bce_with_logits',
      'cross_entropy',
      'softmax_cross_entropy',
    ];
    for (const name of required) expect(opRegistry.has(name), name).toBe(true);
  });

  it('gives every op a symbol, a description and a palette category', () => {
    for (const op of opRegistry.values()) {
      expect(op.symbol.length, op.name).toBeGreaterThan(0);
      expect(op.description.length, op.name).toBeGreaterThan(10);
      expect(op.category, op.name).toBeTruthy();
    }
  });

  it('uses the documented attr defaults', () => {
    expect(resolveAttrs(opRegistry.get('leaky_relu')!, undefined)).toEqual({ alpha: 0.01 });
    expect(resolveAttrs(opRegistry.get('elu')!, {})).toEqual({ alpha: 1 });
    expect(resolveAttrs(opRegistry.get('leaky_relu')!, { alpha: 0.2 })).toEqual({ alpha: 0.2 });
  });
});

describe.each(primitives.map((op) => [op.name, op] as const))('%s', (_name, op) => {
  it('has local derivatives equal to central finite differences', () => {
    const { k, point } = domain(op);
    const attrs = resolveAttrs(op, undefined);
    fc.assert(
      fc.property(point, (x) => {
        const y = op.forward(x, k, attrs);
        for (let i = 0; i < k; i++) {
          const h = 1e-6 * Math.max(1, Math.abs(x[i]));
          const xp = [...x];
          const xm = [...x];
          xp[i] += h;
          xm[i] -= h;
          const numeric = (op.forward(xp, k, attrs) - op.forward(xm, k, attrs)) / (2 * h);
          const analytic = op.partial(x, k, y, i, attrs);
          const err = Math.abs(analytic - numeric) / Math.max(1, Math.abs(numeric));
          if (!(err < 1e-5)) throw new Error(`d${op.name}/dx${i} at [${x}]: analytic ${analytic}, numeric ${numeric}`);
        }
      }),
      { numRuns: 200, seed: 42 },
    );
  });

  it('writes LaTeX for its value and each partial', () => {
    const { k } = domain(op);
    const args = Array.from({ length: k }, (_, i) => `x_{${i + 1}}`);
    const attrs = resolveAttrs(op, undefined);
    expect(op.latex.value(args, attrs)).not.toBe('');
    for (let i = 0; i < k; i++) expect(op.latex.partial(args, i, 'y', attrs)).not.toBe('');
  });
});

describe('LaTeX of the mean squared error', () => {
  const mse = opRegistry.get('mse')!;
  it('writes the factor 2/h simply', () => {
    expect(mse.latex.partial(['p', 't'], 0, 'L', {})).toBe('2(p - t)');
    expect(mse.latex.partial(['a', 'b', 'c', 'd'], 3, 'L', {})).toBe('-(b - d)');
    expect(mse.latex.partial(['a', 'b', 'c', 'd', 'e', 'f'], 1, 'L', {})).toBe('\\frac{2}{3} (b - e)');
  });
});

describe('documented conventions at kinks', () => {
  const at = (name: string, x: number[], i = 0) => {
    const op = opRegistry.get(name)!;
    const a = resolveAttrs(op, undefined);
    return op.partial(x, x.length, op.forward(x, x.length, a), i, a);
  };
  it('relu and abs take derivative 0 at 0; leaky_relu takes alpha', () => {
    expect(at('relu', [0])).toBe(0);
    expect(at('abs', [0])).toBe(0);
    expect(at('leaky_relu', [0])).toBe(0.01);
  });
  it('step outputs 1 at 0 and has derivative 0 everywhere', () => {
    const step = opRegistry.get('step')!;
    expect(step.forward([0], 1, {})).toBe(1);
    expect(step.forward([-1], 1, {})).toBe(0);
    for (const x of [-2, 0, 3]) expect(at('step', [x])).toBe(0);
    expect(step.convention).toMatch(/derivative is 0/);
  });
  it('max sends the gradient to the first operand attaining it', () => {
    expect(at('max', [2, 2], 0)).toBe(1);
    expect(at('max', [2, 2], 1)).toBe(0);
  });
  it('softmax_cross_entropy stays finite for huge logits', () => {
    const op = opRegistry.get('softmax_cross_entropy')!;
    const x = [1000, 0, 1, 0];
    expect(op.forward(x, 4, {})).toBeCloseTo(0, 12);
    expect(op.partial(x, 4, 0, 1, {})).toBeCloseTo(0, 12);
  });
  it('bce clamps log terms so p = 0 gives a large finite loss', () => {
    const op = opRegistry.get('bce')!;
    expect(op.forward([0, 1], 2, {})).toBe(100);
  });
});

describe('div at extreme divisors', () => {
  const div = opRegistry.get('div')!;
  const db = (a: number, b: number) => div.partial([a, b], 2, a / b, 1, {});
  it('matches -a/b² where b² itself overflows or underflows', () => {
    // d(a/b)/db = -a/b². b = 1e200: b² = 1e400 overflows, yet -1e300/1e400 = -1e-100 is a normal double.
    expect(db(1e300, 1e200) / -1e-100).toBeCloseTo(1, 14);
    // b = 1e-200: b² = 1e-400 underflows to 0, yet -1e-300/1e-400 = -1e100 (PyTorch float64 gives -1e100, not -inf).
    expect(db(1e-300, 1e-200) / -1e100).toBeCloseTo(1, 14);
    expect(db(1, 1e-100)).toBe(-1e200);
    expect(db(2, 3)).toBeCloseTo(-2 / 9, 15);
  });
  it('is within a few ulps of -a/b² over the whole double range (oracle: b split into mantissa · 2^e)', () => {
    // Independent evaluation: b = m·2^e with 1 ≤ |m| < 2, so -a/b² = -(a/m²)·2^(-2e); scaling by a power of two is exact.
    const oracle = (a: number, b: number) => {
      const e = Math.floor(Math.log2(Math.abs(b)));
      const m = b / 2 ** e;
      const half = 2 ** -e; // 2^(-2e) applied as two factors of 2^(-e), each representable
      return -(a / (m * m)) * half * half;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: -300, max: 300 }),
        fc.integer({ min: -300, max: 300 }),
        fc.double({ min: 1, max: 9.99, noNaN: true }),
        fc.boolean(),
        (u, v, mant, neg) => {
          const a = (neg ? -1 : 1) * mant * 10 ** u;
          const b = 10 ** v;
          const want = oracle(a, b);
          if (!(Math.abs(want) > 1e-290 && Math.abs(want) < 1e290)) return; // outside the normal range either way
          const got = db(a, b);
          if (!(Math.abs(got - want) <= 4e-16 * Math.abs(want))) throw new Error(`d(a/b)/db at a=${a}, b=${b}: ${got}, want ${want}`);
        },
      ),
      { numRuns: 2000, seed: 7 },
    );
  });
});

/**
 * Softmax cross-entropy and its gradients in 800-digit decimal arithmetic (exact for any sum or
 * difference of doubles in play) (Python's decimal module),
 * from the doubles given: an oracle independent of the engine's float64 code.
 * Loss = Σ y_j (lse − z_j); d/dz_i = p_i Σy − y_i; d/dy_j = lse − z_j; lse = m + ln Σ e^(z − m).
 * For d/dz_i it also returns p_i Σ_{j≠i} y_j + y_i (1 − p_i): the size of the terms that cancel.
 */
function decimalSoftmaxCE(points: number[][]): { loss: number; grads: number[]; scales: number[] }[] {
  const script = `
import json, sys
from decimal import Decimal as D, getcontext
getcontext().prec = 800
out = []
for x in json.load(sys.stdin):
    h = len(x) // 2
    z = [D(v) for v in x[:h]]; y = [D(v) for v in x[h:]]
    m = max(z)
    s = sum((zi - m).exp() for zi in z)
    lse = m + s.ln()
    p = [(zi - m).exp() / s for zi in z]
    ys = sum(y)
    loss = sum(yj * (lse - zj) for yj, zj in zip(y, z))
    gz = [p[i] * ys - y[i] for i in range(h)]
    gy = [lse - zj for zj in z]
    sz = [p[i] * (ys - y[i]) + y[i] * (1 - p[i]) for i in range(h)]  # exact at this precision
    out.append({"loss": float(loss), "grads": [float(g) for g in gz + gy], "scales": [float(v) for v in sz] + [abs(float(g)) for g in gy]})
print(json.dumps(out))
`;
  return JSON.parse(execFileSync('python3', ['-c', script], { input: JSON.stringify(points), encoding: 'utf8' }));
}

describe('softmax_cross_entropy at extreme logits', () => {
  const sce = opRegistry.get('softmax_cross_entropy')!;
  const at = (x: number[]) => {
    const k = x.length;
    const y = sce.forward(x, k, {});
    return { loss: y, grads: x.map((_, i) => sce.partial(x, k, y, i, {})) };
  };
  it('keeps ln 2 for two equal logits however large (not 0.75 at 1e15, nor 0 at −1e300)', () => {
    // z = [c, c], y = [1, 0]: softmax = [½, ½], so loss = −ln ½ = ln 2, d/dz = [½ − 1, ½] = [−½, ½], d/dy_j = ln 2.
    for (const c of [0, 1e15, -1e15, 1e300, -1e300]) {
      const { loss, grads } = at([c, c, 1, 0]);
      expect(loss, `z = ${c}`).toBe(Math.LN2);
      expect(grads, `z = ${c}`).toEqual([-0.5, 0.5, Math.LN2, Math.LN2]);
    }
  });
  it('keeps every digit of a tiny loss', () => {
    // z = [0, −30], y = [1, 0]: loss = ln(1 + e^−30) = 9.3576229688397367794e−14 (60-digit decimal);
    // d/dz1 = softmax_1 − 1 = −e^−30 / (1 + e^−30) = −9.3576229688392989538e−14; d/dz2 = +9.3576229688392989538e−14.
    const { loss, grads } = at([0, -30, 1, 0]);
    expect(Math.abs(loss / 9.3576229688397367794e-14 - 1)).toBeLessThan(1e-15);
    expect(Math.abs(grads[0] / -9.3576229688392989538e-14 - 1)).toBeLessThan(1e-15);
    expect(Math.abs(grads[1] / 9.3576229688392989538e-14 - 1)).toBeLessThan(1e-15);
  });
  it('matches 800-digit decimal arithmetic for logits of every magnitude and any targets', () => {
    // Logits c + δ_j: c from 0 to ±1e300, spreads δ up to ±60, targets in [0, 1] (not only one-hot).
    const point = fc
      .tuple(fc.constantFrom(0, 1, -7.5, 1e6, -1e8, 1e15, -1e15, 3e150, -1e300, 1e300), fc.integer({ min: 1, max: 4 }))
      .chain(([c, h]) =>
        fc.tuple(
          fc.array(fc.double({ min: -60, max: 60, noNaN: true }), { minLength: h, maxLength: h }).map((d) => d.map((v) => c + v)),
          fc.array(fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: h, maxLength: h }),
        ),
      )
      .map(([z, y]) => [...z, ...y]);
    const points = fc.sample(point, { numRuns: 250, seed: 11 });
    const want = decimalSoftmaxCE(points);
    points.forEach((x, n) => {
      const got = at(x);
      const w = want[n];
      const where = `at [${x}]`;
      expect(Math.abs(got.loss - w.loss), `loss ${where}: ${got.loss}, want ${w.loss}`).toBeLessThanOrEqual(1e-14 * Math.abs(w.loss) + 1e-300);
      got.grads.forEach((g, i) => {
        expect(Math.abs(g - w.grads[i]), `d/dx${i} ${where}: ${g}, want ${w.grads[i]}`).toBeLessThanOrEqual(1e-14 * w.scales[i] + 1e-300);
      });
    });
  });
});

/** e^x for x = −13, −20, −37, −40, −700 (30-digit decimal, Python's decimal module). */
const EXP_DEEP: [number, number][] = [
  [-13, 2.26032940698105432578527729054e-6],
  [-20, 2.06115362243855782796594038016e-9],
  [-37, 8.53304762574406579427804982294e-17],
  [-40, 4.24835425529158899532923478286e-18],
  [-700, 9.85967654375977085670537294785e-305],
];

describe('elu far below zero', () => {
  const elu = opRegistry.get('elu')!;
  it('has derivative α·eˣ, not the cancelling y + α (0 below x ≈ −37)', () => {
    for (const alpha of [1, 0.5, 3]) {
      for (const [x, ex] of EXP_DEEP) {
        const y = elu.forward([x], 1, { alpha });
        const d = elu.partial([x], 1, y, 0, { alpha });
        expect(Math.abs(d / (alpha * ex) - 1), `elu'(${x}) with α = ${alpha}: ${d}`).toBeLessThan(1e-15);
      }
    }
  });
  it('writes that derivative in its LaTeX', () => {
    expect(elu.latex.partial(['x'], 0, 'y', { alpha: 1 })).toContain('e^{x}');
    expect(elu.latex.partial(['x'], 0, 'y', { alpha: 0.5 })).toContain('0.5 \\cdot e^{x}');
  });
});
