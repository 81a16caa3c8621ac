// The shell in Spanish: the samples' descriptions are real translations that fit the menu, and
// what the editor writes into a model does not depend on the language (only the Undo label does).
import { readFileSync } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { serializeModel } from '../graph-engine/index.ts';
import { setLanguage } from '../src/i18n/i18n.ts';
import { SAMPLE_CATALOG } from '../src/io/sampleCatalog.ts';
import { createEditorStore } from '../src/store/editorStore.ts';

afterEach(() => setLanguage('en'));

it('describes every sample in Spanish, each distinct, on one line that fits the menu', () => {
  const english = SAMPLE_CATALOG.map((c) => c.blurb);
  setLanguage('es');
  const spanish = SAMPLE_CATALOG.map((c) => c.blurb);
  expect(spanish[0]).toBe('La regla de la cadena en J = 3(a + bc), paso a paso');
  expect(new Set(spanish).size).toBe(spanish.length);
  spanish.forEach((b, i) => {
    expect(b).not.toBe(english[i]);
    expect(b).not.toMatch(/\n/);
    // The menu shows 380 px of 11.5 px text: some 56 characters of the widest.
    expect(b.length, b).toBeLessThanOrEqual(56);
  });
});

/** New, two nodes wired, a loss set, a delete undone: the model each language's editor writes. */
function edit(): { file: string; undoLabel: string | undefined } {
  const store = createEditorStore();
  store.getState().newGraph();
  const a = store.getState().addNode('input', { x: 0, y: 0 });
  const m = store.getState().addNode('mul', { x: 200, y: 0 });
  store.getState().connect({ source: a, target: m, port: 0 });
  store.getState().connect({ source: a, target: m, port: 1 });
  store.getState().setLoss(m);
  store.getState().removeNodes([a]);
  store.getState().undo();
  return { file: serializeModel(store.getState().model), undoLabel: store.getState().history.past.at(-1)?.label };
}

it('writes the same model file in Spanish as in English; only the Undo label is translated', () => {
  const english = edit();
  setLanguage('es');
  const spanish = edit();
  expect(spanish.file).toBe(english.file);
  expect(JSON.parse(spanish.file).name).toBe('Untitled graph');
  expect(JSON.parse(spanish.file).nodes.map((n: { label?: string }) => n.label)).toEqual(['a', expect.any(String)]);
  expect(english.undoLabel).toBe('Set loss');
  expect(spanish.undoLabel).toBe('Elegir la pérdida');
});

it('opens the chain-rule sample to the same model in either language', () => {
  const text = readFileSync('samples/chain-rule.json', 'utf8');
  const open = () => {
    const store = createEditorStore();
    expect(store.getState().openText(text, 'chain-rule.json')).toBe(true);
    return { file: serializeModel(store.getState().model), label: store.getState().history.past.at(-1)?.label };
  };
  const english = open();
  setLanguage('es');
  const spanish = open();
  expect(spanish.file).toBe(english.file);
  expect(english.label).toBe('Open chain-rule.json');
  expect(spanish.label).toBe('Abrir chain-rule.json');
});
