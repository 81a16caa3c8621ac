/**
 * A task's checks on the student's graph: pass or fail, each with a message in the student's terms
 * that names the nodes by the labels on their cards and says what to look at, never a stack trace.
 * Every number comes from the engine (Evaluated); a lesson author may replace a failure message
 * with a `hint` of their own ({actual}, {target}, {tolerance} filled in).
 */
import type { Model } from '../core/model.ts';
import { formatNumber } from '../core/number-format.ts';
import { getOp } from '../ops/registry.ts';
import { Evaluated, type FoundNode, type Training } from './evaluate.ts';
import type { AnswerCheck, Check, CheckKind, Quantity, LessonStep, LessonTask } from './schema.ts';

export interface CheckResult {
  /** Position of the check in the task (0-based). */
  index: number;
  id?: string;
  kind: CheckKind;
  pass: boolean;
  /** What the check asks, e.g. `J = 33` (the check's `describe`, or generated). */
  expected: string;
  /** Why it passed, or what is off and where to look. */
  message: string;
  /**
   * The engine's number: the node's value or gradient, the loss, the accuracy, or, for an answer
   * check, the true quantity (show it only once the student has answered).
   */
  actual?: number;
  target?: number;
  tolerance?: number;
  /** An answer check's typed answer, read as a number. */
  answer?: number;
  /** Ids of the nodes the check is about, for the editor to point at. */
  nodes?: string[];
}

export interface CheckOptions {
  /** Typed answers by answer check id: numbers, or text as typed ("0,92" and "−1" are read too). */
  answers?: Readonly<Record<string, number | string | undefined>>;
}

export const DEFAULT_TOLERANCE = 1e-6;
export const DEFAULT_ANSWER_TOLERANCE = 0.01;

const fmt = (v: number) => formatNumber(v, 4);
const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
const q = (s: string) => `"${s}"`;

/**
 * A typed number, as a student types it: "6", "−0.5" (a typographic minus or dash too), "+2",
 * ".5", "0,92" (decimal comma), "3e-2", or a fraction "1/3". Undefined when it is not a number.
 * Lesson answers and Teach's Quiz me both read answers with this.
 */
export function parseAnswer(typed: number | string | undefined): number | undefined {
  if (typeof typed === 'number') return Number.isFinite(typed) ? typed : undefined;
  if (typeof typed !== 'string') return undefined;
  let s = typed
    .trim()
    .replace(/[\u2212\u2013]/g, '-')
    .replace(/\s+/g, '');
  if (!s.includes('.') && /^[-+]?\d*,\d+$/.test(s)) s = s.replace(',', '.');
  const num = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
  if (num.test(s)) return Number(s);
  const frac = /^([-+]?(?:\d+\.?\d*|\.\d+))\/(\d+\.?\d*|\.\d+)$/.exec(s);
  if (frac && Number(frac[2]) !== 0) return Number(frac[1]) / Number(frac[2]);
  return undefined;
}

/** The generated wording of what a check asks, from the check alone (before anything is evaluated). */
export function describeCheck(check: Check, lossName = 'loss'): string {
  if (check.describe) return check.describe;
  const t = check.kind === 'value' || check.kind === 'gradient' ? check.tolerance : undefined;
  const tol = t ? ` (±${fmt(t)})` : '';
  const after = (c: { train?: object }, s?: string) => (c.train ? `after training, the ${s ?? 'test'} ` : '');
  switch (check.kind) {
    case 'value':
      return `${check.train ? 'after training, ' : ''}${check.node} = ${fmt(check.target)}${tol}`;
    case 'gradient':
      return `∂${lossName}/∂${check.node} = ${fmt(check.target)}${tol}`;
    case 'loss':
      return `${after(check, check.split)}${check.train ? 'loss' : lossName} below ${fmt(check.below)}`;
    case 'accuracy':
      return `after training, the ${check.split ? `${check.split} ` : ''}accuracy is at least ${pct(check.atLeast)}`;
    case 'contains-op':
      return (check.atLeast ?? 1) > 1 ? `at least ${check.atLeast} ${check.op} nodes` : `uses a ${check.op} node`;
    case 'max-params':
      return `at most ${check.count} trainable parameter${check.count === 1 ? '' : 's'}`;
    case 'path':
      return `${check.exists === false ? 'no path' : 'a path'} from ${check.from} to ${check.to}`;
    case 'no-cycle':
      return check.through ? `no cycle through ${check.through}` : 'no cycle';
    case 'output':
      return `the graph ends in a node named ${q(check.name)}`;
    case 'answer':
      return check.prompt;
  }
}

