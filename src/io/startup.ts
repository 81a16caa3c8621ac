/**
 * What the editor shows first: the graph autosaved in this browser, with a shared link's model
 * (`#model=...`) or a deep-linked sample (`/?sample=name`) opened over it; else the chain-rule
 * sample. Then every change is autosaved.
 */
import { ensureOpsFor, validateModelText, type Model } from '../../graph-engine/index.ts';
import { decodeLessonFragment, decodeShareFragment, hasSharedLesson, hasSharedModel } from '../share/shareLink.ts';
import { downloadText } from './files.ts';
import { AUTOSAVE_KEY, browserStorage, keepAside, restoreAutosave, type KeptAside, type KeyValueStorage } from '../store/autosave.ts';
import { startAutosave } from '../store/autosaveSession.ts';
import { thrownMessage } from '../store/thrown.ts';
import { editorStore } from '../store/useEditor.ts';
import { DEFAULT_SAMPLE, sampleText, samples } from './samples.ts';
import { ensureOpsForText } from './onDemandOps.ts';
import { isEmbedded } from '../embed/embed.ts';
import { MODES, type Mode } from '../store/editorStore.ts';
import { bundledLessonText } from '../modes/learn/lessons.ts';
import { LESSON_FROM_LINK, openBundledLesson, openLessonText } from '../modes/learn/openLesson.ts';
import { t } from '../i18n/i18n.ts';

/** A bundled sample, validated; says what went wrong and gives undefined when it does not load. */
async function readSample(name: string): Promise<Model | undefined> {
  const store = editorStore.getState();
  try {
    const text = await sampleText(name);
    if (text === undefined) {
      store.notify('error', t('io.startup.noSample', { name }), [t('io.startup.sampleList', { list: samples.map((s) => s.name).join(', ') })]);
      return undefined;
    }
    await ensureOpsForText(text);
    const { model, graph, problems } = validateModelText(text, { allowIncomplete: true });
    if (model && graph) return model;
    store.notify(
      'error',
      t('io.startup.sampleDoesNotLoad', { name }),
      problems.map((p) => p.message),
    );
  } catch (e) {
    store.notify('error', t('io.startup.sampleDoesNotLoad', { name }), [thrownMessage(e)]);
  }
  return undefined;
}

/** Opens a bundled sample as the current graph, one undoable step (the Samples menu). */
export async function openSample(name: string): Promise<boolean> {
  const model = await readSample(name);
  return !!model && loads(model, t('io.startup.openSample', { name }), t('io.startup.couldNotOpenSample', { name }));
}

/**
 * Loads a validated model, saying why when building it throws (nothing unforeseen may stop the
 * editor starting or switch autosave off); the graph on screen stays as it was.
 */
function loads(model: Model, label: string, failure: string, options?: { undoable?: boolean }): boolean {
  try {
    editorStore.getState().loadModel(model, label, options);
    return true;
  } catch (e) {
    editorStore.getState().notify('error', failure, [thrownMessage(e)]);
    return false;
  }
}

/** The model a share link carries (`#model=...`), validated like a file. */
async function readSharedLink(): Promise<Model | undefined> {
  let problems: string[];
  try {
    const shared = await decodeShareFragment(location.hash);
    if (shared.model) await ensureOpsFor(shared.model);
    const r = shared.model ? validateModelText(JSON.stringify(shared.model), { allowIncomplete: true }) : shared;
    if (r.model && r.graph) return r.model;
    problems = r.problems.map((p) => p.message);
  } catch (e) {
    problems = [thrownMessage(e)];
  }
  editorStore.getState().notify('error', t('io.startup.sharedLinkFailed'), problems);
  return undefined;
}

/** The graph this browser stored last time; reports (and keeps aside) one that fails validation. */
async function readOwnGraph(storage: KeyValueStorage): Promise<{ own?: Model; heldInPlace?: boolean }> {
  const text = storage.getItem(AUTOSAVE_KEY);
  // When the expression module cannot load (offline, say), validation below reports the graph's
  // expr nodes as not loaded; the notice then also says why, whatever the failure was.
  let loadFailure: string | undefined;
  try {
    await ensureOpsForText(text ?? '');
  } catch (e) {
    loadFailure = t('io.startup.exprDidNotLoad', { reason: thrownMessage(e) });
  }
  const restored = restoreAutosave(storage);
  if (restored.kind === 'ok') return { own: restored.model };
  if (restored.kind === 'none') return {};
  reportKeptAside(storage, restored.text, 'invalid', [...restored.problems.map((p) => p.message), ...(loadFailure ? [loadFailure] : [])], restored);
  return { heldInPlace: restored.keptAs === undefined };
}

/**
 * Tells the user their stored graph was set aside and hands it back as a file. When storage had
 * no room for a copy, it is still in the autosave slot: say that their next edit replaces it.
 */
