/**
 * Op text in a second language. The registry holds each op's English (description, convention,
 * attr and layer-setting text, palette category); Spanish keeps its own for every op, so adding an
 * op to the registry without a translation fails here. English is read from the registry itself.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, getOp, loadExpressionOps, opRegistry, settingForm } from '../graph-engine/index.ts';
import { categoriesEs, opsEs } from '../src/i18n/catalog/es/ops.ts';
import { setLanguage } from '../src/i18n/i18n.ts';
import { attrDescription, categoryName, opConvention, opDescription, settingText } from '../src/i18n/opText.ts';
import { opsByCategory, searchOps } from '../src/palette/opSearch.ts';

beforeAll(() => loadExpressionOps());
afterEach(() => setLanguage('en'));

describe('Spanish op text', () => {
  it('has a description for every op in the registry, and none for an op it lacks', () => {
    const ops = [...opRegistry.keys()];
    expect(ops).toContain('expr');
    expect(ops.filter((name) => !opsEs[name]?.description.trim())).toEqual([]);
    expect(Object.keys(opsEs).filter((name) => !opRegistry.has(name))).toEqual([]);
  });

  it('translates every convention, attr and layer setting the registry writes, and nothing else', () => {
    const missing: string[] = [];
    for (const op of opRegistry.values()) {
      const es = opsEs[op.name];
      if (!!op.convention !== !!es?.convention) missing.push(`${op.name}: convention`);
      const attrs = (op.attrs ?? []).map((a) => a.name).sort();
      expect([op.name, Object.keys(es?.attrs ?? {}).sort()]).toEqual([op.name, attrs]);
      const settings = op.macro ? settingForm(op.macro.settings).map((f) => f.attr) : [];
      expect([op.name, Object.keys(es?.settings ?? {}).sort()]).toEqual([op.name, [...settings].sort()]);
    }
    expect(missing).toEqual([]);
  });

  it('names every palette category', () => {
    expect(Object.keys(categoriesEs).sort()).toEqual([...CATEGORIES].sort());
  });

  it('shows the registry’s English in English and the Spanish in Spanish', () => {
    const add = getOp('add')!;
    const relu = getOp('relu')!;
    const leaky = getOp('leaky_relu')!;
    const mlp = getOp('mlp')!;
    const sizes = settingForm(mlp.macro!.settings).find((f) => f.attr === 'sizes')!;
    expect(opDescription(add)).toBe(add.description);
    expect(opDescription(add)).toBe('Sum of two or more operands.');
    expect(categoryName('Losses')).toBe('Losses');
    expect(opConvention(relu)).toBe('At x = 0 the derivative is taken as 0.');
    expect(attrDescription(leaky, leaky.attrs![0])).toBe('slope for negative inputs');
    expect(settingText(mlp, sizes).label).toBe('Layer sizes');

    setLanguage('es');
    expect(opDescription(add)).toBe('Suma de dos o más operandos.');
    expect(categoryName('Losses')).toBe('Pérdidas');
    expect(opConvention(relu)).toBe('En x = 0 la derivada se toma como 0.');
    expect(opConvention(add)).toBeUndefined();
    expect(attrDescription(leaky, leaky.attrs![0])).toBe('pendiente para las entradas negativas');
    expect(settingText(mlp, sizes)).toEqual({ label: 'Tamaños de las capas', hint: 'Anchos de las capas, la última son las salidas; p. ej., 8, 8, 1.' });
  });

  it('finds ops by their Spanish words in Spanish, and still by name and English', () => {
    setLanguage('es');
    expect(searchOps('cociente').map((op) => op.name)).toEqual(['div']);
    expect(opsByCategory('pérdidas').flatMap((g) => g.ops.map((op) => op.name))).toEqual(
      [...opRegistry.values()].filter((op) => op.category === 'Losses').map((op) => op.name),
    );
    expect(searchOps('quotient').map((op) => op.name)).toEqual(['div']);
    expect(searchOps('sigmoid')[0].name).toBe('sigmoid');
  });
});
