/**
 * The layers' import rules (README "Layout"): the engine is pure TypeScript that runs in the
 * page, the training worker and Node, so it imports nothing from the app and no browser-only
 * package; the app uses the engine only through graph-engine/index.ts, its public API, except the
 * exporters, which load on demand. Biome's noRestrictedImports matches specifiers but cannot tell a
 * static import from a dynamic one, nor see worker URLs, so the rules live here, in one place.
 * A failure lists `file:line: 'specifier' …why`.
 */
import { readdirSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type ImportRef, importsOf, importsOfSource } from './support/imports.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The engine's public API: the one engine module the app imports statically. */
const ENGINE_API = 'graph-engine/index.ts';

/**
 * Engine modules the app loads with a dynamic import() only, so they and their dependencies
 * (onnx-proto, the Python writer) stay out of the first bundle.
 */
const LAZY_EXPORTERS = ['graph-engine/export/onnx.ts', 'graph-engine/export/pytorch.ts'];

/**
 * The packages engine code may import: each runs in the browser, a worker and Node alike. Adding
 * one is a decision to make here, not by accident: React, React Flow, zustand, KaTeX, uPlot,
 * html-to-image and the like belong to the app.
 */
const ENGINE_PACKAGES = ['zod', 'mathjs', 'jsonc-parser', 'onnx-proto'];

/** The CLI (graph-engine/cli/) is the engine's Node front end: it may use Node's modules too. */
const CLI_DIR = 'graph-engine/cli/';

/** Source files under a folder, as root-relative paths with forward slashes. */
function sourcesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => posix.join(dir, f.split('\\').join('/')))
    .sort();
}

/** The root-relative path a relative specifier names, or null for a package (or `node:`) import. */
function target(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  return relative(root, join(root, dirname(file), specifier))
    .split('\\')
    .join('/');
}

/** `@scope/name/sub` → `@scope/name`, `mathjs/number` → `mathjs`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function where(file: string, ref: ImportRef): string {
  return `${file}:${ref.line}: '${ref.specifier}'`;
}

/** The engine: nothing from outside graph-engine/, and only packages on the list. */
function engineViolations(file: string, refs: ImportRef[]): string[] {
  const out: string[] = [];
  for (const ref of refs) {
    if (ref.specifier === null) {
      out.push(`${file}:${ref.line}: a computed ${ref.kind} import cannot be checked; name the module literally`);
      continue;
    }
    const path = target(file, ref.specifier);
    if (path !== null) {
      if (!path.startsWith('graph-engine/')) out.push(`${where(file, ref)} reaches outside graph-engine/ (the engine imports nothing from the app or tests)`);
      continue;
    }
    if (ref.specifier.startsWith('node:')) {
      if (!file.startsWith(CLI_DIR)) out.push(`${where(file, ref)} is a Node module; only ${CLI_DIR} may use Node`);
      continue;
    }
    if (!ENGINE_PACKAGES.includes(packageName(ref.specifier)))
      out.push(`${where(file, ref)} is not an engine package (${ENGINE_PACKAGES.join(', ')}); the engine must run in the page, a worker and Node`);
  }
  return out;
}

/** The app: the engine through its public API, the exporters through import() only. */
function appViolations(file: string, refs: ImportRef[]): string[] {
  const out: string[] = [];
  for (const ref of refs) {
    if (ref.specifier === null) {
      out.push(`${file}:${ref.line}: a computed ${ref.kind} import cannot be checked; name the module literally`);
      continue;
    }
    const path = target(file, ref.specifier);
    if (path === null || !path.startsWith('graph-engine/') || path === ENGINE_API) continue;
    if (LAZY_EXPORTERS.includes(path)) {
      if (ref.kind !== 'dynamic') out.push(`${where(file, ref)} is an exporter the app loads on demand: use await import(), not a ${ref.kind} import`);
      continue;
    }
    out.push(`${where(file, ref)} reaches past ${ENGINE_API}; export what the app needs from there`);
  }
  return out;
}

/** The modules a file loads with it: static imports, followed through relative paths. */
function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const ref of importsOf(join(root, file))) {
      const path = ref.kind === 'static' && ref.specifier !== null ? target(file, ref.specifier) : null;
      if (path !== null) visit(path);
    }
  };
  visit(entry);
  return seen;
}

