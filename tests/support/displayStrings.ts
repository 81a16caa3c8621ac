/**
 * Text in the app's source that a user would read but that no catalog holds: the raw material of
 * tests/i18n-strings.test.ts. Parsed with the oxc parser Vite ships, like tests/support/imports.ts.
 *
 * What counts as display text:
 * - JSX text with a word in it (`<b>Open</b>`);
 * - a string in an attribute people read (`title`, `aria-label`, `placeholder`, …);
 * - anywhere else, a string or template that reads as prose: a capitalised word followed by
 *   another word ("Open a model"), or three words in a row ("no path to").
 * What does not: module specifiers, object keys, type positions, attributes that hold code
 * (`className`, `data-testid`), the key in `t('area.key')`, console output, `new Error(…)` (a thrown Error is a bug, never shown as such),
 * and lines marked `// i18n-exempt: <why>` (on the line or the one above).
 */
import { readFileSync } from 'node:fs';
import { parseSync } from 'vite';

export interface DisplayString {
  line: number;
  text: string;
}

/** Attributes and component props people read. */
const READ_ATTRIBUTES = new Set([
  'title',
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'placeholder',
  'alt',
  'label',
  'text',
  'hint',
  'caption',
  'tooltip',
  'heading',
  'message',
  'description',
]);
/** Attributes that hold code (classes, styles, ids, keys), never text. */
const CODE_ATTRIBUTES =
  /^(className|class|style|key|id|role|type|htmlFor|data-.*|aria-(controls|describedby|labelledby|haspopup|live|current|pressed|expanded|checked|selected|hidden|modal|atomic|relevant|busy|invalid|orientation|sort|autocomplete))$/;
const WORD = /\p{L}{2,}/u;
const PROSE = /\p{Lu}\p{Ll}+[ ,:;’'-]+\p{L}{2,}|\p{Ll}{2,} \p{Ll}{2,} \p{Ll}{2,}/u;
/** Class lists and CSS read like words but hold `--` or `__` (BEM) or `(`: none is prose. */
const CODE_LIKE = /--|__|\bvar\(|^[a-z-]+ [a-z-]+$/;

type Node = { type: string; start: number; end: number; [k: string]: unknown };

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && typeof (v as Node).type === 'string';

function templateText(node: Node): string {
  return (node.quasis as { value: { cooked: string } }[]).map((q) => q.value.cooked).join('…');
}

/** Whether a string in code position (not JSX text, not a read attribute) reads as prose. */
const reads = (text: string) => PROSE.test(text) && !CODE_LIKE.test(text);

function displayStringsOfSource(fileName: string, source: string): DisplayString[] {
  const { program, errors } = parseSync(fileName, source);
  if (errors.length > 0) throw new Error(`${fileName}: ${errors.map((e) => e.message).join('; ')}`);
  const lines = source.split('\n');
  const lineOf = (offset: number) => source.slice(0, offset).split('\n').length;
  const exempt = (line: number) => /i18n-exempt/.test(lines[line - 1] ?? '') || /i18n-exempt/.test(lines[line - 2] ?? '');
  const found: DisplayString[] = [];
  const report = (node: Node, text: string) => {
    const line = lineOf(node.start);
    if (!exempt(line)) found.push({ line, text: text.trim().replace(/\s+/g, ' ').slice(0, 80) });
  };

  /** Walks `node`; `read` is true inside an attribute people read, where any word counts. */
  const walk = (node: Node, read: boolean): void => {
    switch (node.type) {
      case 'ImportDeclaration':
      case 'ExportAllDeclaration':
      case 'ImportExpression':
      case 'TSTypeAnnotation':
      case 'TSTypeAliasDeclaration':
      case 'TSInterfaceDeclaration':
      case 'TSLiteralType':
        return;
      case 'JSXText':
        if (WORD.test(node.value as string)) report(node, node.value as string);
        return;
      case 'JSXAttribute': {
        const name = (node.name as Node).type === 'JSXIdentifier' ? ((node.name as Node).name as string) : '';
        if (node.value && isNode(node.value) && !CODE_ATTRIBUTES.test(name)) walk(node.value, READ_ATTRIBUTES.has(name));
        return;
      }
      case 'Literal':
        if (typeof node.value === 'string' && (read ? WORD.test(node.value) : reads(node.value))) report(node, node.value);
        return;
      case 'TemplateLiteral': {
        const text = templateText(node);
        if (read ? WORD.test(text) : reads(text)) report(node, text);
        for (const e of node.expressions as Node[]) walk(e, false);
        return;
      }
      case 'CallExpression': {
        const callee = node.callee as Node;
        if (callee.type === 'MemberExpression' && (callee.object as Node).type === 'Identifier' && (callee.object as Node).name === 'console') return;
        const args = node.arguments as Node[];
        // t('area.key', options): the key is not text, and neither are the options' names.
        const lookup =
          (callee.type === 'Identifier' && callee.name === 't') || (callee.type === 'MemberExpression' && ((callee.property as Node).name as string) === 't');
        for (const a of lookup ? args.slice(1) : args) walk(a, false);
        walk(callee, false);
        return;
      }
      case 'NewExpression':
        if ((node.callee as Node).type === 'Identifier' && /Error$/.test((node.callee as Node).name as string)) return;
        break;
      case 'Property':
        // A key is an identifier, never text; its value is walked.
        walk(node.value as Node, read);
        return;
    }
    for (const key of Object.keys(node)) {
      if (key === 'type' || key === 'start' || key === 'end') continue;
      const v = node[key];
      if (Array.isArray(v)) for (const c of v) isNode(c) && walk(c, read);
      else if (isNode(v)) walk(v, read);
    }
  };
  walk(program as unknown as Node, false);
  return found;
}

export const displayStringsOf = (file: string): DisplayString[] => displayStringsOfSource(file, readFileSync(file, 'utf8'));
