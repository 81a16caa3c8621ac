/** Node-only helpers for the CLI: reading model files with problems named, tables, exit codes. */
import { accessSync, chmodSync, constants, readFileSync, renameSync, type Stats, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { validateModelText, type Validated } from '../graph/validate.ts';
import { ensureOpsFor } from '../expr/load.ts';

export class CliError extends Error {
  readonly lines: string[];
  constructor(lines: string[] | string) {
    const l = Array.isArray(lines) ? lines : [lines];
    super(l.join('\n'));
    this.lines = l;
  }
}

/** Why a file could not be read, in words: the common cases named, others as Node words them. */
export function readFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (e as Error).message;
}

/** Reads and fully validates a model file, or throws a CliError listing every problem. */
export async function readModel(path: string | undefined): Promise<Required<Pick<Validated, 'model' | 'graph'>>> {
  if (!path) throw new CliError('Missing <model.json> argument.');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(`Cannot read ${path}: ${readFailure(e)}`);
  }
  // Expression support (mathjs) loads only for a model that has expression nodes: it is most of
  // the CLI's start-up time. Text that does not parse loads nothing; validation then says why.
  await ensureOpsFor(parsedOrEmpty(text));
  const v = validateModelText(text);
  if (!v.model || !v.graph) throw new CliError(v.problems.map((p) => `${path}: ${p.message}`));
  return { model: v.model, graph: v.graph };
}

function parsedOrEmpty(text: string): { nodes?: unknown } {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) ?? {};
  } catch (e) {
    if (e instanceof SyntaxError) return {};
    throw e;
  }
}

/**
 * Throws unless `path` can be written: its folder exists and is writable, and it is not a folder
 * itself (nor a read-only file). Checked before long work, so a bad --out fails at once.
 */
/** Why `dir` cannot be looked at, from stat's error code ("does not exist" only when it does not). */
function folderProblem(dir: string, code: string | undefined): string {
  if (code === 'EACCES' || code === 'EPERM') return `permission denied on a folder on the way to ${dir}`;
  if (code === 'ENOTDIR') return `a part of ${dir} is a file, not a folder`;
  if (code === 'ENOENT') return `the folder ${dir} does not exist`;
  return `the folder ${dir} cannot be read (${code ?? 'unknown error'})`;
}

export function checkWritable(path: string, flag = '--out'): void {
  const dir = dirname(resolve(path));
  let folder: Stats;
  try {
    folder = statSync(dir);
  } catch (e) {
    throw new CliError(`${flag} ${path}: ${folderProblem(dir, (e as NodeJS.ErrnoException).code)}.`);
  }
  if (!folder.isDirectory()) throw new CliError(`${flag} ${path}: ${dir} is not a folder.`);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new CliError(`${flag} ${path}: the folder ${dir} is not writable.`);
  }
  let file: Stats;
  try {
    file = statSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return; // a new file
    throw new CliError(`${flag} ${path}: cannot read it (${(e as NodeJS.ErrnoException).code}).`);
  }
  if (file.isDirectory()) throw new CliError(`${flag} ${path}: that is a folder; give a file name.`);
  try {
    accessSync(path, constants.W_OK);
  } catch {
    throw new CliError(`${flag} ${path}: the file is not writable.`);
  }
}

/**
 * Writes a file all at once: to a temporary file in the same folder, then renamed over `path`, so a
 * crash or a full disk never leaves half a file, and an existing file keeps its permissions.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const tmp = join(dirname(resolve(path)), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    writeFileSync(tmp, data);
    try {
      chmodSync(tmp, statSync(path).mode & 0o7777);
    } catch {
      // a new file: the default mode
    }
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // never created
    }
    throw new CliError(`Cannot write ${path}: ${(e as Error).message}`);
  }
}

export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => rows.reduce((w, r) => Math.max(w, r[i].length), h.length));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
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

/**
 * JSON for the CLI's --json output. JSON has no ±∞ or NaN (JSON.stringify writes them as null,
 * which reads as "no value"), so they are written as the strings "Infinity", "-Infinity" and "NaN"
 * (what JavaScript's Number() and Python's float() read back).
 */
export function cliJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
}
