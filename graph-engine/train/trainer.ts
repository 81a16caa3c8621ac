/**
 * The trainer: minibatch gradient descent over a compiled plan, driven in small pieces so a Web
 * Worker can report progress (`step()`, `trainEpoch()`, `runEpochs(n)`) or all at once (`run()`).
 * Each step: fill the batch from the shuffled training rows, forward, reverse mode seeded with 1/n
 * (so parameter gradients are batch means), one optimizer update. Nothing is allocated per step.
 */
import { buildGraph, outputNode, type Graph } from '../graph/build.ts';
import type { Model, Problem } from '../core/model.ts';
import { withoutMacroParams, withParams } from '../macros/expand.ts';
import { Session } from '../autodiff/session.ts';
import { dropoutStepKey, rngFor, shuffle, type Rng } from '../core/random.ts';
import { DataError, holdOutValidation, splitRows, type Dataset, type Split, type Task } from '../data/dataset.ts';
import { bindDataset, inferTask, lossRoles, type Binding, type LossRoles } from '../data/bind.ts';
import { backward, compilePlan, forward, Workspace, type Plan } from './kernels.ts';
import { applyUpdate, OptimizerState } from './optimizers.ts';
import { computeMetrics, type Metrics } from './metrics.ts';
import { formatNumber } from '../core/number-format.ts';
import type { TrainSettings } from './settings.ts';
import { TrainingSchema } from '../core/training.ts';
import { MAX_BATCH_VALUES } from '../core/limits.ts';
import { nullRecord, own, recordFrom } from '../core/records.ts';

export interface EpochMetrics {
  epoch: number;
  train: Metrics;
  test?: Metrics;
  /** On the validation rows, when early stopping holds them out. */
  validation?: Metrics;
}

/** Share of the training rows held out for validation when early stopping is on and the settings name none. */
const DEFAULT_VALIDATION_RATIO = 0.2;

export interface StopInfo {
  reason: 'epochs' | 'early-stop' | 'non-finite';
  message: string;
  /** Node id where training went non-finite. */
  node?: string;
}

/** Rows of a forward pass held at once while evaluating: bounded memory for large graphs. */
const EVAL_FLOATS = 4_000_000;

/**
 * Settings a trainer takes mid-run. The others (dataset, points, noise, labels, test ratio, task,
 * bindings, seed) shape the data, the split or the initial weights: they need a new trainer.
 */
export type LiveSettings = Pick<
  TrainSettings,
  'epochs' | 'batchSize' | 'lr' | 'optimizer' | 'momentum' | 'beta1' | 'beta2' | 'epsilon' | 'l1' | 'l2' | 'patience'
>;

const LIVE_KEYS = [
  'epochs',
  'batchSize',
  'lr',
  'optimizer',
  'momentum',
  'beta1',
  'beta2',
  'epsilon',
  'l1',
  'l2',
  'patience',
] as const satisfies readonly (keyof LiveSettings)[];
const LiveSchema = TrainingSchema.pick(Object.fromEntries(LIVE_KEYS.map((k) => [k, true])) as Record<keyof LiveSettings, true>);

export interface TrainerOptions {
  /** Epoch metrics kept in `history`, the most recent (default: all); a long live run needs only a few. */
  keepHistory?: number;
  /**
   * `buildGraph(model, { seed: settings.seed })`, when the caller has built it already (to explain
   * the dataset binding, say), so it is not built twice.
   */
  graph?: Graph;
}

/** Why a batch of B samples is too large for a graph of N nodes, or undefined when it fits. */
function batchTooLarge(B: number, N: number): string | undefined {
  if (N * B <= MAX_BATCH_VALUES) return undefined;
  return `Batch size ${B.toLocaleString('en')} is too large for this model: ${B.toLocaleString('en')} samples × ${N.toLocaleString('en')} graph nodes (layers expanded) is ${(N * B).toLocaleString('en')} values per pass; GraphGrad trains with up to ${MAX_BATCH_VALUES.toLocaleString('en')}. Use a batch size of at most ${Math.floor(MAX_BATCH_VALUES / N).toLocaleString('en')}.`;
}

