/**
 * Train mode's controller: connects the panel, the editor store and the training worker.
 * The canvas stays the truth: the worker trains a copy of the model; on Pause (or when a run
 * ends) the trained parameters go back into the model as one undoable change. Editing the graph
 * while training pauses (a value edit) or stops (a structural edit) the run first and says so.
 */
import { DATASET_NAMES, own, resolveSettings, withParams, type Model, type TrainSettings } from '../../../graph-engine/index.ts';
import { editorStore } from '../../store/useEditor.ts';
import { evaluate } from '../../store/evaluate.ts';
import { changeKind } from '../../trainWorker/changes.ts';
import { trainClient, type TrainClient } from '../../trainWorker/client.ts';
import type { DatasetSpec, Snapshot, TrainOverrides } from '../../trainWorker/protocol.ts';
import { Throttle } from '../../trainWorker/throttle.ts';
import { applySnapshot, initialTrainState, trainStore, type Regularisation } from './trainStore.ts';

let client: TrainClient | undefined;
/** The model the worker's trainer was built from (or that we wrote back to it since). */
let workerModel: Model | undefined;
/**
 * The model as the user last set it (loaded or edited, never our own written-back weights): what
 * Reset returns plain param nodes to, so a reset reproduces the same start after Pause too.
 */
let startModel: Model | undefined;
/** A model we committed ourselves (written-back weights): not a user edit. */
let ownCommit: Model | undefined;
let configureSeq = 0;
let sampleInputs: Record<string, number> = {};
const canvasThrottle = new Throttle(200);
let canvasTimer: ReturnType<typeof setTimeout> | undefined;
let started = false;

function worker(): TrainClient {
  client ??= trainClient(onSnapshot);
  return client;
}

const editor = () => editorStore.getState();

/** The settings the model's training block asks for (the panel starts from these). */
export function modelSettings(model: Model): TrainSettings | undefined {
  return resolveSettings(model).settings;
}

/** Starts following the editor: mode switches and model edits. Idempotent. */
export function startTrainController(): void {
  if (started) return;
  started = true;
  editorStore.subscribe((s, prev) => {
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
    if (s.model !== prev.model && s.model !== ownCommit && trainStore.getState().status !== 'idle') void modelEdited(prev.model, s.model);
  });
  if (editor().mode === 'train') void enterTrain();
}

async function enterTrain(): Promise<void> {
  const model = editor().model;
  const st = trainStore.getState();
  if (st.status === 'idle' || workerModel !== model) {
    if (st.status === 'idle') initFromModel(model);
    await configure();
  } else schedulePreview(true);
}

/** A document was loaded: stop any run, start the panel afresh from the new model, reconfigure. */
async function documentLoaded(): Promise<void> {
  const st = trainStore.getState();
  workerModel = undefined;
  ownCommit = undefined;
  configureSeq++; // a configure in flight is for the old document
  if (st.running) await worker().pause();
  initFromModel(editor().model);
  if (editor().mode === 'train') await configure();
}

async function leaveTrain(): Promise<void> {
  if (trainStore.getState().running) await pause();
  trainStore.setState({ preview: undefined });
}

/** Panel defaults from the model's training block (dataset, seed, optimizer...). */
export function initFromModel(model: Model): void {
  startModel = model;
  const s = modelSettings(model);
  const name = s?.dataset && DATASET_NAMES.includes(s.dataset) ? s.dataset : 'circle';
  trainStore.setState({
    ...initialTrainState(),
    dataset: { kind: 'builtin', name },
    regularisation: s?.l1 ? 'l1' : s?.l2 ? 'l2' : 'none',
    regRate: s?.l1 || s?.l2 || 0.001,
    earlyStopping: s?.patience !== undefined,
    // The model's own epoch count (clear "Stop at epoch" to train until paused, as in the Playground).
    epochLimit: modelEpochs(model),
    overrides: {},
  });
}

/** The epoch count the model's own training block asks for (not the engine's default). */
export function modelEpochs(model: Model): number | undefined {
  const e = model.training?.epochs;
  return typeof e === 'number' && Number.isFinite(e) && e >= 1 ? Math.round(e) : undefined;
}

function effectiveOverrides(): TrainOverrides {
  const st = trainStore.getState();
  const o: TrainOverrides = { ...st.overrides };
  o.l1 = st.regularisation === 'l1' ? st.regRate : 0;
  o.l2 = st.regularisation === 'l2' ? st.regRate : 0;
  if (!st.earlyStopping) o.patience = undefined;
  else o.patience ??= modelSettings(editor().model)?.patience ?? 20;
  return o;
}

