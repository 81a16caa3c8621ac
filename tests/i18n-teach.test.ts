/**
 * Teach in Spanish: the engine's words inside formulas (\text{…}) are translated before
 * typesetting, the live region's step text and numbers follow the language, and Quiz me reads a
 * decimal comma. Expected numbers are worked by hand from samples/chain-rule.json (a = 5, b = 3,
 * c = 2: u = 6, v = 11, J = 33; ∂J/∂b = 3 × 2 = 6) and the small models below.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { buildGraph, Stepper, type Model } from '../graph-engine/index.ts';
import { backwardText, forwardText, layerText, spokenTex } from '../src/a11y/stepText.ts';
import { en } from '../src/i18n/catalog/en/index.ts';
import { es } from '../src/i18n/catalog/es/index.ts';
import { setLanguage } from '../src/i18n/i18n.ts';
import { createTeachStore } from '../src/modes/teach/teachStore.ts';
import { createQuizStore } from '../src/modes/teach/quiz/quizStore.ts';
import { toleranceText } from '../src/modes/teach/quiz/questions.ts';
import { localizeTexWords } from '../src/modes/teach/texWords.ts';
import { createEditorStore } from '../src/store/editorStore.ts';
import { loadSample } from './support/load-sample.ts';

afterEach(() => setLanguage('en'));

const engineRoot = fileURLToPath(new URL('../graph-engine/', import.meta.url));

/** Every engine source file (not its tests). */
function engineSources(dir = engineRoot): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? engineSources(`${dir}${e.name}/`) : /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [`${dir}${e.name}`] : [],
  );
}

/** The \text{…} groups the engine's source writes, as written there (`\\text{…}` in a string). */
function engineTextGroups(): { file: string; content: string }[] {
  return engineSources().flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/\\\\text\{((?:[^{}]|\{[^{}]*\})*)\}/g)].map((m) => ({ file: file.slice(engineRoot.length), content: m[1] })),
  );
}

/** \text groups that are not words: textTex's escaped text (labels, never translated) and NaN (a symbol). */
const NOT_WORDS = ["${[...text].map((c) => TEX_SPECIALS[c] ?? c).join('')}", 'NaN'];

describe('the engine’s words in formulas', () => {
  const groups = engineTextGroups();

  it('finds the engine’s \\text phrases (the scan itself works)', () => {
    expect(groups.map((g) => g.content)).toEqual(expect.arrayContaining(['(no path to the loss)', 'otherwise', 'training step']));
  });

  it('every \\text phrase the engine can write has a Spanish translation, and English keeps the engine’s words', () => {
    const untranslated: string[] = [];
    for (const { file, content } of groups) {
      if (NOT_WORDS.includes(content)) continue;
      // A phrase built around a value (`(too long to show: ${written[i]} terms)`): try it with a number in.
      const phrase = content.includes('${') ? readFileSync(`${engineRoot}${file}`, 'utf8').match(/`(\(too long to show: )\$\{[^}]*\}( terms\))`/) : null;
      const sample = phrase ? `${phrase[1]}123${phrase[2]}` : content;
      if (content.includes('${') && !phrase) {
        untranslated.push(`${file}: ${content}`);
        continue;
      }
      const tex = `x = \\text{${sample}}`;
      setLanguage('en');
      expect(localizeTexWords(tex)).toBe(tex);
      setLanguage('es');
      const spanish = localizeTexWords(tex);
      if (spanish === tex) untranslated.push(`${file}: ${sample}`);
      setLanguage('en');
    }
    expect(untranslated).toEqual([]);
  });

  it('Spanish formulas carry the catalog’s words; a label that is not a phrase stays as it is', () => {
    setLanguage('es');
    expect(localizeTexWords('\\frac{\\partial J}{\\partial d} = 0 \\quad \\text{(no path to the loss)}')).toBe(
      '\\frac{\\partial J}{\\partial d} = 0 \\quad \\text{(sin camino hasta la pérdida)}',
    );
    expect(localizeTexWords('\\begin{cases} 1 & x > 0 \\\\ 0.1 & \\text{otherwise} \\end{cases}')).toBe(
      '\\begin{cases} 1 & x > 0 \\\\ 0.1 & \\text{en otro caso} \\end{cases}',
    );
    expect(localizeTexWords('\\text{(too long to show: 4096 terms)}')).toBe('\\text{(demasiado largo para mostrar: 4096 términos)}');
    expect(localizeTexWords('\\text{my node} = 3')).toBe('\\text{my node} = 3');
    expect(es.teach.tex.noPath).not.toBe(en.teach.tex.noPath);
  });

  it('a backward step with no path to the loss: the stepper’s phrase, in Spanish', () => {
    const m = loadSample('chain-rule');
    // d feeds a node that does not reach the loss J.
    const model: Model = {
      ...m,
      nodes: [
        ...m.nodes,
        { id: 'd', op: 'input', value: 4, label: 'd', position: { x: 0, y: 400 } },
        { id: 'dead', op: 'mul', label: 'dead', position: { x: 220, y: 400 } },
      ],
      edges: [...m.edges, { source: 'd', target: 'dead', port: 0 }, { source: 'a', target: 'dead', port: 1 }],
    };
    const g = buildGraph(model);
    const st = new Stepper(g);
    st.runForward();
    const steps = [];
    for (let b = st.stepBackward(); b; b = st.stepBackward()) steps.push(b);
    const dead = steps.find((s) => s.id === 'dead')!;
    expect(dead.latex).toContain('\\text{(no path to the loss)}');
    setLanguage('es');
    expect(localizeTexWords(dead.latex)).toContain('\\text{(sin camino hasta la pérdida)}');
    expect(backwardText(g, dead)).toBe('Hacia atrás: ∂J/∂dead = 0; sin camino hasta la pérdida');
  });
});

