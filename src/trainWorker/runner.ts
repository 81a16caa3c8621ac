/**
 * The training loop the worker runs: owns one Trainer, trains in time slices (so pause, step and
 * setting changes get through between slices), and posts throttled snapshots with the loss curve,
 * metrics, parameters and heatmaps. Pure TypeScript over the engine: the same class runs in the
 * Web Worker and in unit tests (with a fake clock and scheduler).
 */
import {
  buildGraph,
  DataError,
  datasetName,
  makeDataset,
  parseCsv,
  resolveSettings,
  Trainer,
  withDerivedFeatures,
  type Dataset,
  type EpochMetrics,
  type Graph,
  type TrainSettings,
} from '../../graph-engine/index.ts';
import { bindingView, type BindingView } from './binding.ts';
import { DecisionPlane } from './decisionPlane.ts';
import { FitCurve } from './fitCurve.ts';
import { stepsPerSecond, type Pace } from './pace.ts';
import { CurveLog, RateMeter, Throttle } from './throttle.ts';
import { SampleProbe } from './sample.ts';
import type {
  ConfigureResult,
  DatasetSpec,
  Heatmaps,
  RunInfo,
  ShownSample,
  Snapshot,
  Stopped,
  TrainConfig,
  TrainOverrides,
  UpdateResult,
  WorkerText,
} from './protocol.ts';

export interface RunnerHost {
  now(): number;
  /**
   * Runs fn after `delayMs` of the clock, or (0 or left out) soon, after pending messages (a
   * MessageChannel tick in the worker).
   */
  schedule(fn: () => void, delayMs?: number): void;
  post(snapshot: Snapshot): void;
}

export interface RunnerOptions {
  /** Training time per slice before yielding. */
  sliceMs?: number;
  /** Minimum time between snapshots while running. */
  snapshotMs?: number;
  /** Minimum time between heatmap evaluations while running. */
  heatmapMs?: number;
  gridSize?: number;
}

/** The trainer never stops on its own epoch count: the runner's epoch limit does that. */
const NO_LIMIT = 1_000_000_000;
/** The loss curve lives in the runner's CurveLog: the trainer keeps only its last few epochs. */
const KEEP_HISTORY = 8;
/** A paced run catches up at most this much lost time (a stalled tab does not burst afterwards). */
const MAX_CATCH_UP_S = 0.25;
/** Shortest wait between paced slices: a fast pace trains a few steps a slice, not one per timer. */
const MIN_WAIT_MS = 4;

function loadDataset(spec: DatasetSpec, settings: Pick<TrainSettings, 'points' | 'noise' | 'seed' | 'labels'>): Dataset {
  if (spec.kind === 'csv') return withDerivedFeatures(parseCsv(spec.text, spec.name));
  if (!datasetName(spec.name)) throw new DataError(`Unknown dataset "${spec.name}".`);
  return makeDataset(spec.name, settings);
}

export class TrainRunner {
  private trainer?: Trainer;
  private config?: TrainConfig;
  private info?: RunInfo;
  private plane?: DecisionPlane;
  private fit?: FitCurve;
  private lastFit?: Float32Array;
  private running = false;
  /** Bumped whenever a new chain of slices starts: a slice of an older chain does nothing. */
  private chain = 0;
  /** Steps the pace allows that are not trained yet, as of host time `paidUntil`. */
  private owed = 0;
  private paidUntil = 0;
  private pace: Pace = { kind: 'max' };
  private seq = 0;
  private curve = new CurveLog();
  private latest?: EpochMetrics;
  private initialLoss = Number.NaN;
  private readonly snap: Throttle;
  private readonly heat: Throttle;
  private readonly rate = new RateMeter(1000);
  private readonly sliceMs: number;
  private readonly gridSize: number;
  private lastHeat?: Heatmaps;
  /** Why the last heatmap evaluation failed (cleared by the next one that works). */
  private heatError?: WorkerText;
  /** The canvas's sample: evaluated into every snapshot. */
  private probe?: SampleProbe;
  private shownRow = 0;
  private shownInputs?: Record<string, number>;
  private shownTag = 0;

