// Every op's LaTeX goes through KaTeX with throwOnError: true (the app renders with throwOnError:
// false, which would show a red error in place of a formula): the registry's value and derivative
// LaTeX for every op (layer macros and expression nodes included), and what the app builds from
// them on one-op graphs: the inspector's formulas (nodeTex) and Teach mode's forward steps, local
// derivatives and gradient sums (Stepper, collapsedBackwardTex, alignedTex), with labels that need
// escaping and numbers that print as NaN, infinities and powers of ten.
import { describe, expect, it } from 'vitest';
import katex from 'katex';
import {
  buildGraph,
  isLeafOp,
  loadExpressionOps,
  numberTex,
  opRegistry,
  resolveAttrs,
  Stepper,
  texName,
  type Model,
  type ModelNode,
  type OpDef,
} from '../graph-engine/index.ts';
import { DISPLAY_LIMIT, EXPRESSION_FUNCTIONS, compileExpression } from '../graph-engine/expr/expression.ts';
import { nodeTex } from '../src/inspector/formulaTex.ts';
import { collapsedBackwardTex } from '../src/modes/teach/units.ts';
import { alignedTex } from '../src/modes/teach/panel/formulaText.ts';

await loadExpressionOps();

/** As the app's Formula component, but throwing (and strict) where it would show an error. */
function render(tex: string, what: string): void {
  try {
    katex.renderToString(tex, { trust: false, throwOnError: true, strict: 'error', displayMode: true });
  } catch (e) {
    throw new Error(`${what} does not render: ${(e as Error).message}\n  LaTeX: ${tex}`);
  }
}

const count = (s: string, c: string) => s.split(c).length - 1;
/**
 * Teach mode breaks a chain `a = b = c` into aligned lines at each ` = ` outside braces: every line
 * must be whole, not an equality inside a bracket cut in two.
 */
function checkLines(aligned: string, where: string): void {
  const chain = /^\\begin\{aligned\} (.*) \\end\{aligned\}$/s.exec(aligned);
  for (const line of chain ? chain[1].split(' \\\\ ') : [])
    for (const [open, close] of ['()', '[]']) expect(count(line, open), `${where}: brackets ${open}${close} on the line "${line}"`).toBe(count(line, close));
}

/** Labels as users write them: plain letters, subscripts, Greek names, words, TeX specials, Unicode. */
const LABELS = ['a', 'x1', 'w_2', 'beta', 'my input', 'odd {}$&#%_^~\\ label', 'Ωmega', '-0.5'];
/** Input values per graph: everyday numbers, zero and negatives, and magnitudes written as powers of ten. */
const VALUE_SETS = [
  [0.5, -2.5, 3, 1.25, -1, 2, 0.75, -0.25],
  [0, -1e-7, 2.5e12, -3, 1, 0, -2, 4],
];
const NUMBERS = [0.5, -2.5, 0, 1.5e-7, -3e21, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];

const FORMULAS = [
  'x^2 * sin(y) + exp(-x)',
  'log(abs(x) + 1) / sqrt(y^2 + 1) - cos(z)',
  'tan(x / 4) * tanh(y) + sigmoid(z)',
  'pow(abs(x) + 0.5, y) - max(x, y, z) * min(x, -z)',
  '-x * pi + e^y / (1 + z^2)',
  // long enough that a derivative is shown as a note instead of being written out
  'x^x^x^x^x^x^x^x^x^x^x^y',
];

/** Attr sets an op is rendered with: its defaults, and other values where it has attrs. */
const attrSets = (op: OpDef) => [
  resolveAttrs(op, undefined),
  ...(op.attrs?.length ? [resolveAttrs(op, { alpha: 0.2 }), resolveAttrs(op, { alpha: 1e-7 })] : []),
];

/** Operand counts: the fixed ports, or variadic counts from the minimum up. */
function arities(op: OpDef): number[] {
  const a = op.arity;
  if (a.kind === 'fixed') return [a.ports.length];
  if (a.kind !== 'variadic') return [];
  const m = a.multipleOf ?? 1;
  const first = Math.max(a.min, m);
  return [first, first + m, first + 2 * m];
}