/** The author's hint with {actual}, {target} and {tolerance} filled in. */
function fill(template: string, v: { actual?: number; target?: number; tolerance?: number }): string {
  return template.replace(/\{(actual|target|tolerance)\}/g, (m, k: 'actual' | 'target' | 'tolerance') => (v[k] === undefined ? m : fmt(v[k]!)));
}

/** `measured`: the check ran and its own condition failed, so the author's hint applies (not to "no loss yet"). */
type Outcome = Omit<CheckResult, 'index' | 'id' | 'kind' | 'expected'> & { measured?: boolean };

/** The check could not run: the graph is missing something first. */
const fail = (message: string, extra: Partial<Outcome> = {}): Outcome => ({ pass: false, message, ...extra });
/** The check ran and what it measures is off. */
const miss = (message: string, extra: Partial<Outcome> = {}): Outcome => ({ pass: false, message, ...extra, measured: true });

/** Runs every check of a task on a model. Never throws for a bad graph: each check says what is off. */
export async function checkTask(task: Pick<LessonTask, 'checks'>, model: Model, options: CheckOptions = {}): Promise<CheckResult[]> {
  const ev = await Evaluated.of(model);
  const lossName = ev.loss?.label ?? 'loss';
  const results: CheckResult[] = [];
  for (const [index, check] of task.checks.entries()) {
    const { measured, ...out } = await runCheck(check, ev, options);
    const expected = describeCheck(check, lossName);
    const message = measured && check.hint ? fill(check.hint, out) : out.message;
    results.push({ index, ...(check.id !== undefined ? { id: check.id } : {}), kind: check.kind, expected, ...out, message });
  }
  return results;
}

/** The checks of a step's task (none without a task). */
export function checkStep(step: Pick<LessonStep, 'task'>, model: Model, options: CheckOptions = {}): Promise<CheckResult[]> {
  return step.task ? checkTask(step.task, model, options) : Promise.resolve([]);
}

function runCheck(check: Check, ev: Evaluated, options: CheckOptions): Outcome | Promise<Outcome> {
  // Structure is read from the file itself, so these say something even when the graph cannot compute.
  if (check.kind === 'no-cycle') return noCycle(ev.model, check.through);
  if (check.kind === 'output') return output(ev.model, check.name);
  if (check.kind === 'contains-op') return containsOp(ev, check.op, check.atLeast ?? 1);
  const blocker = ev.blocker;
  if (blocker) return fail(blocker);
  switch (check.kind) {
    case 'value':
      return check.train ? trained(ev, check.train, (t) => valueCheck(t.evaluated!, check)) : valueCheck(ev, check);
    case 'gradient':
      return gradientCheck(ev, check.node, check.target, check.tolerance ?? DEFAULT_TOLERANCE);
    case 'loss':
      return lossCheck(ev, check);
    case 'accuracy':
      return accuracyCheck(ev, check);
    case 'max-params':
      return maxParams(ev, check.count);
    case 'path':
      return pathCheck(ev, check.from, check.to, check.exists !== false);
    case 'answer':
      return answerCheck(ev, check, options.answers);
  }
}

function near(actual: number, target: number, tolerance: number): boolean {
  return Math.abs(actual - target) <= tolerance;
}

/** Said only where it matters to the student: a tolerance below 1e-4 is exact to the digits shown. */
const within = (tolerance: number) => (tolerance >= 1e-4 ? ` (within ±${fmt(tolerance)})` : '');

