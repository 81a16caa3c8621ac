/**
 * Undo/redo as a stack of immer patch pairs. Each entry is one user-visible step: a drag, a
 * connection, a typed label. Entries are plain data, so the stack is cheap (patches, not copies).
 */
import type { Patch } from 'immer';

export interface HistoryEntry {
  /** What the step did, for tooltips ("Undo Move"). */
  label: string;
  patches: Patch[];
  inverse: Patch[];
  /** Consecutive edits with the same key (typing into one field) merge into one step. */
  coalesceKey?: string;
  at: number;
}

export interface History {
  past: HistoryEntry[];
  future: HistoryEntry[];
}

/** Comfortably above the 100 steps users are promised. */
export const HISTORY_LIMIT = 250;
/** Edits to the same field closer together than this merge into one undo step. */
const COALESCE_MS = 1000;

export const emptyHistory = (): History => ({ past: [], future: [] });

/** Records a step; clears the redo branch; merges with the previous step when coalescing. */
export function record(history: History, entry: HistoryEntry): History {
  if (entry.patches.length === 0) return history;
  const last = history.past[history.past.length - 1];
  if (last && entry.coalesceKey && last.coalesceKey === entry.coalesceKey && entry.at - last.at < COALESCE_MS) {
    const merged = mergeEntries(last, entry);
    return { past: [...history.past.slice(0, -1), merged], future: [] };
  }
  const past = [...history.past, entry];
  if (past.length > HISTORY_LIMIT) past.splice(0, past.length - HISTORY_LIMIT);
  return { past, future: [] };
}

/** One entry doing `a` then `b`; undoing it undoes `b` then `a`. */
export function mergeEntries(a: HistoryEntry, b: HistoryEntry): HistoryEntry {
  return {
    label: a.label,
    patches: [...a.patches, ...b.patches],
    inverse: [...b.inverse, ...a.inverse],
    coalesceKey: b.coalesceKey,
    at: b.at,
  };
}
