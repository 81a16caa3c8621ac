/**
 * The training loop the worker runs: owns one Trainer, trains in time slices (so pause, step and
 * setting changes get through between slices), and posts throttled snapshots with the loss curve,
 * metrics, parameters and heatmaps. Pure TypeScript over the engine: the same class runs in the
 * Web Worker and in unit tests (with a fake clock and scheduler).
 */
import {
  buildGraph,
  DataError,
  DATASET_NAMES,
  gridColumns,
  makeDataset,
  nullRecord,
  parseCsv,
  resolveSettings,
  Trainer,
  withDerivedFeatures,
  type Dataset,
  type EpochMetrics,
  type Graph,
  type TrainSettings,
} from '../../graph-engine/index.ts';
import { bindingView, DERIVED_FEATURES, type BindingView } from './binding.ts';
import { CurveLog, RateMeter, Throttle } from './throttle.ts';
import type {
  ConfigureResult,
  DatasetSpec,
  Heatmaps,
  PlaneInfo,
  PointsInfo,
  RunInfo,
  Snapshot,
  TrainConfig,
  TrainOverrides,
  UpdateResult,
} from './protocol.ts';

export interface RunnerHost {
  now(): number;
  /** Runs fn soon, after pending messages (a MessageChannel tick in the worker). */
  schedule(fn: () => void): void;
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
const MAX_THUMBS = 96;
/** The loss curve lives in the runner's CurveLog: the trainer keeps only its last few epochs. */
const KEEP_HISTORY = 8;

export function loadDataset(spec: DatasetSpec, settings: Pick<TrainSettings, 'points' | 'noise' | 'seed' | 'labels'>): Dataset {
  if (spec.kind === 'csv') return withDerivedFeatures(parseCsv(spec.text, spec.name));
  if (!DATASET_NAMES.includes(spec.name)) throw new DataError(`Unknown dataset "${spec.name}".`);
  return makeDataset(spec.name, settings);
}

export class TrainRunner {
  private trainer?: Trainer;
  private config?: TrainConfig;
  private info?: RunInfo;
  private grid?: { columns: Record<string, Float64Array>; count: number };
  private heatIds: string[] = [];
  private running = false;
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
      this.rate.add(this.host.now(), t.epoch);
      this.host.schedule(this.tick);
    }
    return undefined;
  }

  /** Stops after the current slice; returns the state with the current parameters. */
  pause(): Snapshot | undefined {
    if (!this.trainer) return undefined;
    this.running = false;
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
      this.info.stepsPerEpoch = stepsPerEpoch(t);
    }
    return { ok: true, settings: { ...t.settings }, snapshot: this.snapshot(true) };
  }

  /** Values of the bound input nodes for one dataset row (training rows first, then test rows). */
  sample(index: number): Record<string, number> {
    const t = this.trainer;
    if (!t) return {};
    const rows = [...t.split.train, ...t.split.test];
    const r = rows[Math.max(0, Math.min(index, rows.length - 1))];
    return Object.fromEntries(t.bindings.map((b) => [t.graph.nodes[b.node].id, t.dataset.data[b.column][r]]));
  }

  private atLimit(): boolean {
    const limit = this.config?.epochLimit;
    return limit !== undefined && (this.trainer?.epoch ?? 0) >= limit;
  }

  private startCurve(): void {
    const t = this.trainer!;
    this.curve.clear();
    const m: EpochMetrics = { epoch: t.epoch, train: t.evaluate(t.split.train) };
    if (t.split.test.length) m.test = t.evaluate(t.split.test);
    this.latest = m;
    this.initialLoss = m.train.loss;
    this.curve.push(t.epoch, m.train.loss, m.test?.loss ?? Number.NaN);
    this.lastHeat = undefined;
    this.heat.reset();
    this.rate.clear();
  }

  private record(m: EpochMetrics | undefined): void {
    if (!m) return;
    this.latest = m;
    this.curve.push(m.epoch, m.train.loss, m.test?.loss ?? Number.NaN);
  }

  private readonly tick = (): void => {
    const t = this.trainer;
    if (!this.running || !t) return;
    const start = this.host.now();
    let k = 0;
    while (!t.stopped && !this.atLimit()) {
      // The last step of an epoch goes through trainEpoch, which evaluates and checks stopping.
      if (t.atEpochEnd) this.record(t.trainEpoch());
      else t.step();
      if ((++k & 7) === 0 && this.host.now() - start >= this.sliceMs) break;
    }
    const now = this.host.now();
    this.rate.add(now, t.epoch);
    const done = t.stopped !== undefined || this.atLimit();
    if (done) this.running = false;
    if (done || this.snap.take(now)) this.host.post(this.snapshot(done));
    if (this.running) this.host.schedule(this.tick);
  };

  /** The current state; heatmaps are re-evaluated when due (or forced). */
  snapshot(force = false): Snapshot {
    const t = this.trainer!;
    const now = this.host.now();
    if (force) this.snap.pass(now);
    if (this.info?.plane && (force || this.heat.take(now))) {
      this.lastHeat = this.heatmaps(t);
      if (force) this.heat.pass(now);
    }
    const d = this.curve.delta();
    let stopped = t.stopped;
    if (!stopped && this.atLimit())
      stopped = { reason: 'epochs', message: `Reached the epoch limit (${this.config!.epochLimit}). Raise or clear the limit to train on.` };
    return {
      seq: ++this.seq,
      epoch: t.epoch,
      steps: t.steps,
      running: this.running,
      historyFrom: d.from,
      epochs: d.epochs,
      trainLoss: d.train,
      testLoss: d.test,
      latest: this.latest!,
      initialLoss: this.initialLoss,
      params: t.getParams(),
      stopped,
      heat: this.lastHeat,
      epochsPerSecond: this.running ? this.rate.rate() : 0,
    };
  }

  private heatmaps(t: Trainer): Heatmaps | undefined {
    const plane = this.info!.plane!;
    if (!this.grid) return undefined;
    let values: Record<string, Float64Array>;
    try {
      values = t.evaluateGrid(this.heatIds, this.grid.columns, this.grid.count);
    } catch {
      return undefined;
    }
    const size = plane.size;
    const step = plane.thumbStep;
    const ts = Math.ceil(size / step);
    const thumbs = nullRecord<Float32Array>(); // keyed by node id (records.ts)
    const thumbIds = new Set(Object.values(plane.thumbnails).flat(2));
    for (const id of this.heatIds) {
      if ((id === plane.output || plane.outputs?.includes(id)) && !thumbIds.has(id)) continue;
      const src = values[id];
      const out = new Float32Array(ts * ts);
      for (let r = 0; r < ts; r++) for (let c = 0; c < ts; c++) out[r * ts + c] = src[r * step * size + c * step];
      thumbs[id] = out;
    }
    const heat: Heatmaps = { size, output: plane.output ? Float32Array.from(values[plane.output]) : undefined, thumbs, thumbSize: ts };
    if (plane.outputs)
      Object.assign(
        heat,
        argmaxGrid(
          plane.outputs.map((id) => values[id]),
          size * size,
        ),
      );
    return heat;
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
      settings: { ...t.settings },
      stepsPerEpoch: stepsPerEpoch(t),
    };
    this.grid = undefined;
    this.heatIds = [];
    const features = binding.rows.filter((r) => r.role === 'feature' && r.column).map((r) => r.column!);
    const base = [...new Set(features.filter((c) => !DERIVED_FEATURES.includes(c)))];
    const derived = features.some((c) => DERIVED_FEATURES.includes(c));
    const plain = base.length === 2 && (!derived || (base.includes('x1') && base.includes('x2')));
    if (!plain) {
      info.noPlane =
        base.length === 2
          ? 'Derived features need the plane x1, x2.'
          : `The decision boundary needs exactly two input features (this graph reads ${features.length > 4 ? `${features.length} input features` : features.length ? features.join(', ') : 'none'}).`;
      return info;
    }
    const axes: [string, string] = base.includes('x1') && base.includes('x2') ? ['x1', 'x2'] : [base[0], base[1]];
    const col = (name: string) => ds.data[ds.columns.indexOf(name)];
    const range = axes.map((a) => {
      let lo = Infinity;
      let hi = -Infinity;
      for (const v of col(a)) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      const pad = (hi - lo || 1) * 0.08;
      return [lo - pad, hi + pad] as [number, number];
    }) as [[number, number], [number, number]];
    const roles = t.roles;
    const targetRow = binding.rows.find((r) => r.role === 'target' && r.column);
    const output = roles && roles.predictions.length === 1 ? t.graph.nodes[roles.predictions[0]].id : undefined;
    const k = roles?.predictions.length ?? 0;
    const outputs = roles && k > 1 ? roles.predictions.map((n) => t.graph.nodes[n].id) : undefined;
    let labels: Float64Array | undefined = targetRow ? col(targetRow.column!) : undefined;
    let valueRange: [number, number] = [0, 1];
    if (outputs) {
      // One-hot targets: the class of a row is its largest target column.
      const targetCols = roles!.targets.map((n) => {
        const b = t.bindings.find((x) => x.node === n);
        return b ? ds.data[b.column] : undefined;
      });
      if (targetCols.every((c) => c)) {
        const cls = new Float64Array(ds.rows);
        for (let r = 0; r < ds.rows; r++) {
          let best = 0;
          for (let j = 1; j < k; j++) if (targetCols[j]![r] > targetCols[best]![r]) best = j;
          cls[r] = best;
        }
        labels = cls;
      }
      valueRange = [0, k - 1];
    } else if (labels) {
      let lo = Infinity;
      let hi = -Infinity;
      for (const v of labels) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      valueRange = lo < hi ? [lo, hi] : [lo - 1, hi + 1];
    }
    const plane: PlaneInfo = {
      axes,
      range,
      size: this.gridSize,
      thumbStep: 2,
      output,
      outputs,
      thumbnails: thumbnailsFor(t.graph, binding, MAX_THUMBS),
      valueRange,
    };
    info.plane = plane;
    const g = gridColumns(this.gridSize, range[0], range[1]);
    // Grid columns named after the axes, so features bound to any two columns can be drawn.
    const columns: Record<string, Float64Array> = { ...g.columns, [axes[0]]: g.columns.x1, [axes[1]]: g.columns.x2 };
    this.grid = { columns, count: g.count };
    this.heatIds = [...new Set([...(output ? [output] : []), ...(outputs ?? []), ...Object.values(plane.thumbnails).flat(2)])];
    const test = new Uint8Array(ds.rows);
    for (const r of t.split.test) test[r] = 1;
    const points: PointsInfo = {
      x: Float32Array.from(col(axes[0])),
      y: Float32Array.from(col(axes[1])),
      label: labels ? Float32Array.from(labels) : new Float32Array(ds.rows),
      test,
    };
    info.points = points;
    return info;
  }
}

