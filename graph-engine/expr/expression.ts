/**
 * Expression nodes: a formula over named inputs, e.g. `x^2 * sin(y) + exp(-x)`. Parsed once with
 * mathjs, checked against a fixed whitelist and a size budget, then compiled once to a flat tape of
 * operations (never re-parsed per sample, no name lookups at evaluation).
 *
 * Allowed: numbers, variables, + - * / ^, unary minus, parentheses, the constants pi and e, and
 * exp, log, sqrt, abs, sin, cos, tan, tanh, sigmoid, pow, max, min. Everything else (assignment,
 * function definitions, matrices, strings, units, comparisons, conditionals, import, ...) is
 * rejected with a message quoting the offending part.
 *
 * Values and derivatives come from the tape: each step is one op whose value and local derivatives
 * are the op registry's (so `x^y`, `sigmoid`, `abs`, ... give exactly what the primitive ops give,
 * conventions included), and the derivatives are the chain rule run backwards over the tape
 * (reverse mode: work linear in the formula's size). max / min are the exception: their gradient
 * is split evenly among the operands that attain the extremum (1 when one does, 1/2 each at a
 * two-way tie, 1/k at a k-way tie, exactly 0 for the others), where the primitive ops give it all
 * to the first such operand.
 *
 * The symbolic derivatives shown in the inspector are built by a chain-rule walk over the tree
 * with a light local simplification (0·u = 0, 1·u = u, u^1 = u, numbers folded), creating a few
 * nodes per formula node; subtrees are shared, not copied. Only the written form can grow faster
 * (a shared subtree is written each time it is used), so a derivative longer than DISPLAY_LIMIT
 * nodes is shown as a note instead. Text and LaTeX are written here, not by mathjs, whose LaTeX
 * writer takes time exponential in the nesting of function calls.
 */
import { group, texName } from '../ops/latex.ts';
import { getOp } from '../ops/registry.ts';
import type { MathNode } from 'mathjs';
import { math } from './math.ts';
import { InputError } from '../core/errors.ts';

export const EXPRESSION_FUNCTIONS = ['exp', 'log', 'sqrt', 'abs', 'sin', 'cos', 'tan', 'tanh', 'sigmoid', 'pow', 'max', 'min'] as const;
const FUNCTIONS = new Set<string>(EXPRESSION_FUNCTIONS);
const OPERATORS = new Set(['add', 'subtract', 'multiply', 'divide', 'pow', 'unaryMinus', 'unaryPlus']);
const CONSTANTS = new Set(['pi', 'e']);
/** Names every JavaScript object answers to (constructor, toString, __proto__, ...): never variables. */
const RESERVED = new Set(Object.getOwnPropertyNames(Object.prototype));

/** The budget a formula must fit; any hand-written formula is far smaller. */
export const EXPRESSION_LIMITS = {
  /** characters in the formula */
  characters: 1000,
  /** brackets (parentheses and function calls) open inside each other */
  depth: 32,
} as const;

/** A symbolic derivative whose written form exceeds this many tree nodes is shown as a note. */
export const DISPLAY_LIMIT = 400;

/** A formula that cannot be parsed or is not allowed; `expr` nodes turn it into a problem (op.ts). */
export class ExpressionError extends InputError {
  constructor(message: string) {
    super(message);
    this.name = 'ExpressionError';
  }
}

export interface CompiledExpression {
  text: string;
  variables: string[];
  /** value(x) with x[i] the value of variables[i]. */
  value(x: ArrayLike<number>): number;
  /** d value / d variables[i] at x. */
  partial(x: ArrayLike<number>, i: number): number;
  /** LaTeX of the formula and of each symbolic derivative, with `names[i]` for variables[i]. */
  valueTex(names?: readonly string[]): string;
  partialTex(i: number, names?: readonly string[]): string;
  /** The symbolic derivatives as plain text (e.g. for tooltips). */
  readonly derivatives: string[];
  /**
   * What compiling built, in tree nodes: `steps` on the evaluation tape (one per formula node) and
   * `derivativeNodes` created for the symbolic derivatives of all variables together (a few per
   * formula node and variable); `written[i]` is the size of derivative i written out.
   */
  work: { steps: number; derivativeNodes: number; written: number[] };
}

