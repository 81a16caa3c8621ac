/**
 * Train mode's controller: connects the panel, the editor store and the training worker.
 * The canvas stays the truth: the worker trains a copy of the model; on Pause (or when a run
 * ends) the trained parameters go back into the model as one undoable change. Editing the graph
 * while training pauses (a value edit) or stops (a structural edit) the run first and says so.
 *
 * Whether the editor's model is still the one the worker trains is decided by what changed
 * (changeKind: moving cards changes nothing), not by object identity.
 */
import { datasetName, own, resolveSettings, withParams, type Model, type TrainSettings } from '../../../graph-engine/index.ts';
import { t } from '../../i18n/i18n.ts';
import type { EditorStoreApi } from '../../store/editorStore.ts';
import { changeKind } from '../../trainWorker/changes.ts';
import type { TrainClient } from '../../trainWorker/client.ts';
import type { Pace } from '../../trainWorker/pace.ts';
import type { DatasetSpec, Snapshot, TrainOverrides } from '../../trainWorker/protocol.ts';
import { createCanvasSample } from './canvasSample.ts';
import { applySnapshot, initialTrainState, type Regularisation, type TrainStoreApi, type TrainUiState } from './trainStore.ts';
import { sayWorker } from './workerText.ts';

export interface TrainControllerDeps {
  editor: EditorStoreApi;
  trainStore: TrainStoreApi;
  /** The training worker (the app's starts on first use). */
  client: TrainClient;
  /**
   * The old canvas preview, for `bench:ui`'s before/after: the page rebuilds and re-evaluates the
   * graph with the worker's parameters instead of using the worker's values (default: the page
   * URL's `?preview=main`).
   */
  previewOnMain?: boolean;
}

/** The page URL's `?preview=` (main, or any other value for the worker's), read once; none in unit tests. */
const PREVIEW_PARAM = new URLSearchParams(globalThis.location?.search ?? '').get('preview');

/**
 * With `?preview=` in the URL, `bench:ui` times the page's work per snapshot and per canvas
 * preview as User Timing measures of these names (only then: measures pile up until cleared).
 */
const SNAPSHOT_MEASURE = 'graphgrad:train-snapshot';
const PREVIEW_MEASURE = 'graphgrad:train-preview';
const timed = (name: string, fn: () => void) => {
  if (PREVIEW_PARAM === null) return fn();
  const start = performance.now();
  fn();
  performance.measure(name, { start });
};

/** What the Train panel can ask for. Each action resolves once the worker has answered. */
export interface TrainController {
  /** (Re)builds the worker's trainer from the current model, dataset and settings. */
  configure(): Promise<void>;
  play(): Promise<void>;
  pause(): Promise<void>;
  stepEpoch(): Promise<void>;
  /** Trains one mini-batch step and keeps its weights, like stepEpoch. */
  stepBatch(): Promise<void>;
  /** Sets how fast Play trains; a run in progress changes pace without pausing. */
  setPace(pace: Pace): Promise<void>;
  reset(): Promise<void>;
  /** Changes a setting; data settings rebuild the trainer, optimisation settings apply live. */
  setOverride(patch: TrainOverrides): Promise<void>;
  setRegularisation(regularisation: Regularisation, regRate?: number): Promise<void>;
  setEarlyStopping(on: boolean, patience?: number): Promise<void>;
  setEpochLimit(limit: number | undefined): Promise<void>;
  setDataset(dataset: DatasetSpec): Promise<void>;
  /** Regenerates the data with a new seed (same points and noise). */
  regenerate(): Promise<void>;
  /** Picks the dataset row (its row number in the data set) whose values and gradients the canvas shows. */
  setSample(index: number): Promise<void>;
  /**
   * Shows these input values (by input node id) on the canvas in place of the row's, e.g. a drawn
   * digit; inputs not given, and the targets, keep the row's. Undefined returns to the row.
   */
  setSampleInputs(values: Record<string, number> | undefined): Promise<void>;
  /** Stops following the editor (tests; the app's controller lives as long as the page). */
  dispose(): void;
}

/** The settings the model's training block asks for (the panel starts from these). */
function modelSettings(model: Model): TrainSettings | undefined {
  return resolveSettings(model).settings;
}

/** The epoch count the model's own training block asks for (not the engine's default). */
function modelEpochs(model: Model): number | undefined {
  const e = model.training?.epochs;
  return typeof e === 'number' && Number.isFinite(e) && e >= 1 ? Math.round(e) : undefined;
}

type PanelChoices = Pick<TrainUiState, 'overrides' | 'regularisation' | 'regRate' | 'earlyStopping'>;

