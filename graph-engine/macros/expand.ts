/**
 * Macro expansion: a model with layer macros becomes a model of primitives only, before the graph
 * is indexed. Expanded ids are `<macro id>/<local id>` (e.g. `h1/w0_1`, `h1/z0`, `net/l2/a3`),
 * deterministic and readable. Edges into macro port i are fanned out to every primitive that reads
 * input i; edges from macro output p (sourcePort p) come from the primitive that computes it.
 */
import { nodeLabel, nodeRefWithOp, type Model, type ModelEdge, type ModelNode, type Problem } from '../core/model.ts';
import type { z } from 'zod';
import { getOp, resolveAttrs } from '../ops/registry.ts';
import type { OpDef } from '../ops/types.ts';
import { rngFor, type Rng } from '../core/random.ts';
import { countText, listSome, MAX_MODEL_EDGES, missingPorts, MAX_MODEL_NODES } from '../core/limits.ts';
import { attrPhrase, readSettings, type AttrProblem } from './settings.ts';
import type { LayerSpec, MacroDef, MacroInstance, MacroSize, RawAttrs, Source } from './types.ts';

export interface ExpandOptions {
  /** Editor mode: unwired macro ports leave the primitives that read them incomplete. */
  allowIncomplete?: boolean;
  /** Seed for parameters not stored in attrs (default: the model's training.seed, else 0). */
  seed?: number;
  /** Expand only these macro ids (the editor's "expand in place"); others stay macro nodes. */
  only?: ReadonlySet<string>;
}

export interface Expanded {
  /** The model with (the selected) macros replaced by primitives; every other field kept. */
  model: Model;
  /** Per expanded node: index of the file node it came from (a macro's nodes share its index). */
  nodeSource: number[];
  /** Per expanded edge: index of the file edge it came from, -1 for edges inside a macro. */
  edgeSource: number[];
  /** Macro id of each node that came from a macro. */
  origin: Map<string, string>;
  macros: Map<string, MacroInstance>;
  problems: Problem[];
}

const quote = (s: string) => JSON.stringify(s);

/** The seed macros draw their missing parameters from. */
function modelSeed(model: Model): number {
  return model.training?.seed ?? 0;
}

/** Settings as a macro's schema gives them (each def's functions take its own schema's output). */
type Settings = z.output<MacroDef['settings']>;

interface Local {
  nodes: ModelNode[];
  edges: { from: Source; to: string; port: number }[];
  outputs: string[];
  layers: LayerSpec[];
  place: Record<string, { col: number; row: number }>;
}

/** Runs a macro definition on its checked settings, collecting its primitives under the prefix `<id>/`. */
function runMacro(def: MacroDef, settings: Settings, node: ModelNode, inputs: number, seed: number): Local {
  const prefix = `${node.id}/`;
  const local: Local = { nodes: [], edges: [], outputs: [], layers: [], place: {} };
  let rng: Rng | undefined;
  const full = (s: Source): Source => (typeof s === 'string' ? prefix + s : s);
  def.expand(
    {
      node(id, op, place, extra) {
        const full = prefix + id;
        // Where it goes is the caller's to decide: place is a grid cell, a canvas (the editor's
        // expand in place) sizes the grid to its cards.
        local.place[full] = place;
        const n: ModelNode = { id: full, op, label: id };
        if (extra?.value !== undefined) n.value = extra.value;
        if (extra?.attrs) n.attrs = extra.attrs;
        if (extra?.label) n.label = extra.label;
        local.nodes.push(n);
        return id;
      },
      edge: (from, to, port) => local.edges.push({ from: full(from), to: prefix + to, port }),
      output: (port, id) => {
        local.outputs[port] = prefix + id;
      },
      layer: (spec) =>
        local.layers.push({
          ...spec,
          inputs: spec.inputs.map(full),
          W: spec.W.map((r) => r.map((w) => prefix + w)),
          b: spec.b.map((x) => prefix + x),
          z: spec.z.map((x) => prefix + x),
          out: spec.out.map((x) => prefix + x),
          ...(spec.dropout ? { dropout: { rate: spec.dropout.rate, out: spec.dropout.out.map((x) => prefix + x) } } : {}),
        }),
      uniform: (limit) => {
        rng ??= rngFor(seed, node.id);
        return (2 * rng() - 1) * limit;
      },
      opAttrs: (op, given) => resolveAttrs(getOp(op)!, given),
    },
    settings,
    inputs,
  );
  return local;
}