/** What each rejected node type is, as the subject of "... not allowed". */
const KIND: Record<string, string> = {
  AssignmentNode: 'assignment is',
  FunctionAssignmentNode: 'function definitions are',
  ArrayNode: 'matrices and arrays are',
  MatrixNode: 'matrices are',
  ObjectNode: 'objects are',
  AccessorNode: 'indexing is',
  IndexNode: 'indexing is',
  RangeNode: 'ranges are',
  ConditionalNode: 'conditionals are',
  BlockNode: 'several statements are',
  RelationalNode: 'comparisons are',
};

type AnyNode = MathNode & {
  op?: string;
  fn?: string | { name?: string };
  implicit?: boolean;
  value?: unknown;
  name?: string;
  args?: MathNode[];
  content?: MathNode;
};

const quote = (n: MathNode) => `"${n.toString()}"`;

/** Why `name` cannot be a variable, or undefined when it can. */
function badVariableName(name: string): string | undefined {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return `"${name}" is not a valid variable name`;
  if (FUNCTIONS.has(name)) return `"${name}" is a function and cannot also be a variable name`;
  if (RESERVED.has(name)) return `"${name}" cannot be a variable name (it is reserved by JavaScript); rename it`;
  return undefined;
}

/** Throws ExpressionError when the text is over budget, before mathjs (recursive) parses it. */
function checkBudget(text: string): void {
  const { characters, depth } = EXPRESSION_LIMITS;
  if (text.length > characters) throw new ExpressionError(`the formula is ${text.length} characters long; expressions may be up to ${characters} characters`);
  let d = 0;
  let deepest = 0;
  for (const c of text) {
    if (c === '(' || c === '[' || c === '{') deepest = Math.max(deepest, ++d);
    else if (c === ')' || c === ']' || c === '}') d--;
  }
  if (deepest > depth) throw new ExpressionError(`the formula nests ${deepest} levels deep; expressions may nest up to ${depth}`);
}

const isCallee = (node: MathNode, parent: MathNode | null) => parent?.type === 'FunctionNode' && (parent as unknown as { fn: MathNode }).fn === node;

/** Throws ExpressionError naming the first part of the tree outside the whitelist. */
function check(root: MathNode, text: string): void {
  root.traverse((node: MathNode, _path: string, parent: MathNode | null) => {
    const n = node as AnyNode;
    switch (node.type) {
      case 'ConstantNode':
        if (typeof n.value !== 'number') throw new ExpressionError(`only numbers are allowed as constants, not ${quote(node)}`);
        return;
      case 'ParenthesisNode':
        return;
      case 'SymbolNode': {
        if (isCallee(node, parent) || CONSTANTS.has(n.name!)) return;
        const bad = badVariableName(n.name!);
        if (bad) throw new ExpressionError(`${bad} (in "${text}")`);
        return;
      }
      case 'OperatorNode':
        if (n.implicit)
          throw new ExpressionError(`write the multiplication in ${quote(node)} explicitly with * (implicit products and units are not supported)`);
        if (!OPERATORS.has(n.fn as string)) throw new ExpressionError(`the operator "${n.op}" in ${quote(node)} is not allowed; use + - * / ^`);
        return;
      case 'FunctionNode': {
        const name = (n.fn as { name?: string }).name ?? '';
        if (!FUNCTIONS.has(name))
          throw new ExpressionError(`the function "${name}" in ${quote(node)} is not allowed; allowed: ${EXPRESSION_FUNCTIONS.join(', ')}`);
        const argc = n.args!.length;
        if (['max', 'min'].includes(name) ? argc < 2 : argc !== (name === 'pow' ? 2 : 1)) {
          throw new ExpressionError(
            `${quote(node)}: ${name} takes ${name === 'pow' ? 2 : ['max', 'min'].includes(name) ? '2 or more' : 1} argument${name === 'pow' || ['max', 'min'].includes(name) ? 's' : ''}`,
          );
        }
        return;
      }
      default:
        throw new ExpressionError(`${KIND[node.type] ?? `${node.type} is`} not allowed: ${quote(node)} in "${text}"`);
    }
  });
}

