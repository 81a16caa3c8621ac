/**
 * Train mode's controller with fakes for its three dependencies: a fresh editor store, a fresh
 * Train store, and a training "worker" that is the real TrainRunner called in-process (configs
 * structured-cloned as across the worker boundary; slices run when the test drains them).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ensureDataset, makeDataset, type Model } from '../graph-engine/index.ts';
import { createTrainController, type TrainController } from '../src/modes/train/controller.ts';
import { createTrainStore } from '../src/modes/train/trainStore.ts';
import { createEditorStore } from '../src/store/editorStore.ts';
import type { TrainClient } from '../src/trainWorker/client.ts';
import type { Snapshot } from '../src/trainWorker/protocol.ts';
import { TrainRunner } from '../src/trainWorker/runner.ts';
import { loadSample } from './support/load-sample.ts';

function fakeWorker() {
  let listener: ((s: Snapshot) => void) | undefined;
  let clock = 0;
  const queue: (() => void)[] = [];
  const runner = new TrainRunner({ now: () => (clock += 0.05), schedule: (fn) => queue.push(fn), post: (s) => listener?.(s) }, { sliceMs: 5 });
  const configs: Model[] = [];
  const client: TrainClient = {
    subscribe: async (fn) => {
      listener = fn;
    },
    configure: async (config) => {
      configs.push(config.model);
      return runner.configure(structuredClone(config));
    },
    play: async () => runner.play(),
    pause: async () => runner.pause(),
    stepEpoch: async () => runner.stepEpoch(),
    stepBatch: async () => runner.stepBatch(),
    setPace: async (pace) => runner.setPace(pace),
    reset: async () => runner.reset(),
    update: async (o) => runner.update(structuredClone(o)),
    setEpochLimit: async (n) => runner.setEpochLimit(n),
    sample: async (i) => runner.sample(i),
    show: async (s, tag) => runner.show(structuredClone(s), tag),
  };
  return {
    client,
    /** Models the worker was configured with, in order. */
    configs,
    /** Runs up to `max` pending training slices, 20 ms of the fake clock apart (so snapshots get posted). */
    drain(max = 1) {
      for (let n = 0; n < max && queue.length; n++) {
        queue.shift()!();
        clock += 20;
      }
    },
  };
}

