/** Node-only helpers for the CLI: reading model files with problems named, tables, exit codes. */
import { readFileSync } from 'node:fs';
import { validateModelText, type Validated } from '../validate.ts';

export class CliError extends Error {
  readonly lines: string[];
  constructor(lines: string[] | string) {
    const l = Array.isArray(lines) ? lines : [lines];
    super(l.join('\n'));
    this.lines = l;
  }
}

/** Reads and fully validates a model file, or throws a CliError listing every problem. */
export function readModel(path: string | undefined): Required<Pick<Validated, 'model' | 'graph'>> {
  if (!path) throw new CliError('Missing <model.json> argument.');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(`Cannot read ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  const v = validateModelText(text);
  if (!v.model || !v.graph) throw new CliError(v.problems.map((p) => `${path}: ${p.message}`));
  return { model: v.model, graph: v.graph };
}

export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => rows.reduce((w, r) => Math.max(w, r[i].length), h.length));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Flags: `--name value` or `--flag`; everything else is positional. */
export function parseArgs(argv: string[], booleans: readonly string[] = []): { positional: string[]; flags: Map<string, string> } {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split('=', 2);
    if (inline !== undefined) flags.set(name, inline);
    else if (booleans.includes(name)) flags.set(name, 'true');
    else {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) throw new CliError(`Flag --${name} needs a value.`);
      flags.set(name, v);
      i++;
    }
  }
  return { positional, flags };
}