function variablesOf(root: MathNode): string[] {
  const seen: string[] = [];
  root.traverse((node: MathNode, _path: string, parent: MathNode | null) => {
    if (node.type !== 'SymbolNode' || isCallee(node, parent)) return;
    const name = (node as unknown as { name: string }).name;
    if (!CONSTANTS.has(name) && !seen.includes(name)) seen.push(name);
  });
  return seen;
}

// ---- The formula as our own tree ----

/**
 * num: a number v; const: pi or e (value v); var: variable i; op: binary + - * / ^ (pow(a, b) is
 * a ^ b); neg / pos: unary minus / plus; fn: a function call; sel (display only): the selection
 * [args[0] = args[1]] in a max / min derivative. `size` counts the nodes written out, a shared
 * subtree once per use. Parentheses are not kept: writing adds those the precedence needs.
 */
interface Expr {
  k: 'num' | 'const' | 'var' | 'op' | 'neg' | 'pos' | 'fn' | 'sel';
  name: string;
  v: number;
  i: number;
  args: Expr[];
  size: number;
}

const node = (k: Expr['k'], args: Expr[] = [], name = '', v = 0, i = -1): Expr => {
  let size = 1;
  for (const a of args) size += a.size;
  return { k, name, v, i, args, size };
};

const BINARY: Record<string, string> = { add: '+', subtract: '-', multiply: '*', divide: '/', pow: '^' };

/** The checked mathjs tree as an Expr (n-ary sums and products folded to the left). */
function exprOf(n: MathNode, variables: readonly string[]): Expr {
  const a = n as AnyNode;
  switch (n.type) {
    case 'ConstantNode':
      return node('num', [], '', a.value as number);
    case 'ParenthesisNode':
      return exprOf(a.content!, variables); // written back with the parentheses the precedence needs
    case 'SymbolNode':
      if (a.name === 'pi') return node('const', [], 'pi', Math.PI);
      if (a.name === 'e') return node('const', [], 'e', Math.E);
      return node('var', [], a.name!, 0, variables.indexOf(a.name!));
    case 'OperatorNode': {
      const args = a.args!.map((m) => exprOf(m, variables));
      if (a.fn === 'unaryMinus') return node('neg', args);
      if (a.fn === 'unaryPlus') return node('pos', args);
      return args.slice(1).reduce((l, r) => node('op', [l, r], BINARY[a.fn as string]), args[0]);
    }
    default: {
      const name = (a.fn as { name: string }).name;
      return node(
        name === 'pow' ? 'op' : 'fn',
        a.args!.map((m) => exprOf(m, variables)),
        name === 'pow' ? '^' : name,
      );
    }
  }
}

// ---- Evaluation: a flat tape of ops ----

/** One op of the tape: its value and its local derivative d value / d operand i. */
interface Local {
  f(x: Float64Array): number;
  df(x: Float64Array, y: number, i: number): number;
}

/** The registry's op: the expression computes exactly what the primitive op computes. */
function registryOp(name: string): Local {
  const op = getOp(name);
  if (!op) throw new Error(`op registry has no "${name}"`);
  const none = {};
  return { f: (x) => op.forward(x, x.length, none), df: (x, y, i) => op.partial(x, x.length, y, i, none) };
}

/** max / min: the extremum (NaN if an operand is NaN); its gradient is shared evenly by the operands equal to it. */
function extremum(better: (a: number, b: number) => boolean): Local {
  return {
    f(x) {
      let m = x[0];
      for (let j = 1; j < x.length; j++) if (better(x[j], m) || Number.isNaN(x[j])) m = x[j];
      return m;
    },
    df(x, y, i) {
      if (x[i] !== y) return 0;
      let ties = 0;
      for (let j = 0; j < x.length; j++) if (x[j] === y) ties++;
      return 1 / ties;
    },
  };
}

