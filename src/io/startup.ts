/**
 * What the editor shows first: a shared link's model (`#model=...`), else a deep-linked sample
 * (`/?sample=name`), else the autosaved graph, else the chain-rule sample. Then every change is autosaved.
 */
import { ensureOpsFor, validateModelText, type Model } from '../../graph-engine/index.ts';
import { decodeShareFragment, hasSharedModel } from '../share/shareLink.ts';
import { downloadText } from './files.ts';
import { browserStorage, restoreAutosave, writeAutosave, type KeyValueStorage } from '../store/autosave.ts';
import { editorStore } from '../store/useEditor.ts';
import { DEFAULT_SAMPLE, sampleText, samples } from './samples.ts';
import { ensureOpsForText } from './onDemandOps.ts';
import { AUTOSAVE_KEY } from '../store/autosave.ts';

/**
 * Loads a bundled sample as the current graph; `undoable` false for the first graph shown, which
 * `stillWanted` can call off once the sample has arrived.
 */
export async function openSample(name: string, undoable = true, stillWanted = () => true): Promise<boolean> {
  const store = editorStore.getState();
  const text = await sampleText(name);
  if (text === undefined) {
    store.notify('error', `There is no sample called "${name}".`, [`Samples: ${samples.map((s) => s.name).join(', ')}.`]);
    return false;
  }
  await ensureOpsForText(text);
  const { model, graph, problems } = validateModelText(text, { allowIncomplete: true });
  if (!model || !graph) {
    store.notify('error', `The sample "${name}" does not load.`, problems.map((p) => p.message));
    return false;
  }
  if (!stillWanted()) return false;
  store.loadModel(model, `Open sample ${name}`, { undoable });
  return true;
}

/** Opens the model a share link carries (`#model=...`), validated like a file. */
async function openSharedLink(undoable: boolean): Promise<boolean> {
  const store = editorStore.getState();
  const shared = await decodeShareFragment(location.hash);
  if (shared.model) await ensureOpsFor(shared.model);
  const r = shared.model ? validateModelText(JSON.stringify(shared.model), { allowIncomplete: true }) : shared;
  if (!r.model || !r.graph) {
    store.notify('error', 'The shared link could not be opened.', r.problems.map((p) => p.message));
    return false;
  }
  store.loadModel(r.model, 'Open shared link', { undoable });
  return true;
}

/** The graph this browser stored last time, loaded as the first graph; reports one that fails. */
async function restoreOwnGraph(storage: KeyValueStorage): Promise<boolean> {
  const store = editorStore.getState();
  await ensureOpsForText(storage.getItem(AUTOSAVE_KEY) ?? '');
  const restored = restoreAutosave(storage);
  if (restored.kind === 'ok') {
    store.loadModel(restored.model, 'Restore', { undoable: false });
    return true;
  }
  if (restored.kind === 'rejected') {
    const { keptAs } = restored;
    store.notify('error', `The graph saved in this browser did not pass validation, so it was kept aside under "${keptAs}".`, restored.problems.map((p) => p.message), {
      sticky: true,
      // The kept-aside text as it was stored, to fix by hand and open again.
      action: { label: 'Download the kept-aside graph', run: () => downloadText(storage.getItem(keptAs) ?? '', 'graphgrad-kept-aside.json') },
    });
  }
  return false;
}

export async function startEditor(): Promise<void> {
  const store = editorStore.getState();
  const storage = browserStorage();
  const linked = new URLSearchParams(location.search).get('sample');
  const shared = hasSharedModel(location.hash);
  // The user's own graph comes back first, also under a link: the link then opens as one step on
  // top of it, so Undo brings their graph back, and their stored copy is untouched until they
  // edit the linked one.
  const own = storage ? await restoreOwnGraph(storage) : false;
  // Loading is asynchronous: a graph the user has started meanwhile (New, Open) is not replaced.
  const baseline = editorStore.getState().model;
  const userActed = () => editorStore.getState().model !== baseline;
  let opened: string | undefined;
  if (shared && !userActed() && (await openSharedLink(own))) opened = 'the shared graph';
  if (!opened && linked && (await openSample(linked, own, () => !userActed()))) opened = `the sample "${linked}"`;
  // The link has done its job: from here on the graph is the user's own, autosaved, so a reload
  // must bring back their edits, not the linked original.
  if (linked || location.hash) history.replaceState(null, '', location.pathname);
  if (opened && own) store.notify('info', `Opened ${opened}. Undo brings back the graph you had.`);
  if (!own && !opened && !userActed()) await openSample(DEFAULT_SAMPLE, false, () => !userActed());
  // What storage holds already: the restored graph, or a linked one not yet edited.
  if (storage) startAutosave(storage, own ? editorStore.getState().model : undefined);
}

/**
 * Saves after each change to the model, batched to one write per animation frame-ish tick (a drag
 * changes the model every frame), and flushed when the page is hidden or closed. Only a tab whose
 * graph changed writes: an idle second tab must not overwrite what another tab stored since.
 */
function startAutosave(storage: KeyValueStorage, stored: Model | undefined): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failing = false;
  let written = stored;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const { model } = editorStore.getState();
    if (model === written) return;
    const ok = writeAutosave(storage, model);
    if (ok) written = model;
    // Said once per run of failures, not on every edit; the last good copy stays in storage.
    if (!ok && !failing) {
      editorStore
        .getState()
        .notify('error', 'This browser would not store the graph (its storage is full or turned off), so edits from now on are not autosaved.', [
          'The last graph it did store is kept. Use Save to keep this one as a file.',
        ]);
    }
    failing = !ok;
  };
  flush();
  editorStore.subscribe((s, prev) => {
    if (s.model === prev.model || timer !== undefined) return;
    timer = setTimeout(flush, 150);
  });
  addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });
}