const macroOf = (n: ModelNode): OpDef | undefined => {
  const op = getOp(n.op);
  return op?.macro ? op : undefined;
};

/** One macro node, checked: its attrs' problems, else its settings and what it would build. */
interface MacroPlan {
  id: string;
  /** Index of the node in the file. */
  index: number;
  def: MacroDef;
  /** Inputs it has: wired, implied by stored weights, or the op's minimum. */
  inputs: number;
  /** Problems with its attrs (schema, shapes, size), each naming the node and the attr. */
  attrProblems: Problem[];
  settings?: Settings;
  size?: MacroSize;
}

interface Plans {
  macroIndex: Map<string, number>;
  portEdges: Map<string, Map<number, number>>;
  plans: Map<string, MacroPlan>;
  unwired: Map<string, string>;
  /** Every problem found, in file order: ports, wiring, then each macro's attrs. */
  problems: Problem[];
}

const nameOf = (node: ModelNode) => `Node ${nodeRefWithOp({ id: node.id, label: nodeLabel(node) }, node.op)}`;

/**
 * Checks every (selected) macro without building anything: its ports, its attrs against its
 * settings schema and shapes, and what it would expand into against the model limits.
 */
function planMacros(model: Model, options: ExpandOptions): Plans {
  const problems: Problem[] = [];
  const macroIndex = new Map<string, number>();
  model.nodes.forEach((n, i) => {
    if (macroOf(n) && !macroIndex.has(n.id) && (!options.only || options.only.has(n.id))) macroIndex.set(n.id, i);
  });

  // Which file edge feeds each macro port.
  const portEdges = new Map<string, Map<number, number>>();
  for (const id of macroIndex.keys()) portEdges.set(id, new Map());
  model.edges.forEach((e, i) => {
    const ports = portEdges.get(e.target);
    if (!ports) return;
    const taken = ports.get(e.port);
    if (taken !== undefined) {
      problems.push({
        message: `Edge ${i} (${e.source} -> ${e.target}): port ${e.port} of ${quote(e.target)} already has an edge (edge ${taken} from ${quote(model.edges[taken].source)}).`,
        path: `edges[${i}].port`,
        edgeIndex: i,
        nodeId: e.target,
      });
    } else ports.set(e.port, i);
  });

  const plans = new Map<string, MacroPlan>();
  const unwired = new Map<string, string>();
  for (const [id, ni] of macroIndex) {
    const node = model.nodes[ni];
    const op = macroOf(node)!;
    const def = op.macro!;
    const min = op.arity.kind === 'variadic' ? op.arity.min : 1;
    const ports = portEdges.get(id)!;
    let wired = 0; // highest wired port + 1 (a loop: spreading 100,000 ports into Math.max overflows the stack)
    for (const p of ports.keys()) wired = Math.max(wired, p + 1);
    const stored = def.storedInputs?.(node.attrs ?? {});
    const name = nameOf(node);
    const path = `nodes[${ni}]`;
    // Stored weights fix the input count; an unwired port is then missing rather than a mismatch.
    const k = Math.max(wired, stored ?? 0, min);
    const empty = missingPorts(k, ports);
    if (empty.count) {
      const names = listSome(
        empty.first.map((p) => `${p} (${op.arity.kind === 'variadic' ? op.arity.portName(p, k) : p})`),
        empty.count,
      );
      const message = `${name}: input port${empty.count > 1 ? 's' : ''} ${names} ${empty.count > 1 ? 'have' : 'has'} no input.`;
      // An error in a file; in the editor the layer is incomplete, and says so with this message.
      if (!options.allowIncomplete) problems.push({ message, path, nodeId: id });
      else unwired.set(id, message);
    }
    if (stored !== undefined && wired > stored) {
      problems.push({
        message: `${name}: its stored weights expect ${stored} input${stored === 1 ? '' : 's'} but ${wired} are wired; rewire it, or delete its weight attrs to re-initialise them.`,
        path: `${path}.attrs`,
        nodeId: id,
      });
      continue;
    }
    const plan: MacroPlan = { id, index: ni, def, inputs: k, ...checkAttrs(def, node, ni, k) };
    plans.set(id, plan);
    problems.push(...plan.attrProblems);
  }
  return { macroIndex, portEdges, plans, unwired, problems };
}