const LOCALS: Record<string, Local> = {
  '+': registryOp('add'),
  '-': registryOp('sub'),
  '*': registryOp('mul'),
  '/': registryOp('div'),
  '^': registryOp('pow'),
  neg: registryOp('neg'),
  pos: registryOp('identity'),
  exp: registryOp('exp'),
  log: registryOp('log'),
  sqrt: registryOp('sqrt'),
  abs: registryOp('abs'),
  sin: registryOp('sin'),
  cos: registryOp('cos'),
  tanh: registryOp('tanh'),
  sigmoid: registryOp('sigmoid'),
  // no primitive tan: d tan(u) / du = 1 / cos(u)^2
  tan: { f: (x) => Math.tan(x[0]), df: (x) => 1 / (Math.cos(x[0]) * Math.cos(x[0])) },
  max: extremum((a, b) => a > b),
  min: extremum((a, b) => a < b),
};

/** A step reads its operands from earlier steps; a leaf (no `local`) is a variable (index) or a number. */
interface Step {
  local?: Local;
  args: number[];
  /** the operand values of the last forward pass (one reused buffer per step) */
  buf: Float64Array;
  variable: number;
  constant: number;
}

/** The tape of `root`, operands before the op that uses them; the result is the last step. */
function tapeOf(root: Expr): Step[] {
  const steps: Step[] = [];
  const emit = (e: Expr): number => {
    if (e.k === 'num' || e.k === 'const' || e.k === 'var') return steps.push({ args: [], buf: new Float64Array(0), variable: e.i, constant: e.v }) - 1;
    const args = e.args.map(emit);
    return (
      steps.push({ local: LOCALS[e.k === 'neg' || e.k === 'pos' ? e.k : e.name], args, buf: new Float64Array(args.length), variable: -1, constant: 0 }) - 1
    );
  };
  emit(root);
  return steps;
}

// ---- Symbolic derivatives for display ----