/** Layer macros as the palette makes them, and with every activation. */
const ACTIVATIONS = ['none', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu', 'step'];
const MACRO_ATTRS: Record<string, Record<string, unknown>[]> = {
  neuron: ACTIVATIONS.map((activation) => ({ activation })),
  dense: ACTIVATIONS.map((activation) => ({ units: 2, activation, alpha: 0.2 })),
  mlp: [{ sizes: [4, 1] }, { sizes: [2, 2], activation: 'elu', outputActivation: 'sigmoid' }],
  softmax: [{}],
};

/** One op fed by labelled inputs; the op's node is the loss. */
function oneOp(name: string, k: number, values: number[], attrs?: Record<string, unknown>, label = 'out'): Model {
  const inputs: ModelNode[] = Array.from({ length: k }, (_, i) => ({
    id: `in${i}`,
    op: 'input',
    value: values[i % values.length],
    label: LABELS[i % LABELS.length],
  }));
  return {
    format: 'graphgrad',
    version: 1,
    nodes: [...inputs, { id: 'out', op: name, label, ...(attrs ? { attrs } : {}) }],
    edges: inputs.map((n, port) => ({ source: n.id, target: 'out', port })),
  };
}

/** Everything the inspector and Teach mode render for the model's graph (macros collapsed). */
function renderApp(m: Model, what: string): number {
  const loss = m.nodes.find((n) => n.id === 'out')!;
  const graph = buildGraph({ ...m, loss: loss.op in MACRO_ATTRS ? undefined : 'out' }, { allowIncomplete: true });
  const stepper = new Stepper(graph);
  let rendered = 0;
  const show = (tex: string, where: string) => {
    render(tex, `${what}: ${where}`);
    checkLines(tex, `${what}: ${where}`);
    rendered++;
  };
  const labels = new Map(m.nodes.map((n) => [n.id, n.label ?? n.id]));
  for (let step = stepper.stepForward(); step; step = stepper.stepForward()) show(alignedTex(step.latex), `forward step of ${step.id}`);
  for (const node of graph.nodes) {
    if (isLeafOp(node.op)) continue;
    const tex = nodeTex(graph, node.id, (n) => stepper.session.value(n))!;
    show(tex.symbolic, `inspector formula of ${node.id}`);
    if (tex.numeric) show(tex.numeric, `inspector formula of ${node.id} with numbers`);
    tex.partials.forEach((p, i) => show(p, `inspector derivative ${i + 1} of ${node.id}`));
  }
  for (let step = stepper.stepBackward(); step; step = stepper.stepBackward()) {
    show(alignedTex(collapsedBackwardTex(graph, step, (id) => labels.get(id) ?? id)), `backward step of ${step.id}`);
    for (const r of step.edges) show(alignedTex(r.localLatex), `local derivative on ${r.source} -> ${r.target}`);
  }
  return rendered;
}

/** The registry's own LaTeX with names, with numbers, for each operand count and attr set. */
function renderRegistry(op: OpDef, what = op.name): void {
  for (const k of arities(op))
    for (const a of attrSets(op)) {
      const names = Array.from({ length: k }, (_, i) => texName(LABELS[i % LABELS.length]));
      const numbers = Array.from({ length: k }, (_, i) => numberTex(NUMBERS[(i * 3 + k) % NUMBERS.length]));
      for (const [args, out] of [
        [names, texName('loss value')],
        [numbers, numberTex(-0.125)],
      ] as const) {
        const where = `${what}(${args.join(', ')}) ${JSON.stringify(a)}`;
        render(`y = ${op.latex.value(args, a)}`, `${where}: value`);
        for (let i = 0; i < k; i++) render(`\\frac{\\partial y}{\\partial x} = ${op.latex.partial(args, i, out, a)}`, `${where}: derivative ${i + 1}`);
      }
    }
}

function renderExpressions(op: OpDef): void {
  const used = new Set(FORMULAS.flatMap((f) => [...f.matchAll(/([a-z]+)\(/g)].map((m) => m[1])));
  expect(
    EXPRESSION_FUNCTIONS.filter((f) => !used.has(f)),
    'every expression function appears in a formula',
  ).toEqual([]);
  expect(
    FORMULAS.some((f) => compileExpression(f).work.written.some((w) => w > DISPLAY_LIMIT)),
    'a formula whose derivative is too long to write out',
  ).toBe(true);
  for (const expression of FORMULAS) {
    const inst = op.instantiate!({ expression });
    if ('error' in inst) throw new Error(`${expression}: ${inst.error}`);
    renderRegistry(inst, `expr "${expression}"`);
    for (const values of VALUE_SETS)
      renderApp(oneOp('expr', inst.arity.kind === 'fixed' ? inst.arity.ports.length : 0, values, { expression }), `expr "${expression}"`);
  }
}

describe("every op's LaTeX renders in KaTeX", () => {
  it.each([...opRegistry.values()].map((op) => [op.name, op] as const))('%s', (name, op) => {
    if (isLeafOp(op)) {
      // Leaves have no formula of their own: Teach mode writes `name = value` for them.
      for (const values of VALUE_SETS) expect(renderApp(oneOp('identity', 1, values), `a ${name} feeding identity`)).toBeGreaterThan(0);
      return;
    }
    if (op.instantiate) return renderExpressions(op);
    renderRegistry(op);
    const models = op.macro
      ? (MACRO_ATTRS[name] ?? []).flatMap((attrs) => VALUE_SETS.map((values) => oneOp(name, 3, values, attrs, `layer ${name}`)))
      : arities(op)
          .slice(0, 2)
          .flatMap((k) =>
            attrSets(op)
              .slice(0, 2)
              .flatMap((a) => VALUE_SETS.map((values) => oneOp(name, k, values, op.attrs?.length ? a : undefined))),
          );
    expect(models.length, `op "${name}" has no graphs to render (add attrs for a new layer macro to MACRO_ATTRS)`).toBeGreaterThan(0);
    for (const m of models) expect(renderApp(m, `${name} graph`)).toBeGreaterThan(0);
  });

  it('fails on LaTeX KaTeX cannot set, naming what it was', () => {
    expect(() => render('\\frac{1}{', 'a broken formula')).toThrow(/a broken formula does not render/);
    expect(() => render('x = \\notacommand{1}', 'an unknown command')).toThrow(/an unknown command does not render/);
  });
});