/** The panel's settings as overrides for the worker: regularisation and early stopping spelled out. */
function effectiveOverrides(st: TrainUiState, model: Model): TrainOverrides {
  const o: TrainOverrides = { ...st.overrides };
  o.l1 = st.regularisation === 'l1' ? st.regRate : 0;
  o.l2 = st.regularisation === 'l2' ? st.regRate : 0;
  if (!st.earlyStopping) o.patience = undefined;
  else o.patience ??= modelSettings(model)?.patience ?? 20;
  return o;
}

/**
 * The model's training block with the panel's choices written in, so a saved or shared file trains
 * the same way again (in the editor and with `graphgrad train`). Unknown fields are kept; a CSV
 * loaded in the browser has no name the CLI could open, so the dataset field stays as it was.
 */
function withTrainingBlock(model: Model, st: TrainUiState): Model {
  const block: Record<string, unknown> = { ...model.training };
  if (st.dataset.kind === 'builtin') block.dataset = st.dataset.name;
  for (const [key, value] of Object.entries(effectiveOverrides(st, model))) {
    if (value === undefined || (key === 'bind' && !Object.keys(value as object).length)) continue;
    if ((key === 'l1' || key === 'l2') && value === 0 && block[key] === undefined) continue;
    block[key] = value;
  }
  if (!st.earlyStopping) delete block.patience;
  return { ...model, training: block };
}

/** Keys whose change needs a new dataset, split or binding: a new trainer, not a live update. */
const DATA_KEYS: readonly (keyof TrainOverrides)[] = ['points', 'noise', 'testRatio', 'seed', 'labels', 'bind'];

