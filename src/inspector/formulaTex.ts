/** LaTeX for a node's computation, from the registry's latex functions and the engine's values. */
import { numberTex, texName, type Graph } from '../../graph-engine/index.ts';

export interface NodeTex {
  /** e.g. `J = 3 \cdot v` */
  symbolic: string;
  /** e.g. `J = 3 \cdot 11 = 33` */
  numeric?: string;
  /** d(node)/d(operand) per operand, symbolic. */
  partials: string[];
}

export function nodeTex(graph: Graph, nodeId: string, value: (n: number) => number): NodeTex | undefined {
  const i = graph.indexOf.get(nodeId);
  if (i === undefined || i < 0) return undefined;
  const node = graph.nodes[i];
  if (node.op.arity.kind === 'leaf') return undefined;
  const out = texName(node.label);
  const sources = [...node.inputs].map((e) => (e >= 0 ? graph.edges[e].source : -1));
  const names = sources.map((s, k) => (s >= 0 ? texName(graph.nodes[s].label) : `\\square_{${k + 1}}`));
  const complete = sources.every((s) => s >= 0);
  const symbolic = `${out} = ${node.op.latex.value(names, node.attrs)}`;
  const numeric = complete
    ? `${out} = ${node.op.latex.value(
        sources.map((s) => numberTex(value(s))),
        node.attrs,
      )} = ${numberTex(value(i))}`
    : undefined;
  const partials = names.map((n, k) => `\\frac{\\partial ${out}}{\\partial ${n}} = ${node.op.latex.partial(names, k, out, node.attrs)}`);
  return { symbolic, numeric, partials };
}