export class Trainer {
  readonly model: Model;
  readonly graph: Graph;
  readonly plan: Plan;
  readonly dataset: Dataset;
  /** Train and test rows from the test ratio, before any validation rows are held out. */
  private readonly baseSplit: Split;
  private parts: Split;
  readonly task?: Task;
  readonly roles?: LossRoles;
  readonly bindings: Binding[];
  /** Current parameters by slot (plan.paramNode gives each slot's node). */
  readonly params: Float64Array;
  private readonly pgrads: Float64Array;
  private readonly lastFinite: Float64Array;
  private readonly best: Float64Array;
  private readonly opt: OptimizerState;
  private ws: Workspace;
  private evalWs?: Workspace;
  private rows: Int32Array;
  private shuffleRng!: Rng;
  private cursor = 0;
  private current: TrainSettings;
  private epochsDone = 0;
  private stepsDone = 0;
  private record: EpochMetrics[] = [];
  private readonly keepHistory: number;
  private stop?: StopInfo;
  private bestLoss = Infinity;
  private sinceBest = 0;
  private bestAt?: number;

  constructor(model: Model, dataset: Dataset, settings: TrainSettings, options: TrainerOptions = {}) {
    this.model = model;
    this.current = { ...settings };
    this.keepHistory = options.keepHistory ?? Infinity;
    this.dataset = dataset;
    this.graph = options.graph ?? buildGraph(model, { seed: settings.seed });
    if (this.graph.loss < 0) throw new DataError('The model names no loss node to train on.');
    this.plan = compilePlan(this.graph);
    if (this.plan.paramNode.length === 0) throw new DataError('The model has no param nodes (or layer macros) to train.');
    this.bindings = bindDataset(this.graph, dataset, settings.bind);
    this.roles = lossRoles(this.graph);
    this.task = settings.task ?? inferTask(dataset, this.graph, this.bindings, this.roles);
    this.baseSplit = splitRows(dataset.rows, settings.testRatio ?? dataset.defaultTestRatio ?? 0.2, settings.seed);
    this.parts = this.splitFor(settings);
    this.rows = this.parts.train.slice();
    const P = this.plan.paramNode.length;
    this.params = Float64Array.from(this.plan.paramNode, (n) => this.graph.nodes[n].value);
    this.pgrads = new Float64Array(P);
    this.lastFinite = new Float64Array(P);
    this.best = this.params.slice();
    this.opt = new OptimizerState(P);
    const B = Math.min(settings.batchSize, this.rows.length);
    const tooLarge = batchTooLarge(B, this.graph.nodes.length);
    if (tooLarge) throw new DataError(tooLarge);
    this.ws = new Workspace(this.plan, B);
    this.shuffleRng = rngFor(settings.seed, 'shuffle');
  }

  /**
   * Which dataset rows train, test and (with early stopping) validate. The validation rows come out
   * of the training rows, seeded, so the test rows are the same with early stopping on or off.
   */
  get split(): Split {
    return this.parts;
  }

  /** The split for these settings: validation rows held out while early stopping is on. */
  private splitFor(s: TrainSettings): Split {
    if (s.patience === undefined) return this.baseSplit;
    return holdOutValidation(this.baseSplit, s.validationRatio ?? DEFAULT_VALIDATION_RATIO, s.seed);
  }

  /**
   * The epoch whose parameters early stopping keeps: the lowest validation loss so far (undefined
   * while early stopping is off or before the first evaluation).
   */
  get bestEpoch(): number | undefined {
    return this.bestAt;
  }

  /** The settings in force (updateSettings changes the live ones). */
  get settings(): Readonly<TrainSettings> {
    return this.current;
  }

  /** Whole passes over the training rows so far. */
  get epoch(): number {
    return this.epochsDone;
  }

  /** Minibatch updates so far. */
  get steps(): number {
    return this.stepsDone;
  }

  /** Metrics of each evaluated epoch (the most recent `keepHistory` of them). */
  get history(): readonly EpochMetrics[] {
    return this.record;
  }