/** d root / d variable i for each variable, and how many nodes building them created. */
function symbolicDerivatives(root: Expr, count: number): { nodes: Expr[]; created: number } {
  let created = 0;
  const make = (k: Expr['k'], args: Expr[] = [], name = '', v = 0): Expr => {
    created++;
    return node(k, args, name, v);
  };
  const num = (v: number) => make('num', [], '', v);
  const constantOf = (e: Expr) => (e.k === 'num' ? e.v : e.k === 'neg' && e.args[0].k === 'num' ? -e.args[0].v : undefined);
  const isZero = (e: Expr) => constantOf(e) === 0;
  const isOne = (e: Expr) => constantOf(e) === 1;
  const isOp = (e: Expr, name: string) => e.k === 'op' && e.name === name;
  /** Written with a leading minus: -u, a negative number, or a product starting with one. */
  const negative = (e: Expr): boolean => e.k === 'neg' || (e.k === 'num' && e.v < 0) || (isOp(e, '*') && negative(e.args[0]));
  const neg = (u: Expr): Expr => {
    const v = constantOf(u);
    if (v !== undefined) return v === 0 ? u : num(-v);
    if (u.k === 'neg') return u.args[0];
    // -(c · w) = (-c) · w, and -((-a) · w) = a · w: negating a product negates its first factor
    if (isOp(u, '*') && (constantOf(u.args[0]) !== undefined || negative(u.args[0]))) return mul(neg(u.args[0]), u.args[1]);
    return make('neg', [u]);
  };
  const add = (u: Expr, w: Expr): Expr => {
    if (isZero(u)) return w;
    if (isZero(w)) return u;
    const a = constantOf(u),
      b = constantOf(w);
    if (a !== undefined && b !== undefined) return num(a + b);
    if (negative(w)) return sub(u, neg(w));
    if (negative(u)) return sub(w, neg(u));
    return make('op', [u, w], '+');
  };
  const sub = (u: Expr, w: Expr): Expr => {
    if (isZero(w)) return u;
    if (isZero(u)) return neg(w);
    const a = constantOf(u),
      b = constantOf(w);
    if (a !== undefined && b !== undefined) return num(a - b);
    if (negative(w)) return add(u, neg(w));
    // (p - c) - b = p - (c + b), (p + c) - b = p + (c - b): the exponent of x^(y - 1) differentiated is y - 2
    const c = u.k === 'op' && (u.name === '-' || u.name === '+') ? constantOf(u.args[1]) : undefined;
    if (b !== undefined && c !== undefined) return u.name === '-' ? sub(u.args[0], num(c + b)) : add(u.args[0], num(c - b));
    return make('op', [u, w], '-');
  };
  const reciprocal = (e: Expr) => isOp(e, '/') && isOne(e.args[0]);
  const mul = (u: Expr, w: Expr): Expr => {
    if (isZero(u) || isZero(w)) return num(0);
    if (isOne(u)) return w;
    if (isOne(w)) return u;
    const a = constantOf(u),
      b = constantOf(w);
    if (a !== undefined && b !== undefined) return num(a * b);
    if (b !== undefined) return mul(w, u); // the number first: 2 * x
    if (reciprocal(w)) return div(u, w.args[1]); // u * (1 / w) = u / w
    if (reciprocal(u)) return div(w, u.args[1]);
    if (negative(w)) return neg(mul(u, neg(w)));
    if (a === undefined && negative(u)) return neg(mul(neg(u), w));
    if (a !== undefined && isOp(w, '*') && constantOf(w.args[0]) !== undefined) return mul(num(a * constantOf(w.args[0])!), w.args[1]);
    if (a === -1) return neg(w);
    return make('op', [u, w], '*');
  };
  const div = (u: Expr, w: Expr): Expr => {
    if (isZero(u)) return num(0);
    if (isOne(w)) return u;
    if (negative(u)) return neg(div(neg(u), w));
    return make('op', [u, w], '/');
  };
  const pow = (u: Expr, w: Expr): Expr => {
    if (isOne(w)) return u;
    if (isZero(w)) return num(1);
    return make('op', [u, w], '^');
  };
  const call = (name: string, ...args: Expr[]) => make('fn', args, name);
  /** The ln in d(u^w)/dw: ln u for a positive number, pi or e (1), else ln|u|, the pow op's convention. */
  const lnOf = (u: Expr): Expr => {
    if (u.k === 'const' && u.name === 'e') return num(1);
    return call('log', u.k === 'const' || (constantOf(u) ?? -1) > 0 ? u : call('abs', u));
  };

  const d = (e: Expr, v: number): Expr => {
    switch (e.k) {
      case 'num':
      case 'const':
        return num(0);
      case 'var':
        return num(e.i === v ? 1 : 0);
      case 'pos':
        return d(e.args[0], v);
      case 'neg':
        return neg(d(e.args[0], v));
      case 'sel':
        throw new Error('sel is display only');
    }
    const [u, w] = e.args;
    const du = d(u, v);
    switch (e.name) {
      case '+':
        return add(du, d(w, v));
      case '-':
        return sub(du, d(w, v));
      case '*':
        return add(mul(du, w), mul(u, d(w, v)));
      case '/': {
        const dw = d(w, v);
        if (isZero(dw)) return div(du, w);
        return div(sub(mul(du, w), mul(u, dw)), pow(w, num(2)));
      }
      case '^': {
        const dw = d(w, v);
        const dBase = isZero(du) ? du : mul(mul(w, pow(u, sub(w, num(1)))), du);
        const dExponent = isZero(dw) ? dw : mul(mul(e, lnOf(u)), dw);
        return add(dBase, dExponent);
      }
      case 'exp':
        return mul(e, du);
      case 'log':
        return div(du, u);
      case 'sqrt':
        return div(du, mul(num(2), e));
      case 'abs':
        return mul(call('sign', u), du);
      case 'sin':
        return mul(call('cos', u), du);
      case 'cos':
        return neg(mul(call('sin', u), du));
      case 'tan':
        return mul(pow(call('sec', u), num(2)), du);
      case 'tanh':
        return mul(sub(num(1), pow(e, num(2))), du);
      case 'sigmoid':
        return mul(mul(e, sub(num(1), e)), du);
      case 'max':
      case 'min':
        return e.args.reduce((sum: Expr, a, j) => {
          const da = j === 0 ? du : d(a, v);
          return isZero(da) ? sum : add(sum, mul(make('sel', [a, e]), da));
        }, num(0));
      default:
        throw new Error(`no derivative rule for ${e.name}`);
    }
  };
  const nodes = Array.from({ length: count }, (_, v) => d(root, v));
  return { nodes, created };
}

// ---- Writing formulas ----