export function createTrainController({ editor, trainStore, client, previewOnMain = PREVIEW_PARAM === 'main' }: TrainControllerDeps): TrainController {
  /** The model the worker's trainer was built from, or that we wrote its weights back into since. */
  let trained: Model | undefined;
  /**
   * The model as the user last set it (loaded or edited, never our own written-back weights): what
   * Reset returns plain param nodes to, so a reset reproduces the same start after Pause too.
   */
  let startModel: Model | undefined;
  /** True while we write trained weights into the editor: that change is ours, not a user edit. */
  let writingBack = false;
  /** Bumped by each configure: an answer to an older one is stale. */
  let configureSeq = 0;
  let subscribed = false;

  const model = () => editor.getState().model;
  const ui = () => trainStore.getState();

  function worker(): TrainClient {
    if (!subscribed) {
      subscribed = true;
      void client.subscribe(onSnapshot);
      // The worker starts at Max: the panel's pace goes first, before anything can Play.
      void client.setPace(ui().pace);
    }
    return client;
  }

  /** True when `m` trains like the model the worker holds (at most its cards moved). */
  function inSync(m: Model): boolean {
    if (!trained) return false;
    const kind = changeKind(trained, m);
    return kind === 'none' || kind === 'layout';
  }

  const sample = createCanvasSample({ editor, trainStore, worker, inSync, previewOnMain, timed: (fn) => timed(PREVIEW_MEASURE, fn) });
  const schedulePreview = sample.schedule;

  async function enterTrain(): Promise<void> {
    if (ui().status === 'idle' || !inSync(model())) {
      if (ui().status === 'idle') initFromModel(model());
      await configure();
    } else schedulePreview(true);
  }

  /** A document was loaded: stop any run, start the panel afresh from the new model, reconfigure. */
  async function documentLoaded(): Promise<void> {
    trained = undefined;
    sample.forget(true);
    configureSeq++; // a configure in flight is for the old document
    if (ui().running) await worker().pause();
    initFromModel(model());
    if (editor.getState().mode === 'train') await configure();
  }

  async function leaveTrain(): Promise<void> {
    if (ui().running) await pause();
    trainStore.setState({ preview: undefined });
  }

  /** Panel defaults from the model's training block (dataset, seed, optimizer...). */
  function initFromModel(m: Model): void {
    startModel = m;
    const s = modelSettings(m);
    const name = (s?.dataset && datasetName(s.dataset)) || 'circle'; // an old alias opens as its new name
    trainStore.setState({
      ...initialTrainState(),
      pace: ui().pace,
      dataset: { kind: 'builtin', name },
      regularisation: s?.l1 ? 'l1' : s?.l2 ? 'l2' : 'none',
      regRate: s?.l1 || s?.l2 || 0.001,
      earlyStopping: s?.patience !== undefined,
      // The model's own epoch count (clear "Stop at epoch" to train until paused, as in the Playground).
      epochLimit: modelEpochs(m),
      overrides: {},
    });
  }

  async function configure(): Promise<void> {
    const seq = ++configureSeq;
    const m = model();
    const st = ui();
    trainStore.setState({ status: 'configuring', running: false });
    const r = await worker().configure({
      model: m,
      dataset: st.dataset,
      overrides: effectiveOverrides(st, m),
      epochLimit: st.epochLimit,
      startModel: startModel ?? m,
      ...sample.request(),
    });
    if (seq !== configureSeq) return;
    trained = m;
    sample.unconfigured();
    if (!r.ok) {
      // Binding problems read better from the binding view (which says what to pick) than as file advice.
      const error = r.binding?.problems.length ? [...r.binding.problems.map(sayWorker), t('train.notice.mapColumns')].join('\n') : r.error;
      trainStore.setState({
        status: 'error',
        error,
        binding: r.binding,
        columns: r.columns,
        info: undefined,
        snapshot: undefined,
        running: false,
        preview: undefined,
      });
      st.curve.apply({ from: 0, epochs: [], train: [], test: [] });
      trainStore.setState({ curveVersion: st.curve.version });
      return;
    }
    trainStore.setState({
      status: 'ready',
      error: undefined,
      binding: r.binding,
      columns: r.info.columns,
      info: r.info,
      snapshot: undefined,
      message: undefined,
      sampleIndex: r.snapshot.sample?.row ?? r.info.typicalRow,
    });
    applySnapshot(r.snapshot, trainStore);
    await sample.configured(m, r);
  }

  function onSnapshot(s: Snapshot): void {
    timed(SNAPSHOT_MEASURE, () => applyPosted(s));
  }

  function applyPosted(s: Snapshot): void {
    const wasRunning = ui().running;
    applySnapshot(s, trainStore);
    schedulePreview(!s.running);
    if (wasRunning && !s.running) {
      if (s.stopped) trainStore.setState({ message: { kind: s.stopped.reason === 'non-finite' ? 'error' : 'info', text: sayWorker(s.stopped.text) } });
      keepWeights(s, s.stopped?.reason === 'non-finite' ? t('train.undo.keepFinite') : undefined);
    }
  }

  async function play(): Promise<void> {
    const st = ui();
    if (st.status !== 'ready') {
      if (st.status === 'error') editor.getState().notify('error', t('train.notice.cannotTrain'), [st.error ?? t('train.notice.fixFirst')]);
      return;
    }
    trainStore.setState({ running: true, message: undefined });
    const s = await worker().play();
    if (s) {
      // Could not start: stopped earlier or at the epoch limit.
      applySnapshot(s, trainStore);
      trainStore.setState({
        running: false,
        message: s.stopped ? { kind: s.stopped.reason === 'non-finite' ? 'error' : 'info', text: sayWorker(s.stopped.text) } : undefined,
      });
    }
  }

  async function pause(): Promise<void> {
    if (ui().status !== 'ready') return;
    const s = await worker().pause();
    trainStore.setState({ running: false });
    if (s) {
      applySnapshot(s, trainStore);
      keepWeights(s);
      schedulePreview(true);
    }
  }

  async function stepEpoch(): Promise<void> {
    if (ui().status !== 'ready') return;
    stepped(await worker().stepEpoch(), (s) => t('train.undo.epoch', { epoch: s.epoch }));
  }

  async function stepBatch(): Promise<void> {
    if (ui().status !== 'ready') return;
    stepped(await worker().stepBatch(), (s) => t('train.undo.step', { step: s.steps }));
  }

  /** Shows a single step's (or epoch's) result and keeps its weights as one undo step. */
  function stepped(s: Snapshot | undefined, label: (s: Snapshot) => string): void {
    if (!s) return;
    applySnapshot(s, trainStore);
    trainStore.setState({ running: false, message: s.stopped?.reason === 'non-finite' ? { kind: 'error', text: sayWorker(s.stopped.text) } : undefined });
    keepWeights(s, label(s));
    schedulePreview(true);
  }

  async function setPace(pace: Pace): Promise<void> {
    trainStore.setState({ pace });
    await worker().setPace(pace);
  }

  async function reset(): Promise<void> {
    if (ui().status !== 'ready') return;
    const s = await worker().reset();
    if (s) {
      applySnapshot(s, trainStore);
      trainStore.setState({ running: false, message: undefined });
      keepWeights(s, t('train.undo.reset'));
      schedulePreview(true);
    }
  }

  /** Writes the snapshot's parameters (and the panel's settings) into the model as one undo step. */
  function keepWeights(s: Snapshot, label = t('train.undo.keep', { epoch: s.epoch })): void {
    const m = model();
    if (!inSync(m)) return; // edited meanwhile: the user's edit wins
    const next = withTrainingBlock(
      withParams(m, (id) => own(s.params, id)),
      ui(),
    );
    if (changeKind(m, next) !== 'values') return; // nothing new to keep
    writingBack = true;
    try {
      editor.getState().replaceModel(next, label);
    } finally {
      writingBack = false;
    }
    trained = model(); // the worker already has these parameters
  }

  async function modelEdited(prev: Model, next: Model): Promise<void> {
    const kind = changeKind(prev, next);
    if (kind === 'layout' || kind === 'none') {
      // Same training, moved cards: follow the new model so later checks stay cheap.
      if (inSync(prev)) trained = next;
      schedulePreview(true);
      return;
    }
    startModel = next; // the user's edit is the new starting point
    const wasRunning = ui().running;
    if (wasRunning) {
      await worker().pause();
      trainStore.setState({ running: false });
    }
    if (editor.getState().mode !== 'train') {
      trained = undefined; // reconfigure on the way back in, from the new starting point
      return;
    }
    await configure();
    if (wasRunning) {
      const text = kind === 'structure' ? t('train.notice.structureChanged') : t('train.notice.valueChanged');
      trainStore.setState({ message: { kind: 'info', text } });
      editor.getState().notify('info', text);
    }
  }

  /** The panel's own choices, as they were before a live change (restored if the worker refuses it). */
  const choices = (): PanelChoices => {
    const { overrides, regularisation, regRate, earlyStopping } = ui();
    return { overrides, regularisation, regRate, earlyStopping };
  };

  async function setOverride(patch: TrainOverrides): Promise<void> {
    const st = ui();
    const before = choices();
    trainStore.setState({ overrides: { ...st.overrides, ...patch } });
    const dataChange = Object.keys(patch).some((k) => DATA_KEYS.includes(k as keyof TrainOverrides));
    if (dataChange) sample.forget(false); // other rows now: the typical one of the new data
    if (dataChange || st.status !== 'ready') {
      if (st.running) await pause();
      await configure();
      return;
    }
    await applyLive(before);
  }

  async function setRegularisation(regularisation: Regularisation, regRate = ui().regRate): Promise<void> {
    const before = choices();
    trainStore.setState({ regularisation, regRate });
    await applyLive(before);
  }

  async function setEarlyStopping(on: boolean, patience?: number): Promise<void> {
    const before = choices();
    trainStore.setState({ earlyStopping: on, overrides: { ...ui().overrides, patience } });
    await applyLive(before);
  }

  async function setEpochLimit(limit: number | undefined): Promise<void> {
    trainStore.setState({ epochLimit: limit });
    await worker().setEpochLimit(limit);
  }

  async function applyLive(before: PanelChoices): Promise<void> {
    if (ui().status !== 'ready') return;
    const r = await worker().update(effectiveOverrides(ui(), model()));
    if (!r) return;
    if (!r.ok) {
      // The trainer kept its settings; so does the panel, or the refused value would come back
      // to fail the next reconfigure (a new data set, a regenerate).
      trainStore.setState(before);
      editor.getState().notify('error', t('train.notice.invalidSetting'), r.problems);
      return;
    }
    applySnapshot(r.snapshot, trainStore);
    // The panel's controls show the settings in force.
    const info = ui().info;
    if (info) trainStore.setState({ info: { ...info, ...r.rows, settings: r.settings } });
  }

  async function setDataset(dataset: DatasetSpec): Promise<void> {
    const st = ui();
    // A new dataset brings its own size and noise; a CSV may need its columns mapped afresh.
    const overrides = { ...st.overrides, points: undefined, noise: undefined, bind: dataset.kind === 'csv' ? st.overrides.bind : undefined };
    trainStore.setState({ dataset, overrides });
    sample.forget(false);
    if (st.running) await pause();
    await configure();
  }

  async function regenerate(): Promise<void> {
    const seed = (ui().overrides.seed ?? ui().info?.settings.seed ?? 0) + 1;
    await setOverride({ seed });
  }

  // Follow the editor: mode switches and model edits.
  const unsubscribe = editor.subscribe((s, prev) => {
    if (s.documentVersion !== prev.documentVersion) {
      // A new document (file, sample, new graph, share link): its own training block, not the last one's.
      void documentLoaded();
      if (s.mode !== prev.mode && prev.mode === 'train') trainStore.setState({ preview: undefined });
      return;
    }
    if (s.mode !== prev.mode) {
      if (s.mode === 'train') void enterTrain();
      else if (prev.mode === 'train') void leaveTrain();
    }
    if (s.model !== prev.model && !writingBack && ui().status !== 'idle') void modelEdited(prev.model, s.model);
  });
  if (editor.getState().mode === 'train') void enterTrain();

  return {
    configure,
    play,
    pause,
    stepEpoch,
    stepBatch,
    setPace,
    reset,
    setOverride,
    setRegularisation,
    setEarlyStopping,
    setEpochLimit,
    setDataset,
    regenerate,
    setSample: sample.setRow,
    setSampleInputs: sample.setInputs,
    dispose: () => {
      unsubscribe();
      sample.dispose();
    },
  };
}