  /** Why training stopped, or undefined while it may go on. */
  get stopped(): StopInfo | undefined {
    return this.stop;
  }

  get batchSize(): number {
    return this.ws.B;
  }

  get done(): boolean {
    return this.stopped !== undefined;
  }

  /** True when the next step() completes the epoch (so trainEpoch() would take just that step). */
  get atEpochEnd(): boolean {
    return this.cursor + this.ws.B >= this.rows.length;
  }

  /**
   * Changes settings mid-run. Keys left out (or undefined) keep their value, except `patience`:
   * given as undefined, it turns early stopping off. Nothing changes when any value is invalid: the
   * problems say why (an empty list: applied).
   * - lr, l1, l2, momentum, beta1, beta2, epsilon and patience apply from the next step; a new
   *   learning rate also lifts a non-finite stop (the last finite parameters are in place).
   * - A new optimizer or batch size starts the optimisation afresh from the current parameters,
   *   as a new trainer built from them would: optimizer state, early-stopping record, the epoch in
   *   progress and the shuffle order start over, and a stop is lifted; the epoch count stays.
   * - More epochs than done lift an 'epochs' stop.
   * - Turning early stopping on holds validation rows out of the training rows (off puts them
   *   back): the epoch in progress, the shuffle order and the early-stopping record start over.
   */
  updateSettings(changes: Partial<LiveSettings>): Problem[] {
    const unknown = Object.keys(changes).filter((k) => !(LIVE_KEYS as readonly string[]).includes(k));
    if (unknown.length) throw new Error(`updateSettings: ${unknown.join(', ')} cannot change mid-run (build a new trainer)`);
    const checked = LiveSchema.safeParse(changes);
    if (!checked.success) return checked.error.issues.map((i) => ({ message: `${String(i.path[0])}: ${i.message}`, path: String(i.path[0]) }));
    const given = Object.fromEntries(Object.entries(changes).filter(([k, v]) => v !== undefined || k === 'patience'));
    const prev = this.current;
    const next: TrainSettings = { ...prev, ...given };
    const resplit = (next.patience === undefined) !== (prev.patience === undefined);
    const parts = resplit ? this.splitFor(next) : this.parts;
    const B = Math.min(next.batchSize, parts.train.length);
    if (B !== this.ws.B) {
      const tooLarge = batchTooLarge(B, this.graph.nodes.length);
      if (tooLarge) return [{ message: tooLarge, path: 'batchSize' }];
      this.ws = new Workspace(this.plan, B);
    }
    this.current = next;
    if (resplit) {
      this.parts = parts;
      this.rows = parts.train.slice();
      this.cursor = 0;
      this.shuffleRng = rngFor(next.seed, 'shuffle');
      this.forgetBest();
    }
    if (next.optimizer !== prev.optimizer || next.batchSize !== prev.batchSize) {
      this.opt.reset();
      this.forgetBest();
      this.rows.set(this.split.train);
      this.cursor = 0;
      this.shuffleRng = rngFor(next.seed, 'shuffle');
      this.stop = undefined;
    } else if (this.stop?.reason === 'non-finite' && next.lr !== prev.lr) this.stop = undefined;
    else if (this.stop?.reason === 'epochs' && next.epochs > this.epochsDone) this.stop = undefined;
    return [];
  }

  /**
   * Re-initialises: macro parameters drawn afresh from the seed (or `seed`), plain param nodes back
   * to their values in `start` (by default the model this trainer was built from; the editor
   * passes the model as the user last set it, since it writes trained weights back into its
   * model), optimizer state, history and shuffle order cleared.
   */
  reset(seed = this.settings.seed, start: Model = this.model): void {
    const fresh = buildGraph(withoutMacroParams(start), { seed });
    this.plan.paramNode.forEach((n, s) => {
      const i = fresh.indexOf.get(this.graph.nodes[n].id);
      if (i !== undefined) this.params[s] = fresh.nodes[i].value;
    });
    this.forgetBest();
    this.opt.reset();
    this.shuffleRng = rngFor(seed, 'shuffle');
    this.rows.set(this.split.train);
    this.cursor = 0;
    this.epochsDone = 0;
    this.stepsDone = 0;
    this.record = [];
    this.stop = undefined;
  }

