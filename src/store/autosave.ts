/**
 * The browser copy of the current graph. Restoring goes through the engine's validation like any
 * other way in; a stored graph that fails is moved aside under its own key (never deleted), so a
 * bug or a newer format cannot silently cost a user their work.
 */
import { serializeModel, validateModelText, type Model, type Problem } from '../../graph-engine/index.ts';

/** The subset of Web Storage we use; tests pass a Map-backed fake. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const AUTOSAVE_KEY = 'graphgrad.autosave';
/** Prefix of kept-aside graphs; the suffix is the time they were set aside. */
export const REJECTED_PREFIX = 'graphgrad.autosave.rejected.';

export type Restored =
  | { kind: 'none' }
  | { kind: 'ok'; model: Model }
  | { kind: 'rejected'; keptAs: string; problems: Problem[] };

export function restoreAutosave(storage: KeyValueStorage, now = Date.now()): Restored {
  const text = storage.getItem(AUTOSAVE_KEY);
  if (text === null) return { kind: 'none' };
  const { model, graph, problems } = validateModelText(text, { allowIncomplete: true });
  if (model && graph) return { kind: 'ok', model };
  const keptAs = `${REJECTED_PREFIX}${now}`;
  storage.setItem(keptAs, text);
  storage.removeItem(AUTOSAVE_KEY);
  return { kind: 'rejected', keptAs, problems };
}

/** Whether the write went through: storage can be full or disabled, and the editor keeps working. */
export function writeAutosave(storage: KeyValueStorage, model: Model): boolean {
  try {
    storage.setItem(AUTOSAVE_KEY, serializeModel(model));
    return true;
  } catch {
    return false;
  }
}

/** localStorage when the page may use it, else undefined (private modes can throw on access). */
export function browserStorage(): KeyValueStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
