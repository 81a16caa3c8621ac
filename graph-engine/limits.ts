/**
 * Import limits, so a huge file is refused politely instead of freezing a browser tab. Checked on
 * every way in (file, drop, link, autosave, CLI) before the graph is built. Documented in
 * docs/format.md. Layer macros keep real models far below these: a 64-16-10 MLP is one node.
 */
import type { Problem } from './model.ts';

export const MAX_MODEL_BYTES = 20 * 1024 * 1024;
export const MAX_MODEL_NODES = 20_000;
export const MAX_MODEL_EDGES = 100_000;

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
  if (nodes > MAX_MODEL_NODES) return { message: `This model has ${nodes.toLocaleString('en')} nodes; GraphGrad opens models up to ${MAX_MODEL_NODES.toLocaleString('en')} nodes (use layer macros for big layers). Nothing was changed.`, path: 'nodes' };
  if (edges > MAX_MODEL_EDGES) return { message: `This model has ${edges.toLocaleString('en')} edges; GraphGrad opens models up to ${MAX_MODEL_EDGES.toLocaleString('en')} edges. Nothing was changed.`, path: 'edges' };
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