/** One macro's attrs: the schema, the shapes, then the size it would build (counted, never built). */
function checkAttrs(def: MacroDef, node: ModelNode, index: number, k: number): Pick<MacroPlan, 'attrProblems' | 'settings' | 'size'> {
  const name = nameOf(node);
  const path = `nodes[${index}].attrs`;
  const refused = (bad: AttrProblem[]) => ({
    attrProblems: bad.map((p) => ({ message: `${name}: ${attrPhrase(p)}.`, path: `${path}.${p.attr}`, nodeId: node.id })),
  });
  const read = readSettings(def.settings, node.attrs ?? {});
  if (read.problems) return refused(read.problems);
  const bad = def.check(read.settings, k);
  if (bad.length) return refused(bad);
  // Counted before anything is built: a few bytes of attrs can ask for millions of nodes.
  const size = def.size(read.settings, k);
  if (size.nodes > MAX_MODEL_NODES || size.edges > MAX_MODEL_EDGES) {
    return {
      attrProblems: [
        {
          message: `${name}: this layer (${size.shape}) would expand into ${countText(size.nodes)} nodes and ${countText(size.edges)} edges (${countText(size.params)} parameters); GraphGrad builds models of up to ${countText(MAX_MODEL_NODES)} nodes and ${countText(MAX_MODEL_EDGES)} edges. Use fewer or narrower layers.`,
          path,
          nodeId: node.id,
        },
      ],
    };
  }
  return { attrProblems: [], settings: read.settings, size };
}

/**
 * The model's size once every planned macro is expanded, as a problem when it exceeds the limits,
 * naming the largest layers. Call only when every macro has a size.
 */
function totalSizeProblem(model: Model, { macroIndex, plans }: Plans): Problem | undefined {
  const total = {
    nodes: model.nodes.length - macroIndex.size,
    edges: model.edges.reduce((n, e) => (macroIndex.has(e.target) ? n : n + 1), 0),
  };
  for (const p of plans.values()) {
    total.nodes += p.size!.nodes;
    total.edges += p.size!.edges;
  }
  if (total.nodes <= MAX_MODEL_NODES && total.edges <= MAX_MODEL_EDGES) return undefined;
  const largest = [...plans.values()]
    .sort((a, b) => b.size!.nodes - a.size!.nodes)
    .slice(0, 3)
    .map((p) => {
      const n = model.nodes[p.index];
      return `${nodeRefWithOp({ id: p.id, label: nodeLabel(n) }, n.op)} ${countText(p.size!.nodes)} nodes (${p.size!.shape})`;
    });
  // No nodeId: no one layer is at fault, so none stands in for the rest (graph.ts).
  return {
    message: `The layers of this model would expand into ${countText(total.nodes)} nodes and ${countText(total.edges)} edges in all; GraphGrad builds models of up to ${countText(MAX_MODEL_NODES)} nodes and ${countText(MAX_MODEL_EDGES)} edges. Largest: ${largest.join('; ')}. Use fewer or narrower layers.`,
    path: 'nodes',
  };
}

/**
 * What the engine says to giving macro node `id` these attrs, without building anything: the
 * problems with the attrs (each naming the node and the attr, or the layer's size), else the
 * model's total size when it would exceed the limits. Wiring problems are not the attrs' and are
 * left out. The inspector checks each edit with this, so it accepts exactly what the engine does.
 */
