/**
 * The op registry: every primitive op, declared once. Each entry keeps its forward and its local
 * derivatives side by side, micrograd style, plus the LaTeX and words the UI shows.
 */
import type { Attrs, AttrSpec, Category, OpDef } from './types.ts';
import { group, neg as negate, pow as powTex, prod } from './latex.ts';
import {
  onnxBce,
  onnxBceWithLogits,
  onnxCrossEntropy,
  onnxDropout,
  onnxFold,
  onnxMse,
  onnxOp,
  onnxSoftmaxCrossEntropy,
  onnxSquare,
  onnxStep,
  onnxVariadic,
  type OnnxRule,
} from '../export/onnx-rules.ts';
import { MACRO_OPS } from '../macros/ops.ts';

const LOG_FLOOR = -100; // losses clamp log terms at -100, as PyTorch does, so p = 0 stays finite
const clampedLog = (p: number) => Math.max(Math.log(p), LOG_FLOOR);
/** The logistic function, without overflow for any z: the one every part of the engine uses. */
export const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
const softplus = (z: number) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
/**
 * −(y ln σ(z) + (1 − y) ln(1 − σ(z))) from the logit: max(z, 0) − z·y + ln(1 + e^(−|z|)), with
 * max(z, 0) − z·y written as z(1 − y) or −z·y so it never subtracts two large numbers.
 */
export const bceWithLogits = (z: number, y: number) => (z >= 0 ? z * (1 - y) : -z * y) + Math.log1p(Math.exp(-Math.abs(z)));
/**
 * Its d/dz, σ(z) − y, taken as (1 − y) − σ(−z) for z > 0: σ(z) rounds to 1 there, which would leave
 * σ(30) − 1 with 3 digits (−9.348e−14 for −9.358e−14); 1 − y and σ(−z) carry every digit.
 */
export const bceWithLogitsSlope = (z: number, y: number) => (z <= 0 ? sigmoid(z) - y : 1 - y - sigmoid(-z));

interface UnarySpec {
  name: string;
  symbol: string;
  category: Category;
  description: string;
  f: (x: number, a: Attrs) => number;
  /** derivative, given the input x and the output y (whichever is cheaper) */
  df: (x: number, y: number, a: Attrs) => number;
  tex: (x: string, a: Attrs) => string;
  dtex: (x: string, y: string, a: Attrs) => string;
  attrs?: AttrSpec[];
  convention?: string;
  onnx?: OnnxRule;
  torch?: (x: string, a: Attrs) => string;
}

function unary(s: UnarySpec): OpDef {
  return {
    name: s.name,
    symbol: s.symbol,
    category: s.category,
    description: s.description,
    arity: { kind: 'fixed', ports: ['x'] },
    attrs: s.attrs,
    convention: s.convention,
    onnx: s.onnx,
    torch: s.torch && ((x, a) => s.torch!(x[0], a)),
    forward: (x, _k, a) => s.f(x[0], a),
    partial: (x, _k, y, _i, a) => s.df(x[0], y, a),
    scalar: { value: s.f, slope: s.df },
    latex: { value: (args, a) => s.tex(args[0], a), partial: (args, _i, out, a) => s.dtex(args[0], out, a) },
  };
}

interface BinarySpec {
  name: string;
  symbol: string;
  category: Category;
  description: string;
  ports: [string, string];
  f: (a: number, b: number) => number;
  da: (a: number, b: number, y: number) => number;
  db: (a: number, b: number, y: number) => number;
  tex: (a: string, b: string) => string;
  datex: (a: string, b: string, y: string) => string;
  dbtex: (a: string, b: string, y: string) => string;
  convention?: string;
  onnx: OnnxRule;
  torch: (a: string, b: string) => string;
}

function binary(s: BinarySpec): OpDef {
  return {
    name: s.name,
    symbol: s.symbol,
    category: s.category,
    description: s.description,
    arity: { kind: 'fixed', ports: s.ports },
    convention: s.convention,
    onnx: s.onnx,
    torch: (x) => s.torch(x[0], x[1]),
    forward: (x) => s.f(x[0], x[1]),
    partial: (x, _k, y, i) => (i === 0 ? s.da(x[0], x[1], y) : s.db(x[0], x[1], y)),
    latex: {
      value: (args) => s.tex(args[0], args[1]),
      partial: (args, i, out) => (i === 0 ? s.datex : s.dbtex)(args[0], args[1], out),
    },
  };
}

