/**
 * Import limits, so a huge file is refused politely instead of freezing a browser tab. Checked on
 * every way in (file, drop, link, autosave, CLI) before the graph is built. Documented in
 * docs/format.md. Node and edge counts include what layer macros expand into, counted from their
 * attrs before they are built (macros/expand.ts): a 64-16-10 MLP is one node in the file and about
 * 2,500 once expanded. Training compiles that same expanded graph, so these also bound the
 * parameters a model trains (each is a node) and need no cap of their own.
 */
import type { Problem } from './model.ts';

export const MAX_MODEL_BYTES = 20 * 1024 * 1024;
export const MAX_MODEL_NODES = 20_000;
export const MAX_MODEL_EDGES = 100_000;
/**
 * Rows of a data set (built-in `points`, or a CSV's rows) and the largest batch: every built-in set
 * is generated in memory, and the PyTorch export writes its rows into the script.
 */
export const MAX_POINTS = 100_000;
/**
 * Values in one training pass: graph nodes × batch size. The trainer holds two Float64Arrays of this
 * many (values and gradients), so 8 million is 128 MB; a 64-16-10 MLP (about 2,500 nodes) trains
 * with batches of up to 3,186.
 */
export const MAX_BATCH_VALUES = 8_000_000;

/** A count as messages print it: 1,000,000; beyond what digits make readable, 1.2e+21. */
export const countText = (n: number): string => (Number.isFinite(n) && n < 1e15 ? n.toLocaleString('en') : n.toExponential(2));

/**
 * Ports 0..k-1 that `wired` lacks: how many, and the first `max` of them, found in time proportional
 * to the wired ports and `max`, never to k (a file can wire port 99,999 alone).
 */
export function missingPorts(k: number, wired: ReadonlyMap<number, unknown>, max = 8): { first: number[]; count: number } {
  let below = 0;
  for (const p of wired.keys()) if (p < k) below++;
  const first: number[] = [];
  for (let p = 0; p < k && first.length < max; p++) if (!wired.has(p)) first.push(p);
  return { first, count: k - below };
}

/** A message list: the items shown, then how many in all when there are more. */
export const listSome = (shown: readonly string[], count: number): string =>
  count <= shown.length ? shown.join(', ') : `${shown.join(', ')}, … (${countText(count)} in all)`;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** A problem when a file of `bytes` bytes is too large to open, checked before reading it. */
export function sizeProblem(bytes: number): Problem | undefined {
  if (bytes <= MAX_MODEL_BYTES) return undefined;
  return { message: `This file is ${mb(bytes)}; GraphGrad opens models up to ${mb(MAX_MODEL_BYTES)}. Nothing was changed.` };
}

/** A problem when parsed JSON holds more nodes or edges than GraphGrad opens. */
export function countProblem(data: unknown): Problem | undefined {
  const rec = data as { nodes?: unknown; edges?: unknown } | null;
  const nodes = Array.isArray(rec?.nodes) ? rec.nodes.length : 0;
  const edges = Array.isArray(rec?.edges) ? rec.edges.length : 0;
  if (nodes > MAX_MODEL_NODES)
    return {
      message: `This model has ${nodes.toLocaleString('en')} nodes; GraphGrad opens models up to ${MAX_MODEL_NODES.toLocaleString('en')} nodes (use layer macros for big layers). Nothing was changed.`,
      path: 'nodes',
    };
  if (edges > MAX_MODEL_EDGES)
    return {
      message: `This model has ${edges.toLocaleString('en')} edges; GraphGrad opens models up to ${MAX_MODEL_EDGES.toLocaleString('en')} edges. Nothing was changed.`,
      path: 'edges',
    };
  return undefined;
}

/** UTF-8 size of a string without encoding it. */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
