/**
 * The layer macros' attribute table for docs/format.md, written from their zod schemas (each attr
 * registers its meaning in `attrDocs` beside its type and default), so the table cannot drift.
 */
import type { z } from 'zod';
import { attrDocs, DenseSettings, MlpSettings, NeuronSettings, SoftmaxSettings } from './settings.ts';

const MACROS: [string, z.ZodObject][] = [
  ['neuron', NeuronSettings],
  ['dense', DenseSettings],
  ['mlp', MlpSettings],
  ['softmax', SoftmaxSettings],
];

const cell = (s: string) => s.replace(/\|/g, '\\|');

/** A default as the schema applies it (`sigmoid`, 1, 0), or what its doc says (seeded init), or "required". */
function defaultText(schema: z.ZodType, doc: { default?: string }): string {
  if (doc.default !== undefined) return doc.default;
  const d = schema.safeParse(undefined);
  if (!d.success) return 'required';
  if (d.data === undefined) return '';
  return typeof d.data === 'string' ? `\`${d.data}\`` : JSON.stringify(d.data);
}

export function macroAttrReferenceMarkdown(): string {
  const out = ['| op | attr | meaning | default |', '|---|---|---|---|'];
  for (const [op, schema] of MACROS) {
    const attrs = Object.entries(schema.shape);
    if (!attrs.length) out.push(`| \`${op}\` | — | no attrs, no parameters | |`);
    attrs.forEach(([attr, s], i) => {
      const doc = attrDocs.get(s as z.ZodType);
      if (!doc) throw new Error(`The ${op} attr "${attr}" has no documentation: register it in attrDocs (macros/settings.ts).`);
      out.push(`| ${i === 0 ? `\`${op}\`` : ''} | \`${attr}\` | ${cell(doc.meaning)} | ${cell(defaultText(s as z.ZodType, doc))} |`);
    });
  }
  return out.join('\n');
}