function valueCheck(ev: Evaluated, check: { node: string; target: number; tolerance?: number; train?: object }): Outcome {
  const found = ev.find(check.node);
  if (!found.node) return fail(found.error);
  const n = found.node;
  const tolerance = check.tolerance ?? DEFAULT_TOLERANCE;
  const why = ev.incomplete(n);
  if (why) return fail(`${q(n.label)} cannot be computed yet: ${why}`, { target: check.target, tolerance, nodes: [n.id] });
  const actual = ev.value(n);
  const nums = { actual, target: check.target, tolerance, nodes: [n.id] };
  const when = check.train ? 'After training, ' : '';
  if (near(actual, check.target, tolerance)) return { pass: true, message: `${when}${n.label} = ${fmt(actual)}, as the task wants.`, ...nums };
  return miss(`${when}${n.label} is ${fmt(actual)}, the task wants ${fmt(check.target)}${within(tolerance)}: ${whereToLook(ev, n)}`, nums);
}

/** Where a wrong value comes from: a leaf is set by hand, anything else from its inputs. */
function whereToLook(ev: Evaluated, n: FoundNode): string {
  const g = ev.graph!;
  const node = g.nodes[n.index];
  if (node.op.arity.kind === 'leaf') return `change its value.`;
  const inputs = [...node.inputs].filter((e) => e >= 0).map((e) => g.nodes[g.edges[e].source].label);
  const from = [...new Set(inputs)];
  return from.length ? `it is ${node.op.name} of ${from.map(q).join(' and ')}: check those and the op.` : `check its op (${node.op.name}) and its inputs.`;
}

function gradientCheck(ev: Evaluated, ref: string, target: number, tolerance: number): Outcome {
  const loss = ev.loss;
  if (!loss) return fail('The graph has no loss node, so there is no gradient yet: set the loss (the node whose gradient is taken).');
  if (!ev.hasGradients) return fail(`The loss ${q(loss.label)} cannot be computed yet: ${ev.incomplete(loss) ?? 'an input is missing.'}`);
  const found = ev.find(ref);
  if (!found.node) return fail(found.error);
  const n = found.node;
  const actual = ev.grad(n);
  const name = `∂${loss.label}/∂${n.label}`;
  const nums = { actual, target, tolerance, nodes: [n.id] };
  if (near(actual, target, tolerance)) return { pass: true, message: `${name} = ${fmt(actual)}, as the task wants.`, ...nums };
  const paths = ev.pathsToLoss(n);
  const look =
    paths === 0
      ? `${q(n.label)} has no path to ${q(loss.label)}, so nothing flows back to it: connect it.`
      : `which path from ${n.label} to ${loss.label} is missing, or which local derivative along it is off? (${paths === 1 ? 'there is 1 path now' : `there are ${paths} paths now`}; the gradient adds up the product of local derivatives along each path.)`;
  return miss(`${name} is ${fmt(actual)}, the task wants ${fmt(target)}${within(tolerance)}: ${look}`, nums);
}

/** Runs the check's training (shared with other checks asking for the same) and hands the result on. */
async function trained(ev: Evaluated, train: object, then: (t: Training) => Outcome): Promise<Outcome> {
  const t = await ev.train(train);
  if (t.error || !t.final) return fail(t.error ?? 'Training ran no epochs: set epochs to 1 or more.');
  return then(t);
}

function trainingWords(t: Training): string {
  const s = t.trainer!.settings;
  return `After training (${t.trainer!.epoch} epoch${t.trainer!.epoch === 1 ? '' : 's'}, ${s.optimizer} lr ${s.lr}, batch ${t.trainer!.batchSize}, seed ${s.seed})`;
}

/** The metrics of a split, falling back to the training rows when the split has none. */
function splitMetrics(t: Training, split: 'train' | 'validation' | 'test' | undefined) {
  const f = t.final!;
  const want = split ?? 'test';
  const m = want === 'train' ? f.train : want === 'test' ? f.test : f.validation;
  if (m) return { name: want === 'train' ? 'training' : want, m };
  if (split) return undefined;
  return { name: 'training', m: f.train };
}

