/**
 * What the training worker and the Train panel say to each other. Plain data only (structured
 * clone): the model in, snapshots out. The worker owns the Trainer; the page never trains.
 */
import type { EpochMetrics, Model, StopInfo, TrainSettings } from '../../graph-engine/index.ts';
import type { BindingView } from './binding.ts';

/**
 * What the worker has to tell the user, as a code and its parameters: the page words it in the
 * user's language (src/modes/train/workerText.ts), since the worker carries no catalogs. `engine`
 * passes on a message the engine wrote itself.
 */
export type WorkerText =
  | { code: 'engine'; text: string }
  | { code: 'epochLimit'; limit: number }
  | { code: 'planeFailed'; detail: string }
  | { code: 'fitFailed'; detail: string }
  | { code: 'planeNeedsX1X2' }
  | { code: 'planeNeedsTwo'; features: string[] }
  | { code: 'unknownMapping'; id: string }
  | { code: 'mappedToMissing'; column: string; dataset: string }
  | { code: 'noColumn'; dataset: string; columns: string[] }
  | { code: 'targetReadsFeature'; column: string; dataset: string; labels: string[] }
  | { code: 'inputReadsLabel'; column: string }
  /** A binding row's problem said of the row: `Input "x1" has no column…`. */
  | { code: 'about'; role: 'input' | 'target'; label: string; problem: WorkerText }
  | { code: 'lossNotScored'; loss: string }
  | { code: 'noLoss' }
  | { code: 'labelsUnread'; labels: string[] };

/** Why training stopped: the engine's reason, and what to tell the user. */
export type Stopped = Omit<StopInfo, 'message'> & { text: WorkerText };

export type DatasetSpec = { kind: 'builtin'; name: string } | { kind: 'csv'; name: string; text: string };

/** Settings the panel may override on top of the model's training block. */
export type TrainOverrides = Partial<
  Pick<TrainSettings, 'points' | 'noise' | 'testRatio' | 'seed' | 'lr' | 'batchSize' | 'optimizer' | 'l1' | 'l2' | 'patience' | 'labels' | 'bind'>
>;

export interface TrainConfig {
  model: Model;
  dataset: DatasetSpec;
  overrides: TrainOverrides;
  /** Training pauses when it reaches this epoch (none: trains until paused). */
  epochLimit?: number;
  /** The model as the user last set it: Reset puts plain param nodes back to its values. */
  startModel?: Model;
  /** The sample the canvas shows (none, or a row out of range: a typical training row). */
  shown?: ShownSample;
  /** Tag of the snapshots' sample values (SampleValues.tag) until the page shows another. */
  shownTag?: number;
}

/**
 * The sample whose values and gradients the canvas shows: a dataset row (its row number in the
 * data set, as PointsInfo numbers them), or input values given by node id (a drawn digit); inputs
 * not given keep the shown row's values.
 */
export type ShownSample = { kind: 'row'; row: number } | { kind: 'inputs'; values: Record<string, number> };

/**
 * Where the shown sample's numbers sit in SampleValues' arrays, sent once per configure: entry i
 * is output port ports[i] of node ids[i] (a layer macro has one entry per output, others port 0).
 */
export interface SampleLayout {
  ids: string[];
  ports: number[];
}

/** The shown sample, evaluated by the worker with the parameters of the snapshot it comes in. */
export interface SampleValues {
  /** The request it answers (the page ignores answers to older ones). */
  tag: number;
  /** The row shown (for custom inputs: the row whose other inputs and targets they keep). */
  row: number;
  test: boolean;
  /** True when some inputs are the given values rather than the row's. */
  custom: boolean;
  /** Forward values and dL/d(entry) by SampleLayout entry. */
  values: Float64Array;
  grads: Float64Array;
  /** Why a primitive node's value is not finite, by node id (a layer's is said on the page). */
  nonFinite?: Record<string, string>;
}