/** Binding strength when written: sums 1, products 2, signs 3, powers 4, everything else 5. */
function precedence(e: Expr, latex: boolean): number {
  if (e.k === 'op') return e.name === '+' || e.name === '-' ? 1 : e.name === '^' ? 4 : e.name === '/' && latex ? 5 : 2;
  if (e.k === 'neg' || e.k === 'pos' || (e.k === 'num' && e.v < 0)) return 3;
  return 5;
}

/** Whether operand `j` of binary `e` needs parentheses (mathjs' rules: ^ binds right, the rest left). */
function parens(e: Expr, j: number, latex: boolean): boolean {
  const p = precedence(e, latex);
  const q = precedence(e.args[j], latex);
  if (e.name === '^') return j === 0 ? q <= p || (latex && isDivide(e.args[0])) : !latex && q < p;
  if (e.name === '/' && latex) return false;
  return j === 0 ? q < p : q < p || (q === p && (e.name === '-' || e.name === '/'));
}
const isDivide = (e: Expr) => e.k === 'op' && e.name === '/';

function writeText(e: Expr): string {
  const w = (a: Expr, wrap: boolean) => (wrap ? `(${writeText(a)})` : writeText(a));
  switch (e.k) {
    case 'num':
      return String(e.v);
    case 'const':
    case 'var':
      return e.name;
    case 'neg':
      return `-${w(e.args[0], precedence(e.args[0], false) <= 3)}`;
    case 'pos':
      return `+${w(e.args[0], precedence(e.args[0], false) <= 3)}`;
    case 'op':
      return `${w(e.args[0], parens(e, 0, false))} ${e.name} ${w(e.args[1], parens(e, 1, false))}`;
    case 'fn':
      return `${e.name}(${e.args.map(writeText).join(', ')})`;
    case 'sel':
      return `[${writeText(e.args[0])} = ${writeText(e.args[1])}]`;
  }
}

function texNumber(v: number): string {
  if (Number.isNaN(v)) return '\\mathrm{NaN}';
  if (!Number.isFinite(v)) return v > 0 ? '\\infty' : '-\\infty';
  const [m, ex] = String(v).split('e');
  return ex === undefined ? m : `${m}\\times10^{${Number(ex)}}`;
}

const TEX_FUNCTION: Record<string, string> = {
  exp: '\\exp',
  log: '\\ln',
  sin: '\\sin',
  cos: '\\cos',
  tan: '\\tan',
  tanh: '\\tanh',
  sec: '\\sec',
  sigmoid: '\\sigma',
  sign: '\\operatorname{sign}',
  max: '\\max',
  min: '\\min',
};

function writeTex(e: Expr, names: readonly string[] | undefined, variables: readonly string[]): string {
  const t = (a: Expr) => writeTex(a, names, variables);
  const w = (a: Expr, wrap: boolean) => (wrap ? `\\left(${t(a)}\\right)` : t(a));
  switch (e.k) {
    case 'num':
      return texNumber(e.v);
    case 'const':
      return e.name === 'pi' ? '\\pi' : '{e}'; // braced: `\cdote` is no command
    // Braced, since `\cdot` may come straight before an operand (`\cdotx` is no command);
    // grouped, so a negative number reads `-(-0.5)`, not `--0.5`.
    case 'var':
      return `{${names ? group(names[e.i]) : texName(variables[e.i])}}`;
    case 'neg':
      return `-${w(e.args[0], precedence(e.args[0], true) <= 3)}`;
    case 'pos':
      return `+${w(e.args[0], precedence(e.args[0], true) <= 3)}`;
    case 'op': {
      const [a, b] = e.args;
      if (e.name === '/') return `\\frac{${t(a)}}{${t(b)}}`;
      if (e.name === '^') return `{${w(a, parens(e, 0, true))}}^{${t(b)}}`;
      return `${w(a, parens(e, 0, true))}${e.name === '*' ? '\\cdot' : e.name}${w(b, parens(e, 1, true))}`;
    }
    case 'fn':
      if (e.name === 'sqrt') return `\\sqrt{${t(e.args[0])}}`;
      if (e.name === 'abs') return `\\left|${t(e.args[0])}\\right|`;
      return `${TEX_FUNCTION[e.name]}\\left(${e.args.map(t).join(',')}\\right)`;
    case 'sel':
      // braced, as the max / min ops' brackets are: no step of a chain `a = b = c`
      return `\\left[\\,{${t(e.args[0])} = ${t(e.args[1])}}\\,\\right]`;
  }
}

