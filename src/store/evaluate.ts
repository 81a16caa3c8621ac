/**
 * Live values for Build mode: the engine builds the graph (allowing empty ports), runs forward and,
 * when the loss can be computed, reverse mode. The app never does math itself; it reads these.
 */
import {
  checkGraph,
  chooseLoss,
  wiredInputs,
  type Wired,
  getOp,
  isLeafOp,
  nodeLabel,
  nodeRef,
  nodeRefWithOp,
  outputNode,
  Session,
  type Graph,
  type Model,
  type ModelNode,
  type OpDef,
  type Problem,
  portName,
} from '../../graph-engine/index.ts';
import { t } from '../i18n/i18n.ts';
import { formatNumber } from '../i18n/format.ts';

/** incomplete: an input is missing (here or upstream); nonfinite: NaN or ±∞; invalid: the node itself has a problem. */
export type BadgeKind = 'incomplete' | 'nonfinite' | 'invalid';

export interface NodeResult {
  value: number;
  /** dL/d(node) when reverse mode ran and the node reaches the loss. */
  grad?: number;
  badge?: { kind: BadgeKind; reason: string };
  /** Input handles to draw: the op's ports, plus one free handle on growable variadic ops. */
  ports: number;
  /** Per output port of a multi-output node (a layer macro): its name, value and gradient. */
  outputs?: { name: string; value: number; grad?: number }[];
  /** Names of the input handles, from the op as built (an expression's variables, x1..xk, ...). */
  portNames?: string[];
  /**
   * A paired loss (mse: p1..pk, t1..tk) with every pair wired shows one more, free pair: its last
   * row of each half. Wiring either grows the loss by a pair (flowElements.ts: inputHandleId).
   */
  freePair?: boolean;
  /** Teach mode: not computed yet by the stepper, so the card shows "pending" instead of a value. */
  pending?: boolean;
  /** A collapsed neuron, dense or mlp: each layer's weights and biases as computed, with dL/d of each when there is a loss. */
  layers?: LayerReading[];
}

/** One fully connected layer of a collapsed macro: W[i][j] is unit i's weight on input j (the weight grid's data). */
export interface LayerReading {
  W: number[][];
  b: number[];
  gW?: number[][];
  gb?: number[];
}

export interface Evaluation {
  /** Problems that stop the graph from building at all (shown in a banner). */
  problems: Problem[];
  results: ReadonlyMap<string, NodeResult>;
  /** The loss reverse mode starts from: the model's, or a sensible default. */
  lossId?: string;
  lossIsAutomatic: boolean;
  /** No loss because a layer with several outputs ends the graph: says so and how to mark one. */
  noLossReason?: string;
  /** Why there are no gradients, when there are none. */
  backwardBlocker?: string;
  graph?: Graph;
  /** The session the results were read from (values, gradients and edge records), when the graph builds. */
  session?: Session;
}

/** Input handles to draw for a node: the op's ports, plus free ones on growable ops. */
function inputHandles(node: ModelNode, wired: Wired = { span: 0, count: 0 }, built?: number, builtOp?: OpDef): Pick<NodeResult, 'ports' | 'freePair'> {
  const op = builtOp ?? getOp(node.op);
  if (!op || op.arity.kind === 'leaf') return { ports: 0 };
  if (op.arity.kind === 'fixed') return { ports: op.arity.ports.length };
  const stored = op.macro?.storedInputs?.(node.attrs ?? {});
  if (stored !== undefined) return { ports: stored }; // stored weights fix how many inputs a layer takes
  const used = built ?? Math.max(wired.span, op.arity.min);
  const pair = op.arity.multipleOf;
  // Paired losses grow a pair at a time, once every pair they have is wired.
  if (pair) return wired.count === used ? { ports: used + pair, freePair: true } : { ports: used };
  // One free handle beyond the connected ones, so a variadic op can always take another operand.
  return { ports: Math.max(used, wired.span + 1) };
}