/** (Re)builds the worker's trainer from the current model, dataset and settings. */
export async function configure(): Promise<void> {
  const seq = ++configureSeq;
  const model = editor().model;
  const st = trainStore.getState();
  trainStore.setState({ status: 'configuring', running: false });
  const r = await worker().configure({
    model,
    dataset: st.dataset,
    overrides: effectiveOverrides(),
    epochLimit: st.epochLimit,
    startModel: startModel ?? model,
  });
  if (seq !== configureSeq) return;
  workerModel = model;
  if (!r.ok) {
    // Binding problems read better from the binding view (which says what to pick) than as file advice.
    const error = r.binding?.problems.length ? [...r.binding.problems, 'Map the columns under "Inputs and targets" below.'].join('\n') : r.error;
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
    sampleIndex: Math.min(trainStore.getState().sampleIndex, r.info.rows - 1),
  });
  applySnapshot(r.snapshot);
  sampleInputs = await worker().sample(trainStore.getState().sampleIndex);
  schedulePreview(true);
}

function onSnapshot(s: Snapshot): void {
  const wasRunning = trainStore.getState().running;
  applySnapshot(s);
  schedulePreview(!s.running);
  if (wasRunning && !s.running) {
    if (s.stopped) trainStore.setState({ message: { kind: s.stopped.reason === 'non-finite' ? 'error' : 'info', text: s.stopped.message } });
    keepWeights(s, s.stopped?.reason === 'non-finite' ? 'Train: keep last finite weights' : undefined);
  }
}

export async function play(): Promise<void> {
  const st = trainStore.getState();
  if (st.status !== 'ready') {
    if (st.status === 'error') editor().notify('error', 'Cannot train yet.', [st.error ?? 'Fix the dataset or the graph first.']);
    return;
  }
  trainStore.setState({ running: true, message: undefined });
  const s = await worker().play();
  if (s) {
    // Could not start: stopped earlier or at the epoch limit.
    applySnapshot(s);
    trainStore.setState({
      running: false,
      message: s.stopped ? { kind: s.stopped.reason === 'non-finite' ? 'error' : 'info', text: s.stopped.message } : undefined,
    });
  }
}

export async function pause(): Promise<void> {
  if (trainStore.getState().status !== 'ready') return;
  const s = await worker().pause();
  trainStore.setState({ running: false });
  if (s) {
    applySnapshot(s);
    keepWeights(s);
    schedulePreview(true);
  }
}

export async function stepEpoch(): Promise<void> {
  if (trainStore.getState().status !== 'ready') return;
  const s = await worker().stepEpoch();
  if (s) {
    applySnapshot(s);
    trainStore.setState({ running: false, message: s.stopped?.reason === 'non-finite' ? { kind: 'error', text: s.stopped.message } : undefined });
    keepWeights(s, `Train: epoch ${s.epoch}`);
    schedulePreview(true);
  }
}

export async function reset(): Promise<void> {
  if (trainStore.getState().status !== 'ready') return;
  const s = await worker().reset();
  if (s) {
    applySnapshot(s);
    trainStore.setState({ running: false, message: undefined });
    keepWeights(s, 'Train: reset weights from the seed');
    schedulePreview(true);
  }
}

/**
 * The model's training block with the panel's choices written in, so a saved or shared file trains
 * the same way again (in the editor and with `graphgrad train`). Unknown fields are kept; a CSV
 * loaded in the browser has no name the CLI could open, so the dataset field stays as it was.
 */
function withTrainingBlock(model: Model): Model {
  const st = trainStore.getState();
  const block: Record<string, unknown> = { ...model.training };
  if (st.dataset.kind === 'builtin') block.dataset = st.dataset.name;
  for (const [key, value] of Object.entries(effectiveOverrides())) {
    if (value === undefined || (key === 'bind' && !Object.keys(value as object).length)) continue;
    if ((key === 'l1' || key === 'l2') && value === 0 && block[key] === undefined) continue;
    block[key] = value;
  }
  if (!st.earlyStopping) delete block.patience;
  return { ...model, training: block };
}

/** Writes the snapshot's parameters (and the panel's settings) into the model as one undo step. */
function keepWeights(s: Snapshot, label = `Train: keep weights after epoch ${s.epoch}`): void {
  const model = editor().model;
  if (model !== workerModel) return; // edited meanwhile: the user's edit wins
  const next = withTrainingBlock(withParams(model, (id) => own(s.params, id)));
  if (JSON.stringify(next) === JSON.stringify(model)) return;
  ownCommit = next;
  editor().replaceModel(next, label);
  // The store may hold an equal copy rather than ours (immer): the worker already has these params.
  workerModel = ownCommit = editor().model;
}

