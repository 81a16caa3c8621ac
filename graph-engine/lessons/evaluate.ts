/**
 * The student's graph as the checks see it: validated with the editor's rules (empty ports and a
 * missing loss allowed), computed forward and, where a loss can be computed, in reverse mode by the
 * engine's own Session. Checks read numbers from here and never compute them themselves. Trained
 * copies (for checks that train first) are made once per distinct training setting.
 */
import { type Model, nodeLabel, type Problem } from '../core/model.ts';
import { checkGraph, outputNode, type Graph } from '../graph/build.ts';
import { withChosenLoss } from '../graph/loss.ts';
import { Session } from '../autodiff/session.ts';
import { countPathsToLoss } from '../autodiff/paths.ts';
import { createTrainer } from '../train/create.ts';
import { ensureDataset } from '../data/real/load.ts';
import { ensureOpsFor } from '../expr/load.ts';
import { InputError } from '../core/errors.ts';
import type { TrainSettings } from '../train/settings.ts';
import type { EpochMetrics, Trainer } from '../train/trainer.ts';

/** A node found by a check's reference: its index in the graph and the name the student sees. */
export interface FoundNode {
  index: number;
  id: string;
  label: string;
}

export type Lookup = { node: FoundNode; error?: undefined } | { node?: undefined; error: string };

export interface Training {
  trainer?: Trainer;
  /** The metrics of the parameters training ended with (early stopping restores its best). */
  final?: EpochMetrics;
  /** Why training could not start or finish, in words. */
  error?: string;
  /** The trained model, evaluated like the student's own (for value checks after training). */
  evaluated?: Evaluated;
}

export class Evaluated {
  readonly model: Model;
  /** Undefined when the graph has a problem beyond the editor's (a cycle, a bad op, an unknown node). */
  readonly graph?: Graph;
  readonly session?: Session;
  readonly problems: Problem[];
  private paths?: Float64Array;
  private readonly trained = new Map<string, Training>();

  private constructor(model: Model) {
    this.model = model;
    // The loss the editor shows (the only unread output when the model names none), so a graph
    // the student built is graded on the ∂J/∂a its cards show.
    const { graph, problems } = checkGraph(withChosenLoss(model), { allowIncomplete: true });
    this.problems = problems;
    if (!graph || problems.length) return;
    this.graph = graph;
    const s = new Session(graph, 1);
    s.forward();
    if (!s.backwardBlocker()) s.backward();
    this.session = s;
  }

  /** Evaluates a model; loads what it needs first (expression ops). */
  static async of(model: Model): Promise<Evaluated> {
    await ensureOpsFor(model);
    return new Evaluated(model);
  }

  /** Why nothing can be computed, or undefined when the graph computes. */
  get blocker(): string | undefined {
    if (this.session) return undefined;
    return `The graph has a problem, so nothing can be checked yet: ${this.problems[0]?.message ?? 'it cannot be built.'}`;
  }

  get hasGradients(): boolean {
    return this.session?.hasGrads === true;
  }

  /** The loss node, or undefined when the model names none. */
  get loss(): FoundNode | undefined {
    const g = this.graph;
    if (!g || g.loss < 0) return undefined;
    return { index: g.loss, id: g.nodes[g.loss].id, label: g.nodes[g.loss].label };
  }

  value(n: FoundNode): number {
    return this.session!.value(n.index);
  }

  grad(n: FoundNode): number {
    return this.session!.grad(n.index);
  }

  /** Why a node's value is missing (an empty port on the way), or undefined. */
  incomplete(n: FoundNode): string | undefined {
    return this.graph?.incomplete.get(n.index);
  }

  /** Paths from the node to the loss (what its gradient sums over). */
  pathsToLoss(n: FoundNode): number {
    this.paths ??= countPathsToLoss(this.graph!);
    return this.paths[n.index];
  }

  /**
   * A node by id (a layer by its id reads its first output), else by the label the student sees.
   * Checks are written against labels so that a graph the student built, whose ids the editor
   * chose, is found by the names on its cards.
   */
  find(ref: string): Lookup {
    const g = this.graph!;
    const byId = outputNode(g, ref);
    if (byId !== undefined) return { node: this.found(byId, ref) };
    const named = this.model.nodes.filter((n) => nodeLabel(n) === ref || n.label?.trim() === ref);
    const ids = [...new Set(named.map((n) => n.id))];
    if (ids.length === 1) {
      const i = outputNode(g, ids[0]);
      if (i !== undefined) return { node: this.found(i, ids[0]) };
    }
    if (ids.length > 1) return { error: `${ids.length} nodes are named "${ref}" (ids ${ids.map((i) => `"${i}"`).join(', ')}): rename all but one.` };
    return { error: `The task looks for a node named "${ref}", and the graph has none: add it, or rename the node that should be "${ref}".` };
  }

  private found(index: number, fileId: string): FoundNode {
    const file = this.model.nodes.find((n) => n.id === fileId);
    return { index, id: fileId, label: file ? nodeLabel(file) : this.graph!.nodes[index].label };
  }

  /**
   * Trains a copy of the model (the model's training block with `overrides` on top; seeded, so the
   * same every run) and keeps the result for other checks asking for the same training.
   */
  async train(overrides: Partial<TrainSettings> = {}): Promise<Training> {
    const key = JSON.stringify(overrides);
    const done = this.trained.get(key);
    if (done) return done;
    const t = await trainModel(this.model, overrides);
    this.trained.set(key, t);
    return t;
  }
}

async function trainModel(model: Model, overrides: Partial<TrainSettings>): Promise<Training> {
  let trainer: Trainer;
  try {
    await ensureDataset(overrides.dataset ?? model.training?.dataset);
    trainer = createTrainer(model, { overrides, keepHistory: 1 });
  } catch (e) {
    if (e instanceof InputError) return { error: `Training could not start: ${e.message}` };
    throw e;
  }
  trainer.run();
  if (trainer.stopped?.reason === 'non-finite') return { trainer, error: `Training failed: ${trainer.stopped.message}` };
  const final = trainer.stopped?.reason === 'early-stop' ? trainer.currentMetrics() : trainer.history.at(-1);
  return { trainer, final, evaluated: await Evaluated.of(trainer.trainedModel()) };
}
