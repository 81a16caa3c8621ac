// The inspector's formula: the op's LaTeX with names, then with the engine's numbers.
import { expect, it } from 'vitest';
import katex from 'katex';
import { buildGraph, Session } from '../graph-engine/index.ts';
import { nodeTex } from '../src/inspector/formulaTex.ts';
import { input, model, op, sample } from './support/models.ts';

const texOf = (m: Parameters<typeof buildGraph>[0], id: string) => {
  const g = buildGraph(m);
  const s = new Session(g);
  s.forward();
  return nodeTex(g, id, (n) => s.value(n, 0))!;
};

it('writes the chain-rule output with names, then with numbers', async () => {
  const tex = texOf(await sample('chain-rule'), 'J');
  expect(tex.symbolic).toBe('J = 3 \\cdot v');
  expect(tex.numeric).toBe('J = 3 \\cdot 11 = 33');
  expect(tex.partials).toEqual(['\\frac{\\partial J}{\\partial 3} = v', '\\frac{\\partial J}{\\partial v} = 3']);
});

it('writes NaN, infinities and tiny numbers as KaTeX can set them', () => {
  const logOfNegative = texOf(model([{ ...input('input1', -2), label: 'a' }, op('l', 'log')], [['input1', 'l', 0]], 'l'), 'l');
  expect(logOfNegative.numeric).toMatch(/= \\text\{NaN\}$/);
  const tiny = texOf(model([input('x', 1.5e-7), op('n', 'neg')], [['x', 'n', 0]], 'n'), 'n');
  expect(tiny.numeric).toContain('1.5 \\times 10^{-7}');
  for (const tex of [logOfNegative.numeric!, tiny.numeric!]) {
    expect(() => katex.renderToString(tex, { strict: 'error', trust: false, throwOnError: true })).not.toThrow();
  }
});