async function modelEdited(prev: Model, next: Model): Promise<void> {
  const kind = changeKind(prev, next);
  if (kind === 'layout' || kind === 'none') {
    if (workerModel === prev) workerModel = next; // same graph, moved cards
    if (ownCommit === prev) ownCommit = next;
    schedulePreview(true);
    return;
  }
  startModel = next; // the user's edit is the new starting point
  const st = trainStore.getState();
  const wasRunning = st.running;
  if (wasRunning) {
    await worker().pause();
    trainStore.setState({ running: false });
  }
  if (editor().mode !== 'train') {
    workerModel = undefined; // reconfigure on the way back in
    return;
  }
  await configure();
  if (wasRunning) {
    const text =
      kind === 'structure'
        ? "Training stopped: the graph's structure changed. Press Play to train the edited graph."
        : 'Training paused: a value in the graph changed. Press Play to go on from the edited graph.';
    trainStore.setState({ message: { kind: 'info', text } });
    editor().notify('info', text);
  }
}

/** Changes a setting; data settings rebuild the trainer, optimisation settings apply live. */
export async function setOverride(patch: TrainOverrides): Promise<void> {
  const st = trainStore.getState();
  trainStore.setState({ overrides: { ...st.overrides, ...patch } });
  const dataKeys: (keyof TrainOverrides)[] = ['points', 'noise', 'testRatio', 'seed', 'labels', 'bind'];
  if (Object.keys(patch).some((k) => dataKeys.includes(k as keyof TrainOverrides)) || st.status !== 'ready') {
    if (st.running) await pause();
    await configure();
    return;
  }
  await applyLive();
}

export async function setRegularisation(regularisation: Regularisation, regRate = trainStore.getState().regRate): Promise<void> {
  trainStore.setState({ regularisation, regRate });
  await applyLive();
}

export async function setEarlyStopping(on: boolean, patience?: number): Promise<void> {
  trainStore.setState({ earlyStopping: on, overrides: { ...trainStore.getState().overrides, patience } });
  // Early stopping keeps the best epoch's parameters: simplest to start the record afresh.
  await applyLive();
}

export async function setEpochLimit(limit: number | undefined): Promise<void> {
  trainStore.setState({ epochLimit: limit });
  await worker().setEpochLimit(limit);
}

async function applyLive(): Promise<void> {
  if (trainStore.getState().status !== 'ready') return;
  try {
    const s = await worker().update(effectiveOverrides());
    if (s) applySnapshot(s);
  } catch (e) {
    editor().notify('error', 'That setting is not valid.', [e instanceof Error ? e.message : String(e)]);
  }
}

export async function setDataset(dataset: DatasetSpec): Promise<void> {
  const st = trainStore.getState();
  // A new dataset brings its own size and noise; a CSV may need its columns mapped afresh.
  const overrides = { ...st.overrides, points: undefined, noise: undefined, bind: dataset.kind === 'csv' ? st.overrides.bind : undefined };
  trainStore.setState({ dataset, overrides });
  if (st.running) await pause();
  await configure();
}

/** Regenerates the data with a new seed (same points and noise). */
export async function regenerate(): Promise<void> {
  const seed = (trainStore.getState().overrides.seed ?? trainStore.getState().info?.settings.seed ?? 0) + 1;
  await setOverride({ seed });
}

export async function setSample(index: number): Promise<void> {
  trainStore.setState({ sampleIndex: index });
  if (trainStore.getState().status !== 'ready') return;
  sampleInputs = await worker().sample(index);
  schedulePreview(true);
}

/**
 * The canvas in Train mode: the engine evaluates the graph with the live parameters and the chosen
 * sample's inputs, at most 5 times a second, so values and gradients follow training.
 */
function schedulePreview(now = false): void {
  if (editor().mode !== 'train') return;
  const t = performance.now();
  if (now || canvasThrottle.due(t)) {
    canvasThrottle.pass(t);
    if (canvasTimer) clearTimeout(canvasTimer);
    canvasTimer = undefined;
    updatePreview();
  } else if (!canvasTimer) {
    canvasTimer = setTimeout(() => {
      canvasTimer = undefined;
      canvasThrottle.pass(performance.now());
      updatePreview();
    }, canvasThrottle.intervalMs);
  }
}

function updatePreview(): void {
  const s = trainStore.getState().snapshot;
  const model = editor().model;
  if (!s || model !== workerModel) {
    trainStore.setState({ preview: undefined });
    return;
  }
  const withWeights = withParams(model, (id) => own(s.params, id));
  // Records from the worker are keyed by node id: read own keys only (an id may be "toString").
  const shown: Model = {
    ...withWeights,
    nodes: withWeights.nodes.map((n) => {
      const v = own(sampleInputs, n.id);
      return v === undefined ? n : { ...n, value: v };
    }),
  };
  trainStore.setState({ preview: evaluate(shown) });
}
