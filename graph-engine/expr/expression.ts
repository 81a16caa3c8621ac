/**
 * Expression nodes: a formula over named inputs, e.g. `x^2 * sin(y) + exp(-x)`. Parsed once with
 * mathjs, checked against a fixed whitelist, differentiated symbolically per variable, and compiled
 * once to functions (never re-parsed per sample).
 *
 * Allowed: numbers, variables, + - * / ^, unary minus, parentheses, the constants pi and e, and
 * exp, log, sqrt, abs, sin, cos, tan, tanh, sigmoid, pow, max, min. Everything else (assignment,
 * function definitions, matrices, strings, units, comparisons, conditionals, import, ...) is
 * rejected with a message quoting the offending part.
 *
 * For differentiation sigmoid(u) is read as 1 / (1 + exp(-u)), and max / min of two operands as
 * (a + b ± |a - b|) / 2 (so at a tie each operand gets half), and abs(u) as u · sign(u) (so its
 * derivative at 0 is 0, matching the abs primitive).
 */
import { group } from '../ops/latex.ts';
import type { MathNode } from 'mathjs';
import { math } from './math.ts';

export const EXPRESSION_FUNCTIONS = ['exp', 'log', 'sqrt', 'abs', 'sin', 'cos', 'tan', 'tanh', 'sigmoid', 'pow', 'max', 'min'] as const;
const FUNCTIONS = new Set<string>(EXPRESSION_FUNCTIONS);
const OPERATORS = new Set(['add', 'subtract', 'multiply', 'divide', 'pow', 'unaryMinus', 'unaryPlus']);
const CONSTANTS = new Set(['pi', 'e']);

export class ExpressionError extends Error {}

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
  derivatives: string[];
}

/** What each rejected node type is, as the subject of "... not allowed". */
const KIND: Record<string, string> = {
  AssignmentNode: 'assignment is', FunctionAssignmentNode: 'function definitions are', ArrayNode: 'matrices and arrays are',
  MatrixNode: 'matrices are', ObjectNode: 'objects are', AccessorNode: 'indexing is', IndexNode: 'indexing is', RangeNode: 'ranges are',
  ConditionalNode: 'conditionals are', BlockNode: 'several statements are', RelationalNode: 'comparisons are',
};

const quote = (n: MathNode) => `"${n.toString()}"`;

