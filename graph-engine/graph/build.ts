/**
 * From a v1 model to an indexed DAG: checks every graph rule (ops, ports, ids, edges, cycles, leaf
 * values, loss) with messages that name the node or edge, then fixes a topological order, which
 * nodes reach the loss and which are incomplete.
 */
import type { Model, Problem } from '../core/model.ts';
import { ModelError, nodeLabel, nodeRef, nodeRefWithOp } from '../core/model.ts';
import type { Attrs, OpDef } from '../ops/types.ts';
import { getOp, isLeafOp, LAZY_OPS, portName, resolveAttrs } from '../ops/registry.ts';
import { topoSort } from '../core/topo.ts';
import { expandMacros, type ExpandOptions } from '../macros/expand.ts';
import { own } from '../core/records.ts';
import { countText, listSome, MAX_MODEL_EDGES, missingPorts } from '../core/limits.ts';
import type { MacroInstance } from '../macros/types.ts';

export interface GraphNode {
  index: number;
  id: string;
  label: string;
  op: OpDef;
  attrs: Attrs;
  /** Leaf value from the file (NaN for non-leaves). */
  value: number;
  /** Edge index feeding each port, -1 where the port is empty. */
  inputs: Int32Array;
  /** Id of the layer macro this node was expanded from (absent for nodes written in the file). */
  origin?: string;
}

export interface GraphEdge {
  index: number;
  /** Index of this edge in the model's `edges` array; -1 for an edge inside an expanded macro. */
  modelIndex: number;
  source: number;
  target: number;
  port: number;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  indexOf: ReadonlyMap<string, number>;
  /** Edge indices leaving each node, in file order. */
  outEdges: number[][];
  /** Topological order of node indices. */
  order: Int32Array;
  /** Node index of the loss, or -1 when the model names none (values still compute). */
  loss: number;
  /** 1 where the node has a path to the loss (or is the loss); 0 elsewhere: its gradient is 0. */
  reachesLoss: Uint8Array;
  /** Why a node cannot be computed (an empty port, here or upstream); absent when it can. */
  incomplete: ReadonlyMap<number, string>;
  /** Every layer macro of the model, by macro id: its primitive nodes, ports and layers. */
  macros: ReadonlyMap<string, MacroInstance>;
}

export interface BuildOptions extends Pick<ExpandOptions, 'seed'> {
  /**
   * Editor mode: empty ports and a missing loss are not errors; such nodes are marked incomplete
   * (their value is NaN) and the rest of the graph still computes. Files and the CLI are strict.
   */
  allowIncomplete?: boolean;
}

const quote = (s: string) => JSON.stringify(s);

/** Builds the graph or throws a ModelError listing every problem. */
export function buildGraph(model: Model, options: BuildOptions = {}): Graph {
  const r = checkGraph(model, options);
  if (!r.graph) throw new ModelError(r.problems);
  return r.graph;
}