const leafPartial = () => 0;
function leaf(name: string, symbol: string, description: string): OpDef {
  return {
    name,
    symbol,
    category: 'Inputs and parameters',
    description,
    arity: { kind: 'leaf' },
    // Leaves never run forward: the engine reads their value from the model or a dataset.
    forward: () => Number.NaN,
    partial: leafPartial,
    latex: { value: () => '', partial: () => '0' },
  };
}

const operandName = (i: number) => `x${i + 1}`;
/** Names for paired operands: p1..pk then t1..tk (first half predictions, second half targets). */
const pairedName = (first: string, second: string) => (i: number, k: number) => (i < k / 2 ? `${first}${i + 1}` : `${second}${i - k / 2 + 1}`);

function argIndexOf(x: ArrayLike<number>, k: number, better: (a: number, b: number) => boolean): number {
  let best = 0;
  for (let j = 1; j < k; j++) if (better(x[j], x[best])) best = j;
  return best;
}

/**
 * log-sum-exp of x[from..to) split as m + ln S, with m the largest entry and ln S = ln Σ e^(x − m)
 * taken as log1p of the other terms (the largest contributes exactly 1). Callers subtract from m,
 * never from m + ln S: rounding that sum first loses ln S entirely when |m| is large (1e15, 1e300)
 * and most digits of a tiny loss.
 */
function logSumExp(x: ArrayLike<number>, from: number, to: number): { m: number; lnS: number; top: number; rest: number } {
  let top = from;
  for (let j = from + 1; j < to; j++) if (x[j] > x[top]) top = j;
  const m = x[top];
  let rest = 0;
  for (let j = from; j < to; j++) if (j !== top) rest += Math.exp(x[j] - m);
  return { m, lnS: Math.log1p(rest), top, rest };
}

const sumTex = (args: readonly string[]) => args.map((t, j) => (j > 0 && t.startsWith('-') ? `(${t})` : t)).join(' + ');

/**
 * Dropout with inverted scaling: in a training step each sample's value is kept with probability
 * 1 − p and scaled by 1/(1 − p), else zeroed, so its expected value is x and evaluation needs no
 * rescaling; everywhere else it is the identity. The mask m comes from the seeded draw u (kept when
 * u ≥ p), so p = 0 keeps every value exactly.
 */
const dropout: OpDef = {
  name: 'dropout',
  symbol: 'drop',
  category: 'Activations',
  description:
    'Dropout with rate p: in a training step y = m·x/(1 − p), each value kept (m = 1) with probability 1 − p, else zeroed (m = 0); local derivative m/(1 − p). The identity in evaluation, Build and Teach.',
  arity: { kind: 'fixed', ports: ['x'] },
  attrs: [{ name: 'rate', default: 0.5, description: 'probability p of zeroing a value in a training step, 0 ≤ p < 1' }],
  instantiate(attrs) {
    const rate = attrs?.rate;
    // A missing or non-numeric rate is the default or the generic attr check's to report.
    if (typeof rate !== 'number' || !Number.isFinite(rate) || (rate >= 0 && rate < 1)) return dropout;
    return { error: `attr "rate" must be a number at least 0 and below 1 (got ${JSON.stringify(rate)}).` };
  },
  forward: (x) => x[0],
  partial: () => 1,
  training: {
    value: (x, u, a) => (u >= a.rate ? x / (1 - a.rate) : 0),
    slope: (u, a) => (u >= a.rate ? 1 / (1 - a.rate) : 0),
  },
  latex: {
    value: ([x], a) => `\\begin{cases} \\frac{m \\, ${group(x)}}{1 - ${a.rate}} & \\text{training step} \\\\ ${x} & \\text{otherwise} \\end{cases}`,
    partial: (_args, _i, _out, a) => `\\begin{cases} \\frac{m}{1 - ${a.rate}} & \\text{training step} \\\\ 1 & \\text{otherwise} \\end{cases}`,
  },
  convention:
    'The mask m is 1 for a kept value and 0 for a dropped one, drawn per sample from the training seed and step (kept with probability 1 − p), so runs are reproducible. Outside training steps m/(1 − p) is replaced by 1: the op is the identity.',
  onnx: onnxDropout,
  torch: ([x], a) => `F.dropout(${x}, p=${a.rate}, training=self.training)`,
};