/** Lets the controller's pending promise chains finish (the fake worker answers at once). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let controller: TrainController | undefined;
afterEach(() => controller?.dispose());

async function setup(sample = 'xor-mlp', training: Record<string, unknown> = {}) {
  const model = loadSample(sample);
  const editor = createEditorStore({ initialModel: { ...model, training: { ...model.training, ...training } } });
  const train = createTrainStore();
  const worker = fakeWorker();
  controller = createTrainController({ editor, trainStore: train, client: worker.client });
  editor.getState().setMode('train');
  await settle();
  return { editor, train, worker, ctl: controller, ed: () => editor.getState(), t: () => train.getState() };
}

const lastUndo = (ed: { history: { past: { label: string }[] } }) => ed.history.past.at(-1)?.label;

describe('Train controller', () => {
  it('a refused setting is named and forgotten: the next data change still trains', async () => {
    const { t, ed, ctl } = await setup();
    await ctl.setOverride({ lr: -1 });
    await settle();
    expect(ed().notices.at(-1)?.title).toBe('That setting is not valid.');
    expect(t().overrides.lr).toBeUndefined();
    expect(t().info?.settings.lr).toBe(0.1);
    await ctl.setDataset({ kind: 'builtin', name: 'xor' });
    await settle();
    expect(t().status).toBe('ready');
    expect(t().info?.settings.lr).toBe(0.1);
  });

  it("unticking Early stopping turns off the file's own patience, also when the data changes", async () => {
    const { t, ctl } = await setup('xor-mlp', { patience: 5 });
    expect(t().earlyStopping).toBe(true);
    expect(t().info?.settings.patience).toBe(5);
    await ctl.setEarlyStopping(false);
    await settle();
    expect(t().info?.settings.patience).toBeUndefined();
    // A new data set rebuilds the trainer from the model and the panel: still off.
    await ctl.setDataset({ kind: 'builtin', name: 'xor' });
    await settle();
    expect(t().status).toBe('ready');
    expect(t().info?.settings.patience).toBeUndefined();
  });

  it("entering Train configures the worker from the model's training block, once", async () => {
    const { ed, t, worker } = await setup();
    expect(t().status).toBe('ready');
    expect(t().dataset).toEqual({ kind: 'builtin', name: 'xor-table' });
    expect(t().epochLimit).toBe(500);
    expect(t().info).toMatchObject({ rows: 4, settings: { optimizer: 'adam', lr: 0.1 } });
    expect(t().preview).toBeDefined();
    expect(worker.configs).toHaveLength(1);
    // Out and back in without an edit: the worker still holds this model.
    ed().setMode('build');
    await settle();
    expect(t().preview).toBeUndefined();
    ed().setMode('train');
    await settle();
    expect(worker.configs).toHaveLength(1);
    expect(t().preview).toBeDefined();
  });

  it('Step epoch keeps the weights as one undo step, which is not taken for an edit; undoing it is one', async () => {
    const { ed, t, worker, ctl } = await setup();
    await ctl.stepEpoch();
    expect(lastUndo(ed())).toBe('Train: epoch 1');
    const h = ed().model.nodes.find((n) => n.id === 'h')!;
    expect((h.attrs!.W as number[][])[0][1]).toBe(t().snapshot!.params['h/w0_1']);
    expect((ed().model as { training?: object }).training).toMatchObject({ dataset: 'xor-table', optimizer: 'adam', lr: 0.1 });
    await settle();
    expect(worker.configs).toHaveLength(1); // the write-back did not rebuild the trainer
    expect(t()).toMatchObject({ status: 'ready', snapshot: { epoch: 1 } });
    // Pause with nothing new to keep: no empty undo step.
    const steps = ed().history.past.length;
    await ctl.pause();
    expect(ed().history.past.length).toBe(steps);
    // Undo is the user's: the worker is rebuilt from the model as it was.
    ed().undo();
    await settle();
    expect(worker.configs).toHaveLength(2);
    expect(t().snapshot!.epoch).toBe(0);
  });

  it('Step batch trains one step and keeps its weights as one undo step', async () => {
    const { ed, t, ctl } = await setup('xor-mlp', { batchSize: 1 });
    await ctl.stepBatch();
    expect(t()).toMatchObject({ running: false, snapshot: { steps: 1, epoch: 0 } });
    expect(lastUndo(ed())).toBe('Train: step 1');
    const h = ed().model.nodes.find((n) => n.id === 'h')!;
    expect((h.attrs!.W as number[][])[0][1]).toBe(t().snapshot!.params['h/w0_1']);
  });

  it('moving a card changes nothing; a value edit pauses and retrains from it; a structural edit stops', async () => {
    const { ed, t, worker, ctl } = await setup();
    await ctl.play();
    expect(t().running).toBe(true);
    ed().moveNodes([{ id: 'x1', position: { x: 5, y: 5 } }]);
    await settle();
    expect(worker.configs).toHaveLength(1);
    expect(t().running).toBe(true);
    expect(t().preview).toBeDefined();

    ed().updateNode('h', {
      attrs: {
        W: [
          [1, 2],
          [3, 4],
        ],
      },
    });
    await settle();
    expect(worker.configs).toHaveLength(2);
    expect(t().running).toBe(false);
    expect(t().message?.text).toBe('Training paused: a value in the graph changed. Press Play to go on from the edited graph.');
    expect(ed().notices.at(-1)?.title).toBe(t().message?.text);
    expect(t().snapshot!.params['h/w0_1']).toBe(2);

    await ctl.play();
    ed().addNode('input', { x: 0, y: 400 });
    await settle();
    expect(worker.configs).toHaveLength(3);
    expect(t().message?.text).toBe("Training stopped: the graph's structure changed. Press Play to train the edited graph.");
  });

  it('a run that reaches the epoch limit says so and keeps its weights', async () => {
    const { ed, t, worker, ctl } = await setup();
    await ctl.setEpochLimit(3);
    await ctl.setPace({ kind: 'max' }); // one slice trains to the limit
    await ctl.play();
    worker.drain();
    await settle();
    expect(t().running).toBe(false);
    expect(t().message).toEqual({ kind: 'info', text: 'Reached the epoch limit (3). Raise or clear the limit to train on.' });
    expect(lastUndo(ed())).toBe('Train: keep weights after epoch 3');
  });

  it('leaving Train while it runs pauses the run and keeps the weights', async () => {
    const { ed, t, worker, ctl } = await setup();
    await ctl.setEpochLimit(undefined);
    await ctl.play();
    worker.drain(5);
    expect(t().running).toBe(true);
    expect(t().snapshot!.epoch).toBeGreaterThan(0);
    ed().setMode('build');
    await settle();
    expect(t().running).toBe(false);
    expect(lastUndo(ed())).toBe(`Train: keep weights after epoch ${t().snapshot!.epoch}`);
    expect(t().preview).toBeUndefined();
  });

  it('a new document starts the panel afresh from its own training block', async () => {
    const { ed, t, worker } = await setup();
    ed().loadModel(loadSample('spiral-mlp'), 'Open spiral-mlp');
    await settle();
    expect(t().dataset).toEqual({ kind: 'builtin', name: 'spiral' });
    expect(t().epochLimit).toBe(1000);
    expect(t().info?.rows).toBe(500);
    expect(worker.configs.at(-1)).toBe(ed().model);
  });

  it('live settings reach the worker; an invalid one is refused with the reason', async () => {
    const { ed, t, worker, ctl } = await setup();
    await ctl.setOverride({ optimizer: 'sgd', lr: 0.5 });
    expect(worker.configs).toHaveLength(1); // applied live, no rebuild
    expect(t().info?.settings).toMatchObject({ optimizer: 'sgd', lr: 0.5 }); // what the panel's controls show
    await ctl.regenerate(); // a data setting (the seed) rebuilds the trainer
    expect(worker.configs).toHaveLength(2);
    expect(t()).toMatchObject({ status: 'ready', overrides: { seed: 2 } });
    await ctl.setOverride({ lr: -1 });
    const notice = ed().notices.at(-1)!;
    expect(notice.title).toBe('That setting is not valid.');
    expect(notice.details).toEqual(['lr: must be above 0']);
  });
  it('setSampleInputs shows the given inputs on the canvas (the digit pad); undefined, the chosen row again', async () => {
    await ensureDataset('iris'); // the fake worker runs the runner in-process: load as worker.ts does
    const { t, ctl } = await setup('iris-mlp');
    const value = (id: string) => t().preview!.results.get(id)!.value;
    const probabilities = () =>
      t()
        .preview!.results.get('p')!
        .outputs!.map((o) => o.value);
    const row = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'].map(value);
    const before = probabilities();
    await ctl.setSampleInputs({ petal_length: 6.5, petal_width: 2.4 });
    expect(['sepal_length', 'sepal_width', 'petal_length', 'petal_width'].map(value)).toEqual([row[0], row[1], 6.5, 2.4]);
    expect(probabilities()).not.toEqual(before);
    expect(probabilities().reduce((a, v) => a + v, 0)).toBeCloseTo(1, 12);
    await ctl.setSampleInputs(undefined);
    expect(['sepal_length', 'sepal_width', 'petal_length', 'petal_width'].map(value)).toEqual(row);
    expect(probabilities()).toEqual(before);
  });
});

describe('Train controller: the sample on the canvas', () => {
  it('shows a typical training row first, a picked row by its row number, and drawn inputs over it', async () => {
    const { t, ctl } = await setup('spiral-mlp');
    const ds = makeDataset('spiral', { seed: 0 });
    const x1 = (row: number) => ds.data[ds.columns.indexOf('x1')][row];
    // Not row 0 (the spiral's origin): the worker's typical row, shown and said to be a training row.
    expect(t().sampleIndex).not.toBe(0);
    expect(t().sampleIndex).toBe(t().info!.typicalRow);
    expect(t().snapshot!.sample).toMatchObject({ row: t().sampleIndex, test: false, custom: false });
    expect(t().preview!.results.get('x1')!.value).toBe(x1(t().sampleIndex));

    await ctl.setSample(123);
    await settle();
    expect(t().sampleIndex).toBe(123);
    expect(t().preview!.results.get('x1')!.value).toBe(x1(123));

    await ctl.setSampleInputs({ x1: 0.25, x2: -0.5 });
    await settle();
    expect(t().snapshot!.sample).toMatchObject({ row: 123, custom: true });
    expect(t().preview!.results.get('x1')!.value).toBe(0.25);
    expect(t().preview!.results.get('x2')!.value).toBe(-0.5);
    // The drawn inputs stay while training goes on; undefined returns to the row.
    await ctl.stepEpoch();
    await settle();
    expect(t().preview!.results.get('x1')!.value).toBe(0.25);
    await ctl.setSampleInputs(undefined);
    await settle();
    expect(t().preview!.results.get('x1')!.value).toBe(x1(123));

    // New data: rows mean other points now, so the typical row of the new data is shown.
    await ctl.regenerate();
    await settle();
    expect(t().sampleIndex).toBe(t().info!.typicalRow);
  });
});