/** Builds the graph, collecting every problem instead of stopping at the first. */
export function checkGraph(fileModel: Model, options: BuildOptions = {}): { graph?: Graph; problems: Problem[] } {
  // Layer macros become primitives first; paths and edge numbers below still point into the file.
  const ex = expandMacros(fileModel, { allowIncomplete: options.allowIncomplete, seed: options.seed });
  if (ex.problems.length) {
    // Check the rest of the graph too, so that a file lists every problem at once: each layer
    // that could not expand stands in as a plain input, and what follows from that is its own.
    const broken = new Set(ex.problems.flatMap((p) => (p.nodeId === undefined ? [] : [p.nodeId])));
    if (broken.size === 0) return { problems: ex.problems };
    const standIn: Model = {
      ...fileModel,
      nodes: fileModel.nodes.map((n) => (broken.has(n.id) ? { id: n.id, op: 'input', value: 0 } : n)),
      // Edges keep their places, so that edge numbers in messages still point into the file.
      edges: fileModel.edges.map((e) => (broken.has(e.source) ? { source: e.source, target: e.target, port: e.port } : e)),
    };
    const rest = checkGraph(standIn, options).problems.filter((p) => p.nodeId === undefined || !broken.has(p.nodeId));
    return { problems: [...ex.problems, ...rest] };
  }
  const model = ex.model;
  const problems: Problem[] = [];
  const indexOf = new Map<string, number>();
  const nodes: GraphNode[] = [];

  /** Where each id was first met, as an index into the expanded model (for the duplicate message). */
  const firstSeen = new Map<string, number>();
  /** A node as the file has it: its own place, or the layer whose expansion made it. */
  const expanded = (i: number) => fileModel.nodes[ex.nodeSource[i]]?.id !== model.nodes[i].id;
  const inFile = (i: number) => {
    const at = `nodes[${ex.nodeSource[i]}]`;
    return expanded(i) ? `layer ${quote(fileModel.nodes[ex.nodeSource[i]].id)} at ${at}, which expands into that id` : at;
  };
  model.nodes.forEach((n, i) => {
    const path = `nodes[${ex.nodeSource[i]}]`;
    const first = firstSeen.get(n.id);
    if (first !== undefined) {
      // Both places as the file has them: an expanded layer's inner ids are not in the file.
      // The file's own node first (its path is where to fix it), then the other place.
      const [a, b] = expanded(i) ? [first, i] : [i, first];
      problems.push({ message: `Duplicate node id ${quote(n.id)} (${inFile(a)} and ${inFile(b)}).`, path: `nodes[${ex.nodeSource[a]}].id`, nodeId: n.id });
      return;
    }
    firstSeen.set(n.id, i);
    const base = getOp(n.op);
    if (!base) {
      const hint = own(LAZY_OPS, n.op);
      problems.push({
        message: `Node ${quote(n.id)}: ${hint ? `op ${quote(n.op)} is not loaded: ${hint}` : `unknown op ${quote(n.op)}`}.`,
        path: `${path}.op`,
        nodeId: n.id,
      });
      indexOf.set(n.id, -1);
      return;
    }
    const made = base.instantiate ? base.instantiate(n.attrs) : base;
    if ('error' in made) {
      problems.push({ message: `Node ${quote(n.id)} (${n.op}): ${made.error}`, path: `${path}.attrs`, nodeId: n.id });
      indexOf.set(n.id, -1);
      return;
    }
    const op = made;
    const leaf = isLeafOp(op);
    if (leaf && !(typeof n.value === 'number' && Number.isFinite(n.value))) {
      problems.push({ message: `Node ${quote(n.id)} (${n.op}) needs a finite "value".`, path: `${path}.value`, nodeId: n.id });
    }
    for (const spec of op.attrs ?? []) {
      const v = n.attrs?.[spec.name];
      if (v !== undefined && !(typeof v === 'number' && Number.isFinite(v))) {
        problems.push({
          message: `Node ${nodeRefWithOp({ id: n.id, label: nodeLabel(n) }, n.op)}: attr ${quote(spec.name)} must be a finite number.`,
          path: `${path}.attrs.${spec.name}`,
          nodeId: n.id,
        });
      }
    }
    indexOf.set(n.id, nodes.length);
    nodes.push({
      index: nodes.length,
      id: n.id,
      label: nodeLabel(n),
      op,
      attrs: resolveAttrs(op, n.attrs),
      value: leaf && typeof n.value === 'number' ? n.value : Number.NaN,
      inputs: new Int32Array(0),
      ...(ex.origin.has(n.id) ? { origin: ex.origin.get(n.id) } : {}),
    });
  });

  // Edges, grouped per target so ports can be checked as a whole.
  const edges: GraphEdge[] = [];
  const portsOf: Map<number, GraphEdge>[] = nodes.map(() => new Map());
  model.edges.forEach((e, expandedIndex) => {
    const i = ex.edgeSource[expandedIndex];
    const path = `edges[${i}]`;
    const name = i >= 0 ? `Edge ${i} (${e.source} -> ${e.target})` : `Edge ${e.source} -> ${e.target} (inside macro ${quote(ex.origin.get(e.target) ?? '')})`;
    const s = indexOf.get(e.source);
    const t = indexOf.get(e.target);
    if (s === undefined) problems.push({ message: `${name}: source ${quote(e.source)} is not a node.`, path: `${path}.source`, edgeIndex: i });
    if (t === undefined) problems.push({ message: `${name}: target ${quote(e.target)} is not a node.`, path: `${path}.target`, edgeIndex: i });
    if (s === undefined || t === undefined || s < 0 || t < 0) return;
    const target = nodes[t];
    if ((e.sourcePort ?? 0) !== 0) {
      problems.push({
        message: `${name}: node ${quote(e.source)} (${nodes[s].op.name}) has one output; sourcePort ${e.sourcePort} does not exist.`,
        path: `${path}.sourcePort`,
        edgeIndex: i,
      });
      return;
    }
    const arity = target.op.arity;
    if (arity.kind === 'leaf') {
      problems.push({
        message: `${name}: node ${quote(e.target)} is a ${target.op.name} leaf and takes no inputs.`,
        path: `${path}.target`,
        edgeIndex: i,
        nodeId: target.id,
      });
      return;
    }
    if (arity.kind === 'fixed' && e.port >= arity.ports.length) {
      problems.push({
        message: `${name}: port ${e.port} does not exist on ${quote(e.target)} (${target.op.name} has ports 0..${arity.ports.length - 1}: ${arity.ports.join(', ')}).`,
        path: `${path}.port`,
        edgeIndex: i,
        nodeId: target.id,
      });
      return;
    }
    const taken = portsOf[t].get(e.port);
    if (taken) {
      problems.push({
        message: `${name}: port ${e.port} of ${quote(e.target)} already has an edge (edge ${taken.modelIndex} from ${quote(nodes[taken.source].id)}).`,
        path: `${path}.port`,
        edgeIndex: i,
        nodeId: target.id,
      });
      return;
    }
    const edge: GraphEdge = { index: edges.length, modelIndex: i, source: s, target: t, port: e.port };
    edges.push(edge);
    portsOf[t].set(e.port, edge);
  });

  // Ports per node: fixed ops need every port; variadic ops need 0..k-1 without gaps, k >= min.
  // Counted before any is allocated: a variadic node's k follows its highest wired port, so one
  // edge into port 99,999 asks for 100,000 slots, and 20,000 such nodes for two billion.
  const counts = new Int32Array(nodes.length);
  let gaps = 0;
  for (const node of nodes) {
    const arity = node.op.arity;
    if (arity.kind === 'leaf') continue;
    const ports = portsOf[node.index];
    if (arity.kind === 'fixed') {
      counts[node.index] = arity.ports.length;
      continue;
    }
    let count = arity.min;
    for (const p of ports.keys()) count = Math.max(count, p + 1);
    if (arity.multipleOf && count % arity.multipleOf) count += arity.multipleOf - (count % arity.multipleOf);
    counts[node.index] = count;
    gaps += count - Math.max(ports.size, arity.min);
  }
  if (gaps > MAX_MODEL_EDGES) {
    const worst = nodes
      .filter((n) => n.op.arity.kind === 'variadic')
      .sort((a, b) => counts[b.index] - portsOf[b.index].size - (counts[a.index] - portsOf[a.index].size))
      .slice(0, 3);
    const said = worst.map(
      (n) =>
        `${nodeRefWithOp(n, n.op.name)} is wired up to port ${countText(counts[n.index] - 1)} on ${countText(portsOf[n.index].size)} edge${portsOf[n.index].size === 1 ? '' : 's'}`,
    );
    problems.push({
      message: `Ports are numbered from 0 without gaps, but ${countText(gaps)} ports below wired ones are empty: ${said.join('; ')}.`,
      nodeId: worst[0].id,
    });
    return { problems };
  }
  const emptyPorts = new Map<number, { first: number[]; count: number }>();
  for (const node of nodes) {
    if (node.op.arity.kind === 'leaf') continue;
    const ports = portsOf[node.index];
    node.inputs = new Int32Array(counts[node.index]).fill(-1);
    for (const [p, edge] of ports) node.inputs[p] = edge.index;
    const empty = missingPorts(node.inputs.length, ports);
    if (empty.count) emptyPorts.set(node.index, empty);
  }
  // An empty port inside a layer macro is one of the macro's own inputs left unwired: said of the
  // macro and its port (expandMacros words it), not of a primitive the user does not see.
  const fileNode = new Map(fileModel.nodes.map((n) => [n.id, n]));
  const macroRef = (id: string) => nodeRef({ id, label: nodeLabel(fileNode.get(id) ?? { id }) });
  const missing = new Map<number, string>();
  const firstIndex = new Map<string, number>();
  model.nodes.forEach((m, i) => {
    if (!firstIndex.has(m.id)) firstIndex.set(m.id, i);
  });
  for (const [n, empty] of emptyPorts) {
    const node = nodes[n];
    const names = listSome(
      empty.first.map((p) => `${p} (${portName(node.op, p, node.inputs.length)})`),
      empty.count,
    );
    const message =
      (node.origin !== undefined && ex.macros.get(node.origin)?.unwired) ||
      `Node ${nodeRefWithOp(node, node.op.name)}: port${empty.count > 1 ? 's' : ''} ${names} ${empty.count > 1 ? 'have' : 'has'} no input.`;
    missing.set(n, message);
    if (!options.allowIncomplete) problems.push({ message, nodeId: node.id, path: `nodes[${ex.nodeSource[firstIndex.get(node.id)!]}]` });
  }

  const preds = nodes.map((n) => [...n.inputs].filter((e) => e >= 0).map((e) => edges[e].source));
  const outEdges: number[][] = nodes.map(() => []);
  for (const e of edges) outEdges[e.source].push(e.index);
  const succs = outEdges.map((list) => list.map((e) => edges[e].target));
  const { order, cycle } = topoSort(nodes.length, preds, succs);
  if (cycle) {
    const shown =
      cycle.length <= 12
        ? [...cycle, cycle[0]].map((n) => nodeRef(nodes[n])).join(' -> ')
        : `${cycle
            .slice(0, 8)
            .map((n) => nodeRef(nodes[n]))
            .join(' -> ')} -> … (${countText(cycle.length)} nodes) -> ${nodeRef(nodes[cycle[0]])}`;
    problems.push({ message: `The graph has a cycle: ${shown}. A computational graph must be acyclic.`, nodeId: nodes[cycle[0]].id });
  }

  let loss = -1;
  if (model.loss !== undefined) {
    const l = indexOf.get(model.loss);
    if (l === undefined || l < 0) problems.push({ message: `loss: ${quote(model.loss)} is not a node.`, path: 'loss' });
    else loss = l;
  } else if (!options.allowIncomplete) {
    problems.push({ message: 'loss: the model names no loss node; set "loss" to the id of the node to differentiate.', path: 'loss' });
  }

  if (problems.length) return { problems };

  // Incompleteness flows downstream: a node fed by an incomplete node is incomplete too.
  const incomplete = new Map<number, string>(missing);
  for (const n of order) {
    if (incomplete.has(n)) continue;
    for (const e of nodes[n].inputs) {
      const src = edges[e].source;
      if (incomplete.has(src)) {
        const from = nodes[src].origin;
        // Within one macro the reason is the macro's; out of one, the macro is what is waited on.
        if (from !== undefined && from === nodes[n].origin) incomplete.set(n, incomplete.get(src)!);
        else incomplete.set(n, `Waiting on ${from !== undefined ? macroRef(from) : nodeRef(nodes[src])}, which is incomplete.`);
        break;
      }
    }
  }

  const reachesLoss = new Uint8Array(nodes.length);
  if (loss >= 0) {
    reachesLoss[loss] = 1;
    for (let i = order.length - 1; i >= 0; i--) {
      const n = order[i];
      if (reachesLoss[n]) for (const e of nodes[n].inputs) if (e >= 0) reachesLoss[edges[e].source] = 1;
    }
  }

  return { graph: { nodes, edges, indexOf, outEdges, order, loss, reachesLoss, incomplete, macros: ex.macros }, problems };
}

/**
 * The node index that carries `id`'s output `sourcePort`: the node itself, or for a macro the
 * primitive computing that output. How the editor reads values and gradients of a collapsed macro.
 */
export function outputNode(graph: Graph, id: string, sourcePort = 0): number | undefined {
  const macro = graph.macros.get(id);
  const target = macro ? macro.outputs[sourcePort] : sourcePort === 0 ? id : undefined;
  return target === undefined ? undefined : graph.indexOf.get(target);
}