  /** Early stopping starts watching afresh from the current parameters. */
  private forgetBest(): void {
    this.best.set(this.params);
    this.bestLoss = Infinity;
    this.sinceBest = 0;
    this.bestAt = undefined;
  }

  /** Copies rows[from .. from+n) of the dataset into the bound input nodes of `ws`. */
  private fill(ws: Workspace, rows: ArrayLike<number>, from: number, n: number): void {
    const { vals, B } = ws;
    const data = this.dataset.data;
    for (let i = 0; i < this.bindings.length; i++) {
      const { node, column } = this.bindings[i];
      const col = data[column];
      const base = node * B;
      for (let b = 0; b < n; b++) vals[base + b] = col[rows[from + b]];
    }
  }

  /** One minibatch update. Returns the batch-mean loss (NaN once training has stopped). */
  step(): number {
    if (this.stopped) return Number.NaN;
    if (this.cursor === 0) shuffle(this.rows, this.shuffleRng);
    const { ws, plan, params } = this;
    const n = Math.min(ws.B, this.rows.length - this.cursor);
    this.fill(ws, this.rows, this.cursor, n);
    // A training step: dropout draws this step's masks (identical in forward and backward).
    const key = plan.stochastic ? dropoutStepKey(this.settings.seed, this.stepsDone) : undefined;
    forward(plan, ws, params, n, key);
    const lo = this.graph.loss * ws.B;
    let loss = 0;
    for (let b = 0; b < n; b++) loss += ws.vals[lo + b];
    loss /= n;
    if (!Number.isFinite(loss)) {
      this.stopNonFinite(this.firstNonFiniteNode(ws, n));
      return loss;
    }
    backward(plan, ws, params, this.pgrads, n, 1 / n, key);
    this.lastFinite.set(params);
    applyUpdate(params, this.pgrads, this.opt, this.settings);
    for (let s = 0; s < params.length; s++) {
      if (!Number.isFinite(params[s])) {
        params.set(this.lastFinite);
        this.stopNonFinite(this.graph.nodes[plan.paramNode[s]].id, 'after an update');
        return loss;
      }
    }
    this.stepsDone++;
    this.cursor += n;
    if (this.cursor >= this.rows.length) {
      this.cursor = 0;
      this.epochsDone++;
    }
    return loss;
  }

  private firstNonFiniteNode(ws: Workspace, n: number): string {
    const { order, nodes } = this.graph;
    for (const m of order) {
      if (!this.plan.computed[m]) continue;
      for (let b = 0; b < n; b++) if (!Number.isFinite(ws.vals[m * ws.B + b])) return nodes[m].id;
    }
    return nodes[this.graph.loss].id;
  }

  private stopNonFinite(id: string, when = 'in the forward pass'): void {
    const node = this.graph.nodes[this.graph.indexOf.get(id)!];
    const where = node.origin ? `, inside macro "${node.origin}"` : '';
    const lr = this.settings.lr;
    this.stop = {
      reason: 'non-finite',
      node: id,
      message: `Training stopped after epoch ${this.epoch} (at step ${this.steps + 1}): node "${id}" (${node.op.name}${where}) became non-finite ${when}, the first in the graph. The learning rate ${formatNumber(lr)} is probably too high: try a lower one, e.g. ${formatNumber(lr / 10)}. The last finite parameters are kept.`,
    };
  }