  constructor(
    private readonly host: RunnerHost,
    options: RunnerOptions = {},
  ) {
    this.sliceMs = options.sliceMs ?? 12;
    this.snap = new Throttle(options.snapshotMs ?? 66);
    this.heat = new Throttle(options.heatmapMs ?? 100);
    this.gridSize = options.gridSize ?? 50;
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Builds the trainer for a model, dataset and settings. Stops any run in progress. */
  configure(config: TrainConfig): ConfigureResult {
    this.running = false;
    this.trainer = undefined;
    this.plane = undefined;
    this.fit = undefined;
    this.probe = undefined;
    this.config = config;
    const { settings, problems } = resolveSettings(config.model, { ...config.overrides, epochs: NO_LIMIT });
    if (!settings) return { ok: false, error: problems.map((p) => p.message).join('\n') };
    let dataset: Dataset;
    try {
      dataset = loadDataset(config.dataset, settings);
    } catch (e) {
      return { ok: false, error: message(e) };
    }
    let graph: Graph;
    try {
      graph = buildGraph(config.model, { seed: settings.seed });
    } catch (e) {
      return { ok: false, error: message(e), columns: dataset.columns };
    }
    // The same graph explains the binding and trains: built once.
    const binding = bindingView(graph, dataset, settings.bind);
    let trainer: Trainer;
    try {
      trainer = new Trainer(config.model, dataset, settings, { graph, keepHistory: KEEP_HISTORY });
    } catch (e) {
      return { ok: false, error: message(e), binding, columns: dataset.columns };
    }
    this.trainer = trainer;
    this.probe = new SampleProbe(trainer);
    this.shownTag = config.shownTag ?? 0;
    this.shownRow = this.probe.rowOf(config.shown);
    this.shownInputs = config.shown?.kind === 'inputs' ? config.shown.values : undefined;
    this.info = this.describe(trainer, binding);
    this.startCurve();
    return { ok: true, info: this.info, binding, snapshot: this.snapshot(true) };
  }

  /** Starts (or keeps) training in time slices. */
  play(): Snapshot | undefined {
    const t = this.trainer;
    if (!t) return undefined;
    if (t.stopped || this.atLimit()) return this.snapshot(true);
    if (!this.running) {
      this.running = true;
      this.rate.clear();
      const now = this.host.now();
      this.rate.add(now, t.epoch);
      // The first step at once, so a slow pace answers Play without a wait.
      this.owed = 1;
      this.paidUntil = now;
      this.startChain(0);
    }
    return undefined;
  }

  /**
   * Sets how fast Play trains. A run in progress keeps going at the new pace from now on: what the
   * old pace allowed so far stays owed, and a slice waiting for the old pace is replaced at once.
   */
  setPace(pace: Pace): void {
    if (this.running) this.accrue(this.host.now());
    this.pace = pace;
    if (this.running) this.startChain(0);
  }

  /** Stops after the current slice; returns the state with the current parameters. */
  pause(): Snapshot | undefined {
    if (!this.trainer) return undefined;
    this.running = false;
    return this.snapshot(true);
  }

  /** Trains exactly one mini-batch step (pausing first); an epoch's last step also evaluates it. */
  stepBatch(): Snapshot | undefined {
    const t = this.trainer;
    if (!t) return undefined;
    this.running = false;
    if (!t.stopped) this.trainStep(t);
    return this.snapshot(true);
  }

  /** Trains exactly one more epoch (pausing first). */
  stepEpoch(): Snapshot | undefined {
    const t = this.trainer;
    if (!t) return undefined;
    this.running = false;
    if (!t.stopped) this.record(t.trainEpoch());
    return this.snapshot(true);
  }

  /** Re-initialises the parameters from the seed: the same start every time. */
  reset(): Snapshot | undefined {
    const t = this.trainer;
    if (!t) return undefined;
    this.running = false;
    t.reset(undefined, this.config?.startModel);
    this.startCurve();
    return this.snapshot(true);
  }

  setEpochLimit(limit: number | undefined): void {
    if (this.config) this.config.epochLimit = limit;
  }

  /**
   * Changes optimisation settings (learning rate, optimizer, batch size, regularisation,
   * patience) in the running trainer: parameters, epoch and curve stay (Trainer.updateSettings
   * says what else a change starts afresh). Invalid values change nothing and come back as
   * problems.
   */
  update(overrides: TrainOverrides): UpdateResult | undefined {
    const t = this.trainer;
    if (!t || !this.config) return undefined;
    const next = { ...this.config.overrides, ...overrides };
    const { settings, problems } = resolveSettings(this.config.model, { ...next, epochs: NO_LIMIT });
    if (!settings) return { ok: false, problems: problems.map((p) => p.message) };
    const { lr, optimizer, batchSize, momentum, l1, l2, patience } = settings;
    const refused = t.updateSettings({ lr, optimizer, batchSize, momentum, l1, l2, patience });
    if (refused.length) return { ok: false, problems: refused.map((p) => p.message) };
    this.config.overrides = next;
    if (this.info) {
      this.info.settings = { ...t.settings };
      this.info.trainRows = t.split.train.length;
      this.info.validationRows = t.split.validation?.length ?? 0;
      this.info.stepsPerEpoch = stepsPerEpoch(t);
    }
    // Early stopping on or off moves rows between training and validation: the panel's counts follow.
    const rows = { trainRows: t.split.train.length, validationRows: t.split.validation?.length ?? 0, stepsPerEpoch: stepsPerEpoch(t) };
    return { ok: true, settings: { ...t.settings }, rows, snapshot: this.snapshot(true) };
  }

  /** Values of the bound input nodes for one dataset row (by row number, clamped to the data). */
  sample(row: number): Record<string, number> {
    const t = this.trainer;
    if (!t) return {};
    const r = Math.max(0, Math.min(Math.round(row), t.dataset.rows - 1));
    return Object.fromEntries(t.bindings.map((b) => [t.graph.nodes[b.node].id, t.dataset.data[b.column][r]]));
  }

  /**
   * Shows another sample on the canvas: a row (out of range: the typical row), or input values
   * over the shown row. Later snapshots carry it, tagged `tag`; the returned one already does.
   */
  show(shown: ShownSample, tag: number): Snapshot | undefined {
    if (!this.trainer || !this.probe) return undefined;
    this.shownTag = tag;
    if (shown.kind === 'row') {
      this.shownRow = this.probe.rowOf(shown);
      this.shownInputs = undefined;
    } else this.shownInputs = shown.values;
    return this.snapshot();
  }

  private atLimit(): boolean {
    const limit = this.config?.epochLimit;
    return limit !== undefined && (this.trainer?.epoch ?? 0) >= limit;
  }

  private startCurve(): void {
    const t = this.trainer!;
    this.curve.clear();
    const m = t.currentMetrics();
    this.latest = m;
    this.initialLoss = m.train.loss;
    this.curve.push(t.epoch, m.train.loss, m.test?.loss ?? Number.NaN, m.validation?.loss);
    this.lastHeat = undefined;
    this.lastFit = undefined;
    this.heatError = undefined;
    this.heat.reset();
    this.rate.clear();
  }

  private record(m: EpochMetrics | undefined): void {
    if (!m) return;
    // The curve keeps the epoch as trained; the readout and metrics show the parameters now in
    // force, which after an early stop are the restored best epoch's.
    this.latest = this.trainer?.stopped?.reason === 'early-stop' ? this.trainer.currentMetrics() : m;
    this.curve.push(m.epoch, m.train.loss, m.test?.loss ?? Number.NaN, m.validation?.loss);
  }

  private trainStep(t: Trainer): void {
    // The last step of an epoch goes through trainEpoch, which evaluates and checks stopping.
    if (t.atEpochEnd) this.record(t.trainEpoch());
    else t.step();
  }

  /** The step rate the pace allows now (Infinity: as fast as the slices go). */
  private stepRate(): number {
    return this.trainer ? stepsPerSecond(this.pace, stepsPerEpoch(this.trainer)) : Number.POSITIVE_INFINITY;
  }

  /** Adds the steps the pace allows between `paidUntil` and `now` (up to MAX_CATCH_UP_S of them). */
  private accrue(now: number): void {
    const rate = this.stepRate();
    if (Number.isFinite(rate)) this.owed = Math.min(this.owed + ((now - this.paidUntil) / 1000) * rate, Math.max(1, rate * MAX_CATCH_UP_S));
    this.paidUntil = now;
  }

  private startChain(delayMs: number): void {
    const chain = ++this.chain;
    this.host.schedule(() => this.tick(chain), delayMs);
  }

  private tick(chain: number): void {
    const t = this.trainer;
    if (!this.running || !t || chain !== this.chain) return;
    const start = this.host.now();
    this.accrue(start);
    // Steps this slice may train: all it can at Max, else what the pace allows so far.
    const budget = Number.isFinite(this.stepRate()) ? Math.floor(this.owed) : Number.POSITIVE_INFINITY;
    let k = 0;
    while (k < budget && !t.stopped && !this.atLimit()) {
      this.trainStep(t);
      if ((++k & 7) === 0 && this.host.now() - start >= this.sliceMs) break;
    }
    if (Number.isFinite(budget)) this.owed -= k;
    const now = this.host.now();
    this.rate.add(now, t.epoch);
    const done = t.stopped !== undefined || this.atLimit();
    if (done) this.running = false;
    if (done || this.snap.take(now)) this.host.post(this.snapshot(done));
    if (!this.running) return;
    // Ahead of the pace: wait until the next step is due instead of spinning.
    const rate = this.stepRate();
    const wait = Number.isFinite(rate) && this.owed < 1 ? Math.max(MIN_WAIT_MS, ((1 - this.owed) / rate) * 1000) : 0;
    this.startChain(wait);
  }

  /** The current state; heatmaps are re-evaluated when due (or forced). */
  snapshot(force = false): Snapshot {
    const t = this.trainer!;
    const now = this.host.now();
    if (force) this.snap.pass(now);
    if ((this.plane || this.fit) && (force || this.heat.take(now))) {
      if (this.plane) this.evaluatePlane(this.plane, t);
      if (this.fit) this.evaluateFit(this.fit, t);
      if (force) this.heat.pass(now);
    }
    const d = this.curve.delta();
    let stopped: Stopped | undefined;
    if (t.stopped) {
      const { message: text, ...why } = t.stopped;
      stopped = { ...why, text: { code: 'engine', text } };
    }
    if (!stopped && this.atLimit()) stopped = { reason: 'epochs', text: { code: 'epochLimit', limit: this.config!.epochLimit! } };
    return {
      seq: ++this.seq,
      epoch: t.epoch,
      steps: t.steps,
      running: this.running,
      historyFrom: d.from,
      epochs: d.epochs,
      trainLoss: d.train,
      testLoss: d.test,
      validationLoss: d.validation,
      bestEpoch: t.bestEpoch,
      latest: this.latest!,
      initialLoss: this.initialLoss,
      params: t.getParams(),
      stopped,
      heat: this.lastHeat,
      heatError: this.heatError,
      fitCurve: this.lastFit,
      epochsPerSecond: this.running ? this.rate.rate() : 0,
      sample: this.probe?.evaluate(this.shownRow, this.shownInputs, this.shownTag),
    };
  }

  /**
   * Evaluates the heatmaps. Nothing the engine is known to throw here, so any failure is a bug:
   * training goes on, the panel keeps the last good pictures and says what failed.
   */
  private evaluatePlane(plane: DecisionPlane, t: Trainer): void {
    try {
      this.lastHeat = plane.heatmaps(t);
      this.heatError = undefined;
    } catch (e) {
      this.lastHeat = undefined;
      this.heatError = { code: 'planeFailed', detail: message(e) };
    }
  }

  /** The fit plot's curve; a failure is a bug, reported like the heatmaps' (evaluatePlane). */
  private evaluateFit(fit: FitCurve, t: Trainer): void {
    try {
      this.lastFit = fit.curve(t);
      this.heatError = undefined;
    } catch (e) {
      this.lastFit = undefined;
      this.heatError = { code: 'fitFailed', detail: message(e) };
    }
  }

  /** What the panel needs once per configuration: sizes, the plane to draw and the points. */
  private describe(t: Trainer, binding: BindingView): RunInfo {
    const ds = t.dataset;
    const info: RunInfo = {
      datasetName: ds.name,
      task: t.task,
      columns: ds.columns,
      rows: ds.rows,
      trainRows: t.split.train.length,
      testRows: t.split.test.length,
      validationRows: t.split.validation?.length ?? 0,
      settings: { ...t.settings },
      stepsPerEpoch: stepsPerEpoch(t),
      sampleLayout: this.probe!.layout,
      typicalRow: this.probe!.typical,
    };
    const plane = DecisionPlane.of(t, binding, this.gridSize);
    if (plane instanceof DecisionPlane) {
      this.plane = plane;
      info.plane = plane.info;
      info.points = plane.points;
    } else {
      // A 1-input regression gets a fit plot instead of a note saying why there is no boundary.
      this.fit = FitCurve.of(t, binding);
      if (this.fit) info.fit = this.fit.info;
      else info.noPlane = plane.noPlane;
    }
    return info;
  }
}

/** Minibatch steps in one pass over the training rows. */
function stepsPerEpoch(t: Trainer): number {
  return Math.ceil(t.split.train.length / t.batchSize);
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
