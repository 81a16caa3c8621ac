/**
 * Keyboard wiring's choices (src/a11y/connectChoices.ts) and the Teach steps in words
 * (src/a11y/stepText.ts). Expected values are worked by hand from samples/chain-rule.json:
 * a = 5, b = 3, c = 2; u = b·c = 6, v = a + u = 11, J = 3·v = 33; ∂J/∂v = 3, ∂J/∂u = 3,
 * ∂J/∂b = ∂J/∂u · c = 3 × 2 = 6, ∂J/∂c = 3 × 3 = 9.
 */
import { describe, expect, it } from 'vitest';
import { buildGraph, Stepper, type Model } from '../graph-engine/index.ts';
import { evaluate } from '../src/store/evaluate.ts';
import { choiceText, filterChoices, outputChoices, targetChoices } from '../src/a11y/connectChoices.ts';
import { backwardText, forwardText, latexText, layerText } from '../src/a11y/stepText.ts';
import { loadSample } from './support/load-sample.ts';

const chain = loadSample('chain-rule');

describe('keyboard connect choices', () => {
  it('lists every input port of the other cards in reading order, saying which are wired', () => {
    const choices = targetChoices(chain, evaluate(chain), 'a');
    // Cards with inputs, by x then y: u (220,195), v (440,65), J (660,0). mul and add are
    // variadic: two wired ports x1, x2 and a free third handle, as the card draws them.
    expect(choices.map((c) => `${c.target}:${c.portName}`)).toEqual(['u:x1', 'u:x2', 'u:x3', 'v:x1', 'v:x2', 'v:x3', 'J:x1', 'J:x2', 'J:x3']);
    expect(choices.map((c) => c.wiredFrom)).toEqual(['b', 'c', undefined, 'a', 'u', undefined, '3', 'v', undefined]);
    expect(choices[5].connection).toEqual({ source: 'a', target: 'v', port: 2 });
    expect(choiceText(choices[0])).toBe('u, input x1 (wired from b; Enter replaces it)');
    expect(choiceText(choices[2])).toBe('u, input x3 (free)');
  });

  it('offers free ports on an unwired card, and a growable sum its free handle', () => {
    const m: Model = {
      ...chain,
      nodes: [...chain.nodes, { id: 's', op: 'sum', label: 's', position: { x: 900, y: 0 } }],
      edges: [...chain.edges, { source: 'J', target: 's', port: 0 }],
    };
    const s = targetChoices(m, evaluate(m), 'a').filter((c) => c.target === 's');
    // sum is variadic: its wired port 0, and one free handle after it.
    expect(s.map((c) => [c.connection.port, c.wiredFrom ?? 'free'])).toEqual([
      [0, 'J'],
      [1, 'free'],
    ]);
    expect(choiceText(s[1])).toBe(`s, input ${s[1].portName} (free)`);
  });

  it('type-ahead puts cards whose name starts with the query first, and matches "card port"', () => {
    const choices = targetChoices(chain, evaluate(chain), 'a');
    expect(filterChoices(choices, 'v').map((c) => `${c.target}:${c.portName}`)).toEqual(['v:x1', 'v:x2', 'v:x3']);
    expect(filterChoices(choices, 'J x2').map((c) => `${c.target}:${c.portName}`)).toEqual(['J:x2']);
    // "x3" starts no "card port" text, but is in three of them.
    expect(filterChoices(choices, 'x3').map((c) => c.target)).toEqual(['u', 'v', 'J']);
    expect(filterChoices(choices, 'zzz')).toEqual([]);
    expect(filterChoices(choices, '')).toHaveLength(9);
  });

  it('a card with one output has one output choice', () => {
    expect(outputChoices(evaluate(chain), 'b')).toEqual([{ sourcePort: 0, name: '' }]);
  });
});

describe('Teach steps in words', () => {
  it('reads the chain-rule sample forward and backward with the hand-worked numbers', () => {
    const g = buildGraph(chain);
    const st = new Stepper(g);
    const forward: string[] = [];
    for (let f = st.stepForward(); f; f = st.stepForward()) forward.push(forwardText(f));
    expect(forward).toContain('Forward: u = b × c = 3 × 2 = 6');
    expect(forward).toContain('Forward: v = a + u = 5 + 6 = 11');
    expect(forward).toContain('Forward: J = 3 × v = 3 × 11 = 33');
    expect(forward).toContain('Forward: a = 5');
    const backward: string[] = [];
    for (let b = st.stepBackward(); b; b = st.stepBackward()) backward.push(backwardText(g, b));
    expect(backward[0]).toBe('Backward: ∂J/∂J = 1; J is the loss, reverse mode starts here');
    expect(backward).toContain('Backward: ∂J/∂b = 3 × 2 = 6');
    expect(backward).toContain('Backward: ∂J/∂c = 3 × 3 = 9');
    expect(backward).toContain('Backward: ∂J/∂a = 3 × 1 = 3');
  });

  it('spells out LaTeX: fractions, roots, text, powers, negatives', () => {
    expect(latexText('\\frac{\\partial J}{\\partial b} = 3 \\cdot 2 = 6')).toBe('∂J/∂b = 3 × 2 = 6');
    expect(latexText('y = \\frac{1}{1 + e^{-x}}')).toBe('y = 1/(1 + e^(−x))');
    expect(latexText('y = \\sqrt{x} = \\sqrt{4} = 2')).toBe('y = √(x) = √(4) = 2');
    expect(latexText('\\text{my node} = \\ln \\left(x\\right)')).toBe('my node = ln (x)');
    expect(latexText('w_{1} = -0.5')).toBe('w1 = −0.5');
    expect(latexText('y = \\max(0, x)')).toBe('y = max(0, x)');
  });

  it('sums over paths and negative factors read as a chain', () => {
    const m = loadSample('sum-over-paths');
    const g = buildGraph(m);
    const st = new Stepper(g);
    st.runForward();
    const texts: string[] = [];
    for (let b = st.stepBackward(); b; b = st.stepBackward()) texts.push(backwardText(g, b));
    // A node with two live edges reads "p × q + r × s = x + y = total".
    expect(texts.some((t) => / = \S+ × \S+ \+ \S+ × \S+ = \S+ \+ \S+ = \S+$/.test(t))).toBe(true);
    expect(layerText('forward', 'h', [0.5, -1])).toBe('Forward: layer h, outputs 0.5, −1');
  });
});