describe('layer rules', () => {
  const engineFiles = sourcesUnder('graph-engine');
  const appFiles = sourcesUnder('src');

  it('the engine imports nothing from the app, no browser-only package, and Node only in its CLI', () => {
    expect(engineFiles.length).toBeGreaterThan(40);
    expect(engineFiles.flatMap((f) => engineViolations(f, importsOf(join(root, f))))).toEqual([]);
  });

  it(`the app imports the engine only through ${ENGINE_API}, the exporters only with import()`, () => {
    const refs = appFiles.map((f) => [f, importsOf(join(root, f))] as const);
    // The scan sees the app's real imports (a parser change that found none would pass vacuously).
    expect(refs.filter(([f, r]) => r.some((ref) => ref.specifier !== null && target(f, ref.specifier) === ENGINE_API)).length).toBeGreaterThan(20);
    expect(refs.flatMap(([f, r]) => appViolations(f, r))).toEqual([]);
  });

  it(`${ENGINE_API} does not load the exporters, mathjs's expression ops or the real data sets with it`, () => {
    const eager = staticClosure(ENGINE_API);
    expect(eager.has('graph-engine/graph/build.ts')).toBe(true);
    expect(eager.has('graph-engine/data/real/load.ts')).toBe(true);
    // expr/op.ts (mathjs) is loaded by expr/load.ts when a model first uses an expression node;
    // each real data set's values by data/real/load.ts when it is first chosen.
    const data = sourcesUnder('graph-engine/data/real').filter((f) => !f.endsWith('/load.ts'));
    expect(data.length).toBe(5); // four data modules and their decoders
    const lazy = [...LAZY_EXPORTERS, 'graph-engine/expr/op.ts', ...data];
    expect(
      lazy.filter((m) => eager.has(m)),
      `statically imported from ${ENGINE_API}, directly or through other modules`,
    ).toEqual([]);
  });
});

describe('the import scanner', () => {
  it('reports every way a module is named, with its line and kind', () => {
    const source = [
      "import { a } from './a.ts';",
      "import type { B } from './b.ts';",
      "export * from './c.ts';",
      "export { d } from './d.ts';",
      "type P = import('onnx-proto').onnx.ModelProto;",
      "const e = await import('./e.ts');",
      "const w = new Worker(new URL('./w.ts', import.meta.url));",
      'const f = await import(name);',
      "const text = `import torch from 'nowhere'`; // import { no } from 'comment'",
      "const site = new URL('https://example.org/x.ts');",
    ].join('\n');
    expect(importsOfSource('fixture.ts', source)).toEqual([
      { specifier: './a.ts', kind: 'static', line: 1 },
      { specifier: './b.ts', kind: 'type', line: 2 },
      { specifier: './c.ts', kind: 'static', line: 3 },
      { specifier: './d.ts', kind: 'static', line: 4 },
      { specifier: 'onnx-proto', kind: 'type', line: 5 },
      { specifier: './e.ts', kind: 'dynamic', line: 6 },
      { specifier: './w.ts', kind: 'url', line: 7 },
      { specifier: null, kind: 'dynamic', line: 8 },
    ]);
  });

  it('names the file, line and import of each violation', () => {
    const refs = importsOfSource(
      'src/x.ts',
      "import { m } from '../graph-engine/core/model.ts';\nimport { exportOnnx } from '../graph-engine/export/onnx.ts';\nconst p = await import('../graph-engine/export/pytorch.ts');",
    );
    expect(appViolations('src/x.ts', refs)).toEqual([
      "src/x.ts:1: '../graph-engine/core/model.ts' reaches past graph-engine/index.ts; export what the app needs from there",
      "src/x.ts:2: '../graph-engine/export/onnx.ts' is an exporter the app loads on demand: use await import(), not a static import",
    ]);
    const engine = importsOfSource(
      'graph-engine/core/x.ts',
      "import '../../src/store/useEditor.ts';\nimport { create } from 'zustand';\nimport { readFileSync } from 'node:fs';",
    );
    expect(engineViolations('graph-engine/core/x.ts', engine)).toEqual([
      "graph-engine/core/x.ts:1: '../../src/store/useEditor.ts' reaches outside graph-engine/ (the engine imports nothing from the app or tests)",
      "graph-engine/core/x.ts:2: 'zustand' is not an engine package (zod, mathjs, jsonc-parser, onnx-proto); the engine must run in the page, a worker and Node",
      "graph-engine/core/x.ts:3: 'node:fs' is a Node module; only graph-engine/cli/ may use Node",
    ]);
  });
});
