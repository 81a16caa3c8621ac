/**
 * Layered left-to-right layout with elkjs, loaded on first use (it is about 1.5 MB). Ports sit
 * where the card draws its handles, so operands keep their top-to-bottom order; an expanded macro
 * is laid out as one compound box, so its frame never overlaps other nodes.
 */
import type { Model } from '../../graph-engine/index.ts';
import type { ElkNode, ElkExtendedEdge } from 'elkjs/lib/elk.bundled.js';
import type { XY } from '../store/modelEdits.ts';
import { expandedMacros } from '../../graph-engine/index.ts';
import type { Size } from '../canvas/flowElements.ts';
import { rowCentre } from '../canvas/cardMetrics.ts';

const DEFAULT_SIZE: Size = { width: 170, height: 96 };
const GROUP_PREFIX = 'group:';

export async function layoutPositions(model: Model, sizeOf: (id: string) => Size | undefined): Promise<Map<string, XY>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const inPorts = new Map<string, number>();
  const outPorts = new Map<string, number>();
  for (const e of model.edges) {
    inPorts.set(e.target, Math.max(inPorts.get(e.target) ?? 0, e.port + 1));
    outPorts.set(e.source, Math.max(outPorts.get(e.source) ?? 0, (e.sourcePort ?? 0) + 1));
  }
  const elkNode = (id: string): ElkNode => {
    const size = sizeOf(id) ?? DEFAULT_SIZE;
    const ports = [
      ...Array.from({ length: inPorts.get(id) ?? 0 }, (_, p) => ({ id: `${id}\u0000in${p}`, x: 0, y: rowCentre(p), width: 1, height: 1 })),
      ...Array.from({ length: outPorts.get(id) ?? 1 }, (_, p) => ({ id: `${id}\u0000out${p}`, x: size.width, y: rowCentre(p), width: 1, height: 1 })),
    ];
    return { id, ...size, ports, layoutOptions: { 'elk.portConstraints': 'FIXED_POS' } };
  };

  const groups = expandedMacros(model);
  const groupOf = new Map<string, string>();
  for (const [id, rec] of Object.entries(groups)) for (const m of rec.members) groupOf.set(m, id);
  const children: ElkNode[] = model.nodes.filter((n) => !groupOf.has(n.id)).map((n) => elkNode(n.id));
  for (const [id, rec] of Object.entries(groups)) {
    const members = new Set(rec.members);
    children.push({
      id: GROUP_PREFIX + id,
      layoutOptions: { 'elk.padding': '[top=48,left=28,bottom=28,right=28]' },
      children: model.nodes.filter((n) => members.has(n.id)).map((n) => elkNode(n.id)),
    });
  }
  const edges: ElkExtendedEdge[] = model.edges.map((e, i) => ({
    id: `e${i}`,
    sources: [`${e.source}\u0000out${e.sourcePort ?? 0}`],
    targets: [`${e.target}\u0000in${e.port}`],
  }));

  const result = await new ELK().layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '80',
      'elk.spacing.nodeNode': '32',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    },
    children,
    edges,
  });

  const positions = new Map<string, XY>();
  const collect = (nodes: ElkNode[] | undefined, dx: number, dy: number) => {
    for (const c of nodes ?? []) {
      const x = dx + (c.x ?? 0);
      const y = dy + (c.y ?? 0);
      if (c.id.startsWith(GROUP_PREFIX)) collect(c.children, x, y);
      else positions.set(c.id, { x, y });
    }
  };
  collect(result.children, 0, 0);
  return positions;
}
