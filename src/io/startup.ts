/**
 * What the editor shows first: the graph autosaved in this browser, with a shared link's model
 * (`#model=...`) or a deep-linked sample (`/?sample=name`) opened over it; else the chain-rule
 * sample. Then every change is autosaved.
 */
import { ensureOpsFor, validateModelText, type Model } from '../../graph-engine/index.ts';
import { decodeShareFragment, hasSharedModel } from '../share/shareLink.ts';
import { downloadText } from './files.ts';
import { browserStorage, restoreAutosave, writeAutosave, type KeyValueStorage } from '../store/autosave.ts';
import { editorStore } from '../store/useEditor.ts';
import { DEFAULT_SAMPLE, sampleText, samples } from './samples.ts';
import { ensureOpsForText } from './onDemandOps.ts';
import { AUTOSAVE_KEY } from '../store/autosave.ts';

/** A bundled sample, validated; says what went wrong and gives undefined when it does not load. */
async function readSample(name: string): Promise<Model | undefined> {
  const store = editorStore.getState();
  const text = await sampleText(name);
  if (text === undefined) {
    store.notify('error', `There is no sample called "${name}".`, [`Samples: ${samples.map((s) => s.name).join(', ')}.`]);
    return undefined;
  }
  await ensureOpsForText(text);
  const { model, graph, problems } = validateModelText(text, { allowIncomplete: true });
  if (!model || !graph) {
    store.notify('error', `The sample "${name}" does not load.`, problems.map((p) => p.message));
    return undefined;
  }
  return model;
}

/** Opens a bundled sample as the current graph, one undoable step (the Samples menu). */
export async function openSample(name: string): Promise<boolean> {
  const model = await readSample(name);
  if (model) editorStore.getState().loadModel(model, `Open sample ${name}`);
  return !!model;
}

/** The model a share link carries (`#model=...`), validated like a file. */
async function readSharedLink(): Promise<Model | undefined> {
  const shared = await decodeShareFragment(location.hash);
  if (shared.model) await ensureOpsFor(shared.model);
  const r = shared.model ? validateModelText(JSON.stringify(shared.model), { allowIncomplete: true }) : shared;
  if (r.model && r.graph) return r.model;
  editorStore.getState().notify('error', 'The shared link could not be opened.', r.problems.map((p) => p.message));
  return undefined;
}

/** The graph this browser stored last time; reports (and keeps aside) one that fails validation. */
async function readOwnGraph(storage: KeyValueStorage): Promise<Model | undefined> {
  await ensureOpsForText(storage.getItem(AUTOSAVE_KEY) ?? '');
  const restored = restoreAutosave(storage);
  if (restored.kind === 'ok') return restored.model;
  if (restored.kind === 'rejected') {
    const { keptAs } = restored;
    editorStore.getState().notify('error', `The graph saved in this browser did not pass validation, so it was kept aside under "${keptAs}".`, restored.problems.map((p) => p.message), {
      sticky: true,
      // The kept-aside text as it was stored, to fix by hand and open again.
      action: { label: 'Download the kept-aside graph', run: () => downloadText(storage.getItem(keptAs) ?? '', 'graphgrad-kept-aside.json') },
    });
  }
  return undefined;
}

/**
 * What the editor shows first. The user's own graph comes back, also under a link: the link then
 * opens as one step on top of it, so Undo brings their graph back, and their stored copy is left
 * alone until they edit the linked one. Everything is read before anything is shown (no flash of
 * one graph before another), and nothing replaces a graph the user started meanwhile (New, Open).
 */
export async function startEditor(): Promise<void> {
  const store = editorStore.getState();
  const storage = browserStorage();
  const sample = new URLSearchParams(location.search).get('sample');
  const shared = hasSharedModel(location.hash);
  const before = store.model;
  const own = storage ? await readOwnGraph(storage) : undefined;
  const link = shared ? await readSharedLink() : sample ? await readSample(sample) : undefined;
  // The link has done its job: from here on the graph is the user's own, autosaved, so a reload
  // must bring back their edits, not the linked original.
  if (sample || location.hash) history.replaceState(null, '', location.pathname);
  const userActed = editorStore.getState().model !== before;
  if (!userActed) {
    if (own) store.loadModel(own, 'Restore', { undoable: false });
    if (link) store.loadModel(link, shared ? 'Open shared link' : `Open sample ${sample}`, { undoable: !!own });
    if (link && own) store.notify('info', `Opened ${shared ? 'the shared graph' : `the sample "${sample}"`}. Undo brings back the graph you had.`);
    if (!own && !link) {
      const first = await readSample(DEFAULT_SAMPLE);
      if (first && editorStore.getState().model === before) store.loadModel(first, `Open sample ${DEFAULT_SAMPLE}`, { undoable: false });
    }
  }
  // What storage holds already: the restored graph, or a linked one not yet edited over it.
  if (storage) startAutosave(storage, own && !userActed ? editorStore.getState().model : undefined);
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