/** Throws ExpressionError naming the first part of the tree outside the whitelist. */
function check(root: MathNode, text: string): void {
  root.traverse((node: MathNode, _path: string, parent: MathNode | null) => {
    const n = node as MathNode & { op?: string; fn?: string | { name?: string }; implicit?: boolean; value?: unknown; name?: string; args?: MathNode[] };
    switch (node.type) {
      case 'ConstantNode':
        if (typeof n.value !== 'number') throw new ExpressionError(`only numbers are allowed as constants, not ${quote(node)}`);
        return;
      case 'ParenthesisNode':
        return;
      case 'SymbolNode': {
        const isCallee = parent?.type === 'FunctionNode' && (parent as unknown as { fn: MathNode }).fn === node;
        if (!isCallee && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(n.name!)) throw new ExpressionError(`${quote(node)} is not a valid variable name`);
        return;
      }
      case 'OperatorNode':
        if (n.implicit) throw new ExpressionError(`write the multiplication in ${quote(node)} explicitly with * (implicit products and units are not supported)`);
        if (!OPERATORS.has(n.fn as string)) throw new ExpressionError(`the operator "${n.op}" in ${quote(node)} is not allowed; use + - * / ^`);
        return;
      case 'FunctionNode': {
        const name = (n.fn as { name?: string }).name ?? '';
        if (!FUNCTIONS.has(name)) throw new ExpressionError(`the function "${name}" in ${quote(node)} is not allowed; allowed: ${EXPRESSION_FUNCTIONS.join(', ')}`);
        const argc = n.args!.length;
        if (['max', 'min'].includes(name) ? argc < 2 : argc !== (name === 'pow' ? 2 : 1)) {
          throw new ExpressionError(`${quote(node)}: ${name} takes ${name === 'pow' ? 2 : ['max', 'min'].includes(name) ? '2 or more' : 1} argument${name === 'pow' || ['max', 'min'].includes(name) ? 's' : ''}`);
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
    if (node.type !== 'SymbolNode') return;
    if (parent?.type === 'FunctionNode' && (parent as unknown as { fn: MathNode }).fn === node) return;
    const name = (node as unknown as { name: string }).name;
    if (!CONSTANTS.has(name) && !seen.includes(name)) seen.push(name);
  });
  return seen;
}

/**
 * The tree rewritten so mathjs can differentiate it: sigmoid and max/min as above, and abs(u) as
 * u * s with s a fresh symbol bound to sign(u) at evaluation time. mathjs treats s as a constant, so
 * the derivative is u' * sign(u): 0 at u = 0, the abs primitive's convention.
 */
function differentiable(root: MathNode, signs: { name: string; arg: MathNode }[]): MathNode {
  return root.transform((node: MathNode) => {
    if (node.type !== 'FunctionNode') return node;
    const { fn, args } = node as unknown as { fn: { name: string }; args: MathNode[] };
    const rewrite = (t: string) => differentiable(math.parse(t), signs);
    const arg = (i: number) => args[i].toString();
    if (fn.name === 'abs') {
      const name = `sign__${signs.length}`;
      signs.push({ name, arg: args[0] });
      return math.parse(`(${differentiable(args[0], signs).toString()}) * ${name}`);
    }
    if (fn.name === 'sigmoid') return rewrite(`1 / (1 + exp(-(${arg(0)})))`);
    if (fn.name === 'max' || fn.name === 'min') {
      const sign = fn.name === 'max' ? '+' : '-';
      return rewrite(args.map((a) => a.toString()).reduce((a, b) => `((${a}) + (${b}) ${sign} abs((${a}) - (${b}))) / 2`));
    }
    return node;
  });
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

export function compileExpression(text: string, declared?: readonly string[]): CompiledExpression {
  if (typeof text !== 'string' || text.trim() === '') throw new ExpressionError('the expression is empty; write a formula such as x^2 * sin(y)');
  let root: MathNode;
  try {
    root = math.parse(text);
  } catch (e) {
    const m = /\(char (\d+)\)/.exec((e as Error).message);
    const at = m ? ` at "${text.slice(Math.max(Number(m[1]) - 1, 0)) || 'the end'}"` : '';
    throw new ExpressionError(`cannot parse "${text}": ${(e as Error).message}${at}`);
  }
  check(root, text);
  const found = variablesOf(root);
  let variables = found;
  if (declared) {
    const missing = found.filter((v) => !declared.includes(v));
    if (missing.length) throw new ExpressionError(`"${text}" uses ${missing.map((v) => `"${v}"`).join(', ')}, which ${missing.length > 1 ? 'are' : 'is'} not among the declared variables (${declared.join(', ')})`);
    variables = [...declared];
  }
  const signs: { name: string; arg: MathNode }[] = [];
  const diffRoot = differentiable(root, signs);
  const derivs = variables.map((v) => {
    try {
      return math.derivative(diffRoot, v);
    } catch (e) {
      throw new ExpressionError(`cannot differentiate "${text}" with respect to ${v}: ${(e as Error).message}`);
    }
  });
  // One scope object reused for every evaluation: nothing is parsed or allocated per sample.
  const scope: Record<string, unknown> = { sigmoid };
  const forward = root.compile();
  const partials = derivs.map((d) => d.compile());
  const signArgs = signs.map((sg) => ({ name: sg.name, arg: sg.arg.compile(), tex: sg.arg }));
  const load = (x: ArrayLike<number>) => { for (let i = 0; i < variables.length; i++) scope[variables[i]] = x[i]; };
  const loadSigns = () => { for (const sg of signArgs) scope[sg.name] = Math.sign(sg.arg.evaluate(scope) as number); };
  const tex = (node: MathNode, names?: readonly string[]): string =>
    node.toTex({
      handler: (n: MathNode) => {
        if (n.type === 'SymbolNode') {
          const name = (n as unknown as { name: string }).name;
          const i = variables.indexOf(name);
          // Braced, since mathjs writes `\cdot` straight before an operand (`\cdotx` is no command);
          // grouped, so a negative number reads `-(-0.5)`, not `--0.5`.
          if (i >= 0 && names) return `{${group(names[i])}}`;
          const sg = signArgs.find((x) => x.name === name);
          if (sg) return `\\operatorname{sign}\\left(${tex(sg.tex, names)}\\right)`;
        }
        if (n.type === 'FunctionNode' && (n as unknown as { fn: { name: string } }).fn.name === 'sigmoid') {
          return `\\sigma\\left(${tex((n as unknown as { args: MathNode[] }).args[0], names)}\\right)`;
        }
        return undefined;
      },
    });
  return {
    text,
    variables,
    value(x) {
      load(x);
      return forward.evaluate(scope) as number;
    },
    partial(x, i) {
      load(x);
      loadSigns();
      return partials[i].evaluate(scope) as number;
    },
    valueTex: (names) => tex(root, names),
    partialTex: (i, names) => tex(derivs[i], names),
    derivatives: derivs.map((d) => signArgs.reduce((t, sg) => t.replaceAll(sg.name, `sign(${sg.tex.toString()})`), d.toString())),
  };
}
