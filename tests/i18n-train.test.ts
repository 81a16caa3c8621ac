/**
 * The training worker's messages travel as codes (protocol.ts WorkerText) and the page words them
 * in the user's language; the worker bundle loads no i18n (or React) module to do so.
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { buildGraph, parseCsv } from '../graph-engine/index.ts';
import { setLanguage } from '../src/i18n/i18n.ts';
import { sayWorker } from '../src/modes/train/workerText.ts';
import { bindingView } from '../src/trainWorker/binding.ts';
import { importsOf } from './support/imports.ts';
import { loadSample } from './support/load-sample.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

afterEach(() => setLanguage('en'));

describe('worker messages on the page', () => {
  it('words a binding problem with its subject, in English and in Spanish', () => {
    const ds = parseCsv('a,b,y\n0,0,0\n1,1,0\n', 'mine.csv');
    const view = bindingView(buildGraph(loadSample('xor-mlp')), ds);
    expect(view.problems[0]).toEqual({
      code: 'about',
      role: 'input',
      label: 'x1',
      problem: { code: 'noColumn', dataset: 'mine.csv', columns: ['a', 'b', 'y'] },
    });
    expect(sayWorker(view.problems[0])).toBe('Input "x1" has no column in mine.csv: pick one (columns: a, b, y).');
    // The row shows the problem without its subject (the row names the input).
    expect(sayWorker(view.rows[0].problem!)).toBe('has no column in mine.csv: pick one (columns: a, b, y).');
    setLanguage('es');
    expect(sayWorker(view.problems[0])).toBe('La entrada «x1» no tiene columna en mine.csv: elige una (columnas: a, b, y).');
  });

  it('lists up to four features, counts more, and says none', () => {
    const two = (features: string[]) => sayWorker({ code: 'planeNeedsTwo', features });
    expect(two(['x1'])).toBe('The decision boundary needs exactly two input features (this graph reads x1).');
    expect(two(['a', 'b', 'c', 'd'])).toContain('(this graph reads a, b, c, d)');
    expect(two(['a', 'b', 'c', 'd', 'e'])).toContain('(this graph reads 5 input features)');
    expect(two([])).toContain('(this graph reads none)');
    setLanguage('es');
    expect(two(['a', 'b', 'c', 'd', 'e'])).toBe(
      'La frontera de decisión necesita exactamente dos características de entrada (este grafo lee 5 características de entrada).',
    );
  });

  it('uses the singular for one unread label and the plural for several', () => {
    expect(sayWorker({ code: 'labelsUnread', labels: ['y'] })).toBe("No target node reads the dataset's label (y).");
    expect(sayWorker({ code: 'labelsUnread', labels: ['y0', 'y1'] })).toBe("No target node reads the dataset's labels (y0, y1).");
    setLanguage('es');
    expect(sayWorker({ code: 'labelsUnread', labels: ['y0', 'y1'] })).toBe('Ningún nodo objetivo lee las etiquetas del conjunto de datos (y0, y1).');
  });

  it('says the epoch limit in the chosen language, and passes the engine’s own text through', () => {
    setLanguage('es');
    expect(sayWorker({ code: 'epochLimit', limit: 300 })).toBe('Se alcanzó el límite de épocas (300). Sube o borra el límite para seguir entrenando.');
    expect(sayWorker({ code: 'engine', text: 'Finished 3 epochs.' })).toBe('Finished 3 epochs.');
  });
});

/** Every module the worker entry loads (static imports and new URL workers), as root-relative paths. */
function workerModules(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const ref of importsOf(join(root, file))) {
      if (ref.kind === 'type' || !ref.specifier?.startsWith('.')) continue;
      const target = relative(root, join(root, dirname(file), ref.specifier))
        .split('\\')
        .join('/');
      if (existsSync(join(root, target))) visit(target);
    }
  };
  visit(entry);
  return [...seen];
}

describe('the training worker bundle', () => {
  it('loads no i18n module and no React: the page translates what the worker says', () => {
    const modules = workerModules('src/trainWorker/worker.ts');
    expect(modules).toContain('src/trainWorker/binding.ts');
    expect(modules.filter((m) => m.startsWith('src/i18n/') || m.startsWith('src/modes/'))).toEqual([]);
    const packages = modules.flatMap((m) => importsOf(join(root, m)).filter((r) => r.kind !== 'type' && r.specifier && !r.specifier.startsWith('.')));
    expect(packages.map((r) => r.specifier).filter((s) => /react|i18next/.test(s!))).toEqual([]);
  });
});
