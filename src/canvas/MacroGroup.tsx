/**
 * The outline around an expanded layer macro, with its name and a Collapse button. Derived from
 * the model's record of expanded macros; not a model node, not selectable, not draggable.
 */
import { memo } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import { nodeLabel, type Model } from '../../graph-engine/index.ts';
import { editorStore } from '../store/useEditor.ts';
import { expandedMacros } from '../store/macroEdits.ts';
import type { Size } from './flowElements.ts';

export interface MacroGroupData extends Record<string, unknown> {
  macroId: string;
  title: string;
}
export type MacroGroupNode = Node<MacroGroupData, 'macroGroup'>;

const PAD = 24;
const FALLBACK: Size = { width: 170, height: 100 };

function MacroGroupFrame({ data }: NodeProps<MacroGroupNode>) {
  return (
    <div className="macro-group">
      <div className="macro-group__header">
        <span>{data.title}</span>
        <button
          type="button"
          className="nodrag nopan"
          onClick={() => editorStore.getState().collapseMacro(data.macroId)}
          aria-label={`Collapse ${data.macroId}`}
        >
          Collapse
        </button>
      </div>
    </div>
  );
}

export const MacroGroup = memo(MacroGroupFrame);

/** One frame per expanded macro, around its member nodes' current boxes. */
export function macroGroupNodes(model: Model, sizeOf: (id: string) => Size | undefined): MacroGroupNode[] {
  const records = Object.entries(expandedMacros(model));
  if (records.length === 0) return [];
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  return records.flatMap(([id, rec]) => {
    let x0 = Infinity,
      y0 = Infinity,
      x1 = -Infinity,
      y1 = -Infinity;
    for (const m of rec.members) {
      const p = byId.get(m)?.position;
      if (!p) continue;
      const s = sizeOf(m) ?? FALLBACK;
      x0 = Math.min(x0, p.x);
      y0 = Math.min(y0, p.y);
      x1 = Math.max(x1, p.x + s.width);
      y1 = Math.max(y1, p.y + s.height);
    }
    if (!Number.isFinite(x0)) return [];
    const width = x1 - x0 + 2 * PAD;
    const height = y1 - y0 + 2 * PAD;
    return [
      {
        id: `macro-group:${id}`,
        type: 'macroGroup' as const,
        position: { x: x0 - PAD, y: y0 - PAD },
        data: { macroId: id, title: `${rec.node.op} ${nodeLabel(rec.node)} (expanded)` },
        width,
        height,
        measured: { width, height },
        selectable: false,
        draggable: false,
        focusable: false,
        zIndex: -1,
      },
    ];
  });
}
