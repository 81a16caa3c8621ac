/**
 * Every module specifier a source file names, with its line and how it is loaded: the raw material
 * of tests/architecture.test.ts. Parsed with the oxc parser Vite ships (`parseSync`), not matched
 * with regular expressions, so code inside strings and comments (the PyTorch exporter writes
 * Python `import` lines) is never mistaken for an import.
 */
import { readFileSync } from 'node:fs';
import { type ESTree, parseSync, Visitor } from 'vite';

/**
 * - `static`: `import … from`, `import '…'`, `export … from`; loaded with the importing module.
 * - `type`: `import type`, `export type … from`, a type's `import('…')`; erased, loads nothing.
 * - `dynamic`: `import('…')`; loaded when that line runs (its own chunk in the app's bundle).
 * - `url`: `new URL('…', import.meta.url)`, how the app names its worker's script.
 */
export type ImportKind = 'static' | 'type' | 'dynamic' | 'url';

export interface ImportRef {
  /** The specifier as written; null when it is computed (`import(name)`) and so cannot be checked. */
  specifier: string | null;
  kind: ImportKind;
  line: number;
}

/** A string literal's value, or a template literal's when it has no `${}`; null otherwise. */
function literal(node: ESTree.Expression | ESTree.SpreadElement): string | null {
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]!.value.cooked ?? null;
  return null;
}

/** `import.meta.url`, the base that makes `new URL('./x.ts', import.meta.url)` a module reference. */
function isImportMetaUrl(node: ESTree.Expression | ESTree.SpreadElement | undefined): boolean {
  return node?.type === 'MemberExpression' && node.object.type === 'MetaProperty' && node.property.type === 'Identifier' && node.property.name === 'url';
}

export function importsOfSource(fileName: string, source: string): ImportRef[] {
  const { program, errors } = parseSync(fileName, source);
  if (errors.length > 0) throw new Error(`${fileName}: ${errors.map((e) => e.message).join('; ')}`);
  const lineOf = (offset: number) => source.slice(0, offset).split('\n').length;
  const refs: ImportRef[] = [];
  const add = (node: ESTree.Expression | ESTree.SpreadElement, kind: ImportKind) => refs.push({ specifier: literal(node), kind, line: lineOf(node.start) });
  new Visitor({
    ImportDeclaration(n) {
      add(n.source, n.importKind === 'type' ? 'type' : 'static');
    },
    ExportNamedDeclaration(n) {
      if (n.source) add(n.source, n.exportKind === 'type' ? 'type' : 'static');
    },
    ExportAllDeclaration(n) {
      add(n.source, n.exportKind === 'type' ? 'type' : 'static');
    },
    ImportExpression(n) {
      add(n.source, 'dynamic');
    },
    TSImportType(n) {
      add(n.source, 'type');
    },
    NewExpression(n) {
      const [url, base] = n.arguments;
      if (n.callee.type === 'Identifier' && n.callee.name === 'URL' && url && isImportMetaUrl(base)) add(url, 'url');
    },
  }).visit(program);
  return refs.sort((a, b) => a.line - b.line);
}

export function importsOf(path: string): ImportRef[] {
  return importsOfSource(path, readFileSync(path, 'utf8'));
}