export function macroAttrsProblems(model: Model, id: string, attrs: RawAttrs): Problem[] {
  const index = model.nodes.findIndex((n) => n.id === id);
  if (index < 0) return [];
  const candidate = { ...model, nodes: model.nodes.map((n, i) => (i === index ? { ...n, attrs: { ...attrs } } : n)) };
  const planned = planMacros(candidate, { allowIncomplete: true });
  const plan = planned.plans.get(id);
  if (!plan) return [];
  if (plan.attrProblems.length) return plan.attrProblems;
  // The total is known once every layer has a size; a layer elsewhere with problems of its own is
  // reported on that layer.
  const sized = [...planned.plans.values()].every((p) => p.size) && planned.plans.size === planned.macroIndex.size;
  const total = sized ? totalSizeProblem(candidate, planned) : undefined;
  return total ? [total] : [];
}

/** Expands macros; problems name the macro node or the file edge. */
export function expandMacros(model: Model, options: ExpandOptions = {}): Expanded {
  if (!model.nodes.some((n) => macroOf(n) && (!options.only || options.only.has(n.id)))) {
    return { model, nodeSource: model.nodes.map((_, i) => i), edgeSource: model.edges.map((_, i) => i), origin: new Map(), macros: new Map(), problems: [] };
  }
  const seed = options.seed ?? modelSeed(model);
  const planned = planMacros(model, options);
  const { macroIndex, portEdges, plans, unwired, problems } = planned;
  if (problems.length) return { model, nodeSource: [], edgeSource: [], origin: new Map(), macros: new Map(), problems };
  const total = totalSizeProblem(model, planned);
  if (total) return { model, nodeSource: [], edgeSource: [], origin: new Map(), macros: new Map(), problems: [total] };
  const locals = new Map<string, Local>();
  // No problems: every plan passed its checks and holds its settings.
  for (const [id, plan] of plans) locals.set(id, runMacro(plan.def, plan.settings!, model.nodes[plan.index], plan.inputs, seed));

  // Sources: a macro output port resolves to the primitive that computes it.
  const resolve = (e: ModelEdge, i: number): { source: string; sourcePort?: number } | undefined => {
    const local = locals.get(e.source);
    if (!local) return { source: e.source, sourcePort: e.sourcePort };
    const p = e.sourcePort ?? 0;
    const out = local.outputs[p];
    if (out === undefined) {
      problems.push({
        message: `Edge ${i} (${e.source} -> ${e.target}): ${quote(e.source)} has outputs 0..${local.outputs.length - 1}; sourcePort ${p} does not exist.`,
        path: `edges[${i}].sourcePort`,
        edgeIndex: i,
      });
      return undefined;
    }
    return { source: out };
  };

  const nodes: ModelNode[] = [];
  const nodeSource: number[] = [];
  const origin = new Map<string, string>();
  model.nodes.forEach((n, i) => {
    const local = macroIndex.get(n.id) === i ? locals.get(n.id) : undefined;
    if (!local) {
      nodes.push(n);
      nodeSource.push(i);
      return;
    }
    for (const m of local.nodes) {
      nodes.push(m);
      nodeSource.push(i);
      origin.set(m.id, n.id);
    }
  });

  const edges: ModelEdge[] = [];
  const edgeSource: number[] = [];
  const macroInputs = new Map<string, ({ source: string; sourcePort?: number; file: number } | undefined)[]>();
  model.edges.forEach((e, i) => {
    const src = resolve(e, i);
    if (!src) return;
    if (locals.has(e.target)) {
      const list = macroInputs.get(e.target) ?? [];
      if (portEdges.get(e.target)!.get(e.port) === i) list[e.port] = { ...src, file: i };
      macroInputs.set(e.target, list);
      return;
    }
    const { sourcePort: _drop, ...rest } = e;
    edges.push(src.sourcePort ? { ...rest, source: src.source, sourcePort: src.sourcePort } : { ...rest, source: src.source });
    edgeSource.push(i);
  });

  const macros = new Map<string, MacroInstance>();
  for (const [id, local] of locals) {
    const k = plans.get(id)!.inputs;
    const ins = macroInputs.get(id) ?? [];
    const inputConsumers: MacroInstance['inputConsumers'] = Array.from({ length: k }, () => []);
    for (const le of local.edges) {
      if (typeof le.from === 'string') {
        edges.push({ source: le.from, target: le.to, port: le.port });
        edgeSource.push(-1);
        continue;
      }
      inputConsumers[le.from.input].push({ node: le.to, port: le.port });
      const src = ins[le.from.input];
      if (!src) continue; // unwired (editor mode): the consumer stays incomplete
      edges.push(
        src.sourcePort
          ? { source: src.source, sourcePort: src.sourcePort, target: le.to, port: le.port }
          : { source: src.source, target: le.to, port: le.port },
      );
      edgeSource.push(src.file);
    }
    const inputId = (s: Source) => (typeof s === 'string' ? s : (ins[s.input]?.source ?? ''));
    macros.set(id, {
      id,
      op: model.nodes[macroIndex.get(id)!].op,
      inputs: k,
      nodes: local.nodes.map((n) => n.id),
      params: local.nodes.filter((n) => n.op === 'param').map((n) => n.id),
      outputs: local.outputs,
      inputConsumers,
      place: local.place,
      layers: local.layers.map((l) => ({ ...l, inputs: l.inputs.map(inputId) })),
      ...(unwired.has(id) ? { unwired: unwired.get(id) } : {}),
    });
  }

  const out: Model = { ...model, nodes, edges };
  if (model.loss !== undefined && locals.has(model.loss)) out.loss = locals.get(model.loss)!.outputs[0];
  return { model: out, nodeSource, edgeSource, origin, macros, problems };
}