export function evaluate(model: Model): Evaluation {
  const wired = wiredInputs(model);
  const automatic = chooseLoss(model, wired);
  const { explicit } = automatic;
  const lossId = automatic.id;
  const noLoss = automatic.multiOutput === undefined ? {} : { noLossReason: noLossReason(model, automatic.multiOutput) };
  let { graph, problems } = checkGraph(lossId === model.loss ? model : { ...model, loss: lossId }, { allowIncomplete: true });
  if (!graph && explicit && !model.nodes.some((n) => n.id === model.loss) && problems.every((p) => p.path === 'loss')) {
    // A loss inside a layer whose settings changed (an activation of none has no a-nodes): the
    // graph still computes; it just has no loss until one is chosen again.
    ({ graph, problems } = checkGraph({ ...model, loss: undefined }, { allowIncomplete: true }));
    if (graph) {
      const { results } = readResults(graph, { ...model, loss: undefined }, wired);
      const why = t('store.problem.lossLeftLayer', { loss: JSON.stringify(model.loss) });
      return { problems, results, lossId: undefined, lossIsAutomatic: false, backwardBlocker: why, graph, noLossReason: why };
    }
  }
  if (!graph) {
    const around = resultsAroundProblems(model, lossId, problems, wired);
    return { problems: around.problems, results: around.results, lossId, lossIsAutomatic: !explicit, ...noLoss };
  }
  const { results, backwardBlocker, session } = readResults(graph, model, wired);
  return { problems, results, lossId, lossIsAutomatic: !explicit, backwardBlocker: noLoss.noLossReason ?? backwardBlocker, graph, session, ...noLoss };
}

/**
 * `was` worded again in the current language, after a switch: badge reasons and loss notes are
 * worded when evaluated. The graph and session stay the same objects, so Teach keeps its place
 * (it rebuilds its stepper only for a new graph); the numbers are the same by determinism.
 */
export function rewordEvaluation(model: Model, was: Evaluation): Evaluation {
  const fresh = evaluate(model);
  return was.graph && fresh.graph ? { ...fresh, graph: was.graph, session: was.session } : fresh;
}

/**
 * `evaluate(model)`, faster when `model` is `before` with only leaf values changed (typing a
 * number into an input or weight): the graph `was` built for `before` is reused with the new
 * values, and only forward and reverse mode run again. Building the graph (expanding layers,
 * checking every rule, sorting) was about half of each keystroke's evaluation on expanded
 * digits-mlp (2,511 nodes). Anything else, or a graph that did not build cleanly, is evaluated
 * from scratch.
 */
export function evaluateEdit(before: Model, was: Evaluation, model: Model): Evaluation {
  const graph = was.graph && was.problems.length === 0 && !was.noLossReason ? withLeafValues(before, was.graph, model) : undefined;
  if (!graph) return evaluate(model);
  const { results, backwardBlocker, session } = readResults(graph, model, wiredInputs(model));
  return { ...was, results, backwardBlocker: was.noLossReason ?? backwardBlocker, graph, session };
}

/**
 * `graph` (built for `before`) with the leaf values of `model`, when those are all that changed
 * (positions aside, which the graph does not hold); else undefined.
 */
function withLeafValues(before: Model, graph: Graph, model: Model): Graph | undefined {
  if (model.edges !== before.edges || model.nodes.length !== before.nodes.length) return undefined;
  for (const key of new Set([...Object.keys(model), ...Object.keys(before)]))
    if (key !== 'nodes' && model[key as keyof Model] !== before[key as keyof Model]) return undefined;
  let nodes: Graph['nodes'] | undefined;
  for (let i = 0; i < model.nodes.length; i++) {
    const a = before.nodes[i];
    const b = model.nodes[i];
    if (a === b) continue;
    if (a.id !== b.id || a.op !== b.op || a.label !== b.label || a.attrs !== b.attrs) return undefined;
    if (Object.is(a.value, b.value)) continue; // moved (Object.is: -0 is a new value, as a full evaluation sees it)
    const index = graph.indexOf.get(b.id);
    const node = index === undefined ? undefined : graph.nodes[index];
    if (!node || node.origin !== undefined || !isLeafOp(node.op) || typeof b.value !== 'number' || !Number.isFinite(b.value)) return undefined;
    nodes ??= [...graph.nodes];
    nodes[node.index] = { ...node, value: b.value };
  }
  return nodes ? { ...graph, nodes } : graph;
}

/** Why no loss was chosen when a layer with several outputs ends the graph, and how to mark one. */
function noLossReason(model: Model, layer: string): string {
  const node = model.nodes.find((n) => n.id === layer);
  const name = node ? nodeRef({ id: layer, label: nodeLabel(node) }) : JSON.stringify(layer);
  return t('store.problem.severalOutputs', { name });
}

/** A node's card before anything is computed: no value, but its handles (and outputs) to wire. */
function uncomputed(n: ModelNode, wired: Wired | undefined): NodeResult {
  const r: NodeResult = { value: Number.NaN, ...inputHandles(n, wired) };
  const def = getOp(n.op)?.macro;
  if (def) {
    // Keep one handle per output so edges from output ports still have somewhere to attach.
    const count = def.outputCount(n.attrs ?? {}, r.ports);
    r.outputs = Array.from({ length: count }, (_, p) => ({ name: def.outputName(p, n.attrs ?? {}, r.ports), value: Number.NaN }));
  }
  return r;
}

