/**
 * What Train's canvas shows: one dataset row (the worker's typical row until the user picks one),
 * or input values typed over it such as a drawn digit, with the values and gradients the model
 * being trained gives it, refreshed at most 5 times a second while training.
 *
 * The worker evaluates the shown sample and sends its values with each snapshot; the page only
 * patches them into the preview's structure (`preview.ts`). Every change of what is shown gets a
 * new tag, so values for an older choice that arrive late are skipped. `previewOnMain` keeps the
 * old path (the page rebuilds and evaluates the graph itself) for `bench:ui`'s before/after.
 */
import { own, withParams, type Model } from '../../../graph-engine/index.ts';
import type { EditorStoreApi } from '../../store/editorStore.ts';
import { evaluate } from '../../store/evaluate.ts';
import type { TrainClient } from '../../trainWorker/client.ts';
import type { ConfigureResult, ShownSample } from '../../trainWorker/protocol.ts';
import { Throttle } from '../../trainWorker/throttle.ts';
import { previewFrame, samplePreview, type PreviewFrame } from './preview.ts';
import { applySnapshot, type TrainStoreApi } from './trainStore.ts';

export interface CanvasSampleDeps {
  editor: EditorStoreApi;
  trainStore: TrainStoreApi;
  worker: () => TrainClient;
  /** True when `m` trains like the model the worker holds (a preview of any other would mislead). */
  inSync: (m: Model) => boolean;
  previewOnMain: boolean;
  /** Wraps each preview build (bench:ui times it). */
  timed: (fn: () => void) => void;
}

export interface CanvasSample {
  /** The sample to ask for when configuring the worker, under a fresh tag. */
  request(): { shown: ShownSample; shownTag: number };
  /** The worker was configured for `model` and its answer applied: rebuild the preview from it. */
  configured(model: Model, result: Extract<ConfigureResult, { ok: true }>): Promise<void>;
  /** The worker holds no usable trainer: no preview until the next configure. */
  unconfigured(): void;
  /** Forgets the picked row (new data: the typical row of the new data), and with `inputs` the typed inputs too. */
  forget(inputs: boolean): void;
  /** Shows dataset row `index` on the canvas. */
  setRow(index: number): Promise<void>;
  /** Shows these input values over the row; undefined returns to the row. */
  setInputs(values: Record<string, number> | undefined): Promise<void>;
  /** Refreshes the canvas now, or within the throttle's interval. */
  schedule(now?: boolean): void;
  dispose(): void;
}

export function createCanvasSample({ editor, trainStore, worker, inSync, previewOnMain, timed }: CanvasSampleDeps): CanvasSample {
  /** The row the user picked (none: the worker's typical row) and input values shown over it. */
  let pickedRow: number | undefined;
  let customInputs: Record<string, number> | undefined;
  /** Input values of the shown row, by node id (only for `previewOnMain`). */
  let sampleInputs: Record<string, number> = {};
  /** Bumped by each change of the shown sample: a snapshot's sample values for an older one are stale. */
  let shownTag = 0;
  /** The structure of the canvas preview, for the model the worker was configured with. */
  let frame: PreviewFrame | undefined;
  const throttle = new Throttle(200);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const ui = () => trainStore.getState();

  /** The typed inputs over the row, or the row (-1: the worker's typical one). */
  const shownSample = (row: number): ShownSample => (customInputs ? { kind: 'inputs', values: customInputs } : { kind: 'row', row });

  async function readMainInputs(): Promise<void> {
    sampleInputs = { ...(await worker().sample(ui().sampleIndex)), ...customInputs };
  }

  /** Tells the worker what to show; its answer (a snapshot) carries the sample's values. */
  async function show(): Promise<void> {
    if (ui().status !== 'ready') return;
    const s = await worker().show(shownSample(ui().sampleIndex), ++shownTag);
    if (!s) return;
    applySnapshot(s, trainStore);
    if (s.sample) trainStore.setState({ sampleIndex: s.sample.row });
    if (previewOnMain) await readMainInputs();
    schedule(true);
  }

  function build(): void {
    const s = ui().snapshot;
    const m = editor.getState().model;
    if (!s || !inSync(m) || (!previewOnMain && !frame)) {
      trainStore.setState({ preview: undefined });
      return;
    }
    if (frame) {
      // The worker's values for the sample shown now (an answer for an older one is skipped).
      if (s.sample?.tag === shownTag) trainStore.setState({ preview: samplePreview(frame, s.sample) });
      return;
    }
    const withWeights = withParams(m, (id) => own(s.params, id));
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

  function schedule(now = false): void {
    if (editor.getState().mode !== 'train') return;
    const t = performance.now();
    if (now || throttle.due(t)) {
      throttle.pass(t);
      if (timer) clearTimeout(timer);
      timer = undefined;
      timed(build);
    } else if (!timer) {
      timer = setTimeout(() => {
        timer = undefined;
        throttle.pass(performance.now());
        timed(build);
      }, throttle.intervalMs);
    }
  }

  return {
    request: () => ({ shown: shownSample(pickedRow ?? -1), shownTag: ++shownTag }),
    async configured(model, result) {
      if (previewOnMain) await readMainInputs();
      else frame = previewFrame(model, result.info.sampleLayout, result.snapshot.params);
      schedule(true);
    },
    unconfigured() {
      frame = undefined;
    },
    forget(inputs) {
      pickedRow = undefined;
      if (inputs) customInputs = undefined;
    },
    async setRow(index) {
      pickedRow = index;
      customInputs = undefined;
      trainStore.setState({ sampleIndex: index });
      await show();
    },
    async setInputs(values) {
      customInputs = values && { ...values };
      await show();
    },
    schedule,
    dispose() {
      if (timer) clearTimeout(timer);
    },
  };
}