/**
 * The model with every macro's parameters written into its attrs (`value(id)` gives a param's
 * value by expanded id) and every plain `param` node's value likewise: how trained weights are
 * saved, and how a freshly initialised model gets its weights stored.
 */
export function withParams(model: Model, value: (id: string) => number | undefined, options: ExpandOptions = {}): Model {
  const ex = expandMacros(model, { ...options, allowIncomplete: true });
  return {
    ...model,
    nodes: model.nodes.map((n) => {
      const inst = ex.macros.get(n.id);
      if (inst) {
        const def = getOp(n.op)!.macro!;
        if (!def.readParams) return n;
        const values = new Map(ex.model.nodes.filter((m) => ex.origin.get(m.id) === n.id).map((m) => [m.id, m.value]));
        const read = (local: string) => value(`${n.id}/${local}`) ?? values.get(`${n.id}/${local}`) ?? Number.NaN;
        // It expanded, so its attrs pass the schema.
        const { settings } = readSettings(def.settings, n.attrs ?? {});
        if (!settings) return n;
        return { ...n, attrs: { ...n.attrs, ...def.readParams(settings, inst.inputs, read) } };
      }
      if (n.op !== 'param') return n;
      const v = value(n.id);
      return v === undefined ? n : { ...n, value: v };
    }),
  };
}

/** The model with every macro's stored parameters removed, so they are drawn afresh from the seed. */
export function withoutMacroParams(model: Model): Model {
  return {
    ...model,
    nodes: model.nodes.map((n) => {
      const drop = macroOf(n)?.macro?.paramAttrs;
      if (!drop || !n.attrs) return n;
      return { ...n, attrs: Object.fromEntries(Object.entries(n.attrs).filter(([k]) => !drop.includes(k))) };
    }),
  };
}

/** Stores the seeded initial parameters of every macro that has none yet. */
export function initMacroParams(model: Model, seed?: number): Model {
  return withParams(model, () => undefined, { seed });
}

/** One macro's expansion for the editor: its primitive nodes and edges, and grid cells (`instance.place`) to lay them out on. */
export function expandMacroNode(
  model: Model,
  id: string,
  options: Omit<ExpandOptions, 'only'> = {},
): { model: Model; instance?: MacroInstance; problems: Problem[] } {
  const ex = expandMacros(model, { allowIncomplete: true, ...options, only: new Set([id]) });
  return { model: ex.model, instance: ex.macros.get(id), problems: ex.problems };
}
