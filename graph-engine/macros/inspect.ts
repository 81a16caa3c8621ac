/**
 * What the editor shows on a collapsed macro node: each output port's value and gradient (read from
 * the primitive that computes it) and its parameters, for one sample of a Session.
 */
import type { Graph } from '../graph/build.ts';
import type { Session } from '../autodiff/session.ts';

export interface MacroPortReading {
  port: number;
  /** Primitive node id that carries this output. */
  node: string;
  value: number;
  grad: number;
}

export interface MacroReading {
  id: string;
  outputs: MacroPortReading[];
  params: { id: string; value: number; grad: number }[];
}

export function readMacro(graph: Graph, session: Session, macroId: string, sample = 0): MacroReading | undefined {
  const macro = graph.macros.get(macroId);
  if (!macro) return undefined;
  const at = (id: string) => graph.indexOf.get(id)!;
  return {
    id: macroId,
    outputs: macro.outputs.map((node, port) => ({ port, node, value: session.value(at(node), sample), grad: session.grad(at(node), sample) })),
    params: macro.params.map((id) => ({ id, value: session.value(at(id), sample), grad: session.grad(at(id), sample) })),
  };
}

/** Primitive node indices per macro id: for grouping nodes by `origin` in one pass. */
export function nodesByMacro(graph: Graph): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const n of graph.nodes) if (n.origin) (out.get(n.origin) ?? out.set(n.origin, []).get(n.origin)!).push(n.index);
  return out;
}