const OPS: OpDef[] = [
  leaf('input', 'in', 'A data input: a number you set, later bound to a dataset column.'),
  leaf('const', 'c', 'A fixed constant.'),
  leaf('param', 'w', 'A trainable parameter (weight or bias), updated by gradient descent.'),

  // ---- Arithmetic ----
  unary({
    name: 'identity',
    symbol: '=',
    category: 'Arithmetic',
    description: 'Passes its input through unchanged.',
    onnx: onnxOp('Identity'),
    torch: (x) => x,
    f: (x) => x,
    df: () => 1,
    tex: (x) => x,
    dtex: () => '1',
  }),
  {
    name: 'add',
    symbol: '+',
    category: 'Arithmetic',
    description: 'Sum of two or more operands.',
    onnx: onnxVariadic('Sum'),
    torch: (x) => `(${x.join(' + ')})`,
    arity: { kind: 'variadic', min: 2, portName: operandName },
    forward: (x, k) => {
      let s = 0;
      for (let j = 0; j < k; j++) s += x[j];
      return s;
    },
    partial: () => 1,
    latex: { value: sumTex, partial: () => '1' },
  },
  binary({
    name: 'sub',
    symbol: '−',
    category: 'Arithmetic',
    description: 'Difference a − b.',
    ports: ['a', 'b'],
    onnx: onnxOp('Sub'),
    torch: (a, b) => `(${a} - ${b})`,
    f: (a, b) => a - b,
    da: () => 1,
    db: () => -1,
    tex: (a, b) => `${a} - ${group(b)}`,
    datex: () => '1',
    dbtex: () => '-1',
  }),
  {
    name: 'mul',
    symbol: '×',
    category: 'Arithmetic',
    description: 'Product of two or more operands.',
    onnx: onnxFold('Mul'),
    torch: (x) => `(${x.join(' * ')})`,
    arity: { kind: 'variadic', min: 2, portName: operandName },
    forward: (x, k) => {
      let p = 1;
      for (let j = 0; j < k; j++) p *= x[j];
      return p;
    },
    // The product of the other operands (not y / x_i, which fails at x_i = 0).
    partial: (x, k, _y, i) => {
      let p = 1;
      for (let j = 0; j < k; j++) if (j !== i) p *= x[j];
      return p;
    },
    latex: { value: (args) => prod(args), partial: (args, i) => prod(args.filter((_, j) => j !== i)) || '1' },
  },
  binary({
    name: 'div',
    symbol: '÷',
    category: 'Arithmetic',
    description: 'Quotient a / b.',
    ports: ['a', 'b'],
    onnx: onnxOp('Div'),
    torch: (a, b) => `(${a} / ${b})`,
    // −(a/b)/b, not −a/(b·b): b·b overflows (or underflows) for |b| beyond ~1e154 (or under ~1e−154).
    f: (a, b) => a / b,
    da: (_a, b) => 1 / b,
    db: (a, b) => -(a / b) / b,
    tex: (a, b) => `\\frac{${a}}{${b}}`,
    datex: (_a, b) => `\\frac{1}{${b}}`,
    dbtex: (a, b) => `-\\frac{${a}}{${powTex(b, '2')}}`,
  }),
  unary({
    name: 'neg',
    symbol: '−x',
    category: 'Arithmetic',
    description: 'Negation: flips the sign, −x.',
    onnx: onnxOp('Neg'),
    torch: (x) => `(-${x})`,
    f: (x) => -x,
    df: () => -1,
    tex: (x) => negate(x),
    dtex: () => '-1',
  }),
  binary({
    name: 'pow',
    symbol: 'xʸ',
    category: 'Arithmetic',
    description: 'Power: base raised to exponent (both differentiable).',
    onnx: onnxOp('Pow'),
    torch: (a, b) => `torch.pow(${a}, ${b})`,
    ports: ['base', 'exponent'],
    f: (a, b) => a ** b,
    da: (a, b) => (b === 0 ? 0 : b * a ** (b - 1)),
    db: (a, _b, y) => (a === 0 ? 0 : y * Math.log(Math.abs(a))),
    tex: (a, b) => powTex(a, b),
    datex: (a, b) => `${group(b)} \\cdot ${powTex(a, `${b} - 1`)}`,
    dbtex: (a, _b, y) => `${group(y)} \\cdot \\ln\\left|${a}\\right|`,
    convention: 'd/d(exponent) is taken as base^exponent · ln|base| (0 when the base is 0), the real part for a negative base.',
  }),
  unary({
    name: 'square',
    symbol: 'x²',
    category: 'Arithmetic',
    description: 'Square: x times itself, x².',
    onnx: onnxSquare,
    torch: (x) => `torch.square(${x})`,
    f: (x) => x * x,
    df: (x) => 2 * x,
    tex: (x) => powTex(x, '2'),
    dtex: (x) => `2 \\cdot ${group(x)}`,
  }),
  unary({
    name: 'sqrt',
    symbol: '√',
    category: 'Arithmetic',
    description: 'Square root √x.',
    onnx: onnxOp('Sqrt'),
    torch: (x) => `torch.sqrt(${x})`,
    f: (x) => Math.sqrt(x),
    df: (_x, y) => 0.5 / y,
    tex: (x) => `\\sqrt{${x}}`,
    dtex: (_x, y) => `\\frac{1}{2 \\cdot ${group(y)}}`,
  }),
  unary({
    name: 'exp',
    symbol: 'exp',
    category: 'Arithmetic',
    description: 'Exponential eˣ.',
    onnx: onnxOp('Exp'),
    torch: (x) => `torch.exp(${x})`,
    f: (x) => Math.exp(x),
    df: (_x, y) => y,
    tex: (x) => `e^{${x}}`,
    dtex: (x) => `e^{${x}}`,
  }),
  unary({
    name: 'log',
    symbol: 'ln',
    category: 'Arithmetic',
    description: 'Natural logarithm ln x.',
    onnx: onnxOp('Log'),
    torch: (x) => `torch.log(${x})`,
    f: (x) => Math.log(x),
    df: (x) => 1 / x,
    tex: (x) => `\\ln ${group(x)}`,
    dtex: (x) => `\\frac{1}{${x}}`,
  }),
  unary({
    name: 'abs',
    symbol: '|x|',
    category: 'Arithmetic',
    description: 'Absolute value |x|.',
    onnx: onnxOp('Abs'),
    torch: (x) => `torch.abs(${x})`,
    f: (x) => Math.abs(x),
    df: (x) => (x > 0 ? 1 : x < 0 ? -1 : 0),
    tex: (x) => `\\left|${x}\\right|`,
    dtex: (x) => `\\operatorname{sign}(${x})`,
    convention: 'At x = 0 the derivative is taken as 0.',
  }),
  unary({
    name: 'sin',
    symbol: 'sin',
    category: 'Arithmetic',
    description: 'Sine of x (radians).',
    onnx: onnxOp('Sin'),
    torch: (x) => `torch.sin(${x})`,
    f: (x) => Math.sin(x),
    df: (x) => Math.cos(x),
    tex: (x) => `\\sin ${group(x)}`,
    dtex: (x) => `\\cos ${group(x)}`,
  }),
  unary({
    name: 'cos',
    symbol: 'cos',
    category: 'Arithmetic',
    description: 'Cosine of x (radians).',
    onnx: onnxOp('Cos'),
    torch: (x) => `torch.cos(${x})`,
    f: (x) => Math.cos(x),
    df: (x) => -Math.sin(x),
    tex: (x) => `\\cos ${group(x)}`,
    dtex: (x) => `-\\sin ${group(x)}`,
  }),
  {
    name: 'sum',
    symbol: 'Σ',
    category: 'Arithmetic',
    description: 'Sum of one or more operands.',
    onnx: onnxVariadic('Sum'),
    torch: (x) => `(${x.join(' + ')})`,
    arity: { kind: 'variadic', min: 1, portName: operandName },
    forward: (x, k) => {
      let s = 0;
      for (let j = 0; j < k; j++) s += x[j];
      return s;
    },
    partial: () => 1,
    latex: { value: sumTex, partial: () => '1' },
  },
  {
    name: 'mean',
    symbol: 'x̄',
    category: 'Arithmetic',
    description: 'Mean of one or more operands.',
    onnx: onnxVariadic('Mean'),
    torch: (x) => `((${x.join(' + ')}) / ${x.length})`,
    arity: { kind: 'variadic', min: 1, portName: operandName },
    forward: (x, k) => {
      let s = 0;
      for (let j = 0; j < k; j++) s += x[j];
      return s / k;
    },
    partial: (_x, k) => 1 / k,
    latex: {
      value: (args) => `\\frac{1}{${args.length}}\\left(${sumTex(args)}\\right)`,
      partial: (args) => `\\frac{1}{${args.length}}`,
    },
  },
  {
    name: 'max',
    symbol: 'max',
    category: 'Arithmetic',
    description: 'Largest of two or more operands.',
    onnx: onnxVariadic('Max'),
    torch: (x) => `torch.stack([${x.join(', ')}]).max(dim=0).values`,
    arity: { kind: 'variadic', min: 2, portName: operandName },
    forward: (x, k) => x[argIndexOf(x, k, (a, b) => a > b)],
    partial: (x, k, _y, i) => (argIndexOf(x, k, (a, b) => a > b) === i ? 1 : 0),
    latex: {
      value: (args) => `\\max(${args.join(', ')})`,
      // The bracket's equality is braced: it is no step of a chain `a = b = c`, which Teach mode
      // breaks into lines at every ` = ` outside braces.
      partial: (args, i) => `[\\,{${args[i]} = \\max(${args.join(', ')})}\\,]`,
    },
    convention: 'The gradient goes to the first operand that attains the maximum; the others get 0.',
  },
  {
    name: 'min',
    symbol: 'min',
    category: 'Arithmetic',
    description: 'Smallest of two or more operands.',
    onnx: onnxVariadic('Min'),
    torch: (x) => `torch.stack([${x.join(', ')}]).min(dim=0).values`,
    arity: { kind: 'variadic', min: 2, portName: operandName },
    forward: (x, k) => x[argIndexOf(x, k, (a, b) => a < b)],
    partial: (x, k, _y, i) => (argIndexOf(x, k, (a, b) => a < b) === i ? 1 : 0),
    latex: {
      value: (args) => `\\min(${args.join(', ')})`,
      partial: (args, i) => `[\\,{${args[i]} = \\min(${args.join(', ')})}\\,]`,
    },
    convention: 'The gradient goes to the first operand that attains the minimum; the others get 0.',
  },

  // ---- Activations ----
  unary({
    name: 'sigmoid',
    symbol: 'σ',
    category: 'Activations',
    description: 'Logistic sigmoid 1 / (1 + e^(−x)).',
    onnx: onnxOp('Sigmoid'),
    torch: (x) => `torch.sigmoid(${x})`,
    f: sigmoid,
    df: (_x, y) => y * (1 - y),
    tex: (x) => `\\sigma(${x})`,
    dtex: (_x, y) => `${group(y)}\\,(1 - ${group(y)})`,
  }),
  unary({
    name: 'tanh',
    symbol: 'tanh',
    category: 'Activations',
    description: 'Hyperbolic tangent.',
    onnx: onnxOp('Tanh'),
    torch: (x) => `torch.tanh(${x})`,
    f: (x) => Math.tanh(x),
    df: (_x, y) => 1 - y * y,
    tex: (x) => `\\tanh ${group(x)}`,
    dtex: (_x, y) => `1 - ${powTex(y, '2')}`,
  }),
  unary({
    name: 'relu',
    symbol: 'ReLU',
    category: 'Activations',
    description: 'Rectified linear unit max(0, x).',
    onnx: onnxOp('Relu'),
    torch: (x) => `torch.relu(${x})`,
    f: (x) => (x > 0 ? x : 0),
    df: (x) => (x > 0 ? 1 : 0),
    tex: (x) => `\\max(0, ${x})`,
    dtex: (x) => `[\\,${x} > 0\\,]`,
    convention: 'At x = 0 the derivative is taken as 0.',
  }),
  unary({
    name: 'leaky_relu',
    symbol: 'LReLU',
    category: 'Activations',
    description: 'Leaky ReLU: x for x > 0, αx otherwise.',
    onnx: onnxOp('LeakyRelu', (a) => ({ alpha: a.alpha })),
    torch: (x, a) => `F.leaky_relu(${x}, ${a.alpha})`,
    attrs: [{ name: 'alpha', default: 0.01, description: 'slope for negative inputs' }],
    f: (x, a) => (x > 0 ? x : a.alpha * x),
    df: (x, _y, a) => (x > 0 ? 1 : a.alpha),
    tex: (x, a) => `\\operatorname{lrelu}_{${a.alpha}}(${x})`,
    dtex: (x, _y, a) => `\\begin{cases} 1 & ${x} > 0 \\\\ ${a.alpha} & \\text{otherwise} \\end{cases}`,
    convention: 'At x = 0 the derivative is taken as α.',
  }),
  unary({
    name: 'elu',
    symbol: 'ELU',
    category: 'Activations',
    description: 'ELU: x for x > 0, α(eˣ − 1) otherwise.',
    onnx: onnxOp('Elu', (a) => ({ alpha: a.alpha })),
    torch: (x, a) => `F.elu(${x}, ${a.alpha})`,
    attrs: [{ name: 'alpha', default: 1, description: 'scale of the negative part' }],
    // α·eˣ, not y + α: that sum cancels (relatively wrong from x ≈ −13, exactly 0 below x ≈ −37).
    f: (x, a) => (x > 0 ? x : a.alpha * Math.expm1(x)),
    df: (x, _y, a) => (x > 0 ? 1 : a.alpha * Math.exp(x)),
    tex: (x, a) => `\\operatorname{elu}_{${a.alpha}}(${x})`,
    dtex: (x, _y, a) => `\\begin{cases} 1 & ${x} > 0 \\\\ ${a.alpha === 1 ? '' : `${a.alpha} \\cdot `}e^{${x}} & \\text{otherwise} \\end{cases}`,
    convention: 'At x = 0 the derivative is taken as α (the left-hand limit).',
  }),
  unary({
    name: 'softplus',
    symbol: 'softplus',
    category: 'Activations',
    description: 'Softplus ln(1 + eˣ), a smooth ReLU.',
    onnx: onnxOp('Softplus'),
    torch: (x) => `F.softplus(${x})`,
    f: softplus,
    df: (x) => sigmoid(x),
    tex: (x) => `\\ln(1 + e^{${x}})`,
    dtex: (x) => `\\sigma(${x})`,
  }),
  unary({
    name: 'step',
    symbol: 'step',
    category: 'Activations',
    description: 'Perceptron threshold: 1 if x ≥ 0, else 0.',
    onnx: onnxStep,
    torch: (x) => `(${x} >= 0).to(torch.float64)`,
    f: (x) => (x >= 0 ? 1 : 0),
    df: () => 0,
    tex: (x) => `[\\,${x} \\ge 0\\,]`,
    dtex: () => '0',
    convention:
      'The step is flat everywhere except at 0, where it jumps: its derivative is 0, so no gradient flows back through a step. Perceptrons learn with the perceptron rule, not backprop.',
  }),

  dropout,

  // ---- Losses ----
  {
    name: 'mse',
    symbol: 'MSE',
    category: 'Losses',
    onnx: onnxMse,
    torch: (x) => `gg_mse([${x.join(', ')}])`,
    description: 'Mean squared error: mean of (p_i − t_i)² over predictions p1..pk and targets t1..tk.',
    arity: { kind: 'variadic', min: 2, multipleOf: 2, portName: pairedName('p', 't') },
    forward: (x, k) => {
      const h = k / 2;
      let s = 0;
      for (let j = 0; j < h; j++) {
        const d = x[j] - x[j + h];
        s += d * d;
      }
      return s / h;
    },
    partial: (x, k, _y, i) => {
      const h = k / 2;
      return i < h ? (2 * (x[i] - x[i + h])) / h : (-2 * (x[i - h] - x[i])) / h;
    },
    latex: {
      value: (args) => {
        const h = args.length / 2;
        const terms = args
          .slice(0, h)
          .map((p, j) => powTex(`(${p} - ${group(args[j + h])})`, '2'))
          .join(' + ');
        return h === 1 ? terms : `\\frac{1}{${h}}\\left(${terms}\\right)`;
      },
      partial: (args, i) => {
        const h = args.length / 2;
        const j = i < h ? i : i - h;
        const diff = `(${args[j]} - ${group(args[j + h])})`;
        // 2/h, written simply: 2 for one pair, nothing for two (2/2 = 1).
        const coefficient = h === 1 ? '2' : h === 2 ? '' : `\\frac{2}{${h}} `;
        return `${i < h ? '' : '-'}${coefficient}${diff}`;
      },
    },
  },
  {
    name: 'bce',
    symbol: 'BCE',
    category: 'Losses',
    onnx: onnxBce,
    torch: (x) => `gg_bce(${x[0]}, ${x[1]})`,
    description: 'Binary cross-entropy −(y ln p + (1 − y) ln(1 − p)) of a probability p against a label y.',
    arity: { kind: 'fixed', ports: ['p', 'y'] },
    forward: (x) => -(x[1] * clampedLog(x[0]) + (1 - x[1]) * clampedLog(1 - x[0])),
    partial: (x, _k, _y, i) => (i === 0 ? (x[0] - x[1]) / Math.max(x[0] * (1 - x[0]), 1e-12) : clampedLog(1 - x[0]) - clampedLog(x[0])),
    latex: {
      value: ([p, y]) => `-\\left(${group(y)} \\ln ${group(p)} + (1 - ${group(y)}) \\ln(1 - ${group(p)})\\right)`,
      partial: ([p, y], i) => (i === 0 ? `\\frac{${p} - ${group(y)}}{${group(p)}\\,(1 - ${group(p)})}` : `\\ln(1 - ${group(p)}) - \\ln ${group(p)}`),
    },
    convention: 'Log terms are clamped at −100 (as PyTorch does) so p = 0 or 1 gives a large finite loss, not infinity.',
  },
  {
    name: 'bce_with_logits',
    symbol: 'BCE(z)',
    category: 'Losses',
    onnx: onnxBceWithLogits,
    torch: (x) => `F.binary_cross_entropy_with_logits(${x[0]}, ${x[1]}, reduction="none")`,
    description:
      "Binary cross-entropy of a logit z against a label y, the sigmoid taken inside (PyTorch's BCEWithLogitsLoss): max(z, 0) − z·y + ln(1 + e^(−|z|)).",
    arity: { kind: 'fixed', ports: ['z', 'y'] },
    forward: (x) => bceWithLogits(x[0], x[1]),
    partial: (x, _k, _y, i) => (i === 0 ? bceWithLogitsSlope(x[0], x[1]) : -x[0]),
    latex: {
      value: ([z, y]) => `\\max(${z}, 0) - ${group(z)}\\,${group(y)} + \\ln\\left(1 + e^{-\\left|${z}\\right|}\\right)`,
      partial: ([z, y], i) => (i === 0 ? `\\sigma(${z}) - ${group(y)}` : negate(z)),
    },
    convention:
      'Computed from the logit without forming σ(z), so nothing is clamped: the loss stays exact for any z (800 at z = −800, y = 1, where sigmoid then bce stops at 100) and d/dz = σ(z) − y does not vanish for large |z|.',
  },
  {
    name: 'cross_entropy',
    symbol: 'CE',
    category: 'Losses',
    onnx: onnxCrossEntropy,
    torch: (x) => `gg_cross_entropy([${x.join(', ')}])`,
    description: 'Cross-entropy −Σ y_i ln p_i of probabilities p1..pk against targets y1..yk.',
    arity: { kind: 'variadic', min: 2, multipleOf: 2, portName: pairedName('p', 'y') },
    forward: (x, k) => {
      const h = k / 2;
      let s = 0;
      for (let j = 0; j < h; j++) if (x[j + h] !== 0) s -= x[j + h] * clampedLog(x[j]);
      return s;
    },
    partial: (x, k, _y, i) => {
      const h = k / 2;
      if (i < h) return x[i + h] === 0 ? 0 : -x[i + h] / Math.max(x[i], 1e-44);
      return -clampedLog(x[i - h]);
    },
    latex: {
      value: (args) => {
        const h = args.length / 2;
        return `-\\left(${args
          .slice(0, h)
          .map((p, j) => `${group(args[j + h])} \\ln ${group(p)}`)
          .join(' + ')}\\right)`;
      },
      partial: (args, i) => {
        const h = args.length / 2;
        return i < h ? `-\\frac{${args[i + h]}}{${args[i]}}` : `-\\ln ${group(args[i - h])}`;
      },
    },
    convention: 'Terms with y_i = 0 count as 0 (0 · ln 0 = 0); log terms are clamped at −100.',
  },
  {
    name: 'softmax_cross_entropy',
    symbol: 'SCE',
    category: 'Losses',
    onnx: onnxSoftmaxCrossEntropy,
    torch: (x) => `gg_softmax_cross_entropy([${x.join(', ')}])`,
    description: 'Softmax then cross-entropy of logits z1..zk against targets y1..yk, computed stably.',
    arity: { kind: 'variadic', min: 2, multipleOf: 2, portName: pairedName('z', 'y') },
    // −ln softmax(z)_j = (m − z_j) + ln Σ e^(z − m), as log_softmax computes it.
    forward: (x, k) => {
      const h = k / 2;
      const { m, lnS } = logSumExp(x, 0, h);
      let s = 0;
      for (let j = 0; j < h; j++) s += x[j + h] * (m - x[j] + lnS);
      return s;
    },
    partial: (x, k, _y, i) => {
      const h = k / 2;
      const { m, lnS, top, rest } = logSumExp(x, 0, h);
      if (i >= h) return m - x[i - h] + lnS;
      let yOthers = 0;
      for (let j = h; j < k; j++) if (j !== i + h) yOthers += x[j];
      // softmax_i · Σy − y_i, written as p Σ_{j≠i} y_j − y_i (1 − p) with 1 − p taken without
      // cancelling: only the largest logit can have p > ½, and there 1 − p = rest / (1 + rest).
      const p = i === top ? 1 / (1 + rest) : Math.exp(x[i] - m) / (1 + rest);
      const q = i === top ? rest / (1 + rest) : 1 - p;
      return p * yOthers - x[i + h] * q;
    },
    latex: {
      value: (args) => {
        const h = args.length / 2;
        const lse = `\\ln \\sum_j e^{z_j}`;
        return args
          .slice(h)
          .map((y, j) => `${group(y)}\\left(${lse} - ${group(args[j])}\\right)`)
          .join(' + ');
      },
      partial: (args, i) => {
        const h = args.length / 2;
        return i < h ? `\\operatorname{softmax}(z)_{${i + 1}} \\sum_j y_j - ${group(args[i + h])}` : `-\\ln \\operatorname{softmax}(z)_{${i - h + 1}}`;
      },
    },
    convention:
      'Computed as y · ((m − z) + ln Σ e^(z − m)) with m the largest logit, as log_softmax does: large logits never overflow and tiny losses keep their digits.',
  },
];