/**
 * A node with a problem (an attr out of range, say) stops the graph from building, but not the
 * rest of it from showing values: the nodes with problems and everything downstream of them are
 * set aside and badged with why, and the rest is computed as usual. Setting some aside can let
 * checks run that the first problem stopped (the engine expands layer macros before anything
 * else), so this repeats while new problems turn up; every one found is returned.
 */
function resultsAroundProblems(
  model: Model,
  lossId: string | undefined,
  first: readonly Problem[],
  wired: Map<string, Wired>,
): { results: Map<string, NodeResult>; problems: Problem[] } {
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const ref = (id: string) => nodeRef({ id, label: nodeLabel(byId.get(id) ?? { id }) });
  const readers = new Map<string, string[]>();
  for (const e of model.edges) {
    const list = readers.get(e.source);
    if (list) list.push(e.target);
    else readers.set(e.source, [e.target]);
  }
  /** The model node a problem is about: a primitive inside a collapsed layer is its layer. */
  const ownerOf = (id: string | undefined) => {
    if (id === undefined || byId.has(id)) return id;
    for (let cut = id.lastIndexOf('/'); cut > 0; cut = id.lastIndexOf('/', cut - 1)) if (byId.has(id.slice(0, cut))) return id.slice(0, cut);
    return undefined;
  };
  const problems = [...first];
  const broken = new Map<string, string[]>();
  /** Nodes downstream of a broken one, and the broken node each waits on (breadth first: the nearest). */
  const waitsOn = new Map<string, string>();
  let results = new Map<string, NodeResult>();
  for (let found: readonly Problem[] = first; found.length > 0; ) {
    const owners = found.map((p) => ownerOf(p.nodeId));
    if (owners.some((o) => o === undefined)) break; // a problem of the whole graph: nothing to compute around
    found.forEach((p, i) => broken.set(owners[i]!, [...(broken.get(owners[i]!) ?? []), p.message]));
    waitsOn.clear();
    const queue = [...broken.keys()];
    const root = new Map(queue.map((id) => [id, id]));
    for (let i = 0; i < queue.length; i++) {
      const from = queue[i];
      for (const to of readers.get(from) ?? []) {
        if (broken.has(to) || waitsOn.has(to)) continue;
        waitsOn.set(to, root.get(from)!);
        root.set(to, root.get(from)!);
        queue.push(to);
      }
    }
    const setAside = (id: string) => broken.has(id) || waitsOn.has(id);
    const rest: Model = {
      ...model,
      nodes: model.nodes.filter((n) => !setAside(n.id)),
      edges: model.edges.filter((e) => !setAside(e.source) && !setAside(e.target)),
      loss: lossId !== undefined && !setAside(lossId) ? lossId : undefined,
    };
    const built = checkGraph(rest, { allowIncomplete: true });
    if (built.graph) {
      results = readResults(built.graph, rest, wired).results;
      break;
    }
    found = built.problems.filter((p) => !problems.some((q) => q.message === p.message));
    problems.push(...found);
    if (found.length === 0) break;
  }
  for (const n of model.nodes) {
    if (results.has(n.id)) continue;
    const r = uncomputed(n, wired.get(n.id));
    const problem = broken.get(n.id);
    const cause = waitsOn.get(n.id);
    if (problem) r.badge = { kind: 'invalid', reason: problem.join(' ') };
    else if (cause) r.badge = { kind: 'incomplete', reason: t('store.problem.waitingOn', { name: ref(cause) }) };
    results.set(n.id, r);
  }
  return { results, problems };
}

/** A layer's parameters read from the session; gradients only when every one of them has one. */
function layerReading(l: { W: string[][]; b: string[] }, read: (id: string) => { value: number; grad?: number }): LayerReading {
  const W = l.W.map((r) => r.map((id) => read(id)));
  const b = l.b.map((id) => read(id));
  const out: LayerReading = { W: W.map((r) => r.map((x) => x.value)), b: b.map((x) => x.value) };
  if (b.every((x) => x.grad !== undefined) && W.every((r) => r.every((x) => x.grad !== undefined))) {
    out.gW = W.map((r) => r.map((x) => x.grad!));
    out.gb = b.map((x) => x.grad!);
  }
  return out;
}