  /**
   * Finishes the current epoch (or runs a whole one), then evaluates train and test sets unless
   * `evaluate` is false. Returns the epoch's metrics, or undefined if training stopped.
   */
  trainEpoch(evaluate = true): EpochMetrics | undefined {
    if (this.stopped) return undefined;
    const target = this.epoch + 1;
    while (this.epoch < target && !this.stopped) this.step();
    if (this.stopped) return undefined;
    if (!evaluate) return undefined;
    const m: EpochMetrics = { epoch: this.epoch, train: this.evaluate(this.split.train) };
    if (this.split.test.length) m.test = this.evaluate(this.split.test);
    if (this.split.validation?.length) m.validation = this.evaluate(this.split.validation);
    this.record.push(m);
    // Trimmed in chunks, so a long run does not shift the array every epoch.
    if (this.record.length > 2 * this.keepHistory) this.record.splice(0, this.record.length - this.keepHistory);
    this.checkStop(m);
    return m;
  }

  private checkStop(m: EpochMetrics): void {
    if (!Number.isFinite(m.train.loss)) {
      this.stopNonFinite(this.graph.nodes[this.graph.loss].id, 'on the training set');
      return;
    }
    const { patience, epochs } = this.settings;
    if (patience !== undefined) {
      // The validation loss; with a single training row there is none to hold out, and the
      // training loss stands in (the message says which).
      const watched = m.validation ? 'validation' : 'training';
      const loss = (m.validation ?? m.train).loss;
      if (loss < this.bestLoss) {
        this.bestLoss = loss;
        this.sinceBest = 0;
        this.bestAt = m.epoch;
        this.best.set(this.params);
      } else if (++this.sinceBest >= patience) {
        this.params.set(this.best);
        this.stop = {
          reason: 'early-stop',
          message: `Stopped early after epoch ${m.epoch}: the ${watched} loss has not improved for ${patience} epochs; restored the parameters of epoch ${this.bestAt} (${watched} loss ${formatNumber(this.bestLoss, 6)}).`,
        };
        return;
      }
    }
    if (this.epoch >= epochs) this.stop = { reason: 'epochs', message: `Finished ${epochs} epochs.` };
  }

  /** Runs up to n epochs (stopping early if training stops); returns their metrics. */
  runEpochs(n: number): EpochMetrics[] {
    const out: EpochMetrics[] = [];
    for (let i = 0; i < n && !this.stopped; i++) {
      const m = this.trainEpoch();
      if (m) out.push(m);
    }
    return out;
  }

  /** Trains until settings.epochs, early stopping or a non-finite value. */
  run(): EpochMetrics[] {
    return this.runEpochs(Math.max(this.settings.epochs - this.epoch, 0));
  }

  private evalWorkspace(): Workspace {
    const N = this.graph.nodes.length;
    this.evalWs ??= new Workspace(this.plan, Math.max(1, Math.min(2500, Math.floor(EVAL_FLOATS / N))));
    return this.evalWs;
  }

  /**
   * Loss and metrics of the current parameters on every split, labelled with the current epoch:
   * the figures to report after an early stop, whose restored best parameters are not the last
   * epoch's.
   */
  currentMetrics(): EpochMetrics {
    const m: EpochMetrics = { epoch: this.epoch, train: this.evaluate(this.split.train) };
    if (this.split.test.length) m.test = this.evaluate(this.split.test);
    if (this.split.validation?.length) m.validation = this.evaluate(this.split.validation);
    return m;
  }

  /** Loss and metrics of the current parameters over the given dataset rows. */
  evaluate(rows: ArrayLike<number>): Metrics {
    const ws = this.evalWorkspace();
    const roles = this.roles;
    const k = roles?.predictions.length ?? 0;
    const preds = new Float64Array(rows.length * k);
    const targets = new Float64Array(rows.length * k);
    let loss = 0;
    for (let from = 0; from < rows.length; from += ws.B) {
      const n = Math.min(ws.B, rows.length - from);
      this.fill(ws, rows, from, n);
      forward(this.plan, ws, this.params, n);
      const lo = this.graph.loss * ws.B;
      for (let b = 0; b < n; b++) loss += ws.vals[lo + b];
      for (let j = 0; j < k; j++) {
        const p = roles!.predictions[j] * ws.B;
        const t = roles!.targets[j] * ws.B;
        for (let b = 0; b < n; b++) {
          preds[(from + b) * k + j] = ws.vals[p + b];
          targets[(from + b) * k + j] = ws.vals[t + b];
        }
      }
    }
    return computeMetrics(this.task, loss / Math.max(rows.length, 1), preds, targets, rows.length, k, roles?.logits);
  }