/** A grid over two input features, for the decision boundary and node thumbnails. */
export interface PlaneInfo {
  /** Dataset columns on the horizontal and vertical axes. */
  axes: [string, string];
  range: [[number, number], [number, number]];
  /** Coarse grid side for the output heatmap; thumbnails use every `thumbStep`-th point. */
  size: number;
  thumbStep: number;
  /** Node (or "macro#port") whose value is the output heatmap. */
  output?: string;
  /** Multi-class: the prediction nodes, one per class (the boundary shows their argmax). */
  outputs?: string[];
  /** Thumbnails to draw on canvas cards: card id -> rows of node ids (one row per layer). */
  thumbnails: Record<string, string[][]>;
  /** Value range for colouring: the target labels (e.g. [0, 1] or [-1, 1]). */
  valueRange: [number, number];
  /**
   * The output heatmap's colour range when it differs from the labels': a logit output (the loss is
   * bce_with_logits) predicts class 1 above 0, so its colours run over [-4, 4], pale at 0.
   */
  heatRange?: [number, number];
}

export interface PointsInfo {
  x: Float32Array;
  y: Float32Array;
  /** Target value per row (the label; the class index for a multi-class plane), for colouring. */
  label: Float32Array;
  /** 1 for test rows. */
  test: Uint8Array;
}

/** The fit plot of a 1-input regression: the data and the model's curve over the input's range. */
export interface FitInfo {
  /** Dataset columns on the horizontal (the input) and vertical (the target) axes. */
  axis: string;
  target: string;
  range: [number, number];
  /** Grid points of the curve, evenly spaced over `range` (ends included). */
  count: number;
  /** Node (or "macro#port") whose value is the curve. */
  output: string;
  /** x: the input, y and label: the target, per dataset row. */
  points: PointsInfo;
}

export interface RunInfo {
  datasetName: string;
  task?: 'classification' | 'regression';
  columns: string[];
  rows: number;
  trainRows: number;
  testRows: number;
  /** Training rows held out for validation (0 while early stopping is off). */
  validationRows: number;
  settings: TrainSettings;
  stepsPerEpoch: number;
  plane?: PlaneInfo;
  points?: PointsInfo;
  /** Why there is no decision boundary, when there is none. */
  noPlane?: WorkerText;
  /** A 1-input regression's fit plot (then there is no plane and no noPlane). */
  fit?: FitInfo;
  /** Layout of the shown sample's values in each snapshot. */
  sampleLayout: SampleLayout;
  /** The row shown when none is picked: a typical training row (graph-engine typicalRow). */
  typicalRow: number;
}

export interface Heatmaps {
  size: number;
  /** Output grid, size x size, row-major from the top (x2 max) down. */
  output?: Float32Array;
  /** Multi-class: predicted class (argmax of the outputs) per grid point, same layout as output. */
  argmax?: Uint8Array;
  /** Multi-class: confidence per grid point, 0 (all classes alike) to 1 (certain). */
  confidence?: Float32Array;
  /** Node id -> (size/thumbStep)^2 thumbnail values. */
  thumbs: Record<string, Float32Array>;
  thumbSize: number;
}

export interface Snapshot {
  seq: number;
  epoch: number;
  steps: number;
  running: boolean;
  /** History entries [historyFrom, historyFrom + epochs.length) of the run's loss curve. */
  historyFrom: number;
  epochs: number[];
  trainLoss: number[];
  testLoss: number[];
  /** Validation losses of the same entries (NaN while early stopping is off). */
  validationLoss: number[];
  /** The epoch whose parameters early stopping keeps (the lowest validation loss so far). */
  bestEpoch?: number;
  /** Metrics of the latest evaluation (epoch 0: the initial parameters). */
  latest: EpochMetrics;
  /** Loss of the initial parameters on the training set (after configure or reset). */
  initialLoss: number;
  params: Record<string, number>;
  stopped?: Stopped;
  heat?: Heatmaps;
  /** Why the heatmaps could not be evaluated, naming what failed (the panel keeps the last good ones). */
  heatError?: WorkerText;
  /** The fit plot's curve: the prediction at each of RunInfo.fit's grid points. */
  fitCurve?: Float32Array;
  epochsPerSecond: number;
  /** The shown sample's values and gradients with these parameters. */
  sample?: SampleValues;
}

/** A live settings change: applied (with the settings now in force), or refused with the reasons. */
export type UpdateResult =
  | { ok: true; settings: TrainSettings; rows: Pick<RunInfo, 'trainRows' | 'validationRows' | 'stepsPerEpoch'>; snapshot: Snapshot }
  | { ok: false; problems: string[] };

export type ConfigureResult =
  | { ok: true; info: RunInfo; binding: BindingView; snapshot: Snapshot }
  | { ok: false; error: string; binding?: BindingView; columns?: string[] };