/** Values, gradients and badges of a graph that builds: forward, then reverse mode when it can. */
function readResults(graph: Graph, model: Model, wired: Map<string, Wired>): { results: Map<string, NodeResult>; backwardBlocker?: string; session: Session } {
  const results = new Map<string, NodeResult>();
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const session = new Session(graph, 1);
  session.forward();
  const backwardBlocker = session.backwardBlocker();
  if (!backwardBlocker) session.backward();
  const firstBad = session.firstNonFinite('values')?.node;
  const grads = !backwardBlocker;
  /** Value, gradient and badge of primitive node index n. */
  const read = (n: number) => {
    const value = session.value(n);
    const grad = grads && graph.reachesLoss[n] ? session.grad(n) : undefined;
    const missing = graph.incomplete.get(n);
    let badge: NodeResult['badge'];
    if (missing) badge = { kind: 'incomplete', reason: missing };
    else if (!Number.isFinite(value)) badge = { kind: 'nonfinite', reason: session.nonFiniteCause(n, 0, n === firstBad)! };
    return { value, grad, badge };
  };
  for (const node of graph.nodes) {
    if (node.origin) continue; // inside a collapsed macro: shown through the macro's outputs
    const { value, grad, badge } = read(node.index);
    const handles = inputHandles(byId.get(node.id)!, wired.get(node.id), node.inputs.length, node.op);
    const { ports } = handles;
    const r: NodeResult = { value, ...handles, portNames: Array.from({ length: ports }, (_, i) => portName(node.op, i, ports)) };
    if (grad !== undefined) r.grad = grad;
    if (badge) r.badge = badge;
    results.set(node.id, r);
  }
  const portValue = (id: string, port: number) => {
    const from = outputNode(graph, id, port);
    return from === undefined ? Number.NaN : session.value(from);
  };
  for (const [id, macro] of graph.macros) {
    const modelNode = byId.get(id)!;
    const def = getOp(modelNode.op)?.macro;
    const outputs = macro.outputs.map((o, p) => {
      const { value, grad } = read(graph.indexOf.get(o)!);
      return { name: def?.outputName(p, modelNode.attrs ?? {}, macro.inputs) ?? `y${p}`, value, grad };
    });
    const firstBadge = macro.outputs.map((o) => read(graph.indexOf.get(o)!).badge).find(Boolean);
    const r: NodeResult = { value: outputs[0]?.value ?? Number.NaN, ...inputHandles(modelNode, wired.get(id)), outputs };
    // A weight with no path to the loss has gradient 0 (it is shown, as the engine's reverse mode gives it).
    const param = (pid: string) => {
      const n = graph.indexOf.get(pid)!;
      return { value: session.value(n), grad: grads ? session.grad(n) : undefined };
    };
    if (macro.layers.length) r.layers = macro.layers.map((l) => layerReading(l, param));
    if (outputs[0]?.grad !== undefined) r.grad = outputs[0].grad;
    if (firstBadge)
      r.badge = firstBadge.kind === 'nonfinite' ? { kind: 'nonfinite', reason: layerNonFinite(model, modelNode, outputs, portValue) } : firstBadge;
    results.set(id, r);
  }
  return { results, backwardBlocker, session };
}

/**
 * A collapsed layer's non-finite output, said of the layer and its inputs, not its hidden
 * primitives. `portValue(id, port)` reads the value on a node's output port (Train mode's preview
 * reads it from the worker's numbers).
 */
export function layerNonFinite(
  model: Model,
  layer: ModelNode,
  outputs: readonly { name: string; value: number }[],
  portValue: (id: string, port: number) => number,
): string {
  const hit = outputs.find((o) => !Number.isFinite(o.value))!;
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const inputs = model.edges
    .filter((e) => e.target === layer.id)
    .sort((a, b) => a.port - b.port)
    .map((e) => ({
      name: nodeRef({ id: e.source, label: nodeLabel(byId.get(e.source) ?? { id: e.source }) }),
      value: portValue(e.source, e.sourcePort ?? 0),
    }));
  const bad = inputs.filter((i) => !Number.isFinite(i.value));
  const list = (xs: typeof inputs) => xs.map((i) => `${i.name} = ${formatNumber(i.value)}`).join(t('a11y.listSeparator'));
  const who = { node: nodeRefWithOp({ id: layer.id, label: nodeLabel(layer) }, layer.op), output: hit.name, value: formatNumber(hit.value) };
  if (bad.length) return t('store.problem.nonFiniteInput', { ...who, count: bad.length, list: list(bad) });
  return inputs.length ? t('store.problem.nonFiniteInsideFrom', { ...who, list: list(inputs) }) : t('store.problem.nonFiniteInside', who);
}
