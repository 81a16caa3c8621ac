/** The check reference table for docs/lessons.md, written from the zod schemas so it cannot drift. */
import type { z } from 'zod';
import { CHECK_SCHEMAS } from './schema.ts';

const COMMON = ['id', 'describe', 'hint'];
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** `name` (required) or `name?`, with the field's description. */
function field(name: string, schema: z.ZodType): string {
  const optional = schema.safeParse(undefined).success;
  // An optional field's description may sit on the schema it wraps.
  const inner = (schema as { unwrap?: () => z.ZodType }).unwrap?.();
  const d = schema.description ?? inner?.description;
  return `\`${name}${optional ? '?' : ''}\`${d ? `: ${d}` : ''}`;
}

export function checkReferenceMarkdown(): string {
  const out = ['| kind | what it checks | fields (`?`: optional) |', '|---|---|---|'];
  for (const schema of CHECK_SCHEMAS) {
    const { kind, ...rest } = schema.shape as Record<string, z.ZodType> & { kind: z.ZodLiteral<string> };
    // id, describe and hint are the same on every kind: the page describes them once.
    const fields = Object.entries(rest)
      .filter(([k]) => !COMMON.includes(k) || (k === 'id' && !rest[k].safeParse(undefined).success))
      .map(([k, v]) => field(k, v));
    out.push(`| \`${kind.value}\` | ${cell(schema.description ?? '')} | ${cell(fields.join('; '))} |`);
  }
  return out.join('\n');
}