function lossCheck(ev: Evaluated, check: Extract<Check, { kind: 'loss' }>): Outcome | Promise<Outcome> {
  if (check.train) {
    return trained(ev, check.train, (t) => {
      const s = splitMetrics(t, check.split);
      if (!s) return fail(`This training has no ${check.split} rows: set a ${check.split === 'test' ? 'test ratio' : 'validation ratio'} above 0.`);
      const actual = s.m.loss;
      const nums = { actual, target: check.below };
      if (actual < check.below)
        return { pass: true, message: `${trainingWords(t)}, the ${s.name} loss is ${fmt(actual)}, below ${fmt(check.below)}.`, ...nums };
      return miss(`${trainingWords(t)}, the ${s.name} loss is ${fmt(actual)}; the task wants it below ${fmt(check.below)}.`, nums);
    });
  }
  const loss = ev.loss;
  if (!loss) return fail('The graph has no loss node: set the loss to the node that measures the error.');
  const why = ev.incomplete(loss);
  if (why) return fail(`The loss ${q(loss.label)} cannot be computed yet: ${why}`, { nodes: [loss.id] });
  const actual = ev.value(loss);
  const nums = { actual, target: check.below, nodes: [loss.id] };
  if (actual < check.below) return { pass: true, message: `The loss ${loss.label} is ${fmt(actual)}, below ${fmt(check.below)}.`, ...nums };
  return miss(`The loss ${loss.label} is ${fmt(actual)}; the task wants it below ${fmt(check.below)}: change the parameters to bring it down.`, nums);
}

function accuracyCheck(ev: Evaluated, check: Extract<Check, { kind: 'accuracy' }>): Promise<Outcome> {
  return trained(ev, check.train ?? {}, (t) => {
    const s = splitMetrics(t, check.split);
    if (!s) return fail(`This training has no ${check.split} rows: set a ${check.split === 'test' ? 'test ratio' : 'validation ratio'} above 0.`);
    const actual = s.m.accuracy;
    if (actual === undefined) return fail(`This model does regression (a number, not a class), so it has no accuracy: check its loss instead.`);
    const nums = { actual, target: check.atLeast };
    if (actual >= check.atLeast) return { pass: true, message: `${trainingWords(t)}, the ${s.name} accuracy is ${pct(actual)}.`, ...nums };
    return miss(`${trainingWords(t)}, the ${s.name} accuracy is ${pct(actual)}; the task wants at least ${pct(check.atLeast)}.`, nums);
  });
}

function containsOp(ev: Evaluated, op: string, atLeast: number): Outcome {
  // Nodes as written, plus the primitives a layer expands into (a dense layer with ReLU has relu nodes).
  const written = ev.model.nodes.filter((n) => n.op === op);
  const expanded = ev.graph ? ev.graph.nodes.filter((n) => n.origin !== undefined && n.op.name === op).length : 0;
  const count = written.length + expanded;
  const nums = { actual: count, target: atLeast, nodes: written.map((n) => n.id) };
  if (count >= atLeast) return { pass: true, message: `The graph has ${count === 1 ? 'a' : count} ${op} node${count === 1 ? '' : 's'}.`, ...nums };
  if (count === 0) return miss(`The graph has no ${op} node: the task wants ${atLeast === 1 ? 'one' : `at least ${atLeast}`}. Add it from the palette.`, nums);
  return miss(`The graph has ${count} ${op} node${count === 1 ? '' : 's'}; the task wants at least ${atLeast}.`, nums);
}

function maxParams(ev: Evaluated, most: number): Outcome {
  const params = ev.graph!.nodes.filter((n) => n.op.name === 'param');
  const actual = params.length;
  const nums = { actual, target: most };
  const word = (k: number) => `${k} trainable parameter${k === 1 ? '' : 's'}`;
  if (actual <= most) return { pass: true, message: `The graph has ${word(actual)} (at most ${most} allowed).`, ...nums };
  return miss(`The graph has ${word(actual)}, the task allows at most ${most}: use fewer weights (smaller or fewer layers).`, nums);
}

