/**
 * The browser copy of the current graph. Restoring goes through the engine's validation like any
 * other way in; a stored graph that fails is moved aside under its own key (never deleted), so a
 * bug or a newer format cannot silently cost a user their work.
 */
import { serializeModel, validateModelText, type Model, type Problem } from '../../graph-engine/index.ts';
import { thrownProblem } from './thrown.ts';
import { t } from '../i18n/i18n.ts';

/** The subset of Web Storage we use; tests pass a Map-backed fake. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const AUTOSAVE_KEY = 'graphgrad.autosave';
/** Prefix of kept-aside graphs; the suffix is the time they were set aside. */
export const REJECTED_PREFIX = 'graphgrad.autosave.rejected.';
/** Where a graph another tab saved goes when this tab saves over it (one slot: the latest). */
export const OTHER_TAB_KEY = 'graphgrad.autosave.other-tab';

/**
 * Where a set-aside graph ended up: under its own key, or, when storage had no room for a second
 * copy, still under the autosave key, where it stays until the user's next edit is saved.
 */
export type KeptAside = { keptAs: string } | { keptAs: undefined; reason: string };

export type Restored = { kind: 'none' } | { kind: 'ok'; model: Model } | ({ kind: 'rejected'; text: string; problems: Problem[] } & KeptAside);

export function restoreAutosave(storage: KeyValueStorage, now = Date.now()): Restored {
  const text = storage.getItem(AUTOSAVE_KEY);
  if (text === null) return { kind: 'none' };
  let problems: Problem[];
  try {
    const { model, graph, problems: found } = validateModelText(text, { allowIncomplete: true });
    if (model && graph) return { kind: 'ok', model };
    problems = found;
  } catch (e) {
    // Validation must never throw, but if it does the stored graph is still the user's work.
    problems = [thrownProblem(e)];
  }
  return { kind: 'rejected', text, problems, ...keepAside(storage, text, now) };
}

/**
 * Whether an exception is storage saying no: Web Storage reports a full or disabled store with a
 * DOMException (QuotaExceededError, SecurityError). The catches below take only those; anything
 * else is a bug, and is not theirs to swallow.
 */
function storageRefused(e: unknown): boolean {
  return e instanceof DOMException;
}

/**
 * Moves the stored autosave `text` to its own key. The autosave key is emptied first, so the copy
 * needs no more room than the original took; if storage still refuses, the text goes back where
 * it was (it fitted there a moment ago) and the caller tells the user to download it.
 */
export function keepAside(storage: KeyValueStorage, text: string, now = Date.now()): KeptAside {
  const keptAs = `${REJECTED_PREFIX}${now}`;
  try {
    storage.removeItem(AUTOSAVE_KEY);
    storage.setItem(keptAs, text);
    return { keptAs };
  } catch (e) {
    if (!storageRefused(e)) throw e;
    try {
      storage.setItem(AUTOSAVE_KEY, text);
    } catch (again) {
      if (!storageRefused(again)) throw again;
      // Nothing more to try: the caller offers the text as a download.
    }
    return { keptAs: undefined, reason: t('store.autosave.noRoomForCopy') };
  }
}

/** Whether the write went through: storage can be full or disabled, and the editor keeps working. */
export function writeAutosave(storage: KeyValueStorage, model: Model): boolean {
  const text = serializeModel(model);
  try {
    storage.setItem(AUTOSAVE_KEY, text);
    return true;
  } catch (e) {
    if (!storageRefused(e)) throw e;
    return false;
  }
}

/** Keeps the graph another tab stored in the other-tab slot before this tab saves over it. */
export function keepOtherTabGraph(storage: KeyValueStorage): boolean {
  const theirs = storage.getItem(AUTOSAVE_KEY);
  if (theirs === null) return false;
  try {
    storage.setItem(OTHER_TAB_KEY, theirs);
    return true;
  } catch (e) {
    if (!storageRefused(e)) throw e;
    return false;
  }
}

/** localStorage when the page may use it, else undefined (private modes can throw on access). */
export function browserStorage(): KeyValueStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch (e) {
    if (!storageRefused(e)) throw e;
    return undefined;
  }
}
