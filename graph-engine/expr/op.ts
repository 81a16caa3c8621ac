/**
 * The `expr` op: one registry entry whose per-node instances (one per formula) come from
 * `instantiate`. attrs: { expression: string, variables?: string[] }; ports are the variables in
 * order of first appearance, or as declared.
 */
import type { OpDef } from '../ops/types.ts';
import { compileExpression, ExpressionError, type CompiledExpression } from './expression.ts';

/** Compiled formulas by text + declared variables: the editor re-validates on every edit. */
const cache = new Map<string, CompiledExpression | ExpressionError>();
const CACHE_LIMIT = 500;

function compiled(text: string, declared: string[] | undefined): CompiledExpression | ExpressionError {
  const key = `${text}\u0000${declared?.join(',') ?? ''}`;
  let c = cache.get(key);
  if (!c) {
    try {
      c = compileExpression(text, declared);
    } catch (e) {
      if (!(e instanceof ExpressionError)) throw e;
      c = e;
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, c);
  }
  return c;
}

const base: Omit<OpDef, 'instantiate'> = {
  name: 'expr',
  symbol: 'f(x)',
  category: 'Expression',
  description: 'A formula over named inputs, e.g. x^2 * sin(y) + exp(-x); its derivatives are taken symbolically.',
  arity: { kind: 'variadic', min: 0, portName: (i) => `x${i + 1}` },
  forward: () => Number.NaN,
  partial: () => Number.NaN,
  latex: { value: () => '', partial: () => '' },
  starterAttrs: { expression: 'x * y' },
};

export const exprOp: OpDef = {
  ...base,
  instantiate(attrs) {
    const text = attrs?.expression;
    if (typeof text !== 'string') return { error: 'attr "expression" must be a formula string, e.g. "x^2 * sin(y)".' };
    const declared = attrs?.variables;
    if (declared !== undefined && !(Array.isArray(declared) && declared.every((v) => typeof v === 'string'))) {
      return { error: 'attr "variables" must be an array of variable names.' };
    }
    const c = compiled(text, declared as string[] | undefined);
    if (c instanceof ExpressionError) return { error: `${c.message}.` };
    return {
      ...base,
      description: `f = ${c.text}`,
      arity: { kind: 'fixed', ports: c.variables },
      forward: (x) => c.value(x),
      partial: (x, _k, _y, i) => c.partial(x, i),
      latex: { value: (args) => c.valueTex(args), partial: (args, i) => c.partialTex(i, args) },
      convention: 'Each function differentiates as its primitive op (abs: 0 at 0; x^y: as pow); max/min split the gradient evenly among the operands that tie.',
    };
  },
};