describe('Teach steps in words, in Spanish', () => {
  it('reads the chain rule with Spanish words and the hand-worked numbers', () => {
    const chain = loadSample('chain-rule');
    const g = buildGraph(chain);
    const st = new Stepper(g);
    setLanguage('es');
    const forward: string[] = [];
    for (let f = st.stepForward(); f; f = st.stepForward()) forward.push(forwardText(f));
    expect(forward).toContain('Hacia delante: u = b × c = 3 × 2 = 6');
    expect(forward).toContain('Hacia delante: J = 3 × v = 3 × 11 = 33');
    const backward: string[] = [];
    for (let b = st.stepBackward(); b; b = st.stepBackward()) backward.push(backwardText(g, b));
    expect(backward[0]).toBe('Hacia atrás: ∂J/∂J = 1; J es la pérdida, el modo inverso empieza aquí');
    expect(backward).toContain('Hacia atrás: ∂J/∂b = 3 × 2 = 6');
    setLanguage('en');
    expect(backwardText(g, st.describeBackward(g.indexOf.get('b')!))).toBe('Backward: ∂J/∂b = 3 × 2 = 6');
  });

  it('writes decimals with a comma in Spanish: y = w · x with w = 0.5, x = 3 gives 1.5', () => {
    const model: Model = {
      format: 'graphgrad',
      version: 1,
      name: 'half',
      nodes: [
        { id: 'w', op: 'param', value: 0.5, label: 'w', position: { x: 0, y: 0 } },
        { id: 'x', op: 'input', value: 3, label: 'x', position: { x: 0, y: 100 } },
        { id: 'y', op: 'mul', label: 'y', position: { x: 200, y: 50 } },
      ],
      edges: [
        { source: 'w', target: 'y', port: 0 },
        { source: 'x', target: 'y', port: 1 },
      ],
      loss: 'y',
    };
    const g = buildGraph(model);
    const st = new Stepper(g);
    setLanguage('es');
    const texts: string[] = [];
    for (let f = st.stepForward(); f; f = st.stepForward()) texts.push(forwardText(f));
    expect(texts).toContain('Hacia delante: w = 0,5');
    expect(texts).toContain('Hacia delante: y = w × x = 0,5 × 3 = 1,5');
    const back: string[] = [];
    for (let b = st.stepBackward(); b; b = st.stepBackward()) back.push(backwardText(g, b));
    // ∂y/∂x = w = 0.5.
    expect(back).toContain('Hacia atrás: ∂y/∂x = 1 × 0,5 = 0,5');
    expect(layerText('forward', 'h', [0.25, -1])).toBe('Hacia delante: capa h, salidas 0,25; −1');
    setLanguage('en');
    expect(layerText('forward', 'h', [0.25, -1])).toBe('Forward: layer h, outputs 0.25, −1');
  });
});

describe('Quiz me in Spanish', () => {
  function setup() {
    const editor = createEditorStore({ initialModel: loadSample('chain-rule') });
    const teach = createTeachStore(editor);
    const quiz = createQuizStore(teach);
    quiz.getState().setOn(true);
    // Step until the first question (about u = b·c = 6).
    for (let i = 0; i < 10 && !quiz.getState().pending; i++) teach.getState().step();
    return { quiz, q: () => quiz.getState() };
  }

  it('takes an answer typed with a decimal comma ("18,0/3" is 6) in Spanish', () => {
    setLanguage('es');
    const s = setup();
    expect(s.q().pending?.questions[0].symbol).toBe('u');
    expect(s.q().pending?.questions[0].prompt).toBe('¿Cuánto vale u? (mul de b = 3; c = 2)');
    expect(s.q().answer('18,0/3')).toBe(true);
    expect(s.q().revealed).toMatchObject([{ right: true, typed: '18,0/3' }]);
  });

  it('in English a comma is not a decimal point in a fraction, and says so', () => {
    const s = setup();
    expect(s.q().answer('18,0/3')).toBe(false);
    expect(s.q().inputProblem).toBe('"18,0/3" is not a number: type one such as 6, −0.5 or 1/3.');
    setLanguage('es');
    expect(s.q().answer('seis')).toBe(false);
    expect(s.q().inputProblem).toBe('«seis» no es un número: escribe uno como 6, −0,5 o 1/3.');
    expect(s.q().answer('6,0')).toBe(true);
  });

  it('states the tolerance with the language’s decimal separator', () => {
    expect(toleranceText()).toBe('Answers within ±0.01 or ±1 % (whichever is larger) count as right.');
    setLanguage('es');
    expect(toleranceText()).toBe('Las respuestas a menos de ±0,01 o ±1 % (lo que sea mayor) cuentan como correctas.');
  });
});

describe('formulas as a screen reader says them', () => {
  it('a leaky-ReLU-style case split and a grouped sum read as words, in the language', () => {
    setLanguage('es');
    expect(spokenTex('\\begin{cases} 1 & x > 0 \\\\ 0.1 & \\text{otherwise} \\end{cases}')).toBe('1 x > 0; 0,1 en otro caso');
    expect(spokenTex('\\frac{\\partial J}{\\partial a} = \\underbrace{1.5}_{\\text{vía } h} = 1.5')).toBe('∂J/∂a = 1,5 (vía h) = 1,5');
  });
});