  /**
   * Values of nodes over points given column by column (e.g. a 50x50 grid of x1, x2 and derived
   * features from gridColumns): one batched forward per chunk of up to 2500 points. Ids may name a
   * macro output as "id#port". Inputs without a given column keep their file value.
   */
  evaluateGrid(nodeIds: readonly string[], columns: Readonly<Record<string, ArrayLike<number>>>, count: number): Record<string, Float64Array> {
    const ws = this.evalWorkspace();
    const targets = nodeIds.map((spec) => {
      const [id, port] = spec.split('#');
      const n = outputNode(this.graph, id, port ? Number(port) : 0);
      if (n === undefined) throw new DataError(`evaluateGrid: "${spec}" is not a node or macro output.`);
      return n;
    });
    const inputs = this.bindings.map((b) => ({ node: b.node, col: own(columns, this.dataset.columns[b.column]) }));
    const out = recordFrom(nodeIds.map((id) => [id, new Float64Array(count)]));
    for (let from = 0; from < count; from += ws.B) {
      const n = Math.min(ws.B, count - from);
      for (const { node, col } of inputs) {
        // Inputs not on the grid (targets, say) take their file value.
        if (col) for (let b = 0; b < n; b++) ws.vals[node * ws.B + b] = col[from + b];
        else ws.vals.fill(this.graph.nodes[node].value, node * ws.B, node * ws.B + n);
      }
      forward(this.plan, ws, this.params, n);
      nodeIds.forEach((id, j) => out[id].set(ws.vals.subarray(targets[j] * ws.B, targets[j] * ws.B + n), from));
    }
    return out;
  }

  /** Current parameters by param node id (expanded ids for macro parameters). */
  getParams(): Record<string, number> {
    const out = nullRecord<number>(); // keyed by node id: see records.ts
    this.plan.paramNode.forEach((n, s) => (out[this.graph.nodes[n].id] = this.params[s]));
    return out;
  }

  /** The model with the current parameters written back (into macro attrs and param values). */
  trainedModel(): Model {
    const byId = new Map(Array.from(this.plan.paramNode, (n, s) => [this.graph.nodes[n].id, this.params[s]]));
    return withParams(this.model, (id) => byId.get(id));
  }

  /**
   * A teaching Session over the same graph, loaded with the current parameters and the given
   * dataset rows (one sample per row): the Stepper runs on it unchanged.
   */
  session(rows: ArrayLike<number>): Session {
    const s = new Session(this.graph, Math.max(rows.length, 1));
    this.plan.paramNode.forEach((n, slot) => s.setLeaf(n, this.params[slot]));
    for (const { node, column } of this.bindings)
      s.setLeaf(
        node,
        Array.from(rows, (r) => this.dataset.data[column][r]),
      );
    return s;
  }
}

/** A size x size grid over [x1min, x1max] x [x2min, x2max] as columns x1, x2 and derived features. */
export function gridColumns(
  size: number,
  x1: [number, number] = [-1, 1],
  x2: [number, number] = [-1, 1],
): { columns: Record<string, Float64Array>; count: number } {
  const count = size * size;
  const a = new Float64Array(count);
  const b = new Float64Array(count);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      a[r * size + c] = x1[0] + ((x1[1] - x1[0]) * c) / Math.max(size - 1, 1);
      b[r * size + c] = x2[1] - ((x2[1] - x2[0]) * r) / Math.max(size - 1, 1);
    }
  }
  const map = (f: (u: number, v: number) => number) => Float64Array.from(a, (u, i) => f(u, b[i]));
  return {
    count,
    columns: {
      x1: a,
      x2: b,
      'x1^2': map((u) => u * u),
      'x2^2': map((_u, v) => v * v),
      'x1*x2': map((u, v) => u * v),
      'sin(x1)': map((u) => Math.sin(u)),
      'sin(x2)': map((_u, v) => Math.sin(v)),
    },
  };
}
