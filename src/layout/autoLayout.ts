/** Layered left-to-right layout with elkjs, loaded on first use (it is about 1.5 MB). */
import type { Model } from '../../graph-engine/index.ts';
import type { XY } from '../store/modelEdits.ts';
import type { Size } from '../canvas/flowElements.ts';

const DEFAULT_SIZE: Size = { width: 170, height: 96 };

export async function layoutPositions(model: Model, sizeOf: (id: string) => Size | undefined): Promise<Map<string, XY>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const result = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '90',
      'elk.spacing.nodeNode': '36',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    },
    children: model.nodes.map((n) => ({ id: n.id, ...(sizeOf(n.id) ?? DEFAULT_SIZE) })),
    edges: model.edges.map((e, i) => ({ id: `e${i}`, sources: [e.source], targets: [e.target] })),
  });
  return new Map((result.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
}