function reportKeptAside(storage: KeyValueStorage, text: string, why: 'invalid' | 'unopenable', details: string[], kept: KeptAside): void {
  const title = kept.keptAs !== undefined ? t(`io.startup.${why}KeptAside`, { key: kept.keptAs }) : t(`io.startup.${why}NotKeptAside`, { reason: kept.reason });
  editorStore.getState().notify('error', title, details, {
    sticky: true,
    // The kept-aside text as it was stored, to fix by hand and open again.
    action: {
      label: t('io.startup.downloadKeptAside'),
      run: () => downloadText(kept.keptAs !== undefined ? (storage.getItem(kept.keptAs) ?? text) : text, 'graphgrad-kept-aside.json'),
    },
  });
}

/** The mode a link asks for (`&mode=teach`), when it names one. */
function linkedMode(name: string | null): Mode | undefined {
  return MODES.find((m) => m === name);
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
  const before = store.model;
  let own: Model | undefined;
  let heldInPlace = false;
  let userActed = false;
  try {
    const sample = new URLSearchParams(location.search).get('sample');
    // `&mode=teach` (build, train): read now, as it leaves the address bar with the link below.
    const linkMode = linkedMode(new URLSearchParams(location.search).get('mode'));
    const shared = hasSharedModel(location.hash);
    // An embed shows only what its link names: the reader's own graph is neither shown nor written.
    const embed = isEmbedded();
    // `/?lesson=<id>&step=<n>`: a bundled lesson at a step (counted from 1), opened like a sample.
    const lessonId = sample || shared ? null : new URLSearchParams(location.search).get('lesson');
    const lessonStep = Math.max(1, Number(new URLSearchParams(location.search).get('step')) || 1) - 1;
    // `#lesson=...`: a teacher's own lesson file, carried in the link as share links carry models.
    const sharedLesson = !sample && !shared && hasSharedLesson(location.hash) ? await decodeLessonFragment(location.hash) : undefined;
    if (sharedLesson?.problem) store.notify('error', t('io.startup.lessonLinkFailed'), [sharedLesson.problem]);
    const lessonText = lessonId ? await bundledLessonText(lessonId) : sharedLesson?.text;
    if (lessonId && lessonText === undefined) store.notify('error', t('io.startup.noLesson', { id: lessonId }));
    ({ own, heldInPlace = false } = storage && !embed ? await readOwnGraph(storage) : {});
    const link = shared ? await readSharedLink() : sample ? await readSample(sample) : undefined;
    // The link has done its job: from here on the graph is the user's own, autosaved, so a reload
    // must bring back their edits, not the linked original.
    // Other parameters stay: a debugging switch like Train mode's `?preview=main` is read later.
    const rest = new URLSearchParams(location.search);
    rest.delete('sample');
    rest.delete('lesson');
    rest.delete('step');
    rest.delete('mode');
    if ((sample || location.hash || lessonId) && !embed) history.replaceState(null, '', `${location.pathname}${rest.size ? `?${rest}` : ''}`);
    userActed = editorStore.getState().model !== before;
    if (userActed) return; // the user started a graph meanwhile (New, Open): leave it be
    if (own && !loads(own, t('io.startup.restore'), t('io.startup.couldNotOpenOwn'), { undoable: false })) {
      // It validated but could not be built: keep it aside like a graph that fails validation.
      const text = storage?.getItem(AUTOSAVE_KEY);
      if (storage && text) {
        const kept = keepAside(storage, text);
        heldInPlace = kept.keptAs === undefined;
        reportKeptAside(storage, text, 'unopenable', [], kept);
      }
      own = undefined;
    }
    const lessonOpened =
      lessonText !== undefined &&
      (lessonId
        ? await openBundledLesson(lessonId, lessonStep, { undoable: !!own })
        : await openLessonText(lessonText, LESSON_FROM_LINK, lessonStep, { undoable: !!own }));
    if (lessonOpened && own) store.notify('info', t('io.startup.openedLesson'));
    const linked =
      !lessonOpened &&
      link &&
      loads(
        link,
        shared ? t('io.startup.openSharedLink') : t('io.startup.openSample', { name: sample }),
        shared ? t('io.startup.couldNotOpenShared') : t('io.startup.couldNotOpenSample', { name: sample }),
        { undoable: !!own },
      );
    if (linked && own) store.notify('info', shared ? t('io.startup.openedShared') : t('io.startup.openedSample', { name: sample }));
    if (!own && !linked && !lessonOpened) {
      const first = await readSample(DEFAULT_SAMPLE);
      if (first && editorStore.getState().model === before)
        loads(first, t('io.startup.openSample', { name: DEFAULT_SAMPLE }), t('io.startup.couldNotOpenSample', { name: DEFAULT_SAMPLE }), { undoable: false });
    }
    if (linkMode && !lessonOpened) store.setMode(linkMode);
  } catch (e) {
    store.notify('error', t('io.startup.failed'), [thrownMessage(e)]);
  } finally {
    // Whatever happened above, edits from here on are autosaved. Storage already holds the restored
    // graph (or a linked one not yet edited over it), or a set-aside graph that only an edit may
    // replace: none of those is written again until the graph changes.
    if (storage && !isEmbedded()) startAutosave(storage, (own || heldInPlace) && !userActed ? editorStore.getState().model : undefined);
  }
}
