/**
 * Autosave while the editor runs: every change to the model is written to browser storage, batched
 * (a drag changes the model every frame) until changes pause, in idle time, and flushed when the
 * page is hidden or closed. Only a tab
 * whose graph changed writes, and a tab that writes over a graph another tab stored since keeps
 * that graph aside first, so two tabs never silently cost each other their work.
 */
import { type Model, serializeModel } from '../../graph-engine/index.ts';
import { AUTOSAVE_KEY, keepOtherTabGraph, OTHER_TAB_KEY, writeAutosave, type KeyValueStorage } from './autosave.ts';
import { editorStore } from './useEditor.ts';
import { t } from '../i18n/i18n.ts';
import { formatNumber } from '../i18n/format.ts';

/** Browsers keep about 5 million characters per site (Chromium and Firefox count UTF-16 units). */
const TYPICAL_QUOTA_CHARS = 5_000_000;

/** Why storage likely refused `model`: its own size, when that is near the browser's quota. */
function storageRefusal(model: Model): string {
  const chars = serializeModel(model).length;
  if (chars < TYPICAL_QUOTA_CHARS * 0.8) return t('store.autosave.storageOff');
  return t('store.autosave.tooBig', { millions: formatNumber(Math.round(chars / 1e5) / 10) });
}

/** The running session's way to open a graph without writing it (see `openUnsaved`). */
let unsavedOpener: ((load: () => void) => void) | undefined;

/**
 * Opens a graph (a lesson's step) the way deep links open: the user's own graph is written first if
 * an edit of it is pending, and the opened graph is not written until it is edited, so the stored
 * copy stays the user's graph. Without a running autosave (an embed, tests), just loads.
 */
export function openUnsaved(load: () => void): void {
  if (unsavedOpener) unsavedOpener(load);
  else load();
}

/**
 * Batches writes: a burst of changes (typing, a drag) costs one write once it pauses this long.
 * Serializing and storing a large graph takes tens of milliseconds (expanded digits-mlp, 2,511
 * nodes: about 90 ms on a loaded 2-core machine); written 150 ms after the first key, it landed
 * inside the next keystroke's update.
 */
export const QUIET_MS = 750;
/** A burst that does not pause (training, a long drag) is still written this often. */
export const MAX_WAIT_MS = 5000;
/** And the write waits, this long at most, for the browser to be idle: not in a frame's way. */
const IDLE_TIMEOUT_MS = 1000;

/**
 * Calls `write` once changes pause for QUIET_MS, or MAX_WAIT_MS after the first unwritten one,
 * when the browser is next idle. `changed` notes a change; `cancel` drops a pending write.
 */
function writeScheduler(write: () => void): { changed(): void; cancel(): void } {
  let quiet: ReturnType<typeof setTimeout> | undefined;
  let since: number | undefined;
  let idle: (() => void) | undefined;
  const cancel = () => {
    if (quiet !== undefined) clearTimeout(quiet);
    quiet = undefined;
    since = undefined;
    idle?.();
    idle = undefined;
  };
  const whenIdle = () => {
    quiet = undefined;
    if (idle) return;
    const run = () => {
      idle = undefined;
      since = undefined;
      write();
    };
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
      idle = () => cancelIdleCallback(handle);
    } else {
      const handle = setTimeout(run, 0);
      idle = () => clearTimeout(handle);
    }
  };
  return {
    changed() {
      if (idle) return; // written soon, with this change
      const now = Date.now();
      since ??= now;
      if (quiet !== undefined) clearTimeout(quiet);
      quiet = setTimeout(whenIdle, Math.max(0, Math.min(QUIET_MS, since + MAX_WAIT_MS - now)));
    },
    cancel,
  };
}

/** What the page offers to listen to; tests pass a fake. */
export interface PageEvents {
  addEventListener(type: 'storage', listener: (e: Pick<StorageEvent, 'key' | 'storageArea'>) => void): void;
  addEventListener(type: 'pagehide', listener: () => void): void;
}

/** The running autosave's write-now, once startAutosave has run. */
let running: (() => void) | undefined;

/**
 * Starts autosaving to `storage`. `stored` is the model storage already holds (nothing to write
 * until it changes). Returns `flush`, which writes at once if anything is pending.
 */
export function startAutosave(storage: KeyValueStorage, stored: Model | undefined, page: PageEvents = window): () => void {
  const store = editorStore;
  let failing = false;
  let written = stored;
  /** Another tab wrote the autosave since this tab last did: keep theirs before writing ours. */
  let otherTabWrote = false;

  const keepTheirs = () => {
    otherTabWrote = false;
    if (!keepOtherTabGraph(storage)) return;
    store.getState().notify('info', t('store.autosave.otherTabKept'), [t('store.autosave.otherTabKeptDetail')], {
      sticky: true,
      action: {
        label: t('store.autosave.openOtherTab'),
        run: () => {
          const text = storage.getItem(OTHER_TAB_KEY);
          if (text !== null) store.getState().openText(text, t('store.autosave.otherTabGraph'));
        },
      },
    });
  };

  const flush = () => {
    pending.cancel();
    const { model } = store.getState();
    if (model === written) return;
    if (otherTabWrote) keepTheirs();
    const ok = writeAutosave(storage, model);
    if (ok) written = model;
    // Said once per run of failures, not on every edit; the last good copy stays in storage.
    if (!ok && !failing) {
      store.getState().notify('error', t('store.autosave.notStored', { why: storageRefusal(model) }), [t('store.autosave.notStoredDetail')]);
    }
    failing = !ok;
  };

  const pending = writeScheduler(flush);
  flush();
  unsavedOpener = (load) => {
    flush();
    const before = store.getState().model;
    load();
    const after = store.getState().model;
    if (after === before) return;
    // Subscribers ran during load and may have scheduled a write of the opened graph: drop it.
    pending.cancel();
    written = after;
  };
  store.subscribe((s, prev) => {
    if (s.model !== prev.model) pending.changed();
  });
  page.addEventListener('storage', (e) => {
    // Fired only for writes made by other tabs (and windows) of this site.
    if (e.key !== AUTOSAVE_KEY || e.storageArea !== storage) return;
    if (!otherTabWrote) {
      store.getState().notify('info', t('store.autosave.otherTabSaved'), [t('store.autosave.otherTabSavedDetail')]);
    }
    otherTabWrote = true;
  });
  page.addEventListener('pagehide', flush);
  if (typeof document !== 'undefined') {
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') flush();
    });
  }
  running = flush;
  return flush;
}

/**
 * Writes the autosave now rather than after the pause: when a part of the app has just failed
 * (ErrorBoundary), so its message that the graph is autosaved holds even if the tab dies next.
 */
export function flushAutosave(): void {
  running?.();
}