/** A shortest path from → to along the edges, as node indices, or undefined. */
function findPath(ev: Evaluated, from: number, to: number): number[] | undefined {
  const g = ev.graph!;
  const parent = new Map<number, number>([[from, -1]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const n = queue[i];
    if (n === to) {
      const path: number[] = [];
      for (let k = n; k !== -1; k = parent.get(k)!) path.unshift(k);
      return path;
    }
    for (const e of g.outEdges[n]) {
      const t = g.edges[e].target;
      if (!parent.has(t)) {
        parent.set(t, n);
        queue.push(t);
      }
    }
  }
  return undefined;
}

function pathCheck(ev: Evaluated, fromRef: string, toRef: string, wanted: boolean): Outcome {
  const from = ev.find(fromRef);
  if (!from.node) return fail(from.error);
  const to = ev.find(toRef);
  if (!to.node) return fail(to.error);
  const path = findPath(ev, from.node.index, to.node.index);
  const nodes = [from.node.id, to.node.id];
  const a = q(from.node.label);
  const b = q(to.node.label);
  const shown = path?.map((i) => ev.graph!.nodes[i].label).join(' → ');
  if (wanted) {
    if (path) return { pass: true, message: `${a} reaches ${b}: ${shown}.`, nodes };
    return miss(`There is no path from ${a} to ${b}: connect ${a} to a node on the way to ${b}.`, { nodes });
  }
  if (!path) return { pass: true, message: `Nothing leads from ${a} to ${b}, as the task wants.`, nodes };
  return miss(`${a} reaches ${b} (${shown}), and the task wants no path from ${a} to ${b}: remove an edge on it.`, { nodes });
}

/** From the file's own nodes and edges, so a cycle (which stops the graph building) is still found and shown. */
function noCycle(model: Model, throughRef: string | undefined): Outcome {
  const ids = model.nodes.map((n) => n.id);
  const label = new Map(model.nodes.map((n) => [n.id, n.label?.trim() ? n.label : n.id]));
  const succ = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const e of model.edges) if (succ.has(e.source) && succ.has(e.target)) succ.get(e.source)!.push(e.target);
  let starts = ids;
  if (throughRef !== undefined) {
    const named = model.nodes.filter((n) => n.id === throughRef || label.get(n.id) === throughRef);
    if (!named.length)
      return fail(`The task looks for a node named "${throughRef}", and the graph has none: add it, or rename the node that should be "${throughRef}".`);
    starts = named.map((n) => n.id);
  }
  for (const start of starts) {
    const cycle = cycleThrough(start, succ);
    if (cycle) {
      const shown = [...cycle, cycle[0]].map((id) => label.get(id)).join(' → ');
      return miss(`The graph has a cycle: ${shown}. A value cannot depend on itself: remove one of these edges.`, { nodes: cycle });
    }
  }
  const through = throughRef !== undefined ? ` through ${q(throughRef)}` : '';
  return { pass: true, message: `The graph has no cycle${through}.` };
}

/** A cycle start → … → start as node ids (start first), or undefined. Depth-first with an explicit stack. */
function cycleThrough(start: string, succ: ReadonlyMap<string, string[]>): string[] | undefined {
  const parent = new Map<string, string>();
  const stack = [...(succ.get(start) ?? [])].map((t) => [t, start] as const);
  const seen = new Set<string>();
  while (stack.length) {
    const [n, from] = stack.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    parent.set(n, from);
    if (n === start) {
      const path: string[] = [];
      for (let k = parent.get(start)!; k !== start; k = parent.get(k)!) path.unshift(k);
      return [start, ...path];
    }
    for (const t of succ.get(n) ?? []) if (!seen.has(t) || t === start) stack.push([t, n]);
  }
  return undefined;
}

/**
 * The graph ends in the named node: nothing reads it, or only a loss op does (a prediction feeding
 * its mse is the network's output). Read from the file, with the op registry for what is a loss.
 */