export function compileExpression(text: string, declared?: readonly string[]): CompiledExpression {
  if (typeof text !== 'string' || text.trim() === '') throw new ExpressionError('the expression is empty; write a formula such as x^2 * sin(y)');
  checkBudget(text);
  let parsed: MathNode;
  try {
    parsed = math.parse(text);
  } catch (e) {
    const m = /\(char (\d+)\)/.exec((e as Error).message);
    const at = m ? ` at "${text.slice(Math.max(Number(m[1]) - 1, 0)) || 'the end'}"` : '';
    throw new ExpressionError(`cannot parse "${text}": ${(e as Error).message}${at}`);
  }
  check(parsed, text);
  const found = variablesOf(parsed);
  let variables = found;
  if (declared) {
    for (const [i, v] of declared.entries()) {
      const bad = CONSTANTS.has(v) ? `"${v}" is a constant and cannot be a variable name` : badVariableName(v);
      if (bad) throw new ExpressionError(`declared variable ${i + 1}: ${bad}`);
      if (declared.indexOf(v) !== i) throw new ExpressionError(`the variable "${v}" is declared twice`);
    }
    const missing = found.filter((v) => !declared.includes(v));
    if (missing.length)
      throw new ExpressionError(
        `"${text}" uses ${missing.map((v) => `"${v}"`).join(', ')}, which ${missing.length > 1 ? 'are' : 'is'} not among the declared variables (${declared.join(', ')})`,
      );
    variables = [...declared];
  }
  const root = exprOf(parsed, variables);

  const steps = tapeOf(root);
  const last = steps.length - 1;
  const values = new Float64Array(steps.length);
  const adjoints = new Float64Array(steps.length);
  const grads = new Float64Array(variables.length);
  /** the inputs `grads` was computed at */
  const gradsAt = new Float64Array(variables.length);
  let gradsValid = false;
  const forward = (x: ArrayLike<number>) => {
    for (let j = 0; j < steps.length; j++) {
      const s = steps[j];
      if (!s.local) {
        values[j] = s.variable >= 0 ? x[s.variable] : s.constant;
        continue;
      }
      for (let k = 0; k < s.args.length; k++) s.buf[k] = values[s.args[k]];
      values[j] = s.local.f(s.buf);
    }
    return values[last];
  };
  // Every product is taken, 0 · ∞ included (NaN, as PyTorch's autograd gives).
  const backward = () => {
    adjoints.fill(0);
    grads.fill(0);
    adjoints[last] = 1;
    for (let j = last; j >= 0; j--) {
      const s = steps[j];
      const g = adjoints[j];
      if (!s.local) {
        if (s.variable >= 0) grads[s.variable] += g;
        continue;
      }
      for (let k = 0; k < s.args.length; k++) adjoints[s.args[k]] += g * s.local.df(s.buf, values[j], k);
    }
  };

  const symbolic = symbolicDerivatives(root, variables.length);
  const written = symbolic.nodes.map((n) => n.size);
  const tooLong = (i: number) => `(too long to show: ${written[i]} terms)`;
  let texts: string[] | undefined;

  return {
    text,
    variables,
    value: forward,
    partial(x, i) {
      let same = gradsValid;
      for (let k = 0; k < variables.length && same; k++) same = Object.is(x[k], gradsAt[k]);
      if (!same) {
        forward(x);
        backward();
        for (let k = 0; k < variables.length; k++) gradsAt[k] = x[k];
        gradsValid = true;
      }
      return grads[i];
    },
    valueTex: (names) => writeTex(root, names, variables),
    partialTex: (i, names) => (written[i] > DISPLAY_LIMIT ? `\\text{${tooLong(i)}}` : writeTex(symbolic.nodes[i], names, variables)),
    get derivatives() {
      texts ??= symbolic.nodes.map((n, i) => (written[i] > DISPLAY_LIMIT ? tooLong(i) : writeText(n)));
      return texts;
    },
    work: { steps: steps.length, derivativeNodes: symbolic.created, written },
  };
}