/** Every op by name: the primitives above, then the layer macros. */
export const opRegistry: ReadonlyMap<string, OpDef> = new Map([...OPS, ...MACRO_OPS].map((op) => [op.name, op]));

/**
 * Ops that live in modules loaded on demand (kept out of the editor's first bundle), with what to
 * call to load them: validation names this instead of "unknown op".
 */
export const LAZY_OPS: Readonly<Record<string, string>> = {
  expr: 'expression nodes need the expression module (mathjs); load it with loadExpressionOps() or ensureOpsFor(model) first',
};

export function getOp(name: string): OpDef | undefined {
  return opRegistry.get(name);
}

/** Adds an op (used by the macro and expression modules, which register themselves). */
export function registerOp(op: OpDef): void {
  (opRegistry as Map<string, OpDef>).set(op.name, op);
}

export const isLeafOp = (op: OpDef) => op.arity.kind === 'leaf';

/** The attrs an op reads, with defaults filled in from the registry. */
export function resolveAttrs(op: OpDef, given: Readonly<Record<string, unknown>> | undefined): Attrs {
  const out: Record<string, number> = {};
  for (const spec of op.attrs ?? []) {
    const v = given?.[spec.name];
    out[spec.name] = typeof v === 'number' ? v : spec.default;
  }
  return out;
}

/** Port name of operand `i` on an op with `k` operands connected (e.g. "base", "p2", "x3"). */
export function portName(op: OpDef, i: number, k: number): string {
  const a = op.arity;
  if (a.kind === 'fixed') return a.ports[i] ?? `#${i}`;
  if (a.kind === 'variadic') return a.portName(i, Math.max(k, i + 1));
  return `#${i}`;
}
