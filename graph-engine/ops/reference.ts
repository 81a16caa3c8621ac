/** The op reference table for docs/format.md, written from the registry so it cannot drift. */
import { CATEGORIES, type OpDef } from './types.ts';
import { opRegistry, portName } from './registry.ts';

function ports(op: OpDef): string {
  const a = op.arity;
  if (a.kind === 'leaf') return '— (leaf: `value`)';
  if (a.kind === 'fixed') return a.ports.map((p, i) => `${i}: ${p}`).join(', ');
  const k = a.multipleOf ? 4 : 3;
  const names = Array.from({ length: k }, (_, i) => portName(op, i, k));
  const rule = a.multipleOf ? `, an even count ≥ ${a.min}: first half, then second half` : `, at least ${a.min}`;
  return `variadic: ${names.join(', ')}, …${rule}`;
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

export function opReferenceMarkdown(): string {
  const out: string[] = [];
  for (const cat of CATEGORIES) {
    const ops = [...opRegistry.values()].filter((o) => o.category === cat);
    if (!ops.length) continue;
    out.push(`### ${cat}`, '', '| op | ports | attrs (default) | what it computes | convention |', '|---|---|---|---|---|');
    for (const op of ops) {
      const attrs = (op.attrs ?? []).map((a) => `\`${a.name}\` (${a.default}): ${a.description}`).join('; ') || '';
      out.push(`| \`${op.name}\` | ${cell(ports(op))} | ${cell(attrs)} | ${cell(op.description)} | ${cell(op.convention ?? '')} |`);
    }
    out.push('');
  }
  return out.join('\n').trimEnd();
}