/** Minibatch steps in one pass over the training rows. */
function stepsPerEpoch(t: Trainer): number {
  return Math.ceil(t.split.train.length / t.batchSize);
}

/**
 * Nodes worth a thumbnail: computed from the features and not from the targets (so not the
 * loss). A layer macro gets one row of unit outputs per layer; other nodes one picture.
 */
export function thumbnailsFor(graph: Graph, binding: BindingView, max: number): Record<string, string[][]> {
  const N = graph.nodes.length;
  const reach = (ids: string[]) => {
    const seen = new Uint8Array(N);
    const stack = ids.map((id) => graph.indexOf.get(id)!).filter((n) => n !== undefined);
    for (const n of stack) seen[n] = 1;
    while (stack.length) {
      const n = stack.pop()!;
      for (const e of graph.outEdges[n]) {
        const m = graph.edges[e].target;
        if (!seen[m]) {
          seen[m] = 1;
          stack.push(m);
        }
      }
    }
    return seen;
  };
  const fromFeatures = reach(binding.rows.filter((r) => r.role === 'feature' && r.column).map((r) => r.nodeId));
  const fromTargets = reach(binding.rows.filter((r) => r.role === 'target').map((r) => r.nodeId));
  const out = nullRecord<string[][]>(); // keyed by node id (records.ts)
  let count = 0;
  const byMacro = new Map<string, Map<string, { unit: number; id: string; kind: string }[]>>();
  for (const n of graph.nodes) {
    // Feature inputs too: their picture is the feature itself (x1, x1^2, sin(x2)...), as in the Playground.
    if (!fromFeatures[n.index] || fromTargets[n.index]) continue;
    if (n.origin) {
      const local = n.id.slice(n.origin.length + 1);
      const m = /^(?:(.+)\/)?([az])(\d+)$/.exec(local);
      if (!m) continue;
      const layers = byMacro.get(n.origin) ?? byMacro.set(n.origin, new Map()).get(n.origin)!;
      const key = m[1] ?? '';
      (layers.get(key) ?? layers.set(key, []).get(key)!).push({ unit: Number(m[3]), id: n.id, kind: m[2] });
    } else if (count < max) {
      out[n.id] = [[n.id]];
      count++;
    }
  }
  for (const [macro, layers] of byMacro) {
    const rows: string[][] = [];
    for (const units of layers.values()) {
      // Prefer the activations; a layer without one shows its sums.
      const kind = units.some((u) => u.kind === 'a') ? 'a' : 'z';
      const row = units
        .filter((u) => u.kind === kind)
        .sort((a, b) => a.unit - b.unit)
        .map((u) => u.id);
      if (count + row.length > max) break;
      rows.push(row);
      count += row.length;
    }
    if (rows.length) out[macro] = rows;
  }
  return out;
}

/**
 * The predicted class (argmax) per grid point and its confidence: the top probability rescaled so
 * 1/k (no preference) is 0 and 1 is certain. Outputs that are not probabilities (logits) go
 * through a softmax first.
 */
export function argmaxGrid(outputs: ArrayLike<number>[], count: number): { argmax: Uint8Array; confidence: Float32Array } {
  const k = outputs.length;
  const argmax = new Uint8Array(count);
  const confidence = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    let best = 0;
    let sum = 0;
    let probs = true;
    for (let j = 0; j < k; j++) {
      const v = outputs[j][i];
      if (v > outputs[best][i]) best = j;
      if (!(v >= 0 && v <= 1)) probs = false;
      sum += v;
    }
    const top = outputs[best][i];
    let p: number;
    if (probs && Math.abs(sum - 1) < 1e-3) p = top;
    else {
      let z = 0;
      for (let j = 0; j < k; j++) z += Math.exp(outputs[j][i] - top);
      p = 1 / z;
    }
    argmax[i] = best;
    confidence[i] = Number.isFinite(p) ? Math.max(0, (p - 1 / k) / (1 - 1 / k)) : 0;
  }
  return { argmax, confidence };
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
