/**
 * A language switch words the editor's notes again without rebuilding the graph: on
 * softmax-classifier cut after its softmax (three outputs, so no loss is chosen), the note that
 * says so reads in Spanish after the switch, and the built graph is the same object (Teach keeps
 * its place).
 */
import { readFileSync } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { parseModelText, type Model } from '../graph-engine/index.ts';
import { setLanguage } from '../src/i18n/i18n.ts';
import { editorStore } from '../src/store/useEditor.ts';

afterEach(() => setLanguage('en'));

it('switching to Spanish rewords the no-loss note and keeps the graph', () => {
  const model = parseModelText(readFileSync('samples/softmax-classifier.json', 'utf8')).model as Model;
  const cut: Model = {
    ...model,
    loss: undefined,
    nodes: model.nodes.filter((n) => !['L', 'y0', 'y1', 'y2'].includes(n.id)),
    edges: model.edges.filter((e) => e.target !== 'L'),
  };
  editorStore.getState().loadModel(cut, 'test');
  const before = editorStore.getState().evaluation;
  expect(before.noLossReason).toMatch(/several outputs/);
  setLanguage('es');
  const after = editorStore.getState().evaluation;
  expect(after.noLossReason).toMatch(/varias salidas/);
  expect(after.graph).toBe(before.graph);
  expect(after.results.get('p')?.outputs).toEqual(before.results.get('p')?.outputs);
});