function output(model: Model, name: string): Outcome {
  const label = (n: { id: string; label?: string }) => (n.label?.trim() ? n.label : n.id);
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const isLoss = (id: string) => getOp(byId.get(id)?.op ?? '')?.category === 'Losses';
  const readers = (id: string) => [...new Set(model.edges.filter((e) => e.source === id && !isLoss(e.target)).map((e) => e.target))];
  const named = model.nodes.filter((n) => n.id === name || label(n) === name);
  if (!named.length) return miss(`No node is named ${q(name)}: name the node your graph ends in ${q(name)}.`);
  const ends = named.find((n) => readers(n.id).length === 0);
  if (ends) return { pass: true, message: `The graph ends in ${q(name)}.`, nodes: [ends.id] };
  const n = named[0];
  const names = readers(n.id).map((id) => q(label(byId.get(id) ?? { id })));
  return miss(`${q(name)} feeds into ${names.join(' and ')}, so the graph does not end there: the output is the last node, which nothing else reads.`, {
    nodes: [n.id],
  });
}

/** The engine's number for a quantity, its name in messages and the nodes it is about. */
function quantityOf(ev: Evaluated, quantity: Quantity): { value: number; name: string; nodes: string[] } | { error: string } {
  if ('value' in quantity) {
    const f = ev.find(quantity.value);
    if (!f.node) return { error: f.error };
    const why = ev.incomplete(f.node);
    if (why) return { error: `${q(f.node.label)} cannot be computed yet: ${why}` };
    return { value: ev.value(f.node), name: f.node.label, nodes: [f.node.id] };
  }
  const loss = ev.loss;
  if (!loss || !ev.hasGradients) return { error: 'The graph has no loss that can be computed, so there are no derivatives to compare with yet.' };
  if ('gradient' in quantity) {
    const f = ev.find(quantity.gradient);
    if (!f.node) return { error: f.error };
    return { value: ev.grad(f.node), name: `∂${loss.label}/∂${f.node.label}`, nodes: [f.node.id] };
  }
  const from = ev.find(quantity.local.from);
  if (!from.node) return { error: from.error };
  const to = ev.find(quantity.local.to);
  if (!to.node) return { error: to.error };
  const g = ev.graph!;
  const edges = g.outEdges[from.node.index].filter((e) => g.edges[e].target === to.node.index);
  if (!edges.length)
    return {
      error: `There is no edge from ${q(from.node.label)} to ${q(to.node.label)}, so there is no local derivative ∂${to.node.label}/∂${from.node.label}.`,
    };
  // Two edges from the same node (x·x) each carry a local derivative; the total is their sum.
  const value = edges.reduce((s, e) => s + ev.session!.local[e], 0);
  return { value, name: `∂${to.node.label}/∂${from.node.label}`, nodes: [from.node.id, to.node.id] };
}

function answerCheck(ev: Evaluated, check: AnswerCheck, answers: CheckOptions['answers']): Outcome {
  const tolerance = check.tolerance ?? DEFAULT_ANSWER_TOLERANCE;
  const qv = quantityOf(ev, check.quantity);
  if ('error' in qv) return fail(qv.error, { tolerance });
  const typed = answers && Object.hasOwn(answers, check.id) ? answers[check.id] : undefined;
  const nums = { actual: qv.value, tolerance, nodes: qv.nodes };
  if (typed === undefined || (typeof typed === 'string' && !typed.trim())) return fail(`No answer yet: type ${qv.name}.`, nums);
  const answer = parseAnswer(typed);
  if (answer === undefined) return fail(`${q(String(typed))} is not a number: type ${qv.name} as a number, e.g. 0.25.`, nums);
  const withAnswer = { ...nums, answer };
  if (near(answer, qv.value, tolerance)) return { pass: true, message: `Right: ${qv.name} = ${fmt(qv.value)}.`, ...withAnswer };
  const side = answer > qv.value ? 'too high' : 'too low';
  return miss(`${fmt(answer)} is not ${qv.name}: it is ${side} (answers within ±${fmt(tolerance)} count).`, withAnswer);
}
